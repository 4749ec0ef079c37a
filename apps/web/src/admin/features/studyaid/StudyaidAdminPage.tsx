import type { Campaign, IndicatorValues, Member, Page, StudyaidApplication, StudyaidSettings } from '@niangjia/contracts';
import { NOMINATION_STATUSES, STUDYAID_LEVELS, STUDYAID_RELATIONS } from '@niangjia/contracts';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Statistic, Steps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { Attachment } from '../../components/Attachment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';

const STATUS_COLOR: Record<string, string> = { review: 'purple', pending: 'blue', awaiting_second: 'gold', approved: 'cyan', disbursed: 'geekblue', acknowledged: 'green', rejected: 'default' };

/**
 * 帮扶 ▸ 秋送助学 (/assistance/studyaid): an autumn campaign's amounts by level and its study-aid
 * applications (filters by level and status), a drawer with the student (ID masked, 显示 audited),
 * the admission letter, approval and payment through the campaign's nomination, and the summer job.
 */
export function StudyaidAdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('assistance.write');
  const campaigns = useRequest((signal) => api.get<Campaign[]>('/assistance/campaigns', { kind: 'autumn' }, { signal }), [scope?.id]);
  const [campaignId, setCampaignId] = useState<string | undefined>();
  useEffect(() => {
    const first = campaigns.data?.find((c) => c.status === 'open') ?? campaigns.data?.[0];
    if (!campaignId && first) setCampaignId(first.id);
  }, [campaigns.data, campaignId]);
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  const settings = useRequest(
    (signal) => (campaignId ? api.get<StudyaidSettings | null>(`/assistance/studyaid/campaigns/${campaignId}/settings`, undefined, { signal }) : Promise.resolve(null)),
    [campaignId],
  );
  const figures = useRequest(
    (signal) =>
      me.permissions.includes('figures.read')
        ? api.get<IndicatorValues>('/indicators/values', { keys: 'assistance.studyaid_children,assistance.studyaid_paid_fen', ...(scope ? { org: scope.id } : {}) }, { signal })
        : Promise.resolve(null),
    [scope?.id],
  );
  const figure = (key: string) => figures.data?.items.find((i) => i.key === key)?.value ?? null;
  const [editing, setEditing] = useState(false);
  const s = settings.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={32} wrap>
          <Space>
            <Typography.Text>{t('studyaidAdmin.campaign')}</Typography.Text>
            <Select
              style={{ width: 340 }}
              placeholder={t('studyaidAdmin.pickCampaign')}
              value={campaignId}
              onChange={setCampaignId}
              loading={campaigns.loading}
              data-testid="studyaid-campaign-select"
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }))}
            />
          </Space>
          <Statistic title={t('studyaidAdmin.figures.children')} value={figure('assistance.studyaid_children') ?? '—'} />
          <Statistic title={t('studyaidAdmin.figures.paid')} value={figure('assistance.studyaid_paid_fen') === null ? '—' : formatMoney(figure('assistance.studyaid_paid_fen'))} />
        </Space>
      </Card>
      {campaigns.error ? <ErrorAlert error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {campaigns.data && !campaigns.data.length ? <Empty description={t('studyaidAdmin.noCampaign')} /> : null}
      {campaign ? (
        <Card
          size="small"
          title={t('studyaidAdmin.amounts')}
          extra={
            canWrite && campaign.canEdit ? (
              <Button size="small" onClick={() => setEditing(true)} data-testid="studyaid-set-amounts">
                {t('studyaidAdmin.setAmounts')}
              </Button>
            ) : null
          }
        >
          {s ? (
            <Space size={32} wrap data-testid="studyaid-amounts">
              {STUDYAID_LEVELS.map((l) => (
                <Statistic key={l} title={t(`studyaidAdmin.levels.${l}`)} value={formatMoney(s.amounts[l])} />
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('studyaidAdmin.noAmounts')}</Typography.Text>
          )}
        </Card>
      ) : null}
      {campaign ? <Applications campaign={campaign} canWrite={canWrite} hasSettings={Boolean(s)} onChanged={figures.reload} /> : null}
      {editing && campaign ? <AmountsModal campaignId={campaign.id} settings={s ?? null} onClose={() => setEditing(false)} onDone={() => (setEditing(false), settings.reload())} /> : null}
    </Space>
  );
}

function AmountsModal({ campaignId, settings, onClose, onDone }: { campaignId: string; settings: StudyaidSettings | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<(typeof STUDYAID_LEVELS)[number], number>>();
  const { submit: send, saving, error } = useFormSubmit(form);
  const submit = async () => {
    await send(async (v) => {
      const amounts = Object.fromEntries(STUDYAID_LEVELS.map((l) => [l, Math.round(v[l] * 100)]));
      await api.put(`/assistance/studyaid/campaigns/${campaignId}/settings`, { amounts, ...(settings ? { version: settings.version, benefitKey: settings.benefitKey } : {}) });
      onDone();
    });
  };
  return (
    <Modal open title={t('studyaidAdmin.amounts')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okText={t('actions.confirm')} cancelText={t('actions.cancel')}>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={settings ? Object.fromEntries(STUDYAID_LEVELS.map((l) => [l, settings.amounts[l] / 100])) : {}}>
        {STUDYAID_LEVELS.map((l) => (
          <Form.Item key={l} name={l} label={`${t(`studyaidAdmin.levels.${l}`)}（元）`} rules={[{ required: true }]}>
            <InputNumber min={1} max={1_000_000} precision={2} style={{ width: 200 }} data-testid={`studyaid-amount-${l}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function Applications({ campaign, canWrite, hasSettings, onChanged }: { campaign: Campaign; canWrite: boolean; hasSettings: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const { list, table, firstPage } = usePagedList<StudyaidApplication>(`/assistance/studyaid/campaigns/${campaign.id}/applications`, {
    ...(level ? { level } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
  });
  const [open, setOpen] = useState<StudyaidApplication | null>(null);
  const [adding, setAdding] = useState(false);

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('studyaidAdmin.allLevels')}
          value={level}
          onChange={(v?: string) => (setLevel(v), firstPage())}
          data-testid="studyaid-level-filter"
          options={STUDYAID_LEVELS.map((l) => ({ value: l, label: t(`studyaidAdmin.levels.${l}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('studyaidAdmin.allStatuses')}
          value={status}
          onChange={(v?: string) => (setStatus(v), firstPage())}
          options={NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`campaigns.nomStatuses.${s}`) }))}
        />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t('studyaidAdmin.search')} onSearch={(v) => (setQ(v.trim()), firstPage())} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<StudyaidApplication>
        id="studyaid-applications"
        rowKey="id"
        {...table}
        toolbar={
          canWrite && campaign.status === 'open' && hasSettings ? (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="studyaid-add">
              {t('studyaidAdmin.add')}
            </Button>
          ) : null
        }
        columns={[
          { title: t('studyaidAdmin.col.child'), key: 'childName', dataIndex: 'childName', width: 100, priority: 1, render: (v: string) => <span data-testid="studyaid-row-child">{v}</span> },
          { title: t('studyaidAdmin.col.parent'), key: 'parentName', dataIndex: 'parentName', width: 100 },
          { title: t('studyaidAdmin.col.school'), key: 'school', dataIndex: 'school', width: 180, ellipsis: true },
          { title: t('studyaidAdmin.col.level'), key: 'level', width: 80, render: (_: unknown, a) => t(`studyaidAdmin.levels.${a.level}`) },
          { title: t('studyaidAdmin.col.amount'), key: 'amount', width: 110, align: 'right', render: (_: unknown, a) => formatMoney(a.amountFen) },
          { title: t('studyaidAdmin.col.org'), key: 'orgName', dataIndex: 'orgName', width: 160, ellipsis: true, priority: 3 },
          {
            title: t('studyaidAdmin.col.status'),
            key: 'status',
            width: 100,
            render: (_: unknown, a) => (
              <Tag color={STATUS_COLOR[a.nomination.status]} data-testid="studyaid-row-status">
                {t(`campaigns.nomStatuses.${a.nomination.status}`)}
              </Tag>
            ),
          },
          { title: t('studyaidAdmin.col.placement'), key: 'placement', width: 90, priority: 3, render: (_: unknown, a) => (a.placement ? '✓' : '—') },
        ]}
        actions={(a) => (
          <Button type="link" size="small" onClick={() => setOpen(a)} data-testid="studyaid-open">
            {t('studyaidAdmin.view')}
          </Button>
        )}
      />
      {open ? (
        <ApplicationDrawer
          id={open.id}
          canWrite={canWrite}
          onClose={() => setOpen(null)}
          onChanged={() => {
            list.reload();
            onChanged();
          }}
        />
      ) : null}
      {adding ? <AddModal campaignId={campaign.id} onClose={() => setAdding(false)} onDone={() => (setAdding(false), list.reload())} /> : null}
    </Card>
  );
}

function AddModal({ campaignId, onClose, onDone }: { campaignId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ membershipId: string; childName: string; childIdNumber: string; relation: string; school: string; level: string; admissionYear: number; note?: string }>();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [photos, setPhotos] = useState<UploadedPhoto[]>([]);
  const { submit: send, saving, error, setError } = useFormSubmit(form, { fields: ['membershipId', 'childName', 'childIdNumber', 'relation', 'school', 'level', 'admissionYear', 'note'] });
  const find = async (q: string) => {
    if (!q.trim()) return;
    const found = await api.get<Page<Member>>('/members', { q, status: 'active', pageSize: 20 });
    setOptions(found.items.map((m) => ({ value: m.id, label: `${m.person.realName} · ${m.org.name}` })));
  };
  const submit = async () => {
    await send(async (v) => {
      const [letterPhotoId] = photoIdsOf(photos);
      await api.post(`/assistance/studyaid/campaigns/${campaignId}/applications`, { ...v, note: v.note ?? '', letterPhotoId });
      onDone();
    });
  };
  return (
    <Modal
      open
      width={560}
      title={t('studyaidAdmin.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ disabled: !photoIdsOf(photos).length }}
      okText={t('actions.confirm')}
      cancelText={t('actions.cancel')}
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" size="small" initialValues={{ relation: 'son', level: 'undergraduate', admissionYear: new Date().getFullYear() }}>
        <Form.Item name="membershipId" label={t('studyaidAdmin.fields.member')} rules={[{ required: true }]}>
          <Select showSearch filterOption={false} onSearch={(q) => void find(q)} options={options} placeholder={t('studyaidAdmin.fields.memberSearch')} data-testid="studyaid-member" />
        </Form.Item>
        <Space>
          <Form.Item name="childName" label={t('studyaidAdmin.fields.childName')} rules={[{ required: true, whitespace: true, max: 30 }]}>
            <Input maxLength={30} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="childIdNumber" label={t('studyaidAdmin.fields.childIdNumber')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="relation" label={t('studyaidAdmin.fields.relation')}>
            <Select style={{ width: 120 }} options={STUDYAID_RELATIONS.map((r) => ({ value: r, label: t(`studyaidAdmin.relations.${r}`) }))} />
          </Form.Item>
          <Form.Item name="level" label={t('studyaidAdmin.fields.level')}>
            <Select style={{ width: 120 }} options={STUDYAID_LEVELS.map((l) => ({ value: l, label: t(`studyaidAdmin.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="admissionYear" label={t('studyaidAdmin.fields.admissionYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 110 }} />
          </Form.Item>
        </Space>
        <Form.Item name="school" label={t('studyaidAdmin.fields.school')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('studyaidAdmin.fields.letter')} required>
          <PhotoUpload value={photos} onChange={setPhotos} max={1} label={t('studyaidAdmin.fields.letter')} onError={setError} documents />
        </Form.Item>
        <Form.Item name="note" label={t('studyaidAdmin.fields.note')}>
          <Input.TextArea rows={1} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Act = { kind: 'reject' | 'disburse' } | null;

function ApplicationDrawer({ id, canWrite, onClose, onChanged }: { id: string; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const app = useRequest((signal) => api.get<StudyaidApplication>(`/assistance/studyaid/applications/${id}`, undefined, { signal }), [id]);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [act, setAct] = useState<Act>(null);
  const [text, setText] = useState('');
  const [placing, setPlacing] = useState(false);
  const [placeForm] = Form.useForm<{ place: string; org: string; dates: [Dayjs, Dayjs]; hours: number }>();
  const a = app.data;
  const n = a?.nomination;

  async function run(fn: () => Promise<unknown>) {
    try {
      await fn();
      app.reload();
      onChanged();
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    }
  }
  const approve = () => n && void run(() => api.post(`/assistance/campaign-nominations/${n.id}/${n.status === 'awaiting_second' ? 'second' : 'decide'}`, { decision: 'approve', version: n.version }));
  async function submitAct() {
    if (!n || !act) return;
    if (act.kind === 'reject' && !text.trim()) return void message.warning(t('studyaidAdmin.needNote'));
    const ok = await run(() =>
      act.kind === 'reject'
        ? api.post(`/assistance/campaign-nominations/${n.id}/${n.status === 'awaiting_second' ? 'second' : 'decide'}`, { decision: 'reject', note: text, version: n.version })
        : api.post(`/assistance/campaign-nominations/${n.id}/disburse`, { method: 'transfer', reference: text, version: n.version }),
    );
    if (ok) setAct(null);
  }
  async function reveal() {
    try {
      setRevealed((await api.post<{ childIdNumber: string }>(`/assistance/studyaid/applications/${id}/reveal`)).childIdNumber);
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  async function place() {
    if (!a) return;
    const v = await placeForm.validateFields();
    const ok = await run(() =>
      api.put(`/assistance/studyaid/applications/${a.id}/placement`, {
        place: v.place,
        org: v.org,
        startsOn: v.dates[0].format('YYYY-MM-DD'),
        endsOn: v.dates[1].format('YYYY-MM-DD'),
        hours: v.hours,
        version: a.version,
      }),
    );
    if (ok) setPlacing(false);
  }

  const pendingHere = n && (n.status === 'pending' || n.status === 'awaiting_second');
  const aided = n && ['approved', 'disbursed', 'acknowledged'].includes(n.status);
  return (
    <Drawer open width={560} title={t('studyaidAdmin.detail.title')} onClose={onClose} data-testid="studyaid-drawer">
      {app.error ? <ErrorAlert error={app.error} onRetry={app.reload} /> : null}
      {a && n ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('studyaidAdmin.col.child')}>
              {a.childName}（{t(`studyaidAdmin.relations.${a.relation}`)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.detail.idNumber')}>
              <Space>
                <span data-testid="studyaid-id">{revealed ?? a.childIdMasked}</span>
                {!revealed && me.permissions.includes('assistance.reveal') ? (
                  <Button type="link" size="small" onClick={() => void reveal()} data-testid="studyaid-reveal">
                    {t('studyaidAdmin.detail.reveal')}
                  </Button>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.col.parent')}>{`${a.parentName} · ${a.orgName}`}</Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.col.school')}>{`${a.school} · ${t(`studyaidAdmin.levels.${a.level}`)} · ${a.admissionYear}`}</Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.col.amount')}>{formatMoney(a.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.col.status')}>
              <Tag color={STATUS_COLOR[n.status]} data-testid="studyaid-drawer-status">
                {t(`campaigns.nomStatuses.${n.status}`)}
              </Tag>
              {n.rejectedReason ? <Typography.Text type="secondary">{n.rejectedReason}</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('studyaidAdmin.col.created')}>{formatDateTime(a.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('studyaidAdmin.idHint')}</Typography.Text>
          {a.letterPhotoId ? (
            <div>
              <Typography.Text strong>{t('studyaidAdmin.detail.letter')}</Typography.Text>
              <div>
                <Attachment id={a.letterPhotoId} isPdf={a.letterIsPdf} size={{ width: 120, height: 90 }} alt={t('studyaidAdmin.detail.letter')} />
              </div>
            </div>
          ) : null}
          <Steps size="small" current={n.currentStep} items={n.steps.map((s) => ({ title: s.orgName, description: s.approverName ?? '' }))} />
          {canWrite ? (
            <Space wrap>
              {pendingHere ? (
                <>
                  <Button type="primary" onClick={approve} data-testid="studyaid-approve">
                    {n.status === 'awaiting_second' ? t('studyaidAdmin.second') : t('studyaidAdmin.approve')}
                  </Button>
                  <Button danger onClick={() => (setText(''), setAct({ kind: 'reject' }))}>
                    {t('studyaidAdmin.reject')}
                  </Button>
                </>
              ) : null}
              {n.status === 'approved' ? (
                <Button onClick={() => (setText(''), setAct({ kind: 'disburse' }))} data-testid="studyaid-disburse">
                  {t('studyaidAdmin.disburse')}
                </Button>
              ) : null}
            </Space>
          ) : null}
          <Card
            size="small"
            title={t('studyaidAdmin.detail.placement')}
            extra={
              canWrite && aided ? (
                <Button size="small" onClick={() => setPlacing(true)} data-testid="studyaid-place">
                  {t('studyaidAdmin.detail.setPlacement')}
                </Button>
              ) : null
            }
          >
            {a.placement ? (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('studyaidAdmin.detail.place')}>{a.placement.place}</Descriptions.Item>
                <Descriptions.Item label={t('studyaidAdmin.detail.placeOrg')}>{a.placement.org}</Descriptions.Item>
                <Descriptions.Item label={t('studyaidAdmin.detail.dates')}>{`${a.placement.startsOn} ~ ${a.placement.endsOn}`}</Descriptions.Item>
                <Descriptions.Item label={t('studyaidAdmin.detail.hours')}>{a.placement.hours}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('studyaidAdmin.detail.noPlacement')}</Typography.Text>
            )}
          </Card>
        </Space>
      ) : null}
      <Modal
        open={act !== null}
        title={act?.kind === 'reject' ? t('studyaidAdmin.reject') : t('studyaidAdmin.disburse')}
        onCancel={() => setAct(null)}
        onOk={() => void submitAct()}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
      >
        <Input.TextArea
          rows={2}
          maxLength={act?.kind === 'reject' ? 500 : 100}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={act?.kind === 'reject' ? t('studyaidAdmin.rejectNote') : t('studyaidAdmin.reference')}
        />
      </Modal>
      <Modal
        open={placing}
        title={t('studyaidAdmin.detail.setPlacement')}
        onCancel={() => setPlacing(false)}
        onOk={() => void place()}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={placeForm} layout="vertical">
          <Form.Item name="place" label={t('studyaidAdmin.detail.place')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="org" label={t('studyaidAdmin.detail.placeOrg')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="dates" label={t('studyaidAdmin.detail.dates')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('studyaidAdmin.detail.hours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
