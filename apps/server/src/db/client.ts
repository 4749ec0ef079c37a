import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A drizzle handle: the database or a transaction in it. Only repositories use it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs a multi-statement SQL script (migrations). */
  exec(sqlText: string): Promise<void>;
  /** A single parameterised query returning rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
};

// bigint columns come back as strings by default; every count and fen amount we keep fits in
// Number.MAX_SAFE_INTEGER (9e15 fen = 90 trillion yuan), so parse int8 as number.
pg.types.setTypeParser(20, (v) => Number(v));

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Load a PGlite data-directory dump (tests migrate once and load the dump per file). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
};

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // No JIT: every statement here is short, and a figure over a district's 2,501 orgs is costed
    // past jit_above_cost, so PostgreSQL spent ~20 ms (far more on a busy machine) compiling a
    // query that then ran in ~50 ms. A startup option, so it holds from the first statement.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c jit=off' });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    await pool.query('select 1');
    return {
      db,
      kind: 'postgres',
      pool,
      async exec(sqlText) {
        const client = await pool.connect();
        try {
          await client.query(sqlText);
        } catch (error) {
          // A failed multi-statement script leaves its transaction open on this connection.
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      async query(sqlText, params) {
        const r = await pool.query(sqlText, params as unknown[]);
        return r.rows;
      },
      async close() {
        await pool.end();
      },
    };
  }
  let dataDir: string | undefined;
  let releaseLock = () => undefined as void;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(opts.dataDir);
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { 20: (v: string) => Number(v) },
  });
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite,
    async exec(sqlText) {
      await pglite.exec(sqlText);
    },
    async query(sqlText, params) {
      const r = await pglite.query(sqlText, params as unknown[]);
      return r.rows as never[];
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}

export class DatabaseInUseError extends Error {}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A pid file keeps the CLI from opening it while the server runs.
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'pglite.pid');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseInUseError(
        `The embedded database in ${dir} is in use by process ${pid}. Stop the server first, or use DATABASE_URL. ` +
          `(内嵌数据库正被进程 ${pid} 使用，请先停止服务器。)`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw error;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(fs.readFileSync(file, 'utf8')) === process.pid) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
