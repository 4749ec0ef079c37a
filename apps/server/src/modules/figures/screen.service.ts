import type { ScreenMap, ScreenSummary } from '@niangjia/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { CHANGE_CHANNEL, periodContaining, trendBuckets, type Period } from '../../platform/indicators';
import { createNotifyListener } from '../../platform/notify-listener';
import { loadJiangbeiOutline } from '../positions';
import * as repo from './figures.repository';
import type { OrgNode } from './figures.repository';
import { byCatalogueOrder, orgBrief, type FiguresService } from './figures.service';
import * as screenRepo from './screen.repository';

const FORM_ZH: Record<string, [string, string]> = {
  standard: ['职工', 'worker'],
  delivery_rider: ['外卖骑手', 'delivery rider'],
  courier: ['快递员', 'courier'],
  ride_hailing: ['网约车司机', 'ride-hailing driver'],
  truck_driver: ['货车司机', 'truck driver'],
  domestic: ['家政服务员', 'domestic worker'],
  other_flexible: ['灵活就业人员', 'flexible worker'],
};

function activityText(row: screenRepo.ActivityRow, lang: Lang): string {
  const en = lang === 'en';
  switch (row.kind) {
    case 'entry':
      return en ? `A worker scanned in at ${row.place}` : `${row.place} 有职工扫码进站`;
    case 'sale':
      return en ? `${row.place}: a sale, +¥${((row.amount ?? 0) / 100).toFixed(2)} to the fund` : `爱心基金 +¥${((row.amount ?? 0) / 100).toFixed(2)} · ${row.place}`;
    case 'breakfast':
      return en ? `${row.amount ?? 1} breakfast(s) served at ${row.place}` : `${row.place} 发放爱心早餐 ${row.amount ?? 1} 份`;
    case 'member': {
      const form = FORM_ZH[row.detail ?? ''] ?? FORM_ZH.standard!;
      return en ? `${row.place}: a new member (${form[1]})` : `${row.place} 新增会员 1 名（${form[0]}）`;
    }
  }
}

const JIANGBEI = '500105';

/**
 * The public district screen (/screen?org=CODE): counters, trends, street rankings, the stations
 * on the outline, the latest activity — from the catalogue, no sign-in and nothing personal.
 * Live: every committed write that moves a rollup sends NOTIFY (platform/indicators); each
 * instance recomputes a screen's summary at most once a second and pushes it over SSE.
 */
export function createScreenService({ database, figures, log }: { database: Database; figures: FiguresService; log?: FastifyBaseLogger }) {
  const db = database.db;
  const inflight = new Map<string, { at: number; generation: number; promise: Promise<ScreenSummary> }>();
  const listeners = new Set<() => void>();
  // Counts the changes heard: a summary whose computation began before the latest change may have
  // missed it, so it is not handed out again (else a sale landing mid-computation stayed unseen).
  let generation = 0;
  const changed = () => {
    generation++;
    listeners.forEach((l) => l());
  };
  // After a lost connection the screens refresh: what changed meanwhile was not heard.
  const listener = createNotifyListener(database, CHANGE_CHANNEL, changed, { log, onReconnect: changed });

  async function resolvePublicOrg(code: string | undefined): Promise<OrgNode> {
    const node = code ? await repo.findOrgNode(db, code) : await repo.findRootOrg(db);
    if (!node) throw new AppError('FIGURES_SCREEN_ORG_UNKNOWN', { status: 404, params: { code: code ?? '' }, detail: 'FIGURES_SCREEN_ORG_UNKNOWN_DETAIL' });
    return node;
  }

  async function compute(org: OrgNode, lang: Lang): Promise<ScreenSummary> {
    const asked = new Date();
    const today = figures.today();
    const name = (key: string) => {
      const ind = figures.catalogue.get(key)!;
      return lang === 'en' ? ind.name.en : ind.name.zh;
    };
    const day: Period = { kind: 'day', from: today, to: today };
    const year = periodContaining('year', today);
    const ytd: Period = { ...year, to: today };
    const one = async (key: string, p: Period) => (await figures.evaluate(key, org, [p], { by: 'none' }, {}, today)).values.get('')?.[0] ?? null;
    const [members, positions, restStations, smart, entriesToday, fund, served] = await Promise.all([
      one('members.total', day),
      one('positions.total', day),
      one('positions.rest_stations', day),
      one('access.smart_stations', day),
      one('access.entries', day),
      one('fund.raised_total', day),
      one('figures.served', ytd),
    ]);
    const en = lang === 'en';
    const counters: ScreenSummary['counters'] = [
      { key: 'members.total', label: name('members.total'), value: members, unit: 'people', note: null },
      { key: 'positions.total', label: name('positions.total'), value: positions, unit: 'count', note: en ? `${restStations ?? 0} rest stations, ${smart ?? 0} smart` : `其中户外劳动者服务站 ${restStations ?? 0} 个，智慧驿站 ${smart ?? 0} 个` },
      { key: 'access.entries', label: en ? 'Smart-station entries today' : '今日智慧驿站进站', value: entriesToday, unit: 'person_times', note: null },
      { key: 'fund.raised_total', label: en ? 'Charity fund raised' : '爱心基金累计筹集', value: fund, unit: 'fen', note: null },
      { key: 'figures.served', label: en ? `People served in ${today.slice(0, 4)}` : `${today.slice(0, 4)}年服务职工`, value: served, unit: 'person_times', note: null },
    ];

    // The first headline indicator with a target for this org and year: 完成年度目标 86%.
    let target: ScreenSummary['target'] = null;
    for (const ind of [...figures.catalogue.indicators.values()].filter((i) => i.hasTarget).sort(byCatalogueOrder)) {
      const row = await repo.findTarget(db, ind.key, org.id, Number(today.slice(0, 4)));
      if (!row || !row.value) continue;
      const done = (await one(ind.key, ind.compute.kind === 'stock' ? day : ytd)) ?? 0;
      target = { label: en ? `${ind.name.en}: yearly target` : `${ind.name.zh}年度目标`, value: row.value, done, progress: done / row.value };
      break;
    }

    const { buckets } = trendBuckets(ytd);
    const lastYear = buckets.map((b) => ({ ...b, from: `${Number(b.from.slice(0, 4)) - 1}${b.from.slice(4)}`, to: `${Number(b.to.slice(0, 4)) - 1}${b.to.slice(4)}`.replace('-02-29', '-02-28') }));
    const trends = await Promise.all(
      ['figures.served', 'members.new', 'fund.raised'].map(async (key) => {
        const row = (await figures.evaluate(key, org, [...buckets, ...lastYear], { by: 'none' }, {}, today)).values.get('') ?? [];
        return {
          key,
          label: name(key),
          unit: figures.catalogue.get(key)!.unit,
          points: buckets.map((b, i) => ({ label: en ? b.from.slice(5, 7) : `${Number(b.from.slice(5, 7))}月`, value: row[i] ?? 0, lastYear: row[buckets.length + i] ?? 0 })),
        };
      }),
    );

    const children = (await repo.listChildren(db, org.id)).filter((c) => c.type !== 'grassroots' || org.type === 'street');
    const rankings = await Promise.all(
      ['members.total', 'figures.served', 'positions.total'].map(async (key) => {
        const p = key === 'figures.served' ? ytd : day;
        const split = children.length ? (await figures.evaluate(key, org, [p], { by: 'child', children }, {}, today)).values : new Map<string, (number | null)[]>();
        return {
          key,
          label: key === 'figures.served' ? (en ? 'People served this year' : '今年服务人次') : name(key),
          unit: figures.catalogue.get(key)!.unit,
          rows: children
            .map((c) => ({ name: c.name, value: split.get(c.id)?.[0] ?? 0 }))
            .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
            .slice(0, 10),
        };
      }),
    );

    const activity = (await screenRepo.listScreenActivity(db, org.path)).map((a) => ({ id: `${a.kind}-${a.id}`, at: new Date(a.at).toISOString(), kind: a.kind, text: activityText(a, lang) }));
    return { org: orgBrief(org), counters, target, trends, rankings, activity, asOf: asked.toISOString() };
  }

  let outlineCache: unknown = null;
  function outlineGeoJson() {
    if (!outlineCache) {
      const o = loadJiangbeiOutline();
      outlineCache = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: o.name, adcode: o.adcode }, geometry: o.geometry }] };
    }
    return outlineCache;
  }

  async function map(org: OrgNode): Promise<ScreenMap> {
    const stations = (await screenRepo.listScreenStations(db, org.path)).map((s) => ({
      code: s.code,
      name: s.name,
      type: s.type,
      lng: Number(s.lng),
      lat: Number(s.lat),
      isSmart: s.is_smart,
      isCommerceSustained: s.is_commerce,
      isOpen24h: s.is_24h,
    }));
    const division = await screenRepo.findDivisionCode(db, org.path);
    const outline = division?.startsWith(JIANGBEI) ? outlineGeoJson() : null;
    return { org: orgBrief(org), outline, stations };
  }

  return {
    resolvePublicOrg,
    map,
    /** The summary, shared by concurrent callers: recomputed after a change heard since it began, else at most once a second per org and language. */
    async summary(org: OrgNode, lang: Lang, maxAgeMs = 1000): Promise<ScreenSummary> {
      const key = `${org.id}:${lang}`;
      const cached = inflight.get(key);
      if (cached && cached.generation === generation && Date.now() - cached.at < maxAgeMs) return cached.promise;
      const started = generation;
      const promise = compute(org, lang);
      inflight.set(key, { at: Date.now(), generation: started, promise });
      promise.catch(() => inflight.delete(key));
      return promise;
    },
    /** Called after each committed change to any rollup (and after a reconnect of the listener). */
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Open screen streams on this instance (each subscribes once). */
    clientCount: () => listeners.size,
    start: () => listener.start(),
    stop: () => listener.stop(),
  };
}

export type ScreenService = ReturnType<typeof createScreenService>;
