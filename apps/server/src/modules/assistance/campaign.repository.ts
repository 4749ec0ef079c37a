import { sql, type SQL } from 'drizzle-orm';
import type { CampaignBenefit, EligibilityRules } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { scopeSql, relatedSql, type Scope } from '../../platform/auth';
import { query, queryOne } from './mutualaid.repository';

/** Every query on the campaign tables (帮扶活动). */
export { query, queryOne };

export type CampaignRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  kind: 'winter' | 'spring' | 'summer' | 'autumn' | 'health' | 'custom';
  name: string;
  starts_on: string;
  ends_on: string;
  budget_fen: string | number;
  approved_fen: string | number;
  funding_sources: { source: string; amountFen: number }[];
  benefits: CampaignBenefit[];
  eligibility: EligibilityRules;
  second_approval_fen: string | number;
  yearly_limit_fen: string | number | null;
  status: 'draft' | 'open' | 'closed';
  version: number;
};

const campaignSelect = sql`select c.id, c.org_id, o.name as org_name, o.path as org_path, c.kind, c.name, c.starts_on::text as starts_on, c.ends_on::text as ends_on,
    c.budget_fen, c.approved_fen, c.funding_sources, c.benefits, c.eligibility, c.second_approval_fen, c.yearly_limit_fen, c.status, c.version
  from campaign c join org o on o.id = c.org_id`;

export async function findCampaign(db: Db, id: string, lock = false): Promise<CampaignRow | undefined> {
  return queryOne<CampaignRow>(db, sql`${campaignSelect} where c.id = ${id}${lock ? sql` for update of c` : sql``}`);
}

/** Campaigns whose owner is in the scope or above it (a grassroots union sees its district's campaigns). */
export async function listCampaigns(db: Db, f: { scope: Scope; kind?: string | undefined; year?: number | undefined; status?: string | undefined }): Promise<CampaignRow[]> {
  return query<CampaignRow>(
    db,
    sql`${campaignSelect} where ${relatedSql(f.scope, sql`o.path`)} ${f.kind ? sql`and c.kind = ${f.kind}` : sql``} ${f.status ? sql`and c.status = ${f.status}` : sql``}
      ${f.year ? sql`and extract(year from c.starts_on) = ${f.year}` : sql``} order by c.starts_on desc, c.created_at desc limit 500`,
  );
}

export async function campaignFigures(db: Db, campaignId: string, scope: Scope): Promise<{ nominations: number; recipients: number; disbursed: number }> {
  const row = await queryOne<{ nominations: number; recipients: number; disbursed: string | number }>(
    db,
    sql`select count(*)::int as nominations,
        count(*) filter (where n.status in ('disbursed','acknowledged'))::int as recipients,
        coalesce(sum(n.value_fen) filter (where n.status in ('disbursed','acknowledged')), 0) as disbursed
      from campaign_nomination n join org o on o.id = n.org_id where n.campaign_id = ${campaignId} and ${scopeSql(scope, sql`o.path`)}`,
  );
  return { nominations: row?.nominations ?? 0, recipients: row?.recipients ?? 0, disbursed: Number(row?.disbursed ?? 0) };
}

export async function insertCampaign(
  db: Db,
  v: { orgId: string; kind: string; name: string; startsOn: string; endsOn: string; budgetFen: number; fundingSources: unknown; benefits: unknown; eligibility: unknown; secondApprovalFen: number; yearlyLimitFen: number | null; createdBy: string },
  now: Date,
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, yearly_limit_fen, created_by, created_at, updated_at)
      values (${v.orgId}, ${v.kind}, ${v.name}, ${v.startsOn}, ${v.endsOn}, ${v.budgetFen}, ${JSON.stringify(v.fundingSources)}::jsonb, ${JSON.stringify(v.benefits)}::jsonb, ${JSON.stringify(v.eligibility)}::jsonb,
        ${v.secondApprovalFen}, ${v.yearlyLimitFen}, ${v.createdBy}, ${now.toISOString()}, ${now.toISOString()}) returning id`,
  );
  return row!.id;
}

export async function setCampaignStatus(db: Db, id: string, from: { version: number; status: string }, status: string, now: Date): Promise<boolean> {
  const rows = await query(db, sql`update campaign set status = ${status}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${from.version} and status = ${from.status} returning id`);
  return rows.length === 1;
}

export type AllocationRow = { id: string; campaign_id: string; org_id: string; org_name: string; org_path: string; parent_id: string | null; amount_fen: string | number; sub_allocated_fen: string | number; spent_fen: string | number };
const allocationSelect = sql`select a.id, a.campaign_id, a.org_id, o.name as org_name, o.path as org_path, a.parent_id, a.amount_fen, a.sub_allocated_fen, a.spent_fen
  from campaign_allocation a join org o on o.id = a.org_id`;

export async function listAllocations(db: Db, campaignId: string): Promise<AllocationRow[]> {
  return query<AllocationRow>(db, sql`${allocationSelect} where a.campaign_id = ${campaignId} order by o.path`);
}

export async function insertAllocation(db: Db, v: { campaignId: string; orgId: string; parentId: string | null; amountFen: number; createdBy: string }): Promise<string | undefined> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into campaign_allocation (campaign_id, org_id, parent_id, amount_fen, created_by) values (${v.campaignId}, ${v.orgId}, ${v.parentId}, ${v.amountFen}, ${v.createdBy})
      on conflict (campaign_id, org_id) do nothing returning id`,
  );
  return row?.id;
}

/**
 * Takes `fen` of an allocation's share (for a child's share, or for an approved nomination), only
 * if what is left covers it: one conditional UPDATE, so parallel callers never take more than the
 * share (the row's check would refuse it too). Negative gives back. False: not enough left.
 */
export async function takeFromAllocation(db: Db, id: string, column: 'sub_allocated_fen' | 'spent_fen', fen: number): Promise<boolean> {
  const col = sql.raw(column);
  const rows = await query(db, sql`update campaign_allocation set ${col} = ${col} + ${fen} where id = ${id} and sub_allocated_fen + spent_fen + ${fen} <= amount_fen returning id`);
  return rows.length === 1;
}

/** A share's new amount, refused (false) below what it has handed down and spent. */
export async function resizeAllocation(db: Db, id: string, amountFen: number): Promise<boolean> {
  const rows = await query(db, sql`update campaign_allocation set amount_fen = ${amountFen} where id = ${id} and sub_allocated_fen + spent_fen <= ${amountFen} returning id`);
  return rows.length === 1;
}

/** A parent gets back what a smaller share no longer holds. */
export async function giveBackToAllocation(db: Db, id: string, fen: number): Promise<void> {
  await query(db, sql`update campaign_allocation set sub_allocated_fen = sub_allocated_fen - ${fen} where id = ${id}`);
}

/** The owner's share follows the budget: refused (false) below what it has handed down and spent. */
export async function resizeRootAllocation(db: Db, campaignId: string, amountFen: number): Promise<boolean> {
  const rows = await query(db, sql`update campaign_allocation set amount_fen = ${amountFen} where campaign_id = ${campaignId} and parent_id is null and sub_allocated_fen + spent_fen <= ${amountFen} returning id`);
  return rows.length === 1;
}

export async function rootAllocationUsed(db: Db, campaignId: string): Promise<number> {
  const row = await queryOne<{ used: string | number }>(db, sql`select sub_allocated_fen + spent_fen as used from campaign_allocation where campaign_id = ${campaignId} and parent_id is null`);
  return Number(row?.used ?? 0);
}

/** The campaign's terms; refused (false) when the budget would drop below what is approved. */
export async function updateCampaign(
  db: Db,
  id: string,
  v: { name: string; startsOn: string; endsOn: string; budgetFen: number; fundingSources: unknown; benefits: unknown; eligibility: unknown; secondApprovalFen: number; yearlyLimitFen: number | null },
  now: Date,
): Promise<boolean> {
  const rows = await query(
    db,
    sql`update campaign set name = ${v.name}, starts_on = ${v.startsOn}, ends_on = ${v.endsOn}, budget_fen = ${v.budgetFen}, funding_sources = ${JSON.stringify(v.fundingSources)}::jsonb,
        benefits = ${JSON.stringify(v.benefits)}::jsonb, eligibility = ${JSON.stringify(v.eligibility)}::jsonb, second_approval_fen = ${v.secondApprovalFen}, yearly_limit_fen = ${v.yearlyLimitFen},
        version = version + 1, updated_at = ${now.toISOString()}
      where id = ${id} and approved_fen <= ${v.budgetFen} returning id`,
  );
  return rows.length === 1;
}

/** The same for the campaign's whole budget. */
export async function takeFromBudget(db: Db, campaignId: string, fen: number): Promise<boolean> {
  const rows = await query(db, sql`update campaign set approved_fen = approved_fen + ${fen} where id = ${campaignId} and approved_fen + ${fen} <= budget_fen returning id`);
  return rows.length === 1;
}

/**
 * Adds to a person's yearly total across campaigns only while it stays within the limit (null: no
 * limit): a conditional upsert, so parallel approvals of one person in two campaigns cannot pass it.
 */
export async function takeFromYearlyLimit(db: Db, v: { personId: string; year: number; orgId: string; fen: number; limit: number | null }): Promise<boolean> {
  if (v.limit !== null && v.fen > v.limit) return false;
  const rows = await query(
    db,
    sql`insert into campaign_person_year (person_id, year, org_id, value_fen, times) values (${v.personId}, ${v.year}, ${v.orgId}, ${v.fen}, 1)
      on conflict (person_id, year) do update set value_fen = campaign_person_year.value_fen + excluded.value_fen, times = campaign_person_year.times + 1
      ${v.limit === null ? sql`` : sql`where campaign_person_year.value_fen + excluded.value_fen <= ${v.limit}`} returning person_id`,
  );
  return rows.length === 1;
}

export async function giveBackYearly(db: Db, personId: string, year: number, fen: number): Promise<void> {
  await db.execute(sql`update campaign_person_year set value_fen = value_fen - ${fen}, times = times - 1 where person_id = ${personId} and year = ${year}`);
}

/** Orgs on a path ("/a/b/c/"), top down, with their types. */
export async function orgsOnPath(db: Db, path: string): Promise<{ id: string; type: string; name: string; path: string }[]> {
  const ids = path.split('/').filter(Boolean);
  if (!ids.length) return [];
  const rows = await query<{ id: string; type: string; name: string; path: string }>(db, sql`select id, type, name, path from org where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return ids.map((i) => rows.find((r) => r.id === i)).filter((r): r is NonNullable<typeof r> => Boolean(r));
}

export type MemberRow = {
  membership_id: string;
  person_id: string;
  org_id: string;
  org_path: string;
  real_name: string;
  masked: string;
  phone: string | null;
  employer_name: string | null;
  birth_date: string;
  sex: 'male' | 'female';
  employment_form: string;
  industry: string | null;
  user_id: string | null;
  hardship_tier: 'deep' | 'relative' | 'accident' | null;
};

/** An active membership with the person's facts and the tier of their hardship file in 在档. */
export async function findActiveMember(db: Db, membershipId: string): Promise<MemberRow | undefined> {
  return queryOne<MemberRow>(
    db,
    sql`select m.id as membership_id, p.id as person_id, m.org_id, o.path as org_path, p.real_name, p.id_number_masked as masked, p.phone, p.employer_name,
        p.birth_date::text as birth_date, p.sex, p.employment_form, p.industry, p.user_id,
        (select f.tier from hardship_file f where f.person_id = p.id and f.status = 'active' order by f.admitted_on desc nulls last limit 1) as hardship_tier
      from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id where m.id = ${membershipId} and m.status = 'active'`,
  );
}

/** The live nomination of a person in a campaign, with its union's name. */
export async function findLiveNomination(db: Db, campaignId: string, personId: string): Promise<{ id: string; org_name: string } | undefined> {
  return queryOne(db, sql`select n.id, o.name as org_name from campaign_nomination n join org o on o.id = n.org_id where n.campaign_id = ${campaignId} and n.person_id = ${personId} and n.status <> 'rejected'`);
}

/** Value of a person's live nominations of campaigns in a year (what the yearly limit counts at nomination). */
export async function yearlyValue(db: Db, personId: string, year: number): Promise<number> {
  const row = await queryOne<{ v: string | number }>(db, sql`select coalesce(sum(value_fen), 0) as v from campaign_nomination where person_id = ${personId} and year = ${year} and status <> 'rejected'`);
  return Number(row?.v ?? 0);
}

/** People decided "same person" as this one who have a live nomination in the campaign. */
export async function samePersonNominated(db: Db, campaignId: string, personId: string): Promise<{ person_name: string } | undefined> {
  return queryOne(
    db,
    sql`select n.person_name from campaign_person_pair pp join campaign_nomination n on n.person_id = (case when pp.person_a = ${personId} then pp.person_b else pp.person_a end)
      where (pp.person_a = ${personId} or pp.person_b = ${personId}) and pp.decision = 'same' and n.campaign_id = ${campaignId} and n.status <> 'rejected' limit 1`,
  );
}

/**
 * Possible duplicates of a person among the campaign's live nominations (other ID numbers): same
 * name + phone, same employer + name, or one listed as a household member (not self) in the
 * other's open hardship file. Pairs already decided are left out ("different" is honoured).
 */
/** Serialises nominations' duplicate checks within one campaign until the transaction ends (other campaigns go on). */
export async function lockNominations(db: Db, campaignId: string): Promise<void> {
  await query(db, sql`select pg_advisory_xact_lock(hashtextextended(${`campaign-nominate:${campaignId}`}, 0))`);
}

export async function possibleDuplicates(db: Db, campaignId: string, m: MemberRow): Promise<{ id: string; reasons: string[] }[]> {
  return query(
    db,
    sql`with mine as (
        select h.name from hardship_file f join hardship_household_member h on h.file_id = f.id
        where f.person_id = ${m.person_id} and f.status not in ('exited','rejected') and h.relation <> 'self'
      ), listing_me as (
        select f.person_id from hardship_file f join hardship_household_member h on h.file_id = f.id
        where h.name = ${m.real_name} and h.relation <> 'self' and f.status not in ('exited','rejected')
      )
      select n.id, array_remove(array[
          case when p.real_name = ${m.real_name} and p.phone is not null and p.phone = ${m.phone} then 'name_phone' end,
          case when (n.person_id in (select person_id from listing_me) or n.person_name in (select name from mine)) then 'household' end,
          case when p.real_name = ${m.real_name} and p.employer_name is not null and p.employer_name = ${m.employer_name} then 'employer_name' end
        ], null) as reasons
      from campaign_nomination n join person p on p.id = n.person_id
      where n.campaign_id = ${campaignId} and n.status <> 'rejected' and n.person_id <> ${m.person_id}
        and (n.person_name = ${m.real_name} or n.person_id in (select person_id from listing_me) or n.person_name in (select name from mine))
        and not exists (select 1 from campaign_person_pair pp where pp.person_a = least(n.person_id, ${m.person_id}::uuid) and pp.person_b = greatest(n.person_id, ${m.person_id}::uuid))`,
  ).then((rows) => (rows as { id: string; reasons: string[] }[]).filter((r) => r.reasons.length > 0));
}

export async function insertNomination(
  db: Db,
  v: {
    campaignId: string;
    allocationId: string;
    orgId: string;
    personId: string;
    membershipId: string;
    personName: string;
    benefitKey: string;
    benefitKind: string;
    quantity: number | null;
    valueFen: number;
    year: number;
    steps: string[];
    status: string;
    attestations: unknown;
    note: string;
    nominatedBy: string;
  },
  now: Date,
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into campaign_nomination (campaign_id, allocation_id, org_id, person_id, membership_id, person_name, benefit_key, benefit_kind, quantity, value_fen, year, steps, status, attestations, note, nominated_by, created_at, updated_at)
      values (${v.campaignId}, ${v.allocationId}, ${v.orgId}, ${v.personId}, ${v.membershipId}, ${v.personName}, ${v.benefitKey}, ${v.benefitKind}, ${v.quantity}, ${v.valueFen}, ${v.year},
        ${sql`array[${sql.join(
          v.steps.map((s) => sql`${s}`),
          sql`, `,
        )}]::uuid[]`}, ${v.status}, ${JSON.stringify(v.attestations)}::jsonb, ${v.note}, ${v.nominatedBy}, ${now.toISOString()}, ${now.toISOString()}) returning id`,
  );
  return row!.id;
}

export async function insertReviews(db: Db, campaignId: string, nominationId: string, found: { id: string; reasons: string[] }[]): Promise<void> {
  for (const f of found) {
    await db.execute(
      sql`insert into campaign_duplicate_review (campaign_id, nomination_id, other_nomination_id, reasons) values (${campaignId}, ${nominationId}, ${f.id}, ${sql`array[${sql.join(
        f.reasons.map((r) => sql`${r}`),
        sql`, `,
      )}]::text[]`})`,
    );
  }
}

export type NominationRow = {
  id: string;
  campaign_id: string;
  campaign_name: string;
  campaign_kind: CampaignRow['kind'];
  campaign_org_id: string;
  campaign_org_path: string;
  benefits: CampaignBenefit[];
  second_approval_fen: string | number;
  yearly_limit_fen: string | number | null;
  allocation_id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  person_id: string;
  person_name: string;
  masked: string;
  user_id: string | null;
  benefit_key: string;
  benefit_kind: 'cash' | 'goods' | 'service';
  quantity: number | null;
  value_fen: string | number;
  year: number;
  steps: string[];
  current_step: number;
  status: 'review' | 'pending' | 'awaiting_second' | 'approved' | 'disbursed' | 'acknowledged' | 'rejected';
  final_approver_id: string | null;
  second_by_name: string | null;
  rejected_reason: string | null;
  disburse_method: 'transfer' | 'in_person' | 'goods_handover' | 'service_delivered' | null;
  disburse_reference: string | null;
  disbursed_at: unknown;
  acknowledged_at: unknown;
  ack_via: 'phone' | 'sheet' | null;
  ack_photo_id: string | null;
  has_signature: boolean;
  created_at: unknown;
  version: number;
};

const nominationSelect = sql`select n.id, n.campaign_id, c.name as campaign_name, c.kind as campaign_kind, c.org_id as campaign_org_id, co.path as campaign_org_path, c.benefits,
    c.second_approval_fen, c.yearly_limit_fen, n.allocation_id, n.org_id, o.name as org_name, o.path as org_path, n.person_id, n.person_name,
    coalesce(p.id_number_masked, '') as masked, p.user_id, n.benefit_key, n.benefit_kind, n.quantity, n.value_fen, n.year, n.steps, n.current_step, n.status, n.final_approver_id,
    n.second_by_name, n.rejected_reason, n.disburse_method, n.disburse_reference, n.disbursed_at, n.acknowledged_at, n.ack_via, n.ack_photo_id,
    exists (select 1 from campaign_signature s where s.nomination_id = n.id) as has_signature, n.created_at, n.version
  from campaign_nomination n join campaign c on c.id = n.campaign_id join org co on co.id = c.org_id join org o on o.id = n.org_id left join person p on p.id = n.person_id`;

export async function findNomination(db: Db, id: string, lock = false): Promise<NominationRow | undefined> {
  return queryOne<NominationRow>(db, sql`${nominationSelect} where n.id = ${id}${lock ? sql` for update of n` : sql``}`);
}

/** Nominations by id (秋送助学 shows its applications' nominations). */
export async function findNominations(db: Db, ids: string[]): Promise<NominationRow[]> {
  if (!ids.length) return [];
  return query<NominationRow>(db, sql`${nominationSelect} where n.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

/**
 * Nominations a staff member sees: of unions in their scope, or waiting at a step their scope
 * covers (a street sees what its grassroots unions nominated; a district what reaches it).
 */
export async function listNominations(db: Db, f: { scope: Scope; campaignId?: string; status?: string | undefined; underPath?: string | undefined; q?: string | undefined; personIds?: string[]; page: number; pageSize: number }): Promise<{ items: NominationRow[]; total: number }> {
  const where = sql`${scopeSql(f.scope, sql`o.path`)} ${f.campaignId ? sql`and n.campaign_id = ${f.campaignId}` : sql``} ${f.status ? sql`and n.status = ${f.status}` : sql``}
    ${f.underPath ? sql`and o.path like ${`${f.underPath}%`}` : sql``} ${f.q ? sql`and n.person_name like ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}
    ${f.personIds ? (f.personIds.length ? sql`and n.person_id in (${sql.join(f.personIds.map((p) => sql`${p}`), sql`, `)})` : sql`and false`) : sql``}`;
  const [c] = await query<{ n: number }>(db, sql`select count(*)::int as n from campaign_nomination n join org o on o.id = n.org_id where ${where}`);
  const items = await query<NominationRow>(db, sql`${nominationSelect} where ${where} order by n.created_at desc, n.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: c?.n ?? 0 };
}

/** Moves a nomination on when its version and status still match; false otherwise. */
export async function updateNomination(db: Db, id: string, from: { version: number; status: string }, set: SQL, now: Date): Promise<boolean> {
  const rows = await query(db, sql`update campaign_nomination set ${set}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id} and version = ${from.version} and status = ${from.status} returning id`);
  return rows.length === 1;
}

export async function insertApproval(db: Db, v: { nominationId: string; step: number; orgId: string; approverId: string; approverName: string; decision: string; note: string }, now: Date): Promise<void> {
  await db.execute(
    sql`insert into campaign_approval (nomination_id, step, org_id, approver_id, approver_name, decision, note, created_at) values (${v.nominationId}, ${v.step}, ${v.orgId}, ${v.approverId}, ${v.approverName}, ${v.decision}, ${v.note}, ${now.toISOString()})`,
  );
}

export async function approvalsOf(db: Db, nominationIds: string[]): Promise<{ nomination_id: string; step: number; approver_id: string; approver_name: string; decision: string; created_at: unknown }[]> {
  if (!nominationIds.length) return [];
  return query(db, sql`select nomination_id, step, approver_id, approver_name, decision, created_at from campaign_approval where nomination_id in (${sql.join(nominationIds.map((i) => sql`${i}`), sql`, `)}) order by step`);
}

export async function orgNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await query<{ id: string; name: string }>(db, sql`select id, name from org where id in (${sql.join([...new Set(ids)].map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertSignature(db: Db, nominationId: string, image: Buffer, signedBy: string, now: Date): Promise<void> {
  await db.execute(sql`insert into campaign_signature (nomination_id, image, signed_by, signed_at) values (${nominationId}, ${image}, ${signedBy}, ${now.toISOString()})`);
}

export async function findSignature(db: Db, nominationId: string): Promise<Buffer | undefined> {
  const row = await queryOne<{ image: Buffer | Uint8Array }>(db, sql`select image from campaign_signature where nomination_id = ${nominationId}`);
  return row ? (Buffer.isBuffer(row.image) ? row.image : Buffer.from(row.image)) : undefined;
}

export type ReviewRow = {
  id: string;
  campaign_id: string;
  campaign_name: string;
  campaign_org_id: string;
  nomination_id: string;
  person_id: string;
  person_name: string;
  masked: string;
  org_name: string;
  org_path: string;
  other_nomination_id: string;
  other_person_id: string;
  other_person_name: string;
  other_masked: string;
  other_org_name: string;
  reasons: string[];
  decision: 'same' | 'different' | null;
  note: string | null;
  decided_by_name: string | null;
  decided_at: unknown;
  created_at: unknown;
  nomination_status: string;
  nomination_version: number;
};

const reviewSelect = sql`select r.id, r.campaign_id, c.name as campaign_name, c.org_id as campaign_org_id, r.nomination_id, n.person_id, n.person_name, coalesce(p.id_number_masked, '') as masked, o.name as org_name, o.path as org_path,
    r.other_nomination_id, n2.person_id as other_person_id, n2.person_name as other_person_name, coalesce(p2.id_number_masked, '') as other_masked, o2.name as other_org_name,
    r.reasons, r.decision, r.note, r.decided_by_name, r.decided_at, r.created_at, n.status as nomination_status, n.version as nomination_version
  from campaign_duplicate_review r join campaign c on c.id = r.campaign_id
    join campaign_nomination n on n.id = r.nomination_id join org o on o.id = n.org_id left join person p on p.id = n.person_id
    join campaign_nomination n2 on n2.id = r.other_nomination_id join org o2 on o2.id = n2.org_id left join person p2 on p2.id = n2.person_id`;

export async function findReview(db: Db, id: string): Promise<ReviewRow | undefined> {
  return queryOne<ReviewRow>(db, sql`${reviewSelect} where r.id = ${id}`);
}

/** The review queue of a scope: possible duplicates whose held nomination is of a union in it. */
export async function listReviews(db: Db, f: { scope: Scope; campaignId?: string | undefined; decided: boolean; page: number; pageSize: number }): Promise<{ items: ReviewRow[]; total: number }> {
  const where = sql`${scopeSql(f.scope, sql`o.path`)} ${f.campaignId ? sql`and r.campaign_id = ${f.campaignId}` : sql``} and ${f.decided ? sql`r.decision is not null` : sql`r.decision is null and n.status = 'review'`}`;
  const [c] = await query<{ n: number }>(db, sql`select count(*)::int as n from campaign_duplicate_review r join campaign_nomination n on n.id = r.nomination_id join org o on o.id = n.org_id where ${where}`);
  const items = await query<ReviewRow>(db, sql`${reviewSelect} where ${where} order by r.created_at desc, r.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return { items, total: c?.n ?? 0 };
}

export async function decideReview(db: Db, id: string, v: { decision: string; note: string; by: string; byName: string }, now: Date): Promise<boolean> {
  const rows = await query(db, sql`update campaign_duplicate_review set decision = ${v.decision}, note = ${v.note}, decided_by = ${v.by}, decided_by_name = ${v.byName}, decided_at = ${now.toISOString()} where id = ${id} and decision is null returning id`);
  return rows.length === 1;
}

export async function undecidedReviewsOf(db: Db, nominationId: string): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from campaign_duplicate_review where nomination_id = ${nominationId} and decision is null`);
  return row?.n ?? 0;
}

/** Keeps a decision about two people (the latest wins). */
export async function savePair(db: Db, v: { a: string; b: string; orgId: string; decision: string; reviewId: string; by: string }, now: Date): Promise<void> {
  const [a, b] = v.a < v.b ? [v.a, v.b] : [v.b, v.a];
  await db.execute(
    sql`insert into campaign_person_pair (person_a, person_b, org_id, decision, review_id, decided_by, decided_at) values (${a}, ${b}, ${v.orgId}, ${v.decision}, ${v.reviewId}, ${v.by}, ${now.toISOString()})
      on conflict (person_a, person_b) do update set decision = excluded.decision, review_id = excluded.review_id, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  );
}

/** Where a photo of a signed sheet may be seen: staff reading assistance in scope of the nominating union. */
export async function campaignPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'assistance.read' }[]> {
  const rows = await query<{ path: string }>(db, sql`select o.path from campaign_nomination n join org o on o.id = n.org_id where n.ack_photo_id = ${photoId}::uuid`);
  return rows.map((r) => ({ path: r.path, permission: 'assistance.read' as const }));
}
