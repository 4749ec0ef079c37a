import type { JobFair, JobPosting, Page } from '@niangjia/contracts';
import { Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { FORMS, PERIODS, shanghaiToday } from './springjobs-format';

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

export function JobModal({ job, onClose, onSaved }: { job?: JobPosting | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [form] = Form.useForm<JobForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [orgQuery, setOrgQuery] = useState('');
  const unions = useRequest(
    (signal) =>
      api.get<Page<{ id: string; name: string }>>(
        '/orgs',
        { type: 'grassroots', status: 'active', pageSize: 50, ...(scope ? { under: scope.id } : {}), ...(orgQuery ? { q: orgQuery } : {}) },
        { signal },
      ),
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
                validator: (_, value: number | undefined) =>
                  value === undefined || value >= (getFieldValue('payMin') as number) ? Promise.resolve() : Promise.reject(new Error(t('springJobsAdmin.fields.payMax'))),
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
