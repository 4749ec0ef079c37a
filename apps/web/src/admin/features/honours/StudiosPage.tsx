import type { Studio, StudioDetail, StudioMember, StudioPatent, StudioProject } from '@niangjia/contracts';
import { honourLevels, patentKinds, studioStatuses } from '@niangjia/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDate, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DrawerList } from '../../components/DrawerList';
import { EnumSelect, PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormSubmit } from '../../components/use-form-submit';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { usePagedList } from '../../components/use-paged-list';
import { useScope } from '../../layout/scope';
import { MemberSelect } from './HonoursPage';

const today = () => formatDate(new Date());

/** 劳模工匠 ▸ 创新工作室 (/honours/studios): studios in scope with their outcomes; a detail drawer with members, projects and patents. */
export function StudiosPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('honours.write');
  const [filters, setFilters] = useState<{ q?: string; level?: string; status?: string }>({});
  const paged = usePagedList<Studio>('/honours/studios', { ...filters, orgId: scope?.id });
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Studio | 'new' | null>(null);
  const set = (patch: Partial<typeof filters>) => (setFilters((f) => ({ ...f, ...patch })), paged.firstPage());
  return (
    <>
      <PagedList<Studio>
        paged={paged}
        id="honours-studios"
        filters={
          <>
            <Input.Search allowClear style={{ width: 200 }} placeholder={t('honoursAdmin.filter.studioQ')} onSearch={(q) => set({ q: q || undefined })} />
            <EnumSelect values={honourLevels} labels="honoursAdmin.level" placeholder={t('honoursAdmin.filter.level')} width={120} onChange={(level) => set({ level })} />
            <EnumSelect values={studioStatuses} labels="honoursAdmin.studioStatus" placeholder={t('honoursAdmin.filter.status')} width={120} onChange={(status) => set({ status })} />
          </>
        }
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('honoursAdmin.newStudio')}
            </Button>
          ) : null
        }
        empty={t('honoursAdmin.empty.studios')}
        columns={[
          { title: t('honoursAdmin.col.studio'), key: 'name', dataIndex: 'name', width: 240, priority: 1, ellipsis: true },
          { title: t('honoursAdmin.col.leader'), key: 'leader', dataIndex: 'leaderName', width: 100, ellipsis: true },
          { title: t('honoursAdmin.col.level'), key: 'level', dataIndex: 'level', width: 80, render: (v: string) => t(`honoursAdmin.level.${v}`) },
          { title: t('honoursAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 180, ellipsis: true, priority: 3 },
          { title: t('honoursAdmin.col.members'), key: 'members', dataIndex: 'members', width: 70, align: 'right' },
          { title: t('honoursAdmin.col.innovations'), key: 'innovations', dataIndex: 'innovations', width: 90, align: 'right' },
          { title: t('honoursAdmin.col.inventions'), key: 'inventions', dataIndex: 'inventions', width: 70, align: 'right' },
          { title: t('honoursAdmin.col.patents'), key: 'patents', dataIndex: 'patents', width: 70, align: 'right' },
          {
            title: t('honoursAdmin.col.status'),
            key: 'status',
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`honoursAdmin.studioStatus.${v}`)}</Tag>,
          },
        ]}
        actions={(s) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setOpen(s.id)}>
              {t('honoursAdmin.detail')}
            </Button>
            {canWrite && s.status === 'active' ? (
              <Button type="link" size="small" onClick={() => setEditing(s)}>
                {t('honoursAdmin.edit')}
              </Button>
            ) : null}
          </Space>
        )}
      />
      {open ? <StudioDrawer id={open} canWrite={canWrite} onClose={() => (setOpen(null), paged.list.reload())} /> : null}
      {editing ? <StudioModal studio={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => (setEditing(null), paged.list.reload())} /> : null}
    </>
  );
}

type StudioForm = { name: string; level: string; orgId?: string; leaderMembershipId: string; field?: string; foundedOn: string; status?: string };

/** 新建/修改工作室: the leader is picked among members and must hold an active honour (the server says so on the field). */
function StudioModal({ studio, onClose, onSaved }: { studio: Studio | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<StudioForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['name', 'level', 'orgId', 'leaderMembershipId', 'field', 'foundedOn'], success: t('honoursAdmin.saved') });
  const submit = async () => {
    await send(async (v) => {
      const body = { name: v.name, level: v.level, leaderMembershipId: v.leaderMembershipId, field: v.field || null, foundedOn: v.foundedOn };
      if (studio) await api.put(`/honours/studios/${studio.id}`, { ...body, status: v.status ?? 'active', version: studio.version });
      else await api.post('/honours/studios', { ...body, orgId: v.orgId });
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, message: t('honoursAdmin.form.required', { field }) }];
  return (
    <Modal open width={560} title={studio ? t('honoursAdmin.editStudio') : t('honoursAdmin.newStudio')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          studio ? { name: studio.name, level: studio.level, field: studio.field ?? undefined, foundedOn: studio.foundedOn, status: studio.status } : { level: 'district', foundedOn: today() }
        }
      >
        <Form.Item name="name" label={t('honoursAdmin.form.name')} rules={required(t('honoursAdmin.form.name'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="level" label={t('honoursAdmin.col.level')} rules={required(t('honoursAdmin.col.level'))}>
            <Select style={{ width: 120 }} options={honourLevels.map((v) => ({ value: v, label: t(`honoursAdmin.level.${v}`) }))} />
          </Form.Item>
          <Form.Item name="foundedOn" label={t('honoursAdmin.col.founded')} rules={required(t('honoursAdmin.col.founded'))}>
            <Input type="date" max={today()} style={{ width: 170 }} />
          </Form.Item>
          {studio ? (
            <Form.Item name="status" label={t('honoursAdmin.col.status')}>
              <Select style={{ width: 120 }} options={studioStatuses.map((v) => ({ value: v, label: t(`honoursAdmin.studioStatus.${v}`) }))} />
            </Form.Item>
          ) : null}
        </Space>
        {studio ? null : (
          <Form.Item name="orgId" label={t('honoursAdmin.form.org')} rules={required(t('honoursAdmin.form.org'))}>
            <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} id="honours-studio-org" />
          </Form.Item>
        )}
        <Form.Item name="leaderMembershipId" label={t('honoursAdmin.form.leader')} rules={required(t('honoursAdmin.form.leader'))} extra={studio ? studio.leaderName : undefined}>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="field" label={t('honoursAdmin.col.field')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StudioDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detail = useRequest((signal) => api.get<StudioDetail>(`/honours/studios/${id}`, undefined, { signal }), [id]);
  const [adding, setAdding] = useState<Adding | null>(null);
  const s = detail.data;
  const isOpen = canWrite && s?.status === 'active';
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
    detail.reload();
  };
  const add = (what: 'member' | 'project' | 'patent', label: string) => (isOpen ? { label, onClick: () => setAdding({ what, item: null }), testId: `studio-add-${what}` } : undefined);
  const removing = (title: string, onConfirm: () => void, testId: string) => (
    <Popconfirm title={title} okText={t('actions.confirm')} cancelText={t('actions.cancel')} onConfirm={onConfirm}>
      <Button type="link" size="small" danger data-testid={testId}>
        {t('honoursAdmin.removeItem')}
      </Button>
    </Popconfirm>
  );
  const edit = (onClick: () => void, testId: string) => (
    <Button type="link" size="small" onClick={onClick} data-testid={testId}>
      {t('honoursAdmin.edit')}
    </Button>
  );
  return (
    <Drawer open width={820} title={s?.name ?? ''} onClose={onClose} destroyOnHidden>
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {s ? (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('honoursAdmin.col.leader')}>{s.leaderName}</Descriptions.Item>
            <Descriptions.Item label={t('honoursAdmin.col.level')}>{t(`honoursAdmin.level.${s.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('honoursAdmin.col.founded')}>{s.foundedOn}</Descriptions.Item>
            <Descriptions.Item label={t('honoursAdmin.col.org')}>{s.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('honoursAdmin.col.field')}>{s.field ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('honoursAdmin.col.saved')}>{formatMoney(s.savedFen)}</Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'members',
                label: `${t('honoursAdmin.studioTabs.members')} (${s.memberList.length})`,
                children: (
                  <DrawerList<StudioMember>
                    id="honours-studio-members"
                    rowKey="personId"
                    items={s.memberList}
                    add={add('member', t('honoursAdmin.addMember'))}
                    emptyText={t('honoursAdmin.empty.list')}
                    columns={[
                      {
                        title: t('honoursAdmin.col.person'),
                        key: 'person',
                        width: 180,
                        render: (_: unknown, m) => (
                          <Space>
                            {m.personName}
                            {m.isLeader ? <Tag color="red">{t('honoursAdmin.leaderTag')}</Tag> : null}
                          </Space>
                        ),
                      },
                      { title: t('honoursAdmin.col.org'), key: 'org', dataIndex: 'orgName', width: 260, ellipsis: true },
                    ]}
                    actions={
                      isOpen
                        ? (m) =>
                            m.isLeader ? null : (
                              <Popconfirm
                                title={t('honoursAdmin.removeMember')}
                                okText={t('actions.confirm')}
                                cancelText={t('actions.cancel')}
                                onConfirm={() => run(() => api.delete(`/honours/studios/${id}/members/${m.personId}`))}
                              >
                                <Button type="link" size="small" danger>
                                  {t('honoursAdmin.removeMember')}
                                </Button>
                              </Popconfirm>
                            )
                        : undefined
                    }
                  />
                ),
              },
              {
                key: 'projects',
                label: `${t('honoursAdmin.studioTabs.projects')} (${s.projectList.length})`,
                children: (
                  <DrawerList<StudioProject>
                    id="honours-studio-projects"
                    rowKey="id"
                    items={s.projectList}
                    add={add('project', t('honoursAdmin.addProject'))}
                    emptyText={t('honoursAdmin.empty.list')}
                    columns={[
                      { title: t('honoursAdmin.col.studio'), key: 'name', dataIndex: 'name', width: 200, ellipsis: true, priority: 1 },
                      { title: t('honoursAdmin.col.year'), key: 'year', dataIndex: 'year', width: 70 },
                      { title: t('honoursAdmin.col.innovations'), key: 'innovations', dataIndex: 'innovations', width: 90, align: 'right' },
                      { title: t('honoursAdmin.col.inventions'), key: 'inventions', dataIndex: 'inventions', width: 70, align: 'right' },
                      { title: t('honoursAdmin.col.patents'), key: 'patents', dataIndex: 'patents', width: 70, align: 'right' },
                      { title: t('honoursAdmin.col.saved'), key: 'saved', dataIndex: 'savedFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
                      { title: t('honoursAdmin.col.outcome'), key: 'outcome', dataIndex: 'outcome', width: 200, ellipsis: true, priority: 3 },
                    ]}
                    actions={
                      isOpen
                        ? (p) => (
                            <Space size={0}>
                              {edit(() => setAdding({ what: 'project', item: p }), 'project-edit')}
                              {removing(t('honoursAdmin.removeProjectConfirm', { name: p.name }), () => void run(() => api.delete(`/honours/studio-projects/${p.id}`)), 'project-remove')}
                            </Space>
                          )
                        : undefined
                    }
                  />
                ),
              },
              {
                key: 'patents',
                label: `${t('honoursAdmin.studioTabs.patents')} (${s.patentList.length})`,
                children: (
                  <DrawerList<StudioPatent>
                    id="honours-studio-patents"
                    rowKey="id"
                    items={s.patentList}
                    add={add('patent', t('honoursAdmin.addPatent'))}
                    emptyText={t('honoursAdmin.empty.list')}
                    columns={[
                      { title: t('honoursAdmin.col.patentNumber'), key: 'number', dataIndex: 'patentNumber', width: 170, priority: 1 },
                      { title: t('honoursAdmin.col.studio'), key: 'title', dataIndex: 'title', width: 200, ellipsis: true },
                      { title: t('honoursAdmin.col.kind'), key: 'kind', dataIndex: 'kind', width: 90, render: (v: string) => t(`honoursAdmin.patentKind.${v}`) },
                      { title: t('honoursAdmin.col.holders'), key: 'holders', dataIndex: 'holders', width: 140, ellipsis: true, priority: 3 },
                      { title: t('honoursAdmin.col.granted'), key: 'granted', dataIndex: 'grantedOn', width: 110, render: (v: string | null) => v ?? '—' },
                    ]}
                    actions={
                      isOpen
                        ? (p) => (
                            <Space size={0}>
                              {edit(() => setAdding({ what: 'patent', item: p }), 'patent-edit')}
                              {removing(t('honoursAdmin.removePatentConfirm', { name: p.title }), () => void run(() => api.delete(`/honours/studio-patents/${p.id}`)), 'patent-remove')}
                            </Space>
                          )
                        : undefined
                    }
                  />
                ),
              },
            ]}
          />
          {adding ? <AddModal studio={s} adding={adding} onClose={() => setAdding(null)} onSaved={() => (setAdding(null), detail.reload())} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

type Adding = { what: 'member'; item: null } | { what: 'project'; item: StudioProject | null } | { what: 'patent'; item: StudioPatent | null };

type AddForm = {
  membershipId?: string;
  name?: string;
  year?: number;
  innovations?: number;
  inventions?: number;
  savedYuan?: number;
  outcome?: string;
  projectId?: string;
  patentNumber?: string;
  title?: string;
  kind?: string;
  holders?: string;
  grantedOn?: string;
};

/** 添加成员, 添加/修改项目, 登记/修改专利 of a studio. */
function AddModal({ studio, adding, onClose, onSaved }: { studio: StudioDetail; adding: Adding; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { what } = adding;
  const [form] = Form.useForm<AddForm>();
  const { submit: send, saving, error } = useFormSubmit(form, { fields: ['membershipId', 'name', 'year', 'projectId', 'patentNumber', 'title', 'kind', 'holders', 'grantedOn'] });
  const submit = async () => {
    await send(async (v) => {
      if (what === 'member') await api.post(`/honours/studios/${studio.id}/members`, { membershipId: v.membershipId });
      if (adding.what === 'project') {
        const body = { name: v.name, year: v.year, innovations: v.innovations ?? 0, inventions: v.inventions ?? 0, savedFen: Math.round((v.savedYuan ?? 0) * 100), outcome: v.outcome || null };
        await (adding.item ? api.put(`/honours/studio-projects/${adding.item.id}`, body) : api.post(`/honours/studios/${studio.id}/projects`, body));
      }
      if (adding.what === 'patent') {
        const body = { projectId: v.projectId ?? null, patentNumber: v.patentNumber, title: v.title, kind: v.kind, holders: v.holders, grantedOn: v.grantedOn || null };
        await (adding.item ? api.put(`/honours/studio-patents/${adding.item.id}`, body) : api.post(`/honours/studios/${studio.id}/patents`, body));
      }
      onSaved();
    });
  };
  const required = (field: string) => [{ required: true, whitespace: true, message: t('honoursAdmin.form.required', { field }) }];
  const isNew = adding.item === null;
  const title =
    what === 'member'
      ? t('honoursAdmin.addMember')
      : what === 'project'
        ? t(isNew ? 'honoursAdmin.addProject' : 'honoursAdmin.editProject')
        : t(isNew ? 'honoursAdmin.addPatent' : 'honoursAdmin.editPatent');
  const initialValues: AddForm =
    adding.what === 'project' && adding.item
      ? {
          name: adding.item.name,
          year: adding.item.year,
          innovations: adding.item.innovations,
          inventions: adding.item.inventions,
          savedYuan: adding.item.savedFen / 100,
          outcome: adding.item.outcome ?? undefined,
        }
      : adding.what === 'patent' && adding.item
        ? {
            patentNumber: adding.item.patentNumber,
            title: adding.item.title,
            kind: adding.item.kind,
            holders: adding.item.holders,
            grantedOn: adding.item.grantedOn ?? undefined,
            projectId: adding.item.projectId ?? undefined,
          }
        : { year: Number(today().slice(0, 4)), kind: 'utility_model' };
  return (
    <Modal open title={`${title} · ${studio.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      {error ? <ErrorAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {what === 'member' ? (
          <Form.Item name="membershipId" label={t('honoursAdmin.form.member')} rules={[{ required: true, message: t('honoursAdmin.form.required', { field: t('honoursAdmin.form.member') }) }]}>
            <MemberSelect />
          </Form.Item>
        ) : null}
        {what === 'project' ? (
          <>
            <Form.Item name="name" label={t('honoursAdmin.col.studio')} rules={required(t('honoursAdmin.col.studio'))}>
              <Input maxLength={100} />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item name="year" label={t('honoursAdmin.col.year')} rules={[{ required: true }]}>
                <InputNumber min={1950} max={2100} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="innovations" label={t('honoursAdmin.col.innovations')}>
                <InputNumber min={0} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="inventions" label={t('honoursAdmin.col.inventions')}>
                <InputNumber min={0} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="savedYuan" label={t('honoursAdmin.col.saved')}>
                <InputNumber min={0} precision={2} style={{ width: 150 }} />
              </Form.Item>
            </Space>
            <Form.Item name="outcome" label={t('honoursAdmin.col.outcome')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {what === 'patent' ? (
          <>
            <Form.Item name="patentNumber" label={t('honoursAdmin.col.patentNumber')} rules={required(t('honoursAdmin.col.patentNumber'))}>
              <Input maxLength={40} placeholder="ZL202420000001.5" />
            </Form.Item>
            <Form.Item name="title" label={t('honoursAdmin.col.studio')} rules={required(t('honoursAdmin.col.studio'))}>
              <Input maxLength={200} />
            </Form.Item>
            <Space size={16} wrap>
              <Form.Item name="kind" label={t('honoursAdmin.col.kind')} rules={[{ required: true }]}>
                <Select style={{ width: 140 }} options={patentKinds.map((v) => ({ value: v, label: t(`honoursAdmin.patentKind.${v}`) }))} />
              </Form.Item>
              <Form.Item name="grantedOn" label={t('honoursAdmin.col.granted')}>
                <Input type="date" max={today()} style={{ width: 170 }} />
              </Form.Item>
            </Space>
            <Form.Item name="holders" label={t('honoursAdmin.col.holders')} rules={required(t('honoursAdmin.col.holders'))}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="projectId" label={t('honoursAdmin.col.projects')}>
              <Select allowClear options={studio.projectList.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
