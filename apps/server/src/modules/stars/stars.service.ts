import type { CreateInspection, Inspection, Rubric, RubricCriterion, SaveRubric, StarResult, StarRow } from '@niangjia/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import type { Permission } from '@niangjia/contracts';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { enforceUploadQuota } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import { position } from '../positions';
import { computeStars, DEFAULT_RUBRIC, isInspectorScored, missingFacilities, validateRubric } from './stars.compute';
import * as repo from './stars.repository';
import { checkDocument, checkPhoto, PHOTO_BYTES_PER_DAY, PHOTOS_PER_HOUR } from './photos';
import './stars.errors';

export type StarsActor = {
  userId: string;
  displayName: string;
  scope: Scope;
  audit: AuditContext;
};

/** Today in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The seam for automatic figures: usage and hours kept from the access (smart door) module, as
 * fractions 0..1 per `access` criterion key. Until that module reports them, none: the
 * inspector's scores count.
 */
export type AccessFigures = (positionIds: string[], year: number) => Promise<Map<string, Record<string, number>>>;
export const noAccessFigures: AccessFigures = async () => new Map();

const rubricLevels = new Set(['federation', 'district']);

/** The facility standard's item keys by org path, for many paths at once (positions' standards). */
export type StandardKeys = (orgPaths: string[]) => Promise<(orgPath: string) => string[]>;

/** Where a photo is shown outside this module: the org paths whose staff, holding that permission there, may see it. */
export type PhotoOwnerPaths = (db: Db, photoId: string) => Promise<{ path: string; permission: Permission }[]>;

/**
 * Photos attached to a record must exist and be the actor's own uploads (else a guessed id would grant
 * reading another's). A PDF is refused unless the record takes documents (`documents: true`): the
 * others show their photos as images.
 */
export async function assertOwnPhotos(db: Db, ids: readonly string[], userId: string, field = 'photoIds', opts: { documents?: boolean } = {}): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const own = await repo.typesOfOwnPhotos(db, unique, userId);
  if (own.length !== unique.length) throw fieldError(field, 'PHOTO_NOT_YOURS');
  if (!opts.documents && own.some((p) => p.contentType === 'application/pdf')) throw fieldError(field, 'PHOTO_NOT_AN_IMAGE');
  return unique;
}

/** Which of these stored files are PDFs (a list shows them as a download, not an image). */
export async function pdfIdsAmong(db: Db, ids: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  return new Set(unique.length ? await repo.pdfIdsAmong(db, unique) : []);
}

/** A stored photo's bytes, for a module that has decided itself who may see it (an event's cover). */
export async function loadPhoto(db: Db, id: string): Promise<{ contentType: string; data: Buffer } | undefined> {
  const photo = await repo.findPhoto(db, id);
  return photo && { contentType: photo.contentType, data: photo.data };
}

export function createStarsService({
  db,
  clock = () => new Date(),
  accessFigures = noAccessFigures,
  standardKeys,
  photoOwners = [],
}: {
  db: Db;
  clock?: () => Date;
  accessFigures?: AccessFigures;
  standardKeys?: StandardKeys;
  /** Other modules that show these photos (an organizing meeting's): the org paths each gives a photo. */
  photoOwners?: PhotoOwnerPaths[];
}) {
  /** The rubric a position is rated by: its nearest ancestor's stored one, else the default. */
  async function rubricPicker(tx: Db) {
    const stored = (await repo.listRubrics(tx)).sort((a, b) => b.orgPath.length - a.orgPath.length);
    return (orgPath: string): RubricCriterion[] => (stored.find((r) => orgPath.startsWith(r.orgPath))?.rubric.criteria as RubricCriterion[] | undefined) ?? DEFAULT_RUBRIC;
  }

  async function getScopedPosition(tx: Db, id: string, scope: Scope) {
    const row = await repo.findRatedPosition(tx, eq(position.id, id));
    if (!row || !isInScope(scope, row.orgPath)) throw notFound('ENTITY_position');
    return row;
  }

  /** Stars of many positions for one year, in one pass over the year's inspections and ratings. */
  async function rate(tx: Db, positions: repo.RatedPosition[], year: number): Promise<Map<string, StarResult>> {
    const ids = positions.map((p) => p.id);
    const [pick, inspections, ratings, access, standardOf] = await Promise.all([
      rubricPicker(tx),
      repo.listInspectionsOf(tx, { positionIds: ids, year }),
      repo.ratingsByPosition(tx, year, ids),
      accessFigures(ids, year),
      standardKeys ? standardKeys(positions.map((p) => p.orgPath)) : undefined,
    ]);
    const byPosition = new Map<string, repo.InspectionRow[]>();
    for (const i of inspections) byPosition.set(i.positionId, [...(byPosition.get(i.positionId) ?? []), i]);
    return new Map(
      positions.map((p) => [
        p.id,
        computeStars({
          year,
          criteria: pick(p.orgPath),
          inspections: (byPosition.get(p.id) ?? []).map((i) => ({
            inspectedOn: i.inspectedOn,
            criteria: i.criteria as RubricCriterion[],
            scores: i.scores as Record<string, number>,
            facilities: i.facilities,
          })),
          currentFacilities: p.facilities,
          ratings: {
            average: ratings.get(p.id)?.average ?? null,
            count: ratings.get(p.id)?.count ?? 0,
          },
          access: access.get(p.id) ?? {},
          ...(standardOf ? { standard: standardOf(p.orgPath) } : {}),
        }),
      ]),
    );
  }

  const refOf = (p: repo.RatedPosition) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    type: p.type,
    org: { id: p.orgId, name: p.orgName },
  });
  const currentYear = () => Number(shanghaiDate(clock()).slice(0, 4));

  async function listRows(year: number, scope: Scope, orgId?: string): Promise<StarRow[]> {
    let underPath: string | undefined;
    if (orgId) {
      const target = await findOrgById(db, orgId);
      if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
      underPath = target.path;
    }
    const positions = await repo.listRatedPositions(db, scope, underPath);
    const results = await rate(db, positions, year);
    return positions.map((p) => ({
      position: refOf(p),
      result: results.get(p.id)!,
    }));
  }

  function toInspection(row: repo.InspectionRow, ref: { code: string; name: string }): Inspection {
    return {
      id: row.id,
      position: { id: row.positionId, code: ref.code, name: ref.name },
      year: row.year,
      inspectedOn: row.inspectedOn,
      inspectorName: row.inspectorName,
      criteria: row.criteria as RubricCriterion[],
      scores: row.scores as Record<string, number>,
      facilities: row.facilities,
      missingFacilities: missingFacilities(row.facilities),
      notes: row.notes,
      photoIds: row.photoIds,
      createdAt: row.createdAt.toISOString(),
    };
  }

  return {
    currentYear,

    async getRubric(orgId: string, scope: Scope): Promise<Rubric> {
      const target = await findOrgById(db, orgId);
      if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
      const own = await repo.findRubricOfOrg(db, orgId);
      const criteria = own ? (own.criteria as RubricCriterion[]) : (await rubricPicker(db))(target.path);
      return {
        org: { id: target.id, code: target.code, name: target.name },
        isDefault: !own,
        criteria,
        version: own?.version ?? null,
        updatedAt: own?.updatedAt.toISOString() ?? null,
      };
    },

    async saveRubric(orgId: string, input: SaveRubric, actor: StarsActor): Promise<Rubric> {
      const problems = validateRubric(input.criteria);
      if (problems.length)
        throw new AppError('VALIDATION_FAILED', {
          status: 400,
          detail: 'VALIDATION_FAILED_DETAIL',
          errors: problems.map((p) => ({ ...p, code: p.message })),
        });
      await db.transaction(async (tx) => {
        const target = await findOrgById(tx, orgId);
        if (!target || !isInScope(actor.scope, target.path)) throw notFound('ENTITY_org');
        if (!rubricLevels.has(target.type)) throw fieldError('orgId', 'RUBRIC_ORG_LEVEL');
        const own = await repo.findRubricOfOrg(tx, orgId);
        if (!own) {
          const row = await repo.insertRubric(tx, {
            orgId,
            criteria: input.criteria,
            updatedBy: actor.userId,
          });
          await recordAudit(tx, actor.audit, {
            action: 'rubric.create',
            entityType: 'rating_rubric',
            entityId: row.id,
            orgId,
            after: { criteria: input.criteria },
          });
          return;
        }
        if (input.version !== own.version)
          throw new AppError('VERSION_CONFLICT', {
            params: { sent: input.version ?? 0, current: own.version },
          });
        const updated = await repo.updateRubricIfVersion(tx, own.id, own.version, { criteria: input.criteria, updatedBy: actor.userId });
        if (!updated)
          throw new AppError('VERSION_CONFLICT', {
            params: { sent: own.version, current: own.version + 1 },
          });
        await recordAudit(tx, actor.audit, {
          action: 'rubric.update',
          entityType: 'rating_rubric',
          entityId: own.id,
          orgId,
          ...diffSnapshots({ criteria: own.criteria }, { criteria: input.criteria }),
        });
      });
      return this.getRubric(orgId, actor.scope);
    },

    async createInspection(input: CreateInspection, actor: StarsActor): Promise<Inspection> {
      const today = shanghaiDate(clock());
      if (Number.isNaN(Date.parse(`${input.inspectedOn}T00:00:00Z`))) throw fieldError('inspectedOn', 'SCHEDULE_DATE_FORMAT');
      if (input.inspectedOn > today) throw fieldError('inspectedOn', 'INSPECTION_DATE_FUTURE');
      return db.transaction(async (tx) => {
        const p = await getScopedPosition(tx, input.positionId, actor.scope);
        const criteria = (await rubricPicker(tx))(p.orgPath);
        const scored = criteria.filter(isInspectorScored);
        for (const key of Object.keys(input.scores)) if (!scored.some((c) => c.key === key)) throw fieldError(`scores.${key}`, 'INSPECTION_SCORE_UNKNOWN');
        for (const c of scored) {
          const points = input.scores[c.key];
          if (points === undefined) throw fieldError(`scores.${c.key}`, 'INSPECTION_SCORE_MISSING');
          if (points > c.maxPoints)
            throw fieldError(`scores.${c.key}`, 'INSPECTION_SCORE_RANGE', {
              max: c.maxPoints,
            });
        }
        const photoIds = await assertOwnPhotos(tx, input.photoIds, actor.userId);
        const row = await repo.insertInspection(tx, {
          positionId: p.id,
          orgId: p.orgId,
          year: Number(input.inspectedOn.slice(0, 4)),
          inspectedOn: input.inspectedOn,
          inspectorId: actor.userId,
          inspectorName: actor.displayName,
          criteria,
          scores: input.scores,
          facilities: p.facilities,
          notes: input.notes || null,
          photoIds,
        });
        const missing = missingFacilities(p.facilities);
        await recordAudit(tx, actor.audit, {
          action: 'inspection.create',
          entityType: 'position',
          entityId: p.id,
          orgId: p.orgId,
          after: {
            inspectionId: row.id,
            inspectedOn: row.inspectedOn,
            scores: input.scores,
            missingFacilities: missing,
            photos: photoIds.length,
          },
        });
        return toInspection(row, p);
      });
    },

    async listInspections(
      query: {
        positionId?: string | undefined;
        year?: number | undefined;
        page: number;
        pageSize: number;
      },
      scope: Scope,
    ) {
      if (query.positionId) await getScopedPosition(db, query.positionId, scope);
      const { items, total } = await repo.pageInspections(db, { scope, positionId: query.positionId, year: query.year }, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return {
        items: items.map((r) => toInspection(r.inspection, r)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async listStars(
      query: {
        year?: number | undefined;
        orgId?: string | undefined;
        stars?: number | undefined;
        missingOnly?: string | undefined;
        page: number;
        pageSize: number;
      },
      scope: Scope,
    ) {
      const year = query.year ?? currentYear();
      let rows = await listRows(year, scope, query.orgId);
      if (query.stars !== undefined) rows = rows.filter((r) => (r.result.stars ?? 0) === query.stars);
      if (query.missingOnly === 'true') rows = rows.filter((r) => r.result.missingFacilities.length > 0);
      rows.sort((a, b) => (b.result.score ?? -1) - (a.result.score ?? -1) || a.position.code.localeCompare(b.position.code));
      const start = (query.page - 1) * query.pageSize;
      return {
        items: rows.slice(start, start + query.pageSize),
        total: rows.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /** A position's stars this year and every earlier year it was inspected. */
    async positionStars(positionId: string, scope: Scope) {
      const p = await getScopedPosition(db, positionId, scope);
      const years = new Set([currentYear(), ...(await repo.listInspectionsOf(db, { positionIds: [p.id] })).map((i) => i.year)]);
      const sorted = [...years].sort((a, b) => b - a);
      const results = await Promise.all(sorted.map(async (y) => (await rate(db, [p], y)).get(p.id)!));
      return { position: refOf(p), current: results[0]!, history: results };
    },

    /** Stars for a set of positions (the public page's summary), without scope. */
    async summaryOf(positionIdValue: string, year: number) {
      const p = await repo.findRatedPosition(db, eq(position.id, positionIdValue));
      if (!p) return null;
      return (await rate(db, [p], year)).get(p.id)!;
    },

    /**
     * "最美" candidates: the year's 5-star positions, best score first. A 5-star station never
     * lacks standard facilities (they cap it at 4), so every candidate meets the standard.
     */
    async candidates(
      query: {
        year?: number | undefined;
        orgId?: string | undefined;
        limit: number;
      },
      scope: Scope,
      lang: Lang,
    ) {
      const year = query.year ?? currentYear();
      const rows = (await listRows(year, scope, query.orgId)).filter((r) => r.result.stars === 5);
      rows.sort((a, b) => b.result.score! - a.result.score! || (b.result.ratingAverage ?? 0) - (a.result.ratingAverage ?? 0));
      return {
        year,
        items: rows.slice(0, query.limit).map((r) => ({ ...r, reason: reasonOf(r.result, lang) })),
      };
    },

    /** A photo (or, with `document`, a photo or a PDF) into the shared store, counted against the uploader's quota. */
    async uploadPhoto(data: unknown, declaredType: string | undefined, actor: { userId: string; audit: AuditContext }, opts: { document?: boolean } = {}) {
      const photo = opts.document ? checkDocument(data, declaredType) : checkPhoto(data, declaredType);
      await enforceUploadQuota(db, {
        kind: 'photos',
        userId: actor.userId,
        size: photo.size,
        code: 'PHOTO_QUOTA_EXCEEDED',
        perHour: PHOTOS_PER_HOUR,
        bytesPerDay: PHOTO_BYTES_PER_DAY,
        bytesSince: (since) => repo.sumPhotoBytesSince(db, actor.userId, since),
      });
      return db.transaction(async (tx) => {
        const row = await repo.insertPhoto(tx, {
          ...photo,
          uploadedBy: actor.userId,
        });
        await recordAudit(tx, actor.audit, {
          action: 'photo.upload',
          entityType: 'care_photo',
          entityId: row.id,
          after: { contentType: row.contentType, size: row.size },
        });
        return row;
      });
    },

    /** A photo for its uploader, or for staff who can read a position it is attached to. */
    /** For its uploader, or staff in scope of a record that shows it (an inspection or report: position.read; others by their owner's permission). */
    async getPhoto(id: string, viewer: { userId: string; scopeOf: (permission: Permission) => Scope }) {
      const photo = await repo.findPhoto(db, id);
      if (!photo) throw notFound('ENTITY_photo');
      if (photo.uploadedBy === viewer.userId) return photo;
      const own = (await repo.photoOwnerPaths(db, id)).map((path) => ({ path, permission: 'position.read' as const }));
      const owners = [own, ...(await Promise.all(photoOwners.map((owner) => owner(db, id))))].flat();
      if (!owners.some((o) => isInScope(viewer.scopeOf(o.permission), o.path))) throw notFound('ENTITY_photo');
      return photo;
    },
  };
}

/** Why a station is a "最美" candidate, in one line. */
export function reasonOf(r: StarResult, lang: Lang): string {
  const zh = lang !== 'en';
  const parts = [zh ? `综合得分 ${r.score}` : `score ${r.score}`, zh ? '七个一设施齐全' : 'all seven standard facilities'];
  if (r.ratingAverage !== null && r.ratingCount) parts.push(zh ? `职工评价 ${r.ratingAverage} 分（${r.ratingCount} 条）` : `workers rate it ${r.ratingAverage} (${r.ratingCount})`);
  parts.push(zh ? `年度检查 ${r.inspections} 次` : `${r.inspections} inspection(s) this year`);
  const best = [...r.criteria].filter((c) => c.fraction === 1 && c.key !== 'facilities').map((c) => c.name);
  if (best.length) parts.push(zh ? `满分项：${best.join('、')}` : `full marks: ${best.join(', ')}`);
  return parts.join(zh ? '；' : '; ');
}

export type StarsService = ReturnType<typeof createStarsService>;
