/** The channel the database's triggers (migration 0032) notify when what the auth hook reads changes. */
export const SESSION_CACHE_CHANNEL = 'session_cache';

type Entry<T> = { value: T; userId: string; storedAt: number };

export type SessionCache<T> = {
  /** The cached value, or undefined when absent, older than the TTL or the cache is not live. */
  get(key: string): T | undefined;
  /**
   * The invalidation count to hand back to `set`: a read that started before an invalidation
   * arrived may carry what was just invalidated, so it is not stored.
   */
  generation(): number;
  set(key: string, userId: string, value: T, generationAtRead: number): void;
  forget(key: string): void;
  forgetUser(userId: string): void;
  forgetAll(): void;
  /** A notification's payload: a user's id, or '*' for everything. */
  handleNotification(payload: string): void;
  /** Only while invalidations can arrive (the listener is connected) does the cache hold anything. */
  setLive(isLive: boolean): void;
  size(): number;
};

/**
 * A bounded LRU of resolved sessions keyed by the token's hash (never the token), with a short TTL
 * as a safety net. It is a cache only: every instance drops a user's entries when the database says
 * they changed (LISTEN/NOTIFY), and holds nothing while it cannot hear that, so correctness never
 * rests on one process's memory.
 */
export function createSessionCache<T>({ ttlMs, maxEntries, now = () => performance.now() }: { ttlMs: number; maxEntries: number; now?: () => number }): SessionCache<T> {
  const entries = new Map<string, Entry<T>>();
  const keysByUser = new Map<string, Set<string>>();
  let invalidations = 0;
  let isLive = false;
  const isEnabled = () => isLive && ttlMs > 0 && maxEntries > 0;

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const keys = keysByUser.get(entry.userId);
    keys?.delete(key);
    if (keys?.size === 0) keysByUser.delete(entry.userId);
  }

  function forgetUser(userId: string) {
    invalidations++;
    for (const key of keysByUser.get(userId) ?? []) entries.delete(key);
    keysByUser.delete(userId);
  }

  function forgetAll() {
    invalidations++;
    entries.clear();
    keysByUser.clear();
  }

  return {
    get(key) {
      if (!isEnabled()) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.storedAt > ttlMs) {
        remove(key);
        return undefined;
      }
      // Most recently used goes last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    generation: () => invalidations,
    set(key, userId, value, generationAtRead) {
      if (!isEnabled() || generationAtRead !== invalidations) return;
      remove(key);
      entries.set(key, { value, userId, storedAt: now() });
      let keys = keysByUser.get(userId);
      if (!keys) keysByUser.set(userId, (keys = new Set()));
      keys.add(key);
      while (entries.size > maxEntries) remove(entries.keys().next().value!);
    },
    forget: (key) => {
      invalidations++;
      remove(key);
    },
    forgetUser,
    forgetAll,
    handleNotification(payload) {
      if (payload === '*') forgetAll();
      else forgetUser(payload);
    },
    setLive(live) {
      isLive = live;
      if (!live) forgetAll();
    },
    size: () => entries.size,
  };
}
