import type { MutualaidBatch, MutualaidClaim, MutualaidEnrolment, MutualaidPlan, Page } from '@niangjia/contracts';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Image, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Statistic, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { Attachment } from '../../components/Attachment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

const STATUS_COLORS: Record<string, string> = { submitted: 'orange', awaiting_second: 'purple', approved: 'blue', rejected: 'default', paid: 'green' };
const yuan = (fen: number) => fen / 100;
const fen = (v: number | null | undefined) => Math.round((v ?? 0) * 100);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 帮扶 ▸ 互助保障 (/assistance/mutualaid): the plan of the year, its claims queue with review, second check and payment, and enrolment. */
export function MutualaidPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = me.permissions.includes('assistance.write');
  const plans = useRequest((signal) => api.get<MutualaidPlan[]>('/assistance/mutualaid/plans', undefined, { signal }), []);
  const [planId, setPlanId] = useState<string>();
  const [editing, setEditing] = useState<{ plan?: MutualaidPlan } | null>(null);
  const plan = plans.data?.find((p) => p.id === planId) ?? plans.data?.[0];
  const { message } = App.useApp();

  /** 开放参保 (a draft) or 结束计划 (an open plan: no more enrolments or claims). */
  async function move(p: MutualaidPlan, step: 'open' | 'close') {
    try {
      await api.post(`/assistance/mutualaid/plans/${p.id}/${step}`, { version: p.version });
      plans.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {plans.error ? <ErrorAlert error={plans.error} onRetry={plans.reload} /> : null}
      <Card
        size="small"
        title={
          <Space wrap>
            {t('mutualaidAdmin.plan')}
            <Select
              style={{ width: 260 }}
              value={plan?.id}
              onChange={setPlanId}
              data-testid="mutualaid-plan-select"
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.orgName}）` }))}
              placeholder={t('mutualaidAdmin.noPlan')}
            />
            {plan ? <Tag color={plan.status === 'open' ? 'green' : 'default'}>{t(`mutualaidAdmin.planStatuses.${plan.status}`)}</Tag> : null}
          </Space>
        }
        extra={
          canWrite ? (
            <Space>
              {plan && !plan.isFrozen ? <Button onClick={() => setEditing({ plan })}>{t('mutualaidAdmin.editPlan')}</Button> : null}
              {plan?.status === 'draft' ? (
                <Button type="primary" onClick={() => void move(plan, 'open')}>
                  {t('mutualaidAdmin.openPlan')}
                </Button>
              ) : null}
              {plan?.status === 'open' ? (
                <Popconfirm title={t('mutualaidAdmin.closePlanConfirm')} okText={t('actions.confirm')} cancelText={t('actions.cancel')} onConfirm={() => move(plan, 'close')}>
                  <Button danger data-testid="mutualaid-close-plan">
                    {t('mutualaidAdmin.closePlan')}
                  </Button>
                </Popconfirm>
              ) : null}
              <Button onClick={() => setEditing({})}>{t('mutualaidAdmin.newPlan')}</Button>
            </Space>
          ) : null
        }
      >
        {plan ? (
          <Space size={48} wrap align="start">
            <Statistic title={t('mutualaidAdmin.figures.enrolled')} value={plan.enrolled} />
            <Statistic title={t('mutualaidAdmin.figures.claims')} value={plan.claims} />
            <Statistic title={t('mutualaidAdmin.figures.paid')} value={formatMoney(plan.paidFen)} />
            <Descriptions size="small" column={2} style={{ maxWidth: 640 }}>
              <Descriptions.Item label={t('mutualaidAdmin.fields.premium')}>{formatMoney(plan.premiumFen)}</Descriptions.Item>
              <Descriptions.Item label={t('mutualaidAdmin.fields.annualCap')}>{formatMoney(plan.annualCapFen)}</Descriptions.Item>
              <Descriptions.Item label={t('mutualaidAdmin.benefits.hospital')}>
                {formatMoney(plan.benefits.hospital.dailyFen)} × d ≤ {formatMoney(plan.benefits.hospital.capFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('mutualaidAdmin.benefits.serious_illness')}>{formatMoney(plan.benefits.serious_illness.lumpSumFen)}</Descriptions.Item>
              <Descriptions.Item label={t('mutualaidAdmin.benefits.accident')}>≤ {formatMoney(plan.benefits.accident.capFen)}</Descriptions.Item>
              <Descriptions.Item label={t('mutualaidAdmin.fields.sample')}>
                {plan.samplePercent}% · {formatMoney(plan.secondApprovalFen)}
              </Descriptions.Item>
            </Descriptions>
            {plan.isFrozen ? <Typography.Text type="secondary">{t('mutualaidAdmin.frozen')}</Typography.Text> : null}
          </Space>
        ) : (
          <Empty description={t('mutualaidAdmin.noPlan')} />
        )}
      </Card>
      {plan ? (
        <Card size="small">
          <Tabs
            items={[
              { key: 'claims', label: t('mutualaidAdmin.tabs.claims'), children: <ClaimsTab plan={plan} canWrite={canWrite} onChanged={plans.reload} /> },
              { key: 'enrolments', label: t('mutualaidAdmin.tabs.enrolments'), children: <EnrolmentsTab plan={plan} canWrite={canWrite} onChanged={plans.reload} /> },
            ]}
          />
        </Card>
      ) : null}
      {editing ? (
        <PlanModal
          plan={editing.plan}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setPlanId(p.id);
            plans.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

type PlanForm = { orgId: string; year: number; name: string; premium: number; hospitalDaily: number; hospitalCap: number; seriousLump: number; seriousCap: number; accidentCap: number; annualCap: number; secondApproval: number; samplePercent: number };

function PlanModal({ plan, onClose, onSaved }: { plan?: MutualaidPlan | undefined; onClose: () => void; onSaved: (p: MutualaidPlan) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<PlanForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const year = new Date().getFullYear();
  const initial: Partial<PlanForm> = plan
    ? {
        orgId: plan.orgId,
        year: plan.year,
        name: plan.name,
        premium: yuan(plan.premiumFen),
        hospitalDaily: yuan(plan.benefits.hospital.dailyFen),
        hospitalCap: yuan(plan.benefits.hospital.capFen),
        seriousLump: yuan(plan.benefits.serious_illness.lumpSumFen),
        seriousCap: yuan(plan.benefits.serious_illness.capFen),
        accidentCap: yuan(plan.benefits.accident.capFen),
        annualCap: yuan(plan.annualCapFen),
        secondApproval: yuan(plan.secondApprovalFen),
        samplePercent: plan.samplePercent,
      }
    : { orgId: scope?.id, year, name: `${year}年度职工互助保障`, premium: 30, hospitalDaily: 50, hospitalCap: 3000, seriousLump: 10000, seriousCap: 10000, accidentCap: 5000, annualCap: 20000, secondApproval: 5000, samplePercent: 10 };

  async function submit() {
    const v = await form.validateFields();
    const body = {
      name: v.name,
      premiumFen: fen(v.premium),
      benefits: { hospital: { dailyFen: fen(v.hospitalDaily), capFen: fen(v.hospitalCap) }, serious_illness: { lumpSumFen: fen(v.seriousLump), capFen: fen(v.seriousCap) }, accident: { capFen: fen(v.accidentCap) } },
      annualCapFen: fen(v.annualCap),
      secondApprovalFen: fen(v.secondApproval),
      samplePercent: v.samplePercent,
    };
    setBusy(true);
    setError(undefined);
    try {
      onSaved(plan ? await api.put<MutualaidPlan>(`/assistance/mutualaid/plans/${plan.id}`, { ...body, version: plan.version }) : await api.post<MutualaidPlan>('/assistance/mutualaid/plans', { ...body, orgId: v.orgId, year: v.year }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const money = (name: keyof PlanForm, label: string) => (
    <Form.Item name={name} label={t(label)} rules={[{ required: true }]} style={{ width: 250 }}>
      <InputNumber min={0} precision={2} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Modal open width={820} title={plan ? t('mutualaidAdmin.editPlan') : t('mutualaidAdmin.newPlan')} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space wrap size={16}>
          <Form.Item name="orgId" label={t('mutualaidAdmin.fields.org')} rules={[{ required: true }]} style={{ width: 250 }}>
            <OrgTreeSelect roots={me.scopeRoots} valueLabel={plan?.orgName ?? scope?.name} disabledIds={[]} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="year" label={t('mutualaidAdmin.fields.year')} rules={[{ required: true }]} style={{ width: 120 }}>
            <InputNumber min={2000} max={2100} disabled={!!plan} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="name" label={t('mutualaidAdmin.fields.name')} rules={[{ required: true }]} style={{ width: 360 }}>
            <Input maxLength={100} />
          </Form.Item>
          {money('premium', 'mutualaidAdmin.fields.premium')}
          {money('annualCap', 'mutualaidAdmin.fields.annualCap')}
          {money('hospitalDaily', 'mutualaidAdmin.fields.hospitalDaily')}
          {money('hospitalCap', 'mutualaidAdmin.fields.hospitalCap')}
          {money('seriousLump', 'mutualaidAdmin.fields.seriousLump')}
          {money('seriousCap', 'mutualaidAdmin.fields.seriousCap')}
          {money('accidentCap', 'mutualaidAdmin.fields.accidentCap')}
          {money('secondApproval', 'mutualaidAdmin.fields.secondApproval')}
          <Form.Item name="samplePercent" label={t('mutualaidAdmin.fields.sample')} rules={[{ required: true }]} style={{ width: 250 }}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ClaimsTab({ plan, canWrite, onChanged }: { plan: MutualaidPlan; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | undefined>('submitted');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [search] = useSearchParams();
  const linked = search.get('claim');
  useEffect(() => {
    if (linked) setOpenId(linked);
  }, [linked]);
  const list = useRequest((signal) => api.get<Page<MutualaidClaim>>('/assistance/mutualaid/claims', { planId: plan.id, ...(status ? { status } : {}), page, pageSize: 20 }, { signal }), [plan.id, status, page]);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Radio.Group
        value={status ?? ''}
        onChange={(e) => {
          setStatus((e.target.value as string) || undefined);
          setPage(1);
        }}
        optionType="button"
        options={[{ value: '', label: t('mutualaidAdmin.allStatuses') }, ...(['submitted', 'awaiting_second', 'approved', 'paid', 'rejected'] as const).map((s) => ({ value: s, label: t(`mutualaidAdmin.claimStatuses.${s}`) }))]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div data-testid="mutualaid-claims">
        <Table<MutualaidClaim>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('mutualaidAdmin.total', { total }) }}
          columns={[
            { title: t('mutualaidAdmin.col.number'), fixed: 'left', width: 150, dataIndex: 'number' },
            { title: t('mutualaidAdmin.col.name'), width: 100, dataIndex: 'realName' },
            { title: t('mutualaidAdmin.col.org'), width: 200, ellipsis: true, dataIndex: 'orgName' },
            {
              title: t('mutualaidAdmin.col.benefit'),
              width: 130,
              render: (_, c) => (
                <Space size={4}>
                  {t(`mutualaidAdmin.benefits.${c.benefit}`)}
                  {c.isSampled ? <Tag color="purple">{t('mutualaidAdmin.sampled')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('mutualaidAdmin.col.incident'), width: 110, render: (_, c) => c.incidentDate },
            { title: t('mutualaidAdmin.col.payout'), width: 120, align: 'right', render: (_, c) => (c.payoutFen === null ? '—' : formatMoney(c.payoutFen)) },
            { title: t('mutualaidAdmin.col.status'), width: 100, render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`mutualaidAdmin.claimStatuses.${c.status}`)}</Tag> },
            { title: t('mutualaidAdmin.col.filedAt'), width: 140, render: (_, c) => formatDateTime(c.createdAt) },
            {
              title: t('mutualaidAdmin.col.actions'),
              // Always in view on a 1366 px screen, whatever scrolls.
              fixed: 'right',
              width: 90,
              render: (_, c) => (
                <Button type="link" size="small" onClick={() => setOpenId(c.id)} data-testid="mutualaid-claim-open">
                  {canWrite && ['submitted', 'awaiting_second', 'approved'].includes(c.status) ? t('mutualaidAdmin.handle') : t('mutualaidAdmin.view')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {openId ? (
        <ClaimDrawer
          id={openId}
          canWrite={canWrite}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            list.reload();
            onChanged();
          }}
        />
      ) : null}
    </Space>
  );
}

function ClaimDrawer({ id, canWrite, onClose, onChanged }: { id: string; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useRequest((signal) => api.get<MutualaidClaim>(`/assistance/mutualaid/claims/${id}`, undefined, { signal }), [id]);
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<'transfer' | 'in_person'>('transfer');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const c = claim.data;

  async function act(path: 'review' | 'second' | 'pay', body: Record<string, unknown>) {
    if (!c) return;
    if (body.decision === 'reject' && !note.trim()) {
      void message.warning(t('mutualaidAdmin.review.rejectNeedsNote'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/assistance/mutualaid/claims/${c.id}/${path}`, { ...body, version: c.version });
      void message.success(t('mutualaidAdmin.review.done'));
      setNote('');
      claim.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer open width={560} title={c ? t('mutualaidAdmin.drawerTitle', { number: c.number }) : ''} onClose={onClose} destroyOnHidden>
      {claim.error ? <ErrorAlert error={claim.error} onRetry={claim.reload} /> : null}
      {c ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="mutualaid-claim-drawer">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('mutualaidAdmin.col.name')}>{c.realName}</Descriptions.Item>
            <Descriptions.Item label={t('mutualaidAdmin.col.org')}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('mutualaidAdmin.col.benefit')}>{t(`mutualaidAdmin.benefits.${c.benefit}`)}</Descriptions.Item>
            <Descriptions.Item label={t('mutualaidAdmin.col.incident')}>{c.incidentDate}</Descriptions.Item>
            {c.hospitalDays !== null ? <Descriptions.Item label={t('mutualaidAdmin.detail.hospitalDays')}>{c.hospitalDays}</Descriptions.Item> : null}
            {c.amountFen !== null ? <Descriptions.Item label={t('mutualaidAdmin.detail.amount')}>{formatMoney(c.amountFen)}</Descriptions.Item> : null}
            <Descriptions.Item label={t('mutualaidAdmin.detail.description')}>{c.description || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('mutualaidAdmin.detail.documents')}>
              {c.photoIds.length ? (
                <Image.PreviewGroup>
                  <Space wrap>
                    {c.photoIds.map((p) => (
                      <Attachment key={p} id={p} isPdf={c.pdfIds.includes(p)} size={72} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              ) : (
                t('mutualaidAdmin.detail.noDocuments')
              )}
            </Descriptions.Item>
            {c.status === 'submitted' ? <Descriptions.Item label={t('mutualaidAdmin.detail.remaining')}>{formatMoney(c.remainingFen)}</Descriptions.Item> : null}
            {c.ruleFen !== null ? <Descriptions.Item label={t('mutualaidAdmin.col.rule')}>{formatMoney(c.ruleFen)}</Descriptions.Item> : null}
            {c.payoutFen !== null ? (
              <Descriptions.Item label={t('mutualaidAdmin.col.payout')}>
                <Typography.Text strong data-testid="mutualaid-payout">
                  {formatMoney(c.payoutFen)}
                </Typography.Text>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('mutualaidAdmin.col.status')}>
              <Tag color={STATUS_COLORS[c.status]} data-testid="mutualaid-claim-status">
                {t(`mutualaidAdmin.claimStatuses.${c.status}`)}
              </Tag>
              {c.isSampled ? <Tag color="purple">{t('mutualaidAdmin.sampled')}</Tag> : null}
            </Descriptions.Item>
            {c.reviewedByName ? <Descriptions.Item label={t('mutualaidAdmin.detail.reviewedBy')}>{`${c.reviewedByName} · ${formatDateTime(c.reviewedAt)}${c.reviewNote ? ` · ${c.reviewNote}` : ''}`}</Descriptions.Item> : null}
            {c.secondByName ? <Descriptions.Item label={t('mutualaidAdmin.detail.secondBy')}>{`${c.secondByName} · ${formatDateTime(c.secondAt)}`}</Descriptions.Item> : null}
            {c.rejectedReason ? <Descriptions.Item label={t('mutualaidAdmin.detail.rejectedReason')}>{c.rejectedReason}</Descriptions.Item> : null}
            {c.paidAt ? (
              <Descriptions.Item label={t('mutualaidAdmin.detail.payment')}>{`${t(`mutualaidAdmin.pay.methods.${c.paymentMethod ?? 'transfer'}`)} · ${c.paymentReference ?? ''} · ${formatDateTime(c.paidAt)}`}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {canWrite && (c.status === 'submitted' || c.status === 'awaiting_second') ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {c.status === 'submitted' && c.needsSecond ? <Typography.Text type="warning">{t('mutualaidAdmin.review.needsSecond')}</Typography.Text> : null}
              <Input.TextArea rows={2} maxLength={500} placeholder={t('mutualaidAdmin.review.note')} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('mutualaidAdmin.review.note')} />
              <Space>
                <Button type="primary" loading={busy} data-testid="mutualaid-approve" onClick={() => void act(c.status === 'submitted' ? 'review' : 'second', { decision: 'approve', ...(note.trim() ? { note: note.trim() } : {}) })}>
                  {c.status === 'submitted' ? t('mutualaidAdmin.review.approve') : t('mutualaidAdmin.review.secondApprove')}
                </Button>
                <Button danger loading={busy} onClick={() => void act(c.status === 'submitted' ? 'review' : 'second', { decision: 'reject', note: note.trim() })}>
                  {c.status === 'submitted' ? t('mutualaidAdmin.review.reject') : t('mutualaidAdmin.review.secondReject')}
                </Button>
              </Space>
            </Space>
          ) : null}
          {canWrite && c.status === 'approved' ? (
            <Card size="small" title={t('mutualaidAdmin.pay.title')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Radio.Group value={method} onChange={(e) => setMethod(e.target.value as 'transfer' | 'in_person')} options={(['transfer', 'in_person'] as const).map((m) => ({ value: m, label: t(`mutualaidAdmin.pay.methods.${m}`) }))} />
                <Input maxLength={100} placeholder={t('mutualaidAdmin.pay.reference')} aria-label={t('mutualaidAdmin.pay.reference')} value={reference} onChange={(e) => setReference(e.target.value)} data-testid="mutualaid-pay-reference" />
                <Button type="primary" loading={busy} disabled={!reference.trim()} data-testid="mutualaid-pay" onClick={() => void act('pay', { method, reference: reference.trim() })}>
                  {t('mutualaidAdmin.pay.submit')}
                </Button>
              </Space>
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

function EnrolmentsTab({ plan, canWrite, onChanged }: { plan: MutualaidPlan; canWrite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [orgId, setOrgId] = useState<string | undefined>(scope?.id);
  const [report, setReport] = useState<MutualaidBatch | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useRequest((signal) => api.get<Page<MutualaidEnrolment>>(`/assistance/mutualaid/plans/${plan.id}/enrolments`, { page, pageSize: 20, ...(q ? { q } : {}) }, { signal }), [plan.id, page, q]);

  async function enrolOne() {
    setBusy(true);
    try {
      const e = await api.post<MutualaidEnrolment>(`/assistance/mutualaid/plans/${plan.id}/enrolments`, { idNumber: idNumber.trim() });
      void message.success(t('mutualaidAdmin.enrol.done', { name: e.realName }));
      setIdNumber('');
      list.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  async function upload(file: File) {
    if (!orgId) return;
    setBusy(true);
    try {
      setReport(await api.sendFile<MutualaidBatch>(`/assistance/mutualaid/plans/${plan.id}/imports`, file.type ? file : new Blob([file], { type: XLSX }), { orgId }, { 'x-file-name': encodeURIComponent(file.name) }));
      list.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {canWrite && plan.status === 'open' ? (
        <Space wrap align="start" size={24}>
          <Space>
            <Input style={{ width: 220 }} placeholder={t('mutualaidAdmin.enrol.idNumber')} aria-label={t('mutualaidAdmin.enrol.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} maxLength={18} />
            <Button loading={busy} disabled={idNumber.trim().length < 15} onClick={() => void enrolOne()}>
              {t('mutualaidAdmin.enrol.submit')}
            </Button>
          </Space>
          <Space>
            <OrgTreeSelect roots={me.scopeRoots} value={orgId} valueLabel={scope?.name} onChange={(v) => setOrgId(v)} style={{ width: 240 }} placeholder={t('mutualaidAdmin.enrol.union')} />
            <Upload accept=".xlsx" showUploadList={false} disabled={!orgId || busy} beforeUpload={(file) => (void upload(file), false)}>
              <Button type="primary" loading={busy} disabled={!orgId}>
                {t('mutualaidAdmin.enrol.choose')}
              </Button>
            </Upload>
            <Button type="link" onClick={() => void api.download(`/assistance/mutualaid/plans/${plan.id}/template`, undefined, 'mutual-aid-enrolment.xlsx').catch((e: unknown) => void message.error(errorText(e)))}>
              {t('mutualaidAdmin.enrol.template')}
            </Button>
          </Space>
        </Space>
      ) : null}
      {report ? (
        <Card size="small" data-testid="mutualaid-import-report">
          <Typography.Text strong>{t('mutualaidAdmin.enrol.report', { total: report.totalRows, enrolled: report.enrolledRows, skipped: report.skippedRows, errors: report.errorRows })}</Typography.Text>
          {report.errors.length ? (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.code}`}
              pagination={false}
              dataSource={report.errors}
              scroll={{ y: 240 }}
              columns={[
                { title: t('mutualaidAdmin.enrol.row'), dataIndex: 'row', width: 70 },
                { title: t('mutualaidAdmin.enrol.column'), dataIndex: 'column', width: 100 },
                { title: t('mutualaidAdmin.col.name'), dataIndex: 'name', width: 100 },
                { title: t('mutualaidAdmin.col.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
                { title: t('mutualaidAdmin.enrol.reason'), dataIndex: 'message' },
              ]}
            />
          ) : null}
          {report.errorsNotListed ? <Typography.Text type="secondary">{t('mutualaidAdmin.enrol.notListed', { n: report.errorsNotListed })}</Typography.Text> : null}
        </Card>
      ) : null}
      <Input.Search allowClear placeholder={t('mutualaidAdmin.enrol.search')} style={{ width: 200 }} onSearch={(v) => (setQ(v.trim()), setPage(1))} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<MutualaidEnrolment>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('mutualaidAdmin.total', { total }) }}
        columns={[
          { title: t('mutualaidAdmin.col.name'), dataIndex: 'realName', width: 120 },
          { title: t('mutualaidAdmin.col.idNumber'), dataIndex: 'idNumberMasked', width: 200 },
          { title: t('mutualaidAdmin.col.org'), dataIndex: 'orgName', ellipsis: true },
          { title: t('mutualaidAdmin.col.used'), width: 180, render: (_, e) => `${formatMoney(e.committedFen)} / ${formatMoney(e.capFen)}` },
          { title: t('mutualaidAdmin.col.enrolledAt'), width: 120, render: (_, e) => formatDate(e.createdAt) },
        ]}
      />
    </Space>
  );
}
