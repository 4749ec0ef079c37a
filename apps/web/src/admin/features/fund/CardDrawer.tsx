import type { BreakfastCard, BreakfastRedemption, Page } from '@niangjia/contracts';
import { Descriptions, Drawer, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';

/** One card's holder (masked) and its redemptions, approved and refused with the reason. */
export function CardDrawer({ cardId, card, onClose }: { cardId: string; card: BreakfastCard | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useRequest((signal) => api.get<Page<BreakfastRedemption>>(`/breakfast-cards/${cardId}/redemptions`, { page, pageSize: 20 }, { signal }), [cardId, page]);
  return (
    <Drawer open onClose={onClose} size={720} title={card ? `${card.number} · ${card.holderName}` : t('fundAdmin.cards.redemptions')}>
      {card && (
        <Descriptions column={2} bordered size="small" style={{ marginBottom: 20 }}>
          <Descriptions.Item label={t('fundAdmin.cards.fields.checkCode')}>
            <Typography.Text code copyable>
              {card.checkCode}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">{t('fundAdmin.cards.fields.checkCodeHint')}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('fundAdmin.cards.fields.phone')}>{card.holderPhoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fundAdmin.cards.fields.employer')}>{card.employer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fundAdmin.cards.fields.validUntil')}>{card.validUntil}</Descriptions.Item>
          <Descriptions.Item label={t('fundAdmin.cards.fields.total')}>{card.totalRedemptions}</Descriptions.Item>
          {card.suspendedReason && <Descriptions.Item label={t('fundAdmin.cards.fields.reason')}>{card.suspendedReason}</Descriptions.Item>}
          {card.replacedByNumber && <Descriptions.Item label={t('fundAdmin.cards.status.replaced')}>{card.replacedByNumber}</Descriptions.Item>}
        </Descriptions>
      )}
      <Typography.Title level={5}>{t('fundAdmin.cards.redemptions')}</Typography.Title>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<BreakfastRedemption>
        id="card-redemptions"
        columnSettings={false}
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={t('fundAdmin.cards.noRedemptions')} />,
        }}
        pagination={listPagination(
          t,
          {
            page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
          },
          (p) => setPage(p),
        )}
        columns={[
          {
            title: t('fundAdmin.cards.at'),
            key: 'redeemedAt',
            dataIndex: 'redeemedAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('fundAdmin.cards.station'),
            key: 'station',
            width: 240,
            ellipsis: true,
            render: (_: unknown, r) => `${r.stationName} · ${r.shopName}`,
          },
          {
            title: t('fundAdmin.cards.result'),
            key: 'result',
            width: 150,
            render: (_: unknown, r) =>
              r.status === 'approved' ? (
                <Tag color="green">{t('fundAdmin.cards.approved')}</Tag>
              ) : (
                <Tag color="red">
                  {t('fundAdmin.cards.refused')}
                  {r.code ? ` · ${t(`fundAdmin.refusals.${r.code}`, { defaultValue: r.code })}` : ''}
                </Tag>
              ),
          },
          {
            title: t('fundAdmin.reports.amountFen'),
            key: 'priceFen',
            dataIndex: 'priceFen',
            width: 100,
            render: (v: number | null) => formatMoney(v),
          },
        ]}
      />
    </Drawer>
  );
}
