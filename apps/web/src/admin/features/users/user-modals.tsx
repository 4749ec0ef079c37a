import type { Role, User } from '@niangjia/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, describeError } from '../../../shared/api';
import { ROLES } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { PHONE_INPUT_MAX, phoneRule } from '../../../shared/members';
import { useMe } from '../../../shared/session';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

const USERNAME = /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/;

function useFormState() {
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const problem = error ? describeError(error) : null;
  const banner = problem ? (
    <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={[problem.detail, ...unplaced].filter(Boolean).join('；') || undefined} />
  ) : null;
  return { error, setError, setUnplaced, saving, setSaving, banner };
}

function useConflict(onStale: () => void) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (e: unknown) => {
    if (!(e instanceof ApiError && e.isConflict)) return false;
    modal.warning({ title: t('users.conflict.title'), content: t('users.conflict.detail'), onOk: onStale });
    return true;
  };
}

export function RoleOrgFields({ roleName = 'role', orgName = 'orgId' }: { roleName?: string; orgName?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = Form.useFormInstance();
  const role = Form.useWatch(roleName, form) as Role | undefined;
  // Only a platform administrator may grant platform-wide roles; the server checks this too.
  const roles = ROLES.filter((r) => r !== 'platform_admin' || me.grants.some((g) => g.role === 'platform_admin'));
  return (
    <>
      <Form.Item name={roleName} label={t('users.fields.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} placeholder={t('users.form.rolePlaceholder')} />
      </Form.Item>
      <Form.Item
        name={orgName}
        label={t('users.fields.org')}
        extra={role === 'platform_admin' ? t('users.form.platformNoOrg') : t('users.form.orgHint')}
        rules={[{ required: role !== 'platform_admin', message: t('users.form.orgRequired') }]}
      >
        <OrgTreeSelect roots={me.scopeRoots} style={{ width: '100%' }} allowClear />
      </Form.Item>
    </>
  );
}

type CreateValues = { username: string; displayName: string; phone?: string; password: string; role: Role; orgId?: string };

export function CreateUserModal({ open, onClose, onSaved, defaultOrgId }: { open: boolean; onClose: () => void; onSaved: (u: User) => void; defaultOrgId?: string | undefined }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const s = useFormState();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ role: 'union_staff', ...(defaultOrgId ? { orgId: defaultOrgId } : {}) });
      s.setError(null);
    }
  }, [open]);

  const submit = async (v: CreateValues) => {
    s.setSaving(true);
    s.setError(null);
    try {
      const body = { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, role: v.role, phone: v.phone?.trim() || null, orgId: v.role === 'platform_admin' ? null : (v.orgId ?? null) };
      onSaved(await api.post<User>('/users', body));
    } catch (e) {
      s.setUnplaced(applyServerErrors(form, e, ['username', 'displayName', 'phone', 'password', 'role', 'orgId']));
      s.setError(e);
    } finally {
      s.setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('users.create.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('users.create.ok')} cancelText={t('actions.cancel')} confirmLoading={s.saving} destroyOnHidden maskClosable={false} width={560}>
      {s.banner}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
        <Form.Item name="username" label={t('users.fields.username')} extra={t('users.form.usernameHint')} rules={[{ required: true, message: t('users.form.usernameRequired') }, { pattern: USERNAME, message: t('users.form.usernameFormat') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }, { max: 40, message: t('common.maxLength', { n: 40 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('users.fields.phone')} rules={[phoneRule(t('users.form.phoneFormat'))]}>
          <Input inputMode="tel" maxLength={PHONE_INPUT_MAX} />
        </Form.Item>
        <Form.Item name="password" label={t('users.fields.initialPassword')} extra={t('users.form.passwordHint')} rules={[{ required: true, message: t('users.form.passwordRequired') }, { min: 10, message: t('users.form.passwordLength') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleOrgFields />
      </Form>
    </Modal>
  );
}

export function EditUserModal({ user, open, onClose, onSaved, onStale }: { user: User; open: boolean; onClose: () => void; onSaved: (u: User) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ displayName: string; phone?: string }>();
  const s = useFormState();
  const conflict = useConflict(onStale);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ displayName: user.displayName, phone: '' });
      s.setError(null);
    }
  }, [open, user]);

  const submit = async (v: { displayName: string; phone?: string }) => {
    s.setSaving(true);
    s.setError(null);
    try {
      const body: Record<string, unknown> = { version: user.version };
      if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
      if (v.phone?.trim()) body.phone = v.phone.trim();
      onSaved(await api.patch<User>(`/users/${user.id}`, body));
    } catch (e) {
      if (!conflict(e)) {
        s.setUnplaced(applyServerErrors(form, e, ['displayName', 'phone']));
        s.setError(e);
      }
    } finally {
      s.setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('users.edit.title', { name: user.displayName })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('actions.cancel')} confirmLoading={s.saving} destroyOnHidden>
      {s.banner}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="displayName" label={t('users.fields.displayName')} rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }, { max: 40, message: t('common.maxLength', { n: 40 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('users.fields.newPhone')} extra={t('users.form.phoneKeep', { masked: user.phoneMasked ?? t('common.notSet') })} rules={[phoneRule(t('users.form.phoneFormat'))]}>
          <Input inputMode="tel" maxLength={PHONE_INPUT_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, open, onClose, onSaved, onStale }: { user: User; open: boolean; onClose: () => void; onSaved: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const s = useFormState();
  const conflict = useConflict(onStale);
  useEffect(() => {
    if (open) {
      form.resetFields();
      s.setError(null);
    }
  }, [open]);

  const submit = async (v: { password: string }) => {
    s.setSaving(true);
    s.setError(null);
    try {
      await api.post(`/users/${user.id}/password`, { version: user.version, password: v.password });
      onSaved();
    } catch (e) {
      if (!conflict(e)) {
        s.setUnplaced(applyServerErrors(form, e, ['password']));
        s.setError(e);
      }
    } finally {
      s.setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t('users.password.title', { name: user.displayName })} onCancel={onClose} onOk={() => form.submit()} okText={t('users.password.ok')} cancelText={t('actions.cancel')} confirmLoading={s.saving} destroyOnHidden>
      {s.banner}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="password" label={t('users.password.new')} extra={t('users.form.passwordHint')} rules={[{ required: true, message: t('users.form.passwordRequired') }, { min: 10, message: t('users.form.passwordLength') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('users.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('users.password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
