import type { Job, JobStatus, JobSummary, Page } from '@niangjia/contracts';
import { App, Button, Card, Descriptions, Drawer, Popconfirm, Progress, Select, Space, Table, Tag, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { listPagination } from '../../components/list-pagination';
import { useInterval } from '../access/use-interval';
import { jobKindLabel, STATUS_COLORS } from './jobs-ui';
import { SchedulesCard } from './SchedulesCard';

/** Tabs of the page: each a set of statuses. 失败 covers failed and dead (the dead letter). */
const VIEWS: { key: string; statuses: JobStatus[] }[] = [
  { key: 'problems', statuses: ['failed', 'dead'] },
  { key: 'active', statuses: ['queued', 'running'] },
  { key: 'succeeded', statuses: ['succeeded'] },
  { key: 'cancelled', statuses: ['cancelled'] },
  { key: 'all', statuses: [] },
];

/** 后台任务: what the job queue holds; retry what failed or died, cancel what waits. */
export function JobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('job.write');
  // Schedules are the platform's: shown to holders of a global grant only (the API says the same).
  const isGlobal = me.grants.some((g) => g.org === null && g.role === 'platform_admin');
  const [view, setView] = useState('problems');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [detail, setDetail] = useState<Job | null>(null);
  const statuses = VIEWS.find((v) => v.key === view)!.statuses;
  const summary = useRequest((signal) => api.get<JobSummary>('/jobs/summary', undefined, { signal }), []);
  const list = useRequest((signal) => api.get<Page<Job>>('/jobs', { status: statuses.join(','), kind, page, pageSize }, { signal }), [view, kind, page, pageSize]);
  const refresh = () => {
    summary.reload();
    list.reload();
  };
  // Jobs move by themselves: keep the page current while it is open.
  useInterval(refresh, 5000);

  const act = async (job: Job, verb: 'retry' | 'cancel') => {
    try {
      await api.post(`/jobs/${job.id}/${verb}`);
      void message.success(t(`jobs.done.${verb}`));
      refresh();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const counts = summary.data?.counts;
  const countOf = (v: (typeof VIEWS)[number]) => (counts ? (v.statuses.length ? v.statuses : (Object.keys(counts) as JobStatus[])).reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('jobs.title')}
        extra={
          <Space>
            <Select
              allowClear
              placeholder={t('jobs.kindFilter')}
              style={{ width: 200 }}
              value={kind}
              onChange={(v) => (setKind(v), setPage(1))}
              options={(summary.data?.kinds ?? []).map((k) => ({ value: k, label: jobKindLabel(t, k) }))}
              data-testid="job-kind-filter"
            />
            <Button onClick={refresh}>{t('jobs.refresh')}</Button>
          </Space>
        }
      >
        <Tabs
          activeKey={view}
          onChange={(k) => (setView(k), setPage(1))}
          items={VIEWS.map((v) => ({ key: v.key, label: `${t(`jobs.views.${v.key}`)}${countOf(v) !== undefined ? `（${countOf(v)}）` : ''}` }))}
        />
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Job>
          rowKey="id"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
          locale={{ emptyText: t(`jobs.empty.${view}`) }}
          columns={[
            { title: t('jobs.fields.kind'), key: 'kind', fixed: 'left', width: 150, render: (_, j) => <a onClick={() => setDetail(j)}>{jobKindLabel(t, j.kind)}</a> },
            { title: t('jobs.fields.status'), key: 'status', width: 84, render: (_, j) => <Tag color={STATUS_COLORS[j.status]} data-testid="job-status">{t(`jobs.statuses.${j.status}`)}</Tag> },
            {
              title: t('jobs.fields.state'),
              key: 'state',
              ellipsis: true,
              render: (_, j) =>
                j.status === 'running' ? (
                  <Space size={8} style={{ width: '100%' }}>
                    <Progress percent={Math.round(j.progress * 100)} size="small" style={{ width: 100, margin: 0 }} />
                    <Typography.Text ellipsis={{ tooltip: j.progressText }}>{j.progressText}</Typography.Text>
                  </Space>
                ) : j.error ? (
                  <Typography.Text type={j.status === 'queued' ? 'warning' : 'danger'} ellipsis={{ tooltip: j.error.detail ?? j.error.title }} data-testid="job-error">
                    {j.status === 'queued' ? t('jobs.retrying', { title: j.error.title }) : j.error.title}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: j.progressText }}>{j.progressText ?? '—'}</Typography.Text>
                ),
            },
            { title: t('jobs.fields.attempts'), key: 'attempts', width: 80, render: (_, j) => `${j.attempts} / ${j.maxAttempts}` },
            { title: t('jobs.fields.org'), key: 'org', width: 140, ellipsis: true, render: (_, j) => j.org?.name ?? (j.scheduleName ? t('jobs.scheduled') : '—') },
            { title: t('jobs.fields.runAt'), key: 'runAt', width: 136, render: (_, j) => (j.status === 'queued' && j.runAt ? formatDateTime(j.runAt) : j.status === 'queued' ? t('jobs.asap') : '—') },
            { title: t('jobs.fields.createdAt'), key: 'createdAt', width: 136, render: (_, j) => formatDateTime(j.createdAt) },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 110,
              render: (_, j) =>
                canWrite ? (
                  <Space size={4}>
                    {['failed', 'dead', 'cancelled'].includes(j.status) && (
                      <Popconfirm title={t('jobs.confirm.retry')} onConfirm={() => act(j, 'retry')} okText={t('jobs.actions.retry')} cancelText={t('actions.cancel')}>
                        <Button size="small" type="link" data-testid="job-retry">{t('jobs.actions.retry')}</Button>
                      </Popconfirm>
                    )}
                    {['queued', 'running'].includes(j.status) && !j.isCancelRequested && (
                      <Popconfirm title={t(j.status === 'running' ? 'jobs.confirm.stop' : 'jobs.confirm.cancel')} onConfirm={() => act(j, 'cancel')} okText={t('jobs.actions.cancel')} cancelText={t('actions.cancel')}>
                        <Button size="small" type="link" danger data-testid="job-cancel">{t('jobs.actions.cancel')}</Button>
                      </Popconfirm>
                    )}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      {isGlobal && <SchedulesCard canWrite={canWrite} onChanged={refresh} />}
      <Drawer open={!!detail} onClose={() => setDetail(null)} title={detail ? jobKindLabel(t, detail.kind) : ''} size={520}>
        {detail && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('jobs.fields.status')}><Tag color={STATUS_COLORS[detail.status]}>{t(`jobs.statuses.${detail.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.kindCode')}><Typography.Text code>{detail.kind}</Typography.Text></Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.org')}>{detail.org?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.attempts')}>{`${detail.attempts} / ${detail.maxAttempts}`}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.progress')}>{detail.progressText ?? `${Math.round(detail.progress * 100)}%`}</Descriptions.Item>
            {detail.error && <Descriptions.Item label={t('jobs.fields.error')}>{detail.error.title}{detail.error.detail ? `：${detail.error.detail}` : ''}</Descriptions.Item>}
            {detail.errorText && (
              <Descriptions.Item label={t('jobs.fields.errorText')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'monospace', fontSize: 12 }} data-testid="job-error-text">{detail.errorText}</Typography.Paragraph>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('jobs.fields.createdBy')}>{detail.createdByName ?? (detail.scheduleName ? t('jobs.scheduled') : t('jobs.system'))}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.createdAt')}>{formatDateTime(detail.createdAt, true)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.startedAt')}>{formatDateTime(detail.startedAt, true)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.fields.finishedAt')}>{formatDateTime(detail.finishedAt, true)}</Descriptions.Item>
            {detail.runner && <Descriptions.Item label={t('jobs.fields.runner')}>{detail.runner}</Descriptions.Item>}
          </Descriptions>
        )}
      </Drawer>
    </Space>
  );
}
