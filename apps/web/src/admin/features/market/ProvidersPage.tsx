import type { Page, Provider, ProviderDetail } from '@niangjia/contracts';
import { providerStatuses, providerTypes } from '@niangjia/contracts/market-domain';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { FileList, StatusTag, TrackRecordCard } from './parts';

type Filters = { q?: string; status?: string; type?: string };

/** 服务超市 ▸ 服务商 (/market/providers): registrations to review, and every provider's record. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { providerId } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest((signal) => api.get<Page<Provider>>('/market/providers', { ...filters, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);
  const hasFilters = Object.values(filters).some(Boolean);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form form={form} layout="inline" style={{ rowGap: 12 }} onFinish={(v) => (setFilters({ q: v.q?.trim() || undefined, status: v.status || undefined, type: v.type || undefined }), setPage(1))}>
          <Form.Item name="q" label={t('market.common.keyword')}>
            <Input allowClear placeholder={t('market.providers.keywordPlaceholder')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="status" label={t('market.common.status')}>
            <Select allowClear style={{ width: 120 }} placeholder={t('common.all')} options={providerStatuses.map((v) => ({ value: v, label: t(`marketTerms.providerStatus.${v}`) }))} />
          </Form.Item>
          <Form.Item name="type" label={t('market.providers.fields.type')}>
            <Select allowClear style={{ width: 140 }} placeholder={t('common.all')} options={providerTypes.map((v) => ({ value: v, label: t(`marketTerms.providerType.${v}`) }))} />
          </Form.Item>
          <FilterActions onReset={() => (form.resetFields(), setFilters({}), setPage(1))} />
        </Form>
      </Card>
      <Card title={t('market.providers.title')} extra={<span style={{ color: '#888', fontSize: 13 }}>{t('market.providers.scopeNote')}</span>}>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Provider>
        id="market-providers"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={hasFilters ? t('market.providers.emptyFiltered') : t('market.providers.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => (setPage(p), setPageSize(s)))}
          columns={[
            { title: t('market.providers.fields.name'), dataIndex: 'name', width: 220, ellipsis: true, render: (v: string, p) => <a onClick={() => navigate(`/market/providers/${p.id}`)}>{v}</a> },
            { title: t('market.providers.fields.creditCode'), dataIndex: 'creditCode', width: 180 },
            { title: t('market.providers.fields.type'), dataIndex: 'type', width: 110, render: (v: string) => t(`marketTerms.providerType.${v}`) },
            { title: t('market.providers.fields.contact'), key: 'contact', width: 150, render: (_: unknown, p) => `${p.contactName} ${p.contactPhone}` },
            { title: t('market.providers.fields.projects'), dataIndex: 'projectCount', width: 80, align: 'right' },
            { title: t('market.providers.fields.registeredAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
            { title: t('market.common.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag kind="providerStatus" value={v} /> },
            { title: t('common.actions'), key: 'actions', width: 90, render: (_: unknown, p) => <Button type="link" size="small" onClick={() => navigate(`/market/providers/${p.id}`)}>{t('market.common.detail')}</Button> },
          ]}
        />
      </Card>
      {providerId && <ProviderDrawer id={providerId} onClose={() => navigate('/market/providers')} onChanged={list.reload} />}
    </Space>
  );
}

function ProviderDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const detail = useRequest((signal) => api.get<ProviderDetail>(`/market/providers/${id}`, undefined, { signal }), [id]);
  const [asking, setAsking] = useState<'return' | 'suspend' | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const p = detail.data;
  const canWrite = me.permissions.includes('market.write');

  const decide = async (decision: 'approve' | 'return' | 'suspend' | 'reinstate', reason?: string) => {
    if (!p) return;
    try {
      detail.setData(await api.post<ProviderDetail>(`/market/providers/${p.id}/review`, { version: p.version, decision, ...(reason ? { reason } : {}) }));
      message.success(t('market.providers.review.done'));
      setAsking(null);
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={p?.name ?? t('market.common.detail')}
      extra={
        p && canWrite ? (
          <Space>
            {(p.status === 'pending' || p.status === 'returned') && (
              <Button type="primary" onClick={() => void decide('approve')}>
                {t('market.providers.review.approve')}
              </Button>
            )}
            {p.status === 'pending' && <Button onClick={() => setAsking('return')}>{t('market.providers.review.return')}</Button>}
            {p.status === 'approved' && (
              <Button danger onClick={() => setAsking('suspend')}>
                {t('market.providers.review.suspend')}
              </Button>
            )}
            {p.status === 'suspended' && <Button onClick={() => void decide('reinstate')}>{t('market.providers.review.reinstate')}</Button>}
          </Space>
        ) : null
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={detail.reload} /> : null}
      {p && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label={t('market.providers.fields.creditCode')}>{p.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.type')}>{t(`marketTerms.providerType.${p.type}`)}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.contact')}>{p.contactName}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.phone')}>{p.contactPhone}</Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.district')}>{p.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('market.common.status')}>
              <StatusTag kind="providerStatus" value={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.areas')} span={2}>
              {p.serviceAreas.length ? p.serviceAreas.map((a) => a.name).join('、') : t('market.providers.allDistrict')}
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.address')} span={2}>
              {p.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.intro')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.intro ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('market.providers.fields.qualifications')} span={2}>
              <FileList files={p.qualifications} />
            </Descriptions.Item>
            {p.reviewReason && (
              <Descriptions.Item label={t('market.providers.fields.reviewReason')} span={2}>
                {p.reviewReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <TrackRecordCard record={p.trackRecord} />
        </Space>
      )}
      <Modal
        open={asking !== null}
        title={asking === 'suspend' ? t('market.providers.review.suspendTitle') : t('market.providers.review.returnTitle')}
        onCancel={() => setAsking(null)}
        onOk={() => void reasonForm.validateFields().then((v) => decide(asking!, v.reason))}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('market.common.reason')} rules={[{ required: true, message: t('market.common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('market.providers.review.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
