import type { CustodianStatement, Page, Reconciliation } from '@niangjia/contracts';
import { Alert, Button, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { thisMonth } from './fund-format';

/** The period a statement covers, as whole months; this month when there is none yet. */
function periodOf(statement: CustodianStatement | undefined): { from: string; to: string } {
  if (!statement?.fromDate || !statement.toDate) {
    const [from, to] = thisMonth();
    return { from, to };
  }
  return { from: dayjs(statement.fromDate).startOf('month').format('YYYY-MM-DD'), to: dayjs(statement.toDate).endOf('month').format('YYYY-MM-DD') };
}

/** Ledger transfers against the statements for a period: every difference with the entries behind it. */
export function ReconciliationView() {
  const { t } = useTranslation();
  const [picked, setRange] = useState<{ from: string; to: string } | null>(null);
  // Until staff pick a period, 对账 opens on the latest statement's (this month's statement comes
  // next month: opening on this month would show every transfer as missing from the bank's side).
  const latest = useRequest((signal) => api.get<Page<CustodianStatement>>('/fund-custodian/statements', { page: 1, pageSize: 1 }, { signal }), []);
  const range = picked ?? (latest.data || latest.error ? periodOf(latest.data?.items[0]) : null);
  const report = useRequest((signal) => api.get<Reconciliation>('/fund-custodian/reconciliation', range!, { signal }), [range?.from, range?.to], range !== null);
  const r = report.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range ? [dayjs(range.from), dayjs(range.to)] : null}
          onChange={(v) => {
            if (v?.[0] && v[1])
              setRange({
                from: v[0].format('YYYY-MM-DD'),
                to: v[1].format('YYYY-MM-DD'),
              });
          }}
        />
        <Button onClick={report.reload} loading={report.loading}>
          {t('fundAdmin.custodian.run')}
        </Button>
      </Space>
      {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {r && (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('fundAdmin.custodian.ledgerTotal')}>{formatMoney(r.ledgerTotalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.custodian.statementTotal')}>{formatMoney(r.statementTotalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.custodian.matched')}>{r.matchedCount}</Descriptions.Item>
            <Descriptions.Item label={t('fundAdmin.custodian.differenceCount')}>
              {t('fundAdmin.custodian.differences', {
                n: r.differences.length,
              })}
            </Descriptions.Item>
          </Descriptions>
          {r.differences.length === 0 ? (
            <Alert type="success" showIcon title={t('fundAdmin.custodian.noDifferences')} />
          ) : (
            <DataTable
              id="recon-a"
              columnSettings={false}
              rowKey={(d) => `${d.kind}-${d.reference ?? ''}-${d.statementLine ?? ''}-${d.ledgerDate ?? ''}`}
              size="small"
              pagination={false}
              dataSource={r.differences}
              data-testid="reconciliation-differences"
              expandable={{
                rowExpandable: (d) => d.entries.length > 0,
                expandedRowRender: (d) => (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={d.entries}
                    columns={[
                      {
                        title: t('fundAdmin.custodian.entries'),
                        key: 'memo',
                        dataIndex: 'memo',
                      },
                      {
                        title: t('fundAdmin.custodian.importedAt'),
                        key: 'postedAt',
                        dataIndex: 'postedAt',
                        width: 150,
                        render: (v: string) => formatDateTime(v),
                      },
                      {
                        title: t('fundAdmin.custodian.amountFen'),
                        key: 'amountFen',
                        dataIndex: 'amountFen',
                        width: 130,
                        align: 'right',
                        render: (v: number) => formatMoney(v),
                      },
                      {
                        title: 'ID',
                        key: 'id',
                        dataIndex: 'id',
                        width: 300,
                        render: (v: string) => (
                          <Typography.Text code copyable style={{ fontSize: 12 }}>
                            {v}
                          </Typography.Text>
                        ),
                      },
                    ]}
                  />
                ),
              }}
              columns={[
                {
                  title: t('fundAdmin.custodian.kind'),
                  dataIndex: 'kind',
                  width: 130,
                  render: (v: Reconciliation['differences'][number]['kind']) => <Tag color="orange">{t(`fundAdmin.custodian.kinds.${v}`)}</Tag>,
                },
                {
                  title: t('fundAdmin.custodian.reference'),
                  dataIndex: 'reference',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('fundAdmin.custodian.ledgerDate'),
                  dataIndex: 'ledgerDate',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('fundAdmin.custodian.statementDate'),
                  dataIndex: 'statementDate',
                  width: 120,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('fundAdmin.custodian.ledgerAmount'),
                  dataIndex: 'ledgerAmountFen',
                  width: 120,
                  align: 'right',
                  render: (v: number | null) => formatMoney(v),
                },
                {
                  title: t('fundAdmin.custodian.statementAmount'),
                  dataIndex: 'statementAmountFen',
                  width: 130,
                  align: 'right',
                  render: (v: number | null) => formatMoney(v),
                },
                {
                  title: t('fundAdmin.custodian.statementLine'),
                  dataIndex: 'statementLine',
                  width: 90,
                  render: (v: number | null) => v ?? '—',
                },
                {
                  title: t('fundAdmin.custodian.entries'),
                  key: 'entries',
                  width: 90,
                  render: (_: unknown, d) => d.entries.length || t('fundAdmin.custodian.noEntries'),
                },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
