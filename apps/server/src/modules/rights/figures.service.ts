import type { RightsFigures, RightsSettings } from '@niangjia/contracts';
import { WAGE_ARREARS_CLAIMS, type Threshold } from '@niangjia/contracts/rights-domain';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { addDays, shanghaiStartOf } from '../../platform/holidays';
import { fieldError } from '../../platform/validation';
import { rightsSetting } from './documents.tables';
import { findOrgBrief, rowsOf, settingsFor, today, versionConflict, type RightsStaff } from './rights.shared';

/** SQL condition on an org path column for a set of subtrees. */
function pathIn(column: SQL, scope: Scope): SQL {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${column} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

const between = (column: SQL, from: string | undefined, to: string | undefined) => sql`${from ? sql`${column} >= ${from}` : sql`true`} and ${to ? sql`${column} <= ${to}` : sql`true`}`;

/**
 * The figures the reports quote (受理, 调解, 成功, 案涉金额, 追回, 咨询人次 …), computed from the
 * records for a period and an org subtree. Counts include every case in the subtree: an aggregate
 * names no one, so confidentiality does not narrow it.
 */
export function createRightsFiguresService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  return {
    async figures(q: { orgId?: string | undefined; from?: string | undefined; to?: string | undefined }, viewer: RightsStaff): Promise<RightsFigures> {
      let scope: Scope = viewer.read;
      let orgRef: RightsFigures['org'] = null;
      if (q.orgId) {
        const o = await findOrgBrief(db, q.orgId);
        if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        scope = [o.path];
        orgRef = { id: o.id, code: o.code, name: o.name };
      }
      const casePath = pathIn(sql`o.path`, scope);
      const fromAt = q.from ? shanghaiStartOf(q.from) : null;
      const toAt = q.to ? shanghaiStartOf(addDays(q.to, 1)) : null;
      const wage = sql.join(
        WAGE_ARREARS_CLAIMS.map((c) => sql`${c}`),
        sql`, `,
      );
      const now = today(clock);
      const [c] = rowsOf<Record<string, string | number | null>>(
        await db.execute(sql`
        select
          count(*) filter (where ${between(sql`c.received_on`, q.from, q.to)}) as received,
          count(*) filter (where c.accepted_on is not null and ${between(sql`c.accepted_on`, q.from, q.to)}) as accepted,
          count(*) filter (where c.accepted_on is not null and c.status in ('agreed','failed') and ${between(sql`c.outcome_on`, q.from, q.to)}) as mediated,
          count(*) filter (where c.status = 'agreed' and ${between(sql`c.outcome_on`, q.from, q.to)}) as successful,
          coalesce(sum(c.claimed_fen) filter (where ${between(sql`c.received_on`, q.from, q.to)}), 0) as claimed,
          coalesce(sum(c.agreed_fen) filter (where c.status = 'agreed' and ${between(sql`c.outcome_on`, q.from, q.to)}), 0) as agreed,
          count(*) filter (where (c.status = 'received' and c.acceptance_due_on < ${now})
            or (c.status = 'accepted' and c.stage = 'mediation' and c.mediation_due_on < ${now})
            or (c.status in ('received','accepted','failed') and c.stage in ('mediation','negotiation') and c.limitation_ends_on < ${now})
            or (c.stage = 'arbitration' and c.arbitration_due_on < ${now})) as overdue
        from rights_case c join org o on o.id = c.org_id
        where ${casePath}`),
      );
      const [p] = rowsOf<Record<string, string | number | null>>(
        await db.execute(sql`
        select
          (select coalesce(sum(pay.amount_fen), 0) from rights_payment pay join rights_case c on c.id = pay.case_id join org o on o.id = c.org_id where ${casePath} and ${between(sql`pay.received_on`, q.from, q.to)}) as recovered,
          (select coalesce(sum(cl.amount_fen), 0) from rights_case_claim cl join rights_case c on c.id = cl.case_id join org o on o.id = c.org_id where ${casePath} and cl.type in (${wage}) and ${between(sql`c.received_on`, q.from, q.to)}) as wage_claimed,
          (select count(*) from rights_case_party pa join rights_case c on c.id = pa.case_id join org o on o.id = c.org_id where ${casePath} and pa.role = 'applicant' and c.status = 'agreed' and ${between(sql`c.outcome_on`, q.from, q.to)}) as helped,
          (select count(*) from rights_monitoring_point mp join org o on o.id = mp.org_id where ${casePath} and mp.status = 'active') as points,
          (select count(*) from rights_warning w join org o on o.id = w.org_id where ${casePath} and w.status = 'open') as warnings`),
      );
      const channels = rowsOf<{ channel: string; n: string | number }>(
        await db.execute(sql`
        select k.channel, count(*) as n from rights_consultation k join org o on o.id = k.org_id
        where ${casePath} ${fromAt ? sql`and k.asked_at >= ${fromAt}` : sql``} ${toAt ? sql`and k.asked_at < ${toAt}` : sql``}
        group by k.channel`),
      );
      const years = rowsOf<{ year: number; received: string | number; accepted: string | number; successful: string | number; agreed: string | number; consultations: string | number }>(
        await db.execute(sql`
        with y as (
          select extract(year from c.received_on)::int as year, 1 as received, 0 as accepted, 0 as successful, 0::bigint as agreed, 0 as consultations from rights_case c join org o on o.id = c.org_id where ${casePath} and ${between(sql`c.received_on`, q.from, q.to)}
          union all select extract(year from c.accepted_on)::int, 0, 1, 0, 0, 0 from rights_case c join org o on o.id = c.org_id where ${casePath} and c.accepted_on is not null and ${between(sql`c.accepted_on`, q.from, q.to)}
          union all select extract(year from c.outcome_on)::int, 0, 0, 1, c.agreed_fen, 0 from rights_case c join org o on o.id = c.org_id where ${casePath} and c.status = 'agreed' and ${between(sql`c.outcome_on`, q.from, q.to)}
          union all select extract(year from (k.asked_at at time zone 'Asia/Shanghai'))::int, 0, 0, 0, 0, 1 from rights_consultation k join org o on o.id = k.org_id where ${casePath} ${fromAt ? sql`and k.asked_at >= ${fromAt}` : sql``} ${toAt ? sql`and k.asked_at < ${toAt}` : sql``}
        )
        select year, sum(received) as received, sum(accepted) as accepted, sum(successful) as successful, sum(agreed) as agreed, sum(consultations) as consultations from y group by year order by year`),
      );
      const n = (v: unknown) => Number(v ?? 0);
      const byChannel = Object.fromEntries(channels.map((r) => [r.channel, n(r.n)]));
      const mediated = n(c?.mediated);
      return {
        org: orgRef,
        from: q.from ?? null,
        to: q.to ?? null,
        consultations: Object.values(byChannel).reduce((s, v) => s + v, 0),
        consultationsByChannel: byChannel,
        petitions: byChannel.petition ?? 0,
        casesReceived: n(c?.received),
        casesAccepted: n(c?.accepted),
        casesMediated: mediated,
        casesSuccessful: n(c?.successful),
        successRate: mediated ? n(c?.successful) / mediated : null,
        amountClaimedFen: n(c?.claimed),
        amountAgreedFen: n(c?.agreed),
        amountRecoveredFen: n(p?.recovered),
        wageArrearsClaimedFen: n(p?.wage_claimed),
        workersHelped: n(p?.helped),
        overdueCases: n(c?.overdue),
        monitoringPoints: n(p?.points),
        openWarnings: n(p?.warnings),
        byYear: years.map((y) => ({ year: n(y.year), received: n(y.received), accepted: n(y.accepted), successful: n(y.successful), amountAgreedFen: n(y.agreed), consultations: n(y.consultations) })),
      };
    },

    async settings(orgId: string, viewer: RightsStaff): Promise<RightsSettings> {
      const o = await findOrgBrief(db, orgId);
      if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' } });
      const s = await settingsFor(db, o.path);
      return { org: { id: o.id, code: o.code, name: o.name }, isDefault: s.orgId !== o.id, acceptanceWorkingDays: s.acceptanceWorkingDays, reportDueDay: s.reportDueDay, thresholds: s.thresholds, version: s.orgId === o.id ? s.version : null };
    },

    /** A district (or the federation) sets its acceptance days, report due day and thresholds. */
    async saveSettings(orgId: string, input: { acceptanceWorkingDays: number; reportDueDay: number; thresholds: Threshold[]; version?: number | undefined }, viewer: RightsStaff): Promise<RightsSettings> {
      await db.transaction(async (tx) => {
        const o = await findOrgBrief(tx, orgId);
        if (!o || !isInScope(viewer.read, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' } });
        if (!isInScope(viewer.manage, o.path)) throw new AppError('FORBIDDEN');
        if (o.type !== 'district' && o.type !== 'federation') throw fieldError('orgId', 'RIGHTS_SETTINGS_ORG');
        const current = (await tx.select().from(rightsSetting).where(sql`${rightsSetting.orgId} = ${orgId}`).for('update'))[0];
        if (current && input.version !== current.version) throw versionConflict(input.version ?? 0, current.version);
        const values = { acceptanceWorkingDays: input.acceptanceWorkingDays, reportDueDay: input.reportDueDay, thresholds: input.thresholds, updatedBy: viewer.userId };
        if (current) await tx.update(rightsSetting).set({ ...values, version: current.version + 1, updatedAt: new Date() }).where(sql`${rightsSetting.orgId} = ${orgId}`);
        else await tx.insert(rightsSetting).values({ orgId, ...values });
        await recordAudit(tx, viewer.audit, { action: current ? 'rights_settings.update' : 'rights_settings.create', entityType: 'rights_settings', entityId: orgId, orgId, before: current ? { acceptanceWorkingDays: current.acceptanceWorkingDays, reportDueDay: current.reportDueDay, thresholds: current.thresholds } : null, after: values });
      });
      return this.settings(orgId, viewer);
    },
  };
}

export type RightsFiguresService = ReturnType<typeof createRightsFiguresService>;
