import { DownloadOutlined } from '@ant-design/icons';
import type { Settlement } from '@niangjia/contracts';
import { App, Button, Card, DatePicker, Empty, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

type Row = Settlement['rows'][number];

/** 月度结算 for staff (every provider in scope) and for a provider (its own statement): the month's deliveries and money. */
export function SettlementsPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const path = mine ? '/market/my-settlements' : '/market/settlements';
  const data = useRequest((signal) => api.get<Settlement>(path, { month }, { signal }), [month, path]);
  const download = () => api.download(`${path}.xlsx`, { month }, `服务结算_${month}.xlsx`).catch((e: unknown) => message.error(errorText(e)));
  const totals = data.data?.totals;
  return (
    <Card
      title={mine ? t('market.menu.portalSettlements') : t('market.settlements.title')}
      extra={
        <Space>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          <Button icon={<DownloadOutlined />} onClick={() => void download()}>
            {t('market.common.download')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('market.settlements.intro')}</Typography.Paragraph>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Table<Row>
        rowKey={(r) => r.provider.id}
        loading={data.loading}
        dataSource={data.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('market.settlements.empty')} /> }}
        columns={[
          { title: t('market.settlements.fields.provider'), dataIndex: ['provider', 'name'], ellipsis: true },
          { title: t('market.settlements.fields.orders'), dataIndex: 'orders', width: 90, align: 'right' },
          { title: t('market.settlements.fields.attendance'), dataIndex: 'attendance', width: 100, align: 'right' },
          { title: t('market.settlements.fields.total'), dataIndex: 'totalFen', width: 140, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.settlements.fields.subsidy'), dataIndex: 'subsidyFen', width: 140, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.settlements.fields.payable'), dataIndex: 'payableFen', width: 140, align: 'right', render: (v: number) => formatMoney(v) },
        ]}
        summary={() =>
          totals && data.data?.rows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('market.settlements.totals')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{totals.orders}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{totals.attendance}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatMoney(totals.totalFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{formatMoney(totals.subsidyFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">{formatMoney(totals.payableFen)}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
