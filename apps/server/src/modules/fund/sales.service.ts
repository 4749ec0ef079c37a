import { randomUUID } from 'node:crypto';
import { posRefundSchema, posSaleSchema, type FundLiveEvent, type PosSale, type PosSaleResult } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { t, type Lang } from '../../platform/i18n';
import { contributionFor, ruleOn, shanghaiDay, type RuleLike } from './contribution';
import { postEntries, reversePostings, rowsOf, type EntryInput } from './ledger';
import { condenseEvents, notifyLive } from './live';
import type { PosCaller } from './pos-auth';

/** A sale may be stamped at most this far ahead of the server clock (terminal clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export type PosRefundResult = { refundId: string; saleId: string; status: 'accepted' | 'duplicate' | 'rejected'; reversedFen: number | null; entryId: string | null; code: string | null; message: string | null };

type Accounts = { collected: string; shop: string };

export async function getShopAccounts(db: Db, fundId: string, shopId: string): Promise<Accounts> {
  const rows = rowsOf<{ id: string; kind: string }>(
    await db.execute(sql`select id, kind from fund_account where fund_id = ${fundId} and (kind = 'collected' or (kind = 'shop_contributions' and shop_id = ${shopId}))`),
  );
  const collected = rows.find((r) => r.kind === 'collected')?.id;
  const shop = rows.find((r) => r.kind === 'shop_contributions')?.id;
  if (!collected || !shop) throw new Error(`fund ${fundId} or shop ${shopId} has no ledger accounts`);
  return { collected, shop };
}

export async function listShopRules(db: Db, shopId: string): Promise<RuleLike[]> {
  return rowsOf<RuleLike>(
    await db.execute(sql`select kind, fixed_fen as "fixedFen", bps, cap_fen as "capFen", effective_from::text as "effectiveFrom" from contribution_rule where shop_id = ${shopId}`),
  ).map((r) => ({ ...r, fixedFen: r.fixedFen == null ? null : Number(r.fixedFen), capFen: r.capFen == null ? null : Number(r.capFen) }));
}

const rejected = (saleId: string, code: string, lang: Lang, message?: string): PosSaleResult => ({ saleId, status: 'rejected', contributionFen: null, entryId: null, code, message: message ?? t(lang, code) });

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

type GoodSale = { index: number; sale: PosSale; contributionFen: number; entryId: string; rowId: string; soldAt: Date };

/** One request's sales, judged before the transaction: results so far, the sales to write, repeats within it. */
export type JudgedSales = {
  caller: PosCaller;
  lang: Lang;
  results: (PosSaleResult | null)[];
  good: GoodSale[];
  /** A sale id a second time in the request (or in another request of the same write): answered as its first. */
  repeats: { index: number; of: { judged: JudgedSales; index: number } }[];
};

/** Judges a request's sales on their own: shape, shop open, not in the future, a rule on the day, repeats. */
export function judgeSales(caller: PosCaller, rules: readonly RuleLike[], raw: readonly unknown[], lang: Lang, now: Date): JudgedSales {
  const judged: JudgedSales = { caller, lang, results: new Array<PosSaleResult | null>(raw.length).fill(null), good: [], repeats: [] };
  const seenInBatch = new Map<string, number>();
  raw.forEach((item, index) => {
    const parsed = posSaleSchema.safeParse(item);
    const saleId = typeof (item as { saleId?: unknown })?.saleId === 'string' ? (item as { saleId: string }).saleId : '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      judged.results[index] = rejected(saleId, 'VALIDATION_FAILED', lang, issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
      return;
    }
    const sale = parsed.data;
    if (caller.shopStatus !== 'active') return void (judged.results[index] = rejected(sale.saleId, 'FUND_SHOP_CLOSED', lang));
    const soldAt = new Date(sale.soldAt);
    if (soldAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return void (judged.results[index] = rejected(sale.saleId, 'FUND_SALE_IN_FUTURE', lang));
    const rule = ruleOn(rules, shanghaiDay(soldAt));
    if (!rule) return void (judged.results[index] = rejected(sale.saleId, 'FUND_NO_RULE', lang));
    const first = seenInBatch.get(sale.saleId);
    if (first !== undefined) return void judged.repeats.push({ index, of: { judged, index: first } });
    seenInBatch.set(sale.saleId, index);
    judged.good.push({ index, sale, contributionFen: contributionFor(rule, sale.amountFen), entryId: randomUUID(), rowId: randomUUID(), soldAt });
  });
  return judged;
}

/**
 * Writes the good sales of several judged requests — any terminals, shops and funds — in the
 * caller's transaction, set-based: one statement per table for all of them and, per fund, one
 * update of the hot rows (its accounts and running totals), then the live screens' notification.
 * Fills in each request's results: accepted, or duplicate (a sale id this terminal sent before).
 */
export async function writeJudgedSales(tx: Db, requests: readonly JudgedSales[], now: Date): Promise<void> {
  // The same terminal and sale id in two requests of this write: the later answers as the first.
  const firstOf = new Map<string, { judged: JudgedSales; index: number }>();
  for (const judged of requests) {
    judged.good = judged.good.filter((g) => {
      const key = `${judged.caller.terminalId} ${g.sale.saleId}`;
      const first = firstOf.get(key);
      if (first) {
        judged.repeats.push({ index: g.index, of: first });
        return false;
      }
      firstOf.set(key, { judged, index: g.index });
      return true;
    });
  }
  const writing = requests.filter((r) => r.good.length);
  if (!writing.length) return;
  // The shops may have been closed since the requests were authenticated: their rows are share-locked, as the redemptions do.
  const shopIds = [...new Set(writing.map((r) => r.caller.shopId))].sort();
  const open = new Set(
    rowsOf<{ id: string }>(await tx.execute(sql`select id from fund_shop where id = any(${arr(shopIds, 'uuid')}) and status = 'active' order by id for share`)).map((r) => r.id),
  );
  for (const r of writing) {
    if (open.has(r.caller.shopId)) continue;
    for (const g of r.good) r.results[g.index] = rejected(g.sale.saleId, 'FUND_SHOP_CLOSED', r.lang);
    r.good = [];
  }
  const all = writing.flatMap((r) => r.good.map((g) => ({ r, g })));
  if (!all.length) return;
  const inserted = new Set(
    rowsOf<{ terminal_id: string; sale_id: string }>(
      await tx.execute(sql`insert into fund_sale (id, terminal_id, shop_id, sale_id, amount_fen, items, sold_at, contribution_fen, entry_id)
        select u.id, u.terminal_id, u.shop_id, u.sale_id, u.amount, u.items, u.sold_at, u.contribution, u.entry_id
        from unnest(${arr(
          all.map(({ g }) => g.rowId),
          'uuid',
        )}, ${arr(
          all.map(({ r }) => r.caller.terminalId),
          'uuid',
        )}, ${arr(
          all.map(({ r }) => r.caller.shopId),
          'uuid',
        )}, ${arr(
          all.map(({ g }) => g.sale.saleId),
          'text',
        )}, ${arr(
          all.map(({ g }) => g.sale.amountFen),
          'bigint',
        )}, ${arr(
          all.map(({ g }) => JSON.stringify(g.sale.items)),
          'jsonb',
        )}, ${arr(
          all.map(({ g }) => g.soldAt.toISOString()),
          'timestamptz',
        )}, ${arr(
          all.map(({ g }) => g.contributionFen),
          'bigint',
        )}, ${arr(
          all.map(({ g }) => g.entryId),
          'uuid',
        )}) as u(id, terminal_id, shop_id, sale_id, amount, items, sold_at, contribution, entry_id)
        on conflict (terminal_id, sale_id) do nothing returning terminal_id, sale_id`),
    ).map((row) => `${row.terminal_id} ${row.sale_id}`),
  );
  const fresh = all.filter(({ r, g }) => inserted.has(`${r.caller.terminalId} ${g.sale.saleId}`));
  const earlier = all.filter(({ r, g }) => !inserted.has(`${r.caller.terminalId} ${g.sale.saleId}`));
  if (earlier.length) {
    const prior = new Map(
      rowsOf<{ terminal_id: string; sale_id: string; contribution_fen: number; entry_id: string }>(
        await tx.execute(sql`select s.terminal_id, s.sale_id, s.contribution_fen, s.entry_id from fund_sale s
          join unnest(${arr(
            earlier.map(({ r }) => r.caller.terminalId),
            'uuid',
          )}, ${arr(
            earlier.map(({ g }) => g.sale.saleId),
            'text',
          )}) as k(terminal_id, sale_id) on s.terminal_id = k.terminal_id and s.sale_id = k.sale_id`),
      ).map((row) => [`${row.terminal_id} ${row.sale_id}`, row]),
    );
    for (const { r, g } of earlier) {
      const p = prior.get(`${r.caller.terminalId} ${g.sale.saleId}`);
      r.results[g.index] = { saleId: g.sale.saleId, status: 'duplicate', contributionFen: p ? Number(p.contribution_fen) : null, entryId: p?.entry_id ?? null, code: null, message: null };
    }
  }
  // Fund by fund in id order, so concurrent writes lock the hot rows in one order (no deadlock).
  const funds = [...new Set(fresh.map(({ r }) => r.caller.fundId))].sort();
  for (const fundId of funds) {
    const ofFund = fresh.filter(({ r }) => r.caller.fundId === fundId);
    const accountsOf = new Map<string, Accounts>();
    for (const { r } of ofFund) if (!accountsOf.has(r.caller.shopId)) accountsOf.set(r.caller.shopId, r.caller.accounts ?? (await getShopAccounts(tx, fundId, r.caller.shopId)));
    const entries: EntryInput[] = ofFund.map(({ r, g }) => {
      const accounts = accountsOf.get(r.caller.shopId)!;
      return {
        id: g.entryId,
        kind: 'sale',
        occurredAt: g.soldAt,
        memo: `${r.caller.shopCode} ${g.sale.saleId}`,
        shopId: r.caller.shopId,
        positionId: r.caller.positionId,
        amountFen: g.contributionFen,
        saleCount: 1,
        salesFen: g.sale.amountFen,
        postings: [
          { accountId: accounts.collected, amountFen: g.contributionFen },
          { accountId: accounts.shop, amountFen: -g.contributionFen },
        ],
      };
    });
    const contributed = ofFund.reduce((sum, { g }) => sum + g.contributionFen, 0);
    const { totals } = await postEntries(tx, fundId, entries, { contributedFen: contributed, sales: ofFund.length }, now);
    const committedAt = new Date().toISOString();
    const events: FundLiveEvent[] = ofFund.map(({ r, g }) => ({
      kind: 'contribution',
      id: g.entryId,
      at: g.soldAt.toISOString(),
      fundId,
      positionId: r.caller.positionId,
      stationName: r.caller.stationName,
      shopName: r.caller.shopName,
      amountFen: g.contributionFen,
      totalFen: totals.contributedFen,
      balanceFen: totals.balanceFen,
      totalBreakfasts: totals.breakfasts,
      committedAt,
    }));
    await notifyLive(tx, condenseEvents(events));
  }
  for (const { r, g } of fresh) r.results[g.index] = { saleId: g.sale.saleId, status: 'accepted', contributionFen: g.contributionFen, entryId: g.entryId, code: null, message: null };
}

/** A judged request's answers, after its write: repeats answer as their first (a duplicate of it, or its refusal). */
export function answersOf(judged: JudgedSales): PosSaleResult[] {
  for (const r of judged.repeats) {
    const first = r.of.judged.results[r.of.index];
    if (first) judged.results[r.index] = first.status === 'rejected' ? first : { ...first, status: 'duplicate' };
  }
  return judged.results.map((r, i) => r ?? rejected(String(i), 'INTERNAL', judged.lang));
}

/**
 * Takes a terminal's sales (one or a batch of up to 1,000), each judged on its own: a bad one is
 * rejected with its reason, a sale id seen before from this terminal answers as the first time
 * (`duplicate`) and adds nothing, the rest are written with their ledger entries in one
 * transaction, set-based, and announced to the live screens on commit. The POS route groups
 * requests instead (sales-batcher.ts); this is one request on its own.
 */
export async function ingestSales(db: Db, caller: PosCaller, raw: readonly unknown[], lang: Lang, now = new Date()): Promise<PosSaleResult[]> {
  const judged = judgeSales(caller, caller.rules ?? (await listShopRules(db, caller.shopId)), raw, lang, now);
  if (judged.good.length) await db.transaction((tx) => writeJudgedSales(tx, [judged], now));
  return answersOf(judged);
}

/** Reverses a named sale's contribution with a reversing entry; idempotent by refund id; a sale is refunded once. */
export async function refundSale(db: Db, caller: PosCaller, raw: unknown, lang: Lang, now = new Date()): Promise<PosRefundResult> {
  const parsed = posRefundSchema.safeParse(raw);
  const ids = raw as { refundId?: unknown; saleId?: unknown };
  const base = { refundId: typeof ids?.refundId === 'string' ? ids.refundId : '', saleId: typeof ids?.saleId === 'string' ? ids.saleId : '' };
  const refuse = (code: string, message?: string): PosRefundResult => ({ ...base, status: 'rejected', reversedFen: null, entryId: null, code, message: message ?? t(lang, code) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('VALIDATION_FAILED', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
  }
  const r = parsed.data;
  const refundedAt = new Date(r.refundedAt);
  if (refundedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return refuse('FUND_SALE_IN_FUTURE');
  return db.transaction(async (tx) => {
    const [prior] = rowsOf<{ reversed_fen: number; entry_id: string; sale_id: string }>(
      await tx.execute(sql`select f.reversed_fen, f.entry_id, s.sale_id from fund_refund f join fund_sale s on s.id = f.sale_row_id where f.terminal_id = ${caller.terminalId} and f.refund_id = ${r.refundId}`),
    );
    if (prior) return { ...base, saleId: prior.sale_id, status: 'duplicate', reversedFen: Number(prior.reversed_fen), entryId: prior.entry_id, code: null, message: null };
    // The sale row is locked so two refunds of one sale cannot both pass the check below.
    const [sale] = rowsOf<{ id: string; amount_fen: number; contribution_fen: number; entry_id: string; sold_at: string }>(
      await tx.execute(sql`select s.id, s.amount_fen, s.contribution_fen, s.entry_id, s.sold_at from fund_sale s join pos_terminal t on t.id = s.terminal_id
        where t.shop_id = ${caller.shopId} and s.sale_id = ${r.saleId} order by s.terminal_id = ${caller.terminalId} desc limit 1 for update of s`),
    );
    if (!sale) return refuse('FUND_SALE_NOT_FOUND');
    // A retry of this refund that committed while we waited for the lock answers as the first time.
    const [again] = rowsOf<{ reversed_fen: number; entry_id: string }>(await tx.execute(sql`select reversed_fen, entry_id from fund_refund where terminal_id = ${caller.terminalId} and refund_id = ${r.refundId}`));
    if (again) return { ...base, status: 'duplicate', reversedFen: Number(again.reversed_fen), entryId: again.entry_id, code: null, message: null };
    const taken = rowsOf(await tx.execute(sql`select 1 from fund_refund where sale_row_id = ${sale.id}`));
    if (taken.length) return refuse('FUND_SALE_ALREADY_REFUNDED');
    const postings = rowsOf<{ account_id: string; amount_fen: number }>(await tx.execute(sql`select account_id, amount_fen from fund_posting where entry_id = ${sale.entry_id}`));
    const contribution = Number(sale.contribution_fen);
    const entryId = randomUUID();
    const { totals } = await postEntries(
      tx,
      caller.fundId,
      [
        {
          id: entryId,
          kind: 'refund',
          occurredAt: refundedAt,
          memo: `${caller.shopCode} refund ${r.refundId} of ${r.saleId}`,
          shopId: caller.shopId,
          positionId: caller.positionId,
          amountFen: -contribution,
          saleCount: -1,
          salesFen: -Number(sale.amount_fen),
          reversesEntryId: sale.entry_id,
          postings: reversePostings(postings.map((p) => ({ accountId: p.account_id, amountFen: Number(p.amount_fen) }))),
        },
      ],
      { contributedFen: -contribution, sales: -1 },
      now,
    );
    await tx.execute(sql`insert into fund_refund (terminal_id, refund_id, sale_row_id, reversed_fen, refunded_at, reason, entry_id)
      values (${caller.terminalId}, ${r.refundId}, ${sale.id}, ${contribution}, ${refundedAt.toISOString()}, ${r.reason ?? null}, ${entryId})`);
    await notifyLive(tx, [
      {
        kind: 'contribution',
        id: entryId,
        at: refundedAt.toISOString(),
        fundId: caller.fundId,
        positionId: caller.positionId,
        stationName: caller.stationName,
        shopName: caller.shopName,
        amountFen: -contribution,
        totalFen: totals.contributedFen,
        balanceFen: totals.balanceFen,
        totalBreakfasts: totals.breakfasts,
        committedAt: new Date().toISOString(),
      },
    ]);
    return { ...base, status: 'accepted', reversedFen: contribution, entryId, code: null, message: null };
  });
}
