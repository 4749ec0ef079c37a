import type { Issue, PublicPosition } from '@niangjia/contracts';
import { issueCategories, MAX_PHOTO_BYTES } from '@niangjia/contracts/stars-domain';
import { Button, Rate, Selector, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorNotice } from '../mobile/pages/ErrorNotice';
import { api, ApiError } from '../shared/api';
import { amapMarkerUrl, SEVEN_STANDARD } from '../shared/positions';
import { useSession } from '../shared/session';
import { useRequest } from '../shared/use-request';
import { groupWeek } from './hours';

type MyRating = { month: string; stars: number; comment: string | null } | null;

/** /p/:code — what the QR code at a station's door opens: hours, facilities, contact, rating, feedback. */
export function PublicPositionPage() {
  const { t } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const info = useRequest((signal) => api.get<PublicPosition>(`/public/positions/${encodeURIComponent(code)}`, undefined, { signal, skipAuthRedirect: true }), [code]);
  const p = info.data;
  const notFound = info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400);

  if (notFound) {
    return (
      <main className="nj-public">
        <section className="nj-section" style={{ padding: 20 }}>
          <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>{t('signage.notFound')}</h1>
          <p className="nj-muted">{t('signage.notFoundText')}</p>
          <a className="nj-nav-button nj-nav-primary" href="/m/stations">
            {t('signage.findNearby')}
          </a>
        </section>
      </main>
    );
  }
  if (!p) {
    return (
      <main className="nj-public">
        {info.error ? (
          <div style={{ padding: 12 }}>
            <ErrorNotice error={info.error} />
          </div>
        ) : null}
        <section className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={6} animated />
        </section>
      </main>
    );
  }

  const week = groupWeek(p.weekly, {
    day: (d) => t(`signage.days.${d}`),
    range: (from, to) => t('signage.dayRange', { from, to }),
    closed: t('signage.closedDay'),
  });
  const standard = SEVEN_STANDARD.filter((f) => p.facilities.includes(f));
  const others = p.facilities.filter((f) => !(SEVEN_STANDARD as readonly string[]).includes(f));
  return (
    <main className="nj-public" data-testid="public-position">
      <header className="nj-hero">
        <p style={{ marginBottom: 4 }}>
          {t(`positions.types.${p.type}`)} · {p.orgName}
        </p>
        <h1 data-testid="public-name">{p.name}</h1>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
          {p.status !== 'open' ? (
            <Tag color="warning" fill="solid" style={{ fontSize: 14 }}>
              {t('signage.closedStatus', {
                status: t(`positions.statuses.${p.status}`),
              })}
            </Tag>
          ) : p.isOpenNow ? (
            <Tag color="success" fill="solid" style={{ fontSize: 14 }}>
              {t('positions.openNow')}
            </Tag>
          ) : (
            <Tag color="default" fill="solid" style={{ fontSize: 14 }}>
              {t('positions.closedNow')}
            </Tag>
          )}
          <span style={{ fontSize: 15 }} data-testid="public-today">
            {p.is24h ? t('signage.allDay') : p.todayHours.length ? `${t('signage.today')} ${p.todayHours.join('，')}` : t('signage.todayClosed')}
          </span>
        </div>
      </header>

      <section className="nj-section nj-public-block">
        <div className="nj-public-actions">
          <a className="nj-nav-button nj-nav-primary" href={amapMarkerUrl(p)} target="_blank" rel="noopener noreferrer" data-testid="public-navigate">
            {t('signage.navigate')}
          </a>
          {p.contactPhone && (
            <a className="nj-nav-button" href={`tel:${p.contactPhone}`} data-testid="public-call">
              {t('signage.call')}
            </a>
          )}
        </div>
        <dl className="nj-public-facts">
          <dt>{t('signage.address')}</dt>
          <dd>{p.address}</dd>
          {p.contactPhone && (
            <>
              <dt>{t('signage.contact')}</dt>
              <dd>
                <a href={`tel:${p.contactPhone}`} style={{ color: '#c8102e' }}>
                  {p.contactPhone}
                </a>
              </dd>
            </>
          )}
          <dt>{t('signage.hours')}</dt>
          <dd data-testid="public-week">
            {p.is24h
              ? t('signage.allDay')
              : week.map((w) => (
                  <div key={w.days}>
                    {w.days} {w.hours}
                  </div>
                ))}
          </dd>
          <dt>{t('signage.serves')}</dt>
          <dd>{p.serves.map((s) => t(`positions.audiences.${s}`)).join('、') || '—'}</dd>
          <dt>{t('signage.facilities')}</dt>
          <dd>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
              {[...standard, ...others].map((f) => (
                <Tag key={f} color="primary" fill="outline" style={{ fontSize: 14, padding: '3px 8px' }}>
                  {t(`positions.facilities.${f}`)}
                </Tag>
              ))}
            </div>
          </dd>
          <dt>{t('signage.rating')}</dt>
          <dd data-testid="public-rating">
            <RatingSummary rating={p.rating} />
          </dd>
        </dl>
      </section>

      <FeedbackActions code={code} onRated={info.reload} />
    </main>
  );
}

function RatingSummary({ rating }: { rating: PublicPosition['rating'] }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        {rating.stars ? (
          <span>
            <Rate readOnly value={rating.stars} style={{ '--star-size': '18px' }} />{' '}
            {t('signage.ratingYear', {
              year: rating.year,
              stars: rating.stars,
            })}
          </span>
        ) : rating.lastYear ? (
          t('signage.ratingLastYear', rating.lastYear)
        ) : (
          t('signage.notRatedYet')
        )}
      </div>
      <div className="nj-muted">
        {rating.count
          ? t('signage.workerAverage', {
              average: rating.average,
              count: rating.count,
            })
          : t('signage.noWorkerRatings')}
      </div>
    </>
  );
}

function FeedbackActions({ code, onRated }: { code: string; onRated: () => void }) {
  const { t } = useTranslation();
  const { me, status } = useSession();
  if (status === 'loading') return null;
  if (!me) {
    return (
      <section className="nj-section nj-public-block" style={{ textAlign: 'center' }}>
        <h2 className="nj-public-h2">{t('signage.signInTitle')}</h2>
        <p className="nj-muted" style={{ margin: '0 0 12px' }}>
          {t('signage.signInText')}
        </p>
        <Button color="primary" size="large" block onClick={() => window.location.assign(`/m/login?next=${encodeURIComponent(`/p/${code}`)}`)} data-testid="public-sign-in">
          {t('signage.signIn')}
        </Button>
      </section>
    );
  }
  return (
    <>
      <RateBlock code={code} onRated={onRated} />
      <ReportBlock code={code} />
    </>
  );
}

function RateBlock({ code, onRated }: { code: string; onRated: () => void }) {
  const { t } = useTranslation();
  const mine = useRequest(
    (signal) =>
      api.get<MyRating>(`/feedback/positions/${code}/my-rating`, undefined, {
        signal,
      }),
    [code],
  );
  const [stars, setStars] = useState(0);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const value = stars || mine.data?.stars || 0;
  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.post<NonNullable<MyRating>>(`/feedback/positions/${code}/ratings`, { stars: value });
      mine.setData(saved);
      setStars(0);
      Toast.show({ content: t('signage.rated') });
      onRated();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="nj-section nj-public-block" data-testid="rate-block">
      <h2 className="nj-public-h2">{t('signage.rateTitle')}</h2>
      <p className="nj-muted" style={{ margin: '0 0 8px' }}>
        {mine.data ? t('signage.yourRating', { stars: mine.data.stars }) : t('signage.rateHint')}
      </p>
      <div role="radiogroup" aria-label={t('signage.rateTitle')} className="nj-public-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={value === n} aria-label={t('feedback.stars', { count: n })} className={n <= value ? 'is-on' : ''} onClick={() => setStars(n)}>
            ★
          </button>
        ))}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <Button color="primary" block size="large" style={{ marginTop: 12 }} disabled={!value || value === mine.data?.stars} loading={saving} onClick={() => void submit()} data-testid="rate-submit">
        {t('signage.submitRating')}
      </Button>
    </section>
  );
}

function ReportBlock({ code }: { code: string }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<string>('');
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Issue | null>(null);

  const submit = async () => {
    setSending(true);
    setError(null);
    try {
      const uploaded = photo ? await api.sendFile<{ id: string }>('/photos', photo) : null;
      const issue = await api.post<Issue>(`/feedback/positions/${code}/issues`, { category, text, ...(uploaded ? { photoId: uploaded.id } : {}) });
      setDone(issue);
      setCategory('');
      setText('');
      setPhoto(null);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="nj-section nj-public-block" data-testid="report-block">
      <h2 className="nj-public-h2">{t('signage.reportTitle')}</h2>
      {done ? (
        <div role="status" className="nj-public-done" data-testid="report-done">
          <p style={{ margin: '0 0 8px' }}>{t('signage.reported', { number: done.number })}</p>
          <div style={{ display: 'flex', gap: 8 }}>
            <a className="nj-nav-button" href="/m/me/feedback">
              {t('signage.myFeedback')}
            </a>
            <button type="button" className="nj-nav-button" onClick={() => setDone(null)}>
              {t('signage.reportAnother')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p className="nj-muted" style={{ margin: '0 0 8px' }}>
            {t('signage.reportHint')}
          </p>
          <div className="nj-public-label" id="report-category">
            {t('signage.category')}
          </div>
          <Selector
            aria-labelledby="report-category"
            columns={2}
            value={category ? [category] : []}
            onChange={(v) => setCategory(v[0] ?? '')}
            options={issueCategories.map((c) => ({
              value: c,
              label: t(`feedback.categories.${c}`),
            }))}
          />
          <label className="nj-public-label" htmlFor="report-text">
            {t('signage.text')}
          </label>
          <div className="nj-field" style={{ margin: '4px 0 12px' }}>
            <TextArea id="report-text" value={text} onChange={setText} placeholder={t('signage.textPlaceholder')} maxLength={500} rows={3} showCount />
          </div>
          <div className="nj-public-label">{t('signage.photo')}</div>
          {photo ? (
            <div
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 12,
                margin: '4px 0 12px',
              }}
            >
              <img
                src={URL.createObjectURL(photo)}
                alt=""
                style={{
                  width: 72,
                  height: 72,
                  objectFit: 'cover',
                  borderRadius: 8,
                }}
              />
              <button type="button" className="nj-link-button" onClick={() => setPhoto(null)}>
                {t('signage.removePhoto')}
              </button>
            </div>
          ) : (
            <label className="nj-nav-button" style={{ margin: '4px 0 12px', display: 'inline-flex' }}>
              {t('signage.addPhoto')}
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                data-testid="report-photo"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  if (file.size > MAX_PHOTO_BYTES) Toast.show({ content: t('signage.photoTooBig') });
                  else setPhoto(file);
                }}
              />
            </label>
          )}
          {error ? <ErrorNotice error={error} /> : null}
          <Button color="primary" block size="large" type="submit" disabled={!category || text.trim().length < 2} loading={sending} data-testid="report-submit">
            {t('signage.submitReport')}
          </Button>
        </form>
      )}
    </section>
  );
}
