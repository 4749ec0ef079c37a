import { DownloadOutlined } from '@ant-design/icons';
import type { IndicatorBreakdown, IndicatorInfo, IndicatorTarget, IndicatorTrend, OrgType } from '@niangjia/contracts';
import { App, Button, Card, Col, InputNumber, Row, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BreakdownChart, TrendLine } from './FigureCharts';
import { changeColor, formatChange, formatFigure } from './figure-format';
import { periodQuery, type PeriodValue } from './PeriodPicker';

type Row = IndicatorBreakdown['rows'][number];

/** One indicator split by child org (with 本级) or a dimension: table with a total row, a chart, the trend, and the yearly target. */
export function BreakdownPanel({
  info,
  org,
  period,
  onEnter,
}: {
  info: IndicatorInfo;
  org: { id: string; name: string };
  period: PeriodValue;
  onEnter: (org: { id: string; code: string; name: string; type: OrgType }) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const lang = i18n.language;
  const [by, setBy] = useState('child');
  const query = { org: org.id, ...periodQuery(period) };
  const breakdown = useRequest((signal) => api.get<IndicatorBreakdown>(`/indicators/${info.key}/breakdown`, { ...query, by }, { signal }), [info.key, org.id, JSON.stringify(period), by]);
  const trend = useRequest((signal) => api.get<IndicatorTrend>(`/indicators/${info.key}/trend`, query, { signal }), [info.key, org.id, JSON.stringify(period)], !info.isCurrentOnly);
  const b = breakdown.data;
  const fmt = (v: number | null) => formatFigure(info.unit, v, info.decimals, lang);
  const tabs = [{ key: 'child', label: t('figures.byChild') }, ...info.dimensions.map((d) => ({ key: d.key, label: lang.startsWith('en') ? d.name.en : d.name.zh }))];

  return (
    <Card
      size="small"
      title={t('figures.drillTitle', { name: lang.startsWith('en') ? info.name.en : info.name.zh })}
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void api.download(`/indicators/${info.key}/breakdown.xlsx`, { ...query, by }, 'breakdown.xlsx').catch((e: unknown) => message.error(errorText(e)))}
        >
          {t('figures.exportBreakdown')}
        </Button>
      }
      data-testid="figures-breakdown"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('figures.definition')}：{lang.startsWith('en') ? info.definition.en : info.definition.zh}
      </Typography.Paragraph>
      {tabs.length > 1 && <Tabs size="small" activeKey={by} onChange={setBy} items={tabs} />}
      {breakdown.error ? <ErrorAlert error={breakdown.error} onRetry={breakdown.reload} /> : null}
      <Row gutter={16}>
        <Col xs={24} xxl={12}>
          <Table<Row>
            size="small"
            rowKey="key"
            loading={breakdown.loading}
            dataSource={b?.rows ?? []}
            pagination={false}
            scroll={{ y: 320 }}
            columns={[
              {
                title: b?.byName ?? '',
                dataIndex: 'label',
                ellipsis: true,
                render: (label: string, r) =>
                  r.org && !r.isOwn ? (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onEnter(r.org!)}>
                      {label}
                    </Button>
                  ) : (
                    label
                  ),
              },
              { title: t('figures.columns.value'), dataIndex: 'value', align: 'right', width: 120, render: fmt },
              { title: t('figures.columns.lastYear'), dataIndex: 'lastYear', align: 'right', width: 120, render: fmt },
              { title: t('figures.columns.yoy'), key: 'yoy', align: 'right', width: 90, render: (_: unknown, r) => <span style={{ color: changeColor(r.value, r.lastYear) }}>{formatChange(info.unit, r.value, r.lastYear, r.rate, lang)}</span> },
            ]}
            summary={() =>
              b ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('figures.total')}</strong>
                      {!b.isAdditive && <Typography.Text type="secondary"> （{t('figures.notAdditive')}）</Typography.Text>}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong data-testid="figures-breakdown-total">{fmt(b.total)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {fmt(b.lastYearTotal)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} />
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </Col>
        <Col xs={24} xxl={12}>
          {b && <BreakdownChart breakdown={b} />}
          {trend.data && (
            <>
              <Typography.Text strong>{t('figures.trend')}</Typography.Text>
              <TrendLine trend={trend.data} />
            </>
          )}
        </Col>
      </Row>
      {info.hasTarget && me.permissions.includes('figures.write') && <TargetEditor info={info} org={org} year={Number((period.period === 'range' ? period.to : period.date).slice(0, 4))} />}
    </Card>
  );
}

function TargetEditor({ info, org, year }: { info: IndicatorInfo; org: { id: string }; year: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const targets = useRequest((signal) => api.get<IndicatorTarget[]>(`/indicators/${info.key}/targets`, { org: org.id, year }, { signal }), [info.key, org.id, year]);
  const current = targets.data?.[0];
  const [value, setValue] = useState<number | null>(null);
  const scale = info.unit === 'fen' ? 100 : 1;
  const save = async () => {
    if (value === null) return;
    try {
      await api.put(`/indicators/${info.key}/targets`, { org: org.id, year, value: value * scale, ...(current ? { version: current.version } : {}) });
      message.success(t('figures.targetSaved'));
      targets.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space style={{ marginTop: 12 }} wrap>
      <Typography.Text>{t('figures.targetYear', { year })}</Typography.Text>
      <InputNumber
        min={0}
        style={{ width: 160 }}
        placeholder={current ? formatFigure(info.unit, current.value, info.decimals, i18n.language) : ''}
        value={value}
        onChange={(v) => setValue(v)}
        data-testid="figures-target-input"
      />
      <Button onClick={() => void save()} disabled={value === null}>
        {t('figures.setTarget')}
      </Button>
    </Space>
  );
}
