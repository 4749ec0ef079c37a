import { Button, Dialog, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useRequest } from '../../shared/use-request';
import { ErrorNotice } from './ErrorNotice';

type SessionInfo = { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; userAgent: string | null; isCurrent: boolean };

const itemsOf = (data: unknown): SessionInfo[] =>
  Array.isArray(data) ? (data as SessionInfo[]) : data && typeof data === 'object' && 'items' in data ? (data as { items: SessionInfo[] }).items : [];

function describeAgent(agent: string | null, fallback: string): string {
  if (!agent) return fallback;
  const app = /MicroMessenger/.test(agent) ? '微信' : /Chrome\//.test(agent) ? 'Chrome' : /Safari\//.test(agent) ? 'Safari' : '';
  const os = /Android/.test(agent) ? 'Android' : /iPhone|iPad/.test(agent) ? 'iOS' : /Windows/.test(agent) ? 'Windows' : /Mac OS X/.test(agent) ? 'macOS' : '';
  return [app, os].filter(Boolean).join(' · ') || fallback;
}

export function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sessions = useRequest((signal) => api.get<unknown>('/auth/sessions', undefined, { signal }), []);

  const revoke = async (id: string) => {
    const ok = await Dialog.confirm({ content: t('sessions.revokeConfirm'), confirmText: t('sessions.revoke'), cancelText: t('actions.cancel') });
    if (!ok) return;
    try {
      await api.delete(`/auth/sessions/${encodeURIComponent(id)}`);
      Toast.show({ content: t('sessions.revoked') });
      sessions.reload();
    } catch (e) {
      Toast.show({ content: errorText(e) });
    }
  };

  const items = itemsOf(sessions.data);
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('sessions.title')}
      </NavBar>
      {sessions.error ? <div style={{ padding: '0 12px' }}><ErrorNotice error={sessions.error} /></div> : null}
      {sessions.loading && !sessions.data ? (
        <div style={{ padding: 16 }}><Skeleton.Paragraph lineCount={4} animated /></div>
      ) : (
        <List mode="card" style={{ margin: 12 }}>
          {items.length === 0 && <List.Item>{t('sessions.empty')}</List.Item>}
          {items.map((s) => (
            <List.Item
              key={s.id}
              description={`${t('sessions.lastSeenAt')} ${formatDateTime(s.lastSeenAt)}`}
              extra={s.isCurrent ? <Tag color="success">{t('sessions.current')}</Tag> : <Button size="small" color="danger" fill="outline" style={{ minHeight: 36 }} onClick={() => void revoke(s.id)}>{t('sessions.revoke')}</Button>}
            >
              {describeAgent(s.userAgent, t('sessions.unknownAgent'))}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
