import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Db } from '../db/client';

type Logger = { warn(obj: object, msg: string): void };

export type PgListener = { start(): Promise<void>; stop(): Promise<void> };

/**
 * LISTENs on one channel for the whole instance and hands each payload to `onPayload`. On a
 * PostgreSQL server it keeps a dedicated connection (outside the pool) and reconnects after a
 * drop, calling `onReconnect` so subscribers can catch up on what they missed; on PGlite it uses
 * the embedded database's own listen/notify. NOTIFY sent inside a transaction arrives only if the
 * transaction commits, so a rolled-back change is never announced.
 */
export function createPgListener(
  database: Database,
  channel: string,
  onPayload: (payload: string) => void,
  { log, onReconnect, retryMs = 1000 }: { log?: Logger; onReconnect?: () => void; retryMs?: number } = {},
): PgListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let isStopped = false;
  let stopFn: (() => Promise<void>) | null = null;

  async function startPg(url: string) {
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const connect = async (isReconnect: boolean) => {
      if (isStopped) return;
      const c = new pg.Client({ connectionString: url });
      const reconnectLater = () => {
        if (!isStopped) retry = setTimeout(() => void connect(true).catch(() => reconnectLater()), retryMs);
      };
      c.on('notification', (m) => {
        if (m.channel === channel && m.payload) onPayload(m.payload);
      });
      c.on('error', (error) => {
        log?.warn({ err: error, channel }, 'live connection lost; reconnecting');
        void c.end().catch(() => undefined);
        if (client === c) client = null;
        reconnectLater();
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      if (isReconnect) onReconnect?.();
    };
    await connect(false);
    stopFn = async () => {
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  }

  return {
    async start() {
      isStopped = false;
      if (database.kind === 'pglite' && database.pglite) {
        const pglite = database.pglite;
        const unsubscribe = await pglite.listen(channel, onPayload);
        stopFn = async () => {
          if (!pglite.closed) await unsubscribe();
        };
      } else if (database.pool) {
        const url = (database.pool.options as { connectionString?: string }).connectionString;
        if (url) await startPg(url);
      }
    },
    async stop() {
      isStopped = true;
      await stopFn?.();
      stopFn = null;
    },
  };
}

/**
 * Sends payloads on a channel inside the caller's transaction (delivered when it commits, never if
 * it rolls back). PostgreSQL limits a payload to 8,000 bytes: callers keep theirs small.
 */
export async function notifyChannel(db: Db, channel: string, payloads: readonly string[]): Promise<void> {
  if (!payloads.length) return;
  await db.execute(sql`select pg_notify(${channel}, x) from unnest(${sql.param(payloads)}::text[]) as x`);
}
