import type { Order, Page } from '@niangjia/contracts';
import { orderStatuses } from '@niangjia/contracts/market-domain';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Rate, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterActions } from '../../components/FilterActions';
import { listPagination } from '../../components/list-pagination';
import { useScope } from '../../layout/scope';
import { FileList, StatusTag } from './parts';

type Filters = { q?: string; status?: string; month?: Dayjs };

/** The order's fields, shared by the staff's drawer and the provider's portal. */
export function OrderDescriptions({ o }: { o: Order }) {
  const { t } = useTranslation();
  return (
    <Descriptions bordered size="small" column={2}>
      <Descriptions.Item label={t('market.orders.fields.project')} span={2}>
        {o.project.title}（{o.project.code}，{t('market.common.version', { n: o.versionNumber })}）
      </Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.provider')}>{o.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.union')}>{o.orderingOrg?.name ?? t('market.orders.self')}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.date')}>
        {o.serviceDate} {o.startTime ?? ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.headcount')}>
        {o.headcount}（{t('market.order.sessions', { n: o.sessions })}）
      </Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.place')} span={2}>
        {t(`marketTerms.place.${o.placeKind}`)}：{o.position?.name ?? o.address ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.total')}>{formatMoney(o.totalFen)}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.subsidy')}>{formatMoney(o.subsidyFen)}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.payable')}>{formatMoney(o.payableFen)}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.status')}>
        <StatusTag kind="orderStatus" value={o.status} />
      </Descriptions.Item>
      {o.note && (
        <Descriptions.Item label={t('market.order.note')} span={2}>
          {o.note}
        </Descriptions.Item>
      )}
      {o.declineReason && (
        <Descriptions.Item label={t('market.orders.declineReason')} span={2}>
          {o.declineReason}
        </Descriptions.Item>
      )}
      {o.cancelReason && (
        <Descriptions.Item label={t('market.orders.cancelReason')} span={2}>
          {o.cancelReason}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('market.orders.fields.attendance')}>{o.attendanceCount}</Descriptions.Item>
      <Descriptions.Item label={t('market.orders.fields.orderedBy')}>{o.orderedBy}</Descriptions.Item>
      {o.status === 'delivered' && (
        <Descriptions.Item label={t('market.orders.photos')} span={2}>
          <FileList ids={o.deliveryPhotoIds} />
          {o.deliveryNote && <div style={{ marginTop: 8 }}>{o.deliveryNote}</div>}
        </Descriptions.Item>
      )}
      {o.rating !== null && (
        <Descriptions.Item label={t('market.orders.fields.rating')} span={2}>
          <Rate disabled value={o.rating} /> {o.ratingComment}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 服务超市 ▸ 点单订单 (/market/orders): the orders of the unions in scope; cancel and rate. */
export function OrdersPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const { orderId } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<{ q?: string; status?: string; month?: string }>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequest((signal) => api.get<Page<Order>>('/market/orders', { ...filters, orgId: scope?.id, page, pageSize }, { signal }), [JSON.stringify(filters), scope?.id, page, pageSize]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilters({ q: v.q?.trim() || undefined, status: v.status || undefined, month: v.month ? v.month.format('YYYY-MM') : undefined });
            setPage(1);
          }}
        >
          <Form.Item name="q" label={t('market.common.keyword')}>
            <Input allowClear placeholder={t('market.orders.keyword')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="status" label={t('market.common.status')}>
            <Select allowClear style={{ width: 110 }} placeholder={t('common.all')} options={orderStatuses.map((s) => ({ value: s, label: t(`marketTerms.orderStatus.${s}`) }))} />
          </Form.Item>
          <Form.Item name="month" label={t('market.common.month')}>
            <DatePicker picker="month" />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              setFilters({});
              setPage(1);
            }}
          />
        </Form>
      </Card>
      <Card title={t('market.orders.title')}>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        <Table<Order>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1250 }}
          locale={{ emptyText: <Empty description={t('market.orders.empty')} /> }}
          pagination={listPagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) => {
            setPage(p);
            setPageSize(s);
          })}
          columns={[
            { title: t('market.orders.fields.number'), dataIndex: 'number', width: 150, fixed: 'left', render: (v: string, o) => <a onClick={() => navigate(`/market/orders/${o.id}`)}>{v}</a> },
            { title: t('market.orders.fields.project'), dataIndex: ['project', 'title'], width: 200, ellipsis: { showTitle: true } },
            { title: t('market.orders.fields.provider'), dataIndex: ['provider', 'name'], width: 180, ellipsis: { showTitle: true } },
            { title: t('market.orders.fields.union'), key: 'u', width: 200, ellipsis: { showTitle: true }, render: (_: unknown, o) => o.orderingOrg?.name ?? t('market.orders.self') },
            { title: t('market.orders.fields.date'), dataIndex: 'serviceDate', width: 110 },
            { title: t('market.orders.fields.headcount'), dataIndex: 'headcount', width: 70, align: 'right' },
            { title: t('market.orders.fields.total'), dataIndex: 'totalFen', width: 110, align: 'right', render: (v: number) => formatMoney(v) },
            { title: t('market.orders.fields.subsidy'), dataIndex: 'subsidyFen', width: 110, align: 'right', render: (v: number) => formatMoney(v) },
            { title: t('market.orders.fields.attendance'), dataIndex: 'attendanceCount', width: 70, align: 'right' },
            { title: t('market.orders.fields.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag kind="orderStatus" value={v} /> },
            { title: t('common.actions'), key: 'a', width: 80, fixed: 'right', render: (_: unknown, o) => <Button type="link" size="small" onClick={() => navigate(`/market/orders/${o.id}`)}>{t('market.common.detail')}</Button> },
          ]}
        />
      </Card>
      {orderId && <OrderDrawer id={orderId} onClose={() => navigate('/market/orders')} onChanged={list.reload} />}
    </Space>
  );
}

function OrderDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const order = useRequest((signal) => api.get<Order>(`/market/orders/${id}`, undefined, { signal }), [id]);
  const [asking, setAsking] = useState<'cancel' | 'rate' | null>(null);
  const [form] = Form.useForm<{ reason?: string; rating?: number; comment?: string }>();
  const o = order.data;
  const canOrder = me.permissions.includes('market.order');
  const act = async (path: string, body: unknown) => {
    try {
      order.setData(await api.post<Order>(`/market/orders/${id}/${path}`, body));
      message.success(t('market.common.saved'));
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
      size={720}
      title={o ? `${o.number} · ${o.project.title}` : t('market.common.detail')}
      extra={
        o && canOrder ? (
          <Space>
            {(o.status === 'placed' || o.status === 'confirmed') && (
              <Button danger onClick={() => setAsking('cancel')}>
                {t('market.orders.cancel')}
              </Button>
            )}
            {o.status === 'delivered' && o.rating === null && (
              <Button type="primary" onClick={() => setAsking('rate')}>
                {t('market.orders.rate')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {order.error ? <ErrorAlert error={order.error} onRetry={order.reload} /> : null}
      {o && <OrderDescriptions o={o} />}
      {o && <div style={{ marginTop: 12, color: '#888' }}>{t('market.orders.fields.createdAt')}：{formatDateTime(o.createdAt)}</div>}
      <Modal
        open={asking !== null}
        title={asking === 'rate' ? t('market.orders.rateTitle') : t('market.orders.cancelTitle', { number: o?.number ?? '' })}
        onCancel={() => setAsking(null)}
        onOk={() => void form.validateFields().then((v) => act(asking!, asking === 'rate' ? { version: o!.version, rating: v.rating, comment: v.comment || null } : { version: o!.version, reason: v.reason }))}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ rating: 5 }}>
          {asking === 'rate' ? (
            <>
              <Form.Item name="rating" label={t('market.orders.fields.rating')} rules={[{ required: true }]}>
                <Rate />
              </Form.Item>
              <Form.Item name="comment" label={t('market.orders.comment')}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="reason" label={t('market.common.reason')} rules={[{ required: true, min: 2, message: t('market.common.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={300} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}
