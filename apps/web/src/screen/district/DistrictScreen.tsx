import type { ScreenSummary } from '@niangjia/contracts';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatTime } from '../../shared/format';
import { useStageTransform, useNow } from '../stage';
import { formatWan } from './chart-text';
import { RollingNumber } from './RollingNumber';
import { useDistrictLive } from './use-district-live';

// The charts load after the first paint (ECharts is the bulk of the screen's JavaScript).
const DistrictMap = lazy(() => import('./DistrictMap').then((m) => ({ default: m.DistrictMap })));
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));
const RankingBars = lazy(() => import('./RankingBars').then((m) => ({ default: m.RankingBars })));

const ORG = new URLSearchParams(window.location.search).get('org') ?? '';
const ROTATE_MS = 12_000;

function formatCounter(unit: string, v: number): string {
  if (unit === 'fen') return `¥${formatWan(v / 100)}`;
  return formatWan(v);
}

/** Cycles through a list every ROTATE_MS (a wall screen shows more than fits, without anyone touching it). */
function useRotation(length: number): number {
  const [i, setI] = useState(0);
  useEffect(() => {
    if (length < 2) return;
    const timer = setInterval(() => setI((x) => (x + 1) % length), ROTATE_MS);
    return () => clearInterval(timer);
  }, [length]);
  return length ? i % length : 0;
}

/**
 * The district big screen (/screen?org=CODE): the union's work at a glance for a wall at 1920×1080,
 * live. Figures come from the indicator catalogue, like 数据中心 and the report.
 */
export function DistrictScreen() {
  const { t } = useTranslation();
  const transform = useStageTransform();
  const now = useNow();
  const { summary, map, error, connection, updatedAt } = useDistrictLive(ORG);
  const trendIndex = useRotation(summary?.trends.length ?? 0);
  const rankingIndex = useRotation(summary?.rankings.length ?? 0);
  const isStale = connection === 'stale';

  useEffect(() => {
    document.title = t('screen.title', { org: summary?.org.name ?? '' });
  }, [t, summary?.org.name]);

  if (error) {
    return (
      <div className="scr-viewport">
        <div className="scr-stage" style={{ transform }}>
          <div className="scr-message" data-testid="screen-unknown-org">
            <h1>{t('screen.unknownOrg')}</h1>
            <p>{error.detail ?? error.title}</p>
            <p className="scr-message-hint">{t('screen.unknownOrgHint')}</p>
          </div>
        </div>
      </div>
    );
  }

  const trend = summary?.trends[trendIndex];
  const ranking = summary?.rankings[rankingIndex];
  return (
    <div className="scr-viewport">
      <div className={`scr-stage${isStale ? ' scr-is-stale' : ''}`} style={{ transform }}>
        <header className="scr-header">
          <div>
            <div className="scr-clock" data-testid="screen-clock">{formatTime(now)}</div>
            <div className="scr-date">{formatDate(now)}</div>
          </div>
          <div className="scr-title">{t('screen.title', { org: summary?.org.name ?? '…' })}</div>
          <div className="scr-meta" data-testid="screen-status" data-connection={connection}>
            <div className={isStale ? 'scr-stale' : undefined} data-testid="screen-updated">
              {updatedAt ? t('screen.updatedAt', { time: formatDateTime(updatedAt, true) }) : t('screen.waiting')}
            </div>
            {isStale ? <div className="scr-stale-badge">{t('screen.staleBadge')}</div> : <div className="scr-live">{connection === 'live' ? t('screen.live') : t('screen.connecting')}</div>}
          </div>
        </header>
        {!summary ? (
          <div className="scr-message">{t('screen.waiting')}</div>
        ) : (
          <main className="scr-body">
            <section className="scr-panel scr-counters">
              <h2>{t('screen.figures')}</h2>
              {summary.counters.map((c) => (
                <div className="scr-figure" key={c.key}>
                  <div className="scr-figure-label">{c.label}</div>
                  <div className="scr-figure-value">
                    {c.value === null ? '—' : <RollingNumber value={c.value} format={(v) => formatCounter(c.unit, v)} testId={`screen-counter-${c.key}`} />}
                    <span className="scr-figure-unit">{t(`screen.units.${c.unit}`)}</span>
                  </div>
                  {c.note && <div className="scr-figure-note">{c.note}</div>}
                </div>
              ))}
              {summary.target && <TargetBar target={summary.target} />}
            </section>
            <section className="scr-center">
              <div className="scr-panel scr-map-panel">
                <h2>
                  {t('screen.mapTitle')}
                  <span className="scr-h2-note">{t('screen.mapNote', { count: map?.stations.length ?? 0 })}</span>
                </h2>
                <div className="scr-chart">
                  <Suspense fallback={null}>{map && <DistrictMap map={map} />}</Suspense>
                </div>
              </div>
              <div className="scr-panel scr-trend-panel">
                <h2>{trend ? t('screen.trendTitle', { name: trend.label }) : ''}</h2>
                <div className="scr-chart">
                  <Suspense fallback={null}>{trend && <TrendChart trend={trend} />}</Suspense>
                </div>
              </div>
            </section>
            <section className="scr-right">
              <div className="scr-panel scr-ranking-panel">
                <h2>{ranking ? t('screen.rankingTitle', { name: ranking.label }) : t('screen.ranking')}</h2>
                <div className="scr-chart">
                  <Suspense fallback={null}>{ranking && ranking.rows.length > 0 && <RankingBars ranking={ranking} testId="screen-ranking" />}</Suspense>
                  {ranking && ranking.rows.length === 0 && <div className="scr-empty">{t('screen.noChildren')}</div>}
                </div>
              </div>
              <div className="scr-panel scr-activity-panel">
                <h2>{t('screen.activity')}</h2>
                <Activity items={summary.activity} />
              </div>
            </section>
          </main>
        )}
      </div>
    </div>
  );
}

function TargetBar({ target }: { target: NonNullable<ScreenSummary['target']> }) {
  const { t } = useTranslation();
  const pct = Math.round(target.progress * 1000) / 10;
  return (
    <div className="scr-target" data-testid="screen-target">
      <div className="scr-figure-label">{t('screen.targetDone', { label: target.label, pct })}</div>
      <div className="scr-target-track">
        <div className="scr-target-fill" style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
    </div>
  );
}

function Activity({ items }: { items: ScreenSummary['activity'] }) {
  const { t } = useTranslation();
  if (!items.length) return <div className="scr-empty">{t('screen.noActivity')}</div>;
  return (
    <ul className="scr-activity" data-testid="screen-activity">
      {items.slice(0, 8).map((a) => (
        <li key={a.id} className={`scr-activity-${a.kind}`}>
          <span className="scr-activity-time">{formatTime(new Date(a.at), false)}</span>
          <span className="scr-activity-text">{a.text}</span>
        </li>
      ))}
    </ul>
  );
}
