import type { FacilityStandard, PositionChecklist, PutStandard, ShortfallPage } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import './coverage.errors';
import * as coverageRepo from './coverage.repository';
import { findPosition } from './positions.repository';
import * as repo from './standards.repository';
import { DEFAULT_STANDARD, idsOfPath, listMissing, pickStandard, type FacilityKey, type StandardItem } from './standards.rules';

type Actor = { scope: Scope; audit: AuditContext };
type OrgRef = NonNullable<FacilityStandard['org']>;
type Loaded = {
  orgId: string;
  orgCode: string;
  orgName: string;
  orgType: string;
  name: string;
  items: StandardItem[];
  version: number;
  updatedAt: Date;
};

const SETTER_TYPES = new Set(['federation', 'district']);

/**
 * Facility standards per federation / district org, and each position's checklist against the
 * standard of its nearest such ancestor (the built-in "七个一" when none has one).
 */
/** The standards set on these orgs or their ancestors, by the setting org's id. */
export async function loadStandardsFor(db: Db, paths: string[]): Promise<Map<string, Loaded>> {
  const ids = [...new Set(paths.flatMap(idsOfPath))];
  const rows = await repo.listStandardsOf(db, ids);
  return new Map(rows.map((r) => [r.orgId, { ...r, items: normalize(r.items) }]));
}

export function createStandardsService({ db }: { db: Db }) {
  const loadFor = (paths: string[]) => loadStandardsFor(db, paths);

  function toStandard(found: Loaded | null, askedOrgId: string | null): FacilityStandard {
    if (!found)
      return {
        org: null,
        isOwn: false,
        isDefault: true,
        name: DEFAULT_STANDARD.name,
        items: DEFAULT_STANDARD.items,
        version: null,
        updatedAt: null,
      };
    return {
      org: {
        id: found.orgId,
        code: found.orgCode,
        name: found.orgName,
        type: found.orgType as OrgRef['type'],
      },
      isOwn: found.orgId === askedOrgId,
      isDefault: false,
      name: found.name,
      items: found.items,
      version: found.version,
      updatedAt: found.updatedAt.toISOString(),
    };
  }

  async function getScopedOrg(id: string, scope: Scope) {
    const o = await coverageRepo.findOrgBrief(db, id);
    if (!o || !isInScope(scope, o.path)) throw notFound('ENTITY_org');
    return o;
  }

  async function effectiveFor(orgId: string, path: string): Promise<FacilityStandard> {
    return toStandard(pickStandard(path, await loadFor([path])), orgId);
  }

  return {
    /** For the star rating: a picker of the standard's item keys by org path, loaded once for all paths. */
    async standardKeysFor(paths: string[]): Promise<(path: string) => string[]> {
      const byOrg = await loadFor(paths);
      return (path) => (pickStandard(path, byOrg)?.items ?? DEFAULT_STANDARD.items).map((i) => i.key);
    },

    async getStandard(orgId: string, scope: Scope): Promise<FacilityStandard> {
      const o = await getScopedOrg(orgId, scope);
      return effectiveFor(o.id, o.path);
    },

    async putStandard(orgId: string, input: PutStandard, actor: Actor): Promise<FacilityStandard> {
      const o = await getScopedOrg(orgId, actor.scope);
      if (!SETTER_TYPES.has(o.type)) throw new AppError('STANDARD_ORG_TYPE', { status: 400 });
      const seen = new Set<string>();
      input.items.forEach((item, i) => {
        if (seen.has(item.key))
          throw new AppError('STANDARD_DUPLICATE_ITEM', {
            status: 400,
            errors: [{ path: `items.${i}.key`, message: 'STANDARD_DUPLICATE_ITEM' }],
          });
        seen.add(item.key);
      });
      const items = input.items.map((i) => ({
        key: i.key,
        label: i.label?.trim() || null,
      }));
      await db.transaction(async (tx) => {
        const before = await repo.findOwnStandard(tx, o.id);
        let after;
        if (!before)
          after = await repo.insertStandard(tx, {
            orgId: o.id,
            name: input.name,
            items,
            updatedBy: actor.audit.actorId,
          });
        else {
          if (input.version === undefined || input.version !== before.version)
            throw new AppError('VERSION_CONFLICT', {
              params: { sent: input.version ?? 0, current: before.version },
            });
          after = await repo.updateStandardIfVersion(tx, o.id, before.version, {
            name: input.name,
            items,
            updatedBy: actor.audit.actorId,
          });
          if (!after)
            throw new AppError('VERSION_CONFLICT', {
              params: { sent: input.version, current: before.version + 1 },
            });
        }
        await recordAudit(tx, actor.audit, {
          action: before ? 'facility_standard.update' : 'facility_standard.create',
          entityType: 'facility_standard',
          entityId: after.id,
          orgId: o.id,
          before: before ? { name: before.name, items: before.items } : null,
          after: { name: after.name, items: after.items },
        });
      });
      return effectiveFor(o.id, o.path);
    },

    /** Removes the org's own standard: its positions fall back to the ancestor's (or the default). */
    async deleteStandard(orgId: string, actor: Actor): Promise<FacilityStandard> {
      const o = await getScopedOrg(orgId, actor.scope);
      await db.transaction(async (tx) => {
        const gone = await repo.deleteStandard(tx, o.id);
        if (!gone) throw notFound('ENTITY_facility_standard');
        await recordAudit(tx, actor.audit, {
          action: 'facility_standard.delete',
          entityType: 'facility_standard',
          entityId: gone.id,
          orgId: o.id,
          before: { name: gone.name, items: gone.items },
          after: null,
        });
      });
      return effectiveFor(o.id, o.path);
    },

    async getChecklist(positionId: string, scope: Scope): Promise<PositionChecklist> {
      const p = await findPosition(db, positionId);
      if (!p || !isInScope(scope, p.orgPath)) throw notFound('ENTITY_position');
      const standard = toStandard(pickStandard(p.orgPath, await loadFor([p.orgPath])), null);
      const have = new Set(p.facilities);
      return {
        standard,
        items: standard.items.map((i) => ({ ...i, has: have.has(i.key) })),
        missing: listMissing(standard.items, p.facilities),
      };
    },

    /** 未达标阵地: positions (not closed) that lack items of their standard, with what they lack. */
    async listShortfalls(
      q: {
        orgId?: string | undefined;
        type?: string | undefined;
        item?: string | undefined;
        page: number;
        pageSize: number;
      },
      scope: Scope,
    ): Promise<ShortfallPage> {
      const under = q.orgId ? await getScopedOrg(q.orgId, scope) : undefined;
      const rows = await repo.listPositionsForCheck(db, {
        scope,
        underPath: under?.path,
        type: q.type,
      });
      const standards = await loadFor([...new Set(rows.map((r) => r.orgPath))]);
      const byItem: Record<string, number> = {};
      const short = [];
      for (const r of rows) {
        const standard = pickStandard(r.orgPath, standards) ?? {
          ...DEFAULT_STANDARD,
          orgId: '',
        };
        const missing = listMissing(standard.items, r.facilities);
        if (missing.length === 0) continue;
        for (const m of missing) byItem[m] = (byItem[m] ?? 0) + 1;
        if (q.item && !missing.includes(q.item as FacilityKey)) continue;
        short.push({
          position: {
            id: r.id,
            code: r.code,
            name: r.name,
            type: r.type as ShortfallPage['items'][number]['position']['type'],
            status: r.status,
          },
          org: {
            id: r.orgId,
            code: r.orgCode,
            name: r.orgName,
            type: r.orgType as OrgRef['type'],
          },
          standardName: standard.name,
          missing,
        });
      }
      const start = (q.page - 1) * q.pageSize;
      return {
        items: short.slice(start, start + q.pageSize),
        total: short.length,
        page: q.page,
        pageSize: q.pageSize,
        byItem,
        checked: rows.length,
      };
    },
  };
}

function normalize(items: unknown): StandardItem[] {
  return (items as { key: FacilityKey; label?: string | null }[]).map((i) => ({
    key: i.key,
    label: i.label ?? null,
  }));
}

export type StandardsService = ReturnType<typeof createStandardsService>;
