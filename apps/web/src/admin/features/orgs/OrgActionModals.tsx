import type { Org, OrgDetail } from '@niangjia/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, describeError } from '../../../shared/api';
import { ALLOWED_PARENTS } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

type Common = { org: OrgDetail; open: boolean; onClose: () => void; onSaved: (org: Org) => void; onStale: () => void };

function useConflictHandler(onStale: () => void) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (error: unknown): boolean => {
    if (!(error instanceof ApiError && error.isConflict)) return false;
    modal.warning({ title: t('orgs.conflict.title'), content: t('orgs.conflict.detailReloaded'), onOk: onStale });
    return true;
  };
}

/** What a versioned org action modal shares: reset on open, saving state, 409 → reload, field errors. */
function useOrgAction<T extends object>(open: boolean, onStale: () => void, fields: string[]) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const handleConflict = useConflictHandler(onStale);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const run = async (action: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (!handleConflict(e)) {
        applyServerErrors(form, e, fields);
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, run, problem: error ? describeError(error) : null };
}

export function MoveOrgModal({ org, open, onClose, onSaved, onStale }: Common) {
  const { t } = useTranslation();
  const me = useMe();
  const { form, saving, run, problem } = useOrgAction<{ parentId: string }>(open, onStale, ['parentId']);

  const submit = ({ parentId }: { parentId: string }) =>
    run(async () => onSaved(await api.post<Org>(`/orgs/${org.id}/move`, { version: org.version, parentId })));

  const allowed = ALLOWED_PARENTS[org.type].map((ty) => t(`orgTypes.${ty}`)).join('、');
  return (
    <Modal
      open={open}
      title={t('orgs.move.title', { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orgs.move.ok')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} />}
      <Typography.Paragraph type="secondary">{t('orgs.move.hint', { types: allowed })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="parentId" label={t('orgs.move.newParent')} rules={[{ required: true, message: t('orgs.move.required') }]}>
          <OrgTreeSelect roots={me.scopeRoots} disabledIds={[org.id]} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CloseOrgModal({ org, open, onClose, onSaved, onStale }: Common) {
  const { t } = useTranslation();
  const { form, saving, run, problem } = useOrgAction<{ reason: string }>(open, onStale, ['reason']);

  const submit = ({ reason }: { reason: string }) =>
    run(async () => onSaved(await api.post<Org>(`/orgs/${org.id}/close`, { version: org.version, reason: reason.trim() })));

  return (
    <Modal
      open={open}
      title={t('orgs.close.title', { name: org.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orgs.close.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} />}
      <Typography.Paragraph type="secondary">{t('orgs.close.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('orgs.close.reason')}
          rules={[
            { required: true, whitespace: true, message: t('orgs.close.reasonRequired') },
            { min: 2, max: 200, message: t('orgs.close.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
