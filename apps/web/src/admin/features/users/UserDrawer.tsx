import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@niangjia/contracts';
import { Alert, App, Button, Descriptions, Divider, Drawer, Form, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, describeError, errorText } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PhoneCell } from './PhoneCell';
import { RoleOrgFields } from './user-modals';

/** One user's details and role grants, opened from the list (/users/:id). */
export function UserDrawer({ userId, onClose, onChanged }: { userId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('user.write');
  const user = useRequest((signal) => api.get<User>(`/users/${userId}`, undefined, { signal }), [userId]);
  const [form] = Form.useForm<{ role: Role; orgId?: string }>();
  const [adding, setAdding] = useState(false);
  const [grantError, setGrantError] = useState<unknown>(null);

  const addGrant = async (v: { role: Role; orgId?: string }) => {
    setGrantError(null);
    try {
      await api.post(`/users/${userId}/role-grants`, { role: v.role, orgId: v.role === 'platform_admin' ? null : (v.orgId ?? null) });
      message.success(t('users.grants.added'));
      form.resetFields();
      setAdding(false);
      user.reload();
      onChanged();
    } catch (e) {
      applyServerErrors(form, e, ['role', 'orgId']);
      setGrantError(e);
    }
  };

  const removeGrant = async (grantId: string) => {
    try {
      await api.delete(`/users/${userId}/role-grants/${grantId}`);
      message.success(t('users.grants.removed'));
      user.reload();
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const u = user.data;
  const problem = grantError ? describeError(grantError) : null;
  return (
    <Drawer open onClose={onClose} size={520} title={u ? u.displayName : t('users.detail')} destroyOnHidden>
      {user.error ? <ErrorAlert error={user.error} onRetry={user.reload} /> : null}
      {!u ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('users.fields.username')}>{u.username ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('users.fields.displayName')}>{u.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.fields.phone')}>
              <PhoneCell userId={u.id} masked={u.phoneMasked} canReveal={me.permissions.includes('personal_data.reveal')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('users.fields.status')}>
              <StatusTags user={u} />
            </Descriptions.Item>
            <Descriptions.Item label={t('users.fields.lastLoginAt')}>{formatDateTime(u.lastLoginAt)}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(u.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('users.grants.title')}</Divider>
          <List
            dataSource={u.grants}
            locale={{ emptyText: t('users.grants.empty') }}
            renderItem={(g) => (
              <List.Item
                actions={
                  canWrite
                    ? [
                        <Popconfirm key="rm" title={t('users.grants.removeConfirm')} onConfirm={() => removeGrant(g.id)} okText={t('users.grants.remove')} cancelText={t('actions.cancel')}>
                          <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={t('users.grants.remove')} />
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space>
                  <Tag color="red">{t(`roles.${g.role}`)}</Tag>
                  <Typography.Text>{g.org ? g.org.name : t('users.grants.platformWide')}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {canWrite &&
            (adding ? (
              <div style={{ marginTop: 12, padding: 16, background: '#fafafa', borderRadius: 8 }}>
                {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem.title} description={problem.detail} />}
                <Form form={form} layout="vertical" onFinish={(v) => void addGrant(v)}>
                  <RoleOrgFields />
                  <Space>
                    <Button type="primary" htmlType="submit">{t('users.grants.add')}</Button>
                    <Button onClick={() => setAdding(false)}>{t('actions.cancel')}</Button>
                  </Space>
                </Form>
              </div>
            ) : (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 12 }}>
                {t('users.grants.add')}
              </Button>
            ))}
        </>
      )}
    </Drawer>
  );
}

export function StatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  const locked = user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <Space size={4} wrap>
      <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`users.status.${user.status}`)}</Tag>
      {locked && <Tag color="orange">{t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}</Tag>}
    </Space>
  );
}
