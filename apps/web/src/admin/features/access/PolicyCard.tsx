import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DoorPolicy, UpdateDoorPolicy } from '@niangjia/contracts';
import { Alert, App, Button, Card, Form, Input, InputNumber, Radio, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, describeError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

type Values = Omit<UpdateDoorPolicy, 'version' | 'closedNote'> & {
  closedNote?: string | null;
};
const FIELDS = ['scanHours', 'customRanges', 'whoMayEnter', 'isClosed', 'closedNote', 'rateLimitPer10Min'];
const HHMM = /^([01]\d|2[0-4]):[0-5]\d$/;

/** 通行规则: when a scan is needed, who may enter, closed for repairs, rate limit. */
export function PolicyCard({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canWrite = me.permissions.includes('access.write');
  const [form] = Form.useForm<Values>();
  const policy = useRequest(
    (signal) =>
      api.get<DoorPolicy>(`/positions/${positionId}/door-policy`, undefined, {
        signal,
      }),
    [positionId],
  );
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const scanHours = Form.useWatch('scanHours', form);
  const isClosed = Form.useWatch('isClosed', form);

  useEffect(() => {
    if (policy.data)
      form.setFieldsValue({
        ...policy.data,
        closedNote: policy.data.closedNote ?? '',
      });
  }, [policy.data, form]);

  const save = async (v: Values) => {
    if (!policy.data) return;
    setSaving(true);
    setError(null);
    try {
      const body: UpdateDoorPolicy = {
        scanHours: v.scanHours,
        customRanges: v.scanHours === 'custom' ? v.customRanges : [],
        whoMayEnter: v.whoMayEnter,
        isClosed: v.isClosed,
        closedNote: v.isClosed && v.closedNote?.trim() ? v.closedNote.trim() : null,
        rateLimitPer10Min: v.rateLimitPer10Min,
        version: policy.data.version,
      };
      policy.setData(await api.put<DoorPolicy>(`/positions/${positionId}/door-policy`, body));
      void message.success(t('access.policy.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) policy.reload();
      applyServerErrors(form, e, FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const problem = error ? describeError(error) : null;

  if (policy.error) return <ErrorAlert error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Card title={t('access.policy.title')} size="small">
      {policy.data.version === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('access.policy.defaults')} />}
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} /> : null}
      <Form form={form} layout="vertical" disabled={!canWrite} onFinish={(v) => void save(v)} style={{ maxWidth: 640 }}>
        <Form.Item name="scanHours" label={t('access.policy.scanHours')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={(['outside_staffed', 'always', 'custom'] as const).map((v) => ({
              value: v,
              label: t(`access.policy.scanHoursOptions.${v}`),
            }))}
          />
        </Form.Item>
        {scanHours === 'custom' && (
          <Form.List
            name="customRanges"
            rules={[
              {
                validator: async (_, ranges: unknown[] | undefined) => {
                  if (!ranges?.length) throw new Error(t('access.policy.rangesRequired'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Form.Item label={t('access.policy.customRanges')} extra={t('access.policy.customRangesHint')}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item
                        name={[field.name, 'start']}
                        noStyle
                        rules={[
                          {
                            required: true,
                            pattern: HHMM,
                            message: t('access.policy.rangeInvalid'),
                          },
                        ]}
                      >
                        <Input placeholder="22:00" style={{ width: 90 }} aria-label={`${t('access.policy.customRanges')} ${field.name + 1} start`} />
                      </Form.Item>
                      <span>–</span>
                      <Form.Item
                        name={[field.name, 'end']}
                        noStyle
                        rules={[
                          {
                            required: true,
                            pattern: HHMM,
                            message: t('access.policy.rangeInvalid'),
                          },
                        ]}
                      >
                        <Input placeholder="06:00" style={{ width: 90 }} aria-label={`${t('access.policy.customRanges')} ${field.name + 1} end`} />
                      </Form.Item>
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('access.bans.remove')} />
                    </Space>
                  ))}
                  {fields.length < 4 && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ start: '22:00', end: '06:00' })}>
                      {t('access.policy.addRange')}
                    </Button>
                  )}
                  <Form.ErrorList errors={errors} />
                </Space>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Form.Item name="whoMayEnter" label={t('access.policy.whoMayEnter')}>
          <Radio.Group
            options={(['real_name', 'members'] as const).map((v) => ({
              value: v,
              label: t(`access.policy.whoOptions.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('access.policy.rateLimit')}>
          <Space>
            <Form.Item name="rateLimitPer10Min" noStyle rules={[{ required: true, type: 'number', min: 1, max: 100 }]}>
              <InputNumber min={1} max={100} style={{ width: 100 }} />
            </Form.Item>
            <Typography.Text>{t('access.policy.rateLimitUnit')}</Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item name="isClosed" label={t('access.policy.isClosed')} valuePropName="checked">
          <Switch data-testid="policy-closed" />
        </Form.Item>
        {isClosed && (
          <Form.Item name="closedNote" label={t('access.policy.closedNote')} rules={[{ max: 100, message: t('common.maxLength', { n: 100 }) }]}>
            <Input placeholder={t('access.policy.closedNotePlaceholder')} />
          </Form.Item>
        )}
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
