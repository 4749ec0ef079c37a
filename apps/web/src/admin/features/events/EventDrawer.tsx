import type { EventAttendance, EventSendLog, EventView, GroupRegistrationResult, Member, Page, Registration } from '@niangjia/contracts';
import { registrationStatuses } from '@niangjia/contracts';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { ContestTab } from './ContestTab';
import { MatchmakingTab } from './MatchmakingTab';

const REG_COLORS: Record<Registration['status'], string> = { confirmed: 'green', waiting: 'orange', offered: 'blue', cancelled: 'default', expired: 'default' };

/** One event: its facts, who registered (the caller's subtree), the waiting list, a union roster, attendance and the send log. */
export function EventDrawer({ eventId, canWrite, onClose, onChanged }: { eventId: string; canWrite: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const event = useRequest((signal) => api.get<EventView>(`/events/${eventId}`, undefined, { signal }), [eventId]);
  const [tick, setTick] = useState(0);
  const refresh = () => {
    setTick((n) => n + 1);
    event.reload();
    onChanged();
  };
  const e = event.data;
  const width = typeof window === 'undefined' ? 960 : Math.min(960, window.innerWidth);
  return (
    <Drawer open onClose={onClose} size={width} title={e ? e.title : t('eventsAdmin.drawer.info')} destroyOnHidden>
      {event.error ? <ErrorAlert error={event.error} onRetry={event.reload} /> : null}
      {e ? (
        <Tabs
          items={[
            { key: 'info', label: t('eventsAdmin.drawer.info'), children: <EventInfo e={e} /> },
            { key: 'registrations', label: t('eventsAdmin.drawer.registrations'), children: <RegistrationsTab e={e} canWrite={canWrite} tick={tick} onChanged={refresh} /> },
            { key: 'waiting', label: `${t('eventsAdmin.drawer.waiting')}${e.waiting ? ` (${e.waiting})` : ''}`, children: <WaitingTab e={e} canWrite={canWrite} tick={tick} onChanged={refresh} /> },
            ...(canWrite && e.status === 'published' ? [{ key: 'roster', label: t('eventsAdmin.drawer.roster'), children: <RosterTab e={e} onChanged={refresh} /> }] : []),
            { key: 'attendance', label: t('eventsAdmin.drawer.attendance'), children: <AttendanceTab e={e} canWrite={canWrite} tick={tick} /> },
            { key: 'log', label: t('eventsAdmin.drawer.sendLog'), children: <SendLogTab e={e} tick={tick} /> },
            ...(e.type === 'matchmaking' && e.status !== 'draft' ? [{ key: 'matchmaking', label: t('eventsAdmin.matchmaking.tab'), children: <MatchmakingTab e={e} canWrite={canWrite} tick={tick} /> }] : []),
            ...(e.type === 'skill_competition' ? [{ key: 'contest', label: t('eventsAdmin.contest.tab'), children: <ContestTab e={e} canWrite={canWrite} tick={tick} /> }] : []),
          ]}
        />
      ) : null}
    </Drawer>
  );
}

function EventInfo({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const el = e.eligibility;
  const conditions = [
    el.membersOnly ? t('eventsAdmin.drawer.membersOnly') : t('eventsAdmin.drawer.everyone'),
    ...el.employmentForms.map((f) => t(`eventsAdmin.forms.${f}`)),
    el.minAge !== null || el.maxAge !== null ? `${el.minAge ?? 0}–${el.maxAge ?? '∞'}` : null,
  ].filter(Boolean);
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('eventsAdmin.col.type')}>{t(`eventsAdmin.types.${e.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.col.status')}>{t(`eventsAdmin.statuses.${e.status}`)}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.col.org')}>{e.org.name}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.form.visibility')}>{t(`eventsAdmin.visibilities.${e.visibility}`)}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.when')}>
        {formatDateTime(e.startsAt)} — {formatDateTime(e.endsAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.where')}>{e.position?.name ?? e.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.signup')}>
        {formatDateTime(e.signupOpensAt)} — {formatDateTime(e.signupClosesAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.fee')}>{e.feeFen ? formatMoney(e.feeFen) : t('eventsAdmin.drawer.free')}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.capacity')}>
        {t('eventsAdmin.placesText', { taken: e.taken, capacity: e.capacity })}
        {e.waiting ? ` · ${t('eventsAdmin.waitingText', { n: e.waiting })}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.eligibility')}>{conditions.join('，')}</Descriptions.Item>
      <Descriptions.Item label={t('eventsAdmin.drawer.quotas')} span={2}>
        {e.quotas.length ? (
          <Space wrap>
            {e.quotas.map((q) => (
              <Tag key={q.id}>
                {q.org?.name ?? t(`eventsAdmin.groups.${q.group ?? 'male'}`)}：{q.taken} / {q.capacity}
              </Tag>
            ))}
          </Space>
        ) : (
          t('eventsAdmin.drawer.noQuotas')
        )}
      </Descriptions.Item>
      {e.cancelledReason ? (
        <Descriptions.Item label={t('eventsAdmin.drawer.cancelledReason')} span={2}>
          {e.cancelledReason}
        </Descriptions.Item>
      ) : null}
      {e.description ? (
        <Descriptions.Item label={t('eventsAdmin.form.description')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{e.description}</Typography.Paragraph>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** A reason asked for before a staff change (priority, cancelling someone's place); kept in the audit log. */
function ReasonModal({ title, hint, withPriority, initialPriority, onClose, onSubmit }: { title: string; hint?: string; withPriority?: boolean; initialPriority?: number; onClose: () => void; onSubmit: (v: { reason: string; priority: number }) => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; priority: number }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit({ reason: v.reason.trim(), priority: v.priority ?? 0 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}>
      {hint ? <Alert type="info" showIcon title={hint} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ priority: initialPriority ?? 0 }}>
        {withPriority ? (
          <Form.Item name="priority" label={t('eventsAdmin.drawer.priority')} rules={[{ required: true }]}>
            <InputNumber min={-100} max={100} precision={0} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('eventsAdmin.drawer.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RegistrationsTab({ e, canWrite, tick, onChanged }: { e: EventView; canWrite: boolean; tick: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Registration['status'] | undefined>();
  const [page, setPage] = useState(1);
  const [cancelling, setCancelling] = useState<Registration | null>(null);
  const list = useRequest((signal) => api.get<Page<Registration>>(`/events/${e.id}/registrations`, { status, page, pageSize: 20 }, { signal }), [e.id, status, page, tick]);
  return (
    <>
      <Select<Registration['status'] | undefined>
        allowClear
        aria-label={t('eventsAdmin.drawer.status')}
        placeholder={t('eventsAdmin.drawer.allStatuses')}
        style={{ width: 150, marginBottom: 12 }}
        value={status}
        onChange={(v) => (setStatus(v), setPage(1))}
        options={registrationStatuses.map((s) => ({ value: s, label: t(`eventsAdmin.regStatuses.${s}`) }))}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <div data-testid="event-registrations">
        <Table<Registration>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 820 }}
          locale={{ emptyText: t('eventsAdmin.drawer.emptyRegistrations') }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('eventsAdmin.drawer.name'), dataIndex: 'name', width: 100, fixed: 'left' },
            { title: t('eventsAdmin.drawer.union'), width: 180, ellipsis: true, render: (_, r) => r.union?.name ?? '—' },
            { title: t('eventsAdmin.drawer.source'), width: 110, render: (_, r) => t(`eventsAdmin.sources.${r.source}`) },
            { title: t('eventsAdmin.drawer.status'), width: 90, render: (_, r) => <Tag color={REG_COLORS[r.status]}>{t(`eventsAdmin.regStatuses.${r.status}`)}</Tag> },
            {
              title: t('eventsAdmin.drawer.attendedAt'),
              width: 140,
              render: (_, r) => (r.attendedAt ? <span data-testid="registration-attended">{formatDateTime(r.attendedAt)}</span> : '—'),
            },
            ...(e.minAttendanceMinutes ? [{ title: t('eventsAdmin.drawer.minutes'), width: 90, align: 'right' as const, render: (_: unknown, r: Registration) => r.attendedMinutes }] : []),
            {
              title: t('eventsAdmin.col.actions'),
              width: 150,
              render: (_, r) => (
                <Space size={0} wrap>
                  {e.type === 'training' && r.attendedAt && (e.minAttendanceMinutes === null || r.attendedMinutes >= e.minAttendanceMinutes) ? (
                    <Button type="link" size="small" onClick={() => void api.download(`/events/${e.id}/registrations/${r.id}/certificate`, undefined, 'certificate.pdf').catch((err: unknown) => message.error(errorText(err)))}>
                      {t('eventsAdmin.drawer.certificate')}
                    </Button>
                  ) : null}
                  {canWrite && ['confirmed', 'waiting', 'offered'].includes(r.status) ? (
                    <Button type="link" size="small" danger onClick={() => setCancelling(r)}>
                      {t('eventsAdmin.drawer.cancelRegistration')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </div>
      {cancelling ? (
        <ReasonModal
          title={t('eventsAdmin.drawer.cancelRegistrationTitle', { name: cancelling.name })}
          onClose={() => setCancelling(null)}
          onSubmit={async ({ reason }) => {
            try {
              await api.post(`/events/${e.id}/registrations/${cancelling.id}/cancel`, { version: cancelling.version, reason });
              setCancelling(null);
              onChanged();
            } catch (err) {
              message.error(errorText(err));
            }
          }}
        />
      ) : null}
    </>
  );
}

function WaitingTab({ e, canWrite, tick, onChanged }: { e: EventView; canWrite: boolean; tick: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<Registration | null>(null);
  const list = useRequest((signal) => api.get<Page<Registration>>(`/events/${e.id}/registrations`, { status: 'waiting', pageSize: 100 }, { signal }), [e.id, tick]);
  const rows = [...(list.data?.items ?? [])].sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
  return (
    <>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Registration>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('eventsAdmin.drawer.emptyWaiting') }}
        columns={[
          { title: t('eventsAdmin.drawer.position'), width: 90, dataIndex: 'waitingPosition' },
          { title: t('eventsAdmin.drawer.name'), dataIndex: 'name', width: 110 },
          { title: t('eventsAdmin.drawer.union'), width: 180, ellipsis: true, render: (_, r) => r.union?.name ?? '—' },
          { title: t('eventsAdmin.drawer.priority'), width: 80, dataIndex: 'priority', align: 'right' },
          {
            title: t('eventsAdmin.col.actions'),
            width: 110,
            render: (_, r) =>
              canWrite ? (
                <Button type="link" size="small" onClick={() => setMoving(r)}>
                  {t('eventsAdmin.drawer.changePriority')}
                </Button>
              ) : null,
          },
        ]}
      />
      {moving ? (
        <ReasonModal
          title={t('eventsAdmin.drawer.priorityTitle', { name: moving.name })}
          hint={t('eventsAdmin.drawer.priorityHint')}
          withPriority
          initialPriority={moving.priority}
          onClose={() => setMoving(null)}
          onSubmit={async ({ reason, priority }) => {
            try {
              await api.post(`/events/${e.id}/registrations/${moving.id}/priority`, { version: moving.version, priority, reason });
              setMoving(null);
              onChanged();
            } catch (err) {
              message.error(errorText(err));
            }
          }}
        />
      ) : null}
    </>
  );
}

function RosterTab({ e, onChanged }: { e: EventView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [waitlist, setWaitlist] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<GroupRegistrationResult | null>(null);
  const members = useRequest((signal) => api.get<Page<Member>>('/members', { q: q || undefined, status: 'active', orgId: scope?.id, pageSize: 50 }, { signal }), [q, scope?.id]);
  const names = new Map((members.data?.items ?? []).map((m) => [m.id, m.person.realName]));
  const submit = async () => {
    setBusy(true);
    try {
      const res = await api.post<GroupRegistrationResult>(`/events/${e.id}/registrations`, { membershipIds: selected, waitlist });
      setResult(res);
      setSelected([]);
      onChanged();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('eventsAdmin.drawer.rosterHint')}</Typography.Text>
      <Space wrap>
        <Input.Search allowClear placeholder={t('eventsAdmin.drawer.rosterSearch')} onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />
        <Checkbox checked={waitlist} onChange={(v) => setWaitlist(v.target.checked)}>
          {t('eventsAdmin.drawer.rosterWaitlist')}
        </Checkbox>
        <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => void submit()}>
          {t('eventsAdmin.drawer.rosterSubmit', { n: selected.length })}
        </Button>
      </Space>
      {members.error ? <ErrorAlert error={members.error} /> : null}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={members.loading}
        dataSource={members.data?.items ?? []}
        pagination={false}
        scroll={{ y: 320, x: 520 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('eventsAdmin.drawer.name'), width: 110, render: (_, m) => m.person.realName },
          { title: t('eventsAdmin.drawer.union'), ellipsis: true, render: (_, m) => m.org.name },
          { title: t('eventsAdmin.drawer.memberNumber'), dataIndex: 'memberNumber', width: 160 },
        ]}
      />
      {result ? (
        <>
          <Typography.Text strong>{t('eventsAdmin.drawer.rosterResult')}</Typography.Text>
          <Table
            size="small"
            rowKey="membershipId"
            dataSource={result.items}
            pagination={false}
            scroll={{ x: 520 }}
            columns={[
              { title: t('eventsAdmin.drawer.name'), width: 110, render: (_, r) => r.registration?.name ?? names.get(r.membershipId) ?? '—' },
              {
                title: t('eventsAdmin.drawer.rosterResult'),
                render: (_, r) =>
                  r.registration ? <Tag color={REG_COLORS[r.registration.status]}>{t(`eventsAdmin.regStatuses.${r.registration.status}`)}</Tag> : <Typography.Text type="danger">{r.error?.message}</Typography.Text>,
              },
            ]}
          />
        </>
      ) : null}
    </Space>
  );
}

function AttendanceTab({ e, canWrite, tick }: { e: EventView; canWrite: boolean; tick: number }) {
  const { t } = useTranslation();
  const a = useRequest((signal) => api.get<EventAttendance>(`/events/${e.id}/attendance`, undefined, { signal }), [e.id, tick]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {a.error ? <ErrorAlert error={a.error} onRetry={a.reload} /> : null}
      {a.data ? (
        <Space wrap size={32} data-testid="event-attendance">
          <Statistic title={t('eventsAdmin.drawer.registered')} value={a.data.registered} />
          <Statistic title={t('eventsAdmin.drawer.attended')} value={a.data.attended} />
          <Statistic title={t('eventsAdmin.drawer.walkIns')} value={a.data.walkIns} />
          <Statistic title={t('eventsAdmin.drawer.noShows')} value={a.data.noShows ?? t('eventsAdmin.drawer.notYet')} />
          <Statistic title={t('eventsAdmin.drawer.scans')} value={a.data.scans} />
          {e.type === 'training' ? <Statistic title={t('eventsAdmin.drawer.certified')} value={a.data.certified} /> : null}
        </Space>
      ) : null}
      {canWrite && e.status === 'published' ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('eventsAdmin.drawer.checkinHint')}</Typography.Text>
          <Typography.Link href={`/m/checkin/${e.id}`} target="_blank" rel="noopener noreferrer">
            {t('eventsAdmin.drawer.openCheckin')}
          </Typography.Link>
        </Space>
      ) : null}
    </Space>
  );
}

function SendLogTab({ e, tick }: { e: EventView; tick: number }) {
  const { t } = useTranslation();
  const log = useRequest((signal) => api.get<EventSendLog>(`/events/${e.id}/send-log`, undefined, { signal }), [e.id, tick]);
  return (
    <>
      {log.error ? <ErrorAlert error={log.error} onRetry={log.reload} /> : null}
      <Table
        size="small"
        rowKey={(r) => `${r.kind}-${r.at}`}
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('eventsAdmin.drawer.emptyLog') }}
        columns={[
          { title: t('eventsAdmin.drawer.logAt'), width: 140, render: (_, r) => formatDateTime(r.at) },
          { title: t('eventsAdmin.drawer.logKind'), width: 120, render: (_, r) => t(`eventsAdmin.notifyKinds.${r.kind.replace('.', '_')}`, { defaultValue: r.kind }) },
          { title: t('eventsAdmin.drawer.logTitle'), ellipsis: true, render: (_, r) => r.title },
          { title: t('eventsAdmin.drawer.logRecipients'), width: 90, align: 'right', dataIndex: 'recipients' },
          { title: t('eventsAdmin.drawer.logRead'), width: 70, align: 'right', dataIndex: 'read' },
          { title: t('eventsAdmin.drawer.logSms'), width: 130, render: (_, r) => `${r.sms.sent} / ${r.sms.failed}` },
        ]}
      />
    </>
  );
}
