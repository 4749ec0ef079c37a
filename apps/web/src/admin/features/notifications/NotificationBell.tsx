import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Popover, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useScope } from '../../layout/scope';
import { MessageList } from './MessageList';
import { TodoGroups } from './TodoGroups';
import { useInbox } from './use-inbox';

/** The header bell: unread messages (badge) and the 待办 of the header scope, live on every instance. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { scope } = useScope();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'messages' | 'todos'>('messages');
  const inbox = useInbox(scope?.id, { messages: 8, todosPerKind: 3 });
  const todoTotal = inbox.todos.data?.total ?? 0;
  const items = inbox.latest.data?.items ?? [];
  const close = () => setOpen(false);

  const markAll = async () => {
    await api.post('/me/notifications/read-all');
    inbox.reloadMessages();
    void message.success(t('notify.markedAllRead'));
  };

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="bell-panel">
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => setTab(k as 'messages' | 'todos')}
        items={[
          {
            key: 'messages',
            label: (
              <Space size={4} data-testid="bell-messages-tab">
                {t('notify.title')}
                <Badge count={inbox.unread} size="small" overflowCount={99} />
              </Space>
            ),
            children: (
              <div style={{ maxHeight: 420, overflowY: 'auto' }}>
                {items.length ? (
                  <MessageList items={items} onOpened={() => (close(), inbox.reloadMessages())} />
                ) : inbox.latest.data ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
                ) : (
                  <Skeleton active paragraph={{ rows: 2 }} />
                )}
              </div>
            ),
          },
          {
            key: 'todos',
            label: (
              <Space size={4} data-testid="bell-todos-tab">
                {t('notify.todos.title')}
                <Badge count={todoTotal} size="small" overflowCount={999} color="#d46b08" />
              </Space>
            ),
            children: (
              <div style={{ maxHeight: 420, overflowY: 'auto' }}>
                <TodoGroups todos={inbox.todos.data} onNavigate={close} dense />
              </div>
            ),
          },
        ]}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
        <Button type="link" size="small" disabled={!inbox.unread} onClick={() => void markAll()} data-testid="mark-all-read">
          {t('notify.markAllRead')}
        </Button>
        <Button
          type="link"
          size="small"
          onClick={() => {
            close();
            void navigate(tab === 'todos' ? '/' : '/notifications');
          }}
        >
          {tab === 'todos' ? t('notifications.toDashboard') : t('notifications.all')}
        </Button>
      </div>
    </div>
  );

  const label = `${t('notify.title')}：${inbox.unread ? t('notify.unread', { count: inbox.unread }) : t('notify.noUnread')}；${t('notify.todos.title')} ${todoTotal}`;
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      <Button type="text" aria-label={label} data-testid="notification-bell" data-unread={inbox.unread} data-loaded={inbox.loaded} data-todos={todoTotal}>
        <Badge count={inbox.unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
