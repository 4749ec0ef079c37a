import type { IndicatorValues } from '@niangjia/contracts';
import { Card, Col, Progress, Row, Segmented, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { changeColor, formatChange, formatFigure } from './figure-format';

/**
 * Figures from the indicator catalogue as tiles (this year to date, 同比, target progress): the
 * 工作台 and any page that wants "the same number as 数据中心". Without `keys`, the catalogue's
 * headline indicators.
 *
 *   <IndicatorTiles orgId={scope.id} />
 *   <IndicatorTiles orgId={scope.id} keys={['members.total', 'members.new']} title="会员" />
 *   <IndicatorTiles orgId={scope.id} keys={KEYS} title="统计" periodSwitch />   (年/季/月 to date)
 */
export function IndicatorTiles({
  orgId,
  keys,
  title,
  period: initialPeriod = 'year',
  periodSwitch = false,
}: {
  orgId: string;
  keys?: string[];
  title?: string;
  period?: 'year' | 'month' | 'quarter';
  /** Offer 年/季/月 (to date) beside the title. */
  periodSwitch?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [period, setPeriod] = useState(initialPeriod);
  const values = useRequest(
    (signal) => api.get<IndicatorValues>('/indicators/values', { org: orgId, period, ...(keys ? { keys: keys.join(',') } : {}) }, { signal }),
    [orgId, keys?.join(','), period],
  );
  const v = values.data;
  return (
    <Card
      title={title ?? t('figures.tilesTitle', { period: v?.period.label ?? '' })}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {periodSwitch ? (
            <Segmented size="small" value={period} onChange={(v) => setPeriod(v)} options={(['year', 'quarter', 'month'] as const).map((p) => ({ value: p, label: t(`figures.period.${p}`) }))} />
          ) : null}
          <Link to="/figures">{t('figures.toFigures')}</Link>
        </Space>
      }
      data-testid="indicator-tiles"
    >
      {values.error ? <ErrorAlert error={values.error} onRetry={values.reload} /> : null}
      {!v ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {v.items.map((item) => (
              <Col xs={12} sm={8} lg={6} xl={4} key={item.key}>
                <Statistic title={item.name} value={formatFigure(item.unit, item.value, item.decimals, lang)} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.isCurrentOnly ? (
                    t('figures.currentOnly')
                  ) : (
                    <>
                      {t('figures.columns.yoy')}{' '}
                      <span style={{ color: changeColor(item.value, item.lastYear?.value ?? null) }}>
                        {formatChange(item.unit, item.value, item.lastYear?.value ?? null, item.lastYear?.rate ?? null, lang)}
                      </span>
                    </>
                  )}
                </Typography.Text>
                {item.target?.progress != null && <Progress percent={Math.round(item.target.progress * 1000) / 10} size="small" />}
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('figures.columns.asOf')} {formatDateTime(v.asOf, true)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
