import type { FundShop, FundShopDetail, Page, Position } from '@niangjia/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { defaultRuleValues, RuleFields, toRuleInput, type RuleFormValues } from './RuleFields';

type Values = {
  code: string;
  name: string;
  positionId: string;
  operatorName: string;
  operatorCreditCode?: string;
  rule: RuleFormValues;
};
const FIELDS = ['code', 'name', 'positionId', 'operatorName', 'operatorCreditCode', 'rule'];

/** New shop under a station: code, name, the operator company and its first contribution rule. */
export function ShopFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (shop: FundShop) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const positions = useRequest((signal) => api.get<Page<Position>>('/positions', { q: q || undefined, page: 1, pageSize: 30 }, { signal }), [q]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    setUnplaced([]);
    try {
      const shop = await api.post<FundShopDetail>('/fund-shops', {
        code: v.code.trim(),
        name: v.name.trim(),
        positionId: v.positionId,
        operatorName: v.operatorName.trim(),
        ...(v.operatorCreditCode?.trim() ? { operatorCreditCode: v.operatorCreditCode.trim() } : {}),
        rule: toRuleInput(v.rule),
      });
      onCreated(shop);
    } catch (e) {
      const rest = applyServerErrors(form, e, FIELDS);
      setUnplaced(rest);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('fundAdmin.shops.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('actions.cancel')}
      width={620}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      {unplaced.length > 0 && <Alert type="warning" style={{ marginBottom: 12 }} title={unplaced.join('；')} />}
      <Form form={form} layout="vertical" initialValues={{ rule: defaultRuleValues() }}>
        <Form.Item
          name="code"
          label={t('fundAdmin.shops.fields.code')}
          extra={t('fundAdmin.shops.codeHint')}
          rules={[
            { required: true },
            {
              pattern: /^[A-Z0-9][A-Z0-9-]{1,31}$/,
              message: t('fundAdmin.shops.codeHint'),
            },
          ]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="name" label={t('fundAdmin.shops.fields.name')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="positionId" label={t('fundAdmin.shops.fields.position')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('fundAdmin.shops.positionPlaceholder')}
            loading={positions.loading}
            options={(positions.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="operatorName" label={t('fundAdmin.shops.fields.operatorName')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="operatorCreditCode" label={t('fundAdmin.shops.fields.operatorCreditCode')} rules={[{ len: 18 }]}>
          <Input style={{ width: 260 }} />
        </Form.Item>
        <RuleFields prefix={['rule']} />
      </Form>
    </Modal>
  );
}
