import type { Roadshow } from '@niangjia/contracts';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../shared/format';
import { useNow, useStageTransform } from '../stage';
import { useRoadshowLive } from './use-roadshow-live';
import './roadshow.css';

const SEASON = window.location.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
const KEY = new URLSearchParams(window.location.search).get('k');
const STALE_MS = 2 * 60_000;

/** A number that counts up to its new value. */
function Rolling({ value, testId }: { value: number; testId?: string }) {
  const [shown, setShown] = useState(value);
  const current = useRef(value);
  useEffect(() => {
    const from = current.current;
    const start = performance.now();
    let frame = 0;
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / 700);
      const v = t >= 1 ? value : Math.round(from + (value - from) * (1 - (1 - t) ** 3));
      current.current = v;
      setShown(v);
      if (t < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [value]);
  return (
    <span data-testid={testId} data-value={value}>
      {shown.toLocaleString('zh-CN')}
    </span>
  );
}

/** 路演大屏 (/screen/roadshow/:season): what is pitching, the live vote counts, then the revealed ranking. Public, no personal data. */
export function RoadshowScreen() {
  const { t } = useTranslation();
  const transform = useStageTransform();
  const now = useNow();
  const { data, error, connection, updatedAt } = useRoadshowLive(SEASON, KEY);
  const isStale = updatedAt !== null && now.getTime() - updatedAt > STALE_MS;
  useEffect(() => {
    document.title = data ? `${data.season.title} · ${t('roadshow.title')}` : t('roadshow.title');
  }, [data, t]);

  return (
    <div className="scr-viewport">
      <div className="scr-stage rs-stage" style={{ transform }}>
        <header className="scr-header">
          <div>
            <div className="scr-clock">{formatTime(now)}</div>
            <div className="scr-date">{formatDate(now)}</div>
          </div>
          <div className="scr-title rs-title">{data ? `${data.season.year} · ${data.season.title}` : t('roadshow.title')}</div>
          <div className="scr-meta">
            <div className={connection === 'live' ? 'scr-ok' : 'scr-stale'} data-testid="roadshow-connection">
              {t(`roadshow.connection.${connection}`)}
            </div>
            <div className={isStale ? 'scr-stale' : undefined}>{updatedAt ? t('roadshow.updatedAt', { time: formatDateTime(updatedAt, true) }) : t('roadshow.waiting')}</div>
          </div>
        </header>
        {!data && error ? <div className="rs-message">{t('roadshow.notFound')}</div> : null}
        {data && (data.ranking ? <Ranking data={data} /> : <Live data={data} />)}
      </div>
    </div>
  );
}

function Live({ data }: { data: Roadshow }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...data.finalists.map((f) => f.votes));
  const qr = useRef<HTMLCanvasElement>(null);
  const url = data.checkin ? (data.checkin.url.startsWith('/') ? `${window.location.origin}${data.checkin.url}` : data.checkin.url) : null;
  useEffect(() => {
    if (url && qr.current) void QRCode.toCanvas(qr.current, url, { width: 300, margin: 1, color: { dark: '#041437', light: '#ffffff' } });
  }, [url]);
  return (
    <main className="rs-body">
      <section className="rs-left">
        <div className="scr-panel rs-current">
          <h2>{t('roadshow.current')}</h2>
          {data.current ? (
            <>
              <div className="rs-current-num">{t('roadshow.number', { n: data.current.number })}</div>
              <div className="rs-current-title" data-testid="roadshow-current">
                {data.current.title}
              </div>
              <div className="rs-current-provider">{data.current.provider}</div>
              <div className="rs-current-category">{t(`marketTerms.category.${data.current.category}`)}</div>
            </>
          ) : (
            <div className="rs-current-idle">{t('roadshow.idle')}</div>
          )}
        </div>
        <div className="scr-panel rs-checkin">
          <h2>{t('roadshow.checkin')}</h2>
          {data.checkin ? (
            <div className="rs-checkin-row">
              <canvas ref={qr} />
              <div>
                <div className="rs-checkin-venue">{data.checkin.venue}</div>
                <div className="rs-code" data-testid="roadshow-code">
                  {data.checkin.code}
                </div>
                <div className="rs-checkin-note">{t('roadshow.checkinNote')}</div>
              </div>
            </div>
          ) : (
            <div className="rs-checkin-note">{data.voting.isOpen ? t('roadshow.votingOpen', { venues: data.voting.venues.join('、') }) : t('roadshow.votingClosed')}</div>
          )}
        </div>
      </section>
      <section className="scr-panel rs-votes">
        <h2>
          {t('roadshow.votes')}
          <span className={`rs-status ${data.voting.isOpen ? 'is-open' : ''}`}>{data.voting.isOpen ? t('roadshow.open') : t('roadshow.closed')}</span>
        </h2>
        <div className="rs-total">
          {t('roadshow.total')} <Rolling value={data.totalVotes} testId="roadshow-total" />
        </div>
        <div className="rs-bars">
          {data.finalists.map((f) => (
            <div key={f.entryId} className={`rs-bar-row ${data.current?.entryId === f.entryId ? 'is-current' : ''}`}>
              <div className="rs-bar-label">
                <span className="rs-bar-num">{f.pitchOrder ?? f.number}</span>
                <span className="rs-bar-title">{f.title}</span>
              </div>
              <div className="rs-bar-track">
                <div className="rs-bar-fill" style={{ width: `${(f.votes / max) * 100}%` }} />
              </div>
              <div className="rs-bar-value">
                <Rolling value={f.votes} />
              </div>
            </div>
          ))}
        </div>
      </section>
    </main>
  );
}

function Ranking({ data }: { data: Roadshow }) {
  const { t } = useTranslation();
  return (
    <main className="rs-ranking">
      <div className="rs-ranking-title">{t('roadshow.results')}</div>
      <div className="rs-ranking-grid" data-testid="roadshow-ranking">
        {data.ranking!.map((r) => (
          <div key={r.entryId} className={`rs-rank rs-prize-${r.prize ?? 0}`}>
            <div className="rs-rank-prize">{r.prize ? t(`marketTerms.prize.${r.prize}`) : t('roadshow.noPrize')}</div>
            <div className="rs-rank-title">{r.title}</div>
            <div className="rs-rank-provider">{r.provider}</div>
            <div className="rs-rank-figures">
              {t('roadshow.figures', { combined: r.combined.toFixed(2), expert: r.expert?.toFixed(2) ?? '—', votes: r.votes })}
            </div>
          </div>
        ))}
      </div>
    </main>
  );
}
