import QRCode from 'qrcode';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../shared/format';
import { LazyMap, useMapLayers, type MapPoint } from '../../shared/map';
import { formatYuan, type FundRecent, type FundSummary } from './fund-live';
import { RollingYuan } from './RollingYuan';
import { useNow } from '../stage';
import { useFundLive, type Connection } from './use-fund-live';

const RankingChart = lazy(() => import('./RankingChart').then((m) => ({ default: m.RankingChart })));

const STALE_MS = 150_000;
const params = new URLSearchParams(window.location.search);
const ORG = params.get('org') ?? '';
const LAYOUT_PARAM = params.get('layout');

export type Layout = 'wall' | 'shop';
const STAGES: Record<Layout, { w: number; h: number }> = {
  wall: { w: 1920, h: 1080 },
  shop: { w: 1280, h: 720 },
};

/** ?layout=shop or ?layout=wall; otherwise a small display (the shop's 1280×720) gets the compact one. */
function pickLayout(): Layout {
  if (LAYOUT_PARAM === 'shop' || LAYOUT_PARAM === 'wall') return LAYOUT_PARAM;
  return window.innerWidth <= 1440 || window.innerHeight <= 810 ? 'shop' : 'wall';
}

/** The layout and the transform that fits its fixed stage into the window, letterboxed and centred. */
function useStage(): { layout: Layout; transform: string } {
  const compute = () => {
    const layout = pickLayout();
    const { w, h } = STAGES[layout];
    const scale = Math.min(window.innerWidth / w, window.innerHeight / h);
    const x = (window.innerWidth - w * scale) / 2;
    const y = (window.innerHeight - h * scale) / 2;
    return { layout, transform: `translate(${x}px, ${y}px) scale(${scale})` };
  };
  const [stage, setStage] = useState(compute);
  useEffect(() => {
    const onResize = () => setStage(compute());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return stage;
}

/** 爱心基金大屏: public, read-only, no personal data; live from the fund's event stream. */
export function FundScreen() {
  const { t } = useTranslation();
  const { layout, transform } = useStage();
  const now = useNow();
  const live = useFundLive(ORG);
  const { summary, connection, updatedAt } = live;
  const isStale = updatedAt !== null && now.getTime() - updatedAt > STALE_MS;
  const title = t('fundScreen.title', {
    name: summary?.fund.name ?? t('fundScreen.titleShort'),
  });

  useEffect(() => {
    document.title = title;
  }, [title]);

  const status = <StatusLine connection={connection} updatedAt={updatedAt} isStale={isStale} now={now} hasError={!!live.error && !summary} />;
  const header = (
    <header className="scr-header fs-header">
      <div>
        <div className="scr-clock" data-testid="screen-clock">
          {formatTime(now)}
        </div>
        <div className="scr-date">{formatDate(now)}</div>
      </div>
      <div className="scr-title" data-testid="fund-title">
        {title}
      </div>
      <div className="scr-meta">{status}</div>
    </header>
  );

  return (
    <div className="scr-viewport">
      <div className={`scr-stage fs-stage fs-${layout}`} style={{ transform, width: STAGES[layout].w, height: STAGES[layout].h }} data-testid="fund-screen" data-layout={layout}>
        {header}
        {layout === 'wall' ? <WallBody summary={summary} /> : <ShopBody summary={summary} />}
      </div>
    </div>
  );
}

function StatusLine({ connection, updatedAt, isStale, now, hasError }: { connection: Connection; updatedAt: number | null; isStale: boolean; now: Date; hasError: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div data-testid="fund-connection" data-state={connection}>
        <span className={`fs-dot fs-dot-${connection}`} />
        {connection === 'live' ? t('fundScreen.live') : connection === 'connecting' ? t('fundScreen.connecting') : <span className="scr-stale">{t('fundScreen.reconnecting')}</span>}
      </div>
      <div className={isStale ? 'scr-stale' : undefined}>
        {hasError ? <span className="scr-stale">{t('fundScreen.loadFailed')}</span> : updatedAt ? t('fundScreen.updatedAt', { time: formatDateTime(updatedAt, true) }) : t('screen.waiting')}
      </div>
      {isStale && updatedAt && (
        <div className="scr-stale">
          {t('fundScreen.stale', {
            minutes: Math.floor((now.getTime() - updatedAt) / 60000),
          })}
        </div>
      )}
    </>
  );
}

function WallBody({ summary }: { summary: FundSummary | null }) {
  const { t } = useTranslation();
  const ranking = useRanking(summary, 10);
  return (
    <main className="scr-body fs-wall-body">
      <section className="fs-col">
        <div className="scr-panel fs-today">
          <h2>{t('fundScreen.today')}</h2>
          <Figure label={t('fundScreen.todayContribution')} testId="fund-today-contribution">
            {summary ? <RollingYuan fen={summary.today.contributionFen} /> : '—'}
          </Figure>
          <div className="fs-pair">
            <Figure label={t('fundScreen.todaySales')} unit={t('fundScreen.unitSales')} testId="fund-today-sales">
              {summary ? summary.today.sales.toLocaleString('zh-CN') : '—'}
            </Figure>
            <Figure label={t('fundScreen.todayBreakfasts')} unit={t('fundScreen.unitMeals')} testId="fund-today-breakfasts">
              {summary ? summary.today.breakfasts.toLocaleString('zh-CN') : '—'}
            </Figure>
          </div>
          <Figure label={t('fundScreen.balance')} testId="fund-balance">
            {summary ? <RollingYuan fen={summary.balanceFen} /> : '—'}
          </Figure>
          <div className="fs-pair">
            <Figure label={t('fundScreen.totalBreakfasts')} unit={t('fundScreen.unitMeals')} testId="fund-total-breakfasts">
              {summary ? summary.totalBreakfasts.toLocaleString('zh-CN') : '—'}
            </Figure>
            <Figure label={t('fundScreen.stations')} unit={t('fundScreen.unitStations')}>
              {summary ? summary.stations.length : '—'}
            </Figure>
          </div>
        </div>
        <AccountsQr size={132} />
      </section>
      <section className="fs-col fs-center">
        <div className="scr-panel fs-total-panel">
          <div className="fs-total-label">{t('fundScreen.total')}</div>
          <div className="fs-total">{summary ? <RollingYuan fen={summary.totalFen} testId="fund-total" /> : <span data-testid="fund-total-pending">—</span>}</div>
          <div className="fs-total-note">{t('fundScreen.totalNote')}</div>
        </div>
        <div className="scr-panel fs-map-panel">
          <h2>{t('fundScreen.map')}</h2>
          <StationsMap summary={summary} />
        </div>
      </section>
      <section className="fs-col">
        <div className="scr-panel fs-ranking-panel">
          <h2>{t('fundScreen.ranking')}</h2>
          <div className="fs-fill">
            <Suspense fallback={null}>
              <RankingChart rows={ranking} />
            </Suspense>
          </div>
        </div>
        <div className="scr-panel fs-recent-panel">
          <h2>{t('fundScreen.recent')}</h2>
          <RecentList recent={summary?.recent ?? []} rows={6} />
        </div>
      </section>
    </main>
  );
}

function ShopBody({ summary }: { summary: FundSummary | null }) {
  const { t } = useTranslation();
  const ranking = useRanking(summary, 5);
  return (
    <main className="fs-shop-body">
      <section className="scr-panel fs-shop-total">
        <div className="fs-total-label">{t('fundScreen.total')}</div>
        <div className="fs-total">{summary ? <RollingYuan fen={summary.totalFen} testId="fund-total" /> : <span data-testid="fund-total-pending">—</span>}</div>
        <div className="fs-shop-figures">
          <Figure label={t('fundScreen.todayContribution')} testId="fund-today-contribution">
            {summary ? <RollingYuan fen={summary.today.contributionFen} /> : '—'}
          </Figure>
          <Figure label={t('fundScreen.todaySales')} unit={t('fundScreen.unitSales')} testId="fund-today-sales">
            {summary ? summary.today.sales.toLocaleString('zh-CN') : '—'}
          </Figure>
          <Figure label={t('fundScreen.todayBreakfasts')} unit={t('fundScreen.unitMeals')} testId="fund-today-breakfasts">
            {summary ? summary.today.breakfasts.toLocaleString('zh-CN') : '—'}
          </Figure>
        </div>
        <div className="fs-shop-ranking">
          <Suspense fallback={null}>
            <RankingChart rows={ranking} fontSize={15} />
          </Suspense>
        </div>
      </section>
      <section className="fs-col">
        <div className="scr-panel fs-recent-panel">
          <h2>{t('fundScreen.recent')}</h2>
          <RecentList recent={summary?.recent ?? []} rows={6} />
        </div>
        <AccountsQr size={96} />
      </section>
    </main>
  );
}

/** Station names without the common suffix, so the ranking's labels fit: 华新街江湾城社区工会驿站 → 华新街江湾城社区. */
export function shortStationName(name: string): string {
  return name.replace(/(工会)?驿站$/, '') || name;
}

function useRanking(summary: FundSummary | null, n: number) {
  return useMemo(
    () =>
      [...(summary?.stations ?? [])]
        .sort((a, b) => b.totalFen - a.totalFen)
        .slice(0, n)
        .map((s) => ({ name: shortStationName(s.name), fen: s.totalFen })),
    [summary?.stations, n],
  );
}

function Figure({ label, unit, testId, children }: { label: string; unit?: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="scr-figure fs-figure">
      <div className="scr-figure-label">{label}</div>
      <div className="scr-figure-value" data-testid={testId}>
        {children}
        {unit ? <span className="scr-figure-unit">{unit}</span> : null}
      </div>
    </div>
  );
}

function StationsMap({ summary }: { summary: FundSummary | null }) {
  const layers = useMapLayers();
  const points = useMemo<MapPoint[]>(
    () =>
      (summary?.stations ?? [])
        .filter((s) => s.lng !== null && s.lat !== null)
        .map((s) => ({
          id: s.positionId,
          lng: s.lng ?? 0,
          lat: s.lat ?? 0,
          color: '#35e0ff',
          filled: true,
          title: s.name,
          label: `¥${formatYuan(s.totalFen)}`,
        })),
    [summary?.stations],
  );
  return (
    <div className="fs-map fs-fill">
      <LazyMap layers={layers.data} points={points} height="100%" testId="fund-map" fallback={<div className="fs-fill" />} />
    </div>
  );
}

/** The newest contributions; a new one slides in on top. Stations only, never who bought what. */
function RecentList({ recent, rows }: { recent: FundRecent[]; rows: number }) {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const fresh = new Set<string>();
  if (seen.current) for (const r of recent) if (!seen.current.has(r.id)) fresh.add(r.id);
  useEffect(() => {
    seen.current = new Set(recent.map((r) => r.id));
  }, [recent]);
  if (recent.length === 0) return <div className="fs-recent-empty">{t('fundScreen.noRecent')}</div>;
  return (
    <ul className="fs-recent" data-testid="fund-recent">
      {recent.slice(0, rows).map((r) => (
        <li key={r.id} className={fresh.has(r.id) ? 'fs-recent-new' : undefined}>
          <span className="fs-recent-time">{formatTime(new Date(r.at), true)}</span>
          <span className="fs-recent-station">{r.stationName}</span>
          <span className="fs-recent-amount">
            {t('fundScreen.contribution', {
              amount: `¥${formatYuan(r.amountFen)}`,
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A QR of the public 账目公开 page on the phone face. */
function AccountsQr({ size }: { size: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const url = `${window.location.origin}/m/fund/accounts${ORG ? `?org=${encodeURIComponent(ORG)}` : ''}`;
  useEffect(() => {
    if (ref.current)
      void QRCode.toCanvas(ref.current, url, {
        width: size,
        margin: 1,
        color: { dark: '#041437', light: '#ffffff' },
      });
  }, [url, size]);
  return (
    <div className="scr-panel fs-qr">
      <canvas ref={ref} width={size} height={size} data-testid="fund-accounts-qr" data-url={url} />
      <div className="fs-qr-text">{t('fundScreen.accountsQr')}</div>
    </div>
  );
}
