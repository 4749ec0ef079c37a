import type { Canteen, CanteenCertification, CanteenFigures, CanteenGround, CanteenMeal, CanteenTerminal, CreatedCanteenTerminal } from '@niangjia/contracts';
import { canteenGrounds } from '@niangjia/contracts';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Image, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Switch, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { Attachment } from '../../components/Attachment';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';

const yuan = (fen: number | null | undefined) => (fen == null ? undefined : fen / 100);
const fen = (yuanValue: number | null | undefined) => Math.round((yuanValue ?? 0) * 100);
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 帮扶 ▸ 共享食堂 (/assistance/canteen): a canteen position's prices and tiers, the certification queue, its terminals, meals and figures. */
export function CanteenAdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('assistance.write');
  const canteens = useRequest((signal) => api.get<Canteen[]>('/assistance/canteens', undefined, { signal }), [scope?.id]);
  const [positionId, setPositionId] = useState<string | undefined>();
  useEffect(() => {
    const first = canteens.data?.find((c) => c.canteenId) ?? canteens.data?.[0];
    if ((!positionId || !canteens.data?.some((c) => c.positionId === positionId)) && first) setPositionId(first.positionId);
  }, [canteens.data, positionId]);
  const canteen = canteens.data?.find((c) => c.positionId === positionId);
  const figures = useRequest((signal) => (positionId ? api.get<CanteenFigures>('/assistance/canteen-figures', { positionId }, { signal }) : Promise.resolve(null)), [positionId]);
  const sum = (pick: (r: CanteenFigures['rows'][number]) => number, reducedOnly = false) => (figures.data?.rows ?? []).filter((r) => !reducedOnly || r.isReduced).reduce((s, r) => s + pick(r), 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={32} wrap>
          <Space>
            <Typography.Text>{t('canteenAdmin.canteen')}</Typography.Text>
            <Select
              style={{ width: 320 }}
              placeholder={t('canteenAdmin.pickCanteen')}
              value={positionId}
              onChange={setPositionId}
              loading={canteens.loading}
              data-testid="canteen-select"
              options={(canteens.data ?? []).map((c) => ({ value: c.positionId, label: `${c.positionName}（${c.orgName}）` }))}
            />
          </Space>
          <Statistic title={t('canteenAdmin.figures.meals')} value={figures.data ? sum((r) => r.meals) : '—'} data-testid="canteen-figure-meals" />
          <Statistic title={t('canteenAdmin.figures.reduced')} value={figures.data ? sum((r) => r.meals, true) : '—'} />
          <Statistic title={t('canteenAdmin.figures.amount')} value={figures.data ? formatMoney(sum((r) => r.amountFen)) : '—'} />
        </Space>
      </Card>
      {canteens.error ? <ErrorAlert error={canteens.error} onRetry={canteens.reload} /> : null}
      {canteens.data && !canteens.data.length ? <Empty description={t('canteenAdmin.noCanteen')} /> : null}
      {canteen ? (
        <Card size="small">
          <Tabs
            items={[
              { key: 'settings', label: t('canteenAdmin.tabs.settings'), children: <SettingsTab canteen={canteen} canWrite={canWrite} onSaved={canteens.reload} /> },
              { key: 'certifications', label: t('canteenAdmin.tabs.certifications'), children: <CertificationsTab canteen={canteen} canWrite={canWrite} /> },
              { key: 'terminals', label: t('canteenAdmin.tabs.terminals'), children: <TerminalsTab canteen={canteen} canWrite={canWrite} /> },
              { key: 'meals', label: t('canteenAdmin.tabs.meals'), children: <MealsTab canteen={canteen} /> },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}

type TierForm = { id?: string; name: string; priceYuan: number; grounds: CanteenGround[]; needsCertification: boolean; isActive: boolean };
type SettingsForm = { normalYuan: number; maxReducedPerDay: number; tiers: TierForm[] };

function SettingsTab({ canteen, canWrite, onSaved }: { canteen: Canteen; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    form.setFieldsValue({
      normalYuan: yuan(canteen.normalPriceFen) ?? 20,
      maxReducedPerDay: canteen.maxReducedPerDay,
      tiers: canteen.tiers.filter((x) => x.isActive).map((x) => ({ id: x.id, name: x.name, priceYuan: x.priceFen / 100, grounds: x.grounds, needsCertification: x.needsCertification, isActive: x.isActive })),
    });
  }, [canteen, form]);

  async function save(values: SettingsForm) {
    setSaving(true);
    try {
      await api.put(`/assistance/canteens/${canteen.positionId}`, {
        normalPriceFen: fen(values.normalYuan),
        maxReducedPerDay: values.maxReducedPerDay,
        tiers: (values.tiers ?? []).map((x) => ({ ...(x.id ? { id: x.id } : {}), name: x.name, priceFen: fen(x.priceYuan), grounds: x.grounds, needsCertification: !!x.needsCertification, isActive: x.isActive !== false })),
        ...(canteen.version ? { version: canteen.version } : {}),
      });
      void message.success(t('canteenAdmin.saved'));
      onSaved();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form form={form} layout="vertical" disabled={!canWrite} onFinish={(v) => void save(v)} data-testid="canteen-settings">
      <Space size={24} wrap>
        <Form.Item name="normalYuan" label={t('canteenAdmin.normalPrice')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1000} step={0.5} precision={2} style={{ width: 160 }} data-testid="canteen-normal-price" />
        </Form.Item>
        <Form.Item name="maxReducedPerDay" label={t('canteenAdmin.maxReduced')} rules={[{ required: true }]}>
          <InputNumber min={1} max={2} style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary">{t('canteenAdmin.noCertificationHint')}</Typography.Paragraph>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Card size="small" key={field.key}>
                <Space wrap align="start">
                  <Form.Item name={[field.name, 'name']} label={t('canteenAdmin.tierName')} rules={[{ required: true, max: 40 }]}>
                    <Input style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'priceYuan']} label={t('canteenAdmin.tierPrice')} rules={[{ required: true }]}>
                    <InputNumber min={0} max={1000} step={0.5} precision={2} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'grounds']} label={t('canteenAdmin.grounds')} rules={[{ required: true, type: 'array', min: 1 }]}>
                    <Checkbox.Group options={canteenGrounds.map((g) => ({ value: g, label: t(`canteenAdmin.ground.${g}`) }))} style={{ maxWidth: 420 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'needsCertification']} label={t('canteenAdmin.needsCertification')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button onClick={() => remove(field.name)}>{t('canteenAdmin.remove')}</Button>
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button onClick={() => add({ name: '', priceYuan: 15, grounds: [], needsCertification: true, isActive: true })}>{t('canteenAdmin.addTier')}</Button>
          </Space>
        )}
      </Form.List>
      {canWrite ? (
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }} data-testid="canteen-save">
          {t('canteenAdmin.save')}
        </Button>
      ) : null}
    </Form>
  );
}

const STATUS_COLOR: Record<string, string> = { pending: 'blue', approved: 'green', refused: 'default', expired: 'orange' };

function CertificationsTab({ canteen, canWrite }: { canteen: Canteen; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('pending');
  const paged = usePagedList<CanteenCertification>('/assistance/canteen-certifications', { positionId: canteen.positionId, status });
  const [approving, setApproving] = useState<CanteenCertification | null>(null);
  const [refusing, setRefusing] = useState<CanteenCertification | null>(null);
  const [applying, setApplying] = useState(false);
  const [expiresOn, setExpiresOn] = useState<Dayjs | null>(null);
  const [reason, setReason] = useState('');
  const [applyForm] = Form.useForm<{ memberNumber: string; tierId: string; ground: CanteenGround; note?: string }>();

  async function run(action: () => Promise<unknown>, done: () => void) {
    try {
      await action();
      done();
      paged.list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  const statusOf = (c: CanteenCertification) => (c.isExpired ? 'expired' : c.status);
  const tiersNeeding = canteen.tiers.filter((x) => x.isActive);
  const applyTier = Form.useWatch('tierId', applyForm);

  return (
    <div data-testid="canteen-certifications">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('canteenAdmin.allStatuses')}
          value={status}
          onChange={(v?: string) => {
            setStatus(v);
            paged.firstPage();
          }}
          options={(['pending', 'approved', 'refused'] as const).map((s) => ({ value: s, label: t(`canteenAdmin.status.${s}`) }))}
        />
        {canWrite ? <Button onClick={() => setApplying(true)}>{t('canteenAdmin.applyForWorker')}</Button> : null}
      </Space>
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<CanteenCertification>
        id="canteen-certifications"
        rowKey="id"
        {...paged.table}
        locale={{ emptyText: t('canteenAdmin.empty.certifications') }}
        columns={[
          { title: t('canteenAdmin.col.person'), key: 'personName', dataIndex: 'personName', width: 110, priority: 1, render: (v: string) => <span data-testid="canteen-cert-name">{v}</span> },
          { title: t('canteenAdmin.col.tier'), key: 'tierName', width: 150, render: (_: unknown, c) => `${c.tierName}（${formatMoney(c.tierPriceFen)}）` },
          { title: t('canteenAdmin.col.ground'), key: 'ground', width: 110, render: (_: unknown, c) => t(`canteenAdmin.ground.${c.ground}`) },
          {
            title: t('canteenAdmin.documents'),
            key: 'photos',
            width: 120,
            render: (_: unknown, c) =>
              c.photoIds.length ? (
                <Image.PreviewGroup>
                  {c.photoIds.map((id) => (
                    <Attachment key={id} id={id} isPdf={c.pdfIds.includes(id)} size={32} />
                  ))}
                </Image.PreviewGroup>
              ) : (
                '—'
              ),
          },
          { title: t('canteenAdmin.col.note'), key: 'note', dataIndex: 'note', width: 160, ellipsis: true, render: (v: string, c) => c.refusalReason ?? (v || '—') },
          {
            title: t('canteenAdmin.col.status'),
            key: 'status',
            width: 90,
            render: (_: unknown, c) => (
              <Tag color={STATUS_COLOR[statusOf(c)]} data-testid="canteen-cert-status">
                {t(`canteenAdmin.status.${statusOf(c)}`)}
              </Tag>
            ),
          },
          { title: t('canteenAdmin.col.expiresOn'), key: 'expiresOn', dataIndex: 'expiresOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('canteenAdmin.col.createdAt'), key: 'createdAt', dataIndex: 'createdAt', width: 140, priority: 3, render: (v: string) => formatDateTime(v) },
        ]}
        actions={(c) =>
          canWrite && c.status === 'pending' ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => (setApproving(c), setExpiresOn(null))} data-testid="canteen-cert-approve">
                {t('canteenAdmin.approve')}
              </Button>
              <Button type="link" size="small" onClick={() => (setRefusing(c), setReason(''))} data-testid="canteen-cert-refuse">
                {t('canteenAdmin.refuse')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Modal
        open={!!approving}
        title={`${t('canteenAdmin.approve')}：${approving?.personName ?? ''}`}
        okButtonProps={{ disabled: !expiresOn, ...({ 'data-testid': 'canteen-approve-ok' } as Record<`data-${string}`, string>) }}
        onCancel={() => setApproving(null)}
        onOk={() => void run(() => api.post(`/assistance/canteen-certifications/${approving!.id}/approve`, { expiresOn: expiresOn!.format('YYYY-MM-DD'), version: approving!.version }), () => setApproving(null))}
      >
        <Space>
          <Typography.Text>{t('canteenAdmin.expiresOn')}</Typography.Text>
          <DatePicker value={expiresOn} onChange={setExpiresOn} disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiToday()} data-testid="canteen-approve-expiry" />
        </Space>
      </Modal>
      <Modal
        open={!!refusing}
        title={`${t('canteenAdmin.refuse')}：${refusing?.personName ?? ''}`}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setRefusing(null)}
        onOk={() => void run(() => api.post(`/assistance/canteen-certifications/${refusing!.id}/refuse`, { reason, version: refusing!.version }), () => setRefusing(null))}
      >
        <Input.TextArea rows={3} maxLength={300} placeholder={t('canteenAdmin.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal open={applying} title={t('canteenAdmin.applyForWorker')} onCancel={() => setApplying(false)} onOk={() => applyForm.submit()} destroyOnHidden>
        <Form
          form={applyForm}
          layout="vertical"
          onFinish={(v) => void run(() => api.post('/assistance/canteen-certifications', { ...v, note: v.note ?? '', photoIds: [] }), () => (setApplying(false), applyForm.resetFields()))}
        >
          <Form.Item name="memberNumber" label={t('canteenAdmin.memberNumber')} rules={[{ required: true }]}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="tierId" label={t('canteenAdmin.col.tier')} rules={[{ required: true }]}>
            <Select options={tiersNeeding.map((x) => ({ value: x.id, label: `${x.name}（${formatMoney(x.priceFen)}）` }))} />
          </Form.Item>
          <Form.Item name="ground" label={t('canteenAdmin.col.ground')} rules={[{ required: true }]}>
            <Select options={(tiersNeeding.find((x) => x.id === applyTier)?.grounds ?? []).map((g) => ({ value: g, label: t(`canteenAdmin.ground.${g}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('canteenAdmin.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function TerminalsTab({ canteen, canWrite }: { canteen: Canteen; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRequest((signal) => api.get<CanteenTerminal[]>(`/assistance/canteens/${canteen.positionId}/terminals`, undefined, { signal }), [canteen.positionId]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedCanteenTerminal | null>(null);

  async function create() {
    try {
      setCreated(await api.post<CreatedCanteenTerminal>(`/assistance/canteens/${canteen.positionId}/terminals`, { name }));
      setNaming(false);
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }
  async function revoke(id: string) {
    try {
      await api.post(`/assistance/canteen-terminals/${id}/revoke`);
      list.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  if (!canteen.canteenId) return <Alert type="info" showIcon title={t('canteenAdmin.notSetUp')} />;
  return (
    <div data-testid="canteen-terminals">
      {canWrite ? (
        <Button style={{ marginBottom: 12 }} onClick={() => (setNaming(true), setName(''))}>
          {t('canteenAdmin.newTerminal')}
        </Button>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<CanteenTerminal>
        id="canteen-terminals"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('canteenAdmin.empty.terminals') }}
        columns={[
          { title: t('canteenAdmin.col.name'), key: 'name', dataIndex: 'name', width: 160, priority: 1 },
          { title: t('canteenAdmin.col.keyId'), key: 'keyId', dataIndex: 'keyId', width: 220, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('canteenAdmin.col.status'), key: 'status', width: 90, render: (_: unknown, x) => <Tag color={x.status === 'active' ? 'green' : 'default'}>{t(`canteenAdmin.terminalStatus.${x.status}`)}</Tag> },
          { title: t('canteenAdmin.col.lastSeen'), key: 'lastSeenAt', dataIndex: 'lastSeenAt', width: 140, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
          { title: t('canteenAdmin.col.createdAtT'), key: 'createdAt', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
        ]}
        actions={(x) =>
          canWrite && x.status === 'active' ? (
            <Popconfirm title={t('canteenAdmin.revokeConfirm')} onConfirm={() => void revoke(x.id)}>
              <Button type="link" size="small" danger>
                {t('canteenAdmin.revoke')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <Modal open={naming} title={t('canteenAdmin.newTerminal')} okButtonProps={{ disabled: !name.trim() }} onCancel={() => setNaming(false)} onOk={() => void create()}>
        <Input maxLength={60} placeholder={t('canteenAdmin.terminalName')} value={name} onChange={(e) => setName(e.target.value)} />
      </Modal>
      <Modal open={!!created} title={created?.terminal.name} onCancel={() => setCreated(null)} footer={<Button onClick={() => setCreated(null)}>OK</Button>}>
        <Alert type="warning" showIcon title={t('canteenAdmin.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph>
          {t('canteenAdmin.col.keyId')}: <Typography.Text code copyable>{created?.terminal.keyId}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('canteenAdmin.secret')}: <Typography.Text code copyable data-testid="canteen-terminal-secret">{created?.secret}</Typography.Text>
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}

function MealsTab({ canteen }: { canteen: Canteen }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[string, string] | null>(null);
  const filters = { positionId: canteen.positionId, ...(range ? { from: range[0], to: range[1] } : {}) };
  const figures = useRequest((signal) => api.get<CanteenFigures>('/assistance/canteen-figures', filters, { signal }), [JSON.stringify(filters)]);
  const paged = usePagedList<CanteenMeal>('/assistance/canteen-meals', filters);
  const days = figures.data?.days ?? [];
  const peak = Math.max(1, ...days.map((d) => d.meals));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="canteen-meals">
      <DatePicker.RangePicker
        onChange={(v) => {
          setRange(v && v[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null);
          paged.firstPage();
        }}
      />
      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      <Space align="start" size={24} wrap style={{ width: '100%' }}>
        <div style={{ width: 520 }}>
          <Typography.Title level={5}>
            {t('canteenAdmin.perTier')}（{figures.data ? `${formatDate(figures.data.from)} – ${formatDate(figures.data.to)}` : ''}）
          </Typography.Title>
          <DataTable<CanteenFigures['rows'][number]>
            id="canteen-figures"
            rowKey={(r) => `${r.positionId}-${r.tierName ?? ''}`}
            loading={figures.loading}
            dataSource={figures.data?.rows ?? []}
            pagination={false}
            columnSettings={false}
            size="small"
            columns={[
              { title: t('canteenAdmin.col.priceTier'), key: 'tier', width: 160, render: (_: unknown, r) => r.tierName ?? t('canteenAdmin.normal') },
              { title: t('canteenAdmin.col.meals'), key: 'meals', dataIndex: 'meals', width: 90, align: 'right', render: (v: number) => <span data-testid="canteen-figure-tier-meals">{v}</span> },
              { title: t('canteenAdmin.col.amount'), key: 'amount', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => formatMoney(v) },
            ]}
          />
        </div>
        <div style={{ minWidth: 320, flex: 1 }}>
          <Typography.Title level={5}>{t('canteenAdmin.perDay')}</Typography.Title>
          <div style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 120, borderBottom: '1px solid #d9d9d9' }} aria-label={t('canteenAdmin.perDay')}>
            {days.map((d) => (
              <div key={d.day} title={`${d.day}：${d.meals}（${d.reducedMeals}）`} style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', height: '100%' }}>
                <div style={{ height: `${((d.meals - d.reducedMeals) / peak) * 100}%`, background: '#bfbfbf' }} />
                <div style={{ height: `${(d.reducedMeals / peak) * 100}%`, background: '#389e0d' }} />
              </div>
            ))}
          </div>
          <Space size={16} style={{ marginTop: 4 }}>
            <Tag color="#389e0d">{t('canteenAdmin.figures.reduced')}</Tag>
            <Tag color="#bfbfbf">{t('canteenAdmin.normal')}</Tag>
          </Space>
        </div>
      </Space>
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<CanteenMeal>
        id="canteen-meal-list"
        rowKey="id"
        {...paged.table}
        locale={{ emptyText: t('canteenAdmin.empty.meals') }}
        columns={[
          { title: t('canteenAdmin.col.time'), key: 'servedAt', dataIndex: 'servedAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('canteenAdmin.col.person'), key: 'personName', dataIndex: 'personName', width: 110 },
          { title: t('canteenAdmin.col.priceTier'), key: 'tierName', width: 160, render: (_: unknown, m) => m.tierName ?? t('canteenAdmin.normal') },
          { title: t('canteenAdmin.col.price'), key: 'priceFen', dataIndex: 'priceFen', width: 100, align: 'right', render: (v: number, m) => <Typography.Text type={m.isReduced ? 'success' : undefined}>{formatMoney(v)}</Typography.Text> },
        ]}
      />
    </Space>
  );
}
