import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * When the demo's unions and positions came to be, so that figures by year tell the reports'
 * story (stations built up from 2019, 47 by the end of 2022, about twice that now; grassroots
 * unions founded over the last decade) instead of everything appearing on the day of the seed.
 * Deterministic (from the codes), never in the future, applied after the rows exist: the
 * indicator rollups follow through their triggers like for any other edit.
 */
export async function backdateDemoHistory(tx: Db, now = new Date()): Promise<void> {
  const latest = new Date(now.getTime() - 10 * 86_400_000).toISOString();
  // Federation, district and street unions long before the platform; the others spread 2016 → now.
  await tx.execute(sql`update org set created_at = timestamptz '2015-01-01 09:00+08' where type in ('federation', 'district', 'street', 'park', 'industry')`);
  await tx.execute(sql`update org set created_at = least(timestamptz '2016-01-01 09:00+08' + (abs(hashtext(code)) % 3800) * interval '1 day', ${latest}::timestamptz)
    where type in ('grassroots', 'joint', 'community') and closed_at is null`);
  // Positions: centres first, stations in waves (about 45 by the end of 2022), named ones on the days the reports give.
  await tx.execute(sql`with ranked as (
      select id, type, row_number() over (partition by type order by abs(hashtext(code))) as n, count(*) over (partition by type) as total from position)
    update position p set created_at = least(case
        when r.type = 'service_center' then timestamptz '2018-03-01 09:00+08' + (r.n * 37) * interval '1 day'
        when r.type = 'rest_station' and r.n <= 45 then timestamptz '2019-04-01 09:00+08' + (r.n * 29) * interval '1 day'
        when r.type = 'rest_station' then timestamptz '2023-01-10 09:00+08' + ((r.n - 45) * (1400.0 / greatest(r.total - 45, 1))) * interval '1 day'
        else timestamptz '2020-05-01 09:00+08' + (r.n * 61) * interval '1 day' end, ${latest}::timestamptz)
    from ranked r where r.id = p.id`);
  await tx.execute(sql`update position set created_at = case code
      when 'JB-SC' then timestamptz '2021-12-01 09:00+08'
      when 'JB-RS-WHL' then timestamptz '2022-05-01 09:00+08'
      when 'JB-RS-YNYG' then timestamptz '2023-06-01 09:00+08'
      when 'JB-DH-HLL' then timestamptz '2023-03-01 09:00+08'
      when 'JB-RS-HQHG' then timestamptz '2024-08-01 09:00+08' end
    where code in ('JB-SC', 'JB-RS-WHL', 'JB-RS-YNYG', 'JB-DH-HLL', 'JB-RS-HQHG')`);
  // The three joining points opened this year (they count toward the streets' 入会点 targets).
  const yearStart = Date.parse(`${new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()}-01-01T00:00:00+08:00`);
  const opened = (days: number) => new Date(Math.min(yearStart + days * 86_400_000, Date.parse(latest))).toISOString();
  await tx.execute(sql`update position set created_at = case code
      when 'JB-JP-SF' then ${opened(75)}::timestamptz
      when 'JB-JP-JLDT' then ${opened(130)}::timestamptz
      else ${opened(210)}::timestamptz end
    where code in ('JB-JP-SF', 'JB-JP-JLDT', 'JB-JP-WLD')`);
}
