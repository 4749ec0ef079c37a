import { targetKinds, type PutTargets, type TargetKind, type TargetRow, type Targets } from '@niangjia/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isInScope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import type { Catalogue } from '../../platform/indicators';
import { fieldError } from '../../platform/validation';
import { indicatorTarget, setIndicatorTarget } from '../figures';
import { GIG_FORMS } from '../members';
import { findOrgById } from '../orgs';
import * as repo from './organizing.repository';
import { orgRef, type OrganizingActor } from './organizing.shared';

/** Each yearly target is an indicator target of the catalogue, so figures show 完成年度目标 %. */
export const TARGET_INDICATORS: Record<TargetKind, string> = {
  new_unions: 'orgs.new_grassroots',
  new_members: 'members.new',
  new_gig_members: 'members.gig_new',
  joining_points: 'organizing.joining_points',
};
const PROGRESS_FIELD: Record<TargetKind, keyof repo.Progress> = { new_unions: 'newUnions', new_members: 'newMembers', new_gig_members: 'newGigMembers', joining_points: 'joiningPoints' };
/** A unit is 进度滞后 when a target's share done trails the share of the year gone by more than this. */
const LAG_POINTS = 10;

type Figures = Record<TargetKind, number | null>;
const emptyFigures = (): Figures => ({ new_unions: null, new_members: null, new_gig_members: null, joining_points: null });

/** The share (0–100) of an Asia/Shanghai year gone at `now`. */
export function yearElapsedPercent(year: number, now: Date): number {
  const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
  const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`);
  return Math.round(Math.min(1, Math.max(0, (now.getTime() - start) / (end - start))) * 1000) / 10;
}

export function createTargetsService({ db, catalogue, clock = () => new Date() }: { db: Db; catalogue: Catalogue; clock?: () => Date }) {
  async function readTargets(tx: Db, orgIds: string[], year: number): Promise<Map<string, Figures>> {
    const out = new Map<string, Figures>(orgIds.map((id) => [id, emptyFigures()]));
    if (!orgIds.length) return out;
    const keys = Object.values(TARGET_INDICATORS);
    const rows = await tx
      .select({ orgId: indicatorTarget.orgId, key: indicatorTarget.indicatorKey, value: indicatorTarget.value })
      .from(indicatorTarget)
      .where(and(inArray(indicatorTarget.orgId, orgIds), eq(indicatorTarget.year, year), inArray(indicatorTarget.indicatorKey, keys)));
    for (const r of rows) {
      const kind = targetKinds.find((k) => TARGET_INDICATORS[k] === r.key);
      const f = out.get(r.orgId);
      if (kind && f) f[kind] = Math.round(r.value);
    }
    return out;
  }

  async function resolveNode(orgId: string | undefined, actor: OrganizingActor) {
    if (orgId) {
      const node = await findOrgById(db, orgId);
      if (!node || !isInScope(actor.read, node.path)) throw notFound('ENTITY_org');
      return node;
    }
    // Without an org: the caller's own top node (the first root for a platform admin).
    const first = actor.read === 'all' ? undefined : actor.read[0]?.split('/').filter(Boolean).at(-1);
    const node = first ? await findOrgById(db, first) : await repo.findFirstRoot(db);
    if (!node) throw notFound('ENTITY_org');
    return node;
  }

  return {
    async get(q: { orgId?: string | undefined; year: number }, actor: OrganizingActor): Promise<Targets> {
      const node = await resolveNode(q.orgId, actor);
      const children = await repo.listChildOrgs(db, node.id);
      const all = [{ id: node.id, code: node.code, name: node.name, type: node.type, path: node.path }, ...children];
      const [targets, progress] = await Promise.all([
        readTargets(
          db,
          all.map((o) => o.id),
          q.year,
        ),
        repo.progressUnder(
          db,
          all.map((o) => o.path),
          q.year,
          GIG_FORMS,
        ),
      ]);
      const elapsed = yearElapsedPercent(q.year, clock());
      const rowOf = (o: repo.OrgBrief): TargetRow => {
        const t = targets.get(o.id) ?? emptyFigures();
        const p = progress.get(o.path);
        const actual = emptyFigures();
        const percent = emptyFigures();
        let isLagging = false;
        for (const k of targetKinds) {
          actual[k] = p ? p[PROGRESS_FIELD[k]] : 0;
          const target = t[k];
          if (target !== null && target > 0) {
            percent[k] = Math.round(((actual[k] ?? 0) / target) * 100);
            if (percent[k] < elapsed - LAG_POINTS) isLagging = true;
          }
        }
        return { org: orgRef(o), targets: t, actual, percent, isLagging };
      };
      const own = rowOf(all[0]!);
      const rows = children.map(rowOf);
      const splitDifference = emptyFigures();
      for (const k of targetKinds) {
        const target = own.targets[k];
        if (target === null) continue;
        splitDifference[k] = target - rows.reduce((sum, r) => sum + (r.targets[k] ?? 0), 0);
      }
      return { year: q.year, org: own, children: rows, splitDifference, yearElapsedPercent: elapsed };
    },

    /**
     * Sets a node's own targets (only from the level above: the caller's grant must cover its
     * parent) and splits them to its children. Per kind, the children must add up to the node's
     * target; otherwise 409 names each difference, unless the caller accepts it knowingly
     * (`acceptDifference`), after which the GET shows the difference.
     */
    async put(orgId: string, input: PutTargets, actor: OrganizingActor): Promise<Targets> {
      const node = await findOrgById(db, orgId);
      if (!node || !isInScope(actor.write, node.path)) throw notFound('ENTITY_org');
      if (input.own) {
        const parent = node.parentId ? await findOrgById(db, node.parentId) : undefined;
        const isAbove = actor.write === 'all' || (parent !== undefined && isInScope(actor.write, parent.path));
        if (!isAbove) throw new AppError('ORGANIZING_TARGET_LEVEL', { status: 403 });
      }
      const children = await repo.listChildOrgs(db, node.id);
      const childIds = new Set(children.map((c) => c.id));
      for (const [i, c] of (input.children ?? []).entries()) {
        if (!childIds.has(c.orgId)) throw fieldError(`children.${i}.orgId`, 'ORGANIZING_TARGET_NOT_CHILD');
      }
      await db.transaction(async (tx) => {
        const current = await readTargets(tx, [node.id, ...children.map((c) => c.id)], input.year);
        const ownTargets = { ...(current.get(node.id) ?? emptyFigures()) };
        for (const k of targetKinds) if (input.own?.[k] !== undefined) ownTargets[k] = input.own[k]!;
        if (input.children?.length && !input.acceptDifference) {
          const problems: { path: string; message: string }[] = [];
          let first: { kind: TargetKind; sum: number; target: number } | undefined;
          for (const k of targetKinds) {
            if (!input.children.some((c) => c.targets[k] !== undefined)) continue;
            const sum = children.reduce((s, c) => s + (input.children!.find((x) => x.orgId === c.id)?.targets[k] ?? current.get(c.id)?.[k] ?? 0), 0);
            const target = ownTargets[k] ?? 0;
            if (sum !== target) {
              first ??= { kind: k, sum, target };
              problems.push({ path: `own.${k}`, message: 'ORGANIZING_SPLIT_MISMATCH' });
            }
          }
          if (first) {
            throw new AppError('ORGANIZING_SPLIT_MISMATCH', {
              status: 409,
              detail: 'ORGANIZING_SPLIT_MISMATCH_DETAIL',
              params: { kind: `ORGANIZING_KIND_${first.kind}`, sum: first.sum, target: first.target, difference: first.target - first.sum },
              errors: problems,
            });
          }
        }
        const set = async (id: string, kind: TargetKind, value: number) =>
          setIndicatorTarget(tx, catalogue, { key: TARGET_INDICATORS[kind], orgId: id, year: input.year, value, source: 'organizing' }, actor.audit);
        for (const k of targetKinds) if (input.own?.[k] !== undefined) await set(node.id, k, input.own[k]);
        for (const c of input.children ?? []) for (const k of targetKinds) if (c.targets[k] !== undefined) await set(c.orgId, k, c.targets[k]);
      });
      return this.get({ orgId: node.id, year: input.year }, { ...actor, read: actor.write });
    },
  };
}

export type OrganizingTargetsService = ReturnType<typeof createTargetsService>;
