import { App, Button, Card, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useRequest } from '../../shared/use-request';
import { ErrorAlert } from '../components/ErrorAlert';

type SessionInfo = { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; userAgent: string | null; isCurrent: boolean };

/** The list may come back as a bare array or as a page; accept both. */
export function sessionItems(data: unknown): SessionInfo[] {
  if (Array.isArray(data)) return data as SessionInfo[];
  if (data && typeof data === 'object' && 'items' in data) return (data as { items: SessionInfo[] }).items;
  return [];
}

export function describeAgent(agent: string | null, unknown: string): string {
  if (!agent) return unknown;
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /MicroMessenger/.test(agent)
      ? 'WeChat'
      : /Chrome\//.test(agent)
        ? 'Chrome'
        : /Firefox\//.test(agent)
          ? 'Firefox'
          : /Safari\//.test(agent)
            ? 'Safari'
            : '';
  const os = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Windows/.test(agent) ? 'Windows' : /Mac OS X/.test(agent) ? 'macOS' : /Linux/.test(agent) ? 'Linux' : '';
  return [browser, os].filter(Boolean).join(' · ') || agent.slice(0, 60);
}

export function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useRequest((signal) => api.get<unknown>('/auth/sessions', undefined, { signal }), []);

  const revoke = async (id: string) => {
    try {
      await api.delete(`/auth/sessions/${encodeURIComponent(id)}`);
      message.success(t('sessions.revoked'));
      sessions.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Card title={t('sessions.title')}>
      {sessions.error ? <ErrorAlert error={sessions.error} onRetry={sessions.reload} /> : null}
      <DataTable<SessionInfo>
        id="sessions"
        rowKey="id"
        loading={sessions.loading}
        dataSource={sessionItems(sessions.data)}
        pagination={false}
        locale={{ emptyText: t('sessions.empty') }}
        columns={[
          {
            title: t('sessions.device'),
            render: (_, s) => (
              <span title={s.userAgent ?? ''}>
                {describeAgent(s.userAgent, t('sessions.unknownAgent'))} {s.isCurrent && <Tag color="green">{t('sessions.current')}</Tag>}
              </span>
            ),
          },
          { title: t('sessions.createdAt'), key: 'createdAt', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: t('sessions.lastSeenAt'), key: 'lastSeenAt', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          { title: t('sessions.expiresAt'), key: 'expiresAt', dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
        ]}
        actions={(s) =>
          s.isCurrent ? null : (
            <Popconfirm title={t('sessions.revokeConfirm')} onConfirm={() => revoke(s.id)}>
              <Button size="small" danger>
                {t('sessions.revoke')}
              </Button>
            </Popconfirm>
          )
        }
      />
    </Card>
  );
}
