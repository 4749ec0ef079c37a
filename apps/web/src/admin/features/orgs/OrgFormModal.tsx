import type { Org, OrgDetail, OrgType } from '@niangjia/contracts';
import { Alert, App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, describeError } from '../../../shared/api';
import { childTypesOf, isValidCreditCode } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDate } from '../../../shared/format';
import { DivisionPicker } from './DivisionPicker';

type Values = {
  type: OrgType;
  code: string;
  name: string;
  shortName?: string;
  divisionCode?: string | null;
  creditCode?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  chairName?: string;
  chairPhone?: string;
  foundedOn?: string;
  legalCertNo?: string;
};

const FIELDS = ['type', 'code', 'name', 'shortName', 'divisionCode', 'creditCode', 'address', 'contactName', 'contactPhone', 'chairName', 'chairPhone', 'foundedOn', 'legalCertNo'] as const;
const OPTIONAL = ['shortName', 'divisionCode', 'creditCode', 'address', 'contactName', 'contactPhone', 'chairName', 'chairPhone', 'foundedOn', 'legalCertNo'] as const;

type Props =
  | { mode: 'create'; parent: Org; open: boolean; onClose: () => void; onSaved: (org: Org) => void }
  | { mode: 'edit'; org: OrgDetail; open: boolean; onClose: () => void; onSaved: (org: Org) => void; onReloaded: (org: OrgDetail) => void };

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

function valuesOf(org: Org): Values {
  return {
    type: org.type,
    code: org.code,
    name: org.name,
    shortName: org.shortName ?? '',
    divisionCode: org.divisionCode,
    creditCode: org.creditCode ?? '',
    address: org.address ?? '',
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
    chairName: org.chairName ?? '',
    chairPhone: org.chairPhone ?? '',
    foundedOn: org.foundedOn ?? '',
    legalCertNo: org.legalCertNo ?? '',
  };
}

export function OrgFormModal(props: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const editing = props.mode === 'edit' ? props.org : undefined;
  const parent = props.mode === 'create' ? props.parent : undefined;
  const allowedTypes = parent ? childTypesOf(parent.type) : [];
  const type = Form.useWatch('type', form) ?? editing?.type;

  useEffect(() => {
    if (!props.open) return;
    setFormError(null);
    setUnplaced([]);
    form.resetFields();
    if (editing) form.setFieldsValue(valuesOf(editing));
    else form.setFieldsValue({ type: allowedTypes.includes('grassroots') && allowedTypes.length === 1 ? 'grassroots' : undefined });
    // Reset only when the dialog opens.
  }, [props.open]);

  const parentDivision = editing ? editing.divisionCode : parent?.divisionCode;

  const reloadLatest = async () => {
    if (props.mode !== 'edit') return;
    const latest = await api.get<OrgDetail>(`/orgs/${props.org.id}`);
    props.onReloaded(latest);
    form.setFieldsValue(valuesOf(latest));
    setFormError(null);
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setFormError(null);
    setUnplaced([]);
    try {
      let saved: Org;
      if (props.mode === 'create') {
        const body: Record<string, unknown> = { parentId: props.parent.id, type: values.type, code: values.code.trim(), name: values.name.trim() };
        for (const key of OPTIONAL) {
          const v = blankToNull(values[key]);
          if (v !== null) body[key] = v;
        }
        saved = await api.post<Org>('/orgs', body);
      } else {
        const org = props.org;
        const before = valuesOf(org);
        // Send only what changed, so a concurrent edit of another field is not overwritten.
        const body: Record<string, unknown> = { version: org.version };
        if (values.code.trim() !== org.code) body.code = values.code.trim();
        if (values.name.trim() !== org.name) body.name = values.name.trim();
        for (const key of OPTIONAL) {
          const next = blankToNull(values[key]);
          if (next !== blankToNull(before[key])) body[key] = next;
        }
        saved = await api.patch<Org>(`/orgs/${org.id}`, body);
      }
      props.onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.isConflict && props.mode === 'edit') {
        modal.confirm({
          title: t('orgs.conflict.title'),
          content: t('orgs.conflict.detail'),
          okText: t('orgs.conflict.reload'),
          cancelText: t('actions.cancel'),
          onOk: () => reloadLatest(),
        });
      } else {
        setUnplaced(applyServerErrors(form, error, FIELDS));
        setFormError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const problem = formError ? describeError(formError) : null;
  const title = editing ? t('orgs.form.editTitle', { name: editing.name }) : t('orgs.form.createTitle', { parent: parent?.name ?? '' });

  return (
    <Modal
      open={props.open}
      title={title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      maskClosable={false}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problem.title}
          description={[problem.detail, ...unplaced].filter(Boolean).join('；') || undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} name="org-form" scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('orgs.fields.type')} rules={[{ required: true, message: t('orgs.form.typeRequired') }]}>
              <Select
                disabled={!!editing}
                placeholder={t('orgs.form.typePlaceholder')}
                options={(editing ? [editing.type] : allowedTypes).map((ty) => ({ value: ty, label: t(`orgTypes.${ty}`) }))}
                notFoundContent={t('orgs.form.noChildTypes')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('orgs.fields.code')}
              normalize={(v: string) => v?.toUpperCase()}
              extra={t('orgs.form.codeHint')}
              rules={[
                { required: true, message: t('orgs.form.codeRequired') },
                { pattern: /^[A-Z0-9][A-Z0-9-]{1,31}$/, message: t('orgs.form.codeFormat') },
              ]}
            >
              <Input placeholder="JB-GYQ-001" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('orgs.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('orgs.form.nameRequired') },
                { min: 2, max: 100, message: t('orgs.form.nameLength') },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label={t('orgs.fields.shortName')} rules={[{ max: 40, message: t('common.maxLength', { n: 40 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          {(type === 'district' || type === 'street') && (
            <Col xs={24}>
              <Form.Item
                name="divisionCode"
                label={t('orgs.fields.divisionCode')}
                extra={type === 'district' ? t('orgs.division.countyHint') : t('orgs.division.streetHint')}
                rules={[
                  { required: true, message: t('orgs.division.required') },
                  {
                    validator: async (_, v: string | null) => {
                      if (!v) return;
                      const expected = type === 'district' ? 6 : 9;
                      if (v.length !== expected) throw new Error(t('orgs.division.level', { n: expected }));
                    },
                  },
                ]}
              >
                <DivisionPicker level={type === 'district' ? 'county' : 'street'} hint={parentDivision ?? null} />
              </Form.Item>
            </Col>
          )}
          {type === 'grassroots' && (
            <Col xs={24}>
              <Form.Item
                name="creditCode"
                label={t('orgs.fields.creditCode')}
                extra={t('orgs.form.creditHint')}
                normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                rules={[
                  { required: true, message: t('orgs.form.creditRequired') },
                  {
                    validator: async (_, v: string) => {
                      if (!v) return;
                      if (v.length !== 18) throw new Error(t('orgs.form.creditLength'));
                      if (!isValidCreditCode(v)) throw new Error(t('orgs.form.creditCheck'));
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="address" label={t('orgs.fields.address')} rules={[{ max: 200, message: t('common.maxLength', { n: 200 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('orgs.fields.contactName')} rules={[{ max: 40, message: t('common.maxLength', { n: 40 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('orgs.fields.contactPhone')} rules={[{ max: 20, message: t('common.maxLength', { n: 20 }) }]}>
              <Input autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="chairName" label={t('orgs.fields.chairName')} rules={[{ max: 40, message: t('common.maxLength', { n: 40 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="chairPhone" label={t('orgs.fields.chairPhone')} rules={[{ max: 20, message: t('common.maxLength', { n: 20 }) }]}>
              <Input autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="foundedOn" label={t('orgs.fields.foundedOn')}>
              <Input type="date" max={formatDate(new Date())} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalCertNo" label={t('orgs.fields.legalCertNo')} rules={[{ max: 40, message: t('common.maxLength', { n: 40 }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
