import type { AuditEntry, IndicatorBreakdown, OrgType, Page } from '@niangjia/contracts';
import { Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { ORG_TYPES } from '../../../shared/domain';
import { formatCount, formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { actionLabel } from '../../components/audit-labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { MemberStatsCard } from '../members/MemberStatsCard';
import { AccessDashboardCard } from '../access/AccessDashboardCard';
import { IndicatorTiles } from '../figures/IndicatorTiles';

// Types worth a tile; the scope's own type above them is always 1 and says nothing.
const TILE_TYPES: readonly OrgType[] = ORG_TYPES.filter((t) => t !== 'federation');

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope, trail } = useScope();
  const canAudit = me.permissions.includes('audit.read');
  const canReadOrgs = me.permissions.includes('org.read');

  // Org counts by type from the catalogue (orgs.total by orgType, today), the same numbers as 数据中心.
  const counts = useRequest(
    async (signal) => {
      if (!scope) return null;
      const b = await api.get<IndicatorBreakdown>('/indicators/orgs.total/breakdown', { org: scope.id, by: 'orgType', period: 'day' }, { signal });
      return { ...Object.fromEntries(b.rows.map((r) => [r.key, r.value ?? 0])), all: b.total ?? 0 } as Record<OrgType | 'all', number>;
    },
    [scope?.id],
    canReadOrgs && me.permissions.includes('figures.read'),
  );

  const recent = useRequest(
    (signal) => api.get<Page<AuditEntry>>('/audit-entries', { orgId: scope?.id, pageSize: 8 }, { signal }),
    [scope?.id],
    canAudit && !!scope,
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {scope ? t('dashboard.scopeLine', { scope: trail.join(' ▸ ') }) : t('scope.none')}
      </Typography.Paragraph>

      {me.permissions.includes('figures.read') && scope && <IndicatorTiles orgId={scope.id} />}

      {canReadOrgs && (
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

      {me.permissions.includes('member.read') && scope && <MemberStatsCard orgId={scope.id} />}

      {me.permissions.includes('access.read') && scope && <AccessDashboardCard orgId={scope.id} />}

      {canAudit && (
        <Card title={t('dashboard.recent')} extra={<Link to="/audit">{t('dashboard.allAudit')}</Link>}>
          {recent.error ? <ErrorAlert error={recent.error} onRetry={recent.reload} /> : null}
          {recent.loading && !recent.data ? (
            <Skeleton active />
          ) : recent.data?.items.length ? (
            <List
              dataSource={recent.data.items}
              renderItem={(entry) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        <Tag>{actionLabel(t, entry.action)}</Tag>
                        {entry.actorName ?? t('audit.system')}
                        {entry.orgName ? <Typography.Text type="secondary"> · {entry.orgName}</Typography.Text> : null}
                      </span>
                    }
                    description={formatDateTime(entry.at)}
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty description={t('dashboard.noRecent')} />
          )}
        </Card>
      )}
    </div>
  );
}
