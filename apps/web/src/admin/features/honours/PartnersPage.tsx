import type { Page, Partner, PartnerActivity, PartnerAgreement, PartnerDetail, PartnerReferral, PartnerStation, Position } from '@niangjia/contracts';
import { partnerKinds, partnerStatuses } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IndicatorTiles } from '../figures/IndicatorTiles';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';

const today = () => formatDate(new Date());
const P = 'honoursAdmin.partners';
const AGREEMENT_COLORS: Record<string, string> = { pending: 'default', active: 'green', expiring: 'orange', expired: 'red' };
const REFERRAL_COLORS: Record<string, string> = { referred: 'blue', accepted: 'gold', closed: 'green' };

/** 劳模工匠 ▸ 合作联盟 (/honours/partners): the union's 1+N partners, agreements ending soon, referrals between partners, and the figures. */
export function PartnersPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('partners');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      items={[
        { key: 'partners', label: t(`${P}.tabs.partners`), children: <PartnerList /> },
        { key: 'expiring', label: t(`${P}.tabs.expiring`), children: <ExpiringList /> },
        { key: 'referrals', label: t(`${P}.tabs.referrals`), children: <ReferralList /> },
        { key: 'figures', label: t(`${P}.tabs.figures`), children: <PartnerFigures /> },
      ]}
    />
  );
}

function PartnerList() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const [filters, setFilters] = useState<{ q?: string; kind?: string; status?: string }>({});
  const paged = usePagedList<Partner>('/honours/partners', { ...filters, orgId: scope?.id });
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Partner | 'new' | null>(null);
  const [referring, setReferring] = useState(false);
  const set = (patch: Partial<typeof filters>) => (setFilters((f) => ({ ...f, ...patch })), paged.firstPage());
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear style={{ width: 200 }} placeholder={t(`${P}.filter.q`)} onSearch={(q) => set({ q: q || undefined })} data-testid="partners-search" />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t(`${P}.filter.kind`)}
            options={partnerKinds.map((v) => ({ value: v, label: t(`${P}.kind.${v}`) }))}
            onChange={(kind) => set({ kind })}
            data-testid="partners-kind-filter"
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t(`${P}.filter.status`)}
            options={partnerStatuses.map((v) => ({ value: v, label: t(`${P}.status.${v}`) }))}
            onChange={(status) => set({ status })}
          />
        </Space>
      }
      extra={
        canWrite ? (
          <Space>
            <Button onClick={() => setReferring(true)}>{t(`${P}.newReferral`)}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="partners-new">
              {t(`${P}.newPartner`)}
            </Button>
          </Space>
        ) : null
      }
    >
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<Partner>
        id="honours-partners"
        rowKey="id"
        size="small"
        {...paged.table}
        locale={{ emptyText: <Empty description={t(`${P}.empty.partners`)} /> }}
        columns={[
          { title: t(`${P}.col.name`), key: 'name', dataIndex: 'name', width: 220, priority: 1, ellipsis: true },
          { title: t(`${P}.col.kind`), key: 'kind', dataIndex: 'kind', width: 100, render: (v: string) => t(`${P}.kind.${v}`) },
          { title: t(`${P}.col.org`), key: 'org', dataIndex: 'orgName', width: 160, ellipsis: true, priority: 3 },
          { title: t(`${P}.col.contact`), key: 'contact', dataIndex: 'contactName', width: 90, ellipsis: true, priority: 3, render: (v: string | null) => v ?? '—' },
          { title: t(`${P}.col.phone`), key: 'phone', dataIndex: 'contactPhoneMasked', width: 120, priority: 3, render: (v: string | null) => v ?? '—' },
          { title: t(`${P}.col.activeAgreements`), key: 'agreements', dataIndex: 'activeAgreements', width: 80, align: 'right' },
          { title: t(`${P}.col.activities`), key: 'activities', dataIndex: 'activities', width: 80, align: 'right' },
          { title: t(`${P}.col.stations`), key: 'stations', dataIndex: 'stations', width: 80, align: 'right' },
          { title: t(`${P}.col.status`), key: 'status', dataIndex: 'status', width: 80, render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`${P}.status.${v}`)}</Tag> },
        ]}
        actions={(p) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setOpen(p.id)} data-testid="partners-detail">
              {t(`${P}.detail`)}
            </Button>
            {canWrite && p.status === 'active' ? (
              <Button type="link" size="small" onClick={() => setEditing(p)}>
                {t(`${P}.edit`)}
              </Button>
            ) : null}
          </Space>
        )}
      />
      {open ? <PartnerDrawer id={open} canWrite={canWrite} onClose={() => (setOpen(null), paged.list.reload())} /> : null}
      {editing ? <PartnerModal partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), paged.list.reload())} /> : null}
      {referring ? <ReferralModal onClose={() => setReferring(false)} onSaved={() => (setReferring(false), paged.list.reload())} /> : null}
    </Card>
  );
}

type PartnerForm = { name: string; kind: string; orgId?: string; contactName?: string; contactPhone?: string; services?: string; status?: string };

/** 登记/修改合作伙伴. The phone is only ever shown masked: left empty on a change, the number on record stays. */
function PartnerModal({ partner, onClose, onSaved }: { partner: Partner | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<PartnerForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const body = { name: v.name, kind: v.kind, contactName: v.contactName || null, services: v.services || null };
      if (partner) await api.put(`/honours/partners/${partner.id}`, { ...body, ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}), status: v.status ?? 'active', version: partner.version });
      else await api.post('/honours/partners', { ...body, orgId: v.orgId, contactPhone: v.contactPhone || null });
      void message.success(t(`${P}.saved`));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, ['name', 'kind', 'orgId', 'contactName', 'contactPhone', 'services']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t(`${P}.required`, { field }) }];
  return (
    <Modal
      open
      width={560}
      title={partner ? t(`${P}.editPartner`) : t(`${P}.newPartner`)}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'partner-save' }}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          partner
            ? { name: partner.name, kind: partner.kind, contactName: partner.contactName ?? undefined, services: partner.services ?? undefined, status: partner.status }
            : { kind: 'association', orgId: me.scopeRoots[0]?.id }
        }
      >
        <Form.Item name="name" label={t(`${P}.col.name`)} rules={required(t(`${P}.col.name`))}>
          <Input maxLength={100} data-testid="partner-name" />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="kind" label={t(`${P}.col.kind`)} rules={[{ required: true }]}>
            <Select style={{ width: 150 }} options={partnerKinds.map((v) => ({ value: v, label: t(`${P}.kind.${v}`) }))} />
          </Form.Item>
          <Form.Item name="contactName" label={t(`${P}.col.contact`)}>
            <Input maxLength={50} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t(`${P}.col.phone`)} extra={partner?.contactPhoneMasked ? t(`${P}.phoneKept`, { masked: partner.contactPhoneMasked }) : undefined}>
            <Input maxLength={20} style={{ width: 160 }} inputMode="tel" />
          </Form.Item>
          {partner ? (
            <Form.Item name="status" label={t(`${P}.col.status`)}>
              <Select style={{ width: 110 }} options={partnerStatuses.map((v) => ({ value: v, label: t(`${P}.status.${v}`) }))} />
            </Form.Item>
          ) : null}
        </Space>
        {partner ? null : (
          <Form.Item name="orgId" label={t(`${P}.col.org`)} rules={[{ required: true, message: t(`${P}.required`, { field: t(`${P}.col.org`) }) }]}>
            <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} id="honours-partner-org" />
          </Form.Item>
        )}
        <Form.Item name="services" label={t(`${P}.col.services`)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PartnerDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useRequest((signal) => api.get<PartnerDetail>(`/honours/partners/${id}`, undefined, { signal }), [id]);
  const [adding, setAdding] = useState<'agreement' | 'activity' | 'station' | null>(null);
  const p = detail.data;
  const isOpen = canWrite && p?.status === 'active';
  const addButton = (what: 'agreement' | 'activity' | 'station', label: string) =>
    isOpen ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(what)} data-testid={`partner-add-${what}`}>
        {label}
      </Button>
    ) : undefined;
  return (
    <Drawer open width={860} title={p?.name ?? ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {p ? (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t(`${P}.col.kind`)}>{t(`${P}.kind.${p.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.org`)}>{p.orgName}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.status`)}>{t(`${P}.status.${p.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.contact`)}>{p.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.phone`)}>{p.contactPhoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.services`)}>{p.services ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'agreements',
                label: `${t(`${P}.col.agreements`)} (${p.agreementList.length})`,
                children: (
                  <DataTable<PartnerAgreement>
                    id="honours-partner-agreements"
                    rowKey="id"
                    size="small"
                    columnSettings={false}
                    dataSource={p.agreementList}
                    pagination={false}
                    toolbar={addButton('agreement', t(`${P}.addAgreement`))}
                    locale={{ emptyText: <Empty description={t(`${P}.empty.list`)} /> }}
                    columns={[
                      { title: t(`${P}.col.title`), key: 'title', dataIndex: 'title', width: 240, ellipsis: true },
                      { title: t(`${P}.col.signedOn`), key: 'signed', dataIndex: 'signedOn', width: 100 },
                      { title: t(`${P}.col.startsOn`), key: 'starts', dataIndex: 'startsOn', width: 100 },
                      { title: t(`${P}.col.endsOn`), key: 'ends', dataIndex: 'endsOn', width: 100 },
                      { title: t(`${P}.col.status`), key: 'status', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={AGREEMENT_COLORS[v]}>{t(`${P}.agreementStatus.${v}`)}</Tag> },
                      { title: t(`${P}.col.scope`), key: 'scope', dataIndex: 'scope', width: 180, ellipsis: true },
                    ]}
                  />
                ),
              },
              {
                key: 'activities',
                label: `${t(`${P}.col.activities`)} (${p.activityList.length})`,
                children: (
                  <DataTable<PartnerActivity>
                    id="honours-partner-activities"
                    rowKey="id"
                    size="small"
                    columnSettings={false}
                    dataSource={p.activityList}
                    pagination={false}
                    toolbar={addButton('activity', t(`${P}.addActivity`))}
                    locale={{ emptyText: <Empty description={t(`${P}.empty.list`)} /> }}
                    columns={[
                      { title: t(`${P}.col.title`), key: 'title', dataIndex: 'title', width: 240, ellipsis: true },
                      { title: t(`${P}.col.heldOn`), key: 'held', dataIndex: 'heldOn', width: 100 },
                      { title: t(`${P}.col.place`), key: 'place', dataIndex: 'place', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
                      { title: t(`${P}.col.participants`), key: 'n', dataIndex: 'participants', width: 80, align: 'right' },
                      { title: t(`${P}.col.event`), key: 'event', dataIndex: 'eventTitle', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
                    ]}
                  />
                ),
              },
              {
                key: 'stations',
                label: `${t(`${P}.col.stations`)} (${p.stationList.length})`,
                children: (
                  <DataTable<PartnerStation>
                    id="honours-partner-stations"
                    rowKey="positionId"
                    size="small"
                    columnSettings={false}
                    dataSource={p.stationList}
                    pagination={false}
                    toolbar={addButton('station', t(`${P}.linkStation`))}
                    locale={{ emptyText: <Empty description={t(`${P}.empty.list`)} /> }}
                    columns={[
                      { title: t(`${P}.col.station`), key: 'station', dataIndex: 'positionName', width: 260, ellipsis: true },
                      { title: t(`${P}.col.contribution`), key: 'money', dataIndex: 'contributionFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
                      { title: t(`${P}.col.goods`), key: 'goods', dataIndex: 'goods', width: 240, ellipsis: true, render: (v: string | null) => v ?? '—' },
                    ]}
                  />
                ),
              },
              {
                key: 'referrals',
                label: `${t(`${P}.col.referrals`)} (${p.referralList.length})`,
                children: <ReferralTable items={p.referralList} canWrite={canWrite} onChanged={detail.reload} />,
              },
            ]}
          />
          {adding ? <AddModal partner={p} what={adding} onClose={() => setAdding(null)} onSaved={() => (setAdding(null), detail.reload())} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

/** Finds a station (服务阵地) in the caller's scope by name. */
function PositionSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const find = async (q: string) => {
    if (!q.trim()) return;
    const found = await api.get<Page<Position>>('/positions', { q, pageSize: 20 });
    setOptions(found.items.map((p) => ({ value: p.id, label: p.name })));
  };
  return (
    <Select showSearch filterOption={false} value={value} onChange={onChange} onSearch={(q) => void find(q)} options={options} placeholder={t(`${P}.positionSearch`)} data-testid="partner-position" />
  );
}

type AddForm = {
  title?: string;
  signedOn?: string;
  startsOn?: string;
  endsOn?: string;
  scope?: string;
  heldOn?: string;
  place?: string;
  participants?: number;
  eventId?: string;
  positionId?: string;
  contributionYuan?: number;
  goods?: string;
};

/** 登记协议 / 联合活动 / 关联共建阵地 of a partner. */
function AddModal({ partner, what, onClose, onSaved }: { partner: PartnerDetail; what: 'agreement' | 'activity' | 'station'; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      if (what === 'agreement') await api.post(`/honours/partners/${partner.id}/agreements`, { title: v.title, signedOn: v.signedOn, startsOn: v.startsOn, endsOn: v.endsOn, scope: v.scope || null });
      if (what === 'activity')
        await api.post(`/honours/partners/${partner.id}/activities`, {
          title: v.title,
          heldOn: v.heldOn,
          place: v.place || null,
          participants: v.participants ?? 0,
          eventId: v.eventId?.trim() || null,
        });
      if (what === 'station')
        await api.post(`/honours/partners/${partner.id}/stations`, { positionId: v.positionId, contributionFen: Math.round((v.contributionYuan ?? 0) * 100), goods: v.goods || null });
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, ['title', 'signedOn', 'startsOn', 'endsOn', 'heldOn', 'eventId', 'positionId', 'contributionFen']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t(`${P}.required`, { field }) }];
  const title = what === 'agreement' ? t(`${P}.addAgreement`) : what === 'activity' ? t(`${P}.addActivity`) : t(`${P}.linkStation`);
  return (
    <Modal open title={`${title} · ${partner.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okButtonProps={{ 'data-testid': 'partner-add-save' }} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ signedOn: today(), startsOn: today(), heldOn: today() }}>
        {what === 'agreement' ? (
          <>
            <Form.Item name="title" label={t(`${P}.col.title`)} rules={required(t(`${P}.col.title`))}>
              <Input maxLength={200} data-testid="agreement-title" />
            </Form.Item>
            <Space size={12} wrap>
              <Form.Item name="signedOn" label={t(`${P}.col.signedOn`)} rules={required(t(`${P}.col.signedOn`))}>
                <Input type="date" max={today()} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="startsOn" label={t(`${P}.col.startsOn`)} rules={required(t(`${P}.col.startsOn`))}>
                <Input type="date" style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="endsOn" label={t(`${P}.col.endsOn`)} rules={required(t(`${P}.col.endsOn`))}>
                <Input type="date" style={{ width: 150 }} data-testid="agreement-ends" />
              </Form.Item>
            </Space>
            <Form.Item name="scope" label={t(`${P}.col.scope`)}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {what === 'activity' ? (
          <>
            <Form.Item name="title" label={t(`${P}.col.title`)} rules={required(t(`${P}.col.title`))}>
              <Input maxLength={200} />
            </Form.Item>
            <Space size={12} wrap>
              <Form.Item name="heldOn" label={t(`${P}.col.heldOn`)} rules={required(t(`${P}.col.heldOn`))}>
                <Input type="date" style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="participants" label={t(`${P}.col.participants`)}>
                <InputNumber min={0} style={{ width: 110 }} />
              </Form.Item>
            </Space>
            <Form.Item name="place" label={t(`${P}.col.place`)}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="eventId" label={t(`${P}.eventId`)}>
              <Input maxLength={36} />
            </Form.Item>
          </>
        ) : null}
        {what === 'station' ? (
          <>
            <Form.Item name="positionId" label={t(`${P}.positionId`)} rules={[{ required: true, message: t(`${P}.required`, { field: t(`${P}.positionId`) }) }]}>
              <PositionSelect />
            </Form.Item>
            <Form.Item name="contributionYuan" label={`${t(`${P}.col.contribution`)}（元）`}>
              <InputNumber min={0} precision={2} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="goods" label={t(`${P}.col.goods`)}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

function ReferralTable({ items, canWrite, onChanged, table }: { items?: PartnerReferral[]; canWrite: boolean; onChanged: () => void; table?: object }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = async (r: PartnerReferral, status: 'accepted' | 'closed') => {
    try {
      await api.post(`/honours/partner-referrals/${r.id}/advance`, { status, version: r.version });
      void message.success(t(`${P}.saved`));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
    onChanged();
  };
  return (
    <DataTable<PartnerReferral>
      id="honours-partner-referrals"
      rowKey="id"
      size="small"
      columnSettings={false}
      {...(table ?? { dataSource: items, pagination: false })}
      locale={{ emptyText: <Empty description={t(`${P}.empty.referrals`)} /> }}
      columns={[
        { title: t(`${P}.col.referredAt`), key: 'at', dataIndex: 'referredAt', width: 140, render: (v: string) => formatDateTime(v) },
        { title: t(`${P}.col.from`), key: 'from', dataIndex: 'fromPartnerName', width: 150, ellipsis: true },
        { title: t(`${P}.col.to`), key: 'to', dataIndex: 'toPartnerName', width: 150, ellipsis: true },
        { title: t(`${P}.col.subject`), key: 'subject', dataIndex: 'subject', width: 220, ellipsis: true, priority: 1 },
        { title: t(`${P}.col.worker`), key: 'worker', dataIndex: 'workerNameMasked', width: 70, render: (v: string | null) => v ?? '—' },
        { title: t(`${P}.col.status`), key: 'status', dataIndex: 'status', width: 80, render: (v: string) => <Tag color={REFERRAL_COLORS[v]}>{t(`${P}.referralStatus.${v}`)}</Tag> },
      ]}
      actions={
        canWrite
          ? (r) => (
              <Space size={0}>
                {r.status === 'referred' ? (
                  <Button type="link" size="small" onClick={() => void move(r, 'accepted')}>
                    {t(`${P}.accept`)}
                  </Button>
                ) : null}
                {r.status !== 'closed' ? (
                  <Button type="link" size="small" onClick={() => void move(r, 'closed')}>
                    {t(`${P}.close`)}
                  </Button>
                ) : null}
              </Space>
            )
          : undefined
      }
    />
  );
}

function ReferralList() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [status, setStatus] = useState<string | undefined>();
  const paged = usePagedList<PartnerReferral>('/honours/partner-referrals', { status, orgId: scope?.id });
  return (
    <Card
      size="small"
      title={
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t(`${P}.filter.status`)}
          options={(['referred', 'accepted', 'closed'] as const).map((v) => ({ value: v, label: t(`${P}.referralStatus.${v}`) }))}
          onChange={(v) => (setStatus(v), paged.firstPage())}
        />
      }
    >
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <ReferralTable canWrite={me.permissions.includes('honours.write')} onChanged={paged.list.reload} table={paged.table} />
    </Card>
  );
}

/** 新建转介: from one partner in scope to another; the worker's name is kept masked. */
function ReferralModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [form] = Form.useForm<{ fromPartnerId: string; toPartnerId: string; subject: string; workerName?: string; note?: string }>();
  const partners = useRequest((signal) => api.get<Page<Partner>>('/honours/partners', { status: 'active', pageSize: 200, ...(scope ? { orgId: scope.id } : {}) }, { signal }), [scope?.id]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const options = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.post('/honours/partner-referrals', { fromPartnerId: v.fromPartnerId, toPartnerId: v.toPartnerId, subject: v.subject, workerName: v.workerName || null, note: v.note || null });
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, ['fromPartnerId', 'toPartnerId', 'subject', 'workerName']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t(`${P}.required`, { field }) }];
  return (
    <Modal open title={t(`${P}.newReferral`)} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="fromPartnerId" label={t(`${P}.col.from`)} rules={required(t(`${P}.col.from`))}>
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="toPartnerId" label={t(`${P}.col.to`)} rules={required(t(`${P}.col.to`))}>
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="subject" label={t(`${P}.col.subject`)} rules={required(t(`${P}.col.subject`))}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="workerName" label={t(`${P}.col.worker`)} extra={t(`${P}.workerHint`)}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="note" label={t(`${P}.col.note`)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExpiringList() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useRequest((signal) => api.get<PartnerAgreement[]>('/honours/partners/expiring', scope ? { orgId: scope.id } : undefined, { signal }), [scope?.id]);
  return (
    <Card size="small">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<PartnerAgreement>
        id="honours-partner-expiring"
        rowKey="id"
        size="small"
        columnSettings={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t(`${P}.empty.expiring`)} /> }}
        columns={[
          { title: t(`${P}.col.name`), key: 'partner', dataIndex: 'partnerName', width: 200, ellipsis: true },
          { title: t(`${P}.col.title`), key: 'title', dataIndex: 'title', width: 280, ellipsis: true, priority: 1 },
          { title: t(`${P}.col.org`), key: 'org', dataIndex: 'orgName', width: 150, ellipsis: true },
          { title: t(`${P}.col.endsOn`), key: 'ends', dataIndex: 'endsOn', width: 100 },
          { title: t(`${P}.col.daysLeft`), key: 'days', dataIndex: 'daysLeft', width: 80, align: 'right' },
        ]}
      />
    </Card>
  );
}

const KEYS = ['honours.partners', 'honours.partner_agreements', 'honours.partner_activities', 'honours.partner_stations', 'honours.partner_referrals'];

/** The five catalogue indicators of the alliance at the header scope (the numbers 数据中心 shows). */
function PartnerFigures() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  if (!me.permissions.includes('figures.read') || !scope) return <Empty description={t(`${P}.figures.indicators`)} />;
  return <IndicatorTiles orgId={scope.id} keys={KEYS} title={t(`${P}.figures.indicators`)} periodSwitch />;
}
