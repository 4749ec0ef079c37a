import type { PublicPosition } from '@niangjia/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../shared/api';
import { SEVEN_STANDARD } from '../shared/positions';
import { useRequest } from '../shared/use-request';
import { groupWeek } from './hours';
import { QrSvg } from '../shared/QrSvg';

/** Small line icons for the standard's seven items (print as black on white). */
const FACILITY_ICONS: Record<string, string> = {
  table_chairs: 'M4 10h16M6 10v9M18 10v9M8 6h8v4H8z',
  microwave: 'M3 6h18v12H3zM6 9h9v6H6zM18 9v1M18 12v1',
  rice_cooker: 'M5 10h14v8a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2zM4 10h16M9 6h6v4',
  kettle: 'M6 9h10v10H6zM16 11h3v4h-3M9 5h4v4',
  fan: 'M12 12m-2 0a2 2 0 1 0 4 0a2 2 0 1 0-4 0M12 10V3M14 12h7M12 14v7M10 12H3',
  phone_charger: 'M8 3h8v18H8zM11 18h2M12 7l-2 4h4l-2 4',
  first_aid_kit: 'M3 7h18v13H3zM9 7V4h6v3M12 10v7M8.5 13.5h7',
};
const GENERIC_ICON = 'M5 12l4 4 10-10';

/** /p/:code/sign — the A4 sign at the door: name, who it serves, facilities, hours, contact, QR. */
export function SignPage() {
  const { t } = useTranslation();
  const code = (useParams().code ?? '').toUpperCase();
  const info = useRequest((signal) => api.get<PublicPosition>(`/public/positions/${encodeURIComponent(code)}`, undefined, { signal, skipAuthRedirect: true }), [code]);
  const p = info.data;
  // A joining point's sign is for joining: its QR opens /m/join with the point's union chosen.
  const isJoiningPoint = p?.type === 'joining_point';
  const url = isJoiningPoint ? `${window.location.origin}/m/join?point=${code}` : `${window.location.origin}/p/${code}`;
  if (info.error) return <p style={{ padding: 24 }}>{t('signage.notFound')}</p>;
  if (!p) return null;
  const week = groupWeek(p.weekly, {
    day: (d) => t(`signage.days.${d}`),
    range: (from, to) => t('signage.dayRange', { from, to }),
    closed: t('signage.closedDay'),
  });
  const standard = SEVEN_STANDARD.filter((f) => p.facilities.includes(f));
  const others = p.facilities.filter((f) => !(SEVEN_STANDARD as readonly string[]).includes(f));

  return (
    <div className="nj-sign-screen">
      <div className="nj-sign-toolbar">
        <button type="button" onClick={() => window.print()} data-testid="sign-print">
          {t('signage.print')}
        </button>
        <span>{t('signage.printHint')}</span>
      </div>
      <article className="nj-sign" data-testid="sign">
        <header className="nj-sign-head">
          <div className="nj-sign-type">{t(`positions.types.${p.type}`)}</div>
          <h1 data-testid="sign-name">{p.name}</h1>
          {p.rating.stars ? (
            <div
              className="nj-sign-stars"
              aria-label={t('signage.ratingYear', {
                year: p.rating.year,
                stars: p.rating.stars,
              })}
            >
              {'★'.repeat(p.rating.stars)}
              {'☆'.repeat(5 - p.rating.stars)}{' '}
              <span>
                {t('signage.ratingYear', {
                  year: p.rating.year,
                  stars: p.rating.stars,
                })}
              </span>
            </div>
          ) : null}
        </header>
        <section className="nj-sign-row">
          <h2>{t('signage.serves')}</h2>
          <p className="nj-sign-serves">{p.serves.map((s) => t(`positions.audiences.${s}`)).join(' · ') || '—'}</p>
        </section>
        <section className="nj-sign-row">
          <h2>{t('signage.facilities')}</h2>
          <ul className="nj-sign-facilities">
            {[...standard, ...others].map((f) => (
              <li key={f}>
                <svg viewBox="0 0 24 24" width="36" height="36" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
                  <path d={FACILITY_ICONS[f] ?? GENERIC_ICON} />
                </svg>
                <span>{t(`positions.facilities.${f}`)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="nj-sign-row">
          <h2>{t('signage.hours')}</h2>
          <div className="nj-sign-hours" data-testid="sign-hours">
            {p.is24h ? (
              <div>{t('signage.allDay')}</div>
            ) : (
              week.map((w) => (
                <div key={w.days}>
                  <strong>{w.days}</strong> {w.hours}
                </div>
              ))
            )}
          </div>
        </section>
        <footer className="nj-sign-foot">
          <div className="nj-sign-contact">
            {p.contactPhone && (
              <div>
                <h2>{t('signage.contact')}</h2>
                <p className="nj-sign-phone">{p.contactPhone}</p>
              </div>
            )}
            <div>
              <h2>{t('signage.address')}</h2>
              <p>{p.address}</p>
            </div>
            <p className="nj-sign-org">{t('signage.signFooter', { org: p.orgName })}</p>
          </div>
          <figure className="nj-sign-qr">
            <div data-testid="sign-qr">
              <QrSvg text={url} />
            </div>
            <figcaption>{isJoiningPoint ? t('signage.scanToJoin') : t('signage.scanText')}</figcaption>
            <div className="nj-sign-url">{url.replace(/^https?:\/\//, '')}</div>
          </figure>
        </footer>
      </article>
    </div>
  );
}
