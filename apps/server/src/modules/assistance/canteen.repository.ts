import { sql } from 'drizzle-orm';
import type { CanteenCertificationsQuery, CanteenMealsQuery } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { scopeSql, type Scope } from '../../platform/auth';
import { query, queryOne } from './mutualaid.repository';

/** Every query on the 共享食堂 tables (canteen, canteen_tier, canteen_certification, canteen_terminal, canteen_meal). */

export type CanteenRow = {
  position_id: string;
  position_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  canteen_id: string | null;
  normal_price_fen: number | null;
  max_reduced_per_day: number | null;
  version: number | null;
};

const canteenSelect = sql`select p.id as position_id, p.type, p.name as position_name, p.org_id, o.name as org_name, o.path as org_path,
    c.id as canteen_id, c.normal_price_fen, c.max_reduced_per_day, c.version
  from position p join org o on o.id = p.org_id left join canteen c on c.position_id = p.id`;

/** Canteen positions (type canteen) under the scope, with their settings if any. */
export async function listCanteens(db: Db, scope: Scope): Promise<CanteenRow[]> {
  return query<CanteenRow>(db, sql`${canteenSelect} where p.type = 'canteen' and ${scopeSql(scope, sql`o.path`)} order by o.path, p.name`);
}

/** A position by its id with its canteen settings if any (any type: the service refuses other types); lock: the position's row, so two first saves run in turn. */
export async function findCanteenByPosition(db: Db, positionId: string, lock = false): Promise<(CanteenRow & { type: string }) | undefined> {
  if (lock) await db.execute(sql`select 1 from position where id = ${positionId} for update`);
  return queryOne<CanteenRow & { type: string }>(db, sql`${canteenSelect} where p.id = ${positionId}`);
}

export async function findCanteen(db: Db, canteenId: string): Promise<CanteenRow | undefined> {
  return queryOne<CanteenRow>(db, sql`${canteenSelect} where c.id = ${canteenId}`);
}

export type TierRow = { id: string; canteen_id: string; name: string; price_fen: number; grounds: string[]; needs_certification: boolean; is_active: boolean };

export async function listTiers(db: Db, canteenIds: readonly string[]): Promise<TierRow[]> {
  if (!canteenIds.length) return [];
  return query<TierRow>(
    db,
    sql`select id, canteen_id, name, price_fen, grounds, needs_certification, is_active from canteen_tier where canteen_id = any(${sql.param([...canteenIds])}::uuid[]) order by price_fen desc, created_at, id`,
  );
}

export async function insertCanteen(db: Db, positionId: string, orgId: string, normalPriceFen: number, maxReducedPerDay: number): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into canteen (position_id, org_id, normal_price_fen, max_reduced_per_day) values (${positionId}, ${orgId}, ${normalPriceFen}, ${maxReducedPerDay}) returning id`,
  );
  return row!.id;
}

export async function updateCanteen(db: Db, id: string, version: number, normalPriceFen: number, maxReducedPerDay: number): Promise<boolean> {
  const rows = await query(
    db,
    sql`update canteen set normal_price_fen = ${normalPriceFen}, max_reduced_per_day = ${maxReducedPerDay}, version = version + 1, updated_at = now() where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

type TierValues = { name: string; priceFen: number; grounds: string[]; needsCertification: boolean; isActive: boolean };

export async function insertTier(db: Db, canteenId: string, orgId: string, v: TierValues): Promise<void> {
  await db.execute(
    sql`insert into canteen_tier (canteen_id, org_id, name, price_fen, grounds, needs_certification, is_active) values (${canteenId}, ${orgId}, ${v.name}, ${v.priceFen}, ${sql.param(v.grounds)}::text[], ${v.needsCertification}, ${v.isActive})`,
  );
}

export async function updateTier(db: Db, id: string, v: TierValues): Promise<void> {
  await db.execute(
    sql`update canteen_tier set name = ${v.name}, price_fen = ${v.priceFen}, grounds = ${sql.param(v.grounds)}::text[], needs_certification = ${v.needsCertification}, is_active = ${v.isActive}, version = version + 1, updated_at = now() where id = ${id}`,
  );
}

export async function deactivateTiers(db: Db, canteenId: string, keep: readonly string[]): Promise<void> {
  await db.execute(sql`update canteen_tier set is_active = false, updated_at = now() where canteen_id = ${canteenId} and is_active and not (id = any(${sql.param([...keep])}::uuid[]))`);
}

// ---- certifications ----

export type CertificationRow = {
  id: string;
  canteen_id: string;
  org_id: string;
  org_path: string;
  position_name: string;
  tier_id: string;
  tier_name: string;
  tier_price_fen: number;
  person_id: string;
  person_name: string;
  applicant_id: string | null;
  ground: string;
  note: string;
  photo_ids: string[];
  status: 'pending' | 'approved' | 'refused';
  expires_on: string | null;
  refusal_reason: string | null;
  decided_at: unknown;
  created_at: unknown;
  version: number;
};

const certSelect = sql`select r.id, r.canteen_id, r.org_id, o.path as org_path, p.name as position_name, r.tier_id, t.name as tier_name, t.price_fen as tier_price_fen,
    r.person_id, r.person_name, r.applicant_id, r.ground, r.note, r.photo_ids, r.status, r.expires_on::text as expires_on, r.refusal_reason, r.decided_at, r.created_at, r.version
  from canteen_certification r join canteen c on c.id = r.canteen_id join position p on p.id = c.position_id join canteen_tier t on t.id = r.tier_id join org o on o.id = r.org_id`;

export async function findCertification(db: Db, id: string, lock = false): Promise<CertificationRow | undefined> {
  return queryOne<CertificationRow>(db, sql`${certSelect} where r.id = ${id}${lock ? sql` for update of r` : sql``}`);
}

export async function listCertifications(db: Db, q: CanteenCertificationsQuery, scope: Scope): Promise<{ rows: CertificationRow[]; total: number }> {
  const where = sql`${scopeSql(scope, sql`o.path`)}${q.status ? sql` and r.status = ${q.status}` : sql``}${q.positionId ? sql` and c.position_id = ${q.positionId}` : sql``}`;
  const [count] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from canteen_certification r join canteen c on c.id = r.canteen_id join org o on o.id = r.org_id where ${where}`,
  );
  const rows = await query<CertificationRow>(
    db,
    sql`${certSelect} where ${where} order by (r.status = 'pending') desc, r.created_at desc, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function listCertificationsOfPersons(db: Db, personIds: readonly string[]): Promise<CertificationRow[]> {
  if (!personIds.length) return [];
  return query<CertificationRow>(db, sql`${certSelect} where r.person_id = any(${sql.param([...personIds])}::uuid[]) order by r.created_at desc`);
}

export async function insertCertification(
  db: Db,
  v: { canteenId: string; tierId: string; orgId: string; personId: string; membershipId: string; personName: string; applicantId: string | null; ground: string; note: string; photoIds: string[] },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into canteen_certification (canteen_id, tier_id, org_id, person_id, membership_id, person_name, applicant_id, ground, note, photo_ids)
      values (${v.canteenId}, ${v.tierId}, ${v.orgId}, ${v.personId}, ${v.membershipId}, ${v.personName}, ${v.applicantId}, ${v.ground}, ${v.note}, ${sql.param(v.photoIds)}::uuid[]) returning id`,
  );
  return row!.id;
}

export async function decideCertification(db: Db, id: string, version: number, v: { status: 'approved' | 'refused'; expiresOn: string | null; reason: string | null; by: string }): Promise<boolean> {
  const rows = await query(
    db,
    sql`update canteen_certification set status = ${v.status}, expires_on = ${v.expiresOn}, refusal_reason = ${v.reason}, decided_at = now(), decided_by = ${v.by}, version = version + 1, updated_at = now()
      where id = ${id} and version = ${version} and status = 'pending' returning id`,
  );
  return rows.length === 1;
}

/** Approved certifications of a person at a canteen (the pricing picks the unexpired ones). */
export async function heldCertifications(db: Db, canteenId: string, personId: string): Promise<{ tierId: string; expiresOn: string }[]> {
  return query(db, sql`select tier_id as "tierId", expires_on::text as "expiresOn" from canteen_certification where canteen_id = ${canteenId} and person_id = ${personId} and status = 'approved'`);
}

/** The member a staff member names by number, active, with the record's facts. */
export async function findActiveMemberByNumber(db: Db, memberNumber: string): Promise<{ membership_id: string } | undefined> {
  return queryOne(db, sql`select m.id as membership_id from membership m where m.member_number = ${memberNumber} and m.status = 'active' limit 1`);
}

/** Where a document of a certification may be seen: staff reading assistance over the canteen's union. */
export async function canteenPhotoPaths(db: Db, photoId: string): Promise<{ path: string; permission: 'assistance.read' }[]> {
  const rows = await query<{ path: string }>(db, sql`select o.path from canteen_certification r join org o on o.id = r.org_id where ${photoId}::uuid = any(r.photo_ids)`);
  return rows.map((r) => ({ path: r.path, permission: 'assistance.read' as const }));
}

// ---- terminals ----

export type TerminalRow = { id: string; canteen_id: string; org_id: string; name: string; key_id: string; secret_enc: string; status: 'active' | 'revoked'; last_seen_at: unknown; created_at: unknown };

export async function listTerminals(db: Db, canteenId: string): Promise<TerminalRow[]> {
  return query<TerminalRow>(db, sql`select * from canteen_terminal where canteen_id = ${canteenId} order by created_at, id`);
}

export async function findTerminal(db: Db, id: string): Promise<TerminalRow | undefined> {
  return queryOne<TerminalRow>(db, sql`select * from canteen_terminal where id = ${id}`);
}

export async function findTerminalByKey(db: Db, keyId: string): Promise<TerminalRow | undefined> {
  return queryOne<TerminalRow>(db, sql`select * from canteen_terminal where key_id = ${keyId}`);
}

export async function insertTerminal(db: Db, canteenId: string, orgId: string, name: string, keyId: string, secretEnc: string): Promise<TerminalRow> {
  return (await queryOne<TerminalRow>(db, sql`insert into canteen_terminal (canteen_id, org_id, name, key_id, secret_enc) values (${canteenId}, ${orgId}, ${name}, ${keyId}, ${secretEnc}) returning *`))!;
}

export async function revokeTerminal(db: Db, id: string): Promise<TerminalRow | undefined> {
  return queryOne<TerminalRow>(db, sql`update canteen_terminal set status = 'revoked' where id = ${id} and status = 'active' returning *`);
}

export async function touchTerminal(db: Db, id: string): Promise<void> {
  await db.execute(sql`update canteen_terminal set last_seen_at = now() where id = ${id} and (last_seen_at is null or last_seen_at < now() - interval '1 minute')`);
}

// ---- meals ----

/**
 * Records a meal. A reduced one takes the first free reduced slot of the person's day (1, then
 * up to maxSlots): the unique index decides between concurrent terminals — the second waits for
 * the first to commit, then finds slot 1 taken and takes slot 2. Null when every slot is taken.
 */
export async function insertReducedMeal(
  db: Db,
  v: { canteenId: string; orgId: string; terminalId: string | null; tierId: string; tierName: string; priceFen: number; personId: string; membershipId: string; personName: string; serviceDay: string; servedAt: Date },
  maxSlots: number,
): Promise<{ id: string; slot: number } | null> {
  for (let slot = 1; slot <= maxSlots; slot++) {
    const row = await queryOne<{ id: string }>(
      db,
      sql`insert into canteen_meal (canteen_id, org_id, terminal_id, tier_id, tier_name, price_fen, reduced_slot, person_id, membership_id, person_name, service_day, served_at)
        values (${v.canteenId}, ${v.orgId}, ${v.terminalId}, ${v.tierId}, ${v.tierName}, ${v.priceFen}, ${slot}, ${v.personId}, ${v.membershipId}, ${v.personName}, ${v.serviceDay}, ${v.servedAt.toISOString()})
        on conflict (person_id, service_day, reduced_slot) where reduced_slot is not null do nothing returning id`,
    );
    if (row) return { id: row.id, slot };
  }
  return null;
}

export async function insertNormalMeal(
  db: Db,
  v: { canteenId: string; orgId: string; terminalId: string | null; priceFen: number; personId: string; membershipId: string; personName: string; serviceDay: string; servedAt: Date },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into canteen_meal (canteen_id, org_id, terminal_id, price_fen, person_id, membership_id, person_name, service_day, served_at)
      values (${v.canteenId}, ${v.orgId}, ${v.terminalId}, ${v.priceFen}, ${v.personId}, ${v.membershipId}, ${v.personName}, ${v.serviceDay}, ${v.servedAt.toISOString()}) returning id`,
  );
  return row!.id;
}

export type MealRow = { id: string; position_name: string; tier_name: string | null; price_fen: number; reduced_slot: number | null; person_name: string; served_at: unknown };

const dayWhere = (q: { from?: string | undefined; to?: string | undefined }) => sql`${q.from ? sql` and m.service_day >= ${q.from}` : sql``}${q.to ? sql` and m.service_day <= ${q.to}` : sql``}`;

export async function listMeals(db: Db, q: CanteenMealsQuery, scope: Scope): Promise<{ rows: MealRow[]; total: number }> {
  const where = sql`${scopeSql(scope, sql`o.path`)}${q.positionId ? sql` and c.position_id = ${q.positionId}` : sql``}${dayWhere(q)}`;
  const from = sql`from canteen_meal m join canteen c on c.id = m.canteen_id join position p on p.id = c.position_id join org o on o.id = m.org_id`;
  const [count] = await query<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`);
  const rows = await query<MealRow>(
    db,
    sql`select m.id, p.name as position_name, m.tier_name, m.price_fen, m.reduced_slot, m.person_name, m.served_at ${from} where ${where} order by m.served_at desc, m.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function mealFigures(db: Db, q: { positionId?: string | undefined; from: string; to: string }, scope: Scope) {
  const where = sql`${scopeSql(scope, sql`o.path`)}${q.positionId ? sql` and c.position_id = ${q.positionId}` : sql``}${dayWhere(q)}`;
  const from = sql`from canteen_meal m join canteen c on c.id = m.canteen_id join position p on p.id = c.position_id join org o on o.id = m.org_id`;
  const rows = await query<{ position_id: string; position_name: string; tier_name: string | null; meals: number; amount: string | number; is_reduced: boolean }>(
    db,
    sql`select c.position_id, p.name as position_name, m.tier_name, count(*)::int as meals, sum(m.price_fen) as amount, bool_or(m.reduced_slot is not null) as is_reduced
      ${from} where ${where} group by c.position_id, p.name, m.tier_name order by p.name, m.tier_name nulls last`,
  );
  const days = await query<{ day: string; meals: number; reduced: number }>(
    db,
    sql`select m.service_day::text as day, count(*)::int as meals, count(m.reduced_slot)::int as reduced ${from} where ${where} group by m.service_day order by m.service_day`,
  );
  return { rows, days };
}

export async function listTiersById(db: Db, id: string): Promise<TierRow[]> {
  return query<TierRow>(db, sql`select id, canteen_id, name, price_fen, grounds, needs_certification, is_active from canteen_tier where id = ${id}`);
}

/** The accounts of a person (linked, or by the person's phone), for a notification. */
export async function userIdsOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await query<{ id: string }>(db, sql`select u.id from person p join app_user u on u.id = p.user_id or (p.phone is not null and u.phone = p.phone) where p.id = ${personId}`);
  return rows.map((r) => r.id);
}
