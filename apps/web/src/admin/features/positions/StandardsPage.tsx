import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FacilityStandard } from '@niangjia/contracts';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { formatDateTime } from '../../../shared/format';
import { FACILITIES } from '../../../shared/positions';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';

type Values = { name: string; items: { key?: string; label?: string }[] };

/** 服务阵地 ▸ 设施标准 (/positions/standards): the header scope's facility standard, editable by federations and districts. */
export function StandardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const { scope } = useScope();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const standard = useRequest((signal) => (scope ? api.get<FacilityStandard>(`/facility-standards/${scope.id}`, undefined, { signal }) : Promise.resolve(undefined)), [scope?.id]);
  const s = standard.data;
  const isSetter = scope?.type === 'federation' || scope?.type === 'district';
  const canEdit = isSetter && me.permissions.includes('position.write');

  useEffect(() => {
    if (s)
      form.setFieldsValue({
        name: s.name,
        items: s.items.map((i) => ({ key: i.key, label: i.label ?? '' })),
      });
  }, [s]);

  const save = async () => {
    if (!scope) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        name: v.name,
        items: v.items
          .filter((i) => i.key)
          .map((i) => ({
            key: i.key,
            ...(i.label?.trim() ? { label: i.label.trim() } : {}),
          })),
        ...(s?.isOwn && s.version ? { version: s.version } : {}),
      };
      standard.setData(await api.put<FacilityStandard>(`/facility-standards/${scope.id}`, body));
      message.success(t('standards.saved'));
    } catch (error) {
      applyServerErrors(form, error, ['name', 'items']);
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const revert = async () => {
    if (!scope) return;
    try {
      standard.setData(await api.delete<FacilityStandard>(`/facility-standards/${scope.id}`));
      message.success(t('standards.reverted'));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  if (!scope)
    return (
      <Card title={t('standards.title')}>
        <Empty description={t('scope.none')} />
      </Card>
    );
  return (
    <Card title={`${t('standards.title')} · ${scope.name}`} data-testid="standards-page">
      {standard.error ? <ErrorAlert error={standard.error} onRetry={standard.reload} /> : null}
      {!s ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 760 }}>
          <Alert
            type={s.isOwn ? 'success' : 'info'}
            showIcon
            title={
              s.isOwn
                ? t('standards.own', {
                    version: s.version,
                    date: formatDateTime(s.updatedAt),
                  })
                : s.isDefault
                  ? t('standards.builtIn', { name: s.name })
                  : t('standards.inheritedFrom', {
                      org: s.org?.name,
                      name: s.name,
                    })
            }
            description={s.isDefault ? `${t('standards.builtInOrigin')} ${t('standards.orgHint')}` : t('standards.orgHint')}
          />
          {!isSetter && <Typography.Text type="secondary">{t('standards.notSetter')}</Typography.Text>}
          <Form form={form} layout="vertical" disabled={!canEdit}>
            <Form.Item name="name" label={t('standards.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
              <Input style={{ maxWidth: 360 }} />
            </Form.Item>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <Form.Item label={t('standards.items')} required>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field, i) => (
                      <Space key={field.key} align="start">
                        <Typography.Text
                          type="secondary"
                          style={{
                            display: 'inline-block',
                            width: 24,
                            lineHeight: '32px',
                          }}
                        >
                          {i + 1}.
                        </Typography.Text>
                        <Form.Item name={[field.name, 'key']} rules={[{ required: true }]} noStyle>
                          <Select
                            style={{ width: 200 }}
                            options={FACILITIES.map((f) => ({
                              value: f,
                              label: t(`positions.facilities.${f}`),
                            }))}
                          />
                        </Form.Item>
                        <Form.Item name={[field.name, 'label']} noStyle>
                          <Input placeholder={t('standards.itemLabel')} style={{ width: 220 }} maxLength={30} />
                        </Form.Item>
                        {canEdit && <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />}
                      </Space>
                    ))}
                    {canEdit && fields.length < FACILITIES.length && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: undefined, label: '' })}>
                        {t('standards.addItem')}
                      </Button>
                    )}
                  </Space>
                </Form.Item>
              )}
            </Form.List>
          </Form>
          {canEdit && (
            <Space>
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="standards-save">
                {t('standards.save')}
              </Button>
              {s.isOwn && (
                <Popconfirm title={t('standards.revert')} onConfirm={() => void revert()}>
                  <Button danger>{t('standards.revert')}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
