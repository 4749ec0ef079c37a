import type { JobSchedule } from '@niangjia/contracts';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { jobKindLabel, STATUS_COLORS } from './jobs-ui';

/** 定时任务: the platform's cron-like schedules, their next and last run; pause, resume, run now. */
export function SchedulesCard({ canWrite, onChanged }: { canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRequest((signal) => api.get<JobSchedule[]>('/job-schedules', undefined, { signal }), []);
  const act = async (s: JobSchedule, verb: 'pause' | 'resume' | 'run') => {
    await api.post(`/job-schedules/${encodeURIComponent(s.name)}/${verb}`);
    void message.success(t(`jobs.schedules.done.${verb}`));
    list.reload();
    onChanged();
  };
  return (
    <Card title={t('jobs.schedules.title')} data-testid="schedules">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<JobSchedule>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={list.data ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('jobs.schedules.empty') }}
        columns={[
          { title: t('jobs.fields.kind'), key: 'kind', render: (_, s) => jobKindLabel(t, s.kind) },
          { title: t('jobs.schedules.when'), key: 'cron', width: 220, render: (_, s) => <span>{t(`jobs.schedules.cron.${s.name.replace(/\./g, '_')}`, { defaultValue: '' }) || <Typography.Text code>{s.cron}</Typography.Text>}</span> },
          { title: t('jobs.schedules.next'), key: 'next', width: 150, render: (_, s) => (s.isPaused ? <Tag>{t('jobs.schedules.paused')}</Tag> : formatDateTime(s.nextRunAt)) },
          {
            title: t('jobs.schedules.last'),
            key: 'last',
            width: 220,
            render: (_, s) => (s.lastRunAt ? <Space size={6}>{formatDateTime(s.lastRunAt)}{s.lastJob && <Tag color={STATUS_COLORS[s.lastJob.status]}>{t(`jobs.statuses.${s.lastJob.status}`)}</Tag>}</Space> : t('jobs.schedules.never')),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            fixed: 'right',
            render: (_, s) =>
              canWrite ? (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => void act(s, 'run')}>{t('jobs.schedules.runNow')}</Button>
                  <Button size="small" type="link" onClick={() => void act(s, s.isPaused ? 'resume' : 'pause')}>{t(s.isPaused ? 'jobs.schedules.resume' : 'jobs.schedules.pause')}</Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
