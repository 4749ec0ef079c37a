import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { decryptField, type DataKeys } from '../../platform/pii';
import { safeEqual } from '../../platform/secrets';
import type { RuleLike } from './contribution';
import { rowsOf } from './ledger';
import { canonicalPosString, computePosSignature, POS_CLOCK_SKEW_SECONDS } from './pos-signing';

/** The terminal a signed request came from. */
export type PosCaller = {
  terminalId: string;
  shopId: string;
  shopCode: string;
  shopName: string;
  shopStatus: string;
  fundId: string;
  positionId: string;
  stationName: string;
  /** Read with the key (one round trip instead of three): the shop's rules and ledger account ids, which never change once created. */
  rules?: RuleLike[];
  accounts?: { collected: string; shop: string };
};

export const TERMINAL_SECRET_PURPOSE = 'pos_terminal.secret';
const NONCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Nonces are kept twice the clock window: a request older than that is refused as stale anyway. */
const NONCE_KEEP_SECONDS = 2 * POS_CLOCK_SKEW_SECONDS;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Verifies a POS request (contract v1): key, timestamp window, HMAC over method, path,
 * timestamp, nonce and body hash, then records the nonce in the database so a replay is refused
 * on every instance. Any failure is a 401 problem.
 */
export async function verifyPosRequest(db: Db, dataKeys: DataKeys, request: FastifyRequest, rawBody: string, now: Date = new Date()): Promise<PosCaller> {
  const keyId = header(request, 'x-pos-key-id');
  const timestamp = header(request, 'x-pos-timestamp');
  const nonce = header(request, 'x-pos-nonce');
  const signature = header(request, 'x-pos-signature');
  if (!keyId || !timestamp || !nonce || !signature) throw new AppError('POS_SIGNATURE_MISSING', { status: 401 });
  if (!/^\d{9,11}$/.test(timestamp) || !NONCE_PATTERN.test(nonce) || !/^[0-9a-f]{64}$/.test(signature)) throw new AppError('POS_SIGNATURE_INVALID', { status: 401 });
  const [row] = rowsOf<PosCaller & { secretEnc: string; status: string; collected: string | null; shopAccount: string | null; ruleRows: RuleLike[] | null }>(
    await db.execute(sql`select t.id as "terminalId", t.secret_enc as "secretEnc", t.status, s.id as "shopId", s.code as "shopCode", s.name as "shopName", s.status as "shopStatus",
        s.fund_id as "fundId", s.position_id as "positionId", p.name as "stationName",
        (select a.id from fund_account a where a.fund_id = s.fund_id and a.kind = 'collected') as collected,
        (select a.id from fund_account a where a.shop_id = s.id and a.kind = 'shop_contributions') as "shopAccount",
        (select json_agg(json_build_object('kind', r.kind, 'fixedFen', r.fixed_fen, 'bps', r.bps, 'capFen', r.cap_fen, 'effectiveFrom', r.effective_from::text)) from contribution_rule r where r.shop_id = s.id) as "ruleRows"
      from pos_terminal t join fund_shop s on s.id = t.shop_id join position p on p.id = s.position_id where t.key_id = ${keyId}`),
  );
  if (!row || row.status === 'revoked') throw new AppError('POS_KEY_UNKNOWN', { status: 401 });
  const secret = decryptField(dataKeys, TERMINAL_SECRET_PURPOSE, row.secretEnc);
  const expected = computePosSignature(secret, canonicalPosString(request.method, request.url, timestamp, nonce, rawBody));
  if (!safeEqual(expected, signature)) throw new AppError('POS_SIGNATURE_INVALID', { status: 401 });
  // Told only to the terminal itself (after its signature): its shop is closed, so it is suspended.
  if (row.status !== 'active') throw new AppError('POS_TERMINAL_SUSPENDED', { status: 403 });
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > POS_CLOCK_SKEW_SECONDS) throw new AppError('POS_TIMESTAMP_STALE', { status: 401 });
  const fresh = rowsOf(await db.execute(sql`insert into pos_nonce (terminal_id, nonce) values (${row.terminalId}, ${nonce}) on conflict do nothing returning 1 as ok`));
  if (!fresh.length) throw new AppError('POS_NONCE_REPLAYED', { status: 401 });
  // Housekeeping without a scheduler: now and then a request clears nonces past the window,
  // and the terminal's last-seen time is refreshed at most once a minute.
  if (Math.random() < 0.01) await db.execute(sql`delete from pos_nonce where seen_at < now() - make_interval(secs => ${NONCE_KEEP_SECONDS})`);
  await db.execute(sql`update pos_terminal set last_seen_at = now() where id = ${row.terminalId} and (last_seen_at is null or last_seen_at < now() - interval '1 minute')`);
  const { secretEnc: _s, status: _st, collected, shopAccount, ruleRows, ...caller } = row;
  const rules = (ruleRows ?? []).map((r) => ({ ...r, fixedFen: r.fixedFen == null ? null : Number(r.fixedFen), capFen: r.capFen == null ? null : Number(r.capFen) }));
  return { ...caller, rules, ...(collected && shopAccount ? { accounts: { collected, shop: shopAccount } } : {}) };
}
