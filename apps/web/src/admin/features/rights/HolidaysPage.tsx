import type { CalendarYear } from '@niangjia/contracts';
import { Alert, App, Button, Calendar, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';

/** 系统管理 ▸ 节假日日历 (/system/holidays): the year's rest and working days; a platform admin sets the days of a year not yet built in. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const canEdit = me.permissions.includes('calendar.write');
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [isAdding, setAdding] = useState(false);
  const cal = useRequest((signal) => api.get<CalendarYear>(`/holidays/${year}`, undefined, { signal }), [year]);
  const byDate = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data]);
  const c = cal.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('rights.holidays.title')}
        extra={
          <Space>
            <InputNumber value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} prefix={t('rights.holidays.year')} data-testid="holiday-year" />
            {canEdit && (
              <Button type="primary" onClick={() => setAdding(true)}>
                {t('rights.holidays.addOverride')}
              </Button>
            )}
          </Space>
        }
      >
        {cal.error ? <ErrorAlert error={cal.error} onRetry={cal.reload} /> : null}
        {c && <Alert style={{ marginBottom: 12 }} showIcon type={c.isBundled ? 'success' : c.isCovered ? 'info' : 'warning'} title={c.isBundled ? t('rights.holidays.bundled', { year }) : c.isCovered ? t('rights.holidays.covered', { year }) : t('rights.holidays.notCovered', { year })} data-testid="holiday-coverage" />}
        <Typography.Paragraph type="secondary">{t('rights.holidays.usage')}</Typography.Paragraph>
        {!canEdit && <Typography.Paragraph type="secondary">{t('rights.holidays.readOnly')}</Typography.Paragraph>}
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag color="red">{t('rights.holidays.legend.holiday')}</Tag>
          <Tag color="blue">{t('rights.holidays.legend.workday')}</Tag>
          <Tag>{t('rights.holidays.legend.weekend')}</Tag>
          <Tag color="purple">{t('rights.holidays.legend.override')}</Tag>
        </Space>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 12 }}>
          {Array.from({ length: 12 }, (_, m) => (
            <div key={m} style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <Calendar
                fullscreen={false}
                value={dayjs(`${year}-${String(m + 1).padStart(2, '0')}-01`)}
                headerRender={() => <div style={{ padding: '6px 10px', fontWeight: 600 }}>{`${year}-${String(m + 1).padStart(2, '0')}`}</div>}
                fullCellRender={(d) => {
                  const info = byDate.get(d.format('YYYY-MM-DD'));
                  if (d.month() !== m || !info) return <div style={{ color: '#ddd' }}>{d.date()}</div>;
                  const color = info.source === 'override' ? '#722ed1' : !info.isWorkingDay && info.source !== 'weekend' ? '#c8102e' : info.isWorkingDay && info.source === 'bundled' ? '#1677ff' : info.isWorkingDay ? '#333' : '#999';
                  return (
                    <div title={info.name ?? ''} style={{ color, fontWeight: info.source === 'weekday' || info.source === 'weekend' ? 400 : 700 }}>
                      {d.date()}
                    </div>
                  );
                }}
              />
            </div>
          ))}
        </div>
      </Card>
      <Card size="small" title={t('rights.holidays.overrides')}>
        <Table
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={c?.overrides ?? []}
          columns={[
            { title: t('rights.holidays.date'), dataIndex: 'date' },
            { title: t('rights.holidays.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`rights.holidays.kinds.${k}`)}</Tag> },
            { title: t('rights.holidays.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
            { title: t('rights.holidays.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: '', dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
            {
              title: '',
              key: 'a',
              render: (_: unknown, o) =>
                canEdit ? (
                  <Button
                    type="link"
                    danger
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: `${t('rights.holidays.remove')} ${o.date}`,
                        onOk: async () => {
                          await api.delete(`/holidays/overrides/${o.date}`);
                          cal.reload();
                        },
                      })
                    }
                  >
                    {t('rights.holidays.remove')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {isAdding && (
        <OverrideModal
          year={year}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            message.success(t('rights.common.saved'));
            cal.reload();
          }}
        />
      )}
    </Space>
  );
}

function OverrideModal({ year, onClose, onDone }: { year: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('rights.holidays.addOverride')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await api.put(`/holidays/overrides/${v.date.format('YYYY-MM-DD')}`, { kind: v.kind, name: v.name || undefined, note: v.note || undefined });
          onDone();
        } catch (e) {
          setError(e);
        }
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'holiday', date: dayjs(`${year}-01-01`) }}>
        <Form.Item name="date" label={t('rights.holidays.date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label={t('rights.holidays.kind')}>
          <Radio.Group options={[{ value: 'holiday', label: t('rights.holidays.kinds.holiday') }, { value: 'workday', label: t('rights.holidays.kinds.workday') }]} />
        </Form.Item>
        <Form.Item name="name" label={t('rights.holidays.name')}>
          <Input maxLength={30} placeholder="元旦 / 春节" />
        </Form.Item>
        <Form.Item name="note" label={t('rights.holidays.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
