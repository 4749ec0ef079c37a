import type { HealthBooking, OpenHealthCampaign } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const STATUS_COLOR: Record<HealthBooking['status'], string> = { booked: 'primary', cancelled: 'default', attended: 'success', no_show: 'warning' };

/** 08:00–11:30 of a slot, on its day (Asia/Shanghai, as the phone's formatting shows it). */
const slotText = (s: { startsAt: string; endsAt: string }) => `${formatDateTime(s.startsAt)}–${formatDateTime(s.endsAt).slice(-5)}`;

/**
 * 送健康 (/m/assistance/health): the open health campaigns the worker may book, each partner
 * hospital's free slots ahead (两癌 slots only shown to those they are for), booking with one tap,
 * and 我的体检预约 with cancelling before the slot starts. No medical result is ever shown or kept.
 */
export function HealthPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useRequest((signal) => api.get<{ items: OpenHealthCampaign[] }>('/assistance/health/open', undefined, { signal }), []);
  const mine = useRequest((signal) => api.get<{ items: HealthBooking[] }>('/assistance/health/mine', undefined, { signal }), []);
  const reload = () => {
    open.reload();
    mine.reload();
  };

  async function book(hospital: string, slot: { id: string; startsAt: string; endsAt: string }) {
    if (!(await Dialog.confirm({ content: t('health.bookConfirm', { hospital, time: slotText(slot) }), confirmText: t('health.book'), cancelText: t('actions.cancel') }))) return;
    try {
      await api.post(`/assistance/health/slots/${slot.id}/book`);
      Toast.show({ icon: 'success', content: t('health.booked') });
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    }
    reload();
  }

  async function cancel(b: HealthBooking) {
    if (!(await Dialog.confirm({ content: t('health.cancelConfirm'), confirmText: t('health.cancel'), cancelText: t('actions.cancel') }))) return;
    try {
      await api.delete(`/assistance/health/mine/${b.id}`);
      Toast.show(t('health.cancelled'));
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    }
    reload();
  }

  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('health.title')}
      </NavBar>
      {open.error ? <ErrorNotice error={open.error} /> : null}
      {!open.data && !open.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {open.data && !open.data.items.length ? (
        <div style={{ padding: '16px 24px' }} data-testid="health-none">
          <p className="nj-muted" style={{ fontSize: 16 }}>
            {t('health.none')}
          </p>
          <p className="nj-muted">{t('health.notMember')}</p>
          <Button size="small" onClick={() => navigate('/join')}>
            {t('health.join')}
          </Button>
        </div>
      ) : null}
      {open.data?.items.map((c) => (
        <List key={c.id} mode="card" style={{ margin: 12 }} data-testid="health-campaign" header={
            <span translate="no" style={{ fontSize: 16, fontWeight: 600 }}>
              {c.name}
            </span>
          }>
          <List.Item description={`${c.orgName} · ${t('health.period', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })}`}>
            {c.myBooking ? <span data-testid="health-my-booking">{t('health.alreadyBooked', { hospital: c.myBooking.hospitalName, time: slotText(c.myBooking) })}</span> : t('health.open')}
          </List.Item>
          {c.hospitals.map((h) => (
            <List.Item key={h.id} description={`${h.address}${h.phone ? ` · ${h.phone}` : ''}`}>
              <div style={{ fontWeight: 600 }}>{h.name}</div>
              {h.slots.length ? null : <div className="nj-muted">{t('health.noSlots')}</div>}
              {h.slots.slice(0, 12).map((s) => (
                <div key={s.id} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', flexWrap: 'wrap' }} data-testid="health-slot">
                  <span style={{ flex: 1, minWidth: 150 }}>{slotText(s)}</span>
                  {s.isTwoCancer ? <Tag color="danger">{t('health.twoCancer')}</Tag> : null}
                  <span className="nj-muted">{t('health.placesLeft', { n: s.placesLeft })}</span>
                  <Button size="small" color="primary" disabled={Boolean(c.myBooking)} onClick={() => void book(h.name, s)} data-testid="health-book">
                    {t('health.book')}
                  </Button>
                </div>
              ))}
            </List.Item>
          ))}
        </List>
      ))}
      <List mode="card" style={{ margin: 12 }} header={t('health.mine')} data-testid="health-mine">
        {mine.error ? <ErrorNotice error={mine.error} /> : null}
        {mine.data && !mine.data.items.length ? <List.Item>{t('health.noBookings')}</List.Item> : null}
        {mine.data?.items.map((b) => (
          <List.Item
            key={b.id}
            data-testid="health-mine-item"
            description={
              <>
                <div>{`${b.campaignName}`}</div>
                <div>{`${slotText(b)} · ${b.hospitalAddress}`}</div>
                {b.status === 'booked' && new Date(b.startsAt).getTime() > Date.now() ? (
                  <a onClick={() => void cancel(b)} style={{ display: 'inline-block', padding: '8px 0', fontSize: 15 }} data-testid="health-cancel">
                    {t('health.cancel')}
                  </a>
                ) : null}
              </>
            }
            extra={
              <Tag color={STATUS_COLOR[b.status]} data-testid="health-mine-status">
                {t(`health.status.${b.status}`)}
              </Tag>
            }
          >
            {b.hospitalName}
            {b.isTwoCancer ? ` · ${t('health.twoCancer')}` : ''}
          </List.Item>
        ))}
        <List.Item>
          <span className="nj-muted" style={{ fontSize: 13 }}>
            {t('health.noResults')}
          </span>
        </List.Item>
      </List>
    </>
  );
}
