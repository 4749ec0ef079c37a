import { DownloadOutlined, LinkOutlined } from '@ant-design/icons';
import type { BreakfastReport, ContributionReport } from '@niangjia/contracts';
import { Alert, App, Button, Card, DatePicker, Empty, Radio, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatementView } from '../../../shared/fund/StatementView';
import type { FundStatement } from '@niangjia/contracts';
import { thisMonth } from './fund-format';
import { useFund } from './use-fund';
import { useScope } from '../../layout/scope';

type Tab = 'contributions' | 'breakfasts' | 'statement';
type Range = { from: string; to: string };

/** 爱心基金 ▸ 基金报表 (/fund/reports): contributions, breakfasts and the fund statement for a period, each as .xlsx too. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'contributions';
  const [first, last] = thisMonth();
  const [range, setRange] = useState<Range>({ from: first, to: last });
  const [contributionGroup, setContributionGroup] = useState<'shop' | 'station' | 'day' | 'month'>('day');
  const [breakfastGroup, setBreakfastGroup] = useState<'station' | 'day'>('day');
  const groupBy = tab === 'contributions' ? contributionGroup : tab === 'breakfasts' ? breakfastGroup : undefined;
  const query = { ...range, ...(groupBy ? { groupBy } : {}) };

  const { fund } = useFund();
  const { scope } = useScope();
  const download = () => void api.download(`/fund-reports/${tab}.xlsx`, query, `fund-${tab}-${range.from}-${range.to}.xlsx`).catch((e: unknown) => message.error(errorText(e)));

  return (
    <Card
      title={t('fundAdmin.reports.title')}
      extra={
        <Space wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(v) => {
              if (v?.[0] && v[1])
                setRange({
                  from: v[0].format('YYYY-MM-DD'),
                  to: v[1].format('YYYY-MM-DD'),
                });
            }}
          />
          <Button icon={<DownloadOutlined />} onClick={download} data-testid="report-download">
            {t('fundAdmin.reports.download')}
          </Button>
        </Space>
      }
    >
      {fund?.access === 'slice' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('fundAdmin.reports.sliceNote', { scope: scope?.name ?? '', fund: fund.name, org: fund.orgName })} data-testid="fund-slice-note" />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: 'contributions',
            label: t('fundAdmin.reports.tabs.contributions'),
            children: (
              <>
                <Radio.Group
                  style={{ marginBottom: 16 }}
                  value={contributionGroup}
                  onChange={(e) => setContributionGroup(e.target.value as typeof contributionGroup)}
                  optionType="button"
                  options={(['shop', 'station', 'day', 'month'] as const).map((g) => ({
                    value: g,
                    label: t(`fundAdmin.reports.groups.${g}`),
                  }))}
                />
                {tab === 'contributions' && <ContributionsTable query={query} />}
              </>
            ),
          },
          {
            key: 'breakfasts',
            label: t('fundAdmin.reports.tabs.breakfasts'),
            children: (
              <>
                <Radio.Group
                  style={{ marginBottom: 16 }}
                  value={breakfastGroup}
                  onChange={(e) => setBreakfastGroup(e.target.value as typeof breakfastGroup)}
                  optionType="button"
                  options={(['station', 'day'] as const).map((g) => ({
                    value: g,
                    label: t(`fundAdmin.reports.groups.${g}`),
                  }))}
                />
                {tab === 'breakfasts' && <BreakfastsTable query={query} />}
              </>
            ),
          },
          {
            key: 'statement',
            label: t('fundAdmin.reports.tabs.statement'),
            children: tab === 'statement' ? <Statement range={range} /> : null,
          },
        ]}
      />
    </Card>
  );
}

type Figure = { key: string; titleKey: string; isMoney?: boolean; testId?: string };
type ReportShape = { rows: ({ key: string; label: string } & Record<string, string | number>)[]; totals: Record<string, number> };

const CONTRIBUTION_FIGURES: Figure[] = [
  { key: 'sales', titleKey: 'sales' },
  { key: 'salesFen', titleKey: 'salesFen', isMoney: true },
  { key: 'contributionFen', titleKey: 'contributionFen', isMoney: true, testId: 'report-contribution-total' },
];
const BREAKFAST_FIGURES: Figure[] = [
  { key: 'breakfasts', titleKey: 'breakfasts' },
  { key: 'amountFen', titleKey: 'amountFen', isMoney: true },
];

function ContributionsTable({ query }: { query: Record<string, string> }) {
  return <ReportTable<ContributionReport> path="/fund-reports/contributions" query={query} figures={CONTRIBUTION_FIGURES} />;
}

function BreakfastsTable({ query }: { query: Record<string, string> }) {
  return <ReportTable<BreakfastReport> path="/fund-reports/breakfasts" query={query} figures={BREAKFAST_FIGURES} />;
}

/** One report: a row per group (shop, station, day or month) with its figures, and the totals below. */
function ReportTable<R>({ path, query, figures }: { path: string; query: Record<string, string>; figures: Figure[] }) {
  const { t } = useTranslation();
  const report = useRequest((signal) => api.get<R>(path, query, { signal }), [path, JSON.stringify(query)]);
  const data = report.data as ReportShape | undefined;
  const show = (f: Figure, v: number) => (f.isMoney ? formatMoney(v) : v.toLocaleString('zh-CN'));
  return (
    <>
      {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      <DataTable
        id="fund-report"
        columnSettings={false}
        rowKey="key"
        size="small"
        loading={report.loading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 31, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <Empty description={t('fundAdmin.reports.empty')} /> }}
        columns={[
          { title: t('fundAdmin.reports.key'), key: 'label', dataIndex: 'label' },
          ...figures.map((f) => ({ title: t(`fundAdmin.reports.${f.titleKey}`), dataIndex: f.key, align: 'right' as const, render: (v: number) => show(f, v) })),
        ]}
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('fundAdmin.reports.totals')}</Typography.Text>
              </Table.Summary.Cell>
              {figures.map((f, i) => (
                <Table.Summary.Cell key={f.key} index={i + 1} align="right">
                  {f.testId ? (
                    <Typography.Text strong data-testid={f.testId}>
                      {show(f, data.totals[f.key] ?? 0)}
                    </Typography.Text>
                  ) : (
                    show(f, data.totals[f.key] ?? 0)
                  )}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}

function Statement({ range }: { range: Range }) {
  const { t } = useTranslation();
  const statement = useRequest((signal) => api.get<FundStatement>('/fund-reports/statement', range, { signal }), [range.from, range.to]);
  return (
    <>
      {statement.error ? <ErrorAlert error={statement.error} onRetry={statement.reload} /> : null}
      {statement.data && <StatementView statement={statement.data} />}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <a href={`/m/fund/accounts?from=${range.from}&to=${range.to}`} target="_blank" rel="noreferrer">
          <LinkOutlined /> {t('fundAdmin.reports.publicPage')}
        </a>
      </Typography.Paragraph>
    </>
  );
}
