import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { BreakfastCard, Page } from '@niangjia/contracts';
import { App, Button, Card, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { CardDrawer } from './CardDrawer';
import { CardReasonModal, IssueCardModal } from './card-modals';
import { useFund } from './use-fund';

type Filters = { q?: string; status?: string };
type Action = { kind: 'issue' } | { kind: 'suspend' | 'reissue'; card: BreakfastCard };

export const CARD_STATUS_COLORS = {
  active: 'green',
  suspended: 'orange',
  replaced: 'default',
  expired: 'red',
} as const;

export function cardStatusOf(card: Pick<BreakfastCard, 'status' | 'isExpired'>): keyof typeof CARD_STATUS_COLORS {
  return card.status === 'active' && card.isExpired ? 'expired' : card.status;
}

/** 爱心基金 ▸ 爱心早餐卡 (/fund/cards): issue, suspend, resume, reissue; redemptions in the drawer. */
export function CardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { cardId } = useParams();
  const canWrite = me.permissions.includes('fund.write');
  const { fund } = useFund();
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [action, setAction] = useState<Action | null>(null);

  const list = useRequest((signal) => api.get<Page<BreakfastCard>>('/breakfast-cards', { ...filters, page, pageSize }, { signal }), [JSON.stringify(filters), page, pageSize]);
  const hasFilters = Object.values(filters).some(Boolean);

  const resume = (card: BreakfastCard) =>
    modal.confirm({
      title: `${t('fundAdmin.cards.resume')}：${card.number}`,
      okText: t('fundAdmin.cards.resume'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await api.post<BreakfastCard>(`/breakfast-cards/${card.id}/resume`, {
            version: card.version,
          });
          message.success(t('fundAdmin.cards.resumed'));
          list.reload();
        } catch (e) {
          message.error(errorText(e));
          list.reload();
        }
      },
    });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters({
              q: v.q?.trim() || undefined,
              status: v.status || undefined,
            });
            setPage(1);
          }}
        >
          <Form.Item name="q" label={t('fundAdmin.cards.keyword')}>
            <Input placeholder={t('fundAdmin.cards.keywordPlaceholder')} allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="status" label={t('fundAdmin.cards.fields.status')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('common.all')}
              options={(['active', 'suspended', 'replaced'] as const).map((v) => ({ value: v, label: t(`fundAdmin.cards.status.${v}`) }))}
            />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={t('fundAdmin.cards.title')}
        extra={
          canWrite && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => navigate('/fund/cards/imports')}>
                {t('fundAdmin.cards.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAction({ kind: 'issue' })}>
                {t('fundAdmin.cards.issue')}
              </Button>
            </Space>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('fundAdmin.cards.intro')}</Typography.Paragraph>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<BreakfastCard>
          id="cards"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: <Empty description={hasFilters ? t('fundAdmin.cards.emptyFiltered') : t('fundAdmin.cards.empty')} />,
          }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            {
              title: t('fundAdmin.cards.fields.number'),
              key: 'number',
              dataIndex: 'number',
              width: 150,
              render: (v: string, c) => <a onClick={() => navigate(`/fund/cards/${c.id}`)}>{v}</a>,
            },
            {
              title: t('fundAdmin.cards.fields.holderName'),
              key: 'holderName',
              dataIndex: 'holderName',
              width: 110,
            },
            {
              title: t('fundAdmin.cards.fields.phone'),
              key: 'holderPhoneMasked',
              dataIndex: 'holderPhoneMasked',
              width: 130,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('fundAdmin.cards.org'),
              key: 'org',
              dataIndex: ['org', 'name'],
              width: 160,
              ellipsis: true,
              priority: 3,
            },
            {
              title: t('fundAdmin.cards.fields.employer'),
              key: 'employer',
              dataIndex: 'employer',
              width: 180,
              ellipsis: true,
              priority: 3,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('fundAdmin.cards.fields.status'),
              key: 'status',
              width: 110,
              render: (_: unknown, c) => {
                const s = cardStatusOf(c);
                return <Tag color={CARD_STATUS_COLORS[s]}>{t(`fundAdmin.cards.status.${s}`)}</Tag>;
              },
            },
            {
              title: t('fundAdmin.cards.fields.validUntil'),
              key: 'validUntil',
              dataIndex: 'validUntil',
              width: 120,
            },
            {
              title: t('fundAdmin.cards.fields.today'),
              key: 'redeemedToday',
              dataIndex: 'redeemedToday',
              width: 90,
              align: 'right',
            },
            {
              title: t('fundAdmin.cards.fields.total'),
              key: 'totalRedemptions',
              dataIndex: 'totalRedemptions',
              width: 90,
              align: 'right',
            },
            {
              title: t('fundAdmin.cards.fields.issuedAt'),
              key: 'issuedAt',
              dataIndex: 'issuedAt',
              width: 150,
              priority: 3,
              render: (v: string) => formatDateTime(v),
            },
          ]}
          actions={(c) =>
            canWrite && c.status !== 'replaced' ? (
              <Space size={0}>
                {c.status === 'active' ? (
                  <Button type="link" size="small" onClick={() => setAction({ kind: 'suspend', card: c })}>
                    {t('fundAdmin.cards.suspend')}
                  </Button>
                ) : (
                  <Button type="link" size="small" onClick={() => resume(c)}>
                    {t('fundAdmin.cards.resume')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setAction({ kind: 'reissue', card: c })}>
                  {t('fundAdmin.cards.reissue')}
                </Button>
              </Space>
            ) : null
          }
        />
      </Card>
      {action?.kind === 'issue' && (
        <IssueCardModal
          fund={fund}
          onClose={() => setAction(null)}
          onDone={(card) => {
            setAction(null);
            message.success(t('fundAdmin.cards.issued', { number: card.number }));
            list.reload();
          }}
        />
      )}
      {(action?.kind === 'suspend' || action?.kind === 'reissue') && (
        <CardReasonModal
          kind={action.kind}
          card={action.card}
          onClose={() => setAction(null)}
          onDone={(card) => {
            setAction(null);
            message.success(action.kind === 'reissue' ? t('fundAdmin.cards.reissued', { number: card.number }) : t('fundAdmin.cards.suspended'));
            list.reload();
          }}
        />
      )}
      {cardId && <CardDrawer cardId={cardId} card={list.data?.items.find((c) => c.id === cardId)} onClose={() => navigate('/fund/cards')} />}
    </Space>
  );
}
