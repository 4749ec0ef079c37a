import type { ActivityItem } from '@niangjia/contracts';
import { Card, Empty, List, Skeleton, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLiveNotifications } from '../../../shared/notifications/live';
import { useRequest } from '../../../shared/use-request';
import { actionLabel } from '../../components/audit-labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { consolePathOf } from '../notifications/use-inbox';

/** "王芳 批准了 李强 的入会申请": the action's sentence when there is one, else who and what. */
export function describeActivity(t: TFunction, item: ActivityItem): string {
  const actor = item.actor.kind === 'user' ? (item.actor.name ?? t('dashboard.activity.someone')) : t(`dashboard.activity.actors.${item.actor.kind}`);
  const key = `dashboard.activity.sentences.${item.action.replace(/\./g, '_')}`;
  const subject = item.subject ?? t(`audit.entityTypes.${item.entityType}`, { defaultValue: '' });
  return t(key, { actor, subject, defaultValue: t('dashboard.activity.generic', { actor, action: actionLabel(t, item.action), subject }) });
}

type Line = { item: ActivityItem; more: number };

/** Runs of the same system action (the seed creating 60 orgs) read as one line: "… 等 60 项". */
export function collapseRuns(items: readonly ActivityItem[], max: number): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last && item.actor.kind !== 'user' && last.item.actor.kind === item.actor.kind && last.item.action === item.action) last.more++;
    else lines.push({ item, more: 0 });
  }
  return lines.slice(0, max);
}

/** 最近动态: the scope's recent work, written for people. */
export function ActivityCard({ orgId }: { orgId: string | undefined }) {
  const { t } = useTranslation();
  const recent = useRequest((signal) => api.get<ActivityItem[]>('/dashboard/activity', { orgId, limit: 30 }, { signal }), [orgId]);
  // Work that changes a 待办 (an application, a report, an alarm handled) is also news here.
  useLiveNotifications((change) => change === 'todos' && recent.reload());
  return (
    <Card title={t('dashboard.recent')} extra={<Link to="/audit">{t('dashboard.allAudit')}</Link>} style={{ height: '100%' }} data-testid="activity-card">
      {recent.error ? <ErrorAlert error={recent.error} onRetry={recent.reload} /> : null}
      {recent.loading && !recent.data ? (
        <Skeleton active />
      ) : recent.data?.length ? (
        <List
          size="small"
          dataSource={collapseRuns(recent.data, 8)}
          rowKey={(l) => l.item.id}
          renderItem={({ item, more }) => {
            const path = more ? null : consolePathOf(item.link);
            const text = more ? t('dashboard.activity.andMore', { text: describeActivity(t, item), count: more + 1, more }) : describeActivity(t, item);
            return (
              <List.Item style={{ display: 'flex', gap: 12, paddingInline: 0 }} data-testid="activity">
                <Typography.Text ellipsis={{ tooltip: text }} style={{ flex: 1, minWidth: 0 }}>
                  {path ? <Link to={path}>{text}</Link> : text}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {item.orgName ? `${item.orgName} · ` : ''}
                  {formatDateTime(item.at)}
                </Typography.Text>
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty description={t('dashboard.noRecent')} />
      )}
    </Card>
  );
}
