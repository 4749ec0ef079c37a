import type { NotificationPage } from '@niangjia/contracts';
import { Button, Card, Empty, Pagination, Segmented, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useLiveNotifications } from '../../../shared/notifications/live';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MessageList } from './MessageList';

/** All my messages, paged: what the bell shows the latest of. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest((signal) => api.get<NotificationPage>('/me/notifications', { filter, page, pageSize }, { signal }), [filter, page, pageSize]);
  useLiveNotifications((change) => change === 'notifications' && list.reload());
  const data = list.data;
  return (
    <Card
      title={t('notifications.title')}
      extra={
        <Space>
          <Segmented<'all' | 'unread'>
            value={filter}
            onChange={(v) => (setFilter(v), setPage(1))}
            options={[
              { value: 'all', label: t('notifications.filterAll') },
              { value: 'unread', label: t('notifications.filterUnread', { count: data?.unread ?? 0 }) },
            ]}
          />
          <Button disabled={!data?.unread} onClick={() => void api.post('/me/notifications/read-all').then(list.reload)}>
            {t('notify.markAllRead')}
          </Button>
        </Space>
      }
    >
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {!data ? (
        list.error ? null : <Skeleton active paragraph={{ rows: 4 }} />
      ) : data.items.length ? (
        <MessageList items={data.items} onOpened={list.reload} size="default" />
      ) : (
        <Empty description={filter === 'unread' ? t('notify.noUnread') : t('notify.empty')} />
      )}
      {data && data.total > pageSize && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Pagination current={page} pageSize={pageSize} total={data.total} showSizeChanger onChange={(p, s) => (setPage(p), setPageSize(s))} showTotal={(total) => <Typography.Text type="secondary">{t('common.total', { total })}</Typography.Text>} />
        </div>
      )}
    </Card>
  );
}
