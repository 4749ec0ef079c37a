import crypto from 'node:crypto';
import pg from 'pg';

/** Which database the integration tests run on: PGlite by default, PostgreSQL when asked. */
export function testDbKind(): 'pglite' | 'postgres' {
  const kind = process.env.NIANGJIA_TEST_DB ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`NIANGJIA_TEST_DB must be pglite or postgres, not ${kind}`);
  if (kind === 'postgres' && !process.env.TEST_DATABASE_URL) {
    throw new Error('NIANGJIA_TEST_DB=postgres needs TEST_DATABASE_URL (a PostgreSQL server the tests may create databases on)');
  }
  return kind;
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
export async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

export const randomDbName = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
