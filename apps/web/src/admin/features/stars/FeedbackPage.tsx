import type { Issue, Page } from '@niangjia/contracts';
import { issueCategories, issueStatuses } from '@niangjia/contracts/stars-domain';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';

type Filters = { status?: string; category?: string; q?: string };
const STATUS_COLORS: Record<string, string> = {
  open: 'red',
  assigned: 'blue',
  resolved: 'green',
};

/** 服务阵地 ▸ 职工反馈 (/positions/feedback): workers' reports at positions in scope; assign, resolve. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canHandle = me.permissions.includes('position.write');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [acting, setActing] = useState<{
    mode: 'assign' | 'resolve';
    issue: Issue;
  } | null>(null);
  const list = useRequest((signal) => api.get<Page<Issue>>('/feedback/issues', { ...filters, page, pageSize }, { signal }), [JSON.stringify(filters), page, pageSize]);
  // A link from the bell or the 待办 (`?issue=<id>`) shows that one report, whatever its status.
  const [search] = useSearchParams();
  const linkedIssue = search.get('issue');
  useEffect(() => {
    if (!linkedIssue) return;
    api.get<Issue>(`/feedback/issues/${linkedIssue}`).then(
      (issue) => {
        filterForm.setFieldsValue({ status: undefined, category: undefined, q: issue.number });
        setFilters({ q: issue.number });
        setPage(1);
      },
      () => undefined,
    );
  }, [linkedIssue, filterForm]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          initialValues={{ status: 'open' }}
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
            setPage(1);
          }}
        >
          <Form.Item name="status" label={t('starsAdmin.feedback.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('common.all')}
              options={issueStatuses.map((s) => ({
                value: s,
                label: t(`feedback.statuses.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('starsAdmin.feedback.category')}>
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('common.all')}
              options={issueCategories.map((c) => ({
                value: c,
                label: t(`feedback.categories.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="q" label={t('starsAdmin.feedback.keyword')}>
            <Input allowClear placeholder={t('starsAdmin.feedback.keywordPlaceholder')} style={{ width: 240 }} />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              filterForm.setFieldsValue({ status: undefined });
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={
          <Space>
            {t('starsAdmin.feedback.title')}
            {scope && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('starsAdmin.feedback.scopeNote', { scope: scope.name })}
              </Typography.Text>
            )}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Issue>
          id="feedback"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: <Empty description={Object.keys(filters).length ? t('starsAdmin.feedback.emptyFiltered') : t('starsAdmin.feedback.empty')} />,
          }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            {
              title: t('starsAdmin.feedback.number'),
              key: 'number',
              dataIndex: 'number',
              width: 160,
            },
            {
              title: t('starsAdmin.fields.position'),
              key: 'p',
              width: 200,
              render: (_: unknown, i) => i.position.name,
            },
            {
              title: t('starsAdmin.feedback.category'),
              key: 'category',
              dataIndex: 'category',
              width: 110,
              render: (c: string) => <Tag>{t(`feedback.categories.${c}`)}</Tag>,
            },
            {
              title: t('starsAdmin.feedback.text'),
              key: 'text',
              width: 300,
              render: (_: unknown, i) => (
                <Space align="start">
                  {i.photoId && (
                    <a href={`/api/v1/photos/${i.photoId}`} target="_blank" rel="noreferrer">
                      <img
                        src={`/api/v1/photos/${i.photoId}`}
                        alt={t('starsAdmin.feedback.photo')}
                        style={{
                          width: 48,
                          height: 48,
                          objectFit: 'cover',
                          borderRadius: 4,
                        }}
                      />
                    </a>
                  )}
                  <span data-testid="issue-text">{i.text}</span>
                </Space>
              ),
            },
            {
              title: t('starsAdmin.feedback.reporter'),
              key: 'r',
              width: 140,
              render: (_: unknown, i) => (i.reporter ? `${i.reporter.name} ${i.reporter.phoneMasked ?? ''}` : '—'),
            },
            {
              title: t('starsAdmin.feedback.status'),
              key: 'status',
              dataIndex: 'status',
              width: 90,
              render: (s: string) => (
                <Tag color={STATUS_COLORS[s]} data-testid="issue-status">
                  {t(`feedback.statuses.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('starsAdmin.feedback.assignee'),
              key: 'a',
              width: 140,
              render: (_: unknown, i) => i.assignee?.name ?? '—',
            },
            {
              title: t('starsAdmin.feedback.note'),
              key: 'resolutionNote',
              dataIndex: 'resolutionNote',
              width: 200,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('starsAdmin.feedback.createdAt'),
              key: 'createdAt',
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
          ]}
          actions={(i) =>
            canHandle && i.status !== 'resolved' ? (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setActing({ mode: 'assign', issue: i })}>
                  {t('starsAdmin.feedback.assign')}
                </Button>
                <Button type="link" size="small" onClick={() => setActing({ mode: 'resolve', issue: i })} data-testid={`resolve-${i.number}`}>
                  {t('starsAdmin.feedback.resolve')}
                </Button>
              </Space>
            ) : null
          }
        />
      </Card>
      {acting && (
        <IssueActionModal
          {...acting}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}

function IssueActionModal({ mode, issue, onClose, onDone }: { mode: 'assign' | 'resolve'; issue: Issue; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId?: string; note?: string }>();
  const assignees = useRequest((signal) => api.get<{ id: string; name: string }[]>(`/feedback/issues/${issue.id}/assignees`, undefined, { signal }), [issue.id], mode === 'assign');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (mode === 'assign')
        await api.post(`/feedback/issues/${issue.id}/assign`, {
          userId: v.userId,
          version: issue.version,
        });
      else
        await api.post(`/feedback/issues/${issue.id}/resolve`, {
          note: v.note,
          version: issue.version,
        });
      message.success(mode === 'assign' ? t('starsAdmin.feedback.assigned') : t('starsAdmin.feedback.resolved'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t(mode === 'assign' ? 'starsAdmin.feedback.assignTitle' : 'starsAdmin.feedback.resolveTitle', { number: issue.number })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Tag>{t(`feedback.categories.${issue.category}`)}</Tag>
        {issue.position.name}：{issue.text}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {assignees.error ? <ErrorAlert error={assignees.error} /> : null}
      <Form form={form} layout="vertical">
        {mode === 'assign' ? (
          <Form.Item
            name="userId"
            label={t('starsAdmin.feedback.assignTo')}
            rules={[
              {
                required: true,
                message: t('positionsAdmin.required', {
                  field: t('starsAdmin.feedback.assignTo'),
                }),
              },
            ]}
          >
            <Select
              loading={assignees.loading}
              options={(assignees.data ?? []).map((u) => ({
                value: u.id,
                label: u.name,
              }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="note"
            label={t('starsAdmin.feedback.note')}
            rules={[
              {
                required: true,
                min: 2,
                message: t('positionsAdmin.required', {
                  field: t('starsAdmin.feedback.note'),
                }),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('starsAdmin.feedback.notePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
