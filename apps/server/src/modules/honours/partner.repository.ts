import { sql, type SQL } from 'drizzle-orm';
import type { PartnerKind, PartnerStatus, PartnerReferralStatus } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { query, queryOne } from '../../db/rows';
import { scopeSql, type Scope } from '../../platform/auth';
import { containing, underOrg } from './honours.repository';

/** Every query on the 合作联盟 tables (partner, partner_agreement, partner_activity, partner_station, partner_referral). */

export type PartnerRow = {
  id: string;
  name: string;
  kind: PartnerKind;
  org_id: string;
  org_name: string;
  org_path: string;
  contact_name: string | null;
  contact_phone: string | null;
  services: string | null;
  note: string | null;
  status: PartnerStatus;
  agreements: number;
  active_agreements: number;
  activities: number;
  stations: number;
  referrals: number;
  created_at: unknown;
  version: number;
};

const partnerSelect = (today: string) => sql`select p.id, p.name, p.kind, p.org_id, o.name as org_name, o.path as org_path, p.contact_name, p.contact_phone, p.services, p.note, p.status, p.created_at, p.version,
    (select count(*)::int from partner_agreement a where a.partner_id = p.id) as agreements,
    (select count(*)::int from partner_agreement a where a.partner_id = p.id and a.starts_on <= ${today}::date and a.ends_on >= ${today}::date and a.terminated_on is null) as active_agreements,
    (select count(*)::int from partner_activity a where a.partner_id = p.id) as activities,
    (select count(*)::int from partner_station s where s.partner_id = p.id) as stations,
    (select count(*)::int from partner_referral r where r.from_partner_id = p.id or r.to_partner_id = p.id) as referrals
  from partner p join org o on o.id = p.org_id`;

type ListFilter = { scope: Scope; orgId?: string | undefined; q?: string | undefined; kind?: string | undefined; status?: string | undefined; page: number; pageSize: number };

export async function listPartners(db: Db, f: ListFilter, today: string): Promise<{ items: PartnerRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.q) where.push(sql`(p.name like ${containing(f.q)} or p.services like ${containing(f.q)})`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.status) where.push(sql`p.status = ${f.status}`);
  const w = sql.join(where, sql` and `);
  const items = await query<PartnerRow>(db, sql`${partnerSelect(today)} where ${w} order by p.status, p.kind, p.name, p.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from partner p join org o on o.id = p.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findPartner(db: Db, id: string, today: string): Promise<PartnerRow | undefined> {
  return queryOne<PartnerRow>(db, sql`${partnerSelect(today)} where p.id = ${id}`);
}

type PartnerValues = { name: string; kind: string; contactName: string | null; contactPhone: string | null; services: string | null; note: string | null };

/** Inserts a partner; null when the union has one of that name. */
export async function insertPartner(db: Db, orgId: string, v: PartnerValues, createdBy: string): Promise<string | null> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into partner (org_id, name, kind, contact_name, contact_phone, services, note, created_by) values (${orgId}, ${v.name}, ${v.kind}, ${v.contactName}, ${v.contactPhone}, ${v.services}, ${v.note}, ${createdBy})
      on conflict (org_id, name) do nothing returning id`,
  );
  return row?.id ?? null;
}

export async function updatePartner(db: Db, id: string, version: number, v: PartnerValues & { status: string }, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const rows = await query<{ id: string }>(
    db,
    sql`update partner set name = ${v.name}, kind = ${v.kind}, contact_name = ${v.contactName}, contact_phone = ${v.contactPhone}, services = ${v.services}, note = ${v.note},
        status = ${v.status}, ended_at = ${v.status === 'ended' ? stamp : null}, version = version + 1, updated_at = ${stamp}
      where id = ${id} and version = ${version} and status = 'active' returning id`,
  );
  return rows.length === 1;
}

export type AgreementRow = {
  id: string;
  partner_id: string;
  partner_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  partner_status: PartnerStatus;
  title: string;
  signed_on: string;
  starts_on: string;
  ends_on: string;
  scope: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  created_at: unknown;
};
const agreementSelect = sql`select a.id, a.partner_id, p.name as partner_name, p.org_id, o.name as org_name, o.path as org_path, p.status as partner_status, a.title, a.signed_on::text as signed_on, a.starts_on::text as starts_on,
    a.ends_on::text as ends_on, a.scope, a.terminated_on::text as terminated_on, a.termination_reason, a.created_at
  from partner_agreement a join partner p on p.id = a.partner_id join org o on o.id = p.org_id`;

export async function listAgreements(db: Db, partnerId: string): Promise<AgreementRow[]> {
  return query<AgreementRow>(db, sql`${agreementSelect} where a.partner_id = ${partnerId} order by a.ends_on desc, a.id limit 500`);
}

/** Agreements in force that end within `days` days of `today` (to renew), of active partners in scope. */
export async function listExpiringAgreements(db: Db, f: { scope: Scope; orgId?: string | undefined }, today: string, days: number): Promise<AgreementRow[]> {
  return query<AgreementRow>(
    db,
    sql`${agreementSelect} where ${scopeSql(f.scope, sql`o.path`)} and ${underOrg(f.orgId, sql`o.path`)} and p.status = 'active'
      and a.terminated_on is null and a.starts_on <= ${today}::date and a.ends_on >= ${today}::date and a.ends_on <= ${today}::date + ${days}::int order by a.ends_on, p.name limit 200`,
  );
}

export async function insertAgreement(db: Db, p: { id: string; org_id: string }, v: { title: string; signedOn: string; startsOn: string; endsOn: string; scope: string | null }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into partner_agreement (partner_id, org_id, title, signed_on, starts_on, ends_on, scope) values (${p.id}, ${p.org_id}, ${v.title}, ${v.signedOn}, ${v.startsOn}, ${v.endsOn}, ${v.scope}) returning id`,
  );
  return row!.id;
}

export async function findAgreement(db: Db, id: string): Promise<AgreementRow | undefined> {
  return queryOne<AgreementRow>(db, sql`${agreementSelect} where a.id = ${id}`);
}

export async function updateAgreement(db: Db, id: string, v: { title: string; signedOn: string; startsOn: string; endsOn: string; scope: string | null }, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update partner_agreement set title = ${v.title}, signed_on = ${v.signedOn}, starts_on = ${v.startsOn}, ends_on = ${v.endsOn}, scope = ${v.scope}, updated_at = ${now.toISOString()}
      where id = ${id} and terminated_on is null returning id`,
  );
  return rows.length === 1;
}

export async function terminateAgreement(db: Db, id: string, on: string, reason: string, now: Date): Promise<boolean> {
  const rows = await query<{ id: string }>(
    db,
    sql`update partner_agreement set terminated_on = ${on}, termination_reason = ${reason}, updated_at = ${now.toISOString()} where id = ${id} and terminated_on is null returning id`,
  );
  return rows.length === 1;
}

export type ActivityRow = { id: string; partner_id: string; title: string; held_on: string; place: string | null; participants: number; event_id: string | null; event_title: string | null; created_at: unknown };

export async function listActivities(db: Db, partnerId: string): Promise<ActivityRow[]> {
  return query<ActivityRow>(
    db,
    sql`select a.id, a.partner_id, a.title, a.held_on::text as held_on, a.place, a.participants, a.event_id, e.title as event_title, a.created_at
      from partner_activity a left join event e on e.id = a.event_id where a.partner_id = ${partnerId} order by a.held_on desc, a.id limit 500`,
  );
}

export async function findActivity(db: Db, id: string): Promise<(ActivityRow & { org_path: string }) | undefined> {
  return queryOne(
    db,
    sql`select a.id, a.partner_id, a.title, a.held_on::text as held_on, a.place, a.participants, a.event_id, e.title as event_title, a.created_at, o.path as org_path
      from partner_activity a join org o on o.id = a.org_id left join event e on e.id = a.event_id where a.id = ${id}`,
  );
}

export async function updateActivity(db: Db, id: string, v: { title: string; heldOn: string; heldAt: Date; place: string | null; participants: number; eventId: string | null }): Promise<void> {
  await db.execute(
    sql`update partner_activity set title = ${v.title}, held_on = ${v.heldOn}, held_at = ${v.heldAt.toISOString()}, place = ${v.place}, participants = ${v.participants}, event_id = ${v.eventId} where id = ${id}`,
  );
}

export async function deleteActivity(db: Db, id: string): Promise<void> {
  await db.execute(sql`delete from partner_activity where id = ${id}`);
}

export async function insertActivity(db: Db, p: { id: string; org_id: string }, v: { title: string; heldOn: string; heldAt: Date; place: string | null; participants: number; eventId: string | null }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into partner_activity (partner_id, org_id, title, held_on, held_at, place, participants, event_id)
      values (${p.id}, ${p.org_id}, ${v.title}, ${v.heldOn}, ${v.heldAt.toISOString()}, ${v.place}, ${v.participants}, ${v.eventId}) returning id`,
  );
  return row!.id;
}

export async function findPosition(db: Db, id: string): Promise<{ id: string; name: string; type: string; org_path: string } | undefined> {
  return queryOne(db, sql`select p.id, p.name, p.type, o.path as org_path from position p join org o on o.id = p.org_id where p.id = ${id}`);
}

export type StationRow = { partner_id: string; partner_name: string; position_id: string; position_name: string; position_type: string; contribution_fen: number; goods: string | null; created_at: unknown };
const stationSelect = sql`select s.partner_id, p.name as partner_name, s.position_id, ps.name as position_name, ps.type as position_type, s.contribution_fen::float8 as contribution_fen, s.goods, s.created_at
  from partner_station s join partner p on p.id = s.partner_id join position ps on ps.id = s.position_id`;

export async function listStations(db: Db, partnerId: string): Promise<StationRow[]> {
  return query<StationRow>(db, sql`${stationSelect} where s.partner_id = ${partnerId} order by s.created_at, ps.name limit 500`);
}

/** The partners that co-built a station, within the caller's scope. */
export async function listPartnersOfStation(db: Db, positionId: string, scope: Scope): Promise<StationRow[]> {
  return query<StationRow>(db, sql`${stationSelect} join org o on o.id = p.org_id where s.position_id = ${positionId} and ${scopeSql(scope, sql`o.path`)} order by p.name limit 100`);
}

/** Links a station; false when the partner is linked to it already. */
export async function insertStation(db: Db, p: { id: string; org_id: string }, v: { positionId: string; contributionFen: number; goods: string | null }): Promise<boolean> {
  const rows = await query<{ partner_id: string }>(
    db,
    sql`insert into partner_station (partner_id, position_id, org_id, contribution_fen, goods) values (${p.id}, ${v.positionId}, ${p.org_id}, ${v.contributionFen}, ${v.goods}) on conflict do nothing returning partner_id`,
  );
  return rows.length === 1;
}

export async function updateStation(db: Db, partnerId: string, positionId: string, v: { contributionFen: number; goods: string | null }): Promise<boolean> {
  const rows = await query<{ partner_id: string }>(
    db,
    sql`update partner_station set contribution_fen = ${v.contributionFen}, goods = ${v.goods} where partner_id = ${partnerId} and position_id = ${positionId} returning partner_id`,
  );
  return rows.length === 1;
}

export async function deleteStation(db: Db, partnerId: string, positionId: string): Promise<{ position_name: string } | undefined> {
  return queryOne(
    db,
    sql`delete from partner_station s using position ps where ps.id = s.position_id and s.partner_id = ${partnerId} and s.position_id = ${positionId} returning ps.name as position_name`,
  );
}

export type ReferralRow = {
  id: string;
  org_path: string;
  org_id: string;
  from_partner_id: string;
  from_partner_name: string;
  to_partner_id: string;
  to_partner_name: string;
  subject: string;
  worker_name_masked: string | null;
  note: string | null;
  status: PartnerReferralStatus;
  referred_at: unknown;
  accepted_at: unknown;
  closed_at: unknown;
  version: number;
};
const referralSelect = sql`select r.id, r.org_id, o.path as org_path, r.from_partner_id, f.name as from_partner_name, r.to_partner_id, t.name as to_partner_name, r.subject, r.worker_name_masked, r.note, r.status,
    r.referred_at, r.accepted_at, r.closed_at, r.version
  from partner_referral r join org o on o.id = r.org_id join partner f on f.id = r.from_partner_id join partner t on t.id = r.to_partner_id`;

export async function listReferrals(
  db: Db,
  f: { scope: Scope; orgId?: string | undefined; partnerId?: string | undefined; status?: string | undefined; page: number; pageSize: number },
): Promise<{ items: ReferralRow[]; total: number }> {
  const where: SQL[] = [scopeSql(f.scope, sql`o.path`), underOrg(f.orgId, sql`o.path`)];
  if (f.partnerId) where.push(sql`(r.from_partner_id = ${f.partnerId} or r.to_partner_id = ${f.partnerId})`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  const w = sql.join(where, sql` and `);
  const items = await query<ReferralRow>(db, sql`${referralSelect} where ${w} order by r.referred_at desc, r.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const total = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from partner_referral r join org o on o.id = r.org_id where ${w}`);
  return { items, total: total?.n ?? 0 };
}

export async function findReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  return queryOne<ReferralRow>(db, sql`${referralSelect} where r.id = ${id}`);
}

export async function insertReferral(
  db: Db,
  v: { orgId: string; fromPartnerId: string; toPartnerId: string; subject: string; workerNameMasked: string | null; note: string | null; createdBy: string; at: Date },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    db,
    sql`insert into partner_referral (org_id, from_partner_id, to_partner_id, subject, worker_name_masked, note, created_by, referred_at)
      values (${v.orgId}, ${v.fromPartnerId}, ${v.toPartnerId}, ${v.subject}, ${v.workerNameMasked}, ${v.note}, ${v.createdBy}, ${v.at.toISOString()}) returning id`,
  );
  return row!.id;
}

/** Moves a referral one step on (referred → accepted → closed), or returns false when it was changed meanwhile. */
export async function advanceReferral(db: Db, id: string, version: number, from: PartnerReferralStatus, to: 'accepted' | 'closed', note: string | null, now: Date): Promise<boolean> {
  const stamp = now.toISOString();
  const rows = await query<{ id: string }>(
    db,
    sql`update partner_referral set status = ${to}, note = coalesce(${note}, note), version = version + 1,
        accepted_at = ${to === 'accepted' ? sql`${stamp}::timestamptz` : sql`accepted_at`}, closed_at = ${to === 'closed' ? sql`${stamp}::timestamptz` : sql`closed_at`}
      where id = ${id} and version = ${version} and status = ${from} returning id`,
  );
  return rows.length === 1;
}

/**
 * Active partners of the districts where the account holds an active membership, with the names of
 * the stations they co-built (the phone's list): no contact person, no phone.
 */
export async function listPublicPartners(db: Db, userId: string): Promise<{ id: string; name: string; kind: PartnerKind; services: string | null; stations: string[] | null }[]> {
  return query(
    db,
    sql`with districts as (
        select distinct d.path from person pe join membership m on m.person_id = pe.id and m.status = 'active' join org mo on mo.id = m.org_id
          join org d on d.type = 'district' and mo.path like d.path || '%'
        where pe.user_id = ${userId})
      select p.id, p.name, p.kind, p.services,
        (select array_agg(ps.name order by ps.name) from partner_station s join position ps on ps.id = s.position_id where s.partner_id = p.id) as stations
      from partner p join org o on o.id = p.org_id
      where p.status = 'active' and exists (select 1 from districts d where o.path like d.path || '%') order by p.kind, p.name limit 200`,
  );
}

/** Whether two orgs lie in the same district (a referral's rows stay on one shard). */
export async function isSameDistrict(db: Db, pathA: string, pathB: string): Promise<boolean> {
  const row = await queryOne<{ ok: boolean }>(db, sql`select exists (select 1 from org d where d.type = 'district' and ${pathA} like d.path || '%' and ${pathB} like d.path || '%') as ok`);
  return row?.ok === true;
}

export async function findOrg(db: Db, id: string): Promise<{ id: string; path: string; status: string } | undefined> {
  return queryOne(db, sql`select id, path, status from org where id = ${id}`);
}
