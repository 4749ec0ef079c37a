import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from './errors';
import { rateLimit } from './platform.tables';

export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

/**
 * Fixed-window counter in PostgreSQL, so every app instance behind the load balancer shares
 * it. One upsert per check; the row for a key is reused window after window.
 */
export async function hitRateLimit(db: Db, rule: RateLimitRule, now = new Date()): Promise<{ allowed: boolean; retryAfter: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db
    .insert(rateLimit)
    .values({ key: rule.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${rateLimit.windowStart} = excluded.window_start then ${rateLimit.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimit.count });
  const count = rows[0]?.count ?? 0;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, retryAfter };
}

export async function enforceRateLimit(db: Db, rule: RateLimitRule, now = new Date()): Promise<void> {
  const { allowed, retryAfter } = await hitRateLimit(db, rule, now);
  if (!allowed) {
    throw new AppError('RATE_LIMITED', { params: { seconds: retryAfter }, headers: { 'retry-after': String(retryAfter) } });
  }
}
