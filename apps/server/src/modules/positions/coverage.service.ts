import type { CoverageArea, CoverageLayers, CoverageRun, StartCoverageRun, WeightLayer } from '@niangjia/contracts';
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { isJobFailed, type JobContext, type JobRunner } from '../../platform/jobs';
import { computeCoverage, type CoverageFigures, type StoredCandidate } from './coverage.compute';
import { computeCoverageInWorker, type CoverageAnswer, type CoverageSummary } from './coverage.worker';
import './coverage.errors';
import { parseWeightLayer } from './coverage.geojson';
import * as repo from './coverage.repository';
import type { CoverageRunRow } from './coverage.tables';
import type { NetworkService } from './network.service';
import { findNetworkForOrg } from './network.repository';
import { minutesToMetres } from './geo';
import { coverageRunNotice } from './positions.notify';

export const COVERAGE_JOB = 'coverage.run';
const noNetwork = (code: string) => new AppError('COVERAGE_NO_NETWORK', { status: 409, detail: 'COVERAGE_NO_NETWORK_DETAIL', params: { code } });
type Station = {
  id: string;
  code: string;
  name: string;
  lng: number;
  lat: number;
};
type Actor = { scope: Scope; audit: AuditContext };
type OrgRef = CoverageRun['area'];

const orgRef = (o: repo.OrgBrief): OrgRef => ({
  id: o.id,
  code: o.code,
  name: o.name,
  type: o.type as OrgRef['type'],
});
const startSchema = z.object({
  areaOrgId: z.string(),
  minutes: z.number().default(15),
  speedKmh: z.number().default(4.5),
  candidates: z.number().default(10),
  weightLayerId: z.string().nullish(),
});

/** The figures and layers a finished run stores (also used by the demo seed). */
export function runValuesOf(figures: CoverageFigures) {
  return { ...summaryValuesOf(figures), isochrones: figures.isochrones, uncovered: figures.uncovered };
}

function summaryValuesOf(figures: CoverageSummary) {
  return {
    status: 'succeeded',
    unsnappedCount: figures.unsnappedCount,
    totalLengthM: figures.totalLengthM,
    coveredLengthM: figures.coveredLengthM,
    lengthShare: figures.lengthShare,
    totalWeight: figures.totalWeight,
    coveredWeight: figures.coveredWeight,
    weightShare: figures.weightShare,
    candidates: figures.candidates,
    timingsMs: figures.timingsMs,
    finishedAt: new Date(),
  } as const;
}

/**
 * The 15-minute service circle as background jobs: a run walks the area's stored street network
 * from every open position in the area, and keeps its inputs, figures and layers so runs compare
 * over time. The job runs on whichever instance claims it; progress lives in the job row.
 */
export function createCoverageService({ db, jobs, networks, isOnMainThread = false }: { db: Db; jobs: JobRunner; networks: NetworkService; isOnMainThread?: boolean }) {
  /** The figures, and the thread that computed them (kept in the job's result: proof it was not the main one). */
  const compute: (...args: Parameters<typeof computeCoverage>) => Promise<CoverageAnswer> = isOnMainThread
    ? async (...args) => {
        const { isochrones, uncovered, ...figures } = await computeCoverage(...args);
        return { figures, layers: { isochrones: JSON.stringify(isochrones), uncovered: JSON.stringify(uncovered) }, threadId };
      }
    : computeCoverageInWorker;

  async function getScopedOrg(id: string, scope: Scope, entity = 'ENTITY_org') {
    const o = await repo.findOrgBrief(db, id);
    if (!o || !isInScope(scope, o.path)) throw notFound(entity);
    return o;
  }

  async function runJob(ctx: JobContext): Promise<unknown> {
    const { runId } = ctx.job.payload as { runId: string };
    const run = await repo.findRun(db, runId);
    if (!run || run.status === 'succeeded') return { skipped: true };
    await repo.updateRun(db, runId, { status: 'running' });
    try {
      const graph = run.networkId ? await networks.loadGraph(run.networkId) : null;
      if (!graph) throw noNetwork(run.area.code);
      const layer = run.weightLayerId ? await repo.findWeightLayer(db, run.weightLayerId) : undefined;
      const points = layer ? (layer.points as [number, number, number][]).map(([lng, lat, weight]) => ({ lng, lat, weight })) : null;
      const { figures, layers, threadId: computedOnThread } = await compute(
        graph,
        {
          positions: run.positions as Station[],
          minutes: run.minutes,
          speedKmh: run.speedKmh,
          candidateCount: run.candidateCount,
          points,
        },
        (fraction, phase) => ctx.progress(fraction * 0.95, phase, true),
      );
      // The network may have been deleted while the run computed (its reference is then cleared):
      // the run fails for that reason rather than storing figures of a network that is gone.
      if (!(await repo.storeRunResult(db, runId, summaryValuesOf(figures), layers))) throw noNetwork(run.area.code);
      return {
        lengthShare: figures.lengthShare,
        weightShare: figures.weightShare,
        computedOnThread,
      };
    } catch (error) {
      await repo.updateRun(db, runId, {
        status: 'failed',
        finishedAt: new Date(),
      });
      throw error;
    }
  }
  jobs.register(COVERAGE_JOB, runJob, { onSettled: coverageRunNotice });

  type Earlier = Awaited<ReturnType<typeof repo.listSucceededRuns>>;
  function toRun(row: repo.RunListRow, earlier: Earlier, lang: Lang): CoverageRun {
    // A run whose job failed outside the handler (abandoned) shows as failed too. The handler marks
    // its run failed just before the runner records the job's error: until then the run is still
    // running, so nobody reads a failure without its reason (it would show as INTERNAL).
    const status = row.jobStatus && isJobFailed(row.jobStatus) ? 'failed' : row.status === 'failed' && row.jobStatus === 'running' ? 'running' : (row.status as CoverageRun['status']);
    const previous = status === 'succeeded' ? earlier.find((e) => e.orgId === row.orgId && e.createdAt < row.createdAt && e.id !== row.id) : undefined;
    const stations = row.positions as Station[];
    const ref = ({ id, code, name }: Station) => ({ id, code, name });
    let change: CoverageRun['change'] = null;
    if (previous) {
      const before = previous.positions as Station[];
      const beforeIds = new Set(before.map((s) => s.id));
      const nowIds = new Set(stations.map((s) => s.id));
      const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
      change = {
        previousRunId: previous.id,
        stationsAdded: stations.filter((s) => !beforeIds.has(s.id)).map(ref),
        stationsRemoved: before.filter((s) => !nowIds.has(s.id)).map(ref),
        lengthShareDelta: delta(row.lengthShare, previous.lengthShare),
        weightShareDelta: delta(row.weightShare, previous.weightShare),
      };
    }
    const phaseKey = status === 'succeeded' || status === 'failed' ? null : `COVERAGE_PHASE_${row.jobProgressText ?? 'queued'}`;
    return {
      id: row.id,
      area: orgRef(row.area),
      status,
      progress: status === 'succeeded' ? 1 : (row.jobProgress ?? 0),
      phase: phaseKey ? t(lang, phaseKey) : null,
      error:
        status === 'failed'
          ? {
              code: row.jobErrorCode ?? 'INTERNAL',
              title: t(lang, row.jobErrorCode ?? 'INTERNAL'),
            }
          : null,
      network: {
        id: row.networkId,
        name: row.networkName,
        isSynthetic: row.networkKind === 'synthetic',
      },
      weightLayer: row.weightLayerId && row.weightLayerName ? { id: row.weightLayerId, name: row.weightLayerName } : null,
      minutes: row.minutes,
      speedKmh: row.speedKmh,
      cutoffMetres: minutesToMetres(row.minutes, row.speedKmh),
      candidateCount: row.candidateCount,
      stationCount: row.stationCount,
      unsnappedCount: row.unsnappedCount,
      totalLengthM: row.totalLengthM,
      coveredLengthM: row.coveredLengthM,
      lengthShare: row.lengthShare,
      totalWeight: row.totalWeight,
      coveredWeight: row.coveredWeight,
      weightShare: row.weightShare,
      candidates: (row.candidates as StoredCandidate[] | null) ?? [],
      change,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async function getScopedRun(id: string, scope: Scope) {
    const row = await repo.findRun(db, id);
    if (!row || !isInScope(scope, row.area.path)) throw notFound('ENTITY_coverage_run');
    return row;
  }

  return {
    async listAreas(scope: Scope): Promise<CoverageArea[]> {
      const rows = await repo.listAreas(db, scope);
      return rows.map((r) => ({
        org: orgRef(r.org),
        network: {
          ...r.network,
          importedAt: r.network.importedAt.toISOString(),
        },
      }));
    },

    async createWeightLayer(input: { areaOrgId: string; name: string; geojson: unknown }, actor: Actor): Promise<WeightLayer> {
      const area = await getScopedOrg(input.areaOrgId, actor.scope);
      const parsed = parseWeightLayer(input.geojson);
      if (parsed.errors.length)
        throw new AppError('COVERAGE_WEIGHT_LAYER_INVALID', {
          status: 400,
          detail: 'COVERAGE_WEIGHT_LAYER_INVALID_DETAIL',
          errors: parsed.errors,
        });
      return db.transaction(async (tx) => {
        const row = await repo.insertWeightLayer(tx, {
          orgId: area.id,
          name: input.name,
          pointCount: parsed.points.length,
          totalWeight: parsed.totalWeight,
          points: parsed.points.map((p) => [p.lng, p.lat, p.weight]),
          createdBy: actor.audit.actorId,
        });
        await recordAudit(tx, actor.audit, {
          action: 'coverage.weight_layer_create',
          entityType: 'coverage_weight_layer',
          entityId: row.id,
          orgId: area.id,
          after: {
            name: row.name,
            pointCount: row.pointCount,
            totalWeight: row.totalWeight,
          },
        });
        return {
          id: row.id,
          area: orgRef(area),
          name: row.name,
          pointCount: row.pointCount,
          totalWeight: row.totalWeight,
          createdAt: row.createdAt.toISOString(),
        };
      });
    },

    async listWeightLayers(areaOrgId: string, scope: Scope): Promise<WeightLayer[]> {
      const area = await getScopedOrg(areaOrgId, scope);
      const rows = await repo.listWeightLayers(db, area.id);
      return rows.map((r) => ({
        id: r.id,
        area: orgRef(area),
        name: r.name,
        pointCount: r.pointCount,
        totalWeight: r.totalWeight,
        createdAt: r.createdAt.toISOString(),
      }));
    },

    async startRun(body: StartCoverageRun, actor: Actor, lang: Lang): Promise<CoverageRun> {
      const input = startSchema.parse(body);
      const area = await getScopedOrg(input.areaOrgId, actor.scope);
      const network = await findNetworkForOrg(db, area.id);
      if (!network) throw noNetwork(area.code);
      if (input.weightLayerId) {
        const layer = await repo.findWeightLayer(db, input.weightLayerId);
        if (!layer)
          throw new AppError('NOT_FOUND', {
            detail: 'NOT_FOUND_ENTITY',
            params: { entity: 'ENTITY_coverage_weight_layer' },
            errors: [{ path: 'weightLayerId', message: 'NOT_FOUND' }],
          });
        if (layer.orgId !== area.id)
          throw new AppError('COVERAGE_WEIGHT_LAYER_AREA', {
            status: 400,
            errors: [{ path: 'weightLayerId', message: 'COVERAGE_WEIGHT_LAYER_AREA' }],
          });
      }
      const stations = await repo.listOpenPositionsUnder(db, area.path);
      const run = await db.transaction(async (tx) => {
        const row: CoverageRunRow = await repo.insertRun(tx, {
          orgId: area.id,
          networkId: network.id,
          networkName: network.name,
          networkKind: network.isSynthetic ? 'synthetic' : 'osm',
          weightLayerId: input.weightLayerId ?? null,
          minutes: input.minutes,
          speedKmh: input.speedKmh,
          candidateCount: input.candidates,
          positions: stations,
          stationCount: stations.length,
          createdBy: actor.audit.actorId,
        });
        const queued = await jobs.enqueue(tx, {
          kind: COVERAGE_JOB,
          orgId: area.id,
          payload: { runId: row.id },
          createdBy: actor.audit.actorId,
          maxAttempts: 2,
        });
        await repo.updateRun(tx, row.id, { jobId: queued.id });
        await recordAudit(tx, actor.audit, {
          action: 'coverage.run_start',
          entityType: 'coverage_run',
          entityId: row.id,
          orgId: area.id,
          after: {
            network: network.name,
            minutes: input.minutes,
            speedKmh: input.speedKmh,
            candidates: input.candidates,
            weightLayerId: input.weightLayerId ?? null,
            stations: stations.length,
          },
        });
        return row;
      });
      // Read the answer before waking the runner, so it always shows the run as queued.
      const answer = toRun((await repo.findRun(db, run.id))!, [], lang);
      jobs.kick();
      return answer;
    },

    async listRuns(query: { areaOrgId?: string | undefined; limit: number }, scope: Scope, lang: Lang): Promise<{ items: CoverageRun[] }> {
      if (query.areaOrgId) await getScopedOrg(query.areaOrgId, scope);
      const rows = await repo.listRuns(db, {
        scope,
        orgId: query.areaOrgId,
        limit: query.limit,
      });
      const earlier = await repo.listSucceededRuns(db, [...new Set(rows.map((r) => r.orgId))]);
      return { items: rows.map((r) => toRun(r, earlier, lang)) };
    },

    async getRun(id: string, scope: Scope, lang: Lang): Promise<CoverageRun> {
      const row = await getScopedRun(id, scope);
      return toRun(row, await repo.listSucceededRuns(db, [row.orgId]), lang);
    },

    async getLayers(id: string, scope: Scope): Promise<CoverageLayers> {
      await getScopedRun(id, scope);
      const layers = (await repo.findRunLayers(db, id))!;
      const stations = layers.positions as Station[];
      return {
        isochrones: (layers.isochrones as CoverageLayers['isochrones'] | null) ?? {
          type: 'FeatureCollection',
          features: [],
        },
        uncovered: (layers.uncovered as CoverageLayers['uncovered'] | null) ?? {
          type: 'Feature',
          properties: {},
          geometry: { type: 'MultiLineString', coordinates: [] },
        },
        candidates: {
          type: 'FeatureCollection',
          features: ((layers.candidates as StoredCandidate[] | null) ?? []).map((c) => ({
            type: 'Feature',
            properties: {
              rank: c.rank,
              gainMetres: c.gainMetres,
              gainShare: c.gainShare,
            },
            geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
          })),
        },
        positions: {
          type: 'FeatureCollection',
          features: stations.map((s) => ({
            type: 'Feature',
            properties: { id: s.id, code: s.code, name: s.name },
            geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
          })),
        },
      };
    },
  };
}

export type CoverageService = ReturnType<typeof createCoverageService>;
