import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './client';

const MIGRATIONS_DIR = new URL('./migrations', import.meta.url).pathname;

type Journal = { entries: { idx: number; tag: string }[] };

// Any fixed number: every app instance takes the same lock so only one migrates at a time.
const MIGRATION_LOCK_ID = 4_711_2026;

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies drizzle-kit's generated SQL migrations in journal order, each in its own transaction,
 * under an advisory lock so several instances starting together migrate once. A migration that
 * was applied and later edited is refused: a landed migration is never edited (STYLE.md).
 */
export async function runMigrations(database: Database, dir = MIGRATIONS_DIR, opts: { only?: ReadonlySet<string> } = {}): Promise<MigrationResult> {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  await database.exec(`
    create table if not exists schema_migration (
      tag text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  const applied: string[] = [];
  let alreadyApplied = 0;
  await withLock(database, async () => {
    const rows = await database.query<{ tag: string; checksum: string }>('select tag, checksum from schema_migration');
    const done = new Map(rows.map((r) => [r.tag, r.checksum]));
    for (const entry of [...journal.entries].sort((a, b) => a.idx - b.idx)) {
      // A restore first builds the schema the backup was taken at, loads it, then migrates the rest.
      if (opts.only && !opts.only.has(entry.tag)) break;
      const sqlText = fs.readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8');
      const checksum = crypto.createHash('sha256').update(sqlText).digest('hex');
      const previous = done.get(entry.tag);
      if (previous) {
        if (previous !== checksum) {
          throw new Error(`Migration ${entry.tag} was changed after it was applied; add a new migration instead`);
        }
        alreadyApplied++;
        continue;
      }
      const statements = sqlText
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean);
      const escapedTag = entry.tag.replace(/'/g, "''");
      await database.exec(
        `begin;\n${statements.join(';\n')};\ninsert into schema_migration (tag, checksum) values ('${escapedTag}', '${checksum}');\ncommit;`,
      );
      applied.push(entry.tag);
    }
  });
  return { applied, alreadyApplied };
}

async function withLock(database: Database, fn: () => Promise<void>): Promise<void> {
  if (database.kind === 'pglite' || !database.pool) {
    // PGlite has exactly one connection; nothing else can migrate at the same time.
    await fn();
    return;
  }
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await fn();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    client.release();
  }
}

export type MigrationStatus = {
  /** Migrations this code knows that the database has not applied: the schema is behind the code. */
  pending: string[];
  /** Applied migrations this code does not know: a newer release migrated (fine for one release: expand/contract). */
  unknown: string[];
  /** The last migration of this code's journal. */
  latest: string;
};

/** Compares the journal of this code with what the database has applied (for /api/ready and restore). */
export async function readMigrationStatus(database: Database, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const tags = journalTags(dir);
  const exists = await database.query<{ t: string | null }>("select to_regclass('schema_migration')::text as t");
  const applied = exists[0]?.t ? (await database.query<{ tag: string }>('select tag from schema_migration')).map((r) => r.tag) : [];
  const appliedSet = new Set(applied);
  const known = new Set(tags);
  return { pending: tags.filter((t) => !appliedSet.has(t)), unknown: applied.filter((t) => !known.has(t)).sort(), latest: tags[tags.length - 1] ?? '' };
}

/** The migration tags of this code, in order. */
export function journalTags(dir = MIGRATIONS_DIR): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => e.tag);
}
