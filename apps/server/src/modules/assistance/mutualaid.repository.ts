import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import type { MutualaidBenefit, MutualaidBenefitRules } from '@niangjia/contracts';

import { query, queryOne } from '../../db/rows';
export { query, queryOne };
export const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

export type PlanRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  year: number;
  name: string;
  premium_fen: number;
  benefits: MutualaidBenefitRules;
  annual_cap_fen: number;
  second_approval_fen: number;
  sample_percent: number;
  status: 'draft' | 'open' | 'closed';
  version: number;
};

const planSelect = sql`select p.id, p.org_id, o.name as org_name, o.path as org_path, p.year, p.name, p.premium_fen, p.benefits, p.annual_cap_fen, p.second_approval_fen, p.sample_percent, p.status, p.version
  from mutualaid_plan p join org o on o.id = p.org_id`;

export async function findPlan(db: Db, id: string, lock = false): Promise<PlanRow | undefined> {
  return queryOne<PlanRow>(db, sql`${planSelect} where p.id = ${id}${lock ? sql` for update of p` : sql``}`);
}

export async function listPlans(db: Db, year: number | undefined): Promise<PlanRow[]> {
  return query<PlanRow>(db, sql`${planSelect} where ${year === undefined ? sql`true` : sql`p.year = ${year}`} order by p.year desc, o.path`);
}

/** Enrolled, claims filed and paid (fen) of a plan, within a scope (the caller's subtree). */
export async function planFigures(db: Db, planId: string, scope: Scope): Promise<{ enrolled: number; claims: number; paid_fen: number }> {
  const [e] = await query<{ n: number }>(db, sql`select count(*)::int as n from mutualaid_enrolment e join org o on o.id = e.org_id where e.plan_id = ${planId} and ${scopeSql(scope, sql`o.path`)}`);
  const [c] = await query<{ n: number; paid: number }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(c.payout_fen) filter (where c.status = 'paid'), 0)::int as paid from mutualaid_claim c join org o on o.id = c.org_id where c.plan_id = ${planId} and ${scopeSql(scope, sql`o.path`)}`,
  );
  return { enrolled: e?.n ?? 0, claims: c?.n ?? 0, paid_fen: c?.paid ?? 0 };
}

export async function countEnrolments(db: Db, planId: string): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`select count(*)::int as n from mutualaid_enrolment where plan_id = ${planId}`);
  return r?.n ?? 0;
}

export type PlanValues = { orgId?: string; year?: number; name: string; premiumFen: number; benefits: MutualaidBenefitRules; annualCapFen: number; secondApprovalFen: number; samplePercent: number };

export async function insertPlan(db: Db, v: Required<PlanValues>, createdBy: string, now: Date): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into mutualaid_plan (org_id, year, name, premium_fen, benefits, annual_cap_fen, second_approval_fen, sample_percent, created_by, created_at, updated_at)
      values (${v.orgId}, ${v.year}, ${v.name}, ${v.premiumFen}, ${JSON.stringify(v.benefits)}::jsonb, ${v.annualCapFen}, ${v.secondApprovalFen}, ${v.samplePercent}, ${createdBy}, ${now.toISOString()}, ${now.toISOString()}) returning id`,
  );
  return row!.id;
}

export async function updatePlan(db: Db, id: string, version: number, v: PlanValues, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update mutualaid_plan set name = ${v.name}, premium_fen = ${v.premiumFen}, benefits = ${JSON.stringify(v.benefits)}::jsonb, annual_cap_fen = ${v.annualCapFen},
      second_approval_fen = ${v.secondApprovalFen}, sample_percent = ${v.samplePercent}, version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function closePlan(db: Db, id: string, now: Date): Promise<void> {
  await db.execute(sql`update mutualaid_plan set status = 'closed', version = version + 1, updated_at = ${now.toISOString()} where id = ${id}`);
}

export async function openPlan(db: Db, id: string, now: Date): Promise<void> {
  await db.execute(sql`update mutualaid_plan set status = 'open', opened_at = ${now.toISOString()}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id}`);
}

/** Active members whose ID hash is given, with their union, under `underPath` and within the scope. */
export async function findActiveMembersByHash(db: Db, hashes: string[], underPath: string, scope: Scope): Promise<{ person_id: string; membership_id: string; org_id: string; real_name: string; hash: string; masked: string }[]> {
  if (!hashes.length) return [];
  return query(
    db,
    sql`select p.id as person_id, m.id as membership_id, m.org_id, p.real_name, p.id_number_hash as hash, p.id_number_masked as masked
      from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
      where p.id_number_hash in (${sql.join(
        hashes.map((h) => sql`${h}`),
        sql`, `,
      )}) and o.path like ${`${underPath}%`} and ${scopeSql(scope, sql`o.path`)}`,
  );
}

export async function enrolledPersonIds(db: Db, planId: string, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await query<{ person_id: string }>(db, sql`select person_id from mutualaid_enrolment where plan_id = ${planId} and person_id in (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)})`);
  return new Set(rows.map((r) => r.person_id));
}

export type NewEnrolment = { personId: string; membershipId: string; orgId: string };

/** Inserts enrolments with their per-benefit usage rows (one statement each per chunk); a person already enrolled is skipped. */
export async function insertEnrolments(db: Db, plan: PlanRow, rows: NewEnrolment[], batchId: string | null, by: string | null, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await query<{ id: string }>(
      db,
      sql`insert into mutualaid_enrolment (plan_id, person_id, membership_id, org_id, batch_id, premium_fen, cap_fen, enrolled_by, created_at)
        values ${sql.join(
          chunk.map((r) => sql`(${plan.id}, ${r.personId}, ${r.membershipId}, ${r.orgId}, ${batchId}, ${plan.premium_fen}, ${plan.annual_cap_fen}, ${by}, ${now.toISOString()})`),
          sql`, `,
        )}
        on conflict (plan_id, person_id) do nothing returning id`,
    );
    if (inserted.length) {
      await db.execute(
        sql`insert into mutualaid_usage (enrolment_id, benefit, cap_fen)
          select e.id, b.benefit, b.cap from mutualaid_enrolment e
          cross join (values ('hospital', ${plan.benefits.hospital.capFen}::int), ('serious_illness', ${plan.benefits.serious_illness.capFen}::int), ('accident', ${plan.benefits.accident.capFen}::int)) as b(benefit, cap)
          where e.id in (${sql.join(inserted.map((r) => sql`${r.id}`), sql`, `)})`,
      );
      ids.push(...inserted.map((r) => r.id));
    }
  }
  return ids;
}

export async function insertBatch(
  db: Db,
  v: { planId: string; orgId: string; fileName: string | null; totalRows: number; enrolledRows: number; skippedRows: number; errorRows: number; report: unknown[]; createdBy: string },
  now: Date,
): Promise<{ id: string; created_at: unknown }> {
  const row = await queryOne<{ id: string; created_at: unknown }>(
    db,
    sql`insert into mutualaid_batch (plan_id, org_id, file_name, total_rows, enrolled_rows, skipped_rows, error_rows, report, created_by, created_at)
      values (${v.planId}, ${v.orgId}, ${v.fileName}, ${v.totalRows}, ${v.enrolledRows}, ${v.skippedRows}, ${v.errorRows}, ${JSON.stringify(v.report)}::jsonb, ${v.createdBy}, ${now.toISOString()}) returning id, created_at`,
  );
  return row!;
}

export async function setBatchOfEnrolments(db: Db, batchId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await db.execute(sql`update mutualaid_enrolment set batch_id = ${batchId} where id in (${sql.join(chunk.map((r) => sql`${r}`), sql`, `)})`);
  }
}

export type EnrolmentRow = { id: string; plan_id: string; person_id: string; real_name: string; masked: string; org_id: string; org_name: string; org_path: string; cap_fen: number; committed_fen: number; created_at: unknown };
const enrolmentSelect = sql`select e.id, e.plan_id, e.person_id, p.real_name, p.id_number_masked as masked, e.org_id, o.name as org_name, o.path as org_path, e.cap_fen, e.committed_fen, e.created_at
  from mutualaid_enrolment e join person p on p.id = e.person_id join org o on o.id = e.org_id`;

export async function listEnrolments(db: Db, planId: string, f: { scope: Scope; underPath?: string; q?: string; page: number; pageSize: number }): Promise<{ items: EnrolmentRow[]; total: number }> {
  const where = sql`e.plan_id = ${planId} and ${scopeSql(f.scope, sql`o.path`)} ${f.underPath ? sql`and o.path like ${`${f.underPath}%`}` : sql``} ${f.q ? sql`and p.real_name like ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}`;
  const [c] = await query<{ n: number }>(db, sql`select count(*)::int as n from mutualaid_enrolment e join person p on p.id = e.person_id join org o on o.id = e.org_id where ${where}`);
  const items = await query<EnrolmentRow>(db, sql`${enrolmentSelect} where ${where} order by e.created_at desc, e.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: c?.n ?? 0 };
}

export async function findEnrolment(db: Db, id: string): Promise<EnrolmentRow | undefined> {
  return queryOne<EnrolmentRow>(db, sql`${enrolmentSelect} where e.id = ${id}`);
}

export async function enrolmentsOfPersons(db: Db, personIds: string[]): Promise<(EnrolmentRow & { plan_name: string; year: number; benefits: MutualaidBenefitRules; plan_status: string })[]> {
  if (!personIds.length) return [];
  return query(
    db,
    sql`select e.id, e.plan_id, e.person_id, p.real_name, p.id_number_masked as masked, e.org_id, o.name as org_name, o.path as org_path, e.cap_fen, e.committed_fen, e.created_at,
        pl.name as plan_name, pl.year, pl.benefits, pl.status as plan_status
      from mutualaid_enrolment e join person p on p.id = e.person_id join org o on o.id = e.org_id join mutualaid_plan pl on pl.id = e.plan_id
      where e.person_id in (${sql.join(personIds.map((p) => sql`${p}`), sql`, `)}) order by pl.year desc`,
  );
}

export type ClaimRow = {
  id: string;
  number: string;
  plan_id: string;
  plan_name: string;
  year: number;
  second_approval_fen: number;
  enrolment_id: string;
  person_id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  real_name: string;
  filed_by: string | null;
  benefit: MutualaidBenefit;
  incident_date: unknown;
  hospital_days: number | null;
  amount_fen: number | null;
  description: string;
  photo_ids: string[];
  is_sampled: boolean;
  status: 'submitted' | 'awaiting_second' | 'approved' | 'rejected' | 'paid';
  rule_fen: number | null;
  payout_fen: number | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: unknown;
  review_note: string | null;
  second_by_name: string | null;
  second_at: unknown;
  rejected_reason: string | null;
  payment_method: 'transfer' | 'in_person' | null;
  payment_reference: string | null;
  paid_at: unknown;
  created_at: unknown;
  version: number;
  enrol_left: number;
  usage_left: number;
};

const claimSelect = sql`select c.id, c.number, c.plan_id, pl.name as plan_name, pl.year, pl.second_approval_fen, c.enrolment_id, e.person_id, c.org_id, o.name as org_name, o.path as org_path, p.real_name,
    c.filed_by, c.benefit, c.incident_date::text as incident_date, c.hospital_days, c.amount_fen, c.description, c.photo_ids, c.is_sampled, c.status, c.rule_fen, c.payout_fen,
    c.reviewed_by, c.reviewed_by_name, c.reviewed_at, c.review_note, c.second_by_name, c.second_at, c.rejected_reason, c.payment_method, c.payment_reference, c.paid_at, c.created_at, c.version,
    (e.cap_fen - e.committed_fen) as enrol_left, (u.cap_fen - u.committed_fen) as usage_left
  from mutualaid_claim c join mutualaid_plan pl on pl.id = c.plan_id join mutualaid_enrolment e on e.id = c.enrolment_id join person p on p.id = e.person_id join org o on o.id = c.org_id
  join mutualaid_usage u on u.enrolment_id = c.enrolment_id and u.benefit = c.benefit`;

export async function findClaim(db: Db, id: string): Promise<ClaimRow | undefined> {
  return queryOne<ClaimRow>(db, sql`${claimSelect} where c.id = ${id}`);
}

export async function listClaims(db: Db, f: { scope: Scope; planId?: string; status?: string; underPath?: string; enrolmentIds?: string[]; page: number; pageSize: number }): Promise<{ items: ClaimRow[]; total: number }> {
  const where = sql`${scopeSql(f.scope, sql`o.path`)} ${f.planId ? sql`and c.plan_id = ${f.planId}` : sql``} ${f.status ? sql`and c.status = ${f.status}` : sql``} ${f.underPath ? sql`and o.path like ${`${f.underPath}%`}` : sql``}
    ${f.enrolmentIds ? (f.enrolmentIds.length ? sql`and c.enrolment_id in (${sql.join(f.enrolmentIds.map((e) => sql`${e}`), sql`, `)})` : sql`and false`) : sql``}`;
  const [c] = await query<{ n: number }>(db, sql`select count(*)::int as n from mutualaid_claim c join org o on o.id = c.org_id where ${where}`);
  const items = await query<ClaimRow>(db, sql`${claimSelect} where ${where} order by c.created_at desc, c.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: c?.n ?? 0 };
}

export async function insertClaim(
  db: Db,
  v: { number: string; enrolmentId: string; planId: string; orgId: string; filedBy: string; benefit: string; incidentDate: string; hospitalDays: number | null; amountFen: number | null; description: string; photoIds: string[]; isSampled: boolean },
  now: Date,
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into mutualaid_claim (number, enrolment_id, plan_id, org_id, filed_by, benefit, incident_date, hospital_days, amount_fen, description, photo_ids, is_sampled, created_at, updated_at)
      values (${v.number}, ${v.enrolmentId}, ${v.planId}, ${v.orgId}, ${v.filedBy}, ${v.benefit}, ${v.incidentDate}, ${v.hospitalDays}, ${v.amountFen}, ${v.description},
        ${sql`array[${sql.join(v.photoIds.length ? v.photoIds.map((p) => sql`${p}`) : [sql``], sql`, `)}]::uuid[]`}, ${v.isSampled}, ${now.toISOString()}, ${now.toISOString()}) returning id`,
  );
  return row!.id;
}

export async function claimNumberTaken(db: Db, number: string): Promise<boolean> {
  return (await query(db, sql`select 1 from mutualaid_claim where number = ${number}`)).length > 0;
}

/** Locks the enrolment and the benefit's usage row (concurrent approvals of one person queue here), and returns what is left. */
export async function lockCaps(db: Db, enrolmentId: string, benefit: string): Promise<{ enrolLeft: number; usageLeft: number }> {
  const [e] = await query<{ left: number }>(db, sql`select cap_fen - committed_fen as left from mutualaid_enrolment where id = ${enrolmentId} for update`);
  const [u] = await query<{ left: number }>(db, sql`select cap_fen - committed_fen as left from mutualaid_usage where enrolment_id = ${enrolmentId} and benefit = ${benefit} for update`);
  return { enrolLeft: Number(e?.left ?? 0), usageLeft: Number(u?.left ?? 0) };
}

/** Takes (or, negative, gives back) an amount of the caps; the tables' checks refuse going past them. */
export async function commitCaps(db: Db, enrolmentId: string, benefit: string, fen: number): Promise<void> {
  await db.execute(sql`update mutualaid_enrolment set committed_fen = committed_fen + ${fen} where id = ${enrolmentId}`);
  await db.execute(sql`update mutualaid_usage set committed_fen = committed_fen + ${fen} where enrolment_id = ${enrolmentId} and benefit = ${benefit}`);
}

/** Moves a claim on when its version and status still match; false otherwise. */
export async function updateClaim(db: Db, id: string, from: { version: number; status: string }, set: SQL, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(db, sql`update mutualaid_claim set ${set}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${from.version} and status = ${from.status} returning id`);
  return rows.length === 1;
}

/** Where a photo attached to a claim may be seen: staff reading members in scope of the claim's union. */
export async function mutualaidPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'assistance.read' }[]> {
  const rows = await query<{ path: string }>(db, sql`select o.path from mutualaid_claim c join org o on o.id = c.org_id where ${photoId}::uuid = any(c.photo_ids)`);
  return rows.map((r) => ({ path: r.path, permission: 'assistance.read' as const }));
}
