import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database } from '../db/client';

/**
 * LISTENs on a PostgreSQL channel in this instance and hands each payload to `onPayload`: a
 * dedicated connection that reconnects after a drop on PostgreSQL, PGlite's own listen/notify in
 * embedded mode. NOTIFY is sent inside the writing transaction, so only committed changes arrive,
 * on every instance.
 */
export type NotifyListener = { start(): Promise<void>; stop(): Promise<void> };

export function createNotifyListener(database: Database, channel: string, onPayload: (payload: string) => void, log?: FastifyBaseLogger): NotifyListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  let stopped = false;
  let stopFn: (() => Promise<void>) | null = null;
  const dispatch = (payload: string) => {
    try {
      onPayload(payload);
    } catch (error) {
      log?.warn({ err: error, channel }, 'notification listener failed');
    }
  };

  async function startPg(url: string) {
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const connect = async () => {
      if (stopped) return;
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (m) => m.channel === channel && m.payload !== undefined && dispatch(m.payload));
      c.on('error', (error) => {
        log?.warn({ err: error, channel }, 'notification connection lost; reconnecting');
        void c.end().catch(() => undefined);
        if (client === c) client = null;
        if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
        // After a reconnect, listeners refresh: what happened meanwhile was not heard.
        dispatch('');
      });
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
    };
    await connect();
    stopFn = async () => {
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  }

  return {
    async start() {
      stopped = false;
      if (database.kind === 'pglite' && database.pglite) {
        const unsub = await database.pglite.listen(channel, dispatch);
        stopFn = async () => {
          if (!database.pglite!.closed) await unsub();
        };
      } else if (database.pool) {
        const url = (database.pool.options as { connectionString?: string }).connectionString;
        if (url) await startPg(url);
      }
    },
    async stop() {
      stopped = true;
      await stopFn?.();
      stopFn = null;
    },
  };
}
