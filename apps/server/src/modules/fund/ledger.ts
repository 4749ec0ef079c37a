import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { shanghaiDay, shanghaiDayStart } from './contribution';
import { rowsOf } from '../../db/rows';
export { rowsOf } from '../../db/rows';

/**
 * The fund's double-entry ledger. Amounts are signed fen (debit +, credit −); an entry's postings
 * sum to zero. Accounts: `collected` (money the fund is owed or holds at the operators),
 * `custodian` (money at the third-party custodian), per shop `shop_contributions` (credit: what
 * the shop's sales gave) and per station `station_breakfasts` (debit: breakfasts served there).
 * So the fund's balance = collected + custodian = contributed − breakfasts.
 *
 * Writes are set-based (one statement per table per batch) and update the running balances in
 * the same transaction; the database refuses an unbalanced entry at commit and any change to a
 * posted row (migration fund_ledger_guards).
 */
export type EntryKind = 'sale' | 'refund' | 'breakfast' | 'transfer' | 'history' | 'adjustment';
export type PostingInput = { accountId: string; amountFen: number };
export type EntryInput = {
  id?: string;
  kind: EntryKind;
  occurredAt: Date;
  memo: string;
  shopId?: string | null;
  positionId?: string | null;
  /** The entry's headline amount (contribution, breakfast price, transfer). */
  amountFen: number;
  saleCount?: number;
  salesFen?: number;
  breakfastCount?: number;
  reversesEntryId?: string | null;
  postings: PostingInput[];
};
export type TotalsDelta = {
  contributedFen?: number;
  sales?: number;
  breakfastFen?: number;
  breakfasts?: number;
  transferredFen?: number;
};
export type FundTotals = {
  contributedFen: number;
  sales: number;
  breakfastFen: number;
  breakfasts: number;
  transferredFen: number;
  balanceFen: number;
};

export class UnbalancedEntryError extends Error {}

/** Checks an entry before it is written: at least two postings, integer fen, summing to zero. */
export function assertBalanced(postings: readonly PostingInput[]): void {
  if (postings.length < 2) throw new UnbalancedEntryError('an entry needs at least two postings');
  let sum = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountFen)) throw new UnbalancedEntryError(`posting amount ${p.amountFen} is not integer fen`);
    sum += p.amountFen;
  }
  if (sum !== 0) throw new UnbalancedEntryError(`postings sum to ${sum}, not 0`);
}

/** Net change per account of a set of entries (what the running balances move by). */
export function balanceChanges(entries: readonly Pick<EntryInput, 'postings'>[]): Map<string, number> {
  const byAccount = new Map<string, number>();
  for (const e of entries) for (const p of e.postings) byAccount.set(p.accountId, (byAccount.get(p.accountId) ?? 0) + p.amountFen);
  return byAccount;
}

/** The postings that undo an entry's postings. */
export function reversePostings(postings: readonly PostingInput[]): PostingInput[] {
  return postings.map((p) => ({
    accountId: p.accountId,
    amountFen: -p.amountFen,
  }));
}

const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * The first instant of the open period: the current Asia/Shanghai month. Every earlier month has
 * been published (the public 账目公开 page shows last month's statement as final), so it is closed.
 */
export function openPeriodStart(now: Date): Date {
  return shanghaiDayStart(`${shanghaiDay(now).slice(0, 8)}01`);
}

/**
 * When an entry is booked: when it happened, unless that is in a closed month — then now, in the
 * open period, with the time it happened kept beside it. A late entry (an offline till, a
 * back-dated refund or transfer) never rewrites published accounts.
 */
export function bookingOf(occurredAt: Date, now: Date): { bookedAt: Date; originalAt: Date | null } {
  return occurredAt < openPeriodStart(now) ? { bookedAt: now, originalAt: occurredAt } : { bookedAt: occurredAt, originalAt: null };
}

/** Writes entries with their postings, moves the running balances and the fund's totals; returns the entry ids. */
export async function postEntries(db: Db, fundId: string, entries: readonly EntryInput[], totals: TotalsDelta = {}, now = new Date()): Promise<{ ids: string[]; totals: FundTotals }> {
  const ids = entries.map((e) => e.id ?? randomUUID());
  if (entries.length) {
    for (const e of entries) assertBalanced(e.postings);
    const booked = entries.map((e) => bookingOf(e.occurredAt, now));
    const at = booked.map((b) => b.bookedAt.toISOString());
    const original = booked.map((b) => b.originalAt?.toISOString() ?? null);
    await db.execute(sql`insert into fund_entry (id, fund_id, kind, occurred_at, original_occurred_at, memo, shop_id, position_id, amount_fen, sale_count, sales_fen, breakfast_count, reverses_entry_id)
      select u.id, ${fundId}::uuid, u.kind, u.at, u.original, u.memo, u.shop_id, u.position_id, u.amount, u.sale_count, u.sales_fen, u.breakfast_count, u.reverses
      from unnest(${arr(ids, 'uuid')}, ${arr(
        entries.map((e) => e.kind),
        'text',
      )}, ${arr(at, 'timestamptz')}, ${arr(original, 'timestamptz')}, ${arr(
        entries.map((e) => e.memo),
        'text',
      )}, ${arr(
        entries.map((e) => e.shopId ?? null),
        'uuid',
      )}, ${arr(
        entries.map((e) => e.positionId ?? null),
        'uuid',
      )}, ${arr(
        entries.map((e) => e.amountFen),
        'bigint',
      )}, ${arr(
        entries.map((e) => e.saleCount ?? 0),
        'int',
      )}, ${arr(
        entries.map((e) => e.salesFen ?? 0),
        'bigint',
      )}, ${arr(
        entries.map((e) => e.breakfastCount ?? 0),
        'int',
      )}, ${arr(
        entries.map((e) => e.reversesEntryId ?? null),
        'uuid',
      )}) as u(id, kind, at, original, memo, shop_id, position_id, amount, sale_count, sales_fen, breakfast_count, reverses)`);
    const pEntry: string[] = [];
    const pAccount: string[] = [];
    const pAmount: number[] = [];
    const pAt: string[] = [];
    entries.forEach((e, i) => {
      for (const p of e.postings) {
        pEntry.push(ids[i]!);
        pAccount.push(p.accountId);
        pAmount.push(p.amountFen);
        pAt.push(at[i]!);
      }
    });
    await db.execute(sql`insert into fund_posting (entry_id, account_id, amount_fen, occurred_at)
      select * from unnest(${arr(pEntry, 'uuid')}, ${arr(pAccount, 'uuid')}, ${arr(pAmount, 'bigint')}, ${arr(pAt, 'timestamptz')})`);
  }
  // The running balances and the fund's totals move in one statement: these are the hot rows every
  // sale locks until its commit, so the fewer round trips while they are held, the better.
  const changes = [...balanceChanges(entries)].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  const moveBalances = changes.length
    ? sql`with moved as (update fund_account a set balance_fen = a.balance_fen + c.delta
        from unnest(${arr(
          changes.map(([k]) => k),
          'uuid',
        )}, ${arr(
          changes.map(([, v]) => v),
          'bigint',
        )}) as c(id, delta) where a.id = c.id returning a.id) `
    : sql``;
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql`${moveBalances}update fund_total set
      contributed_fen = contributed_fen + ${totals.contributedFen ?? 0}, sales = sales + ${totals.sales ?? 0},
      breakfast_fen = breakfast_fen + ${totals.breakfastFen ?? 0}, breakfasts = breakfasts + ${totals.breakfasts ?? 0},
      transferred_fen = transferred_fen + ${totals.transferredFen ?? 0}, updated_at = now()
      where fund_id = ${fundId}
      returning contributed_fen, sales, breakfast_fen, breakfasts, transferred_fen`),
  );
  if (!row) throw new Error(`fund ${fundId} has no totals row`);
  return { ids, totals: totalsOf(row) };
}

export function totalsOf(row: Record<string, number>): FundTotals {
  const t = {
    contributedFen: Number(row.contributed_fen),
    sales: Number(row.sales),
    breakfastFen: Number(row.breakfast_fen),
    breakfasts: Number(row.breakfasts),
    transferredFen: Number(row.transferred_fen),
  };
  return { ...t, balanceFen: t.contributedFen - t.breakfastFen };
}

export async function getTotals(db: Db, fundId: string): Promise<FundTotals> {
  const [row] = rowsOf<Record<string, number>>(await db.execute(sql`select * from fund_total where fund_id = ${fundId}`));
  if (!row) throw new Error(`fund ${fundId} has no totals row`);
  return totalsOf(row);
}

/** An account's balance at an instant, from the postings (the running balance is the same at now). */
export async function balanceAt(db: Db, accountId: string, at: Date): Promise<number> {
  const [row] = rowsOf<{ s: number | string }>(
    await db.execute(sql`select coalesce(sum(amount_fen), 0)::bigint as s from fund_posting where account_id = ${accountId} and occurred_at <= ${at.toISOString()}::timestamptz`),
  );
  return Number(row?.s ?? 0);
}

/** Accounts whose running balance differs from the sum of their postings (should be none). */
export async function findBalanceMismatches(db: Db, fundId: string): Promise<{ code: string; running: number; posted: number }[]> {
  const rows = rowsOf<{ code: string; running: number; posted: number }>(
    await db.execute(sql`select a.code, a.balance_fen as running, coalesce(p.s, 0)::bigint as posted
      from fund_account a left join (select account_id, sum(amount_fen) s from fund_posting group by account_id) p on p.account_id = a.id
      where a.fund_id = ${fundId} and a.balance_fen <> coalesce(p.s, 0)`),
  );
  return rows.map((r) => ({
    code: r.code,
    running: Number(r.running),
    posted: Number(r.posted),
  }));
}
