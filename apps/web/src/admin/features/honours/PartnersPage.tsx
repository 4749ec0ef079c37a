import type { Page, Partner, PartnerAgreement, PartnerReferral } from '@niangjia/contracts';
import { partnerKinds, partnerStatuses } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Modal, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { IndicatorTiles } from '../figures/IndicatorTiles';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { PartnerDrawer, ReferralTable } from './PartnerDrawer';

const P = 'honoursAdmin.partners';

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
  // A 待办 links here with ?partner=<id>: its drawer opens.
  const [params, setParams] = useSearchParams();
  const [open, setOpenState] = useState<string | null>(params.get('partner'));
  const setOpen = (id: string | null) => {
    setOpenState(id);
    if (!id && params.has('partner')) setParams((p) => (p.delete('partner'), p), { replace: true });
  };
  const [drawerKey, setDrawerKey] = useState(0);
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
      {open ? <PartnerDrawer key={drawerKey} id={open} canWrite={canWrite} onEdit={setEditing} onClose={() => (setOpen(null), paged.list.reload())} /> : null}
      {editing ? (
        <PartnerModal partner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), setDrawerKey((k) => k + 1), paged.list.reload())} />
      ) : null}
      {referring ? <ReferralModal onClose={() => setReferring(false)} onSaved={() => (setReferring(false), paged.list.reload())} /> : null}
    </Card>
  );
}

type PartnerForm = { name: string; kind: string; orgId?: string; contactName?: string; contactPhone?: string; services?: string; note?: string; status?: string };

/** 登记/修改合作伙伴. The phone is only ever shown masked: left empty on a change, the number on record stays. */
function PartnerModal({ partner, onClose, onSaved }: { partner: Partner | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<PartnerForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['name', 'kind', 'orgId', 'contactName', 'contactPhone', 'services'], success: t(`${P}.saved`) });
  const submit = async () => {
    await send(async (v) => {
      const body = { name: v.name, kind: v.kind, contactName: v.contactName || null, services: v.services || null, note: v.note || null };
      if (partner) await api.put(`/honours/partners/${partner.id}`, { ...body, ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}), status: v.status ?? 'active', version: partner.version });
      else await api.post('/honours/partners', { ...body, orgId: v.orgId, contactPhone: v.contactPhone || null });
      onSaved();
    });
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
            ? {
                name: partner.name,
                kind: partner.kind,
                contactName: partner.contactName ?? undefined,
                services: partner.services ?? undefined,
                note: partner.note ?? undefined,
                status: partner.status,
              }
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
            <Input maxLength={20} style={{ width: 160 }} inputMode="tel" data-testid="partner-phone-input" />
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
        <Form.Item name="note" label={t(`${P}.col.note`)}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="partner-note" />
        </Form.Item>
      </Form>
    </Modal>
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
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['fromPartnerId', 'toPartnerId', 'subject', 'workerName'] });
  const options = (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const submit = async () => {
    await send(async (v) => {
      await api.post('/honours/partner-referrals', { fromPartnerId: v.fromPartnerId, toPartnerId: v.toPartnerId, subject: v.subject, workerName: v.workerName || null, note: v.note || null });
      onSaved();
    });
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
