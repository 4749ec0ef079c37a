import type { RightsSettings } from '@niangjia/contracts';
import { thresholdOps, warningLevels, warningMeasures, type Threshold } from '@niangjia/contracts/rights-domain';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

type Row = Threshold & { key: number };

/**
 * 维权 ▸ 维权参数 (/rights/settings): what applies to the chosen union — the working days to decide
 * acceptance, the quarterly form's due day and the monitoring thresholds — and, for a district or
 * the federation, a form to set its own (a street inherits its district's).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const settings = useRequest((signal) => api.get<RightsSettings>('/rights/settings', { orgId: scope?.id }, { signal }), [scope?.id], Boolean(scope));
  const [form] = Form.useForm<{ acceptanceWorkingDays: number; reportDueDay: number }>();
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const s = settings.data;
  const canEdit = me.permissions.includes('rights.manage') && (scope?.type === 'district' || scope?.type === 'federation');

  useEffect(() => {
    if (!s) return;
    form.setFieldsValue({ acceptanceWorkingDays: s.acceptanceWorkingDays, reportDueDay: s.reportDueDay });
    setRows(s.thresholds.map((x, key) => ({ ...x, key })));
  }, [s, form]);

  const setRow = (key: number, patch: Partial<Threshold>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function save() {
    if (!scope || !s) return;
    const values = await form.validateFields();
    setSaving(true);
    setSaveError(null);
    try {
      const thresholds = rows.map(({ measure, op, value, level }) => ({ measure, op, value, level }));
      await api.put<RightsSettings>(`/rights/settings?orgId=${encodeURIComponent(scope.id)}`, { ...values, thresholds, ...(s.version !== null ? { version: s.version } : {}) });
      message.success(t('rights.common.saved'));
      settings.reload();
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  if (!scope) return <Alert type="info" showIcon message={t('rights.settings.noScope')} />;
  return (
    <Card
      title={t('rights.settings.title')}
      loading={settings.loading && !s}
      extra={canEdit ? <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rights-settings-save">{t('rights.common.save')}</Button> : null}
    >
      {settings.error ? <ErrorAlert error={settings.error} onRetry={settings.reload} /> : null}
      {saveError ? <ErrorAlert error={saveError} /> : null}
      {s ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('rights.common.org')}>{s.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('rights.settings.source')}>{s.isDefault ? <Tag>{t('rights.settings.inherited')}</Tag> : <Tag color="blue">{t('rights.settings.own', { version: s.version })}</Tag>}</Descriptions.Item>
          </Descriptions>
          {canEdit ? null : <Typography.Text type="secondary">{t('rights.settings.readOnly')}</Typography.Text>}
          <Form form={form} layout="inline" disabled={!canEdit}>
            <Form.Item name="acceptanceWorkingDays" label={t('rights.settings.acceptanceDays')} rules={[{ required: true }]} tooltip={t('rights.settings.acceptanceHelp')}>
              <InputNumber min={1} max={15} addonAfter={t('rights.settings.workingDays')} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="reportDueDay" label={t('rights.settings.reportDueDay')} rules={[{ required: true }]} tooltip={t('rights.settings.reportDueHelp')}>
              <InputNumber min={1} max={28} addonAfter={t('rights.settings.dayOfMonth')} style={{ width: 170 }} />
            </Form.Item>
          </Form>
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rows}
            title={() => <Typography.Text strong>{t('rights.settings.thresholds')}</Typography.Text>}
            footer={canEdit ? () => <Button onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((r) => r.key)) + 1, measure: 'disputes', op: 'gte', value: 1, level: 'yellow' }])}>{t('rights.common.add')}</Button> : undefined}
            columns={[
              { title: t('rights.warnings.measure'), key: 'm', width: 220, render: (_: unknown, r) => <Select disabled={!canEdit} value={r.measure} style={{ width: 200 }} onChange={(v) => setRow(r.key, { measure: v })} options={warningMeasures.map((m) => ({ value: m, label: t(`rights.measures.${m}`) }))} /> },
              { title: t('rights.settings.op'), key: 'o', width: 90, render: (_: unknown, r) => <Select disabled={!canEdit} value={r.op} style={{ width: 70 }} onChange={(v) => setRow(r.key, { op: v })} options={thresholdOps.map((o) => ({ value: o, label: t(`rights.ops.${o}`) }))} /> },
              { title: t('rights.settings.value'), key: 'v', width: 130, render: (_: unknown, r) => <InputNumber disabled={!canEdit} value={r.value} min={0} max={1_000_000} onChange={(v) => setRow(r.key, { value: v ?? 0 })} /> },
              { title: t('rights.warnings.level'), key: 'l', width: 140, render: (_: unknown, r) => <Select disabled={!canEdit} value={r.level} style={{ width: 120 }} onChange={(v) => setRow(r.key, { level: v })} options={warningLevels.map((l) => ({ value: l, label: t(`rights.levels.${l}`) }))} /> },
              ...(canEdit ? [{ title: t('rights.common.actions'), key: 'x', width: 80, render: (_: unknown, r: Row) => <Button type="link" danger onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>{t('rights.settings.remove')}</Button> }] : []),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
