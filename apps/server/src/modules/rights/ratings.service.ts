import { checkCreditCode, type Rating, type RatingInput } from '@niangjia/contracts';
import { RATING_MIN_CRITERIA, ratingLevels, type RatingLevel, type RatingStatus } from '@niangjia/contracts/rights-domain';
import { and, asc, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { org } from '../orgs';
import { scopeWhere } from './case-access';
import { rightsCase, rightsCaseParty, rightsFile } from './cases.tables';
import { rightsMonitoringPoint, rightsRatingApplication, rightsWarning } from './monitoring.tables';
import { findOrgBrief, versionConflict, type RightsStaff } from './rights.shared';

type Reason = { kind: 'warning' | 'failed_case'; ref: string; on: string };
type Row = { a: typeof rightsRatingApplication.$inferSelect; orgCode: string; orgName: string; orgPath: string };

/**
 * What disqualifies an enterprise for a year: a monitoring warning raised for one of its quarters
 * of that year, or a mediation that failed that year with it as the employer.
 */
export async function disqualifyingFacts(db: Db, creditCode: string, year: number): Promise<Reason[]> {
  const warnings = await db
    .select({ quarter: rightsWarning.quarter, measure: rightsWarning.measure, at: rightsWarning.createdAt })
    .from(rightsWarning)
    .innerJoin(rightsMonitoringPoint, eq(rightsMonitoringPoint.id, rightsWarning.pointId))
    .where(and(eq(rightsMonitoringPoint.creditCode, creditCode), like(rightsWarning.quarter, `${year}Q%`)));
  const failed = await db
    .selectDistinct({ number: rightsCase.number, on: rightsCase.outcomeOn })
    .from(rightsCase)
    .innerJoin(rightsCaseParty, eq(rightsCaseParty.caseId, rightsCase.id))
    .where(and(eq(rightsCase.status, 'failed'), eq(rightsCaseParty.role, 'respondent'), eq(rightsCaseParty.creditCode, creditCode), sql`extract(year from ${rightsCase.outcomeOn}) = ${year}`));
  return [...warnings.map((w) => ({ kind: 'warning' as const, ref: `${w.quarter} ${w.measure}`, on: w.at.toISOString().slice(0, 10) })), ...failed.map((f) => ({ kind: 'failed_case' as const, ref: f.number, on: f.on ?? '' }))];
}

/** 和谐劳动关系企业 (A/AA/AAA): yearly applications, review, automatic disqualification. */
export function createRatingsService({ db }: { db: Db }) {
  const select = (tx: Db) =>
    tx.select({ a: rightsRatingApplication, orgCode: org.code, orgName: org.name, orgPath: org.path }).from(rightsRatingApplication).innerJoin(org, eq(org.id, rightsRatingApplication.orgId));

  async function view(r: Row): Promise<Rating> {
    const a = r.a;
    const files = a.evidenceFileIds.length ? await db.select({ id: rightsFile.id, fileName: rightsFile.fileName, contentType: rightsFile.contentType }).from(rightsFile).where(inArray(rightsFile.id, a.evidenceFileIds)) : [];
    const criteria = (a.criteria ?? {}) as Record<string, boolean>;
    return {
      id: a.id,
      year: a.year,
      org: { id: a.orgId, code: r.orgCode, name: r.orgName },
      enterpriseName: a.enterpriseName,
      creditCode: a.creditCode,
      levelApplied: a.levelApplied as RatingLevel,
      criteria,
      criteriaMet: Object.values(criteria).filter(Boolean).length,
      statement: a.statement,
      evidence: files,
      status: a.status as RatingStatus,
      levelGranted: (a.levelGranted as RatingLevel | null) ?? null,
      reviewNote: a.reviewNote,
      reviewedAt: a.reviewedAt?.toISOString() ?? null,
      disqualifiedReasons: (a.disqualifiedReasons as Reason[] | null) ?? [],
      createdAt: a.createdAt.toISOString(),
      version: a.version,
    };
  }

  async function scoped(tx: Db, id: string, viewer: RightsStaff) {
    const r = (await select(tx).where(eq(rightsRatingApplication.id, id)).limit(1))[0];
    if (!r || !isInScope(viewer.read, r.orgPath)) throw notFound('ENTITY_rating');
    return r;
  }

  return {
    async apply(input: RatingInput, viewer: RightsStaff) {
      const problem = checkCreditCode(input.creditCode);
      if (problem) throw fieldError('creditCode', problem);
      const met = Object.values(input.criteria).filter(Boolean).length;
      const min = RATING_MIN_CRITERIA[input.levelApplied];
      if (met < min) throw fieldError('criteria', 'RIGHTS_RATING_CRITERIA', { level: input.levelApplied, min, met });
      const id = await db.transaction(async (tx) => {
        const o = await findOrgBrief(tx, input.orgId);
        if (!o || !isInScope(viewer.write, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        const files = [...new Set(input.evidenceFileIds)];
        if (files.length && (await tx.select({ n: count() }).from(rightsFile).where(and(inArray(rightsFile.id, files), eq(rightsFile.uploadedBy, viewer.userId))))[0]!.n !== files.length) throw fieldError('evidenceFileIds', 'RIGHTS_FILE_NOT_YOURS');
        const existing = await tx.select({ id: rightsRatingApplication.id }).from(rightsRatingApplication).where(and(eq(rightsRatingApplication.creditCode, input.creditCode), eq(rightsRatingApplication.year, input.year))).limit(1);
        if (existing.length) throw new AppError('CONFLICT', { detail: 'RIGHTS_RATING_DUPLICATE', errors: [{ path: 'creditCode', message: 'RIGHTS_RATING_DUPLICATE' }] });
        const reasons = await disqualifyingFacts(tx, input.creditCode, input.year);
        const row = (
          await tx
            .insert(rightsRatingApplication)
            .values({ year: input.year, orgId: o.id, enterpriseName: input.enterpriseName, creditCode: input.creditCode, levelApplied: input.levelApplied, criteria: input.criteria, statement: input.statement ?? null, evidenceFileIds: files, status: reasons.length ? 'disqualified' : 'submitted', disqualifiedReasons: reasons.length ? reasons : null, createdBy: viewer.userId })
            .returning()
        )[0]!;
        await recordAudit(tx, viewer.audit, { action: 'rating.apply', entityType: 'rating', entityId: row.id, orgId: o.id, after: { year: row.year, creditCode: row.creditCode, levelApplied: row.levelApplied, criteriaMet: met, status: row.status } });
        return row.id;
      });
      return view((await select(db).where(eq(rightsRatingApplication.id, id)))[0]!);
    },

    async list(q: { year?: number | undefined; orgId?: string | undefined; status?: RatingStatus | undefined; page: number; pageSize: number }, viewer: RightsStaff) {
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgBrief(db, q.orgId);
        if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        underPath = o.path;
      }
      const where = and(scopeWhere(viewer.read), underPath ? sql`${org.path} like ${`${underPath}%`}` : undefined, q.year ? eq(rightsRatingApplication.year, q.year) : undefined, q.status ? eq(rightsRatingApplication.status, q.status) : undefined);
      const [items, totals] = await Promise.all([
        select(db)
          .where(where)
          .orderBy(desc(rightsRatingApplication.year), asc(rightsRatingApplication.status), desc(rightsRatingApplication.levelApplied), asc(rightsRatingApplication.enterpriseName))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ value: count() }).from(rightsRatingApplication).innerJoin(org, eq(org.id, rightsRatingApplication.orgId)).where(where),
      ]);
      return { items: await Promise.all(items.map(view)), total: totals[0]?.value ?? 0, page: q.page, pageSize: q.pageSize };
    },

    get: async (id: string, viewer: RightsStaff) => view(await scoped(db, id, viewer)),

    /** Review: approve at a level up to the one applied for, or reject. A disqualified enterprise cannot be approved. */
    async review(id: string, input: { decision: 'approve' | 'reject'; levelGranted?: RatingLevel | undefined; note?: string | undefined; version: number }, viewer: RightsStaff) {
      await db.transaction(async (tx) => {
        const r = await scoped(tx, id, viewer);
        if (!isInScope(viewer.manage, r.orgPath)) throw new AppError('FORBIDDEN');
        if (r.a.status !== 'submitted') throw new AppError(r.a.status === 'disqualified' ? 'RIGHTS_RATING_DISQUALIFIED' : 'RIGHTS_RATING_DECIDED', { status: 409 });
        const reasons = await disqualifyingFacts(tx, r.a.creditCode, r.a.year);
        if (reasons.length && input.decision === 'approve') {
          await tx.update(rightsRatingApplication).set({ status: 'disqualified', disqualifiedReasons: reasons, updatedAt: sql`now()`, version: sql`${rightsRatingApplication.version} + 1` }).where(eq(rightsRatingApplication.id, id));
          await recordAudit(tx, viewer.audit, { action: 'rating.disqualify', entityType: 'rating', entityId: id, orgId: r.a.orgId, after: { reasons } });
          return;
        }
        const level = input.decision === 'approve' ? (input.levelGranted ?? (r.a.levelApplied as RatingLevel)) : null;
        if (level && ratingLevels.indexOf(level) > ratingLevels.indexOf(r.a.levelApplied as RatingLevel)) throw fieldError('levelGranted', 'RIGHTS_RATING_LEVEL_ABOVE');
        const updated = await tx
          .update(rightsRatingApplication)
          .set({ status: input.decision === 'approve' ? 'approved' : 'rejected', levelGranted: level, reviewNote: input.note ?? null, reviewedBy: viewer.userId, reviewedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${rightsRatingApplication.version} + 1` })
          .where(and(eq(rightsRatingApplication.id, id), eq(rightsRatingApplication.version, input.version)))
          .returning({ id: rightsRatingApplication.id });
        if (!updated.length) throw versionConflict(input.version, r.a.version);
        await recordAudit(tx, viewer.audit, { action: `rating.${input.decision}`, entityType: 'rating', entityId: id, orgId: r.a.orgId, before: { status: r.a.status }, after: { status: input.decision === 'approve' ? 'approved' : 'rejected', levelGranted: level } });
      });
      const after = (await select(db).where(eq(rightsRatingApplication.id, id)))[0]!;
      if (after.a.status === 'disqualified') throw new AppError('RIGHTS_RATING_DISQUALIFIED', { status: 409 });
      return view(after);
    },

    /**
     * Called in the transaction that raises a warning or records a failed mediation: the
     * enterprise's application of that year (pending or already approved) is disqualified.
     */
    async disqualifyFor(tx: Db, creditCode: string, year: number): Promise<void> {
      const apps = await tx
        .select()
        .from(rightsRatingApplication)
        .where(and(eq(rightsRatingApplication.creditCode, creditCode), eq(rightsRatingApplication.year, year), inArray(rightsRatingApplication.status, ['submitted', 'approved'])));
      if (!apps.length) return;
      const reasons = await disqualifyingFacts(tx, creditCode, year);
      for (const a of apps) {
        await tx.update(rightsRatingApplication).set({ status: 'disqualified', levelGranted: null, disqualifiedReasons: reasons, updatedAt: sql`now()`, version: sql`${rightsRatingApplication.version} + 1` }).where(eq(rightsRatingApplication.id, a.id));
        await recordAudit(tx, systemAuditContext('rights'), { action: 'rating.disqualify', entityType: 'rating', entityId: a.id, orgId: a.orgId, before: { status: a.status, levelGranted: a.levelGranted }, after: { status: 'disqualified', reasons } });
      }
    },

    /** May the viewer read this evidence file through a rating in their scope? */
    async canReadEvidence(fileId: string, viewer: RightsStaff): Promise<boolean> {
      const rows = await select(db).where(sql`${fileId} = any(${rightsRatingApplication.evidenceFileIds})`);
      return rows.some((r) => isInScope(viewer.read, r.orgPath));
    },
  };
}

export type RatingsService = ReturnType<typeof createRatingsService>;
