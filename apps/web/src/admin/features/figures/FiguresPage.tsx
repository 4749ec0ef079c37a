import { DownloadOutlined, FilePdfOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { IndicatorCatalogue, IndicatorInfo, IndicatorValue, IndicatorValues, OrgType } from '@niangjia/contracts';
import { App, Breadcrumb, Button, Card, Empty, Input, Space, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { BreakdownPanel } from './BreakdownPanel';
import { changeColor, formatChange, formatFigure } from './figure-format';
import { PeriodPicker, periodQuery, type PeriodValue } from './PeriodPicker';
import './figures.css';

type OrgStep = { id: string; code?: string; name: string; type?: OrgType };

/**
 * 数据报表 ▸ 数据中心 (/figures): browse the indicator catalogue, pick indicators, read them for
 * any period with 环比 and 同比 (like for like when the period is to date), drill down by child
 * org or dimension, chart, export to Excel, and print the yearly work report.
 */
export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const name = (l: { zh: string; en: string }) => (lang.startsWith('en') ? l.en : l.zh);
  const { scope } = useScope();
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const period: PeriodValue = {
    period: (params.get('period') as PeriodValue['period'] | null) ?? 'year',
    date: params.get('date') ?? today,
    from: params.get('from') ?? dayjs().startOf('month').format('YYYY-MM-DD'),
    to: params.get('to') ?? today,
  };
  const [drill, setDrill] = useState<OrgStep[]>([]);
  const [search, setSearch] = useState('');
  const [focus, setFocus] = useState<string | null>(params.get('focus'));
  const [busy, setBusy] = useState(false);
  useEffect(() => setDrill([]), [scope?.id]);
  const org: OrgStep | undefined = drill.at(-1) ?? (scope ? { id: scope.id, name: scope.name } : undefined);

  const catalogue = useRequest((signal) => api.get<IndicatorCatalogue>('/indicators', undefined, { signal }), []);
  const infos = useMemo(() => new Map((catalogue.data?.sections ?? []).flatMap((s) => s.indicators.map((i) => [i.key, i] as const))), [catalogue.data]);
  const headline = useMemo(() => [...infos.values()].filter((i) => i.isHeadline).map((i) => i.key), [infos]);
  const keys =
    params
      .get('keys')
      ?.split(',')
      .filter((k) => infos.has(k)) ?? headline;

  const values = useRequest(
    (signal) => api.get<IndicatorValues>('/indicators/values', { keys: keys.join(','), ...(org ? { org: org.id } : {}), ...periodQuery(period) }, { signal }),
    [keys.join(','), org?.id, JSON.stringify(period)],
    keys.length > 0 && !!catalogue.data,
  );

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };
  const setPeriod = (v: PeriodValue) => update({ period: v.period, date: v.date, from: v.period === 'range' ? v.from : null, to: v.period === 'range' ? v.to : null });

  const treeData = (catalogue.data?.sections ?? []).map((s) => ({
    key: `section:${s.module}`,
    title: name(s.title),
    children: s.indicators.filter((i) => !search || name(i.name).includes(search) || i.key.includes(search)).map((i) => ({ key: i.key, title: name(i.name), isLeaf: true })),
  }));

  const report = async () => {
    if (!org) return;
    setBusy(true);
    try {
      const year = (period.period === 'range' ? period.to : period.date).slice(0, 4);
      await api.download('/figures/yearly-report.pdf', { org: org.id, year }, `report-${year}.pdf`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const focused = focus ? infos.get(focus) : undefined;
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card size="small" title={t('figures.catalogue')} style={{ width: 260, flex: 'none' }} styles={{ body: { maxHeight: 'calc(100vh - 210px)', overflow: 'auto', padding: 8 } }}>
        <Input.Search allowClear placeholder={t('figures.search')} onChange={(e) => setSearch(e.target.value.trim())} style={{ marginBottom: 8 }} />
        {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={catalogue.reload} /> : null}
        <Tree
          key={treeData.length}
          checkable
          defaultExpandAll
          blockNode
          treeData={treeData}
          checkedKeys={keys}
          onCheck={(checked) =>
            update({
              keys: (Array.isArray(checked) ? checked : checked.checked)
                .map(String)
                .filter((k) => infos.has(k))
                .join(','),
            })
          }
          onSelect={(selected) => {
            const k = selected[0] ? String(selected[0]) : '';
            if (infos.has(k)) setFocus(k);
          }}
          data-testid="figures-catalogue"
        />
      </Card>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Card
          size="small"
          title={
            // Org names: data, not words to translate.
            <span translate="no">
              <Breadcrumb
                items={[
                  ...(scope ? [{ title: <a onClick={() => setDrill([])}>{scope.name}</a> }] : []),
                  ...drill.map((d, i) => ({ title: i === drill.length - 1 ? d.name : <a onClick={() => setDrill(drill.slice(0, i + 1))}>{d.name}</a> })),
                ]}
              />
            </span>
          }
          extra={
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                disabled={!values.data}
                onClick={() =>
                  void api
                    .download('/indicators/values.xlsx', { keys: keys.join(','), ...(org ? { org: org.id } : {}), ...periodQuery(period) }, 'indicators.xlsx')
                    .catch((e: unknown) => message.error(errorText(e)))
                }
              >
                {t('figures.exportValues')}
              </Button>
              <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void report()} data-testid="figures-report">
                {busy ? t('figures.reportBusy') : t('figures.report')}
              </Button>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <PeriodPicker value={period} onChange={setPeriod} />
              {values.data?.period.isToDate && <Tag color="blue">{t('figures.toDate')}</Tag>}
            </Space>
            {values.error ? <ErrorAlert error={values.error} onRetry={values.reload} /> : null}
            {keys.length === 0 ? (
              <Empty description={t('figures.pickHint')} />
            ) : (
              <ValuesTable items={values.data?.items ?? []} infos={infos} loading={values.loading} focus={focus} onFocus={setFocus} />
            )}
            {values.data && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {values.data.period.label}（{values.data.period.from} — {values.data.period.to}）· {t('figures.columns.asOf')} {formatDateTime(values.data.asOf, true)}
              </Typography.Text>
            )}
          </Space>
        </Card>
        {focused && org && <BreakdownPanel info={focused} org={org} period={period} onEnter={(o) => setDrill([...drill, o])} />}
      </div>
    </div>
  );
}

function ValuesTable({ items, infos, loading, focus, onFocus }: { items: IndicatorValue[]; infos: Map<string, IndicatorInfo>; loading: boolean; focus: string | null; onFocus: (k: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (item: IndicatorValue, v: number | null | undefined) => formatFigure(item.unit, v, item.decimals, lang);
  return (
    <Table<IndicatorValue>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      rowClassName={(r) => (r.key === focus ? 'figures-focused-row' : '')}
      onRow={(r) => ({ onClick: () => onFocus(r.key), style: { cursor: 'pointer' } })}
      data-testid="figures-values"
      columns={[
        {
          title: t('figures.columns.name'),
          dataIndex: 'name',
          fixed: 'left',
          width: 210,
          render: (n: string, r) => {
            const info = infos.get(r.key);
            return (
              <Space size={4}>
                <a>{n}</a>
                {info && (
                  <Tooltip title={lang.startsWith('en') ? info.definition.en : info.definition.zh}>
                    <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
                  </Tooltip>
                )}
                {r.isCurrentOnly && <Tag>{t('figures.currentOnly')}</Tag>}
              </Space>
            );
          },
        },
        { title: t('figures.columns.value'), key: 'value', align: 'right', width: 130, render: (_: unknown, r) => <strong data-testid={`figures-value-${r.key}`}>{fmt(r, r.value)}</strong> },
        { title: t('figures.columns.previous'), key: 'previous', align: 'right', width: 120, render: (_: unknown, r) => fmt(r, r.previous?.value) },
        {
          title: t('figures.columns.pop'),
          key: 'pop',
          align: 'right',
          width: 100,
          render: (_: unknown, r) => (
            <span style={{ color: changeColor(r.value, r.previous?.value ?? null) }}>{r.previous ? formatChange(r.unit, r.value, r.previous.value, r.previous.rate, lang) : '—'}</span>
          ),
        },
        { title: t('figures.columns.lastYear'), key: 'lastYear', align: 'right', width: 120, render: (_: unknown, r) => fmt(r, r.lastYear?.value) },
        {
          title: t('figures.columns.yoy'),
          key: 'yoy',
          align: 'right',
          width: 100,
          render: (_: unknown, r) => (
            <span style={{ color: changeColor(r.value, r.lastYear?.value ?? null) }}>{r.lastYear ? formatChange(r.unit, r.value, r.lastYear.value, r.lastYear.rate, lang) : '—'}</span>
          ),
        },
        {
          title: t('figures.columns.target'),
          key: 'target',
          align: 'right',
          width: 130,
          render: (_: unknown, r) => (r.target ? `${fmt(r, r.target.value)} · ${t('figures.targetProgress', { pct: r.target.progress === null ? '—' : (r.target.progress * 100).toFixed(1) })}` : '—'),
        },
      ]}
    />
  );
}
