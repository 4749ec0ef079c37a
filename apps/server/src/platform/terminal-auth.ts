import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { AppError } from './errors';
import { safeEqual } from './secrets';
import { canonicalTerminalString, computeTerminalSignature, TERMINAL_CLOCK_SKEW_SECONDS, type TerminalHeaderPrefix } from './terminal-signing';

const NONCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Nonces are kept twice the clock window: a request older than that is refused as stale anyway. */
export const TERMINAL_NONCE_KEEP_SECONDS = 2 * TERMINAL_CLOCK_SKEW_SECONDS;

/** A terminal's key row as the verifier needs it: its secret (decrypted by the caller's lookup) and status. */
export type TerminalKey<T> = { secret: string; status: string; row: T };

export type TerminalVerifier<T> = {
  /** x-pos, x-canteen: the headers' prefix. */
  headers: TerminalHeaderPrefix;
  /** The error codes' prefix (POS → POS_SIGNATURE_MISSING, …); each module registers its own messages. */
  codes: 'POS' | 'CANTEEN';
  /** The terminal of a key id, or undefined; status 'revoked' is refused as an unknown key, any other but 'active' as suspended. */
  findKey: (keyId: string) => Promise<TerminalKey<T> | undefined>;
};

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Verifies a signed terminal request (contract v1): key, timestamp window, HMAC over method, path,
 * timestamp, nonce and body hash. Any failure is a 401 problem (a suspended terminal, told only
 * after its signature, a 403). The nonce is NOT recorded here: the caller records it, in the
 * transaction that acts on the request.
 */
export async function verifyTerminalSignature<T>(verifier: TerminalVerifier<T>, request: FastifyRequest, rawBody: string, now: Date = new Date()): Promise<{ terminal: T; nonce: string }> {
  const { headers: h, codes: c } = verifier;
  const keyId = header(request, `${h}-key-id`);
  const timestamp = header(request, `${h}-timestamp`);
  const nonce = header(request, `${h}-nonce`);
  const signature = header(request, `${h}-signature`);
  if (!keyId || !timestamp || !nonce || !signature) throw new AppError(`${c}_SIGNATURE_MISSING`, { status: 401 });
  if (!/^\d{9,11}$/.test(timestamp) || !NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/.test(signature) || keyId.length > 100) throw new AppError(`${c}_SIGNATURE_INVALID`, { status: 401 });
  const key = await verifier.findKey(keyId);
  if (!key || key.status === 'revoked') throw new AppError(`${c}_KEY_UNKNOWN`, { status: 401 });
  const expected = computeTerminalSignature(key.secret, canonicalTerminalString(request.method, request.url, timestamp, nonce, rawBody));
  if (!safeEqual(expected, signature)) throw new AppError(`${c}_SIGNATURE_INVALID`, { status: 401 });
  if (key.status !== 'active') throw new AppError(`${c}_TERMINAL_SUSPENDED`, { status: 403 });
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TERMINAL_CLOCK_SKEW_SECONDS) throw new AppError(`${c}_TIMESTAMP_STALE`, { status: 401 });
  return { terminal: key.row, nonce };
}

/**
 * Records one request's nonce in a terminal kind's nonce table (terminal_id, nonce primary key,
 * seen_at): false when it was seen before, on any instance. Run it in the transaction that acts on
 * the request: a replay waits for the first to commit, then finds its nonce taken.
 */
export async function recordTerminalNonce(db: Db, table: 'pos_nonce' | 'canteen_terminal_nonce', terminalId: string, nonce: string): Promise<boolean> {
  const rows = await db.execute(sql`insert into ${sql.identifier(table)} (terminal_id, nonce) values (${terminalId}, ${nonce}) on conflict do nothing returning 1 as ok`);
  return rowsOf(rows).length === 1;
}

/** Now and then (one call in a hundred) clears a nonce table past the window: housekeeping without a scheduler. */
export async function sweepTerminalNonces(db: Db, table: 'pos_nonce' | 'canteen_terminal_nonce', random: () => number = Math.random): Promise<void> {
  if (random() < 0.01) await db.execute(sql`delete from ${sql.identifier(table)} where seen_at < now() - make_interval(secs => ${TERMINAL_NONCE_KEEP_SECONDS})`);
}
