import type { Campaign, HealthHospital, IndicatorValues } from '@niangjia/contracts';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../shared/api';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useScope } from '../../layout/scope';
import { HealthBookingsTab } from './HealthBookingsTab';
import { HealthSlotsTab } from './HealthSlotsTab';

type HospitalForm = { name: string; address: string; phone?: string; lng?: number | null; lat?: number | null };

/**
 * 帮扶 ▸ 送健康 (/assistance/health): a health campaign's partner hospitals, time slots and bookings
 * with 到场/未到. `?campaign=&tab=bookings&slot=` (the 待办's link) opens one slot's bookings still to mark.
 */
export function HealthAdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { scope } = useScope();
  const canWrite = me.permissions.includes('assistance.write');
  const campaigns = useRequest((signal) => api.get<Campaign[]>('/assistance/campaigns', { kind: 'health' }, { signal }), [scope?.id]);
  const [search, setSearch] = useSearchParams();
  const [campaignId, setCampaignId] = useState<string | undefined>(search.get('campaign') ?? undefined);
  const tab = ['hospitals', 'slots', 'bookings'].includes(search.get('tab') ?? '') ? search.get('tab')! : 'hospitals';
  const linkedSlot = search.get('slot') ?? undefined;
  useEffect(() => {
    const first = campaigns.data?.find((c) => c.status === 'open') ?? campaigns.data?.[0];
    if (!campaignId && first) setCampaignId(first.id);
  }, [campaigns.data, campaignId]);
  const hospitals = useRequest((signal) => (campaignId ? api.get<HealthHospital[]>(`/assistance/health/campaigns/${campaignId}/hospitals`, undefined, { signal }) : Promise.resolve([])), [campaignId]);
  const figures = useRequest(
    (signal) =>
      me.permissions.includes('figures.read')
        ? api.get<IndicatorValues>('/indicators/values', { keys: 'assistance.health_booked,assistance.health_attended', ...(scope ? { org: scope.id } : {}) }, { signal })
        : Promise.resolve(null),
    [scope?.id],
  );
  const figure = (key: string) => figures.data?.items.find((i) => i.key === key)?.value ?? null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={32} wrap>
          <Space>
            <Typography.Text>{t('healthAdmin.campaign')}</Typography.Text>
            <Select
              style={{ width: 360 }}
              placeholder={t('healthAdmin.pickCampaign')}
              value={campaignId}
              onChange={(id: string) => (setCampaignId(id), setSearch({}, { replace: true }))}
              loading={campaigns.loading}
              data-testid="health-campaign-select"
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.orgName}）` }))}
            />
          </Space>
          <Statistic title={t('healthAdmin.figures.booked')} value={figure('assistance.health_booked') ?? '—'} />
          <Statistic title={t('healthAdmin.figures.attended')} value={figure('assistance.health_attended') ?? '—'} data-testid="health-figure-attended" />
        </Space>
      </Card>
      {campaigns.error ? <ErrorAlert error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {campaigns.data && !campaigns.data.length ? <Empty description={t('healthAdmin.noCampaign')} /> : null}
      {campaignId ? (
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => setSearch({ ...(campaignId ? { campaign: campaignId } : {}), tab: k }, { replace: true })}
            items={[
              { key: 'hospitals', label: t('healthAdmin.tabs.hospitals'), children: <HospitalsTab campaignId={campaignId} hospitals={hospitals} canWrite={canWrite} /> },
              { key: 'slots', label: t('healthAdmin.tabs.slots'), children: <HealthSlotsTab campaignId={campaignId} hospitals={hospitals.data ?? []} canWrite={canWrite} /> },
              { key: 'bookings', label: t('healthAdmin.tabs.bookings'), children: <HealthBookingsTab key={`${campaignId}:${linkedSlot ?? ''}`} campaignId={campaignId} initialSlotId={linkedSlot} canWrite={canWrite} onMarked={figures.reload} /> },
            ]}
          />
          <Typography.Text type="secondary">{t('healthAdmin.noResults')}</Typography.Text>
        </Card>
      ) : null}
    </Space>
  );
}

function HospitalsTab({ campaignId, hospitals, canWrite }: { campaignId: string; hospitals: ReturnType<typeof useRequest<HealthHospital[]>>; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ hospital?: HealthHospital } | null>(null);
  const [form] = Form.useForm<HospitalForm>();
  const [saving, setSaving] = useState(false);

  function open(hospital?: HealthHospital) {
    form.setFieldsValue(hospital ? { name: hospital.name, address: hospital.address, phone: hospital.phone ?? '', lng: hospital.lng, lat: hospital.lat } : { name: '', address: '', phone: '', lng: null, lat: null });
    setEditing({ ...(hospital ? { hospital } : {}) });
  }

  async function save() {
    const v = await form.validateFields();
    const body = { name: v.name, address: v.address, phone: v.phone || null, location: v.lng != null && v.lat != null ? { lng: v.lng, lat: v.lat, crs: 'wgs84' } : null };
    setSaving(true);
    try {
      if (editing?.hospital) await api.put(`/assistance/health/hospitals/${editing.hospital.id}`, { ...body, version: editing.hospital.version });
      else await api.post(`/assistance/health/campaigns/${campaignId}/hospitals`, body);
      void message.success(t('healthAdmin.saved'));
      setEditing(null);
      hospitals.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  async function remove(h: HealthHospital) {
    try {
      await api.delete(`/assistance/health/hospitals/${h.id}`);
      hospitals.reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  }

  return (
    <>
      {hospitals.error ? <ErrorAlert error={hospitals.error} onRetry={hospitals.reload} /> : null}
      <DataTable<HealthHospital>
        id="health-hospitals"
        rowKey="id"
        loading={hospitals.loading}
        dataSource={hospitals.data ?? []}
        pagination={false}
        toolbar={
          canWrite ? (
            <Button type="primary" onClick={() => open()} data-testid="health-new-hospital">
              {t('healthAdmin.newHospital')}
            </Button>
          ) : null
        }
        columns={[
          { title: t('healthAdmin.col.name'), key: 'name', dataIndex: 'name', width: 220, priority: 1, ellipsis: true },
          { title: t('healthAdmin.col.address'), key: 'address', dataIndex: 'address', width: 280, ellipsis: true },
          { title: t('healthAdmin.col.phone'), key: 'phone', dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('healthAdmin.col.slots'), key: 'slots', dataIndex: 'slots', width: 90, align: 'right' },
        ]}
        actions={(h) =>
          canWrite ? (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => open(h)}>
                {t('healthAdmin.edit')}
              </Button>
              <Popconfirm title={t('healthAdmin.removeConfirm')} onConfirm={() => void remove(h)} disabled={h.slots > 0}>
                <Button type="link" size="small" danger disabled={h.slots > 0}>
                  {t('healthAdmin.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      <Modal open={editing !== null} title={editing?.hospital ? t('healthAdmin.editHospital') : t('healthAdmin.newHospital')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={saving} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('healthAdmin.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} data-testid="health-hospital-name" />
          </Form.Item>
          <Form.Item name="address" label={t('healthAdmin.fields.address')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input maxLength={200} data-testid="health-hospital-address" />
          </Form.Item>
          <Form.Item name="phone" label={t('healthAdmin.fields.phone')} rules={[{ max: 30 }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Space>
            <Form.Item name="lng" label={t('healthAdmin.fields.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="lat" label={t('healthAdmin.fields.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: 180 }} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
