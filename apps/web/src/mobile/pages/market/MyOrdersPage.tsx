import type { Order } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Rate, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const COLOR: Record<string, 'primary' | 'success' | 'warning' | 'default'> = { placed: 'warning', confirmed: 'primary', delivered: 'success' };

/** 我的 → 我的预约: the worker's own bookings, to cancel before the day or rate afterwards. */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useRequest((signal) => api.get<{ items: Order[] }>('/market/me/orders', undefined, { signal }), []);
  const act = async (o: Order, path: string, body: unknown, done: string) => {
    try {
      await api.post(`/market/orders/${o.id}/${path}`, body);
      Toast.show({ icon: 'success', content: done });
      orders.reload();
    } catch (e) {
      Toast.show({ content: errorText(e) });
    }
  };
  const rate = (o: Order) => {
    let comment = '';
    let stars = 5;
    void Dialog.confirm({
      title: t('orders.rate'),
      content: (
        <div>
          <Rate defaultValue={5} onChange={(v) => (stars = v)} />
          <TextArea placeholder={t('orders.comment')} maxLength={500} onChange={(v) => (comment = v)} />
        </div>
      ),
      confirmText: t('orders.rate'),
      cancelText: t('actions.cancel'),
      onConfirm: () => act(o, 'rate', { version: o.version, rating: stars, comment: comment || null }, t('orders.thanks')),
    });
  };
  const cancel = (o: Order) => {
    let reason = '';
    void Dialog.confirm({
      title: t('orders.cancel'),
      content: <TextArea placeholder={t('orders.cancelReason')} maxLength={300} onChange={(v) => (reason = v)} />,
      confirmText: t('orders.cancel'),
      cancelText: t('actions.cancel'),
      onConfirm: () => act(o, 'cancel', { version: o.version, reason: reason.trim().length >= 2 ? reason : t('orders.cancel') }, t('orders.cancel')),
    });
  };
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('orders.title')}
      </NavBar>
      {orders.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={orders.error} />
        </div>
      ) : null}
      {!orders.data && !orders.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {orders.data && !orders.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('orders.empty')}</p> : null}
      {orders.data && orders.data.items.length > 0 && (
        <List mode="card" style={{ margin: 12 }}>
          {orders.data.items.map((o) => (
            <List.Item
              key={o.id}
              description={
                <>
                  {`${o.serviceDate} · ${o.provider.name} · ${formatMoney(o.payableFen)}`}
                  {o.status === 'cancelled' && o.cancelReason ? <div>{t('orders.cancelledBecause', { reason: o.cancelReason })}</div> : null}
                </>
              }
              extra={
                o.status === 'delivered' && o.rating === null ? (
                  <Button size="small" color="primary" onClick={() => rate(o)}>
                    {t('orders.rate')}
                  </Button>
                ) : (o.status === 'placed' || o.status === 'confirmed') ? (
                  <Button size="small" onClick={() => cancel(o)}>
                    {t('orders.cancel')}
                  </Button>
                ) : o.rating !== null ? (
                  <Rate readOnly value={o.rating} style={{ '--star-size': '12px' }} />
                ) : undefined
              }
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <span>{o.project.title}</span>
                <Tag color={COLOR[o.status] ?? 'default'} fill="outline">
                  {t(`marketTerms.orderStatus.${o.status}`)}
                </Tag>
              </div>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
