import type { Member, MemberDetail } from '@niangjia/contracts';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, describeError } from '../../../shared/api';
import { isValidCreditCode } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { EMPLOYMENT_FORMS, idNumberRules, normaliseIdNumber, PHONE_INPUT_MAX, phoneRule, type EmploymentForm } from '../../../shared/members';
import { useRegisters } from '../../../shared/registers';
import { useMe } from '../../../shared/session';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

type Base = { member: Member; open: boolean; onClose: () => void; onSaved: (m: MemberDetail) => void; onStale: () => void };

/** Shared by the member dialogs: reset on open, saving state, 409 → reload prompt, server errors on fields. */
function useMemberAction<T extends object>(open: boolean, onStale: () => void, fields: string[]) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      setUnplaced([]);
    }
  }, [open, form]);
  const run = async (action: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        modal.warning({ title: t('members.conflict.title'), content: t('members.conflict.detail'), onOk: onStale });
      } else {
        setUnplaced(applyServerErrors(form, e, fields));
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;
  const banner = problem ? (
    <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={[problem.detail, ...unplaced].filter(Boolean).join('；') || undefined} />
  ) : null;
  return { form, saving, run, banner };
}

type EditValues = {
  realName: string;
  idNumber?: string;
  phone?: string;
  employmentForm: EmploymentForm;
  employerName?: string;
  employerCreditCode?: string;
  industry?: string;
  isMigrant: boolean;
  homeStreetCode?: string;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  education?: string | null;
  hukouPlace?: string;
  isHardship: boolean;
};

const EDIT_FIELDS = ['realName', 'idNumber', 'phone', 'employmentForm', 'employerName', 'employerCreditCode', 'industry', 'isMigrant', 'homeStreetCode', 'ethnicity', 'politicalStatus', 'education', 'hukouPlace', 'isHardship'];

export function EditMemberModal({ member, open, onClose, onSaved, onStale }: Base) {
  const { t } = useTranslation();
  const p = member.person;
  const registers = useRegisters();
  const { form, saving, run, banner } = useMemberAction<EditValues>(open, onStale, EDIT_FIELDS);
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        realName: p.realName,
        employmentForm: p.employmentForm,
        employerName: p.employerName ?? '',
        employerCreditCode: p.employerCreditCode ?? '',
        industry: p.industry ?? '',
        isMigrant: p.isMigrant,
        homeStreetCode: p.homeStreetCode ?? '',
        ethnicity: p.ethnicity,
        politicalStatus: p.politicalStatus,
        education: p.education,
        hukouPlace: p.hukouPlace ?? '',
        isHardship: p.isHardship,
      });
  }, [open, member]);

  const submit = (v: EditValues) =>
    run(async () => {
      const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
      const body: Record<string, unknown> = { version: member.version };
      if (v.realName.trim() !== p.realName) body.realName = v.realName.trim();
      if (v.idNumber?.trim()) body.idNumber = normaliseIdNumber(v.idNumber);
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (v.employmentForm !== p.employmentForm) body.employmentForm = v.employmentForm;
      if (text(v.employerName) !== p.employerName) body.employerName = text(v.employerName);
      if (text(v.employerCreditCode)?.toUpperCase() !== (p.employerCreditCode ?? undefined)) body.employerCreditCode = text(v.employerCreditCode)?.toUpperCase() ?? null;
      if (text(v.industry) !== p.industry) body.industry = text(v.industry);
      if (v.isMigrant !== p.isMigrant) body.isMigrant = v.isMigrant;
      if (text(v.homeStreetCode) !== p.homeStreetCode) body.homeStreetCode = text(v.homeStreetCode);
      for (const key of ['ethnicity', 'politicalStatus', 'education'] as const) if ((v[key] ?? null) !== p[key]) body[key] = v[key] ?? null;
      if (text(v.hukouPlace) !== p.hukouPlace) body.hukouPlace = text(v.hukouPlace);
      if (v.isHardship !== p.isHardship) body.isHardship = v.isHardship;
      onSaved(await api.patch<MemberDetail>(`/members/${member.id}`, body));
    });

  return (
    <Modal open={open} title={t('members.edit.title', { name: p.realName })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('actions.cancel')} confirmLoading={saving} destroyOnHidden maskClosable={false} width={600}>
      {banner}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
        <Form.Item name="realName" label={t('members.fields.realName')} rules={[{ required: true, whitespace: true, message: t('members.edit.realNameRequired') }, { min: 2, max: 40, message: t('members.edit.realNameLength') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('members.edit.newIdNumber')}
          extra={t('members.edit.idNumberKeep', { masked: p.idNumberMasked })}
          validateTrigger={['onChange', 'onBlur']}
          rules={idNumberRules(true)}
        >
          <Input maxLength={18} allowClear />
        </Form.Item>
        <Form.Item name="phone" label={t('members.edit.newPhone')} extra={t('members.edit.phoneKeep', { masked: p.phoneMasked ?? t('common.notSet') })} rules={[phoneRule(t('members.phoneFormat'))]}>
          <Input inputMode="tel" maxLength={PHONE_INPUT_MAX} allowClear />
        </Form.Item>
        <Form.Item name="employmentForm" label={t('members.fields.employmentForm')} rules={[{ required: true }]}>
          <Select options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: t(`members.employmentForms.${f}`) }))} />
        </Form.Item>
        <Form.Item name="employerName" label={t('members.fields.employerName')} rules={[{ max: 100, message: t('common.maxLength', { n: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="employerCreditCode"
          label={t('members.fields.employerCreditCode')}
          rules={[{ validator: async (_, v: string | undefined) => { if (v?.trim() && !isValidCreditCode(v.trim().toUpperCase())) throw new Error(t('members.creditCodeFormat')); } }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="industry" label={t('members.fields.industry')} rules={[{ max: 40, message: t('common.maxLength', { n: 40 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="homeStreetCode" label={t('members.fields.homeStreetCode')} rules={[{ pattern: /^\d{9}$/, message: t('members.edit.streetFormat') }]}>
          <Input maxLength={9} inputMode="numeric" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="ethnicity" label={t('members.fields.ethnicity')}>
              <Select allowClear showSearch optionFilterProp="label" options={registers.options('ethnicity')} placeholder={t('common.notSet')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="politicalStatus" label={t('members.fields.politicalStatus')}>
              <Select allowClear options={registers.options('politicalStatus')} placeholder={t('common.notSet')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="education" label={t('members.fields.education')}>
              <Select allowClear options={registers.options('education')} placeholder={t('common.notSet')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hukouPlace" label={t('members.fields.hukouPlace')} tooltip={t('members.fields.hukouPlaceHint')} rules={[{ max: 60, message: t('common.maxLength', { n: 60 }) }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isMigrant" label={t('members.fields.isMigrant')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isHardship" label={t('members.fields.isHardship')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export type ReasonAction = 'reject' | 'suspend' | 'resume' | 'leave';

/** Reject, suspend, resume and leave: each with a reason kept in the history (optional only for resume). */
export function ReasonModal({ member, action, open, onClose, onSaved, onStale }: Base & { action: ReasonAction }) {
  const { t } = useTranslation();
  const { form, saving, run, banner } = useMemberAction<{ reason?: string }>(open, onStale, ['reason']);
  const optional = action === 'resume';
  const submit = ({ reason }: { reason?: string }) =>
    run(async () => {
      const body = { version: member.version, ...(reason?.trim() ? { reason: reason.trim() } : {}) };
      onSaved(await api.post<MemberDetail>(`/members/${member.id}/${action}`, body));
    });
  return (
    <Modal
      open={open}
      title={t(`members.reason.${action}Title`, { name: member.person.realName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`members.actions.${action}`)}
      okButtonProps={{ danger: action !== 'resume' }}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {banner}
      <Typography.Paragraph type="secondary">{t(`members.reason.${action}Hint`)}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('members.reason.label')}
          rules={[
            { required: !optional, whitespace: true, message: t('members.reason.required') },
            { min: 2, max: 200, message: t('members.reason.length') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={action === 'reject' ? t('members.reason.rejectPlaceholder') : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TransferModal({ member, open, onClose, onSaved, onStale }: Base) {
  const { t } = useTranslation();
  const me = useMe();
  const { form, saving, run, banner } = useMemberAction<{ orgId: string; reason: string }>(open, onStale, ['orgId', 'reason']);
  const submit = (v: { orgId: string; reason: string }) =>
    run(async () => onSaved(await api.post<MemberDetail>(`/members/${member.id}/transfer`, { version: member.version, orgId: v.orgId, reason: v.reason.trim() })));
  return (
    <Modal open={open} title={t('members.transfer.title', { name: member.person.realName })} onCancel={onClose} onOk={() => form.submit()} okText={t('members.transfer.ok')} cancelText={t('actions.cancel')} confirmLoading={saving} destroyOnHidden>
      {banner}
      <Typography.Paragraph type="secondary">{t('members.transfer.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="orgId" label={t('members.transfer.target')} rules={[{ required: true, message: t('members.transfer.targetRequired') }]}>
          <OrgTreeSelect roots={me.scopeRoots} disabledIds={[member.org.id]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.reason.label')} rules={[{ required: true, whitespace: true, message: t('members.reason.required') }, { min: 2, max: 200, message: t('members.reason.length') }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('members.transfer.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
