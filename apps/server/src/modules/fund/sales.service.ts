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

/**
 * Takes a terminal's sales (one or a batch of up to 1,000), each judged on its own: a bad one is
 * rejected with its reason, a sale id seen before from this terminal answers as the first time
 * (`duplicate`) and adds nothing, the rest are written with their ledger entries in one
 * transaction, set-based, and announced to the live screens on commit.
 */
export async function ingestSales(db: Db, caller: PosCaller, raw: readonly unknown[], lang: Lang, now = new Date()): Promise<PosSaleResult[]> {
  const results: (PosSaleResult | null)[] = new Array<PosSaleResult | null>(raw.length).fill(null);
  const good: { index: number; sale: PosSale; contributionFen: number; entryId: string; rowId: string; soldAt: Date }[] = [];
  const rules = caller.rules ?? (await listShopRules(db, caller.shopId));
  const seenInBatch = new Map<string, number>();
  const repeats: { index: number; of: number }[] = [];
  raw.forEach((item, index) => {
    const parsed = posSaleSchema.safeParse(item);
    const saleId = typeof (item as { saleId?: unknown })?.saleId === 'string' ? (item as { saleId: string }).saleId : '';
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      results[index] = rejected(saleId, 'VALIDATION_FAILED', lang, issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
      return;
    }
    const sale = parsed.data;
    if (caller.shopStatus !== 'active') return void (results[index] = rejected(sale.saleId, 'FUND_SHOP_CLOSED', lang));
    const soldAt = new Date(sale.soldAt);
    if (soldAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return void (results[index] = rejected(sale.saleId, 'FUND_SALE_IN_FUTURE', lang));
    const rule = ruleOn(rules, shanghaiDay(soldAt));
    if (!rule) return void (results[index] = rejected(sale.saleId, 'FUND_NO_RULE', lang));
    const first = seenInBatch.get(sale.saleId);
    if (first !== undefined) return void repeats.push({ index, of: first });
    seenInBatch.set(sale.saleId, index);
    good.push({ index, sale, contributionFen: contributionFor(rule, sale.amountFen), entryId: randomUUID(), rowId: randomUUID(), soldAt });
  });

  if (good.length) {
    await db.transaction(async (tx) => {
      // The shop may have been closed since the request was authenticated: its row is share-locked, as the redemptions do.
      const [shop] = rowsOf<{ status: string }>(await tx.execute(sql`select status from fund_shop where id = ${caller.shopId} for share`));
      if (shop?.status !== 'active') {
        for (const g of good) results[g.index] = rejected(g.sale.saleId, 'FUND_SHOP_CLOSED', lang);
        good.length = 0;
        return;
      }
      const inserted = new Set(
        rowsOf<{ sale_id: string }>(
          await tx.execute(sql`insert into fund_sale (id, terminal_id, shop_id, sale_id, amount_fen, items, sold_at, contribution_fen, entry_id)
            select u.id, ${caller.terminalId}::uuid, ${caller.shopId}::uuid, u.sale_id, u.amount, u.items, u.sold_at, u.contribution, u.entry_id
            from unnest(${arr(
              good.map((g) => g.rowId),
              'uuid',
            )}, ${arr(
              good.map((g) => g.sale.saleId),
              'text',
            )}, ${arr(
              good.map((g) => g.sale.amountFen),
              'bigint',
            )}, ${arr(
              good.map((g) => JSON.stringify(g.sale.items)),
              'jsonb',
            )}, ${arr(
              good.map((g) => g.soldAt.toISOString()),
              'timestamptz',
            )}, ${arr(
              good.map((g) => g.contributionFen),
              'bigint',
            )}, ${arr(
              good.map((g) => g.entryId),
              'uuid',
            )}) as u(id, sale_id, amount, items, sold_at, contribution, entry_id)
            on conflict (terminal_id, sale_id) do nothing returning sale_id`),
        ).map((r) => r.sale_id),
      );
      const fresh = good.filter((g) => inserted.has(g.sale.saleId));
      const earlier = good.filter((g) => !inserted.has(g.sale.saleId));
      if (earlier.length) {
        const prior = new Map(
          rowsOf<{ sale_id: string; contribution_fen: number; entry_id: string }>(
            await tx.execute(sql`select sale_id, contribution_fen, entry_id from fund_sale where terminal_id = ${caller.terminalId} and sale_id = any(${arr(
              earlier.map((g) => g.sale.saleId),
              'text',
            )})`),
          ).map((r) => [r.sale_id, r]),
        );
        for (const g of earlier) {
          const p = prior.get(g.sale.saleId);
          results[g.index] = { saleId: g.sale.saleId, status: 'duplicate', contributionFen: p ? Number(p.contribution_fen) : null, entryId: p?.entry_id ?? null, code: null, message: null };
        }
      }
      if (!fresh.length) return;
      const accounts = caller.accounts ?? (await getShopAccounts(tx, caller.fundId, caller.shopId));
      const entries: EntryInput[] = fresh.map((g) => ({
        id: g.entryId,
        kind: 'sale',
        occurredAt: g.soldAt,
        memo: `${caller.shopCode} ${g.sale.saleId}`,
        shopId: caller.shopId,
        positionId: caller.positionId,
        amountFen: g.contributionFen,
        saleCount: 1,
        salesFen: g.sale.amountFen,
        postings: [
          { accountId: accounts.collected, amountFen: g.contributionFen },
          { accountId: accounts.shop, amountFen: -g.contributionFen },
        ],
      }));
      const contributed = fresh.reduce((s, g) => s + g.contributionFen, 0);
      const { totals } = await postEntries(tx, caller.fundId, entries, { contributedFen: contributed, sales: fresh.length }, now);
      const committedAt = new Date().toISOString();
      const events: FundLiveEvent[] = fresh.map((g) => ({
        kind: 'contribution',
        id: g.entryId,
        at: g.soldAt.toISOString(),
        fundId: caller.fundId,
        positionId: caller.positionId,
        stationName: caller.stationName,
        shopName: caller.shopName,
        amountFen: g.contributionFen,
        totalFen: totals.contributedFen,
        balanceFen: totals.balanceFen,
        totalBreakfasts: totals.breakfasts,
        committedAt,
      }));
      await notifyLive(tx, condenseEvents(events));
      for (const g of fresh) results[g.index] = { saleId: g.sale.saleId, status: 'accepted', contributionFen: g.contributionFen, entryId: g.entryId, code: null, message: null };
    });
  }
  for (const r of repeats) {
    const first = results[r.of]!;
    results[r.index] = first.status === 'rejected' ? first : { ...first, status: 'duplicate' };
  }
  return results.map((r, i) => r ?? rejected(String(i), 'INTERNAL', lang));
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
