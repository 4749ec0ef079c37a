import { QrcodeOutlined, ScanOutlined } from '@ant-design/icons';
import type { Order, Page } from '@niangjia/contracts';
import { orderStatuses } from '@niangjia/contracts/market-domain';
import { Alert, App, Button, Card, Drawer, Empty, Form, Input, List, Modal, Segmented, Space, Table, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../../../shared/api';
import { formatMoney } from '../../../../shared/format';
import { useRequest } from '../../../../shared/use-request';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { listPagination } from '../../../components/list-pagination';
import { OrderDescriptions } from '../OrdersPage';
import { FileUploader, StatusTag } from '../parts';
import { absolute } from '../season/LiveTab';

/** 服务商平台 ▸ 订单与服务 (/portal/orders): confirm or decline, then count attendance and record the delivery. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Order | null>(null);
  const [declining, setDeclining] = useState<Order | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useRequest((signal) => api.get<Page<Order>>('/market/my-orders', { status: status || undefined, page, pageSize: 20 }, { signal }), [status, page]);
  const act = async (o: Order, path: string, body: unknown) => {
    try {
      await api.post(`/market/my-orders/${o.id}/${path}`, body);
      message.success(t('market.common.saved'));
      list.reload();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  return (
    <Card title={t('market.menu.portalOrders')}>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => {
          setStatus(String(v));
          setPage(1);
        }}
        options={[{ value: '', label: t('common.all') }, ...orderStatuses.map((s) => ({ value: s, label: t(`marketTerms.orderStatus.${s}`) }))]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Order>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('market.portal.orders.empty')} /> }}
        pagination={listPagination(t, { page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }, (p) => setPage(p))}
        columns={[
          { title: t('market.orders.fields.number'), dataIndex: 'number', width: 150, fixed: 'left', render: (v: string, o) => <a onClick={() => setOpen(o)}>{v}</a> },
          { title: t('market.orders.fields.project'), dataIndex: ['project', 'title'], width: 200, ellipsis: { showTitle: true } },
          { title: t('market.orders.fields.union'), key: 'u', width: 200, ellipsis: { showTitle: true }, render: (_: unknown, o) => o.orderingOrg?.name ?? t('market.orders.self') },
          { title: t('market.orders.fields.date'), key: 'd', width: 140, render: (_: unknown, o) => `${o.serviceDate} ${o.startTime ?? ''}` },
          { title: t('market.orders.fields.headcount'), dataIndex: 'headcount', width: 70, align: 'right' },
          { title: t('market.orders.fields.total'), dataIndex: 'totalFen', width: 110, align: 'right', render: (v: number) => formatMoney(v) },
          { title: t('market.orders.fields.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag kind="orderStatus" value={v} /> },
          {
            title: t('common.actions'),
            key: 'a',
            width: 190,
            fixed: 'right',
            render: (_: unknown, o) =>
              o.status === 'placed' ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => void act(o, 'confirm', { version: o.version })}>
                    {t('market.portal.orders.confirm')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setDeclining(o)}>
                    {t('market.portal.orders.decline')}
                  </Button>
                </Space>
              ) : o.status === 'confirmed' ? (
                <Button type="link" size="small" onClick={() => setOpen(o)}>
                  {t('market.portal.orders.deliver')}
                </Button>
              ) : (
                <Button type="link" size="small" onClick={() => setOpen(o)}>
                  {t('market.common.detail')}
                </Button>
              ),
          },
        ]}
      />
      {open && (
        <DeliveryDrawer
          order={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            list.reload();
          }}
        />
      )}
      <Modal
        open={declining !== null}
        title={t('market.portal.orders.declineTitle', { number: declining?.number ?? '' })}
        onCancel={() => setDeclining(null)}
        onOk={() => void form.validateFields().then((v) => act(declining!, 'decline', { version: declining!.version, reason: v.reason }).then((ok) => ok && setDeclining(null)))}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('market.orders.declineReason')} rules={[{ required: true, min: 2, message: t('market.common.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type Scan = { count: number; added: boolean; name: string | null; union: string | null };

/**
 * 服务登记: a handheld scanner types the member card's QR into the focused box (or staff paste it);
 * the sign-in QR lets workers count themselves; photos and a note close the delivery.
 */
function DeliveryDrawer({ order: initial, onClose, onChanged }: { order: Order; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [order, setOrder] = useState(initial);
  const [scans, setScans] = useState<{ text: string; ok: boolean }[]>([]);
  const [token, setToken] = useState('');
  const [qr, setQr] = useState<{ url: string; validOn: string } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [form] = Form.useForm<{ photoIds: string[]; note?: string }>();
  const isOpen = order.status === 'confirmed';
  useEffect(() => {
    if (qr && canvas.current) void QRCode.toCanvas(canvas.current, absolute(qr.url), { width: 200, margin: 1 });
  }, [qr]);
  const scan = async () => {
    const text = token.trim();
    if (!text) return;
    setToken('');
    try {
      const r = await api.post<Scan>(`/market/my-orders/${order.id}/attendance`, { token: text });
      setOrder((o) => ({ ...o, attendanceCount: r.count }));
      setScans((s) => [{ text: r.added ? t('market.portal.orders.scanned', { name: r.name, union: r.union, count: r.count }) : t('market.portal.orders.already', { name: r.name }), ok: r.added }, ...s].slice(0, 20));
    } catch (e) {
      setScans((s) => [{ text: errorText(e), ok: false }, ...s].slice(0, 20));
    }
  };
  const deliver = async (v: { photoIds: string[]; note?: string }) => {
    try {
      setOrder(await api.post<Order>(`/market/my-orders/${order.id}/deliver`, { version: order.version, photoIds: v.photoIds, note: v.note || null }));
      message.success(t('market.portal.orders.delivered'));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Drawer open onClose={onClose} size={760} title={isOpen ? t('market.portal.orders.deliverTitle', { number: order.number }) : order.number}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <OrderDescriptions o={order} />
        {isOpen && (
          <>
            <Card size="small" title={<><ScanOutlined /> {t('market.portal.orders.scan')}</>} extra={<Typography.Text strong data-testid="attendance-count">{t('market.portal.orders.attendance', { n: order.attendanceCount })}</Typography.Text>}>
              <Input.Search autoFocus value={token} onChange={(e) => setToken(e.target.value)} onSearch={() => void scan()} enterButton={t('market.portal.orders.scan')} placeholder={t('market.portal.orders.scanPlaceholder')} data-testid="scan-input" />
              <List size="small" dataSource={scans} renderItem={(s) => <List.Item style={{ color: s.ok ? '#389e0d' : '#cf1322' }}>{s.text}</List.Item>} />
            </Card>
            <Card size="small" title={<><QrcodeOutlined /> {t('market.portal.orders.qr')}</>}>
              {qr ? (
                <Space align="start">
                  <canvas ref={canvas} />
                  <Typography.Text type="secondary">{t('market.portal.orders.qrNote')}</Typography.Text>
                </Space>
              ) : (
                <Button onClick={() => void api.get<{ url: string; validOn: string }>(`/market/my-orders/${order.id}/attendance-qr`).then(setQr, (e: unknown) => message.error(errorText(e)))}>{t('market.portal.orders.qr')}</Button>
              )}
            </Card>
            <Card size="small" title={t('market.portal.orders.deliver')}>
              <Alert type="info" showIcon title={t('market.portal.orders.attendance', { n: order.attendanceCount })} style={{ marginBottom: 12 }} />
              <Form form={form} layout="vertical" onFinish={(v) => void deliver(v)}>
                <Form.Item name="photoIds" label={t('market.portal.orders.photos')} rules={[{ required: true, type: 'array', min: 1 }]}>
                  <FileUploader accept="image/jpeg,image/png,image/webp" testId="delivery-photo-input" />
                </Form.Item>
                <Form.Item name="note" label={t('market.portal.orders.note')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('market.portal.orders.submit')}
                </Button>
              </Form>
            </Card>
          </>
        )}
      </Space>
    </Drawer>
  );
}
