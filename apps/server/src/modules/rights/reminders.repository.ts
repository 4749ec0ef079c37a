import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rightsCase } from './cases.tables';
import { rightsPointReminder, rightsReminder } from './documents.tables';

/** Inserts the reminders not sent yet; returns only the new ones (the unique key makes reruns no-ops). */
export async function insertReminders(db: Db, rows: (typeof rightsReminder.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(rightsReminder).values(rows).onConflictDoNothing().returning();
}

export async function markSmsSent(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db
    .update(rightsReminder)
    .set({ isSmsSent: true })
    .where(sql`${rightsReminder.id} in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`);
}

export async function listRemindersOf(db: Db, userId: string, limit = 50) {
  return db
    .select({ reminder: rightsReminder, caseNumber: rightsCase.number })
    .from(rightsReminder)
    .innerJoin(rightsCase, eq(rightsCase.id, rightsReminder.caseId))
    .where(eq(rightsReminder.userId, userId))
    .orderBy(desc(rightsReminder.sentAt))
    .limit(limit);
}

export async function markRead(db: Db, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(rightsReminder)
    .set({ readAt: sql`coalesce(${rightsReminder.readAt}, now())` })
    .where(and(eq(rightsReminder.id, id), eq(rightsReminder.userId, userId)))
    .returning({ id: rightsReminder.id });
  return rows.length > 0;
}

export async function insertPointReminder(db: Db, values: typeof rightsPointReminder.$inferInsert): Promise<boolean> {
  return (await db.insert(rightsPointReminder).values(values).onConflictDoNothing().returning({ pointId: rightsPointReminder.pointId })).length > 0;
}
