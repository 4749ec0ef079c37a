import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holidayOverride } from './holidays.tables';

export type OverrideRow = typeof holidayOverride.$inferSelect;

export async function listOverrides(db: Db, range?: { from: string; to: string }): Promise<OverrideRow[]> {
  const q = db.select().from(holidayOverride);
  return (range ? q.where(and(gte(holidayOverride.date, range.from), lte(holidayOverride.date, range.to))) : q).orderBy(asc(holidayOverride.date));
}

export async function findOverride(db: Db, date: string): Promise<OverrideRow | undefined> {
  return (await db.select().from(holidayOverride).where(eq(holidayOverride.date, date)).limit(1))[0];
}

export async function upsertOverride(db: Db, values: { date: string; kind: string; name: string | null; note: string | null; updatedBy: string | null }): Promise<OverrideRow> {
  const rows = await db
    .insert(holidayOverride)
    .values(values)
    .onConflictDoUpdate({ target: holidayOverride.date, set: { kind: values.kind, name: values.name, note: values.note, updatedBy: values.updatedBy, updatedAt: sql`now()` } })
    .returning();
  return rows[0]!;
}

export async function deleteOverride(db: Db, date: string): Promise<boolean> {
  const rows = await db.delete(holidayOverride).where(eq(holidayOverride.date, date)).returning({ date: holidayOverride.date });
  return rows.length > 0;
}
