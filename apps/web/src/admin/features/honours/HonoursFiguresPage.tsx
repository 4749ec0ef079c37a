import type { HonoursSummary } from '@niangjia/contracts';
import { Card, Col, Empty, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndicatorTiles } from '../figures/IndicatorTiles';
import { useScope } from '../../layout/scope';

const KEYS = ['honours.model_workers', 'honours.studios', 'honours.patents', 'honours.care_activities'];

/**
 * 劳模工匠 ▸ 统计 (/honours/figures): the honoured, studios and their outcomes at the header scope,
 * and the four catalogue indicators for a period (the same numbers 数据中心 and the yearly report show).
 */
export function HonoursFiguresPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [year, setYear] = useState(Number(formatDate(new Date()).slice(0, 4)));
  const summary = useRequest((signal) => api.get<HonoursSummary>('/honours/summary', { year, ...(scope ? { orgId: scope.id } : {}) }, { signal }), [scope?.id, year]);
  const s = summary.data;
  const studios = s?.studios.reduce((n, x) => n + x.count, 0) ?? 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" extra={<InputNumber min={1950} max={2100} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} style={{ width: 100 }} />}>
        {summary.error ? <ErrorAlert error={summary.error} onRetry={summary.reload} /> : null}
        <Row gutter={[16, 16]}>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.honoured')} value={s?.honoured ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.studios')} value={s ? studios : '—'} data-testid="honours-figure-studios" />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.care')} value={s?.care.activities ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.careCost')} value={s ? formatMoney(s.care.costFen) : '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.projects')} value={s?.projects ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.innovations')} value={s?.innovations ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.inventions')} value={s?.inventions ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title={t('honoursAdmin.figures.patents')} value={s?.patents ?? '—'} />
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title={t('honoursAdmin.figures.byLevel')}>
            <Table
              size="small"
              rowKey={(r) => `${r.level}:${r.title}`}
              pagination={false}
              dataSource={s?.honours ?? []}
              locale={{ emptyText: <Empty description={t('honoursAdmin.empty.honours')} /> }}
              columns={[
                { title: t('honoursAdmin.col.level'), dataIndex: 'level', width: 100, render: (v: string) => t(`honoursAdmin.level.${v}`) },
                { title: t('honoursAdmin.col.title'), dataIndex: 'title', render: (v: string) => t(`honoursAdmin.title.${v}`) },
                { title: t('honoursAdmin.figures.count'), dataIndex: 'count', width: 80, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>{me.permissions.includes('figures.read') && scope ? <IndicatorTiles orgId={scope.id} keys={KEYS} title={t('honoursAdmin.figures.indicators')} periodSwitch /> : null}</Col>
      </Row>
    </Space>
  );
}
