import type { VolunteerActivity, VolunteerParticipant, VolunteerParticipants, VolunteerTeam, VolunteerTeamDetail, VolunteerTeamMember } from '@niangjia/contracts';
import { volunteerActivityStates } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, instantOfShanghaiPicker, shanghaiNow } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { IndicatorTiles } from '../figures/IndicatorTiles';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { MemberSelect } from './HonoursPage';
import { ActivityCancelModal, ActivityFields, ActivityEditModal, TeamEditModal } from './VolunteerEditModals';

const STATE_COLORS: Record<string, string> = { upcoming: 'blue', ongoing: 'orange', ended: 'red', confirmed: 'green', cancelled: 'default' };

/**
 * 劳模工匠 ▸ 志愿服务 (/honours/volunteers): volunteer teams with members and applicants, activities
 * with sign-ups and hours to confirm after the end, and the figures. `?activity=<id>` (the 待办's
 * link) opens that activity's hours.
 */
export function VolunteersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const activity = params.get('activity');
  return (
    <>
      <Tabs
        defaultActiveKey={activity ? 'activities' : 'teams'}
        items={[
          { key: 'teams', label: t('volunteerAdmin.tabs.teams'), children: <TeamsTab /> },
          { key: 'activities', label: t('volunteerAdmin.tabs.activities'), children: <ActivitiesTab /> },
          { key: 'figures', label: t('volunteerAdmin.tabs.figures'), children: <FiguresTab /> },
        ]}
      />
      {activity ? <HoursDrawer id={activity} onClose={() => setParams({})} /> : null}
    </>
  );
}

function TeamsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const [q, setQ] = useState<string | undefined>();
  const paged = usePagedList<VolunteerTeam>('/honours/volunteer/teams', { q, orgId: scope?.id });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Card
      size="small"
      title={<Input.Search allowClear style={{ width: 220 }} placeholder={t('volunteerAdmin.filter.teamQ')} onSearch={(v) => (setQ(v || undefined), paged.firstPage())} />}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="volunteer-new-team">
            {t('volunteerAdmin.newTeam')}
          </Button>
        ) : null
      }
    >
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<VolunteerTeam>
        id="volunteer-teams"
        rowKey="id"
        size="small"
        {...paged.table}
        locale={{ emptyText: <Empty description={t('volunteerAdmin.empty.teams')} /> }}
        columns={[
          {
            title: t('volunteerAdmin.col.team'),
            key: 'name',
            dataIndex: 'name',
            width: 240,
            priority: 1,
            ellipsis: true,
            render: (v: string, team) => (
              <Space size={4}>
                <span data-testid="volunteer-team-name">{v}</span>
                {team.dissolvedAt ? <Tag>{t('volunteerAdmin.dissolved')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('volunteerAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true, priority: 3 },
          { title: t('volunteerAdmin.col.leader'), key: 'leader', dataIndex: 'leaderName', width: 100, ellipsis: true },
          { title: t('volunteerAdmin.col.members'), key: 'members', dataIndex: 'members', width: 80, align: 'right' },
          { title: t('volunteerAdmin.col.pending'), key: 'pending', dataIndex: 'pending', width: 90, align: 'right', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
          { title: t('volunteerAdmin.col.activities'), key: 'activities', dataIndex: 'activities', width: 80, align: 'right' },
        ]}
        actions={(team) => (
          <Button type="link" size="small" onClick={() => setOpen(team.id)} data-testid="volunteer-team-open">
            {t('volunteerAdmin.detail')}
          </Button>
        )}
      />
      {open ? <TeamDrawer id={open} canWrite={canWrite} onClose={() => (setOpen(null), paged.list.reload())} /> : null}
      {creating ? <TeamModal onClose={() => setCreating(false)} onSaved={() => (setCreating(false), paged.list.reload())} /> : null}
    </Card>
  );
}

type TeamForm = { orgId: string; name: string; leaderMembershipId: string; description?: string };

function TeamModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<TeamForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['orgId', 'name', 'leaderMembershipId', 'description'], success: t('volunteerAdmin.saved') });
  const submit = async () => {
    await send(async (v) => {
      await api.post('/honours/volunteer/teams', { orgId: v.orgId, name: v.name, leaderMembershipId: v.leaderMembershipId, description: v.description || null });
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('volunteerAdmin.form.required', { field }) }];
  return (
    <Modal open width={560} title={t('volunteerAdmin.newTeam')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('volunteerAdmin.col.team')} rules={required(t('volunteerAdmin.col.team'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgId" label={t('volunteerAdmin.col.org')} rules={[{ required: true, message: t('volunteerAdmin.form.required', { field: t('volunteerAdmin.col.org') }) }]}>
          <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} id="volunteer-team-org" />
        </Form.Item>
        <Form.Item name="leaderMembershipId" label={t('volunteerAdmin.col.leader')} rules={[{ required: true, message: t('volunteerAdmin.form.required', { field: t('volunteerAdmin.col.leader') }) }]}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="description" label={t('volunteerAdmin.form.description')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TeamDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useRequest((signal) => api.get<VolunteerTeamDetail>(`/honours/volunteer/teams/${id}`, undefined, { signal }), [id]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [membershipId, setMembershipId] = useState<string | undefined>();
  const s = detail.data;
  const isLive = canWrite && s && !s.dissolvedAt;
  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      detail.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const addMember = async () => {
    if (!membershipId) return;
    await act(api.post(`/honours/volunteer/teams/${id}/members`, { membershipId }));
    setAdding(false);
    setMembershipId(undefined);
  };
  return (
    <Drawer
      open
      width={760}
      title={s?.name ?? ''}
      onClose={onClose}
      destroyOnHidden
      extra={
        isLive ? (
          <Space>
            <Button onClick={() => setEditing(true)} data-testid="volunteer-team-edit">
              {t('volunteerAdmin.edit')}
            </Button>
            <Popconfirm
              title={t('volunteerAdmin.dissolveConfirm')}
              okText={t('volunteerAdmin.dissolve')}
              okButtonProps={{ danger: true }}
              cancelText={t('actions.cancel')}
              onConfirm={() => act(api.post(`/honours/volunteer/teams/${id}/dissolve`).then(() => void message.success(t('volunteerAdmin.dissolvedToast'))))}
            >
              <Button danger data-testid="volunteer-team-dissolve">
                {t('volunteerAdmin.dissolve')}
              </Button>
            </Popconfirm>
          </Space>
        ) : s?.dissolvedAt ? (
          <Tag>{t('volunteerAdmin.dissolved')}</Tag>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {s ? (
        <>
          {editing ? <TeamEditModal team={s} onClose={() => setEditing(false)} onSaved={() => (setEditing(false), detail.reload())} /> : null}
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('volunteerAdmin.col.org')}>{s.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.col.leader')}>{s.leaderName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.form.description')} span={2}>
              {s.description ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <DataTable<VolunteerTeamMember>
            id="volunteer-team-members"
            rowKey="personId"
            size="small"
            columnSettings={false}
            dataSource={s.memberList}
            pagination={false}
            scrollY={420}
            toolbar={
              isLive ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('volunteerAdmin.addMember')}
                </Button>
              ) : undefined
            }
            columns={[
              {
                title: t('volunteerAdmin.col.person'),
                key: 'person',
                width: 170,
                render: (_: unknown, m) => (
                  <Space size={4}>
                    <span data-testid="volunteer-member-name">{m.personName}</span>
                    {m.isLeader ? <Tag color="red">{t('volunteerAdmin.leaderTag')}</Tag> : null}
                  </Space>
                ),
              },
              { title: t('volunteerAdmin.col.memberOrg'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
              {
                title: t('volunteerAdmin.col.status'),
                key: 'status',
                dataIndex: 'status',
                width: 90,
                render: (v: string) => <Tag color={v === 'active' ? 'green' : 'orange'}>{t(`volunteerAdmin.memberStatus.${v}`)}</Tag>,
              },
              { title: t('volunteerAdmin.col.hours'), key: 'hours', dataIndex: 'hours', width: 80, align: 'right' },
            ]}
            actions={(m) => (
              <Space size={0}>
                {canWrite && m.status === 'pending' ? (
                  <Button type="link" size="small" data-testid="volunteer-approve" onClick={() => void act(api.post(`/honours/volunteer/teams/${id}/members/${m.personId}/approve`))}>
                    {t('volunteerAdmin.approve')}
                  </Button>
                ) : null}
                {m.hours > 0 ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void api.download(`/honours/volunteer/persons/${m.personId}/certificate`, undefined, 'certificate.pdf').catch((e: unknown) => message.error(errorText(e)))}
                  >
                    {t('volunteerAdmin.certificate')}
                  </Button>
                ) : null}
                {canWrite && !m.isLeader ? (
                  <Popconfirm
                    title={m.status === 'pending' ? t('volunteerAdmin.reject') : t('volunteerAdmin.remove')}
                    okText={t('actions.confirm')}
                    cancelText={t('actions.cancel')}
                    onConfirm={() => act(api.delete(`/honours/volunteer/teams/${id}/members/${m.personId}`))}
                  >
                    <Button type="link" size="small" danger>
                      {m.status === 'pending' ? t('volunteerAdmin.reject') : t('volunteerAdmin.remove')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            )}
          />
          <Modal open={adding} title={t('volunteerAdmin.addMember')} onCancel={() => setAdding(false)} onOk={() => void addMember()} okButtonProps={{ disabled: !membershipId }} destroyOnHidden>
            <MemberSelect value={membershipId} onChange={setMembershipId} />
          </Modal>
        </>
      ) : null}
    </Drawer>
  );
}

function ActivitiesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const [filters, setFilters] = useState<{ q?: string; state?: string }>({});
  const paged = usePagedList<VolunteerActivity>('/honours/volunteer/activities', { ...filters, orgId: scope?.id });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<VolunteerActivity | null>(null);
  const [cancelling, setCancelling] = useState<VolunteerActivity | null>(null);
  const set = (patch: Partial<typeof filters>) => (setFilters((f) => ({ ...f, ...patch })), paged.firstPage());
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Input.Search allowClear style={{ width: 200 }} placeholder={t('volunteerAdmin.filter.activityQ')} onSearch={(q) => set({ q: q || undefined })} />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('volunteerAdmin.filter.state')}
            options={volunteerActivityStates.map((v) => ({ value: v, label: t(`volunteerAdmin.state.${v}`) }))}
            onChange={(state) => set({ state })}
            data-testid="volunteer-state-filter"
          />
        </Space>
      }
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('volunteerAdmin.newActivity')}
          </Button>
        ) : null
      }
    >
      {paged.list.error ? <ErrorAlert error={paged.list.error} onRetry={paged.list.reload} /> : null}
      <DataTable<VolunteerActivity>
        id="volunteer-activities"
        rowKey="id"
        size="small"
        {...paged.table}
        locale={{ emptyText: <Empty description={t('volunteerAdmin.empty.activities')} /> }}
        columns={[
          {
            title: t('volunteerAdmin.col.activity'),
            key: 'title',
            dataIndex: 'title',
            width: 200,
            priority: 1,
            ellipsis: true,
            render: (v: string) => <span data-testid="volunteer-activity-title">{v}</span>,
          },
          { title: t('volunteerAdmin.col.team'), key: 'team', dataIndex: 'teamName', width: 180, ellipsis: true, priority: 3 },
          { title: t('volunteerAdmin.col.startsAt'), key: 'startsAt', width: 140, render: (_: unknown, a) => formatDateTime(a.startsAt) },
          { title: t('volunteerAdmin.col.place'), key: 'place', dataIndex: 'place', width: 150, ellipsis: true, priority: 3 },
          { title: t('volunteerAdmin.col.signedUp'), key: 'signedUp', width: 80, align: 'right', render: (_: unknown, a) => `${a.signedUp}/${a.capacity}` },
          { title: t('volunteerAdmin.col.hours'), key: 'hours', dataIndex: 'hours', width: 70, align: 'right' },
          { title: t('volunteerAdmin.col.state'), key: 'state', dataIndex: 'state', width: 90, render: (v: string) => <Tag color={STATE_COLORS[v]}>{t(`volunteerAdmin.state.${v}`)}</Tag> },
        ]}
        actions={(a) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setOpen(a.id)} data-testid="volunteer-activity-open">
              {a.state === 'ended' && canWrite ? t('volunteerAdmin.confirmHours') : t('volunteerAdmin.participants')}
            </Button>
            {canWrite && a.state !== 'confirmed' && a.state !== 'cancelled' ? (
              <Button type="link" size="small" onClick={() => setEditing(a)} data-testid="volunteer-activity-edit">
                {t('volunteerAdmin.edit')}
              </Button>
            ) : null}
            {canWrite && a.state === 'upcoming' ? (
              <Button type="link" size="small" danger onClick={() => setCancelling(a)} data-testid="volunteer-activity-cancel">
                {t('volunteerAdmin.cancelActivity')}
              </Button>
            ) : null}
          </Space>
        )}
      />
      {open ? <HoursDrawer id={open} onClose={() => (setOpen(null), paged.list.reload())} /> : null}
      {editing ? <ActivityEditModal activity={editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), paged.list.reload())} /> : null}
      {cancelling ? <ActivityCancelModal activity={cancelling} onClose={() => setCancelling(null)} onSaved={() => (setCancelling(null), paged.list.reload())} /> : null}
      {creating ? <ActivityModal onClose={() => setCreating(false)} onSaved={() => (setCreating(false), paged.list.reload())} /> : null}
    </Card>
  );
}

type ActivityForm = { teamId: string; title: string; place: string; time: [Dayjs, Dayjs]; capacity: number; description?: string };

function ActivityModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { scope } = useScope();
  const [form] = Form.useForm<ActivityForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['teamId', 'title', 'place', 'capacity', 'description'], success: t('volunteerAdmin.saved') });
  const teams = useRequest((signal) => api.get<{ items: VolunteerTeam[] }>('/honours/volunteer/teams', { pageSize: 200, ...(scope ? { orgId: scope.id } : {}) }, { signal }), [scope?.id]);
  const submit = async () => {
    await send(async (v) => {
      await api.post('/honours/volunteer/activities', {
        teamId: v.teamId,
        title: v.title,
        place: v.place,
        startsAt: instantOfShanghaiPicker(v.time[0]),
        endsAt: instantOfShanghaiPicker(v.time[1]),
        capacity: v.capacity,
        description: v.description || null,
      });
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, message: t('volunteerAdmin.form.required', { field }) }];
  const start = shanghaiNow().add(1, 'day').startOf('hour');
  return (
    <Modal open width={600} title={t('volunteerAdmin.newActivity')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ capacity: 10, time: [start, start.add(3, 'hour')] }}>
        <Form.Item name="teamId" label={t('volunteerAdmin.col.team')} rules={required(t('volunteerAdmin.col.team'))}>
          <Select options={(teams.data?.items ?? []).filter((x) => !x.dissolvedAt).map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('volunteerAdmin.col.activity')} rules={required(t('volunteerAdmin.col.activity'))}>
          <Input maxLength={100} />
        </Form.Item>
        <ActivityFields />
      </Form>
    </Modal>
  );
}

/** 参与人员 / 确认服务时长: hours per participant (half hours, at most the activity's length); a walk-in of the team is added (补录). */
function HoursDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('honours.write');
  const data = useRequest((signal) => api.get<VolunteerParticipants>(`/honours/volunteer/activities/${id}/participants`, undefined, { signal }), [id]);
  const [hours, setHours] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [walkIn, setWalkIn] = useState<string | undefined>();
  const a = data.data?.activity;
  const team = useRequest((signal) => (a && canWrite ? api.get<VolunteerTeamDetail>(`/honours/volunteer/teams/${a.teamId}`, undefined, { signal }) : Promise.resolve(null)), [a?.teamId]);
  const length = a ? Math.round(((new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime()) / 3_600_000) * 2) / 2 : 0;
  const editable = canWrite && a && (a.state === 'ended' || a.state === 'confirmed');
  const valueOf = (p: VolunteerParticipant) => (p.signupId in hours ? hours[p.signupId] : (p.hours ?? (a?.state === 'ended' ? length : null)));
  const save = async () => {
    if (!data.data) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(`/honours/volunteer/activities/${id}/hours`, { hours: data.data.items.map((p) => ({ signupId: p.signupId, hours: valueOf(p) ?? 0 })) });
      void message.success(t('volunteerAdmin.hoursSaved'));
      setHours({});
      data.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const addWalkIn = async () => {
    if (!walkIn) return;
    try {
      await api.post(`/honours/volunteer/activities/${id}/participants`, { personId: walkIn });
      setWalkIn(undefined);
      data.reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const taken = new Set(data.data?.items.map((p) => p.personId));
  return (
    <Drawer
      open
      width={720}
      title={a?.title ?? ''}
      onClose={onClose}
      destroyOnHidden
      extra={
        editable ? (
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="volunteer-hours-save">
            {t('volunteerAdmin.confirmHours')}
          </Button>
        ) : null
      }
    >
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      {a ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('volunteerAdmin.col.team')}>{a.teamName}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.col.state')}>
              <Tag color={STATE_COLORS[a.state]} data-testid="volunteer-activity-state">
                {t(`volunteerAdmin.state.${a.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.form.time')}>
              {formatDateTime(a.startsAt)} — {formatDateTime(a.endsAt).slice(11)}
            </Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.col.place')}>{a.place}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.col.signedUp')}>{`${a.signedUp}/${a.capacity}`}</Descriptions.Item>
            <Descriptions.Item label={t('volunteerAdmin.col.hours')}>{a.hours}</Descriptions.Item>
            {a.state === 'cancelled' && a.cancelReason ? (
              <Descriptions.Item label={t('volunteerAdmin.cancelReason')} span={2}>
                <span data-testid="volunteer-activity-cancel-reason">{a.cancelReason}</span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {editable ? <div style={{ marginBottom: 8, color: '#666' }}>{t('volunteerAdmin.hoursHint', { max: length })}</div> : null}
          <DataTable<VolunteerParticipant>
            id="volunteer-participants"
            rowKey="signupId"
            size="small"
            columnSettings={false}
            dataSource={data.data?.items ?? []}
            pagination={false}
            scrollY={400}
            locale={{ emptyText: <Empty description={t('volunteerAdmin.empty.participants')} /> }}
            toolbar={
              canWrite && a.state !== 'upcoming' && a.state !== 'cancelled' && team.data ? (
                <Space.Compact>
                  <Select
                    size="small"
                    style={{ width: 200 }}
                    placeholder={t('volunteerAdmin.walkIn')}
                    value={walkIn}
                    onChange={setWalkIn}
                    data-testid="volunteer-walk-in"
                    options={team.data.memberList.filter((m) => m.status === 'active' && !taken.has(m.personId)).map((m) => ({ value: m.personId, label: m.personName }))}
                  />
                  <Button size="small" disabled={!walkIn} onClick={() => void addWalkIn()} data-testid="volunteer-walk-in-add">
                    {t('volunteerAdmin.add')}
                  </Button>
                </Space.Compact>
              ) : undefined
            }
            columns={[
              { title: t('volunteerAdmin.col.person'), key: 'person', dataIndex: 'personName', width: 140, render: (v: string) => <span data-testid="volunteer-participant-name">{v}</span> },
              { title: t('volunteerAdmin.col.memberOrg'), key: 'org', dataIndex: 'orgName', width: 200, ellipsis: true },
              {
                title: t('volunteerAdmin.col.hoursServed'),
                key: 'hours',
                width: 130,
                render: (_: unknown, p) =>
                  editable ? (
                    <InputNumber
                      size="small"
                      min={0}
                      max={length}
                      step={0.5}
                      value={valueOf(p)}
                      onChange={(v) => setHours((h) => ({ ...h, [p.signupId]: v }))}
                      data-testid="volunteer-hours-input"
                      aria-label={t('volunteerAdmin.col.hoursServed')}
                      style={{ width: 100 }}
                    />
                  ) : (
                    (p.hours ?? '—')
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

const KEYS = ['volunteer.activities', 'volunteer.volunteers', 'volunteer.hours'];

/** 统计: the catalogue's three volunteering indicators at the header scope (the numbers 数据中心 shows). */
function FiguresTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  if (!me.permissions.includes('figures.read') || !scope) return <Empty description={t('volunteerAdmin.empty.figures')} />;
  return <IndicatorTiles orgId={scope.id} keys={KEYS} title={t('volunteerAdmin.tabs.figures')} periodSwitch />;
}
