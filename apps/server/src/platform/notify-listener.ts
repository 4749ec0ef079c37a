import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Db } from '../db/client';

type Logger = { warn(obj: object, msg: string): void };

export type NotifyListener = { start(): Promise<void>; stop(): Promise<void> };

/**
 * LISTENs on one channel for the whole instance and hands each payload to `onPayload`. On a
 * PostgreSQL server it keeps a dedicated connection (outside the pool) and reconnects after a
 * drop — retrying until it succeeds — then calls `onReconnect` so subscribers can catch up on what
 * they missed meanwhile; on PGlite it uses the embedded database's own listen/notify. NOTIFY is
 * sent inside the writing transaction (`sendNotify`), so only committed changes arrive, on every
 * instance. This is the project's one LISTEN loop: the fund's live screen, the district screen
 * and the notification bells all use it.
 */
export function createNotifyListener(
  database: Database,
  channel: string,
  onPayload: (payload: string) => void,
  { log, onReconnect, onDisconnect, retryMs = 1000 }: { log?: Logger; onReconnect?: () => void; onDisconnect?: () => void; retryMs?: number } = {},
): NotifyListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let isStopped = false;
  let stopFn: (() => Promise<void>) | null = null;
  // One failing subscriber must not stop the others, nor the connection's event loop.
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      log?.warn({ err: error, channel }, 'notification listener failed');
    }
  };
  const dispatch = (payload: string) => guard(() => onPayload(payload));

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
        if (m.channel === channel && m.payload !== undefined) dispatch(m.payload);
      });
      c.on('error', (error) => {
        log?.warn({ err: error, channel }, 'notification connection lost; reconnecting');
        // Whatever is sent until the reconnect is missed: subscribers that cache must stop trusting it now.
        if (client === c && onDisconnect) guard(onDisconnect);
        void c.end().catch(() => undefined);
        if (client === c) client = null;
        reconnectLater();
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      if (isReconnect && onReconnect) guard(onReconnect);
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
        const unsubscribe = await pglite.listen(channel, dispatch);
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
export async function sendNotify(db: Db, channel: string, payloads: readonly string[]): Promise<void> {
  if (!payloads.length) return;
  await db.execute(sql`select pg_notify(${channel}, x) from unnest(${sql.param(payloads)}::text[]) as x`);
}
