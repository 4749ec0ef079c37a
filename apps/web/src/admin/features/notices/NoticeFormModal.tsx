import type { Notice, OrgRef } from '@niangjia/contracts';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, describeError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

type Values = { orgId: string; title: string; body: string; isPinned: boolean; publish: boolean };
const FIELDS = ['orgId', 'title', 'body', 'isPinned'];

/** 新建 / 编辑 通知公告. The body is plain text: what staff type is shown as typed, never as HTML. */
export function NoticeFormModal({ notice, scope, onClose, onSaved }: { notice: Notice | null; scope: OrgRef | undefined; onClose: () => void; onSaved: (n: Notice) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const isEdit = !!notice;

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      const saved = isEdit
        ? await api.patch<Notice>(`/notices/${notice.id}`, { version: notice.version, title: v.title, body: v.body, isPinned: v.isPinned })
        : await api.post<Notice>('/notices', { orgId: v.orgId, title: v.title, body: v.body, isPinned: v.isPinned, publish: v.publish });
      onSaved(saved);
    } catch (error) {
      const unplaced = applyServerErrors(form, error, FIELDS);
      setProblem(unplaced.length ? unplaced.join('；') : form.getFieldsError().some((f) => f.errors.length) ? null : (describeError(error).detail ?? describeError(error).title));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={isEdit ? t('notices.edit') : t('notices.create')}
      okText={isEdit ? t('common.save') : t('notices.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={notice ? { orgId: notice.org.id, title: notice.title, body: notice.body, isPinned: notice.isPinned, publish: false } : { orgId: scope?.id, isPinned: false, publish: true }}
      >
        {isEdit ? (
          <Form.Item label={t('notices.fields.org')}>
            <Input value={notice.org.name} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('notices.fields.org')} extra={t('notices.orgHelp')} rules={[{ required: true, message: t('notices.required.org') }]}>
            <OrgTreeSelect roots={me.scopeRoots} valueLabel={scope?.name} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('notices.fields.title')} rules={[{ required: true, min: 2, max: 100, whitespace: true, message: t('notices.required.title') }]}>
          <Input maxLength={100} showCount placeholder={t('notices.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="body" label={t('notices.fields.body')} rules={[{ required: true, min: 2, max: 5000, whitespace: true, message: t('notices.required.body') }]}>
          <Input.TextArea rows={8} maxLength={5000} showCount placeholder={t('notices.bodyPlaceholder')} />
        </Form.Item>
        <Form.Item name="isPinned" valuePropName="checked" style={{ marginBottom: isEdit ? 0 : 8 }}>
          <Checkbox>{t('notices.pin')}</Checkbox>
        </Form.Item>
        {!isEdit && (
          <Form.Item name="publish" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('notices.publishNow')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
