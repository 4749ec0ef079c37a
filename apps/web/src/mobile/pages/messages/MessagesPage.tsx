import type { Notification, NotificationPage, NotificationPreference } from '@niangjia/contracts';
import { Button, List, NavBar, Skeleton, Switch, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { formatAge } from '../../../shared/notifications/age';
import { useLiveNotifications } from '../../../shared/notifications/live';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const PAGE_SIZE = 20;

/** A message's link on this face: `/m/me/card` → `/me/card`; anything else is not followed. */
const phonePathOf = (link: string | null) => (link && (link === '/m' || link.startsWith('/m/')) ? link.slice(2) || '/' : null);

/** 我的 ▸ 消息 (/m/me/messages): the worker's messages, newest first; tap to read and open; SMS choice. */
export function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const [pages, setPages] = useState(1);
  const list = useRequest((signal) => api.get<NotificationPage>('/me/notifications', { pageSize: PAGE_SIZE * pages }, { signal }), [pages]);
  const pref = useRequest((signal) => api.get<NotificationPreference>('/me/notification-preference', undefined, { signal }), []);
  const [sms, setSms] = useState<boolean | null>(null);
  useEffect(() => {
    if (pref.data) setSms(pref.data.isSmsEnabled);
  }, [pref.data]);
  useLiveNotifications((change) => change === 'notifications' && list.reload());

  const open = async (n: Notification) => {
    if (!n.isRead) await api.post(`/me/notifications/${n.id}/read`).catch(() => undefined);
    const path = phonePathOf(n.link);
    if (path) void navigate(path);
    else list.reload();
  };
  const markAll = async () => {
    await api.post('/me/notifications/read-all');
    Toast.show({ content: t('notify.markedAllRead') });
    list.reload();
  };
  const changeSms = async (value: boolean) => {
    setSms(value);
    try {
      const saved = await api.put<NotificationPreference>('/me/notification-preference', { isSmsEnabled: value });
      setSms(saved.isSmsEnabled);
      Toast.show({ content: t(value ? 'messages.smsOn' : 'messages.smsOff') });
    } catch (error) {
      setSms(!value);
      Toast.show({ content: (error as Error).message });
    }
  };

  const data = list.data;
  return (
    <>
      <NavBar
        onBack={() => navigate('/me')}
        style={{ background: '#fff' }}
        right={
          data?.unread ? (
            <a onClick={() => void markAll()} style={{ fontSize: 15 }} data-testid="messages-read-all">
              {t('messages.readAll')}
            </a>
          ) : null
        }
      >
        {t('notify.title')}
      </NavBar>
      <List mode="card" style={{ margin: 12 }}>
        <List.Item
          description={pref.data?.hasPhone ? t('messages.smsHint', { phone: me?.user.phoneMasked ?? '' }) : t('messages.smsNoPhone')}
          extra={<Switch checked={!!sms} disabled={sms === null || !pref.data?.hasPhone} onChange={(v) => void changeSms(v)} aria-label={t('messages.sms')} data-testid="sms-switch" />}
        >
          {t('messages.sms')}
        </List.Item>
      </List>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!data ? (
        <div className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Paragraph lineCount={5} animated />
        </div>
      ) : data.items.length === 0 ? (
        <div className="nj-section nj-muted" style={{ padding: 24, textAlign: 'center' }}>
          {t('messages.empty')}
        </div>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: '0 12px 16px' }} data-testid="messages">
          {data.items.map((n) => (
            <li key={n.id}>
              <button type="button" className="nj-message" data-unread={!n.isRead} onClick={() => void open(n)} data-testid="message">
                <span className="nj-message-head">
                  {!n.isRead && <span className="nj-dot" aria-label={t('messages.unread')} />}
                  <strong>{n.title}</strong>
                  <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                    {formatAge(t, n.createdAt)}
                  </time>
                </span>
                {n.body && <span className="nj-message-body">{n.body}</span>}
              </button>
            </li>
          ))}
          {data.total > data.items.length && (
            <li style={{ padding: '4px 0' }}>
              <Button block onClick={() => setPages((p) => p + 1)}>
                {t('notify.loadMore')}
              </Button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
