import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { fillEmptyTables } from '../test/synthesize';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from '../test/test-db';
import { BackupError, MIGRATION_SEEDED_TABLES, restoreBackup, writeBackup } from './backup';
import { openDatabase, type Database } from './client';
import { journalTags, runMigrations } from './migrate';

/**
 * Backup and restore (issue 18, point 3): a demo database with a row in every table (the demo
 * data, plus a made-up row in each table the demo leaves empty) is backed up, restored into an
 * empty database and compared table by table — every table of the schema, read from the
 * catalogue, so tables that modules add later are compared without changes here.
 */
let t: TestApp;
let dir: string;
const dropNames: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-backup-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
  for (const name of dropNames) await adminQuery(`drop database if exists ${name} with (force)`);
});

/** An empty database of the kind under test (nothing migrated). */
async function emptyDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') return openDatabase({});
  const name = randomDbName('niangjia_restore');
  dropNames.push(name);
  await adminQuery(`create database ${name}`);
  return openDatabase({ databaseUrl: withDatabaseName(process.env.TEST_DATABASE_URL!, name), poolSize: 2 });
}

/** Per table: row count and a digest of all rows (as JSON, sorted), so any difference shows. */
async function fingerprint(database: Database): Promise<Record<string, { rows: number; digest: string }>> {
  const tables = await database.query<{ name: string }>("select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1");
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    // The migration log's applied_at is when the restore ran; its tags and checksums must match.
    const source = name === 'schema_migration' ? '(select tag, checksum from schema_migration)' : `"${name}"`;
    const [r] = await database.query<{ rows: number; digest: string }>(`select count(*)::int as rows, coalesce(md5(string_agg(j, E'\\n' order by j)), '') as digest from (select row_to_json(x)::text as j from ${source} x) s`);
    out[name] = r!;
  }
  return out;
}

describe('backup and restore', () => {
  // Fills and compares every table (well over a hundred now) through PGlite: on a busy shared machine it
  // took longer than 180 s. A generous bound only fails a test that is truly stuck.
  it('restores every table of a database with every kind of record, row for row', { timeout: 600_000 }, async () => {
    const { failed } = await fillEmptyTables(t.database);
    // A table the generic filler cannot make a row for (an unusual check constraint) is still compared, empty.
    if (failed.length) console.warn('tables left empty:', failed);
    const before = await fingerprint(t.database);
    const empty = Object.entries(before).filter(([name, f]) => f.rows === 0 && name !== 'schema_migration');
    expect(empty.length, JSON.stringify(failed)).toBeLessThanOrEqual(Math.floor(Object.keys(before).length * 0.05));

    const file = path.join(dir, 'full.ndjson.gz');
    const summary = await writeBackup(t.database, file, { dataKeyId: 'kid12345' });
    expect(summary.tables).toBe(Object.keys(before).length - 1);
    // Photos and uploads are in the file (bytea as hex).
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text).toContain('"data":"\\\\x');

    const target = await emptyDatabase();
    try {
      const restored = await restoreBackup(target, file);
      expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, migratedAfter: [], dataKeyId: 'kid12345' });
      expect(await fingerprint(target)).toEqual(before);
      // The restored database refuses a second restore (it is not empty any more).
      await expect(restoreBackup(target, file)).rejects.toThrow(/not empty/);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup from a newer schema, and a truncated file restores nothing', { timeout: 180_000 }, async () => {
    const file = path.join(dir, 'small.ndjson.gz');
    await writeBackup(t.database, file);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push('9999_from_a_newer_release');
    const newer = path.join(dir, 'newer.ndjson.gz');
    fs.writeFileSync(newer, zlib.gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    const truncated = path.join(dir, 'truncated.ndjson.gz');
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n')));

    const target = await emptyDatabase();
    try {
      await expect(restoreBackup(target, newer)).rejects.toThrow(BackupError);
      await expect(restoreBackup(target, newer)).rejects.toThrow(/newer schema.*9999_from_a_newer_release/);
      await expect(restoreBackup(target, truncated)).rejects.toThrow(/truncated|header says/);
      const counts = await fingerprint(target);
      expect(Object.entries(counts).filter(([name, f]) => f.rows > 0 && name !== 'schema_migration' && !MIGRATION_SEEDED_TABLES.includes(name))).toEqual([]);
      // The schema is there and nothing else: the same file, whole, still restores into it.
      await expect(restoreBackup(target, file)).resolves.toMatchObject({ tables: expect.any(Number) });
    } finally {
      await target.close();
    }
  });

  it('restores a backup of an older schema, then migrates it to this release', { timeout: 180_000 }, async () => {
    const tags = journalTags();
    const older = await emptyDatabase();
    const file = path.join(dir, 'older.ndjson.gz');
    try {
      await runMigrations(older, undefined, { only: new Set(tags.slice(0, -1)) });
      await older.query("insert into org (code, name, type, path, depth) values ('OLD', '旧库总工会', 'federation', '/x/', 1)");
      await writeBackup(older, file);
    } finally {
      await older.close();
    }
    const target = await emptyDatabase();
    try {
      const r = await restoreBackup(target, file);
      expect(r.migratedAfter).toEqual([tags.at(-1)]);
      expect(await target.query('select code, name from org')).toEqual([{ code: 'OLD', name: '旧库总工会' }]);
    } finally {
      await target.close();
    }
  });
});
