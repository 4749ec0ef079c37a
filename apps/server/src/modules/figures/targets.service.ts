import type { IndicatorTarget, PutIndicatorTarget } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import type { Catalogue } from '../../platform/indicators';
import * as repo from './figures.repository';
import { orgBrief } from './figures.service';

export type SetTargetInput = { key: string; orgId: string; year: number; value: number; note?: string | null; source?: string; version?: number | undefined };

/**
 * Sets an org's yearly target of an indicator, audited in the same transaction. This is the
 * seam for organizing (work plans): `setIndicatorTarget(tx, catalogue, input, audit)` inside its
 * own transaction; answers for that org and year then carry the progress.
 */
export async function setIndicatorTarget(db: Db, catalogue: Catalogue, input: SetTargetInput, audit: AuditContext) {
  const ind = catalogue.get(input.key);
  if (!ind) throw notFound('ENTITY_indicator');
  if (!ind.hasTarget) throw new AppError('FIGURES_NO_TARGET', { status: 409 });
  const before = await repo.findTarget(db, input.key, input.orgId, input.year);
  const row = await repo.upsertTarget(
    db,
    { key: input.key, orgId: input.orgId, year: input.year, value: input.value, note: input.note ?? null, setById: audit.actorId, setByName: audit.actorName, source: input.source ?? 'staff' },
    input.version,
  );
  if (!row) throw new AppError('VERSION_CONFLICT', { params: { sent: input.version ?? 0, current: before?.version ?? 0 } });
  await recordAudit(db, audit, {
    action: 'indicator_target.set',
    entityType: 'indicator_target',
    entityId: row.id,
    orgId: input.orgId,
    before: before ? { key: before.indicatorKey, year: before.year, value: before.value, note: before.note } : null,
    after: { key: row.indicatorKey, year: row.year, value: row.value, note: row.note },
  });
  return row;
}

/** Targets for staff: list and set within the caller's scope. */
export function createTargetsService({ db, catalogue }: { db: Db; catalogue: Catalogue }) {
  const toTarget = (t: repo.TargetRow, org: repo.OrgNode): IndicatorTarget => ({
    id: t.id,
    key: t.indicatorKey,
    org: orgBrief(org),
    year: t.year,
    value: t.value,
    note: t.note,
    setByName: t.setByName,
    source: t.source,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  });
  async function scopedOrg(idOrCode: string, scope: Scope) {
    const node = await repo.findOrgNode(db, idOrCode);
    if (!node || !isInScope(scope, node.path)) throw notFound('ENTITY_org');
    return node;
  }
  return {
    async list(key: string, q: { org?: string | undefined; year?: number | undefined }, scope: Scope): Promise<IndicatorTarget[]> {
      if (!catalogue.get(key)) throw notFound('ENTITY_indicator');
      const org = q.org ? await scopedOrg(q.org, scope) : undefined;
      const rows = await repo.listTargets(db, { key, orgId: org?.id, year: q.year });
      return rows.filter((r) => isInScope(scope, r.org.path)).map((r) => toTarget(r.target, r.org));
    },
    async put(key: string, input: PutIndicatorTarget, scope: Scope, audit: AuditContext): Promise<IndicatorTarget> {
      const org = await scopedOrg(input.org, scope);
      return db.transaction(async (tx) => {
        const row = await setIndicatorTarget(tx, catalogue, { key, orgId: org.id, year: input.year, value: input.value, note: input.note ?? null, version: input.version }, audit);
        return toTarget(row, org);
      });
    },
  };
}
export type TargetsService = ReturnType<typeof createTargetsService>;
