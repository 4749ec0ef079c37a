import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { formatDate, formatDateTime, formatTime } from '../shared/format';
import { useNow, useStageTransform } from './stage';

const LatencyChart = lazy(() => import('./LatencyChart').then((m) => ({ default: m.LatencyChart })));

const POLL_MS = 15_000;
const STALE_MS = 2 * 60_000;
const ORG = new URLSearchParams(window.location.search).get('org') ?? '';

type Health = { status: string; db: string; version: string };
type Figures = { org: { code: string; name: string }; orgs: { total: number; byType: Record<string, number> }; generatedAt: string };
export type Sample = { at: number; ms: number };

/** Polls /api/health; keeps the last good answer so a network drop shows as stale, not blank. */
function useHealth() {
  const [health, setHealth] = useState<Health | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [isDown, setIsDown] = useState(false);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [figures, setFigures] = useState<Figures | null>(null);
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      const started = performance.now();
      try {
        const [result, counted] = await Promise.all([
          api.get<Health>('/api/health', undefined, { skipAuthRedirect: true }),
          // /screen?org=JB shows one union's subtree; without it, the whole tree from the root.
          api.get<Figures>(`/api/v1/public/figures${ORG ? `?org=${encodeURIComponent(ORG)}` : ''}`, undefined, { skipAuthRedirect: true }),
        ]);
        if (cancelled) return;
        setFigures(counted);
        const ms = Math.round(performance.now() - started);
        setHealth(result);
        setIsDown(result.status !== 'ok');
        setUpdatedAt(Date.now());
        setSamples((prev) => [...prev.slice(-59), { at: Date.now(), ms }]);
      } catch {
        if (!cancelled) setIsDown(true);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  return { health, figures, updatedAt, isDown, samples };
}

export function ScreenApp() {
  const { t } = useTranslation();
  const transform = useStageTransform();
  const now = useNow();
  const { health, figures, updatedAt, isDown, samples } = useHealth();
  const byType = figures?.orgs.byType ?? {};
  const isStale = updatedAt !== null && now.getTime() - updatedAt > STALE_MS;
  const last = samples[samples.length - 1];

  useEffect(() => {
    document.title = t('screen.title', { org: figures?.org.name ?? '' });
  }, [t, figures?.org.name]);

  return (
    <div className="scr-viewport">
      <div className="scr-stage" style={{ transform }}>
        <header className="scr-header">
          <div>
            <div className="scr-clock" data-testid="screen-clock">{formatTime(now)}</div>
            <div className="scr-date">{formatDate(now)}</div>
          </div>
          <div className="scr-title">{t('screen.title', { org: figures?.org.name ?? '…' })}</div>
          <div className="scr-meta">
            <div className={isStale ? 'scr-stale' : undefined}>
              {updatedAt ? t('screen.updatedAt', { time: formatDateTime(updatedAt, true) }) : t('screen.waiting')}
            </div>
            {isStale && <div className="scr-stale">{t('screen.stale', { minutes: Math.floor((now.getTime() - (updatedAt ?? 0)) / 60000) })}</div>}
          </div>
        </header>
        <main className="scr-body">
          <section className="scr-panel">
            <h2>{t('screen.figures')}</h2>
            <Figure label={t('screen.orgTotal')} value={figures?.orgs.total} testId="screen-org-total" />
            <Figure label={t('screen.grassroots')} value={figures ? (byType.grassroots ?? 0) : undefined} />
            <Figure label={t('screen.streets')} value={figures ? (byType.street ?? 0) : undefined} />
            <Figure label={t('screen.joint')} value={figures ? (byType.joint ?? 0) : undefined} />
            <Figure label={t('screen.stations')} />
          </section>
          <section className="scr-center">
            <div className="scr-panel" style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
              <h2>{t('screen.latencyTrend')}</h2>
              <div style={{ flex: 1, minHeight: 0 }}>
                <Suspense fallback={null}>
                  <LatencyChart samples={samples} />
                </Suspense>
              </div>
            </div>
            <div className="scr-panel" style={{ height: 200 }}>
              <h2>{t('screen.goal')}</h2>
              <div style={{ fontSize: 30, lineHeight: 1.5 }}>{t('screen.goalText')}</div>
            </div>
          </section>
          <section className="scr-panel">
            <h2>{t('screen.service')}</h2>
            <div className="scr-figure">
              <div className="scr-figure-label">{t('screen.status')}</div>
              <div className={`scr-figure-value ${isDown ? 'scr-bad' : 'scr-ok'}`} data-testid="screen-status">
                {health ? (isDown ? t('screen.down') : t('screen.ok')) : '—'}
              </div>
            </div>
            <div className="scr-figure">
              <div className="scr-figure-label">{t('screen.latency')}</div>
              <div className="scr-figure-value">
                {last ? last.ms : '—'}
                <span className="scr-figure-unit">ms</span>
              </div>
            </div>
            <div className="scr-figure">
              <div className="scr-figure-label">{t('screen.database')}</div>
              <div className="scr-figure-value" style={{ fontSize: 56 }}>{health ? (health.db === 'postgres' ? 'PostgreSQL' : 'PGlite') : '—'}</div>
            </div>
            <div className="scr-figure">
              <div className="scr-figure-label">{t('screen.version')}</div>
              <div className="scr-figure-value" style={{ fontSize: 56 }}>{health?.version ?? '—'}</div>
            </div>
          </section>
        </main>
      </div>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value?: number | undefined; testId?: string }) {
  const { t } = useTranslation();
  if (value !== undefined) {
    return (
      <div className="scr-figure">
        <div className="scr-figure-label">{label}</div>
        <div className="scr-figure-value" data-testid={testId}>{value.toLocaleString('zh-CN')}</div>
      </div>
    );
  }
  // Figures of modules not built yet: say so rather than show a made-up number.
  return (
    <div className="scr-figure">
      <div className="scr-figure-label">{label}</div>
      <div className="scr-figure-value" style={{ opacity: 0.45 }}>—</div>
      <div className="scr-figure-note">{t('screen.pendingNote')}</div>
    </div>
  );
}
