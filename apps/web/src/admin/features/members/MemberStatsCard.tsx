import type { MemberStats } from '@niangjia/contracts';
import { Card, Col, Progress, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatCount, formatDateTime } from '../../../shared/format';
import { EMPLOYMENT_FORMS } from '../../../shared/members';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 工作台's member figures for the scope: totals, gig workers by form, verified, migrant, joined this month/year. */
export function MemberStatsCard({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const stats = useRequest((signal) => api.get<MemberStats>('/members/stats', { orgId }, { signal }), [orgId]);
  const s = stats.data;
  const pct = (n: number) => (s && s.total ? Math.round((n / s.total) * 1000) / 10 : 0);

  return (
    <Card
      title={t('members.stats.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Space size={16}>
          {s && s.applied > 0 && <Link to="/members/applications">{t('members.stats.toApplications')}（{s.applied}）</Link>}
          <Link to="/members">{t('members.stats.toList')}</Link>
        </Space>
      }
      data-testid="member-stats"
    >
      {stats.error ? <ErrorAlert error={stats.error} onRetry={stats.reload} /> : null}
      {!s ? (
        stats.error ? null : <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Row gutter={[16, 16]}>
              <Col span={8}>
                <Statistic title={t('members.stats.total')} value={formatCount(s.total)} styles={{ content: { color: '#c8102e', fontWeight: 600 } }} />
              </Col>
              <Col span={8}>
                <Statistic title={t('members.stats.applied')} value={formatCount(s.applied)} styles={s.applied ? { content: { color: '#d46b08' } } : {}} />
              </Col>
              <Col span={8}>
                <Statistic title={t('members.stats.gig')} value={formatCount(s.gigWorkers)} suffix={<span style={{ fontSize: 13, color: '#888' }}>{pct(s.gigWorkers)}%</span>} />
              </Col>
              <Col span={8}>
                <Statistic title={t('members.stats.verified')} value={formatCount(s.realNameVerified)} suffix={<span style={{ fontSize: 13, color: '#888' }}>{pct(s.realNameVerified)}%</span>} />
              </Col>
              <Col span={8}>
                <Statistic title={t('members.stats.migrant')} value={formatCount(s.migrantWorkers)} suffix={<span style={{ fontSize: 13, color: '#888' }}>{pct(s.migrantWorkers)}%</span>} />
              </Col>
              <Col span={8}>
                <Statistic title={`${t('members.stats.thisMonth')} / ${t('members.stats.thisYear')}`} value={`${formatCount(s.joinedThisMonth)} / ${formatCount(s.joinedThisYear)}`} />
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text type="secondary">{t('members.stats.byForm')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              {EMPLOYMENT_FORMS.map((f) => {
                const n = s.byEmploymentForm[f] ?? 0;
                return (
                  <div key={f} style={{ display: 'grid', gridTemplateColumns: '7.5em 1fr 4.5em', alignItems: 'center', gap: 8 }}>
                    <span>{t(`members.employmentForms.${f}`)}</span>
                    <Progress percent={pct(n)} showInfo={false} size="small" strokeColor={f === 'standard' ? '#8c8c8c' : '#c8102e'} />
                    <span style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatCount(n)}</span>
                  </div>
                );
              })}
            </div>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('members.stats.generatedAt', { time: formatDateTime(s.generatedAt) })}</Typography.Text>
          </Col>
        </Row>
      )}
    </Card>
  );
}
