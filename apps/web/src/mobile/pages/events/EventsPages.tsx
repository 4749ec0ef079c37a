import type { MyRegistration, OpenEvent, Page, Registration } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const STATUS_COLOR: Record<string, 'primary' | 'success' | 'warning' | 'default'> = { confirmed: 'success', waiting: 'warning', offered: 'primary' };

function Loading({ error }: { error: unknown }) {
  return error ? (
    <div style={{ padding: '0 12px' }}>
      <ErrorNotice error={error} />
    </div>
  ) : (
    <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} />
  );
}

/** 服务 → 文体活动: the events the worker may see, soonest first, with places left. */
export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const events = useRequest((signal) => api.get<Page<OpenEvent>>('/events/open', { pageSize: 50 }, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/')} right={<a onClick={() => navigate('/events/mine')} data-testid="events-mine">{t('events.mine')}</a>} style={{ background: '#fff' }}>
        {t('events.title')}
      </NavBar>
      {!events.data ? <Loading error={events.error} /> : null}
      {events.data && !events.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('events.empty')}</p> : null}
      {events.data && events.data.items.length > 0 && (
        <List mode="card" style={{ margin: 12 }}>
          {[...events.data.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((e) => (
            <List.Item
              key={e.id}
              onClick={() => navigate(`/events/${e.id}`)}
              description={`${formatDateTime(e.startsAt)} · ${e.place.name ?? e.place.address ?? ''}`}
              extra={e.mine ? <Tag color={STATUS_COLOR[e.mine.status] ?? 'default'} fill="outline">{t(`events.status.${e.mine.status}`)}</Tag> : e.placesLeft > 0 ? t('events.placesLeft', { n: e.placesLeft }) : t('events.full', { n: e.waiting })}
              data-testid="event-item"
              prefix={e.coverPhotoId ? <img src={`/api/v1/events/${e.id}/cover`} alt="" loading="lazy" style={{ width: 64, height: 48, objectFit: 'cover', borderRadius: 4, display: 'block' }} /> : undefined}
            >
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <Tag color="default">{t(`events.types.${e.type}`)}</Tag>
                <span>{e.title}</span>
              </div>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** One event: when, where, fee, who organises it; sign up (or join the waiting list) and cancel. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const event = useRequest((signal) => api.get<OpenEvent>(`/events/open/${id}`, undefined, { signal }), [id]);
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      Toast.show({ icon: 'success', content: done });
      event.reload();
    } catch (e) {
      // Refusals come with the reason in the worker's language (problem+json title and detail).
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };
  const e = event.data;
  const mine: Registration | null = e?.mine ?? null;
  return (
    <>
      <NavBar onBack={() => navigate('/events')} style={{ background: '#fff' }}>
        {t('events.title')}
      </NavBar>
      {!e ? (
        <Loading error={event.error} />
      ) : (
        <>
          <section className="nj-section nj-pad" data-testid="event-detail">
            {e.coverPhotoId ? <img src={`/api/v1/events/${e.id}/cover`} alt={t('events.cover')} data-testid="event-cover" style={{ width: '100%', aspectRatio: '16 / 9', objectFit: 'cover', borderRadius: 8, marginBottom: 12, background: '#f0f0f0' }} /> : null}
            <h2 style={{ fontSize: 20, margin: '0 0 8px' }}>{e.title}</h2>
            <List>
              <List.Item extra={formatDateTime(e.startsAt)}>{t('events.when')}</List.Item>
              <List.Item extra={e.place.name ?? e.place.address ?? ''}>{t('events.where')}</List.Item>
              <List.Item extra={e.feeFen ? formatMoney(e.feeFen) : t('events.free')}>{t('events.fee')}</List.Item>
              <List.Item extra={e.orgName}>{t('events.organiser')}</List.Item>
              <List.Item extra={`${formatDateTime(e.signupOpensAt)} – ${formatDateTime(e.signupClosesAt)}`}>{t('events.signupWindow')}</List.Item>
              <List.Item extra={e.placesLeft > 0 ? t('events.placesLeft', { n: e.placesLeft }) : t('events.full', { n: e.waiting })}>{t(`events.types.${e.type}`)}</List.Item>
            </List>
            {e.description ? <p style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{e.description}</p> : null}
          </section>
          <div style={{ padding: '0 12px 24px', display: 'grid', gap: 12 }}>
            {e.status === 'cancelled' ? <Tag color="danger">{t('events.eventCancelled')}</Tag> : null}
            {mine ? (
              <>
                <p data-testid="event-mine-status" style={{ fontSize: 16 }}>
                  {t(`events.status.${mine.status}`)}
                  {mine.status === 'waiting' && mine.waitingPosition ? ` · ${t('events.waitingAt', { n: mine.waitingPosition })}` : ''}
                  {mine.status === 'offered' && mine.offerExpiresAt ? ` · ${t('events.offerUntil', { at: formatDateTime(mine.offerExpiresAt) })}` : ''}
                </p>
                {mine.status === 'offered' ? (
                  <Button block color="primary" size="large" onClick={() => void act(() => api.post(`/events/my/registrations/${mine.id}/accept`), t('events.accepted'))}>
                    {t('events.accept')}
                  </Button>
                ) : null}
                {mine.status === 'confirmed' ? <Button block size="large" onClick={() => navigate('/events/mine')}>{t('events.mine')}</Button> : null}
                <Button
                  block
                  size="large"
                  onClick={() => void Dialog.confirm({ content: t('events.cancelConfirm'), confirmText: t('events.cancel'), onConfirm: () => act(() => api.post(`/events/my/registrations/${mine.id}/cancel`), t('events.cancelled')) })}
                >
                  {t('events.cancel')}
                </Button>
              </>
            ) : e.status === 'published' ? (
              e.placesLeft > 0 ? (
                <Button block color="primary" size="large" data-testid="event-sign-up" onClick={() => void act(() => api.post(`/events/open/${e.id}/sign-up`, { waitlist: false }), t('events.signedUp'))}>
                  {t('events.signUp')}
                </Button>
              ) : (
                <Button block color="primary" size="large" data-testid="event-waitlist" onClick={() => void act(() => api.post(`/events/open/${e.id}/sign-up`, { waitlist: true }), t('events.waitlisted'))}>
                  {t('events.joinWaitlist')}
                </Button>
              )
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

/** 我的报名: every registration, with the QR ticket of each place held. */
export function MyEventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<{ items: MyRegistration[] }>('/events/my/registrations', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/events')} style={{ background: '#fff' }}>
        {t('events.mine')}
      </NavBar>
      {!mine.data ? <Loading error={mine.error} /> : null}
      {mine.data && !mine.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('events.mineEmpty')}</p> : null}
      {mine.data?.items.map((r) => (
        <section key={r.id} className="nj-section nj-pad" data-testid="my-registration">
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <strong style={{ fontSize: 17 }} onClick={() => navigate(`/events/${r.event.id}`)}>{r.event.title}</strong>
            <Tag color={STATUS_COLOR[r.status] ?? 'default'} fill="outline">{t(`events.status.${r.status}`)}</Tag>
          </div>
          <p className="nj-muted" style={{ margin: '6px 0' }}>{`${formatDateTime(r.event.startsAt)} · ${r.event.placeText ?? ''}`}</p>
          {r.status === 'waiting' && r.waitingPosition ? <p>{t('events.waitingAt', { n: r.waitingPosition })}</p> : null}
          {r.status === 'offered' && r.offerExpiresAt ? <p>{t('events.offerUntil', { at: formatDateTime(r.offerExpiresAt) })}</p> : null}
          {r.ticket ? (
            <div style={{ textAlign: 'center' }}>
              <TicketQr text={r.ticket} label={t('events.ticketAlt')} />
              <p className="nj-muted">{t('events.ticketHint')}</p>
            </div>
          ) : null}
          {r.hasCertificate ? (
            <Button block size="small" style={{ marginTop: 8 }} data-testid="event-certificate" onClick={() => void api.download(`/events/my/registrations/${r.id}/certificate`, undefined, 'certificate.pdf').catch((e: unknown) => Toast.show({ content: errorText(e), icon: 'fail' }))}>
              {t('events.certificate')}
            </Button>
          ) : null}
          {r.attendedAt ? <p className="nj-muted">{t('events.attendedAt', { at: formatDateTime(r.attendedAt) })}</p> : null}
          {r.event.type === 'matchmaking' && r.status === 'confirmed' ? (
            <Button block color="primary" fill="outline" style={{ marginTop: 8 }} data-testid="event-matchmaking" onClick={() => navigate(`/matchmaking/${r.event.id}`)}>
              {t('matchmaking.entry')}
            </Button>
          ) : null}
        </section>
      ))}
    </>
  );
}

function TicketQr({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, text, { width: 200, margin: 1, errorCorrectionLevel: 'M' });
  }, [text]);
  return <canvas ref={ref} role="img" aria-label={label} data-testid="event-ticket-qr" data-ticket={text} width={200} height={200} />;
}
