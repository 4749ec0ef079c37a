import type { IndicatorValues, JobPosting, Page } from '@niangjia/contracts';
import { App, Button, Card, Input, Popconfirm, Radio, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { ApplicationsDrawer } from './ApplicationsDrawer';
import { JobModal } from './JobModal';
import { STATUS_COLORS, shanghaiToday, yuanText } from './springjobs-format';

/** 帮扶 ▸ 春送岗位 (/assistance/jobs): the jobs of employers in scope, their applications, and the figures. */
export function SpringJobsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const { message } = App.useApp();
  const canWrite = me.permissions.includes('assistance.write');
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ job?: JobPosting } | null>(null);
  const [search] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(search.get('posting'));
  useEffect(() => {
    const linked = search.get('posting');
    if (linked) setOpenId(linked);
  }, [search]);
  const list = useRequest(
    (signal) => api.get<Page<JobPosting>>('/assistance/jobs/postings', { page, pageSize: 20, ...(scope ? { orgId: scope.id } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}) }, { signal }),
    [page, scope?.id, status, q],
  );
  const figures = useRequest(
    (signal) =>
      me.permissions.includes('figures.read')
        ? api.get<IndicatorValues>('/indicators/values', { keys: 'jobs.offered,jobs.applications,jobs.hired', ...(scope ? { org: scope.id } : {}) }, { signal })
        : Promise.resolve(null),
    [scope?.id],
  );
  const figure = (key: string) => figures.data?.items.find((i) => i.key === key)?.value ?? null;

  async function move(job: JobPosting, step: 'open' | 'close') {
    try {
      await api.post(`/assistance/jobs/postings/${job.id}/${step}`, { version: job.version });
      list.reload();
      figures.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={48} wrap>
          <Statistic title={t('springJobsAdmin.figures.offered')} value={figure('jobs.offered') ?? '—'} data-testid="jobs-figure-offered" />
          <Statistic title={t('springJobsAdmin.figures.applications')} value={figure('jobs.applications') ?? '—'} />
          <Statistic title={t('springJobsAdmin.figures.filled')} value={figure('jobs.hired') ?? '—'} />
          {figures.data ? <Typography.Text type="secondary">{`${figures.data.period.from} – ${figures.data.period.to}`}</Typography.Text> : null}
        </Space>
      </Card>
      <Card
        size="small"
        title={
          <Space wrap>
            <Radio.Group
              value={status ?? ''}
              onChange={(e) => {
                setStatus((e.target.value as string) || undefined);
                setPage(1);
              }}
              optionType="button"
              options={[
                { value: '', label: t('springJobsAdmin.allStatuses') },
                ...(['draft', 'open', 'filled', 'closed'] as const).map((s) => ({ value: s, label: t(`springJobsAdmin.statuses.${s}`) })),
              ]}
            />
            <Input.Search
              allowClear
              placeholder={t('springJobsAdmin.search')}
              style={{ width: 220 }}
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
            />
          </Space>
        }
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setEditing({})} data-testid="jobs-new">
              {t('springJobsAdmin.newJob')}
            </Button>
          ) : null
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<JobPosting>
          id="spring-jobs"
          size="small"
          rowKey="id"
          data-testid="jobs-table"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('springJobsAdmin.empty') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('springJobsAdmin.total', { total }) }}
          columns={[
            { title: t('springJobsAdmin.col.title'), key: 'title', width: 150, priority: 1, ellipsis: true, render: (_: unknown, j) => <span data-testid="jobs-row-title">{j.title}</span> },
            { title: t('springJobsAdmin.col.employer'), key: 'employer', dataIndex: 'employerName', width: 170, ellipsis: true },
            { title: t('springJobsAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 150, ellipsis: true },
            { title: t('springJobsAdmin.col.pay'), key: 'pay', width: 150, render: (_: unknown, j) => `${yuanText(j.payMinFen)}–${yuanText(j.payMaxFen)} ${t(`springJobsAdmin.periods.${j.payPeriod}`)}` },
            { title: t('springJobsAdmin.col.headcount'), key: 'headcount', width: 100, align: 'right', render: (_: unknown, j) => `${j.headcount} / ${j.filled}` },
            {
              title: t('springJobsAdmin.col.applications'),
              key: 'applications',
              width: 90,
              align: 'right',
              render: (_: unknown, j) => (
                <Space size={4}>
                  {j.applications}
                  {j.newApplications ? <Tag color="orange">{`+${j.newApplications}`}</Tag> : null}
                </Space>
              ),
            },
            { title: t('springJobsAdmin.col.status'), key: 'status', width: 80, render: (_: unknown, j) => <Tag color={STATUS_COLORS[j.status]}>{t(`springJobsAdmin.statuses.${j.status}`)}</Tag> },
            { title: t('springJobsAdmin.col.validUntil'), key: 'validUntil', dataIndex: 'validUntil', width: 100, priority: 3 },
          ]}
          actions={(j) => (
            <Space size={0} wrap={false}>
              <Button type="link" size="small" onClick={() => setOpenId(j.id)} data-testid="jobs-applications">
                {t('springJobsAdmin.applications')}
              </Button>
              {canWrite && j.status !== 'closed' ? (
                <Button type="link" size="small" onClick={() => setEditing({ job: j })} data-testid="jobs-edit">
                  {t('springJobsAdmin.edit')}
                </Button>
              ) : null}
              {canWrite && (j.status === 'draft' || j.status === 'closed') && j.validUntil >= shanghaiToday() ? (
                <Button type="link" size="small" onClick={() => void move(j, 'open')} data-testid="jobs-open">
                  {t('springJobsAdmin.open')}
                </Button>
              ) : null}
              {canWrite && j.status === 'open' ? (
                <Popconfirm title={t('springJobsAdmin.closeConfirm')} okText={t('actions.confirm')} cancelText={t('actions.cancel')} onConfirm={() => move(j, 'close')}>
                  <Button type="link" size="small" danger data-testid="jobs-close">
                    {t('springJobsAdmin.close')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          )}
        />
      </Card>
      {editing ? (
        <JobModal
          job={editing.job}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
      {openId ? (
        <ApplicationsDrawer
          postingId={openId}
          canWrite={canWrite}
          canReveal={me.permissions.includes('assistance.reveal')}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            list.reload();
            figures.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
