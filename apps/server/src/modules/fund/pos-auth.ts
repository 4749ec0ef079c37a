import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { decryptField, type DataKeys } from '../../platform/pii';
import { TERMINAL_NONCE_KEEP_SECONDS, verifyTerminalSignature } from '../../platform/terminal-auth';
import type { RuleLike } from './contribution';
import { rowsOf } from './ledger';

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
/** Nonces are kept twice the clock window: a request older than that is refused as stale anyway. */
const NONCE_KEEP_SECONDS = TERMINAL_NONCE_KEEP_SECONDS;

/**
 * Verifies a POS request's signature (contract v1, the platform's terminal signing): key,
 * timestamp window, HMAC over method, path, timestamp, nonce and body hash. Any failure is a 401
 * problem. The nonce is NOT recorded here: the caller records it, in the transaction that acts on
 * the request (recordNonces), or through verifyPosRequest.
 */
export async function verifyPosSignature(db: Db, dataKeys: DataKeys, request: FastifyRequest, rawBody: string, now: Date = new Date()): Promise<{ caller: PosCaller; nonce: string }> {
  const { terminal, nonce } = await verifyTerminalSignature(
    {
      headers: 'x-pos',
      codes: 'POS',
      findKey: async (keyId) => {
        const row = await loadTerminal(db, keyId);
        if (!row) return undefined;
        // Told only to the terminal itself (after its signature): its shop is closed, so it is suspended.
        return { status: row.status, row, get secret() { return decryptField(dataKeys, TERMINAL_SECRET_PURPOSE, row.secretEnc); } };
      },
    },
    request,
    rawBody,
    now,
  );
  return { caller: callerOf(terminal), nonce };
}

type TerminalRow = PosCaller & { secretEnc: string; status: string; collected: string | null; shopAccount: string | null; ruleRows: RuleLike[] | null };

/** A terminal by its key id, with its shop, station, rules and ledger accounts: one round trip. */
async function loadTerminal(db: Db, keyId: string): Promise<TerminalRow | undefined> {
  const [row] = rowsOf<TerminalRow>(
    await db.execute(sql`select t.id as "terminalId", t.secret_enc as "secretEnc", t.status, s.id as "shopId", s.code as "shopCode", s.name as "shopName", s.status as "shopStatus",
        s.fund_id as "fundId", s.position_id as "positionId", p.name as "stationName",
        (select a.id from fund_account a where a.fund_id = s.fund_id and a.kind = 'collected') as collected,
        (select a.id from fund_account a where a.shop_id = s.id and a.kind = 'shop_contributions') as "shopAccount",
        (select json_agg(json_build_object('kind', r.kind, 'fixedFen', r.fixed_fen, 'bps', r.bps, 'capFen', r.cap_fen, 'effectiveFrom', r.effective_from::text)) from contribution_rule r where r.shop_id = s.id) as "ruleRows"
      from pos_terminal t join fund_shop s on s.id = t.shop_id join position p on p.id = s.position_id where t.key_id = ${keyId}`),
  );
  return row;
}

function callerOf(row: TerminalRow): PosCaller {
  const { secretEnc: _s, status: _st, collected, shopAccount, ruleRows, ...caller } = row;
  const rules = (ruleRows ?? []).map((r) => ({ ...r, fixedFen: r.fixedFen == null ? null : Number(r.fixedFen), capFen: r.capFen == null ? null : Number(r.capFen) }));
  return { ...caller, rules, ...(collected && shopAccount ? { accounts: { collected, shop: shopAccount } } : {}) };
}

/** The caller a terminal's signed request would have (tests and tools that act as a terminal without HTTP). */
export async function posCallerOf(db: Db, keyId: string): Promise<PosCaller | undefined> {
  const row = await loadTerminal(db, keyId);
  return row && callerOf(row);
}

/**
 * Records requests' nonces (one statement for many), so a replay is refused on every instance;
 * returns the index of each request whose nonce was seen before — including a second request with
 * the same terminal and nonce in the same list. Refreshes the terminals' last-seen time at most
 * once a minute (one statement for all of them).
 */
export async function recordNonces(db: Db, requests: readonly { terminalId: string; nonce: string }[]): Promise<Set<number>> {
  const replayed = new Set<number>();
  const first = new Map<string, number>();
  requests.forEach((r, i) => {
    const key = `${r.terminalId} ${r.nonce}`;
    if (first.has(key)) replayed.add(i);
    else first.set(key, i);
  });
  const unique = [...first.values()].map((i) => requests[i]!);
  const stored = new Set(
    rowsOf<{ terminal_id: string; nonce: string }>(
      await db.execute(sql`insert into pos_nonce (terminal_id, nonce) select * from unnest(${sql.param(unique.map((r) => r.terminalId))}::uuid[], ${sql.param(unique.map((r) => r.nonce))}::text[])
        on conflict do nothing returning terminal_id, nonce`),
    ).map((r) => `${r.terminal_id} ${r.nonce}`),
  );
  for (const [key, i] of first) if (!stored.has(key)) replayed.add(i);
  const terminals = [...new Set(requests.map((r) => r.terminalId))].sort();
  await db.execute(sql`update pos_terminal set last_seen_at = now() where id = any(${sql.param(terminals)}::uuid[]) and (last_seen_at is null or last_seen_at < now() - interval '1 minute')`);
  return replayed;
}

/** Now and then (one call in a hundred) clears nonces past the window: housekeeping without a scheduler, outside any transaction. */
export async function sweepNonces(db: Db): Promise<void> {
  if (Math.random() < 0.01) await db.execute(sql`delete from pos_nonce where seen_at < now() - make_interval(secs => ${NONCE_KEEP_SECONDS})`);
}

/** verifyPosSignature, then the nonce recorded on its own (the routes that do not group requests). */
export async function verifyPosRequest(db: Db, dataKeys: DataKeys, request: FastifyRequest, rawBody: string, now: Date = new Date()): Promise<PosCaller> {
  const { caller, nonce } = await verifyPosSignature(db, dataKeys, request, rawBody, now);
  const replayed = await recordNonces(db, [{ terminalId: caller.terminalId, nonce }]);
  if (replayed.size) throw new AppError('POS_NONCE_REPLAYED', { status: 401 });
  await sweepNonces(db);
  return caller;
}
