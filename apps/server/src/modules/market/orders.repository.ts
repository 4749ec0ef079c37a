import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { marketOrder, marketSubsidyRule } from './orders.tables';
import { dateOrNull, toDate, query, queryOne } from './shared';

// ---------------------------------------------------------------- subsidy rules

export type RuleRow = typeof marketSubsidyRule.$inferSelect & { orgName: string; orgPath: string; unions: number };

const ruleSelect = (where: SQL) => sql`select r.*, o.name as org_name, o.path as org_path, (select count(*)::int from market_subsidy_usage u where u.rule_id = r.id) as unions
  from market_subsidy_rule r join org o on o.id = r.org_id where ${where}`;
const toRule = (r: Record<string, unknown>): RuleRow => ({
  id: r.id as string,
  orgId: r.org_id as string,
  year: Number(r.year),
  budgetFen: Number(r.budget_fen),
  percentBps: Number(r.percent_bps),
  capPerUnionFen: Number(r.cap_per_union_fen),
  capPerPersonFen: Number(r.cap_per_person_fen),
  committedFen: Number(r.committed_fen),
  note: (r.note as string | null) ?? null,
  version: Number(r.version),
  createdAt: toDate(r.created_at),
  updatedAt: toDate(r.updated_at),
  orgName: r.org_name as string,
  orgPath: r.org_path as string,
  unions: Number(r.unions),
});

export async function listRules(db: Db, where: SQL): Promise<RuleRow[]> {
  return (await query<Record<string, unknown>>(db, sql`${ruleSelect(where)} order by r.year desc, o.code`)).map(toRule);
}

export async function findRule(db: Db, id: string, lock = false): Promise<RuleRow | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`${ruleSelect(sql`r.id = ${id}`)} ${lock ? sql`for update of r` : sql``}`);
  return r ? toRule(r) : undefined;
}

export async function findRuleFor(db: Db, orgId: string, year: number): Promise<RuleRow | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, ruleSelect(sql`r.org_id = ${orgId} and r.year = ${year}`));
  return r ? toRule(r) : undefined;
}

export async function insertRule(db: Db, values: typeof marketSubsidyRule.$inferInsert): Promise<string> {
  return (await db.insert(marketSubsidyRule).values(values).returning({ id: marketSubsidyRule.id }))[0]!.id;
}

export async function updateRule(db: Db, id: string, version: number, v: { budgetFen: number; percentBps: number; capPerUnionFen: number; capPerPersonFen: number; note: string | null }): Promise<boolean> {
  const rows = await query(
    db,
    sql`update market_subsidy_rule set budget_fen = ${v.budgetFen}, percent_bps = ${v.percentBps}, cap_per_union_fen = ${v.capPerUnionFen}, cap_per_person_fen = ${v.capPerPersonFen}, note = ${v.note}, version = version + 1, updated_at = now()
        where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

export async function maxUnionCommitted(db: Db, ruleId: string): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`select coalesce(max(committed_fen), 0)::bigint as n from market_subsidy_usage where rule_id = ${ruleId}`);
  return Number(r?.n ?? 0);
}

/**
 * Locks a rule's per-union usage rows, before the rule row: the order orders take them in
 * (commitSubsidy), so a rule edited during a burst of orders waits instead of deadlocking.
 */
export async function lockUsages(db: Db, ruleId: string): Promise<void> {
  await db.execute(sql`select 1 from market_subsidy_usage where rule_id = ${ruleId} order by union_org_id for update`);
}

export async function setUsageCaps(db: Db, ruleId: string, capFen: number): Promise<void> {
  await db.execute(sql`update market_subsidy_usage set cap_fen = ${capFen} where rule_id = ${ruleId}`);
}

/**
 * The subsidy a worker's own orders hold of a rule (cancelled ones gave theirs back), after taking
 * a transaction lock on (rule, worker): two own orders of one worker placed at once count one after
 * the other, so together they cannot pass the cap per person. Other workers are not held up.
 */
export async function lockPersonSubsidy(db: Db, ruleId: string, userId: string): Promise<number> {
  await query(db, sql`select pg_advisory_xact_lock(hashtextextended(${`market-self:${ruleId}:${userId}`}, 0))`);
  const [r] = await query<{ n: number }>(
    db,
    sql`select coalesce(sum(subsidy_fen), 0)::bigint as n from market_order where rule_id = ${ruleId} and ordered_by = ${userId} and is_self and status <> 'cancelled'`,
  );
  return Number(r?.n ?? 0);
}

export async function unionCommitted(db: Db, ruleId: string, unionOrgId: string): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`select committed_fen as n from market_subsidy_usage where rule_id = ${ruleId} and union_org_id = ${unionOrgId}`);
  return Number(r?.n ?? 0);
}

/**
 * Takes `fen` of the union's cap and then of the district's budget, each by a conditional
 * update: under concurrent orders the second waits for the first's row lock and re-reads the
 * committed amount, so the sums can never pass the cap or the budget (and the rows' checks say so
 * too). Locks are taken in one order (usage, then rule) so concurrent orders cannot deadlock; a rule's
 * edit takes them in the same order (lockUsages).
 */
export async function commitSubsidy(db: Db, ruleId: string, unionOrgId: string, fen: number): Promise<'ok' | 'cap' | 'budget'> {
  const usage = await query(
    db,
    sql`insert into market_subsidy_usage (rule_id, union_org_id, committed_fen, cap_fen)
        select ${ruleId}, ${unionOrgId}, ${fen}, r.cap_per_union_fen from market_subsidy_rule r where r.id = ${ruleId} and ${fen} <= r.cap_per_union_fen
        on conflict (rule_id, union_org_id) do update set committed_fen = market_subsidy_usage.committed_fen + excluded.committed_fen
        where market_subsidy_usage.committed_fen + excluded.committed_fen <= market_subsidy_usage.cap_fen
        returning committed_fen`,
  );
  if (!usage.length) return 'cap';
  const rule = await query(db, sql`update market_subsidy_rule set committed_fen = committed_fen + ${fen} where id = ${ruleId} and committed_fen + ${fen} <= budget_fen returning committed_fen`);
  return rule.length ? 'ok' : 'budget';
}

/** Gives a declined or cancelled order's subsidy back to the union's cap and the budget. */
export async function releaseSubsidy(db: Db, ruleId: string, unionOrgId: string, fen: number): Promise<void> {
  await db.execute(sql`update market_subsidy_usage set committed_fen = committed_fen - ${fen} where rule_id = ${ruleId} and union_org_id = ${unionOrgId}`);
  await db.execute(sql`update market_subsidy_rule set committed_fen = committed_fen - ${fen} where id = ${ruleId}`);
}

// ---------------------------------------------------------------- orders

export type OrderRow = typeof marketOrder.$inferSelect & {
  projectCode: string;
  title: string;
  versionNumber: number;
  providerName: string;
  districtName: string;
  districtPath: string;
  orderingName: string | null;
  orderingPath: string | null;
  orderedByName: string;
  positionName: string | null;
};

const orderSelect = (where: SQL) => sql`
  select m.*, p.code as project_code, v.title, v.number as version_number, pr.name as provider_name,
    d.name as district_name, d.path as district_path, u.name as ordering_name, u.path as ordering_path,
    coalesce(au.username, au.display_name) as ordered_by_name, pos.name as position_name
  from market_order m join market_project p on p.id = m.project_id join market_project_version v on v.id = m.version_id
  join market_provider pr on pr.id = m.provider_id join org d on d.id = m.district_org_id left join org u on u.id = m.ordering_org_id
  join app_user au on au.id = m.ordered_by left join position pos on pos.id = m.position_id
  where ${where}`;

function toOrder(r: Record<string, unknown>): OrderRow {
  const d = dateOrNull;
  return {
    id: r.id as string,
    number: r.number as string,
    projectId: r.project_id as string,
    versionId: r.version_id as string,
    providerId: r.provider_id as string,
    districtOrgId: r.district_org_id as string,
    orderingOrgId: (r.ordering_org_id as string | null) ?? null,
    orderedBy: r.ordered_by as string,
    isSelf: Boolean(r.is_self),
    serviceDate: String(r.service_date).slice(0, 10),
    startTime: (r.start_time as string | null) ?? null,
    headcount: Number(r.headcount),
    sessions: Number(r.sessions),
    placeKind: r.place_kind as string,
    positionId: (r.position_id as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    unitPriceFen: Number(r.unit_price_fen),
    priceUnit: r.price_unit as string,
    totalFen: Number(r.total_fen),
    subsidyFen: Number(r.subsidy_fen),
    payableFen: Number(r.payable_fen),
    ruleId: (r.rule_id as string | null) ?? null,
    status: r.status as string,
    declineReason: (r.decline_reason as string | null) ?? null,
    cancelReason: (r.cancel_reason as string | null) ?? null,
    confirmedAt: d(r.confirmed_at),
    closedAt: d(r.closed_at),
    deliveredAt: d(r.delivered_at),
    deliveryNote: (r.delivery_note as string | null) ?? null,
    deliveryPhotoIds: (r.delivery_photo_ids as string[]) ?? [],
    attendanceCount: Number(r.attendance_count),
    rating: r.rating === null || r.rating === undefined ? null : Number(r.rating),
    ratingComment: (r.rating_comment as string | null) ?? null,
    ratedAt: d(r.rated_at),
    ratedBy: (r.rated_by as string | null) ?? null,
    version: Number(r.version),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    projectCode: r.project_code as string,
    title: r.title as string,
    versionNumber: Number(r.version_number),
    providerName: r.provider_name as string,
    districtName: r.district_name as string,
    districtPath: r.district_path as string,
    orderingName: (r.ordering_name as string | null) ?? null,
    orderingPath: (r.ordering_path as string | null) ?? null,
    orderedByName: r.ordered_by_name as string,
    positionName: (r.position_name as string | null) ?? null,
  };
}

export async function findOrder(db: Db, id: string, lock = false): Promise<OrderRow | undefined> {
  const r = await queryOne<Record<string, unknown>>(db, sql`${orderSelect(sql`m.id = ${id}`)} ${lock ? sql`for update of m` : sql``}`);
  return r ? toOrder(r) : undefined;
}

export async function listOrders(db: Db, where: SQL, page: number, pageSize: number): Promise<{ items: OrderRow[]; total: number }> {
  const rows = await query<Record<string, unknown>>(db, sql`${orderSelect(where)} order by m.service_date desc, m.created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const [count] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from market_order m join market_project p on p.id = m.project_id join market_project_version v on v.id = m.version_id join market_provider pr on pr.id = m.provider_id
        join org d on d.id = m.district_org_id left join org u on u.id = m.ordering_org_id where ${where}`,
  );
  return { items: rows.map(toOrder), total: Number(count?.n ?? 0) };
}

export async function insertOrder(db: Db, values: typeof marketOrder.$inferInsert): Promise<string> {
  return (await db.insert(marketOrder).values(values).returning({ id: marketOrder.id }))[0]!.id;
}

export async function updateOrder(db: Db, id: string, version: number, values: Partial<typeof marketOrder.$inferInsert>): Promise<boolean> {
  const rows = await db
    .update(marketOrder)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(marketOrder.id, id), eq(marketOrder.version, version)))
    .returning({ id: marketOrder.id });
  return rows.length > 0;
}

export async function findPositionIn(db: Db, positionId: string, districtPath: string): Promise<{ id: string; name: string } | undefined> {
  return queryOne(db, sql`select p.id, p.name from position p join org o on o.id = p.org_id where p.id = ${positionId} and o.path like ${`${districtPath}%`}`);
}

/** Open positions of a district, where a service can be held (names and addresses are public). */
export async function listPositionsIn(db: Db, districtPath: string): Promise<{ id: string; code: string; name: string; address: string }[]> {
  return query(db, sql`select p.id, p.code, p.name, p.address from position p join org o on o.id = p.org_id where o.path like ${`${districtPath}%`} and p.status = 'open' order by p.code limit 500`);
}

/** Adds one attendance (a card or a sign-in); false when this person is already counted for the order. */
export async function insertAttendance(db: Db, v: { orderId: string; membershipId: string | null; userId: string | null; method: 'card' | 'qr'; recordedBy: string }): Promise<boolean> {
  const rows = await query(
    db,
    sql`insert into market_attendance (order_id, membership_id, user_id, method, recorded_by) values (${v.orderId}, ${v.membershipId}, ${v.userId}, ${v.method}, ${v.recordedBy}) on conflict do nothing returning id`,
  );
  return rows.length > 0;
}

export async function recountAttendance(db: Db, orderId: string): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`update market_order set attendance_count = (select count(*) from market_attendance where order_id = ${orderId}) where id = ${orderId} returning attendance_count as n`);
  return Number(r?.n ?? 0);
}

export type SettlementLine = OrderRow;
export async function listDelivered(db: Db, where: SQL): Promise<OrderRow[]> {
  return (await query<Record<string, unknown>>(db, sql`${orderSelect(sql`m.status = 'delivered' and ${where}`)} order by pr.name, m.delivered_at`)).map(toOrder);
}
