import { AutoComplete, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../components/FilterActions';
import { useSearchParams } from 'react-router';
import { instantOfShanghaiPicker } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from '../../components/audit-labels';
import { AuditTable, type AuditQuery } from '../../components/AuditTable';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useScope } from '../../layout/scope';

type Values = {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  orgId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

// The picker shows wall-clock times; they are read as Shanghai time whatever the browser's zone.

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const initial: Values = {
    ...(params.get('entityType') ? { entityType: params.get('entityType') ?? '' } : {}),
    ...(params.get('entityId') ? { entityId: params.get('entityId') ?? '' } : {}),
  };
  const [query, setQuery] = useState<AuditQuery>(initial);

  const apply = (v: Values) => {
    const from = v.range?.[0];
    const to = v.range?.[1];
    setQuery({
      actor: v.actor?.trim() || undefined,
      entityType: v.entityType?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      orgId: v.orgId || undefined,
      from: from ? instantOfShanghaiPicker(from) : undefined,
      to: to ? instantOfShanghaiPicker(to) : undefined,
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" initialValues={initial} onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item name="actor" label={t('audit.fields.actor')}>
            <Input allowClear placeholder={t('audit.filters.actorPlaceholder')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.fields.action')}>
            <AutoComplete
              allowClear
              style={{ width: 200 }}
              placeholder={t('common.all')}
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) }))}
              filterOption={(input, option) => !!option && (option.value.includes(input) || String(option.label).includes(input))}
            />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.fields.entityType')}>
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} options={KNOWN_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))} />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.fields.entityId')}>
            <Input allowClear style={{ width: 200 }} placeholder={t('audit.filters.entityIdPlaceholder')} />
          </Form.Item>
          <Form.Item name="orgId" label={t('audit.fields.org')}>
            <OrgTreeSelect roots={me.scopeRoots} allowClear style={{ width: 220 }} placeholder={scope ? t('audit.filters.orgDefault', { scope: scope.name }) : t('common.all')} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.fields.range')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
          </Form.Item>
          <FilterActions onReset={() => { form.resetFields(); form.setFieldsValue({ entityType: undefined, entityId: undefined }); setQuery({}); }} />
        </Form>
      </Card>
      <Card title={t('audit.title')} extra={<span style={{ color: '#8a919c', fontSize: 12 }}>{t('audit.timezoneNote')}</span>}>
        <AuditTable query={{ ...query, orgId: query.orgId ?? scope?.id }} />
      </Card>
    </Space>
  );
}
