import type { Database } from '../../db/client';
import { createNotifyListener } from '../notify-listener';
import { NOTIFY_CHANNEL, type LiveSignal } from './notify';

type Logger = { warn(obj: object, msg: string): void };

/** What an open stream is told: fetch your messages again, or your 待办 again. */
export type LiveEvent = 'notifications' | 'todos';

type Subscriber = {
  /** Org paths of the person's staff grants ('all' for a global grant); workers have none. */
  paths: 'all' | string[];
  send(event: LiveEvent): void;
};

/** Open streams per person per instance; a further one closes the oldest (a tab left open many times). */
const MAX_STREAMS_PER_USER = 5;

/**
 * This instance's open message streams, fed by one LISTEN connection. A signal names users (new or
 * read messages) or an org path (to-dos changed there); only the ids travel, never the text, so a
 * stream can tell nothing its owner could not fetch. After a lost connection every stream is told
 * to fetch again, which catches up whatever was missed.
 */
export function createNotificationHub(database: Database, log?: Logger) {
  const byUser = new Map<string, Set<Subscriber & { close(): void }>>();

  const each = (fn: (userId: string, s: Subscriber) => void) => {
    for (const [userId, set] of byUser) for (const s of set) fn(userId, s);
  };

  function dispatch(payload: string) {
    let signal: LiveSignal;
    try {
      signal = JSON.parse(payload) as LiveSignal;
    } catch {
      return;
    }
    if (signal.t === 'n') {
      for (const userId of signal.u) for (const s of byUser.get(userId) ?? []) s.send('notifications');
    } else if (signal.t === 't') {
      // Staff whose grants cover the changed org, or lie under it (their view of it changed too).
      each((_, s) => {
        if (s.paths === 'all' || s.paths.some((p) => signal.p.startsWith(p) || p.startsWith(signal.p))) s.send('todos');
      });
    }
  }

  const listener = createNotifyListener(database, NOTIFY_CHANNEL, dispatch, {
    log,
    onReconnect: () =>
      each((_, s) => {
        s.send('notifications');
        s.send('todos');
      }),
  });

  return {
    start: () => listener.start(),
    stop: () => listener.stop(),
    /** Adds a stream; returns its unsubscribe. `close` is called if a newer stream pushes it out. */
    subscribe(userId: string, subscriber: Subscriber & { close(): void }): () => void {
      let set = byUser.get(userId);
      if (!set) byUser.set(userId, (set = new Set()));
      if (set.size >= MAX_STREAMS_PER_USER) {
        const oldest = set.values().next().value!;
        set.delete(oldest);
        oldest.close();
      }
      set.add(subscriber);
      return () => {
        set.delete(subscriber);
        if (!set.size) byUser.delete(userId);
      };
    },
    streamCount: () => [...byUser.values()].reduce((n, s) => n + s.size, 0),
  };
}

export type NotificationHub = ReturnType<typeof createNotificationHub>;
