import type { PositionUsage } from '@niangjia/contracts';
import { Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatCount, formatDate, formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

// ECharts is large: its chunk loads only when a station's usage is shown.
const UsageChart = lazy(() => import('./UsageChart').then((m) => ({ default: m.UsageChart })));

type Granularity = PositionUsage['granularity'];
const SPAN_MS: Record<Granularity, number> = {
  hour: 24 * 3600_000,
  day: 30 * 24 * 3600_000,
  month: 365 * 24 * 3600_000,
};

/** 使用统计 of one station: visits per hour/day/month, unique visitors, after-hours share. */
export function UsageCard({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const usage = useRequest(
    (signal) => {
      const to = new Date();
      const from = new Date(to.getTime() - SPAN_MS[granularity]);
      return api.get<PositionUsage>(`/positions/${positionId}/usage`, { granularity, from: from.toISOString(), to: to.toISOString() }, { signal });
    },
    [positionId, granularity],
  );
  const u = usage.data;
  const show = granularity === 'hour' ? formatDateTime : formatDate;

  return (
    <Card
      size="small"
      title={t('access.usage.title')}
      extra={
        <Segmented<Granularity>
          value={granularity}
          onChange={setGranularity}
          options={(['hour', 'day', 'month'] as const).map((g) => ({
            value: g,
            label: t(`access.usage.granularity.${g}`),
          }))}
        />
      }
    >
      {usage.error ? <ErrorAlert error={usage.error} onRetry={usage.reload} /> : null}
      {!u ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col xs={12} md={6}>
              <Statistic title={t('access.usage.visits')} value={formatCount(u.totals.visits)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('access.usage.uniqueVisitors')} value={formatCount(u.totals.uniqueVisitors)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('access.usage.afterHoursShare')} value={(u.totals.afterHoursShare * 100).toFixed(1)} suffix="%" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('access.usage.refused')} value={formatCount(u.totals.refused)} />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('access.usage.range', { from: show(u.from), to: show(u.to) })}
          </Typography.Text>
          {u.totals.visits === 0 ? (
            <Empty description={t('access.usage.empty')} style={{ margin: '24px 0' }} />
          ) : (
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 300 }} />}>
              <UsageChart usage={u} />
            </Suspense>
          )}
        </>
      )}
    </Card>
  );
}
