import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ageOn } from './campaign.eligibility';
import { query } from './mutualaid.repository';

const DAY = 86_400_000;

/** The checks the campaign pays for (seed 001: 为环卫工人、产业工人约5000人免费体检). */
export const DEMO_HEALTH_PLACES = 5_000;

const HOSPITALS = [
  { name: '重庆市江北区人民医院', address: '重庆市江北区大石坝东路111号', lng: 106.5201, lat: 29.5922, phone: '023-67853100', twoCancer: false },
  { name: '重庆市江北区中医院', address: '重庆市江北区嘉陵一村4号', lng: 106.5359, lat: 29.5818, phone: '023-67728000', twoCancer: false },
  { name: '重庆市江北区妇幼保健院', address: '重庆市江北区洋河东路12号', lng: 106.5467, lat: 29.5804, phone: '023-67855018', twoCancer: true },
] as const;

/**
 * 送健康 of Jiangbei, open now: free checks for sanitation and industrial workers (居民服务 — the
 * district's sanitation crews —, 制造业, 建筑业), three partner hospitals (one for the women's
 * 两癌 screening), weekday morning slots from a week ago to three weeks ahead. Past slots' bookings
 * are mostly attended, some no-shows; slots ahead have bookings. Bulk inserts, in the demo's
 * transaction; no medical result anywhere.
 */
export async function seedDemoHealth(tx: Db, jbId: string, now = new Date()): Promise<void> {
  const sh = new Date(now.getTime() + 8 * 3600_000);
  const day = (offset: number) => new Date(Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + offset)).toISOString().slice(0, 10);
  const from = day(-7);
  const to = day(28);
  const [staff] = await query<{ id: string | null }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const eligibility = { industries: ['居民服务', '制造业', '建筑业'] };
  const [c] = await query<{ id: string }>(
    tx,
    sql`insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, yearly_limit_fen, status, created_by, created_at, updated_at)
      values (${jbId}, 'health', ${`${from.slice(0, 4)}年“送健康”环卫工人、产业工人免费体检`}, ${from}, ${to}, ${DEMO_HEALTH_PLACES * 30_000},
        ${JSON.stringify([{ source: '区总工会经费', amountFen: DEMO_HEALTH_PLACES * 30_000 }])}::jsonb,
        ${JSON.stringify([{ key: 'check', kind: 'service', name: '免费健康体检', unitValueFen: 30_000 }])}::jsonb, ${JSON.stringify(eligibility)}::jsonb,
        300000, null, 'open', ${staff?.id ?? null}, ${new Date(now.getTime() - 14 * DAY).toISOString()}, ${new Date(now.getTime() - 14 * DAY).toISOString()}) returning id`,
  );
  const campaignId = c!.id;
  const hospitals = await query<{ id: string; name: string }>(
    tx,
    sql`insert into health_hospital (campaign_id, org_id, name, address, lng, lat, phone)
      values ${sql.join(
        HOSPITALS.map((h) => sql`(${campaignId}, ${jbId}, ${h.name}, ${h.address}, ${h.lng}, ${h.lat}, ${h.phone})`),
        sql`, `,
      )} returning id, name`,
  );

  // Weekday mornings 08:00–11:30 (Asia/Shanghai) at every hospital.
  type Slot = { hospital: number; startsAt: Date; capacity: number };
  const slots: Slot[] = [];
  for (let d = -7; d <= 21; d++) {
    const date = day(d);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let h = 0; h < HOSPITALS.length; h++) slots.push({ hospital: h, startsAt: new Date(`${date}T08:00:00+08:00`), capacity: HOSPITALS[h]!.twoCancer ? 30 : 60 });
  }
  const slotRows = await query<{ id: string; hospital_id: string; starts_at: unknown }>(
    tx,
    sql`insert into health_slot (hospital_id, campaign_id, org_id, starts_at, ends_at, capacity, is_two_cancer)
      values ${sql.join(
        slots.map((s) => sql`(${hospitals[s.hospital]!.id}, ${campaignId}, ${jbId}, ${s.startsAt.toISOString()}, ${new Date(s.startsAt.getTime() + 3.5 * 3600_000).toISOString()}, ${s.capacity}, ${HOSPITALS[s.hospital]!.twoCancer})`),
        sql`, `,
      )} returning id, hospital_id, starts_at`,
  );

  // The district's sanitation and industrial members (the demo workers' own accounts left free to book).
  const people = await query<{ person_id: string; membership_id: string; org_id: string; name: string; user_id: string | null; sex: 'male' | 'female'; birth_date: string }>(
    tx,
    sql`select p.id as person_id, m.id as membership_id, m.org_id, p.real_name as name, p.user_id, p.sex, p.birth_date::text as birth_date
      from person p join membership m on m.person_id = p.id and m.status = 'active' join org o on o.id = m.org_id
      where o.path like (select path || '%' from org where id = ${jbId}) and p.industry in ('居民服务', '制造业', '建筑业') and p.user_id is null
      order by md5(p.id::text) limit 900`,
  );
  if (!people.length) return;
  const values: ReturnType<typeof sql>[] = [];
  const taken = new Map<string, number>();
  let slotAt = 0;
  for (const [i, who] of people.entries()) {
    // Every third person is left without a booking.
    if (i % 3 === 2) continue;
    for (let tries = 0; tries < slotRows.length; tries++) {
      const s = slotRows[(slotAt + tries) % slotRows.length]!;
      const h = HOSPITALS[hospitals.findIndex((x) => x.id === s.hospital_id)]!;
      const startsAt = new Date(s.starts_at instanceof Date ? s.starts_at.toISOString() : String(s.starts_at));
      const start = startsAt.getTime();
      if ((taken.get(s.id) ?? 0) >= (h.twoCancer ? 30 : 60) * 0.7) continue;
      if (h.twoCancer) {
        const age = ageOn(who.birth_date, new Date(start + 8 * 3600_000).toISOString().slice(0, 10));
        if (who.sex !== 'female' || age < 35 || age > 64) continue;
      }
      slotAt = (slotAt + tries + 1) % slotRows.length;
      taken.set(s.id, (taken.get(s.id) ?? 0) + 1);
      const isPast = start + 4 * 3600_000 < now.getTime();
      const status = isPast ? (i % 9 === 0 ? 'no_show' : 'attended') : i % 17 === 0 ? 'cancelled' : 'booked';
      const bookedAt = new Date(Math.min(start - 2 * DAY, now.getTime() - 3600_000) - (i % 5) * DAY);
      const markedAt = isPast ? new Date(start + 4 * 3600_000).toISOString() : null;
      values.push(
        sql`(${s.id}, ${campaignId}, ${who.org_id}, ${who.person_id}, ${who.membership_id}, ${who.name}, ${status}, ${status === 'cancelled' ? new Date(bookedAt.getTime() + DAY).toISOString() : null},
          ${markedAt}, ${markedAt ? (staff?.id ?? null) : null}, ${bookedAt.toISOString()}, ${markedAt ?? bookedAt.toISOString()})`,
      );
      break;
    }
  }
  if (!values.length) return;
  await tx.execute(sql`insert into health_booking (slot_id, campaign_id, org_id, person_id, membership_id, person_name, status, cancelled_at, marked_at, marked_by, created_at, updated_at) values ${sql.join(values, sql`, `)}`);
  // A slot's booked count: the places its bookings hold (a cancelled one gave its place back).
  await tx.execute(sql`update health_slot s set booked = x.n from (select slot_id, count(*)::int as n from health_booking where campaign_id = ${campaignId} and status <> 'cancelled' group by slot_id) x where x.slot_id = s.id`);
}
