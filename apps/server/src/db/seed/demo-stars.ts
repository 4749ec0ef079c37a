import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { appUser } from '../../modules/accounts';
import { position } from '../../modules/positions';
import { DEFAULT_RUBRIC, positionInspection } from '../../modules/stars';

/**
 * Last year's inspections of the open demo positions (one or two visits each, points from a
 * fixed generator), and this year's spring and autumn rounds for about half of them where those
 * dates have passed, so the console's stars (which open on this year), "最美" candidates, the
 * history and the public pages have ratings to show, and the rest are left to inspect.
 */
export async function seedDemoStars(tx: Db, now = new Date()): Promise<number> {
  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) - 1;
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
    const visits = (next() < 0.5 ? ['04-18', '10-22'] : ['06-12']).map((day) => `${year}-${day}`);
    if (next() < 0.5) visits.push(...[`${year + 1}-03-16`, `${year + 1}-09-08`].filter((d) => d < today));
    for (const inspectedOn of visits) {
      rows.push({
        positionId: p.id,
        orgId: p.orgId,
        year: Number(inspectedOn.slice(0, 4)),
        inspectedOn,
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
