import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache';

function cacheAt(clock: { ms: number }, opts: { ttlMs?: number; maxEntries?: number } = {}) {
  const cache = createSessionCache<string>({ ttlMs: opts.ttlMs ?? 1000, maxEntries: opts.maxEntries ?? 3, now: () => clock.ms });
  cache.setLive(true);
  return cache;
}

describe('session cache', () => {
  it('holds nothing until live, and forgets everything when it stops hearing invalidations', () => {
    const clock = { ms: 0 };
    const cache = createSessionCache<string>({ ttlMs: 1000, maxEntries: 3, now: () => clock.ms });
    cache.set('a', 'u1', 'A', cache.generation());
    expect(cache.get('a')).toBeUndefined();
    cache.setLive(true);
    cache.set('a', 'u1', 'A', cache.generation());
    expect(cache.get('a')).toBe('A');
    cache.setLive(false);
    expect(cache.get('a')).toBeUndefined();
    cache.setLive(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops entries older than the TTL', () => {
    const clock = { ms: 0 };
    const cache = cacheAt(clock);
    cache.set('a', 'u1', 'A', cache.generation());
    clock.ms = 1000;
    expect(cache.get('a')).toBe('A');
    clock.ms = 1001;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const cache = cacheAt({ ms: 0 });
    for (const k of ['a', 'b', 'c']) cache.set(k, `u-${k}`, k.toUpperCase(), cache.generation());
    expect(cache.get('a')).toBe('A'); // a is now the most recent; b the least
    cache.set('d', 'u-d', 'D', cache.generation());
    expect(cache.size()).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('d')).toBe('D');
  });

  it("a user's notification drops all of their sessions and nobody else's; '*' drops all", () => {
    const cache = cacheAt({ ms: 0 });
    cache.set('a1', 'u1', 'A1', cache.generation());
    cache.set('a2', 'u1', 'A2', cache.generation());
    cache.set('b', 'u2', 'B', cache.generation());
    cache.handleNotification('u1');
    expect(cache.get('a1')).toBeUndefined();
    expect(cache.get('a2')).toBeUndefined();
    expect(cache.get('b')).toBe('B');
    cache.handleNotification('*');
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not store a read that started before an invalidation arrived', () => {
    const cache = cacheAt({ ms: 0 });
    const before = cache.generation();
    cache.handleNotification('u1'); // arrives while the read is in flight
    cache.set('a', 'u1', 'stale', before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'u1', 'fresh', cache.generation());
    expect(cache.get('a')).toBe('fresh');
  });

  it('a TTL or size of 0 turns it off', () => {
    const off = cacheAt({ ms: 0 }, { ttlMs: 0 });
    off.set('a', 'u1', 'A', off.generation());
    expect(off.get('a')).toBeUndefined();
    const none = cacheAt({ ms: 0 }, { maxEntries: 0 });
    none.set('a', 'u1', 'A', none.generation());
    expect(none.size()).toBe(0);
  });
});
