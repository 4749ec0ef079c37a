import type { IndicatorValues, JobApplication, JobFair, JobPosting, Page } from '@niangjia/contracts';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'green', closed: 'default', filled: 'blue' };
const APP_COLORS: Record<string, string> = { applied: 'orange', viewed: 'blue', interview: 'purple', hired: 'green', rejected: 'default', withdrawn: 'default' };
const FORMS = ['full_time', 'part_time', 'flexible', 'internship'] as const;
const PERIODS = ['month', 'day', 'hour'] as const;
const MARKS = ['viewed', 'interview', 'hired', 'rejected'] as const;
const MARKS_FROM: Record<(typeof MARKS)[number], string[]> = { viewed: ['applied'], interview: ['applied', 'viewed', 'rejected'], hired: ['applied', 'viewed', 'interview', 'rejected'], rejected: ['applied', 'viewed', 'interview'] };
const yuanText = (fen: number) => formatMoney(fen).replace(/\.00$/, '');
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

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
              options={[{ value: '', label: t('springJobsAdmin.allStatuses') }, ...(['draft', 'open', 'filled', 'closed'] as const).map((s) => ({ value: s, label: t(`springJobsAdmin.statuses.${s}`) }))]}
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
        <Table<JobPosting>
          size="small"
          rowKey="id"
          data-testid="jobs-table"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1180 }}
          locale={{ emptyText: t('springJobsAdmin.empty') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('springJobsAdmin.total', { total }) }}
          columns={[
            {
              title: t('springJobsAdmin.col.title'),
              fixed: 'left',
              width: 150,
              ellipsis: { showTitle: false },
              render: (_, j) => (
                <Tooltip title={j.title}>
                  <span data-testid="jobs-row-title">{j.title}</span>
                </Tooltip>
              ),
            },
            { title: t('springJobsAdmin.col.employer'), width: 170, ellipsis: { showTitle: false }, render: (_, j) => <Tooltip title={j.employerName}>{j.employerName}</Tooltip> },
            { title: t('springJobsAdmin.col.org'), width: 150, ellipsis: { showTitle: false }, render: (_, j) => <Tooltip title={j.orgName}>{j.orgName}</Tooltip> },
            { title: t('springJobsAdmin.col.pay'), width: 150, render: (_, j) => `${yuanText(j.payMinFen)}–${yuanText(j.payMaxFen)} ${t(`springJobsAdmin.periods.${j.payPeriod}`)}` },
            { title: t('springJobsAdmin.col.headcount'), width: 100, align: 'right', render: (_, j) => `${j.headcount} / ${j.filled}` },
            {
              title: t('springJobsAdmin.col.applications'),
              width: 70,
              align: 'right',
              render: (_, j) => (
                <Space size={4}>
                  {j.applications}
                  {j.newApplications ? <Tag color="orange">{`+${j.newApplications}`}</Tag> : null}
                </Space>
              ),
            },
            { title: t('springJobsAdmin.col.status'), width: 80, render: (_, j) => <Tag color={STATUS_COLORS[j.status]}>{t(`springJobsAdmin.statuses.${j.status}`)}</Tag> },
            { title: t('springJobsAdmin.col.validUntil'), width: 100, render: (_, j) => j.validUntil },
            {
              title: t('springJobsAdmin.col.actions'),
              // Always in view on a 1366 px screen, whatever scrolls.
              fixed: 'right',
              width: 220,
              render: (_, j) => (
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
              ),
            },
          ]}
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

type JobForm = {
  orgId: string;
  employerName?: string;
  title: string;
  employmentForm: (typeof FORMS)[number];
  payPeriod: (typeof PERIODS)[number];
  payMin: number;
  payMax: number;
  headcount: number;
  validUntil: string;
  address: string;
  lng: number;
  lat: number;
  crs: 'gcj02' | 'wgs84';
  eventId?: string;
  description?: string;
  requirements?: string;
};

function JobModal({ job, onClose, onSaved }: { job?: JobPosting | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [form] = Form.useForm<JobForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [orgQuery, setOrgQuery] = useState('');
  const unions = useRequest(
    (signal) => api.get<Page<{ id: string; name: string }>>('/orgs', { type: 'grassroots', status: 'active', pageSize: 50, ...(scope ? { under: scope.id } : {}), ...(orgQuery ? { q: orgQuery } : {}) }, { signal }),
    [scope?.id, orgQuery],
  );
  const fairs = useRequest((signal) => api.get<JobFair[]>('/assistance/jobs/fairs', undefined, { signal }), []);
  const initial: Partial<JobForm> = job
    ? {
        orgId: job.orgId,
        employerName: job.employerName,
        title: job.title,
        employmentForm: job.employmentForm,
        payPeriod: job.payPeriod,
        payMin: job.payMinFen / 100,
        payMax: job.payMaxFen / 100,
        headcount: job.headcount,
        validUntil: job.validUntil,
        address: job.address,
        lng: job.lng,
        lat: job.lat,
        crs: 'wgs84',
        ...(job.fair ? { eventId: job.fair.id } : {}),
        description: job.description,
        requirements: job.requirements,
      }
    : { employmentForm: 'full_time', payPeriod: 'month', headcount: 1, crs: 'gcj02', validUntil: new Date(Date.now() + 8 * 3600_000 + 90 * 86_400_000).toISOString().slice(0, 10) };

  async function submit() {
    const v = await form.validateFields();
    const body = {
      title: v.title,
      ...(v.employerName?.trim() ? { employerName: v.employerName.trim() } : {}),
      description: v.description ?? '',
      requirements: v.requirements ?? '',
      employmentForm: v.employmentForm,
      payPeriod: v.payPeriod,
      payMinFen: Math.round(v.payMin * 100),
      payMaxFen: Math.round(v.payMax * 100),
      headcount: v.headcount,
      address: v.address,
      location: { lng: v.lng, lat: v.lat, crs: v.crs },
      validUntil: v.validUntil,
      eventId: v.eventId ?? null,
    };
    setBusy(true);
    setError(undefined);
    try {
      if (job) await api.put(`/assistance/jobs/postings/${job.id}`, { ...body, version: job.version });
      else await api.post('/assistance/jobs/postings', { ...body, orgId: v.orgId });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const unionOptions = [...(job ? [{ value: job.orgId, label: job.orgName }] : []), ...(unions.data?.items ?? []).filter((u) => u.id !== job?.orgId).map((u) => ({ value: u.id, label: u.name }))];
  return (
    <Modal
      open
      width={880}
      title={job ? t('springJobsAdmin.editJob') : t('springJobsAdmin.newJob')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="jobs-form" size="small">
        <Space wrap size={[16, 0]} align="start">
          <Form.Item name="orgId" label={t('springJobsAdmin.fields.org')} rules={[{ required: true }]} style={{ width: 260 }}>
            <Select showSearch disabled={!!job} filterOption={false} onSearch={setOrgQuery} options={unionOptions} loading={unions.loading} data-testid="jobs-form-org" />
          </Form.Item>
          <Form.Item name="employerName" label={t('springJobsAdmin.fields.employerName')} tooltip={t('springJobsAdmin.fields.employerHint')} style={{ width: 260 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={t('springJobsAdmin.fields.title')} rules={[{ required: true, whitespace: true }]} style={{ width: 260 }}>
            <Input maxLength={60} data-testid="jobs-form-title" />
          </Form.Item>
          <Form.Item name="employmentForm" label={t('springJobsAdmin.fields.employmentForm')} rules={[{ required: true }]} style={{ width: 160 }}>
            <Select options={FORMS.map((f) => ({ value: f, label: t(`springJobsAdmin.forms.${f}`) }))} />
          </Form.Item>
          <Form.Item name="payPeriod" label={t('springJobsAdmin.fields.payPeriod')} rules={[{ required: true }]} style={{ width: 120 }}>
            <Select options={PERIODS.map((p) => ({ value: p, label: t(`springJobsAdmin.periods.${p}`) }))} />
          </Form.Item>
          <Form.Item name="payMin" label={t('springJobsAdmin.fields.payMin')} rules={[{ required: true }]} style={{ width: 130 }}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} data-testid="jobs-form-paymin" />
          </Form.Item>
          <Form.Item
            name="payMax"
            label={t('springJobsAdmin.fields.payMax')}
            dependencies={['payMin']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: number | undefined) => (value === undefined || value >= (getFieldValue('payMin') as number) ? Promise.resolve() : Promise.reject(new Error(t('springJobsAdmin.fields.payMax')))),
              }),
            ]}
            style={{ width: 130 }}
          >
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} data-testid="jobs-form-paymax" />
          </Form.Item>
          <Form.Item name="headcount" label={t('springJobsAdmin.fields.headcount')} rules={[{ required: true }]} style={{ width: 110 }}>
            <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} data-testid="jobs-form-headcount" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('springJobsAdmin.fields.validUntil')} rules={[{ required: true }]} style={{ width: 160 }}>
            <Input type="date" min={shanghaiToday()} data-testid="jobs-form-valid" />
          </Form.Item>
          <Form.Item name="eventId" label={t('springJobsAdmin.fields.fair')} style={{ width: 300 }}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('springJobsAdmin.fields.noFair')}
              // Events called 招聘会 first: a fair is an ordinary event of the events module.
              options={[...(fairs.data ?? [])]
                .sort((a, b) => Number(b.title.includes('招聘')) - Number(a.title.includes('招聘')))
                .map((f) => ({ value: f.id, label: `${f.title}（${formatDateTime(f.startsAt)}）` }))}
              data-testid="jobs-form-fair"
            />
          </Form.Item>
          <Form.Item name="address" label={t('springJobsAdmin.fields.address')} rules={[{ required: true, whitespace: true }]} style={{ width: 400 }}>
            <Input maxLength={200} data-testid="jobs-form-address" />
          </Form.Item>
          <Form.Item name="lng" label={t('springJobsAdmin.fields.lng')} rules={[{ required: true }]} style={{ width: 130 }}>
            <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} data-testid="jobs-form-lng" />
          </Form.Item>
          <Form.Item name="lat" label={t('springJobsAdmin.fields.lat')} rules={[{ required: true }]} style={{ width: 130 }}>
            <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} data-testid="jobs-form-lat" />
          </Form.Item>
          <Form.Item name="crs" label={t('springJobsAdmin.fields.crs')} style={{ width: 240 }}>
            <Select options={(['gcj02', 'wgs84'] as const).map((c) => ({ value: c, label: t(`springJobsAdmin.crs.${c}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('springJobsAdmin.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="requirements" label={t('springJobsAdmin.fields.requirements')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ApplicationsDrawer({ postingId, canWrite, canReveal, onClose, onChanged }: { postingId: string; canWrite: boolean; canReveal: boolean; onClose: () => void; onChanged: () => void }) {
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
