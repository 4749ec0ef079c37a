import type { HardshipDetail, HardshipFile, Member, Page } from '@niangjia/contracts';
import { HARDSHIP_CAUSES, HARDSHIP_STATUSES, HARDSHIP_TIERS, HOUSEHOLD_RELATIONS } from '@niangjia/contracts/hardship-domain';
import {  Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { Attachment } from '../../components/Attachment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ThresholdModal } from './ThresholdModal';

type Filters = { status?: string; tier?: string; orgId?: string; q?: string; isReviewDue?: string };
const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'orange', verifying: 'gold', verified: 'cyan', notice: 'blue', active: 'green', rejected: 'red', exited: 'default' };
const TIER_COLORS: Record<string, string> = { deep: 'red', relative: 'orange', accident: 'purple' };

/** 帮扶 ▸ 困难职工档案 (/assistance/hardship): files in scope with filters; a drawer to verify, notice, review and exit. */
export function HardshipPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = me.permissions.includes('assistance.write');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const [isOpening, setOpening] = useState(false);
  const [isThresholdOpen, setThresholdOpen] = useState(false);
  const list = useRequest((signal) => api.get<Page<HardshipFile>>('/assistance/hardship/files', { ...filters, page, pageSize }, { signal }), [JSON.stringify(filters), page, pageSize]);
  // A link from the bell (`?file=<id>`) opens that file.
  const [search] = useSearchParams();
  const linked = search.get('file');
  useEffect(() => {
    if (linked) setOpenId(linked);
  }, [linked]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x)));
            setPage(1);
          }}
        >
          <Form.Item name="status" label={t('hardship.columns.status')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('common.all')}
              options={HARDSHIP_STATUSES.map((s) => ({ value: s, label: t(`hardship.status.${s}`) }))}
              data-testid="hardship-filter-status"
            />
          </Form.Item>
          <Form.Item name="tier" label={t('hardship.columns.tier')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} options={HARDSHIP_TIERS.map((s) => ({ value: s, label: t(`hardship.tier.${s}`) }))} />
          </Form.Item>
          <Form.Item name="orgId" label={t('hardship.columns.org')}>
            <OrgTreeSelect roots={me.scopeRoots} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="isReviewDue" label={t('hardship.filters.review')}>
            <Select allowClear style={{ width: 110 }} placeholder={t('common.all')} options={[{ value: 'true', label: t('hardship.filters.reviewDue') }]} />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('hardship.filters.q')} style={{ width: 160 }} data-testid="hardship-filter-q" />
          </Form.Item>
          <FilterActions
            onReset={() => {
              filterForm.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card
        title={t('hardship.title')}
        extra={
          <Space>
            <Button onClick={() => setThresholdOpen(true)} data-testid="hardship-threshold">
              {t('hardship.thresholdButton')}
            </Button>
            {canWrite ? (
              <Button type="primary" onClick={() => setOpening(true)} data-testid="hardship-new">
                {t('hardship.new')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<HardshipFile>
          id="hardship-files"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={Object.keys(filters).length ? t('hardship.emptyFiltered') : t('hardship.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('hardship.columns.number'), key: 'number', dataIndex: 'number', width: 96 },
            { title: t('hardship.columns.applicant'), key: 'applicant', dataIndex: 'applicantName', width: 84, render: (v: string) => <span data-testid="hardship-row-name">{v}</span> },
            { title: t('hardship.columns.org'), key: 'org', dataIndex: 'orgName', width: 160, ellipsis: true },
            {
              title: t('hardship.columns.status'),
              key: 'status',
              width: 110,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLORS[r.status]} data-testid="hardship-row-status">
                    {t(`hardship.status.${r.status}`)}
                  </Tag>
                  {r.isReviewDue ? <Tag color="red">{t('hardship.reviewDue')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('hardship.columns.tier'), key: 'tier', width: 96, render: (_: unknown, r) => (r.tier ? <Tag color={TIER_COLORS[r.tier]}>{t(`hardship.tier.${r.tier}`)}</Tag> : '—') },
            { title: t('hardship.columns.causes'), key: 'causes', width: 150, ellipsis: true, render: (_: unknown, r) => r.causes.map((c) => t(`hardship.cause.${c}`)).join('、') },
            { title: t('hardship.columns.household'), key: 'household', dataIndex: 'householdSize', width: 60 },
            { title: t('hardship.columns.income'), key: 'income', width: 104, render: (_: unknown, r) => formatMoney(r.incomePerHeadFen) },
            { title: t('hardship.columns.nextReview'), key: 'nextReview', width: 104, render: (_: unknown, r) => (r.nextReviewOn ? formatDate(r.nextReviewOn) : '—') },
          ]}
          actions={(r) => (
            <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`hardship-open-${r.number}`}>
              {t('hardship.detail')}
            </Button>
          )}
        />
      </Card>
      {isThresholdOpen ? <ThresholdModal onClose={() => setThresholdOpen(false)} /> : null}
      {openId ? <HardshipDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
      {isOpening ? (
        <OpenFileModal
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false);
            list.reload();
            setOpenId(id);
          }}
        />
      ) : null}
    </Space>
  );
}

/** 为会员建档: pick a member of a union in scope and the causes. */
function OpenFileModal({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ membershipId: string; causes: string[]; causeNote?: string; selfIncomeYuan?: number }>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['membershipId', 'causes', 'causeNote', 'selfIncomeYuan'], rename: { selfMonthlyIncomeFen: 'selfIncomeYuan' } });
  const find = async (q: string) => {
    if (!q.trim()) return;
    const found = await api.get<Page<Member>>('/members', { q, status: 'active', pageSize: 20 });
    setOptions(found.items.map((m) => ({ value: m.id, label: `${m.person.realName} · ${m.org.name}` })));
  };
  const submit = async () => {
    await send(async (v) => {
      const { selfIncomeYuan, ...rest } = v;
      const file = await api.post<HardshipDetail>('/assistance/hardship/files', {
        ...rest,
        ...(selfIncomeYuan !== undefined && selfIncomeYuan !== null ? { selfMonthlyIncomeFen: Math.round(selfIncomeYuan * 100) } : {}),
      });
      onOpened(file.id);
    });
  };
  return (
    <Modal open title={t('hardship.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('actions.confirm')} cancelText={t('actions.cancel')}>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} name="hardshipOpen" layout="vertical">
        <Form.Item name="membershipId" label={t('hardship.member')} rules={[{ required: true, message: t('hardship.required') }]} extra={t('hardship.memberHint')}>
          <Select showSearch filterOption={false} onSearch={(q) => void find(q)} options={options} placeholder={t('hardship.memberSearch')} />
        </Form.Item>
        <Form.Item name="causes" label={t('hardship.columns.causes')} rules={[{ required: true, message: t('hardship.required') }]}>
          <Checkbox.Group options={HARDSHIP_CAUSES.map((c) => ({ value: c, label: t(`hardship.cause.${c}`) }))} />
        </Form.Item>
        <Form.Item name="causeNote" label={t('hardship.causeNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="selfIncomeYuan" label={t('hardship.selfIncome')}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Mode = 'verify' | 'return' | 'notice' | 'object' | 'close_notice' | 'review' | 'exit' | 'submit' | 'household';
type ModeForm = {
  tier?: string;
  note?: string;
  text?: string;
  dates?: [Dayjs, Dayjs];
  outcome?: string;
  kind?: string;
  reason?: string;
  name?: string;
  relation?: string;
  idNumber?: string;
  incomeYuan?: number;
};

function HardshipDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const detail = useRequest((signal) => api.get<HardshipDetail>(`/assistance/hardship/files/${id}`, undefined, { signal }), [id]);
  const [mode, setMode] = useState<Mode | null>(null);
  const [form] = Form.useForm<ModeForm>();
  const { run: send, saving, error, setError } = useFormSubmit(form, { success: t('hardship.done') });
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const f = detail.data;
  const path = `/assistance/hardship/files/${id}`;

  const run = (call: () => Promise<unknown>) =>
    send(async () => {
      await call();
      setMode(null);
      form.resetFields();
      detail.reload();
      onChanged();
    });
  const submit = async () => {
    if (!f || !mode) return;
    const v = await form.validateFields();
    const version = f.version;
    await run(() => {
      switch (mode) {
        case 'verify':
          return api.post(`${path}/verify`, { tier: v.tier, note: v.note, version });
        case 'return':
          return api.post(`${path}/return`, { note: v.note, version });
        case 'notice':
          return api.post(`${path}/notice`, { startsOn: v.dates![0].format('YYYY-MM-DD'), endsOn: v.dates![1].format('YYYY-MM-DD'), version });
        case 'object':
          return api.post(`${path}/objections`, { text: v.text, version });
        case 'close_notice':
          return api.post(`${path}/close-notice`, { version });
        case 'review':
          return api.post(`${path}/review`, { outcome: v.outcome, ...(v.tier ? { tier: v.tier } : {}), note: v.note, version });
        case 'exit':
          return api.post(`${path}/exit`, { kind: v.kind, reason: v.reason, version });
        case 'submit':
          return api.post(`${path}/submit`, { version });
        case 'household':
          return api.post(`${path}/household`, {
            name: v.name,
            relation: v.relation,
            ...(v.idNumber ? { idNumber: v.idNumber } : {}),
            monthlyIncomeFen: Math.round((v.incomeYuan ?? 0) * 100),
            version,
          });
      }
    });
  };
  const decide = (objectionId: string, outcome: 'upheld' | 'dismissed') =>
    Modal.confirm({
      title: t(`hardship.objection.${outcome}`),
      content: <Input.TextArea id="hardship-decide-note" rows={2} maxLength={500} />,
      onOk: () => {
        const note = (document.getElementById('hardship-decide-note') as HTMLTextAreaElement | null)?.value.trim() || t(`hardship.objection.${outcome}`);
        return run(() => api.post(`${path}/objections/${objectionId}/decide`, { outcome, note, version: f!.version }));
      },
    });
  const reveal = async (memberId: string) => {
    try {
      const res = await api.post<{ idNumber: string | null }>(`${path}/household/${memberId}/reveal`);
      setRevealed((r) => ({ ...r, [memberId]: res.idNumber }));
    } catch (e) {
      setError(e);
    }
  };
  const required = [{ required: true, message: t('hardship.required') }];
  const can = (a: string) => f?.actions.includes(a) ?? false;
  const button = (m: Mode, action: string, primary = false) =>
    can(action) ? (
      <Button key={m} type={primary ? 'primary' : 'default'} onClick={() => (setMode(m), setError(null), form.resetFields())} data-testid={`hardship-${m}`}>
        {t(`hardship.actions.${m}`)}
      </Button>
    ) : null;

  return (
    <Drawer open width={640} title={f ? t('hardship.detailTitle', { number: f.number, name: f.applicantName }) : ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {f ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('hardship.columns.status')}>
              <Tag color={STATUS_COLORS[f.status]} data-testid="hardship-detail-status">
                {t(`hardship.status.${f.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.columns.tier')}>{f.tier ? <Tag color={TIER_COLORS[f.tier]}>{t(`hardship.tier.${f.tier}`)}</Tag> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.columns.org')} span={2}>
              {f.orgName}
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.columns.causes')} span={2}>
              {f.causes.map((c) => t(`hardship.cause.${c}`)).join('、')}
              {f.causeNote ? <div style={{ whiteSpace: 'pre-wrap', color: '#666' }}>{f.causeNote}</div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.columns.income')}>{formatMoney(f.incomePerHeadFen)}</Descriptions.Item>
            <Descriptions.Item label={t('hardship.threshold')}>
              {f.thresholdFen === null ? '—' : formatMoney(f.thresholdFen)}{' '}
              {f.isBelowThreshold === null ? null : f.isBelowThreshold ? <Tag color="green">{t('hardship.below')}</Tag> : <Tag color="red">{t('hardship.above')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.consent')}>
              {f.consent ? t('hardship.consentSigned', { time: formatDateTime(f.consent.signedAt) }) : <Tag>{t('hardship.consentMissing')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('hardship.openedVia')}>{t(`hardship.via.${f.openedVia}`)}</Descriptions.Item>
            {f.returnNote && f.status === 'draft' ? (
              <Descriptions.Item label={t('hardship.returnNote')} span={2}>
                {f.returnNote}
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <Space wrap>
            {button('household', 'edit')}
            {button('submit', 'submit')}
            {button('verify', 'verify', true)}
            {button('return', 'return')}
            {button('notice', 'notice', true)}
            {button('object', 'object')}
            {button('close_notice', 'close_notice', true)}
            {button('review', 'review', true)}
            {button('exit', 'exit')}
          </Space>
          {error && !mode ? <ErrorAlert error={error} /> : null}
          {mode ? (
            <Card size="small" title={t(`hardship.actions.${mode}`)}>
              {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
              <Form form={form} name="hardshipAction" layout="vertical">
                {mode === 'verify' || mode === 'review' ? (
                  <>
                    {mode === 'review' ? (
                      <Form.Item name="outcome" label={t('hardship.review.outcome')} rules={required} initialValue="continue">
                        <Select options={['continue', 'exit'].map((o) => ({ value: o, label: t(`hardship.review.${o}`) }))} />
                      </Form.Item>
                    ) : null}
                    <Form.Item name="tier" label={t('hardship.columns.tier')} rules={mode === 'verify' ? required : []}>
                      <Select allowClear options={HARDSHIP_TIERS.map((s) => ({ value: s, label: t(`hardship.tier.${s}`) }))} data-testid="hardship-tier" />
                    </Form.Item>
                    <Form.Item name="note" label={t('hardship.note')} rules={mode === 'review' ? required : []}>
                      <Input.TextArea rows={2} maxLength={500} data-testid="hardship-note" />
                    </Form.Item>
                  </>
                ) : mode === 'return' ? (
                  <Form.Item name="note" label={t('hardship.returnNote')} rules={required}>
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                ) : mode === 'notice' ? (
                  <Form.Item name="dates" label={t('hardship.noticeDates')} rules={required} extra={t('hardship.noticeHint')}>
                    <DatePicker.RangePicker />
                  </Form.Item>
                ) : mode === 'object' ? (
                  <Form.Item name="text" label={t('hardship.objection.text')} rules={required}>
                    <Input.TextArea rows={3} maxLength={1000} />
                  </Form.Item>
                ) : mode === 'exit' ? (
                  <>
                    <Form.Item name="kind" label={t('hardship.exit.kind')} rules={required}>
                      <Select options={(f.status === 'active' ? ['resolved', 'withdrawn'] : ['withdrawn']).map((k) => ({ value: k, label: t(`hardship.exit.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name="reason" label={t('hardship.exit.reason')} rules={required}>
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  </>
                ) : mode === 'household' ? (
                  <>
                    <Space wrap>
                      <Form.Item name="name" label={t('hardship.household.name')} rules={required}>
                        <Input maxLength={40} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name="relation" label={t('hardship.household.relation')} rules={required}>
                        <Select style={{ width: 120 }} options={HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(`hardship.relation.${r}`) }))} />
                      </Form.Item>
                      <Form.Item name="incomeYuan" label={t('hardship.household.income')} rules={required}>
                        <InputNumber min={0} precision={2} style={{ width: 140 }} />
                      </Form.Item>
                    </Space>
                    <Form.Item name="idNumber" label={t('hardship.household.idNumber')}>
                      <Input maxLength={18} style={{ width: 240 }} />
                    </Form.Item>
                  </>
                ) : (
                  <Typography.Paragraph>{t(`hardship.confirm.${mode}`)}</Typography.Paragraph>
                )}
              </Form>
              <Space>
                <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="hardship-submit">
                  {t('actions.confirm')}
                </Button>
                <Button onClick={() => setMode(null)}>{t('actions.cancel')}</Button>
              </Space>
            </Card>
          ) : null}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('hardship.household.title', { n: f.householdSize })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.household}
            columns={[
              { title: t('hardship.household.name'), dataIndex: 'name', key: 'name' },
              { title: t('hardship.household.relation'), key: 'relation', render: (_: unknown, h) => t(`hardship.relation.${h.relation}`) },
              {
                title: t('hardship.household.idNumber'),
                key: 'id',
                render: (_: unknown, h) =>
                  h.idNumberMasked ? (
                    <Space size={4}>
                      <span data-testid="hardship-id">{revealed[h.id] ?? h.idNumberMasked}</span>
                      {can('reveal') && revealed[h.id] === undefined ? (
                        <Button size="small" type="link" onClick={() => void reveal(h.id)} data-testid="hardship-reveal">
                          {t('hardship.reveal')}
                        </Button>
                      ) : null}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              { title: t('hardship.household.income'), key: 'income', render: (_: unknown, h) => formatMoney(h.monthlyIncomeFen) },
            ]}
          />

          {f.documents.length ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('hardship.documents')}
              </Typography.Title>
              <Space wrap>
                {f.documents.map((d) => (
                  <Space key={d.id} orientation="vertical" size={2} align="center">
                    <Attachment id={d.photoId} isPdf={d.isPdf} size={72} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`hardship.docKind.${d.kind}`)}
                    </Typography.Text>
                  </Space>
                ))}
              </Space>
            </>
          ) : null}

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('hardship.verifications')}
          </Typography.Title>
          {f.verifications.length ? (
            f.verifications.map((v, i) => (
              <div key={i} data-testid="hardship-verification">
                {t('hardship.verifiedBy', { n: i + 1, name: v.verifierName, time: formatDateTime(v.at) })} <Tag color={TIER_COLORS[v.tier]}>{t(`hardship.tier.${v.tier}`)}</Tag>
                {v.note ? <Typography.Text type="secondary">{v.note}</Typography.Text> : null}
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">{t('hardship.noVerifications')}</Typography.Text>
          )}

          {f.noticeStartsOn ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('hardship.notice', { from: formatDate(f.noticeStartsOn), to: formatDate(f.noticeEndsOn) })}
              </Typography.Title>
              {f.objections.length ? (
                f.objections.map((o) => (
                  <Card size="small" key={o.id}>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{o.text}</div>
                    <Space size={8} style={{ marginTop: 4 }}>
                      <Typography.Text type="secondary">{formatDate(o.raisedOn)}</Typography.Text>
                      <Tag color={o.outcome === 'upheld' ? 'red' : o.outcome === 'dismissed' ? 'green' : 'orange'}>{t(`hardship.objection.${o.outcome}`)}</Tag>
                      {o.outcomeNote ? <Typography.Text type="secondary">{o.outcomeNote}</Typography.Text> : null}
                      {o.outcome === 'pending' && can('object') ? (
                        <>
                          <Button size="small" onClick={() => decide(o.id, 'dismissed')}>
                            {t('hardship.objection.dismiss')}
                          </Button>
                          <Button size="small" danger onClick={() => decide(o.id, 'upheld')}>
                            {t('hardship.objection.uphold')}
                          </Button>
                        </>
                      ) : null}
                    </Space>
                  </Card>
                ))
              ) : (
                <Typography.Text type="secondary">{t('hardship.objection.none')}</Typography.Text>
              )}
            </>
          ) : null}

          {f.admittedOn ? (
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label={t('hardship.admittedOn')}>{formatDate(f.admittedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('hardship.columns.nextReview')}>{f.nextReviewOn ? formatDate(f.nextReviewOn) : '—'}</Descriptions.Item>
            </Descriptions>
          ) : null}
          {f.reviews.length ? (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('hardship.reviews')}
              </Typography.Title>
              {f.reviews.map((r, i) => (
                <div key={i}>
                  {formatDate(r.reviewedOn)} · {r.reviewerName} · {t(`hardship.review.${r.outcome}`)} {r.tier ? <Tag color={TIER_COLORS[r.tier]}>{t(`hardship.tier.${r.tier}`)}</Tag> : null}
                  <Typography.Text type="secondary">{r.note}</Typography.Text>
                </div>
              ))}
            </>
          ) : null}
          {f.exitKind ? (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('hardship.exit.kind')}>
                {t(`hardship.exit.${f.exitKind}`)} · {formatDate(f.exitedOn)}
              </Descriptions.Item>
              <Descriptions.Item label={t('hardship.exit.reason')}>{f.exitReason}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
