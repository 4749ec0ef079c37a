import { and, desc, eq, getTableColumns, inArray, isNotNull, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { job } from '../../platform/jobs';
import { appUser } from '../accounts';
import { org, scopeCondition } from '../orgs';
import { coverageRun, coverageWeightLayer, type CoverageRunRow } from './coverage.tables';
import { streetNetwork } from './network.tables';
import { position } from './positions.tables';

export type OrgBrief = {
  id: string;
  code: string;
  name: string;
  type: string;
  path: string;
};
const orgBrief = {
  id: org.id,
  code: org.code,
  name: org.name,
  type: org.type,
  path: org.path,
};

export async function findOrgBrief(db: Db, id: string): Promise<OrgBrief | undefined> {
  return (await db.select(orgBrief).from(org).where(eq(org.id, id)).limit(1))[0];
}

/** Orgs in scope that have a stored street network. */
export async function listAreas(db: Db, scope: Scope) {
  return db
    .select({
      org: orgBrief,
      network: {
        id: streetNetwork.id,
        name: streetNetwork.name,
        isSynthetic: streetNetwork.isSynthetic,
        lengthM: streetNetwork.lengthM,
        edgeCount: streetNetwork.edgeCount,
        importedAt: streetNetwork.importedAt,
      },
    })
    .from(streetNetwork)
    .innerJoin(org, eq(org.id, streetNetwork.orgId))
    .where(scopeCondition(scope))
    .orderBy(org.path);
}

/** Open positions under an org (its subtree), for a run's sources. */
export async function listOpenPositionsUnder(db: Db, path: string) {
  return db
    .select({
      id: position.id,
      code: position.code,
      name: position.name,
      lng: position.lng,
      lat: position.lat,
    })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(and(eq(position.status, 'open'), like(org.path, `${path}%`)))
    .orderBy(position.code);
}

export async function insertWeightLayer(db: Db, values: typeof coverageWeightLayer.$inferInsert) {
  const { points: _p, ...meta } = getTableColumns(coverageWeightLayer);
  return (await db.insert(coverageWeightLayer).values(values).returning(meta))[0]!;
}

export async function findWeightLayer(db: Db, id: string) {
  return (await db.select().from(coverageWeightLayer).where(eq(coverageWeightLayer.id, id)).limit(1))[0];
}

export async function listWeightLayers(db: Db, orgId: string) {
  const { points: _p, ...meta } = getTableColumns(coverageWeightLayer);
  return db.select(meta).from(coverageWeightLayer).where(eq(coverageWeightLayer.orgId, orgId)).orderBy(desc(coverageWeightLayer.createdAt));
}

export async function insertRun(db: Db, values: typeof coverageRun.$inferInsert): Promise<CoverageRunRow> {
  return (await db.insert(coverageRun).values(values).returning())[0]!;
}

export async function updateRun(db: Db, id: string, values: Partial<typeof coverageRun.$inferInsert>): Promise<void> {
  await db.update(coverageRun).set(values).where(eq(coverageRun.id, id));
}

/** Stores a finished run's figures if its network still exists (deleting a network clears the reference); false otherwise. */
/** The two big GeoJSON layers as JSON text, made where they were computed (the worker thread). */
export type LayersJson = { isochrones: string; uncovered: string };

export async function storeRunResult(db: Db, id: string, values: Partial<typeof coverageRun.$inferInsert>, layers: LayersJson): Promise<boolean> {
  const rows = await db
    .update(coverageRun)
    // Cast in the database: the driver sends the text as it is, without parsing or serializing the
    // layers again on the thread that answers requests (tens of MB for a city).
    .set({ ...values, isochrones: sql`cast(${layers.isochrones} as jsonb)`, uncovered: sql`cast(${layers.uncovered} as jsonb)` })
    .where(and(eq(coverageRun.id, id), isNotNull(coverageRun.networkId)))
    .returning({ id: coverageRun.id });
  return rows.length > 0;
}

const { isochrones: _i, uncovered: _u, ...runSummary } = getTableColumns(coverageRun);
export type RunSummaryRow = Omit<CoverageRunRow, 'isochrones' | 'uncovered'>;
export type RunListRow = RunSummaryRow & {
  area: OrgBrief;
  createdByName: string | null;
  weightLayerName: string | null;
  jobStatus: string | null;
  jobProgress: number | null;
  jobProgressText: string | null;
  jobErrorCode: string | null;
};

const listColumns = {
  ...runSummary,
  area: orgBrief,
  createdByName: appUser.displayName,
  weightLayerName: coverageWeightLayer.name,
  jobStatus: job.status,
  jobProgress: job.progress,
  jobProgressText: job.progressText,
  jobErrorCode: job.errorCode,
};

function selectRuns(db: Db) {
  return db
    .select(listColumns)
    .from(coverageRun)
    .innerJoin(org, eq(org.id, coverageRun.orgId))
    .leftJoin(appUser, eq(appUser.id, coverageRun.createdBy))
    .leftJoin(coverageWeightLayer, eq(coverageWeightLayer.id, coverageRun.weightLayerId))
    .leftJoin(job, eq(job.id, coverageRun.jobId));
}

export async function findRun(db: Db, id: string): Promise<RunListRow | undefined> {
  return (await selectRuns(db).where(eq(coverageRun.id, id)).limit(1))[0];
}

export async function listRuns(db: Db, f: { scope: Scope; orgId?: string | undefined; limit: number }): Promise<RunListRow[]> {
  return selectRuns(db)
    .where(and(scopeCondition(f.scope), f.orgId ? eq(coverageRun.orgId, f.orgId) : undefined))
    .orderBy(desc(coverageRun.createdAt), desc(coverageRun.id))
    .limit(f.limit);
}

/** The latest succeeded runs of these areas (for "what changed"), newest first. */
export async function listSucceededRuns(db: Db, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      id: coverageRun.id,
      orgId: coverageRun.orgId,
      createdAt: coverageRun.createdAt,
      positions: coverageRun.positions,
      lengthShare: coverageRun.lengthShare,
      weightShare: coverageRun.weightShare,
    })
    .from(coverageRun)
    .where(and(inArray(coverageRun.orgId, orgIds), eq(coverageRun.status, 'succeeded')))
    .orderBy(desc(coverageRun.createdAt))
    .limit(200);
}

export async function findRunLayers(db: Db, id: string) {
  return (
    await db
      .select({
        isochrones: coverageRun.isochrones,
        uncovered: coverageRun.uncovered,
        candidates: coverageRun.candidates,
        positions: coverageRun.positions,
      })
      .from(coverageRun)
      .where(eq(coverageRun.id, id))
      .limit(1)
  )[0];
}

/** The share of the area's weight (else of its street length) within reach in its latest run finished by `before`. */
export async function findLatestCoverageShare(db: Db, orgId: string, before: Date): Promise<{ share: number | null; finishedAt: Date } | undefined> {
  const [row] = await db
    .select({ weightShare: coverageRun.weightShare, lengthShare: coverageRun.lengthShare, finishedAt: coverageRun.finishedAt })
    .from(coverageRun)
    .where(and(eq(coverageRun.orgId, orgId), eq(coverageRun.status, 'succeeded'), lt(coverageRun.finishedAt, before)))
    .orderBy(desc(coverageRun.finishedAt))
    .limit(1);
  if (!row?.finishedAt) return undefined;
  return { share: row.weightShare ?? row.lengthShare ?? null, finishedAt: row.finishedAt };
}
