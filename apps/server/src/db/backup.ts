import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import zlib from 'node:zlib';
import type { Database } from './client';
import { journalTags, runMigrations } from './migrate';

/**
 * A logical backup of the whole database, the same for PGlite and PostgreSQL: gzip'd JSON lines,
 * a header (format, the migrations applied, the data key's fingerprint), then per table an `@`
 * line naming it and its columns followed by one `row_to_json` line per row, then an `@` end line. Every
 * table of the schema is included by reading the catalogue, so a new module's tables need
 * nothing here; uploaded files and photos are bytea columns and travel with their rows.
 *
 * The data key (NIANGJIA_DATA_KEY) and NIANGJIA_SECRET are never in the file: without them the
 * restored ID numbers cannot be decrypted and phones/codes cannot be matched (README: Backup).
 */
export const BACKUP_FORMAT = 'niangjia-backup';
const BACKUP_VERSION = 1;
const FETCH_ROWS = 500;
/** Row lines are row_to_json objects ("{…"); a table's line and the end line start with this. */
const CONTROL = '@';

export class BackupError extends Error {}

type Header = { t: 'header'; format: string; version: number; createdAt: string; db: string; migrations: string[]; dataKeyId: string | null; tables: number };
type TableLine = { t: 'table'; name: string; columns: string[]; rows: number };
type EndLine = { t: 'end'; tables: number; rows: number; sequences: { name: string; value: number | null }[] };

type Conn = { query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]> };

/**
 * One transaction on one connection for the whole job: a pooled client on PostgreSQL; on PGlite
 * its own transaction, which holds the single connection so nothing else (a job runner's poll)
 * runs inside it. Throwing rolls back; `readOnly` snapshots (repeatable read) and never commits.
 */
async function inTransaction<T>(database: Database, readOnly: boolean, fn: (conn: Conn) => Promise<T>): Promise<T> {
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query(readOnly ? 'begin isolation level repeatable read read only' : 'begin');
      const result = await fn({ query: async (s, p) => (await client.query(s, p as unknown[])).rows });
      await client.query(readOnly ? 'rollback' : 'commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return database.pglite!.transaction(async (tx) => fn({ query: async (s, p) => (await tx.query(s, p as unknown[])).rows as never[] }));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the public schema, parents before children (foreign keys), then by name. */
async function listTables(conn: Conn): Promise<{ name: string; columns: string[]; isSelfReferencing: boolean }[]> {
  const tables = await conn.query<{ name: string }>("select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r','p') and c.relname <> 'schema_migration' order by 1");
  const columns = await conn.query<{ table: string; name: string }>(
    "select c.relname as table, a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by c.relname, a.attnum",
  );
  const fks = await conn.query<{ child: string; parent: string }>(
    "select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'",
  );
  const unq = (s: string) => s.replace(/^"|"$/g, '');
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const selfRef = new Set<string>();
  for (const fk of fks) {
    const child = unq(fk.child);
    const parent = unq(fk.parent);
    if (child === parent) selfRef.add(child);
    else parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p) || !parents.has(p)));
    // A foreign-key cycle between tables: take the rest by name (the restore disables the checks anyway when it can).
    const next = ready.length ? ready : tables.map((t) => t.name).filter((n) => !placed.has(n));
    for (const n of next) {
      placed.add(n);
      ordered.push(n);
    }
  }
  return ordered.map((name) => ({ name, columns: columns.filter((c) => c.table === name).map((c) => c.name), isSelfReferencing: selfRef.has(name) }));
}

export type BackupSummary = { file: string; tables: number; rows: number; bytes: number; migrations: number };

/** Writes a consistent snapshot (one repeatable-read transaction) of every table to `file`. */
export async function writeBackup(database: Database, file: string, opts: { dataKeyId?: string | null } = {}): Promise<BackupSummary> {
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const piped = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  let rows = 0;
  let tableCount = 0;
  let migrations = 0;
  await inTransaction(database, true, async (conn) => {
    {
      const applied = (await conn.query<{ tag: string }>("select tag from schema_migration order by tag")).map((r) => r.tag);
      migrations = applied.length;
      const tables = await listTables(conn);
      tableCount = tables.length;
      const header: Header = { t: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), db: database.kind, migrations: applied, dataKeyId: opts.dataKeyId ?? null, tables: tables.length };
      await write(JSON.stringify(header));
      for (const table of tables) {
        const [count] = await conn.query<{ n: number }>(`select count(*)::int as n from ${quote(table.name)}`);
        const line: TableLine = { t: 'table', name: table.name, columns: table.columns, rows: Number(count!.n) };
        await write(CONTROL + JSON.stringify(line));
        const cols = table.columns.map(quote).join(', ');
        await conn.query(`declare backup_rows no scroll cursor for select row_to_json(r)::text as j from (select ${cols} from ${quote(table.name)}) r`);
        for (;;) {
          const batch = await conn.query<{ j: string }>(`fetch ${FETCH_ROWS} from backup_rows`);
          for (const r of batch) await write(r.j);
          rows += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await conn.query('close backup_rows');
      }
      const sequences = await conn.query<{ name: string; value: number | null }>("select sequencename as name, last_value::float8 as value from pg_sequences where schemaname = 'public' order by 1");
      const end: EndLine = { t: 'end', tables: tables.length, rows, sequences };
      await write(CONTROL + JSON.stringify(end));
    }
  });
  gzip.end();
  await piped;
  return { file, tables: tableCount, rows, bytes: fs.statSync(file).size, migrations };
}

export type RestoreSummary = { tables: number; rows: number; migratedAfter: string[]; dataKeyId: string | null; isFastPath: boolean };

/**
 * Loads a backup into an empty database: builds the schema the backup was taken at, loads every
 * table in one transaction (a truncated or corrupt file leaves nothing), then applies this code's
 * later migrations. Refuses a backup from a newer schema (a migration this code does not know)
 * and a database that already holds data.
 */
export async function restoreBackup(database: Database, file: string, dir?: string): Promise<RestoreSummary> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await iterator.next();
    return r.done ? undefined : r.value;
  };
  try {
    const header = parseHeader(await next().catch((error: unknown) => {
      throw new BackupError(`${file} is not a Niangjia backup (${(error as Error).message})`);
    }));
    const known = new Set(journalTags(dir));
    const newer = header.migrations.filter((m) => !known.has(m));
    if (newer.length) {
      throw new BackupError(`The backup comes from a newer schema (migrations this release does not know: ${newer.join(', ')}). Restore it with that release or a later one. (备份来自更新的数据库结构，请用相同或更新的版本恢复。)`);
    }
    await assertEmpty(database);
    await runMigrations(database, dir, { only: new Set(header.migrations) });

    let total = 0;
    let tables = 0;
    let isFastPath = false;
    await inTransaction(database, false, async (conn) => {
      {
        isFastPath = await tryReplicaRole(conn);
        const targetColumns = new Map((await listTables(conn)).map((t) => [t.name, new Set(t.columns)]));
        let end: EndLine | undefined;
        for (let line = await next(); line !== undefined; ) {
          if (!line.startsWith(CONTROL)) throw new BackupError(`unexpected line in ${file}: ${line.slice(0, 80)}`);
          const item = JSON.parse(line.slice(CONTROL.length)) as TableLine | EndLine;
          if (item.t === 'end') {
            end = item;
            break;
          }
          if (item.t !== 'table') throw new BackupError(`unexpected line in ${file}: ${line.slice(0, 80)}`);
          const target = targetColumns.get(item.name);
          if (!target) throw new BackupError(`table ${item.name} of the backup does not exist at its schema version here`);
          const missing = item.columns.filter((c) => !target.has(c));
          if (missing.length) throw new BackupError(`columns ${missing.join(', ')} of ${item.name} do not exist here`);
          // Rows a migration put there are in the backup too, perhaps edited since: the backup's replace them.
          if (MIGRATION_SEEDED_TABLES.includes(item.name)) await conn.query(`delete from ${quote(item.name)}`);
          const cols = item.columns.map(quote).join(', ');
          const insert = `insert into ${quote(item.name)} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${quote(item.name)}, $1::json)`;
          // Without the replica role, a self-referencing table goes in one statement (its foreign
          // keys are checked at the end of the statement, so row order does not matter).
          const chunk = !isFastPath && item.columns.length && (await isSelfReferencing(conn, item.name)) ? Infinity : FETCH_ROWS;
          let buffer: string[] = [];
          let loaded = 0;
          const flush = async () => {
            if (!buffer.length) return;
            await conn.query(insert, [`[${buffer.join(',')}]`]);
            loaded += buffer.length;
            buffer = [];
          };
          line = await next();
          while (line !== undefined && !line.startsWith(CONTROL)) {
            buffer.push(line);
            if (buffer.length >= chunk) await flush();
            line = await next();
          }
          await flush();
          if (loaded !== item.rows) throw new BackupError(`table ${item.name}: ${loaded} rows in the file, the header says ${item.rows} (truncated?)`);
          total += loaded;
          tables++;
        }
        if (!end) throw new BackupError(`${file} ends before its end line: truncated, nothing was restored`);
        if (end.rows !== total || end.tables !== tables) throw new BackupError(`${file}: ${total} rows in ${tables} tables, the end line says ${end.rows} in ${end.tables}`);
        for (const s of end.sequences) if (s.value !== null) await conn.query('select setval($1::regclass, $2)', [quote(s.name), s.value]);
      }
    });
    const after = await runMigrations(database, dir);
    return { tables, rows: total, migratedAfter: after.applied, dataKeyId: header.dataKeyId, isFastPath };
  } finally {
    lines.close();
  }
}


function parseHeader(line: string | undefined): Header {
  let header: Header | undefined;
  try {
    header = line ? (JSON.parse(line) as Header) : undefined;
  } catch {
    header = undefined;
  }
  if (!header || header.t !== 'header' || header.format !== BACKUP_FORMAT) throw new BackupError('not a Niangjia backup (no header line)');
  if (header.version > BACKUP_VERSION) throw new BackupError(`backup format ${header.version} is newer than this release understands (${BACKUP_VERSION})`);
  return header;
}

/** Restore only into a database with no rows in any table (a fresh one, or one just migrated). */
/** Tables whose first rows a migration inserts (reference data): part of an empty database. */
export const MIGRATION_SEEDED_TABLES: readonly string[] = ['voice_category'];

async function assertEmpty(database: Database): Promise<void> {
  const tables = await database.query<{ name: string }>("select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r','p') and c.relname <> 'schema_migration'");
  for (const t of tables.filter((x) => !MIGRATION_SEEDED_TABLES.includes(x.name))) {
    const rows = await database.query(`select 1 from ${quote(t.name)} limit 1`);
    if (rows.length) throw new BackupError(`The target database is not empty (table ${t.name} has rows): restore into a new, empty database. (目标数据库不是空的，请恢复到新建的空数据库。)`);
  }
}

/** With the replica role, triggers and foreign-key checks are skipped while loading (needs a superuser). */
async function tryReplicaRole(conn: Conn): Promise<boolean> {
  await conn.query('savepoint replica_role');
  try {
    await conn.query('set local session_replication_role = replica');
    await conn.query('release savepoint replica_role');
    return true;
  } catch {
    await conn.query('rollback to savepoint replica_role');
    return false;
  }
}

async function isSelfReferencing(conn: Conn, table: string): Promise<boolean> {
  const rows = await conn.query("select 1 from pg_constraint where contype = 'f' and conrelid = $1::regclass and confrelid = conrelid", [quote(table)]);
  return rows.length > 0;
}
