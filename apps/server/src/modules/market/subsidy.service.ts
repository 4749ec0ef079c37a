import type { CreateSubsidyRule, SubsidyRule, UpdateSubsidyRule } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import * as repo from './orders.repository';
import { relatedSql, stateError, versionConflict, type MarketDeps, type StaffCtx } from './shared';

export const toRule = (r: repo.RuleRow): SubsidyRule => ({
  id: r.id,
  org: { id: r.orgId, name: r.orgName },
  year: r.year,
  budgetFen: r.budgetFen,
  percentBps: r.percentBps,
  capPerUnionFen: r.capPerUnionFen,
  capPerPersonFen: r.capPerPersonFen,
  committedFen: r.committedFen,
  remainingFen: r.budgetFen - r.committedFen,
  unions: r.unions,
  note: r.note,
  version: r.version,
});

/** A district's yearly subsidy rules (budget, share, cap per union). Unions below read them; the district sets them. */
export function createSubsidyService({ db }: MarketDeps) {
  return {
    async list(q: { orgId?: string | undefined }, scope: Scope): Promise<{ items: SubsidyRule[] }> {
      const where: SQL[] = [relatedSql(scope, sql`o.path`)];
      if (q.orgId) where.push(sql`r.org_id = ${q.orgId}`);
      return { items: (await repo.listRules(db, sql.join(where, sql` and `))).map(toRule) };
    },

    async create(input: CreateSubsidyRule, ctx: StaffCtx): Promise<SubsidyRule> {
      return db.transaction(async (tx) => {
        const district = await findOrgById(tx, input.orgId);
        if (!district || !isInScope(ctx.scope, district.path)) throw notFound('ENTITY_org');
        if (district.type !== 'district') throw fieldError('orgId', 'MARKET_NOT_A_DISTRICT');
        const id = await repo.insertRule(tx, { orgId: district.id, year: input.year, budgetFen: input.budgetFen, percentBps: input.percentBps, capPerUnionFen: input.capPerUnionFen, ...(input.capPerPersonFen === undefined ? {} : { capPerPersonFen: input.capPerPersonFen }), note: input.note ?? null });
        const rule = (await repo.findRule(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.rule.create', entityType: 'market_subsidy_rule', entityId: id, orgId: district.id, after: { year: input.year, budgetFen: input.budgetFen, percentBps: input.percentBps, capPerUnionFen: input.capPerUnionFen, capPerPersonFen: rule.capPerPersonFen } });
        return toRule(rule);
      });
    },

    /** A budget or cap may not go below what orders already hold (the rows' checks would refuse it too). */
    async update(id: string, input: UpdateSubsidyRule, ctx: StaffCtx): Promise<SubsidyRule> {
      return db.transaction(async (tx) => {
        await repo.lockUsages(tx, id);
        const rule = await repo.findRule(tx, id, true);
        if (!rule || !isInScope(ctx.scope, rule.orgPath)) throw notFound('ENTITY_market_rule');
        if (rule.version !== input.version) throw versionConflict(input.version, rule.version);
        if (input.budgetFen < rule.committedFen) throw stateError('MARKET_RULE_BELOW_COMMITTED');
        if (input.capPerUnionFen < (await repo.maxUnionCommitted(tx, id))) throw stateError('MARKET_RULE_BELOW_COMMITTED');
        // A lower cap per person refuses new own orders of those already past it; what they hold stays.
        const capPerPersonFen = input.capPerPersonFen ?? rule.capPerPersonFen;
        await repo.updateRule(tx, id, rule.version, { budgetFen: input.budgetFen, percentBps: input.percentBps, capPerUnionFen: input.capPerUnionFen, capPerPersonFen, note: input.note ?? null });
        await repo.setUsageCaps(tx, id, input.capPerUnionFen);
        await recordAudit(tx, ctx.audit, {
          action: 'market.rule.update',
          entityType: 'market_subsidy_rule',
          entityId: id,
          orgId: rule.orgId,
          before: { budgetFen: rule.budgetFen, percentBps: rule.percentBps, capPerUnionFen: rule.capPerUnionFen, capPerPersonFen: rule.capPerPersonFen },
          after: { budgetFen: input.budgetFen, percentBps: input.percentBps, capPerUnionFen: input.capPerUnionFen, capPerPersonFen },
        });
        return toRule((await repo.findRule(tx, id))!);
      });
    },

    ruleFor: (tx: Db, districtId: string, year: number) => repo.findRuleFor(tx, districtId, year),
  };
}

export type SubsidyService = ReturnType<typeof createSubsidyService>;
