import type { JobApplication, JobPosting, Page } from '@niangjia/contracts';
import { App, Button, Drawer, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { STATUS_COLORS } from './springjobs-format';

const APP_COLORS: Record<string, string> = { applied: 'orange', viewed: 'blue', interview: 'purple', hired: 'green', rejected: 'default', withdrawn: 'default' };
const MARKS = ['viewed', 'interview', 'hired', 'rejected'] as const;
const MARKS_FROM: Record<(typeof MARKS)[number], string[]> = {
  viewed: ['applied'],
  interview: ['applied', 'viewed', 'rejected'],
  hired: ['applied', 'viewed', 'interview', 'rejected'],
  rejected: ['applied', 'viewed', 'interview'],
};

export function ApplicationsDrawer({ postingId, canWrite, canReveal, onClose, onChanged }: { postingId: string; canWrite: boolean; canReveal: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const job = useRequest((signal) => api.get<JobPosting>(`/assistance/jobs/postings/${postingId}`, undefined, { signal }), [postingId]);
  const apps = useRequest((signal) => api.get<Page<JobApplication>>(`/assistance/jobs/postings/${postingId}/applications`, { page, pageSize: 20 }, { signal }), [postingId, page]);
  const [phones, setPhones] = useState<Record<string, string>>({});

  async function mark(a: JobApplication, status: (typeof MARKS)[number]) {
    try {
      await api.post(`/assistance/jobs/applications/${a.id}/mark`, { status, version: a.version });
      void message.success(t('springJobsAdmin.app.done'));
      apps.reload();
      job.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  async function reveal(a: JobApplication) {
    try {
      const r = await api.post<{ phone: string | null }>(`/assistance/jobs/applications/${a.id}/reveal`);
      setPhones((p) => ({ ...p, [a.id]: r.phone ?? '—' }));
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const j = job.data;
  return (
    <Drawer open width={960} title={j ? t('springJobsAdmin.app.title', { title: j.title }) : ''} onClose={onClose} destroyOnHidden>
      {job.error ? <ErrorAlert error={job.error} onRetry={job.reload} /> : null}
      {apps.error ? <ErrorAlert error={apps.error} onRetry={apps.reload} /> : null}
      {j ? (
        <Space wrap size={16} style={{ marginBottom: 12 }}>
          <Tag color={STATUS_COLORS[j.status]} data-testid="jobs-drawer-status">
            {t(`springJobsAdmin.statuses.${j.status}`)}
          </Tag>
          <Typography.Text>{`${j.employerName} · ${t('springJobsAdmin.col.headcount')} ${j.headcount} / ${j.filled}`}</Typography.Text>
          {j.fair ? <Typography.Text type="secondary">{`${j.fair.title} · ${formatDateTime(j.fair.startsAt)}`}</Typography.Text> : null}
        </Space>
      ) : null}
      <Table<JobApplication>
        size="small"
        rowKey="id"
        data-testid="jobs-applications-table"
        loading={apps.loading}
        dataSource={apps.data?.items ?? []}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('springJobsAdmin.app.empty') }}
        pagination={{ current: page, pageSize: 20, total: apps.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('springJobsAdmin.app.name'),
            fixed: 'left',
            width: 120,
            render: (_, a) => (
              <Space size={4}>
                <span data-testid="jobs-applicant-name">{a.name}</span>
                {a.isMember ? <Tag color="red">{t('springJobsAdmin.app.member')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('springJobsAdmin.app.phone'),
            width: 150,
            render: (_, a) =>
              phones[a.id] ? (
                phones[a.id]
              ) : (
                <Space size={4}>
                  {a.phoneMasked ?? '—'}
                  {canReveal && a.phoneMasked ? (
                    <Button type="link" size="small" onClick={() => void reveal(a)}>
                      {t('springJobsAdmin.app.reveal')}
                    </Button>
                  ) : null}
                </Space>
              ),
          },
          { title: t('springJobsAdmin.app.note'), width: 180, ellipsis: { showTitle: false }, render: (_, a) => <Tooltip title={a.note}>{a.note || '—'}</Tooltip> },
          { title: t('springJobsAdmin.app.appliedAt'), width: 140, render: (_, a) => formatDateTime(a.createdAt) },
          {
            title: t('springJobsAdmin.app.status'),
            width: 90,
            render: (_, a) => (
              <Tag color={APP_COLORS[a.status]} data-testid="jobs-application-status">
                {t(`springJobsAdmin.app.statuses.${a.status}`)}
              </Tag>
            ),
          },
          {
            title: t('springJobsAdmin.col.actions'),
            fixed: 'right',
            width: 230,
            render: (_, a) =>
              canWrite ? (
                <Space size={0} wrap={false}>
                  {MARKS.filter((m) => MARKS_FROM[m].includes(a.status) && !(m === 'hired' && j && j.filled >= j.headcount)).map((m) => (
                    <Button key={m} type="link" size="small" danger={m === 'rejected'} onClick={() => void mark(a, m)} data-testid={`jobs-mark-${m}`}>
                      {t(`springJobsAdmin.app.marks.${m}`)}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
