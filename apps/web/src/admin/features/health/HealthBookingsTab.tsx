import type { HealthBooking, HealthSlot, Page } from '@niangjia/contracts';
import { App, Button, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { slotTimeText } from './HealthSlotsTab';

const STATUS_COLOR: Record<HealthBooking['status'], string> = { booked: 'blue', cancelled: 'default', attended: 'green', no_show: 'orange' };

/** The campaign's bookings of members in scope, by slot; 到场 / 未到 once the slot has started (nothing medical is asked). */
export function HealthBookingsTab({ campaignId, initialSlotId, canWrite, onMarked }: { campaignId: string; initialSlotId?: string | undefined; canWrite: boolean; onMarked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [slotId, setSlotId] = useState<string | undefined>(initialSlotId);
  // From the 待办: the slot's members still to mark.
  const [status, setStatus] = useState<string | undefined>(initialSlotId ? 'booked' : undefined);
  const [page, setPage] = useState(1);
  const slots = useRequest((signal) => api.get<HealthSlot[]>(`/assistance/health/campaigns/${campaignId}/slots`, undefined, { signal }), [campaignId]);
  const list = useRequest(
    (signal) => api.get<Page<HealthBooking>>(`/assistance/health/campaigns/${campaignId}/bookings`, { page, pageSize: 20, ...(slotId ? { slotId } : {}), ...(status ? { status } : {}) }, { signal }),
    [campaignId, slotId, status, page],
  );

  async function mark(b: HealthBooking, to: 'attended' | 'no_show') {
    try {
      await api.post(`/assistance/health/bookings/${b.id}/mark`, { status: to, version: b.version });
      list.reload();
      onMarked();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  const started = (b: HealthBooking) => new Date(b.startsAt).getTime() <= Date.now();

  return (
    <div data-testid="health-bookings">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 380 }}
          placeholder={t('healthAdmin.allSlots')}
          value={slotId}
          onChange={(v?: string) => {
            setSlotId(v);
            setPage(1);
          }}
          data-testid="health-booking-slot"
          options={(slots.data ?? []).map((s) => ({ value: s.id, label: `${slotTimeText(s)} ${s.hospitalName}（${s.booked}/${s.capacity}）` }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('healthAdmin.allStatuses')}
          value={status}
          onChange={(v?: string) => {
            setStatus(v);
            setPage(1);
          }}
          options={(['booked', 'attended', 'no_show', 'cancelled'] as const).map((s) => ({ value: s, label: t(`healthAdmin.status.${s}`) }))}
        />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <DataTable<HealthBooking>
        id="health-bookings"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('healthAdmin.total', { total }) }}
        columns={[
          { title: t('healthAdmin.col.person'), key: 'personName', dataIndex: 'personName', width: 110, priority: 1, render: (v: string) => <span data-testid="health-booking-name">{v}</span> },
          { title: t('healthAdmin.col.org'), key: 'orgName', dataIndex: 'orgName', width: 200, ellipsis: true },
          { title: t('healthAdmin.col.time'), key: 'time', width: 190, render: (_: unknown, b) => slotTimeText(b) },
          { title: t('healthAdmin.col.hospital'), key: 'hospitalName', dataIndex: 'hospitalName', width: 180, ellipsis: true },
          {
            title: t('healthAdmin.col.status'),
            key: 'status',
            width: 100,
            render: (_: unknown, b) => (
              <Tag color={STATUS_COLOR[b.status]} data-testid="health-booking-status">
                {t(`healthAdmin.status.${b.status}`)}
              </Tag>
            ),
          },
          { title: t('healthAdmin.col.markedAt'), key: 'markedAt', dataIndex: 'markedAt', width: 140, priority: 3, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        ]}
        actions={(b) =>
          canWrite && b.status !== 'cancelled' && started(b) ? (
            <Space size={0}>
              <Button type="link" size="small" disabled={b.status === 'attended'} onClick={() => void mark(b, 'attended')} data-testid="health-mark-attended">
                {t('healthAdmin.attended')}
              </Button>
              <Button type="link" size="small" disabled={b.status === 'no_show'} onClick={() => void mark(b, 'no_show')} data-testid="health-mark-no-show">
                {t('healthAdmin.noShow')}
              </Button>
            </Space>
          ) : null
        }
      />
    </div>
  );
}
