import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { appUser } from '../../modules/accounts';
import { position } from '../../modules/positions';
import { DEFAULT_RUBRIC, positionInspection } from '../../modules/stars';

/**
 * Last year's inspections of the open demo positions (one or two visits each, points from a
 * fixed generator), so the console's stars, "最美" candidates and the public pages have a
 * rating to show; this year is left to the demo user to inspect.
 */
export async function seedDemoStars(tx: Db, now = new Date()): Promise<number> {
  const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
  const [inspector] = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(eq(appUser.username, 'jb.staff')).limit(1);
  if (!inspector) return 0;
  const open = await tx
    .select({
      id: position.id,
      orgId: position.orgId,
      facilities: position.facilities,
    })
    .from(position)
    .where(inArray(position.status, ['open']));
  let s = 20250901;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const points = (low: number) => Math.round((low + next() * (10 - low)) * 2) / 2;
  const rows: (typeof positionInspection.$inferInsert)[] = [];
  for (const p of open) {
    // A good station scores high on every visit; others vary.
    const low = next() < 0.35 ? 9 : 5;
    const visits = next() < 0.5 ? ['04-18', '10-22'] : ['06-12'];
    for (const day of visits) {
      rows.push({
        positionId: p.id,
        orgId: p.orgId,
        year,
        inspectedOn: `${year}-${day}`,
        inspectorId: inspector.id,
        inspectorName: inspector.name,
        criteria: DEFAULT_RUBRIC,
        scores: {
          hours_kept: points(low),
          cleanliness: points(low),
          usage: points(low),
        },
        facilities: p.facilities,
        notes: null,
      });
    }
  }
  if (rows.length) await tx.insert(positionInspection).values(rows);
  return rows.length;
}
