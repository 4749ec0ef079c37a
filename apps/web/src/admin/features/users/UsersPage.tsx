import { PlusOutlined } from '@ant-design/icons';
import type { Page, User } from '@niangjia/contracts';
import { App, Button, Card, Dropdown, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { listPagination } from '../../components/list-pagination';
import { FilterActions } from '../../components/FilterActions';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { ROLES } from '../../../shared/domain';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { PhoneCell } from './PhoneCell';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './user-modals';
import { StatusTags, UserDrawer } from './UserDrawer';

type Filters = { q?: string; role?: string; status?: string };

export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const { userId } = useParams();
  const navigate = useNavigate();
  const canWrite = me.permissions.includes('user.write');
  const canReveal = me.permissions.includes('personal_data.reveal');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const list = useRequest((signal) => api.get<Page<User>>('/users', { ...filters, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);

  const act = async (label: string, run: () => Promise<unknown>) => {
    try {
      await run();
      message.success(label);
      list.reload();
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        message.warning(t('users.conflict.detail'));
        list.reload();
      } else message.error(errorText(e));
    }
  };

  const toggleStatus = (u: User) => {
    const disabling = u.status === 'active';
    modal.confirm({
      title: disabling ? t('users.disable.title', { name: u.displayName }) : t('users.enable.title', { name: u.displayName }),
      content: disabling ? t('users.disable.hint') : undefined,
      okText: disabling ? t('users.actions.disable') : t('users.actions.enable'),
      okButtonProps: { danger: disabling },
      cancelText: t('actions.cancel'),
      onOk: () => act(disabling ? t('users.disable.done') : t('users.enable.done'), () => api.patch(`/users/${u.id}`, { version: u.version, status: disabling ? 'disabled' : 'active' })),
    });
  };

  const isLocked = (u: User) => !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
  const hasFilters = !!(filters.q || filters.role || filters.status);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={filterForm}
          layout="inline"
          onFinish={(v) => {
            setFilters({ ...(v.q?.trim() ? { q: v.q.trim() } : {}), ...(v.role ? { role: v.role } : {}), ...(v.status ? { status: v.status } : {}) });
            setPage(1);
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('users.filters.keyword')}>
            <Input placeholder={t('users.filters.keywordPlaceholder')} allowClear style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="role" label={t('users.fields.role')}>
            <Select allowClear style={{ width: 160 }} placeholder={t('common.all')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('users.fields.status')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} options={['active', 'disabled'].map((s) => ({ value: s, label: t(`users.status.${s}`) }))} />
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
        title={
          <Space>
            {t('users.title')}
            {scope && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('users.scopeNote', { scope: scope.name })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create.title')}
            </Button>
          )
        }
      >
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<User>
          id="users"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty description={hasFilters ? t('users.emptyFiltered') : t('users.empty')}>
                {canWrite && !hasFilters && (
                  <Button type="primary" onClick={() => setCreating(true)}>
                    {t('users.create.title')}
                  </Button>
                )}
              </Empty>
            ),
          }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('users.fields.displayName'), key: 'displayName', dataIndex: 'displayName', width: 170, render: (v: string, u) => <a onClick={() => navigate(`/users/${u.id}`)}>{v}</a> },
            { title: t('users.fields.username'), key: 'username', dataIndex: 'username', width: 130, render: (v: string | null) => (v ? <span translate="no">{v}</span> : '—') },
            {
              title: t('users.fields.phone'),
              key: 'phoneMasked',
              dataIndex: 'phoneMasked',
              width: 170,
              render: (v: string | null, u) => <PhoneCell key={u.id} userId={u.id} masked={v} canReveal={canReveal} />,
            },
            {
              title: t('users.fields.roles'),
              key: 'grants',
              dataIndex: 'grants',
              render: (_: unknown, u) => (
                <Space size={[4, 4]} wrap>
                  {u.grants.map((g) => (
                    <Tag key={g.id}>
                      {t(`roles.${g.role}`)}
                      {g.org ? ` · ${g.org.name}` : ''}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('users.fields.status'), key: 'status', dataIndex: 'status', width: 170, render: (_: unknown, u) => <StatusTags user={u} /> },
            { title: t('users.fields.lastLoginAt'), key: 'lastLoginAt', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatDateTime(v) },
          ]}
          actions={(u) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => navigate(`/users/${u.id}`)}>
                {t('users.actions.detail')}
              </Button>
              {canWrite && (
                <>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    {t('users.actions.edit')}
                  </Button>
                  <Dropdown
                    menu={{
                      items: [
                        { key: 'status', label: u.status === 'active' ? t('users.actions.disable') : t('users.actions.enable'), danger: u.status === 'active' },
                        { key: 'password', label: t('users.actions.resetPassword') },
                        ...(isLocked(u) ? [{ key: 'unlock', label: t('users.actions.unlock') }] : []),
                      ],
                      onClick: ({ key }) => {
                        if (key === 'status') toggleStatus(u);
                        if (key === 'password') setResetting(u);
                        if (key === 'unlock') void act(t('users.unlock.done'), () => api.post(`/users/${u.id}/unlock`, {}));
                      },
                    }}
                  >
                    <Button type="link" size="small">
                      {t('common.more')}
                    </Button>
                  </Dropdown>
                </>
              )}
            </Space>
          )}
        />
      </Card>

      <CreateUserModal
        open={creating}
        defaultOrgId={scope?.id}
        onClose={() => setCreating(false)}
        onSaved={(u) => {
          setCreating(false);
          message.success(t('users.create.done', { name: u.displayName }));
          list.reload();
        }}
      />
      {editing && (
        <EditUserModal
          user={editing}
          open
          onClose={() => setEditing(null)}
          onStale={() => {
            setEditing(null);
            list.reload();
          }}
          onSaved={() => {
            setEditing(null);
            message.success(t('users.edit.done'));
            list.reload();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          open
          onClose={() => setResetting(null)}
          onStale={() => {
            setResetting(null);
            list.reload();
          }}
          onSaved={() => {
            setResetting(null);
            message.success(t('users.password.done'));
            list.reload();
          }}
        />
      )}
      {userId && <UserDrawer userId={userId} onClose={() => navigate('/users')} onChanged={list.reload} />}
    </Space>
  );
}
