import type { Care, Honour, Member, NotCared, Page } from '@niangjia/contracts';
import { careKinds, honourLevels, honourStatuses, honourTitles } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Empty, Form, Image, Input, InputNumber, Modal, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { DataTable } from '../../components/DataTable';
import { EnumSelect, PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/use-paged-list';
import { useFormSubmit } from '../../components/use-form-submit';
import { isUploading, PhotoUpload, photoIdsOf, type UploadedPhoto } from '../../components/PhotoUpload';
import { useScope } from '../../layout/scope';

const today = () => formatDate(new Date());
const thisYear = () => Number(today().slice(0, 4));

/** 劳模工匠 ▸ 荣誉 (/honours): honours of members in scope, their care, and who has not been cared for this year. */
export function HonoursPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('honours');
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      destroyOnHidden
      items={[
        { key: 'honours', label: t('honoursAdmin.tabs.honours'), children: <HonoursList /> },
        { key: 'care', label: t('honoursAdmin.tabs.care'), children: <CareList /> },
        { key: 'notCared', label: t('honoursAdmin.tabs.notCared'), children: <NotCaredList /> },
      ]}
    />
  );
}

function HonoursList() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const [filters, setFilters] = useState<{ q?: string; level?: string; title?: string; year?: number; status?: string }>({});
  const paged = usePagedList<Honour>('/honours', { ...filters, orgId: scope?.id });
  const [editing, setEditing] = useState<Honour | 'new' | null>(null);
  const [caring, setCaring] = useState<Honour | null>(null);
  const [revoking, setRevoking] = useState<Honour | null>(null);
  const set = (patch: Partial<typeof filters>) => (setFilters((f) => ({ ...f, ...patch })), paged.firstPage());
  const done = () => (setEditing(null), setCaring(null), setRevoking(null), paged.list.reload());
  return (
    <>
      <PagedList<Honour>
        paged={paged}
        id="honours"
        filters={
          <>
            <Input.Search allowClear style={{ width: 200 }} placeholder={t('honoursAdmin.filter.q')} onSearch={(q) => set({ q: q || undefined })} data-testid="honours-search" />
            <EnumSelect values={honourLevels} labels="honoursAdmin.level" placeholder={t('honoursAdmin.filter.level')} width={120} onChange={(level) => set({ level })} />
            <EnumSelect values={honourTitles} labels="honoursAdmin.title" placeholder={t('honoursAdmin.filter.title')} width={150} onChange={(title) => set({ title })} />
            <InputNumber style={{ width: 100 }} min={1950} max={2100} placeholder={t('honoursAdmin.filter.year')} onChange={(y) => set({ year: typeof y === 'number' ? y : undefined })} />
            <EnumSelect values={honourStatuses} labels="honoursAdmin.status" placeholder={t('honoursAdmin.filter.status')} width={110} onChange={(status) => set({ status })} />
          </>
        }
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="honours-new">
              {t('honoursAdmin.newHonour')}
            </Button>
          ) : null
        }
        empty={t('honoursAdmin.empty.honours')}
        columns={[
          { title: t('honoursAdmin.col.person'), key: 'person', dataIndex: 'personName', width: 140, priority: 1, ellipsis: true },
          { title: t('honoursAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: t('honoursAdmin.col.level'), key: 'level', dataIndex: 'level', width: 90, render: (v: string) => t(`honoursAdmin.level.${v}`) },
          { title: t('honoursAdmin.col.title'), key: 'title', width: 150, ellipsis: true, render: (_: unknown, h) => h.titleText || t(`honoursAdmin.title.${h.title}`) },
          { title: t('honoursAdmin.col.year'), key: 'year', dataIndex: 'year', width: 80 },
          { title: t('honoursAdmin.col.body'), key: 'body', dataIndex: 'awardingBody', width: 180, ellipsis: true, priority: 3 },
          {
            title: t('honoursAdmin.col.certificate'),
            key: 'certificate',
            width: 80,
            priority: 3,
            render: (_: unknown, h) => (h.certificatePhotoId ? <Image src={`/api/v1/photos/${h.certificatePhotoId}`} width={36} height={36} style={{ objectFit: 'cover' }} alt="" /> : '—'),
          },
          {
            title: t('honoursAdmin.col.status'),
            key: 'status',
            dataIndex: 'status',
            width: 90,
            render: (v: string, h) => (
              <Tag color={v === 'active' ? 'green' : 'default'} title={h.revokedReason ?? undefined}>
                {t(`honoursAdmin.status.${v}`)}
              </Tag>
            ),
          },
        ]}
        actions={
          canWrite
            ? (h) =>
                h.status === 'active' ? (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setCaring(h)} data-testid="honours-care">
                      {t('honoursAdmin.addCare')}
                    </Button>
                    <Button type="link" size="small" onClick={() => setEditing(h)}>
                      {t('honoursAdmin.edit')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setRevoking(h)}>
                      {t('honoursAdmin.revoke')}
                    </Button>
                  </Space>
                ) : null
            : undefined
        }
      />
      {editing ? <HonourDrawer honour={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={done} /> : null}
      {caring ? <CareModal personId={caring.personId} personName={caring.personName} onClose={() => setCaring(null)} onSaved={done} /> : null}
      {revoking ? <RevokeModal honour={revoking} onClose={() => setRevoking(null)} onSaved={done} /> : null}
    </>
  );
}

/** A search box over the members of the caller's scope (the members module's list). */
export function MemberSelect({ value, onChange, testId }: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const find = async (q: string) => {
    if (!q.trim()) return;
    const found = await api.get<Page<Member>>('/members', { q, status: 'active', pageSize: 20 });
    setOptions(found.items.map((m) => ({ value: m.id, label: `${m.person.realName} · ${m.org.name}` })));
  };
  return (
    <Select showSearch filterOption={false} value={value} onChange={onChange} onSearch={(q) => void find(q)} options={options} placeholder={t('honoursAdmin.form.memberSearch')} data-testid={testId} />
  );
}

type HonourForm = { membershipId?: string; level: string; title: string; titleText?: string; year: number; awardingBody: string };

function HonourDrawer({ honour, onClose, onSaved }: { honour: Honour | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HonourForm>();
  const { submit: send, saving, error, setError } = useFormSubmit(form, { fields: ['membershipId', 'level', 'title', 'titleText', 'year', 'awardingBody'], success: t('honoursAdmin.saved') });
  const [photos, setPhotos] = useState<UploadedPhoto[]>(
    honour?.certificatePhotoId
      ? [{ uid: honour.certificatePhotoId, name: t('honoursAdmin.col.certificate'), id: honour.certificatePhotoId, status: 'done', url: `/api/v1/photos/${honour.certificatePhotoId}` }]
      : [],
  );
  const submit = () =>
    send(async (v) => {
      const body = { level: v.level, title: v.title, titleText: v.titleText || null, year: v.year, awardingBody: v.awardingBody, certificatePhotoId: photoIdsOf(photos)[0] ?? null };
      if (honour) await api.put(`/honours/${honour.id}`, { ...body, version: honour.version });
      else await api.post('/honours', { ...body, membershipId: v.membershipId });
      onSaved();
    });
  const required = (field: string) => [{ required: true, message: t('honoursAdmin.form.required', { field }) }];
  return (
    <Drawer
      open
      width={480}
      title={honour ? `${t('honoursAdmin.editHonour')} · ${honour.personName}` : t('honoursAdmin.newHonour')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} disabled={isUploading(photos)} onClick={() => void submit()} data-testid="honours-save">
          {t('common.save')}
        </Button>
      }
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          honour
            ? { level: honour.level, title: honour.title, titleText: honour.titleText ?? undefined, year: honour.year, awardingBody: honour.awardingBody }
            : { level: 'district', title: 'model_worker', year: thisYear() - 1 }
        }
      >
        {honour ? null : (
          <Form.Item name="membershipId" label={t('honoursAdmin.form.member')} rules={required(t('honoursAdmin.form.member'))}>
            <MemberSelect testId="honours-form-member" />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('honoursAdmin.col.level')} rules={required(t('honoursAdmin.col.level'))}>
          <Select options={honourLevels.map((v) => ({ value: v, label: t(`honoursAdmin.level.${v}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('honoursAdmin.col.title')} rules={required(t('honoursAdmin.col.title'))}>
          <Select options={honourTitles.map((v) => ({ value: v, label: t(`honoursAdmin.title.${v}`) }))} />
        </Form.Item>
        <Form.Item name="titleText" label={t('honoursAdmin.form.titleText')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="year" label={t('honoursAdmin.col.year')} rules={required(t('honoursAdmin.col.year'))}>
          <InputNumber min={1950} max={thisYear()} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="awardingBody"
          label={t('honoursAdmin.col.body')}
          rules={[{ required: true, whitespace: true, message: t('honoursAdmin.form.required', { field: t('honoursAdmin.col.body') }) }]}
        >
          <Input maxLength={100} data-testid="honours-form-body" />
        </Form.Item>
        <Form.Item label={t('honoursAdmin.col.certificate')}>
          <PhotoUpload value={photos} onChange={setPhotos} max={1} label={t('honoursAdmin.col.certificate')} onError={setError} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

type CareForm = { kind: string; caredOn: string; notes?: string; costYuan?: number };

/** 登记关爱: a health check, sanatorium stay or visit for an honoured member, with its cost. */
function CareModal({ personId, personName, onClose, onSaved }: { personId: string; personName: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CareForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['kind', 'caredOn', 'notes'], success: t('honoursAdmin.saved') });
  const submit = () =>
    send(async (v) => {
      await api.post(`/honours/persons/${personId}/care`, { kind: v.kind, caredOn: v.caredOn, notes: v.notes || null, costFen: Math.round((v.costYuan ?? 0) * 100) });
      onSaved();
    });
  return (
    <Modal
      open
      title={`${t('honoursAdmin.addCare')} · ${personName}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'honours-care-save' }}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'visit', caredOn: today() }}>
        <Form.Item name="kind" label={t('honoursAdmin.col.kind')} rules={[{ required: true }]}>
          <Select options={careKinds.map((v) => ({ value: v, label: t(`honoursAdmin.care.${v}`) }))} data-testid="honours-care-kind" />
        </Form.Item>
        <Form.Item name="caredOn" label={t('honoursAdmin.col.caredOn')} rules={[{ required: true }]}>
          <Input type="date" max={today()} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="costYuan" label={t('honoursAdmin.col.cost')}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} addonAfter="¥" />
        </Form.Item>
        <Form.Item name="notes" label={t('honoursAdmin.col.notes')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="honours-care-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeModal({ honour, onClose, onSaved }: { honour: Honour; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['reason'] });
  const submit = () =>
    send(async (v) => {
      await api.post(`/honours/${honour.id}/revoke`, { reason: v.reason, version: honour.version });
      onSaved();
    });
  return (
    <Modal open title={`${t('honoursAdmin.revoke')} · ${honour.personName}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okButtonProps={{ danger: true }} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('honoursAdmin.revokeReason')}
          rules={[{ required: true, whitespace: true, message: t('honoursAdmin.form.required', { field: t('honoursAdmin.revokeReason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CareList() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [year, setYear] = useState<number | undefined>(thisYear());
  const [kind, setKind] = useState<string | undefined>();
  const paged = usePagedList<Care>('/honours/care', { year, kind, orgId: scope?.id });
  return (
    <PagedList<Care>
      paged={paged}
      id="honours-care"
      filters={
        <>
          <InputNumber
            style={{ width: 100 }}
            min={1950}
            max={2100}
            value={year}
            placeholder={t('honoursAdmin.filter.year')}
            onChange={(y) => (setYear(typeof y === 'number' ? y : undefined), paged.firstPage())}
          />
          <EnumSelect values={careKinds} labels="honoursAdmin.care" placeholder={t('honoursAdmin.filter.kind')} width={140} onChange={(k) => (setKind(k), paged.firstPage())} />
        </>
      }
      empty={t('honoursAdmin.empty.care')}
      columns={[
        { title: t('honoursAdmin.col.caredOn'), key: 'caredOn', dataIndex: 'caredOn', width: 110, priority: 1 },
        { title: t('honoursAdmin.col.person'), key: 'person', dataIndex: 'personName', width: 140, ellipsis: true },
        { title: t('honoursAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
        { title: t('honoursAdmin.col.kind'), key: 'kind', dataIndex: 'kind', width: 100, render: (v: string) => t(`honoursAdmin.care.${v}`) },
        { title: t('honoursAdmin.col.cost'), key: 'cost', dataIndex: 'costFen', width: 110, align: 'right', render: (v: number) => formatMoney(v) },
        { title: t('honoursAdmin.col.notes'), key: 'notes', dataIndex: 'notes', width: 260, ellipsis: true },
      ]}
    />
  );
}

function NotCaredList() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const paged = usePagedList<NotCared>('/honours/not-cared', { orgId: scope?.id });
  const [caring, setCaring] = useState<NotCared | null>(null);
  const titleOf = (s: string) => {
    const [level, title] = s.split(':');
    return `${t(`honoursAdmin.level.${level}`)}${t(`honoursAdmin.title.${title}`)}`;
  };
  return (
    <Card size="small">
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<NotCared>
        id="honours-not-cared"
        rowKey="personId"
        size="small"
        {...paged.table}
        locale={{ emptyText: <Empty description={t('honoursAdmin.empty.notCared')} /> }}
        columns={[
          { title: t('honoursAdmin.col.person'), key: 'person', dataIndex: 'personName', width: 140, priority: 1, ellipsis: true },
          { title: t('honoursAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: t('honoursAdmin.col.titles'), key: 'titles', width: 260, ellipsis: true, render: (_: unknown, r) => r.titles.map(titleOf).join('、') },
          { title: t('honoursAdmin.col.lastCared'), key: 'lastCared', dataIndex: 'lastCaredOn', width: 110, render: (v: string | null) => v ?? '—' },
        ]}
        actions={
          canWrite
            ? (r) => (
                <Button type="link" size="small" onClick={() => setCaring(r)}>
                  {t('honoursAdmin.addCare')}
                </Button>
              )
            : undefined
        }
      />
      {caring ? <CareModal personId={caring.personId} personName={caring.personName} onClose={() => setCaring(null)} onSaved={() => (setCaring(null), paged.list.reload())} /> : null}
    </Card>
  );
}
