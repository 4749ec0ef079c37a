import type { Notification } from '@niangjia/contracts';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { formatAge } from '../../../shared/notifications/age';
import { consolePathOf } from './use-inbox';

/** Messages, unread ones marked; a click marks it read and opens its item. */
export function MessageList({ items, onOpened, size = 'small' }: { items: Notification[]; onOpened: () => void; size?: 'small' | 'default' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = async (n: Notification) => {
    if (!n.isRead) await api.post(`/me/notifications/${n.id}/read`).catch(() => undefined);
    onOpened();
    const path = consolePathOf(n.link);
    if (path) void navigate(path);
    else if (n.link) window.open(n.link, '_blank', 'noopener');
  };
  return (
    <List
      size={size}
      dataSource={items}
      renderItem={(n) => (
        <List.Item
          data-testid="message"
          data-unread={!n.isRead}
          onClick={() => void open(n)}
          style={{ cursor: 'pointer', paddingInline: 8, background: n.isRead ? undefined : '#fff6f6', borderRadius: 6 }}
        >
          <List.Item.Meta
            avatar={<span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, marginTop: 7, borderRadius: 4, background: n.isRead ? 'transparent' : '#c8102e' }} />}
            title={
              <span style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                <Typography.Text strong={!n.isRead} ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {n.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', fontWeight: 'normal' }} title={formatDateTime(n.createdAt)}>
                  {formatAge(t, n.createdAt)}
                </Typography.Text>
              </span>
            }
            description={n.body ? <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{n.body}</Typography.Paragraph> : null}
          />
        </List.Item>
      )}
    />
  );
}
