import type { HealthHospital, HealthSlot } from '@niangjia/contracts';
import { App, Button, DatePicker, Form, InputNumber, Modal, Popconfirm, Progress, Select, Space, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';

type SlotForm = { hospitalId: string; time: [Dayjs, Dayjs]; capacity: number; isTwoCancer: boolean };

/** 2026-04-10 08:00–11:30 */
export const slotTimeText = (s: { startsAt: string; endsAt: string }) => `${formatDateTime(s.startsAt)}–${formatDateTime(s.endsAt).slice(-5)}`;

/** The campaign's time slots with booked/capacity and those who came; add, change (never below the booked) or remove an unbooked one. */
export function HealthSlotsTab({ campaignId, hospitals, canWrite }: { campaignId: string; hospitals: HealthHospital[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const slots = useRequest((signal) => api.get<HealthSlot[]>(`/assistance/health/campaigns/${campaignId}/slots`, undefined, { signal }), [campaignId]);
  const [editing, setEditing] = useState<{ slot?: HealthSlot } | null>(null);
  const [form] = Form.useForm<SlotForm>();
  const [saving, setSaving] = useState(false);

  function open(slot?: HealthSlot) {
    form.setFieldsValue(
      slot
        ? { hospitalId: slot.hospitalId, time: [dayjs(slot.startsAt), dayjs(slot.endsAt)], capacity: slot.capacity, isTwoCancer: slot.isTwoCancer }
        : { hospitalId: hospitals[0]?.id ?? '', capacity: 50, isTwoCancer: false },
    );
    setEditing({ ...(slot ? { slot } : {}) });
  }

  async function save() {
    const v = await form.validateFields();
    const body = { startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), capacity: v.capacity, isTwoCancer: v.isTwoCancer };
    setSaving(true);
    try {
      if (editing?.slot) await api.put(`/assistance/health/slots/${editing.slot.id}`, { ...body, version: editing.slot.version });
      else await api.post(`/assistance/health/hospitals/${v.hospitalId}/slots`, body);
      void message.success(t('healthAdmin.saved'));
      setEditing(null);
      slots.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  async function remove(s: HealthSlot) {
    try {
      await api.delete(`/assistance/health/slots/${s.id}`);
      slots.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <>
      {slots.error ? <ErrorAlert error={slots.error} onRetry={slots.reload} /> : null}
      <DataTable<HealthSlot>
        id="health-slots"
        rowKey="id"
        loading={slots.loading}
        dataSource={slots.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('healthAdmin.total', { total }) }}
        toolbar={
          canWrite ? (
            <Button type="primary" onClick={() => open()} disabled={!hospitals.length} data-testid="health-new-slot">
              {t('healthAdmin.newSlot')}
            </Button>
          ) : null
        }
        columns={[
          { title: t('healthAdmin.col.time'), key: 'time', width: 200, priority: 1, render: (_: unknown, s) => slotTimeText(s) },
          { title: t('healthAdmin.col.hospital'), key: 'hospitalName', dataIndex: 'hospitalName', width: 200, ellipsis: true },
          { title: t('healthAdmin.col.twoCancer'), key: 'isTwoCancer', width: 110, render: (_: unknown, s) => (s.isTwoCancer ? <Tag color="magenta">{t('healthAdmin.twoCancer')}</Tag> : <Tag>{t('healthAdmin.general')}</Tag>) },
          {
            title: t('healthAdmin.col.booked'),
            key: 'booked',
            width: 190,
            render: (_: unknown, s) => (
              <Space data-testid="health-slot-booked">
                <span>{`${s.booked}/${s.capacity}`}</span>
                <Progress percent={Math.round((s.booked / s.capacity) * 100)} size="small" showInfo={false} style={{ width: 80, margin: 0 }} />
              </Space>
            ),
          },
          { title: t('healthAdmin.col.attended'), key: 'attended', dataIndex: 'attended', width: 80, align: 'right' },
        ]}
        actions={(s) =>
          canWrite ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => open(s)}>
                {t('healthAdmin.edit')}
              </Button>
              <Popconfirm title={t('healthAdmin.removeConfirm')} onConfirm={() => void remove(s)} disabled={s.booked > 0}>
                <Button type="link" size="small" danger disabled={s.booked > 0}>
                  {t('healthAdmin.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      <Modal open={editing !== null} title={editing?.slot ? t('healthAdmin.editSlot') : t('healthAdmin.newSlot')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="hospitalId" label={t('healthAdmin.fields.hospital')} rules={[{ required: true }]}>
            <Select disabled={Boolean(editing?.slot)} options={hospitals.map((h) => ({ value: h.id, label: h.name }))} />
          </Form.Item>
          <Form.Item name="time" label={t('healthAdmin.fields.time')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="capacity" label={t('healthAdmin.fields.capacity')} rules={[{ required: true }]}>
            <InputNumber min={Math.max(1, editing?.slot?.booked ?? 1)} max={10_000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="isTwoCancer" label={t('healthAdmin.fields.twoCancer')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
