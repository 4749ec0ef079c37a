import { randomUUID } from 'node:crypto';
import { posRedemptionSchema, type PosRedemptionResult } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { t, type Lang } from '../../platform/i18n';
import type { Secrets } from '../../platform/secrets';
import { QR_PREFIX, readCardText } from './breakfast-qr';
import { shanghaiDay } from './contribution';
import { postEntries, rowsOf } from './ledger';
import { notifyLive } from './live';
import type { PosCaller } from './pos-auth';

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Wrong check codes a terminal may type in an hour before typed numbers are refused (a six-digit code then takes ~50,000 hours to guess). */
const MAX_WRONG_CODES_PER_HOUR = 10;

type Stored = { status: 'approved' | 'refused'; code: string | null; card_number: string | null; price_fen: number | null; remaining_today: number | null };

const answerOf = (redemptionId: string, row: Stored, isDuplicate: boolean, lang: Lang): PosRedemptionResult => ({
  redemptionId,
  status: row.status,
  isDuplicate,
  code: row.code,
  message: row.code ? t(lang, row.code) : null,
  cardNumber: row.card_number,
  priceFen: row.price_fen == null ? null : Number(row.price_fen),
  remainingToday: row.remaining_today,
});

class AlreadyAnswered extends Error {}

/**
 * One breakfast redemption (爱心早餐), in its own transaction. The card's row is locked, so two
 * terminals redeeming one card at the same moment are decided one after the other (and the unique
 * slot index backs that up); "today" is the Asia/Shanghai day of the redemption's own time, so an
 * offline terminal syncing later is judged as of when the breakfast was taken.
 */
export async function redeemBreakfast(db: Db, secrets: Secrets, caller: PosCaller, raw: unknown, lang: Lang, opts: { offlineMaxHours: number }, now = new Date()): Promise<PosRedemptionResult> {
  const parsed = posRedemptionSchema.safeParse(raw);
  const rid = typeof (raw as { redemptionId?: unknown })?.redemptionId === 'string' ? (raw as { redemptionId: string }).redemptionId : '';
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { redemptionId: rid, status: 'refused', isDuplicate: false, code: 'VALIDATION_FAILED', message: issue ? `${issue.path.join('.')}: ${issue.message}` : t(lang, 'VALIDATION_FAILED'), cardNumber: null, priceFen: null, remainingToday: null };
  }
  const r = parsed.data;
  const redeemedAt = new Date(r.redeemedAt);
  const serviceDay = shanghaiDay(redeemedAt);
  const findPrior = async (tx: Db) =>
    rowsOf<Stored>(
      await tx.execute(sql`select status, code, card_number, price_fen, remaining_today from breakfast_redemption where terminal_id = ${caller.terminalId} and redemption_id = ${r.redemptionId}`),
    )[0];
  try {
    return await db.transaction(async (tx) => {
      const prior = await findPrior(tx);
      if (prior) return answerOf(r.redemptionId, prior, true, lang);
      const store = async (row: Stored & { card_id: string | null; slot: number | null; entry_id: string | null }) => {
        const ok = rowsOf(
          await tx.execute(sql`insert into breakfast_redemption (terminal_id, redemption_id, shop_id, card_id, card_number, redeemed_at, service_day, status, code, slot, price_fen, remaining_today, entry_id)
            values (${caller.terminalId}, ${r.redemptionId}, ${caller.shopId}, ${row.card_id}, ${row.card_number}, ${redeemedAt.toISOString()}, ${serviceDay}, ${row.status}, ${row.code}, ${row.slot}, ${row.price_fen}, ${row.remaining_today}, ${row.entry_id})
            on conflict (terminal_id, redemption_id) do nothing returning 1 as ok`),
        );
        // The same id from the same terminal committed meanwhile (a retry racing the first try).
        if (!ok.length) throw new AlreadyAnswered();
        return answerOf(r.redemptionId, row, false, lang);
      };
      const refuse = (code: string, card: { id: string; number: string } | null) =>
        store({ status: 'refused', code, card_id: card?.id ?? null, card_number: card?.number ?? null, price_fen: null, remaining_today: null, slot: null, entry_id: null });

      if (redeemedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return refuse('FUND_SALE_IN_FUTURE', null);
      // An offline terminal syncs what it could not send; how far back is bounded (issue 9:
      // redemptions dated years back were accepted).
      if (now.getTime() - redeemedAt.getTime() > opts.offlineMaxHours * 3_600_000) return refuse('FUND_REDEMPTION_TOO_OLD', null);
      // The shop's row is shared-locked: closing the shop (which suspends its terminals) waits for this redemption, or this one sees it closed.
      const [shop] = rowsOf<{ status: string; created_at: string }>(await tx.execute(sql`select status, created_at from fund_shop where id = ${caller.shopId} for share`));
      if (!shop || shop.status !== 'active') return refuse('FUND_SHOP_CLOSED', null);
      if (redeemedAt < new Date(shop.created_at)) return refuse('FUND_REDEMPTION_BEFORE_SHOP', null);
      // Typed numbers need the card's check code; guessing it is bounded per terminal.
      if (!r.card.startsWith(QR_PREFIX)) {
        const [{ wrong = 0 } = {}] = rowsOf<{ wrong: number }>(
          await tx.execute(sql`select count(*)::int as wrong from breakfast_redemption where terminal_id = ${caller.terminalId} and code = 'FUND_CARD_CODE_INVALID' and created_at > now() - interval '1 hour'`),
        );
        if (wrong >= MAX_WRONG_CODES_PER_HOUR) return refuse('FUND_CARD_CODE_LOCKED', null);
      }
      const read = readCardText(secrets, r.card, r.cardCode, redeemedAt);
      if ('error' in read) return refuse(read.error, null);
      const [card] = rowsOf<{ id: string; number: string; status: string; valid_until: string; fund_id: string; issued_at: string }>(
        await tx.execute(sql`select id, number, status, valid_until::text as valid_until, fund_id, issued_at from breakfast_card where number = ${read.number} for update`),
      );
      if (!card || card.fund_id !== caller.fundId) return refuse('FUND_CARD_NOT_FOUND', null);
      if (card.status === 'suspended') return refuse('FUND_CARD_SUSPENDED', card);
      if (card.status === 'replaced') return refuse('FUND_CARD_REPLACED', card);
      if (card.valid_until < serviceDay) return refuse('FUND_CARD_EXPIRED', card);
      if (redeemedAt < new Date(card.issued_at)) return refuse('FUND_REDEMPTION_BEFORE_CARD', card);
      // The fund's totals row is locked too: balance checks of concurrent redemptions run in turn.
      const [fund] = rowsOf<{ per_day: number; price: number; min_balance: number; balance: number }>(
        await tx.execute(sql`select f.breakfasts_per_day as per_day, f.breakfast_price_fen as price, f.min_balance_fen as min_balance, (t.contributed_fen - t.breakfast_fen) as balance
          from fund f join fund_total t on t.fund_id = f.id where f.id = ${caller.fundId} for update of t`),
      );
      const perDay = Number(fund!.per_day);
      const price = Number(fund!.price);
      const [{ used = 0 } = {}] = rowsOf<{ used: number }>(
        await tx.execute(sql`select count(*)::int as used from breakfast_redemption where card_id = ${card.id} and service_day = ${serviceDay} and status = 'approved'`),
      );
      if (used >= perDay) return refuse('FUND_CARD_ALREADY_REDEEMED_TODAY', card);
      if (Number(fund!.balance) - price < Number(fund!.min_balance)) return refuse('FUND_BALANCE_TOO_LOW', card);
      const accounts = rowsOf<{ id: string; kind: string }>(
        await tx.execute(sql`select id, kind from fund_account where fund_id = ${caller.fundId} and (kind = 'collected' or (kind = 'station_breakfasts' and position_id = ${caller.positionId}))`),
      );
      const collected = accounts.find((a) => a.kind === 'collected')!.id;
      const station = accounts.find((a) => a.kind === 'station_breakfasts')?.id;
      if (!station) throw new Error(`station ${caller.positionId} has no breakfast account`);
      const entryId = randomUUID();
      const { totals } = await postEntries(
        tx,
        caller.fundId,
        [
          {
            id: entryId,
            kind: 'breakfast',
            occurredAt: redeemedAt,
            memo: `${caller.shopCode} breakfast ${card.number}`,
            shopId: caller.shopId,
            positionId: caller.positionId,
            amountFen: price,
            breakfastCount: 1,
            postings: [
              { accountId: station, amountFen: price },
              { accountId: collected, amountFen: -price },
            ],
          },
        ],
        { breakfastFen: price, breakfasts: 1 },
        now,
      );
      const answer = await store({ status: 'approved', code: null, card_id: card.id, card_number: card.number, price_fen: price, remaining_today: perDay - used - 1, slot: used + 1, entry_id: entryId });
      await notifyLive(tx, [
        {
          kind: 'breakfast',
          id: entryId,
          at: redeemedAt.toISOString(),
          fundId: caller.fundId,
          positionId: caller.positionId,
          stationName: caller.stationName,
          shopName: caller.shopName,
          amountFen: price,
          totalFen: totals.contributedFen,
          balanceFen: totals.balanceFen,
          totalBreakfasts: totals.breakfasts,
          committedAt: new Date().toISOString(),
        },
      ]);
      return answer;
    });
  } catch (error) {
    if (!(error instanceof AlreadyAnswered) && (error as { code?: string; cause?: { code?: string } })?.code !== '23505' && (error as { cause?: { code?: string } })?.cause?.code !== '23505') throw error;
    const prior = await findPrior(db);
    if (!prior) throw error;
    return answerOf(r.redemptionId, prior, true, lang);
  }
}
