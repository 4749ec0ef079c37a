import type { Notice, NoticeStatus, Page } from '@niangjia/contracts';
import { App, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { NoticeFormModal } from './NoticeFormModal';

const STATUS_COLORS: Record<NoticeStatus, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

/** 通知公告: notices of the unions in scope; write, publish to a subtree, withdraw. */
export function NoticesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [status, setStatus] = useState<NoticeStatus | 'all'>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const list = useRequest(
    (signal) => api.get<Page<Notice>>('/notices', { orgId: scope?.id, status: status === 'all' ? undefined : status, q: q || undefined, page, pageSize }, { signal }),
    [scope?.id, status, q, page, pageSize],
  );

  const act = async (n: Notice, verb: 'publish' | 'withdraw') => {
    try {
      await api.post(`/notices/${n.id}/${verb}`, { version: n.version });
      void message.success(t(`notices.done.${verb}`));
      list.reload();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  return (
    <Card
      title={t('notices.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="notice-create">
          {t('notices.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<NoticeStatus | 'all'>
          value={status}
          onChange={(v) => (setStatus(v), setPage(1))}
          options={(['all', 'published', 'draft', 'withdrawn'] as const).map((s) => ({ value: s, label: s === 'all' ? t('common.all') : t(`notices.statuses.${s}`) }))}
        />
        <Input.Search allowClear placeholder={t('notices.search')} onSearch={(v) => (setQ(v.trim()), setPage(1))} style={{ width: 240 }} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Notice>
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
        locale={{ emptyText: t('notices.empty') }}
        expandable={{ expandedRowRender: (n) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.body}</Typography.Paragraph> }}
        columns={[
          {
            title: t('notices.fields.title'),
            key: 'title',
            ellipsis: true,
            render: (_, n) => (
              <Space size={6}>
                {n.isPinned && <Tag color="red">{t('notices.pinned')}</Tag>}
                <Typography.Text ellipsis={{ tooltip: n.title }}>{n.title}</Typography.Text>
              </Space>
            ),
          },
          { title: t('notices.fields.org'), key: 'org', width: 200, ellipsis: true, render: (_, n) => n.org.name },
          { title: t('notices.fields.status'), key: 'status', width: 90, render: (_, n) => <Tag color={STATUS_COLORS[n.status]}>{t(`notices.statuses.${n.status}`)}</Tag> },
          { title: t('notices.fields.publishedAt'), key: 'publishedAt', width: 140, render: (_, n) => formatDateTime(n.publishedAt) },
          { title: t('notices.fields.createdBy'), key: 'createdBy', width: 120, ellipsis: true, render: (_, n) => n.createdByName ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_, n) => (
              <Space size={4}>
                {n.status !== 'withdrawn' && (
                  <Button size="small" type="link" onClick={() => setEditing(n)}>
                    {t('notices.actions.edit')}
                  </Button>
                )}
                {n.status === 'published' ? (
                  <Popconfirm title={t('notices.confirm.withdraw')} onConfirm={() => act(n, 'withdraw')} okText={t('notices.actions.withdraw')} cancelText={t('actions.cancel')}>
                    <Button size="small" type="link" danger>{t('notices.actions.withdraw')}</Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" onClick={() => void act(n, 'publish')}>
                    {t('notices.actions.publish')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <NoticeFormModal
          notice={editing === 'new' ? null : editing}
          scope={scope}
          onClose={() => setEditing(null)}
          onSaved={(n) => {
            setEditing(null);
            void message.success(t(n.status === 'published' ? 'notices.done.published' : 'notices.done.saved'));
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
