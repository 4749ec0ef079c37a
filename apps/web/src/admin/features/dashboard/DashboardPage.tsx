import type { Permission } from '@niangjia/contracts';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { AccessDashboardCard } from '../access/AccessDashboardCard';
import { MemberStatsCard } from '../members/MemberStatsCard';
import { ActivityCard } from './ActivityCard';
import { FigureTiles } from './FigureTiles';
import { loadScopeFigures } from './figures';
import { TodoCard } from './TodoCard';

/**
 * 工作台: the figures that matter at this scope's level, 待办 (the bell's items by kind and age),
 * recent activity written for people, then the modules' own cards.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope, trail } = useScope();
  const can = (p: Permission) => me.permissions.includes(p);
  const figures = useRequest((signal) => loadScopeFigures(scope!, can, signal), [scope?.id, me.permissions.join()], !!scope);

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('dashboard.welcome', { name: me.user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{scope ? t('dashboard.scopeLine', { scope: trail.join(' ▸ ') }) : t('scope.none')}</Typography.Paragraph>

      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      {scope && <FigureTiles figures={figures.data} loading={figures.loading} />}

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

      {can('member.read') && scope && <MemberStatsCard orgId={scope.id} />}
      {can('access.read') && scope && <AccessDashboardCard orgId={scope.id} />}
    </div>
  );
}
