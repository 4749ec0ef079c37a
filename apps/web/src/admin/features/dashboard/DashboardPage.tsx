import type { IndicatorBreakdown, OrgType, Permission } from '@niangjia/contracts';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { ORG_TYPES } from '../../../shared/domain';
import { formatCount } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { AccessDashboardCard } from '../access/AccessDashboardCard';
import { IndicatorTiles } from '../figures/IndicatorTiles';
import { MemberStatsCard } from '../members/MemberStatsCard';
import { ActivityCard } from './ActivityCard';
import { TodoCard } from './TodoCard';

// Types worth a tile; the scope's own type above them is always 1 and says nothing.
const TILE_TYPES: readonly OrgType[] = ORG_TYPES.filter((t) => t !== 'federation');

/**
 * 工作台: the catalogue's headline figures at this scope, org counts by type, 待办 (the bell's
 * items by kind and age), recent activity written for people, then the modules' own cards.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope, trail } = useScope();
  const can = (p: Permission) => me.permissions.includes(p);
  const canReadOrgs = can('org.read');

  // Org counts by type from the catalogue (orgs.total by orgType, today), the same numbers as 数据中心.
  const counts = useRequest(
    async (signal) => {
      if (!scope) return null;
      const b = await api.get<IndicatorBreakdown>('/indicators/orgs.total/breakdown', { org: scope.id, by: 'orgType', period: 'day' }, { signal });
      return { ...Object.fromEntries(b.rows.map((r) => [r.key, r.value ?? 0])), all: b.total ?? 0 } as Record<OrgType | 'all', number>;
    },
    [scope?.id],
    canReadOrgs && can('figures.read'),
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{scope ? t('dashboard.scopeLine', { scope: trail.join(' ▸ ') }) : t('scope.none')}</Typography.Paragraph>

      {can('figures.read') && scope && <IndicatorTiles orgId={scope.id} />}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={can('audit.read') ? 12 : 24}>
          <TodoCard orgId={scope?.id} />
        </Col>
        {can('audit.read') && scope && (
          <Col xs={24} xl={12}>
            <ActivityCard orgId={scope.id} />
          </Col>
        )}
      </Row>

      {canReadOrgs && can('figures.read') && (
        <Card title={t('dashboard.orgFigures')} style={{ marginBottom: 16 }} extra={<Link to="/orgs">{t('dashboard.toOrgs')}</Link>}>
          {counts.error ? <ErrorAlert error={counts.error} onRetry={counts.reload} /> : null}
          {counts.loading && !counts.data ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={12} sm={8} lg={6} xl={4}>
                <Statistic title={t('dashboard.allOrgs')} value={formatCount(counts.data?.all)} styles={{ content: { color: '#c8102e', fontWeight: 600 } }} />
              </Col>
              {TILE_TYPES.map((type) => (
                <Col xs={12} sm={8} lg={6} xl={4} key={type}>
                  <Statistic title={t(`orgTypes.${type}`)} value={formatCount(counts.data?.[type])} />
                </Col>
              ))}
            </Row>
          )}
        </Card>
      )}

      {can('member.read') && scope && <MemberStatsCard orgId={scope.id} />}
      {can('access.read') && scope && <AccessDashboardCard orgId={scope.id} />}
    </div>
  );
}
