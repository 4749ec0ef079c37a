import type { EventView, Page, PartnerActivity, PartnerAgreement, PartnerDetail, PartnerReferral, PartnerStation, Position } from '@niangjia/contracts';
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { DrawerList } from '../../components/DrawerList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';

const today = () => formatDate(new Date());
const P = 'honoursAdmin.partners';
const AGREEMENT_COLORS: Record<string, string> = { pending: 'default', active: 'green', expiring: 'orange', expired: 'red', terminated: 'default' };
const REFERRAL_COLORS: Record<string, string> = { referred: 'blue', accepted: 'gold', closed: 'green' };

type What = 'agreement' | 'activity' | 'station';
type Editing = { what: 'agreement'; item: PartnerAgreement | null } | { what: 'activity'; item: PartnerActivity | null } | { what: 'station'; item: PartnerStation | null };

/** 合作伙伴详情: its data (the phone masked, 查看 audited), and its agreements, joint activities, co-built stations and referrals, each changeable while the partnership is on. */
export function PartnerDrawer({ id, canWrite, onClose, onEdit }: { id: string; canWrite: boolean; onClose: () => void; onEdit: (p: PartnerDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useRequest((signal) => api.get<PartnerDetail>(`/honours/partners/${id}`, undefined, { signal }), [id]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [terminating, setTerminating] = useState<PartnerAgreement | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const p = detail.data;
  const isOpen = canWrite && p?.status === 'active';
  const fail = (e: unknown) => void message.error(e instanceof Error ? e.message : String(e));
  const reveal = async () => {
    try {
      setPhone((await api.post<{ contactPhone: string | null }>(`/honours/partners/${id}/reveal-phone`)).contactPhone);
    } catch (e) {
      fail(e);
    }
  };
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      void message.success(t(`${P}.saved`));
    } catch (e) {
      fail(e);
    }
    detail.reload();
  };
  const end = (d: PartnerDetail) =>
    run(() => api.put(`/honours/partners/${d.id}`, { name: d.name, kind: d.kind, contactName: d.contactName, services: d.services, note: d.note, status: 'ended', version: d.version }));
  const add = (what: What, label: string) => (isOpen ? { label, onClick: () => setEditing({ what, item: null }), testId: `partner-add-${what}` } : undefined);
  const link = (label: string, onClick: () => void, testId?: string) => (
    <Button type="link" size="small" onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
  const confirmed = (title: string, label: string, onConfirm: () => void, testId?: string) => (
    <Popconfirm title={title} onConfirm={onConfirm} okButtonProps={{ 'data-testid': `${testId ?? 'confirm'}-ok` }}>
      <Button type="link" size="small" danger data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
  return (
    <Drawer
      open
      width={860}
      title={p?.name ?? ''}
      onClose={onClose}
      destroyOnHidden
      extra={
        p && isOpen ? (
          <Space>
            <Button size="small" onClick={() => onEdit(p)} data-testid="partner-drawer-edit">
              {t(`${P}.edit`)}
            </Button>
            <Popconfirm title={t(`${P}.endPartnerConfirm`, { name: p.name })} onConfirm={() => void end(p)}>
              <Button size="small" danger data-testid="partner-end">
                {t(`${P}.endPartner`)}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {p ? (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t(`${P}.col.kind`)}>{t(`${P}.kind.${p.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.org`)}>{p.orgName}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.status`)}>{t(`${P}.status.${p.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.contact`)}>{p.contactName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.phone`)}>
              <Space size={4}>
                <span data-testid="partner-phone">{phone ?? p.contactPhoneMasked ?? '—'}</span>
                {p.contactPhoneMasked && !phone ? (
                  <Tooltip title={t(`${P}.revealHint`)}>
                    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => void reveal()} data-testid="partner-reveal-phone">
                      {t(`${P}.reveal`)}
                    </Button>
                  </Tooltip>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t(`${P}.col.services`)}>{p.services ?? '—'}</Descriptions.Item>
            {p.note ? (
              <Descriptions.Item label={t(`${P}.col.note`)} span={3}>
                {p.note}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'agreements',
                label: `${t(`${P}.col.agreements`)} (${p.agreementList.length})`,
                children: (
                  <DrawerList<PartnerAgreement>
                    id="honours-partner-agreements"
                    rowKey="id"
                    items={p.agreementList}
                    add={add('agreement', t(`${P}.addAgreement`))}
                    emptyText={t(`${P}.empty.list`)}
                    columns={[
                      { title: t(`${P}.col.title`), key: 'title', dataIndex: 'title', width: 200, ellipsis: true, priority: 1 },
                      { title: t(`${P}.col.signedOn`), key: 'signed', dataIndex: 'signedOn', width: 100, priority: 3 },
                      { title: t(`${P}.col.startsOn`), key: 'starts', dataIndex: 'startsOn', width: 100 },
                      { title: t(`${P}.col.endsOn`), key: 'ends', dataIndex: 'endsOn', width: 100 },
                      {
                        title: t(`${P}.col.status`),
                        key: 'status',
                        dataIndex: 'status',
                        width: 90,
                        render: (v: string, a: PartnerAgreement) => (
                          <Tooltip title={a.terminationReason ? `${a.terminatedOn ?? ''} ${a.terminationReason}` : undefined}>
                            <Tag color={AGREEMENT_COLORS[v]}>{t(`${P}.agreementStatus.${v}`)}</Tag>
                          </Tooltip>
                        ),
                      },
                      { title: t(`${P}.col.scope`), key: 'scope', dataIndex: 'scope', width: 160, ellipsis: true, priority: 3 },
                    ]}
                    actions={
                      isOpen
                        ? (a) =>
                            a.status === 'terminated' ? null : (
                              <Space size={0}>
                                {link(t(`${P}.edit`), () => setEditing({ what: 'agreement', item: a }), 'agreement-edit')}
                                {link(t(`${P}.terminate`), () => setTerminating(a), 'agreement-terminate')}
                              </Space>
                            )
                        : undefined
                    }
                  />
                ),
              },
              {
                key: 'activities',
                label: `${t(`${P}.col.activities`)} (${p.activityList.length})`,
                children: (
                  <DrawerList<PartnerActivity>
                    id="honours-partner-activities"
                    rowKey="id"
                    items={p.activityList}
                    add={add('activity', t(`${P}.addActivity`))}
                    emptyText={t(`${P}.empty.list`)}
                    columns={[
                      { title: t(`${P}.col.title`), key: 'title', dataIndex: 'title', width: 200, ellipsis: true, priority: 1 },
                      { title: t(`${P}.col.heldOn`), key: 'held', dataIndex: 'heldOn', width: 100 },
                      { title: t(`${P}.col.place`), key: 'place', dataIndex: 'place', width: 140, ellipsis: true, priority: 3, render: (v: string | null) => v ?? '—' },
                      { title: t(`${P}.col.participants`), key: 'n', dataIndex: 'participants', width: 80, align: 'right' },
                      { title: t(`${P}.col.event`), key: 'event', dataIndex: 'eventTitle', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
                    ]}
                    actions={
                      isOpen
                        ? (a) => (
                            <Space size={0}>
                              {link(t(`${P}.edit`), () => setEditing({ what: 'activity', item: a }), 'activity-edit')}
                              {confirmed(
                                t(`${P}.removeActivityConfirm`, { title: a.title }),
                                t(`${P}.remove`),
                                () => void run(() => api.delete(`/honours/partner-activities/${a.id}`)),
                                'activity-remove',
                              )}
                            </Space>
                          )
                        : undefined
                    }
                  />
                ),
              },
              {
                key: 'stations',
                label: `${t(`${P}.col.stations`)} (${p.stationList.length})`,
                children: (
                  <DrawerList<PartnerStation>
                    id="honours-partner-stations"
                    rowKey="positionId"
                    items={p.stationList}
                    add={add('station', t(`${P}.linkStation`))}
                    emptyText={t(`${P}.empty.list`)}
                    columns={[
                      { title: t(`${P}.col.station`), key: 'station', dataIndex: 'positionName', width: 240, ellipsis: true, priority: 1 },
                      { title: t(`${P}.col.contribution`), key: 'money', dataIndex: 'contributionFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
                      { title: t(`${P}.col.goods`), key: 'goods', dataIndex: 'goods', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
                    ]}
                    actions={
                      isOpen
                        ? (s) => (
                            <Space size={0}>
                              {link(t(`${P}.edit`), () => setEditing({ what: 'station', item: s }), 'station-edit')}
                              {confirmed(
                                t(`${P}.unlinkConfirm`, { name: s.positionName }),
                                t(`${P}.unlink`),
                                () => void run(() => api.delete(`/honours/partners/${p.id}/stations/${s.positionId}`)),
                                'station-unlink',
                              )}
                            </Space>
                          )
                        : undefined
                    }
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
          {editing ? <ItemModal partner={p} editing={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), detail.reload())} /> : null}
          {terminating ? <TerminateModal agreement={terminating} onClose={() => setTerminating(null)} onSaved={() => (setTerminating(null), detail.reload())} /> : null}
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

/**
 * Picks an activity (文体活动) the staff member can see, from the events module's list (`GET /events`,
 * searched by title); the server checks the choice again. `initial` labels the event already linked.
 */
function EventSelect({ value, onChange, initial }: { value?: string | null; onChange?: (v: string | null) => void; initial?: { value: string; label: string } | null }) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const find = async (q: string) => {
    setLoading(true);
    try {
      const found = await api.get<Page<EventView>>('/events', { ...(q.trim() ? { q: q.trim() } : {}), pageSize: 20 });
      setOptions(found.items.map((e) => ({ value: e.id, label: `${e.title}（${formatDate(e.startsAt)} · ${e.org.name}）` })));
    } catch {
      setOptions([]);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onSearch={(q) => void find(q)}
      onFocus={() => void (options.length <= 1 ? find('') : undefined)}
      options={options}
      loading={loading}
      placeholder={t(`${P}.eventSearch`)}
      notFoundContent={loading ? undefined : t(`${P}.empty.list`)}
      data-testid="partner-event"
    />
  );
}

type ItemForm = {
  title?: string;
  signedOn?: string;
  startsOn?: string;
  endsOn?: string;
  scope?: string;
  heldOn?: string;
  place?: string;
  participants?: number;
  eventId?: string | null;
  positionId?: string;
  contributionYuan?: number;
  goods?: string;
};

/** 登记/修改协议, 联合活动, 共建阵地 of a partner (the station itself is fixed once linked: only what was given changes). */
function ItemModal({ partner, editing, onClose, onSaved }: { partner: PartnerDetail; editing: Editing; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['title', 'signedOn', 'startsOn', 'endsOn', 'heldOn', 'eventId', 'positionId', 'contributionFen', 'participants'] });
  const { what } = editing;
  const isNew = editing.item === null;
  const submit = async () => {
    await send(async (v) => {
      if (editing.what === 'agreement') {
        const body = { title: v.title, signedOn: v.signedOn, startsOn: v.startsOn, endsOn: v.endsOn, scope: v.scope || null };
        await (editing.item ? api.put(`/honours/partner-agreements/${editing.item.id}`, body) : api.post(`/honours/partners/${partner.id}/agreements`, body));
      }
      if (editing.what === 'activity') {
        const body = { title: v.title, heldOn: v.heldOn, place: v.place || null, participants: v.participants ?? 0, eventId: v.eventId || null };
        await (editing.item ? api.put(`/honours/partner-activities/${editing.item.id}`, body) : api.post(`/honours/partners/${partner.id}/activities`, body));
      }
      if (editing.what === 'station') {
        const body = { contributionFen: Math.round((v.contributionYuan ?? 0) * 100), goods: v.goods || null };
        await (editing.item
          ? api.put(`/honours/partners/${partner.id}/stations/${editing.item.positionId}`, body)
          : api.post(`/honours/partners/${partner.id}/stations`, { ...body, positionId: v.positionId }));
      }
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t(`${P}.required`, { field }) }];
  const title =
    what === 'agreement'
      ? t(isNew ? `${P}.addAgreement` : `${P}.editAgreement`)
      : what === 'activity'
        ? t(isNew ? `${P}.addActivity` : `${P}.editActivity`)
        : t(isNew ? `${P}.linkStation` : `${P}.editStation`);
  const initialValues: ItemForm =
    editing.what === 'agreement' && editing.item
      ? { title: editing.item.title, signedOn: editing.item.signedOn, startsOn: editing.item.startsOn, endsOn: editing.item.endsOn, scope: editing.item.scope ?? undefined }
      : editing.what === 'activity' && editing.item
        ? { title: editing.item.title, heldOn: editing.item.heldOn, place: editing.item.place ?? undefined, participants: editing.item.participants, eventId: editing.item.eventId }
        : editing.what === 'station' && editing.item
          ? { contributionYuan: editing.item.contributionFen / 100, goods: editing.item.goods ?? undefined }
          : { signedOn: today(), startsOn: today(), heldOn: today() };
  const linkedEvent = editing.what === 'activity' && editing.item?.eventId ? { value: editing.item.eventId, label: editing.item.eventTitle ?? editing.item.eventId } : null;
  return (
    <Modal open title={`${title} · ${partner.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} okButtonProps={{ 'data-testid': 'partner-add-save' }} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues}>
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
              <Input maxLength={200} data-testid="activity-title" />
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
              <EventSelect initial={linkedEvent} />
            </Form.Item>
          </>
        ) : null}
        {what === 'station' ? (
          <>
            {isNew ? (
              <Form.Item name="positionId" label={t(`${P}.positionId`)} rules={[{ required: true, message: t(`${P}.required`, { field: t(`${P}.positionId`) }) }]}>
                <PositionSelect />
              </Form.Item>
            ) : (
              <Form.Item label={t(`${P}.positionId`)}>{editing.what === 'station' ? editing.item?.positionName : null}</Form.Item>
            )}
            <Form.Item name="contributionYuan" label={`${t(`${P}.col.contribution`)}（元）`}>
              <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="station-contribution" />
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

/** 提前终止: the day (today by default) and the reason; the agreement then shows 已终止. */
function TerminateModal({ agreement, onClose, onSaved }: { agreement: PartnerAgreement; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ terminatedOn: string; reason: string }>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['terminatedOn', 'reason'] });
  const submit = async () => {
    await send(async (v) => {
      await api.post(`/honours/partner-agreements/${agreement.id}/terminate`, { terminatedOn: v.terminatedOn, reason: v.reason });
      onSaved();
    });
  };
  return (
    <Modal
      open
      title={`${t(`${P}.terminateTitle`)} · ${agreement.title}`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okButtonProps={{ danger: true, 'data-testid': 'agreement-terminate-save' }}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ terminatedOn: today() }}>
        <Form.Item name="terminatedOn" label={t(`${P}.terminatedOn`)} rules={[{ required: true, message: t(`${P}.required`, { field: t(`${P}.terminatedOn`) }) }]} extra={t(`${P}.terminatedHint`)}>
          <Input type="date" min={agreement.signedOn} max={today()} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="reason" label={t(`${P}.terminationReason`)} rules={[{ required: true, whitespace: true, message: t(`${P}.required`, { field: t(`${P}.terminationReason`) }) }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="agreement-terminate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReferralTable({ items, canWrite, onChanged, table }: { items?: PartnerReferral[]; canWrite: boolean; onChanged: () => void; table?: object }) {
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
  const columns = [
    { title: t(`${P}.col.referredAt`), key: 'at', dataIndex: 'referredAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: t(`${P}.col.from`), key: 'from', dataIndex: 'fromPartnerName', width: 150, ellipsis: true },
    { title: t(`${P}.col.to`), key: 'to', dataIndex: 'toPartnerName', width: 150, ellipsis: true },
    { title: t(`${P}.col.subject`), key: 'subject', dataIndex: 'subject', width: 220, ellipsis: true, priority: 1 as const },
    { title: t(`${P}.col.worker`), key: 'worker', dataIndex: 'workerNameMasked', width: 70, render: (v: string | null) => v ?? '—' },
    { title: t(`${P}.col.status`), key: 'status', dataIndex: 'status', width: 80, render: (v: string) => <Tag color={REFERRAL_COLORS[v]}>{t(`${P}.referralStatus.${v}`)}</Tag> },
  ];
  const actions = canWrite
    ? (r: PartnerReferral) => (
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
    : undefined;
  // In the drawer: the drawer's small list; on the 转介 tab: the paged list.
  if (!table) return <DrawerList<PartnerReferral> id="honours-partner-referrals" rowKey="id" items={items ?? []} columns={columns} actions={actions} emptyText={t(`${P}.empty.referrals`)} />;
  return (
    <DataTable<PartnerReferral>
      id="honours-partner-referrals"
      rowKey="id"
      size="small"
      columnSettings={false}
      {...table}
      locale={{ emptyText: t(`${P}.empty.referrals`) }}
      columns={columns}
      actions={actions}
    />
  );
}
