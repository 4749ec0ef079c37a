import { PlusOutlined } from '@ant-design/icons';
import type { SubsidyRule } from '@niangjia/contracts';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Progress } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

type Values = { year: number; budget: number; percent: number; cap: number; capPerson: number; note?: string };

/** 服务超市 ▸ 补贴规则 (/market/subsidies): a district's yearly budget, share and cap per union. */
export function SubsidiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const rules = useRequest((signal) => api.get<{ items: SubsidyRule[] }>('/market/subsidy-rules', undefined, { signal }), [scope?.id]);
  const [editing, setEditing] = useState<SubsidyRule | 'new' | null>(null);
  const canWrite = me.permissions.includes('market.write') && scope?.type === 'district';
  return (
    <Card
      title={t('market.subsidies.title')}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('market.subsidies.add')}
          </Button>
        ) : null
      }
    >
      <Alert type="info" showIcon title={t('market.subsidies.intro')} style={{ marginBottom: 16 }} />
      {rules.error ? <ErrorAlert error={rules.error} onRetry={rules.reload} /> : null}
      <DataTable<SubsidyRule>
        id="market-subsidies"
        rowKey="id"
        loading={rules.loading}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('market.subsidies.empty')} /> }}
        columns={[
          { title: t('market.subsidies.fields.year'), dataIndex: 'year', width: 70 },
          { title: t('market.seasons.fields.org'), dataIndex: ['org', 'name'], width: 140 },
          { title: t('market.subsidies.fields.budget'), dataIndex: 'budgetFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.subsidies.fields.percent'), dataIndex: 'percentBps', width: 90, align: 'right', render: (v: number) => `${v / 100}%` },
          { title: t('market.subsidies.fields.cap'), dataIndex: 'capPerUnionFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.subsidies.fields.capPerson'), dataIndex: 'capPerPersonFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.subsidies.fields.committed'), key: 'c', width: 220, render: (_: unknown, r) => <Progress percent={r.budgetFen ? Math.round((r.committedFen / r.budgetFen) * 1000) / 10 : 0} format={() => formatMoney(r.committedFen)} size="small" /> },
          { title: t('market.subsidies.fields.remaining'), dataIndex: 'remainingFen', width: 130, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.subsidies.fields.unions'), dataIndex: 'unions', width: 90, align: 'right' },
          { title: t('common.actions'), key: 'a', width: 80, render: (_: unknown, r) => (canWrite ? <Button type="link" size="small" onClick={() => setEditing(r)}>{t('market.subsidies.edit')}</Button> : null) },
        ]}
      />
      {editing && scope && (
        <RuleModal
          rule={editing === 'new' ? null : editing}
          orgId={scope.id}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </Card>
  );
}

function RuleModal({ rule, orgId, onClose, onSaved }: { rule: SubsidyRule | null; orgId: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    const body = { budgetFen: Math.round(v.budget * 100), percentBps: Math.round(v.percent * 100), capPerUnionFen: Math.round(v.cap * 100), capPerPersonFen: Math.round(v.capPerson * 100), note: v.note || null };
    try {
      await (rule ? api.put(`/market/subsidy-rules/${rule.id}`, { version: rule.version, ...body }) : api.post('/market/subsidy-rules', { orgId, year: v.year, ...body }));
      message.success(t('market.common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
      applyServerErrors(form, e, ['year'], { budgetFen: 'budget', percentBps: 'percent', capPerUnionFen: 'cap', capPerPersonFen: 'capPerson' });
    }
  };
  return (
    <Modal open title={rule ? `${rule.year} ${t('market.subsidies.edit')}` : t('market.subsidies.add')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('actions.cancel')}>
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={rule ? { year: rule.year, budget: rule.budgetFen / 100, percent: rule.percentBps / 100, cap: rule.capPerUnionFen / 100, capPerson: rule.capPerPersonFen / 100, note: rule.note ?? undefined } : { year: new Date().getFullYear(), percent: 50, capPerson: 200 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="year" label={t('market.subsidies.fields.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={Boolean(rule)} />
        </Form.Item>
        <Form.Item name="budget" label={t('market.subsidies.fields.budget')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="percent" label={t('market.subsidies.fields.percent')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={2} />
        </Form.Item>
        <Form.Item name="cap" label={t('market.subsidies.fields.cap')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="capPerson" label={t('market.subsidies.fields.capPerson')} extra={t('market.subsidies.capPersonHint')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="note" label={t('market.subsidies.fields.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
