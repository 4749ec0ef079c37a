import type { PosSaleResult } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/i18n';
import { recordNonces, sweepNonces, type PosCaller } from './pos-auth';
import { answersOf, judgeSales, listShopRules, writeJudgedSales, type JudgedSales } from './sales.service';

/** A signed request's sales (one, or a terminal's batch), waiting to be written. */
export type SalesRequest = { caller: PosCaller; nonce: string; sales: readonly unknown[]; lang: Lang };

type Waiting = SalesRequest & { resolve: (results: PosSaleResult[]) => void; reject: (error: unknown) => void };

export type SalesBatcher = {
  /** Records the request's nonce and writes its sales; answers once they are committed. */
  submit: (request: SalesRequest) => Promise<PosSaleResult[]>;
};

/**
 * Group commit for the POS sales (issue 11 point 3). Every sale moves two hot rows of its fund —
 * the `collected` account and the running totals — which stay locked from their update to the
 * commit, so one transaction per request puts all terminals in single file. Here the requests that
 * arrive while a write is under way wait for the next one, and each write takes everything waiting:
 * one transaction, one statement per table and one update of the hot rows for all of them. No timer:
 * a lone sale is written at once; under load the groups grow by themselves.
 *
 * Each request keeps its own answers (a bad sale is refused on its own; a sale id sent again answers
 * as its first time), its nonce is recorded in the same transaction as its sales (a replay is refused
 * with 401, on every instance), and an answer is sent only after the commit. `inFlight` writes may
 * overlap: the second prepares its rows while the first holds the hot rows. If a group's transaction
 * fails, each of its requests is tried again alone, so one request cannot fail the others.
 */
export function createSalesBatcher(
  db: Db,
  { inFlight = 2, maxSales = 2000, onGroup = () => undefined }: { inFlight?: number; maxSales?: number; /** Told each group's size in requests before it is written. */ onGroup?: (requests: number) => void } = {},
): SalesBatcher {
  const queue: Waiting[] = [];
  let running = 0;

  const pump = () => {
    while (running < inFlight && queue.length) {
      const group: Waiting[] = [];
      let sales = 0;
      while (queue.length && (group.length === 0 || sales + queue[0]!.sales.length <= maxSales)) {
        const next = queue.shift()!;
        group.push(next);
        sales += next.sales.length;
      }
      running += 1;
      onGroup(group.length);
      void writeGroup(group).finally(() => {
        running -= 1;
        pump();
      });
    }
  };

  const writeGroup = async (group: Waiting[]): Promise<void> => {
    try {
      const answers = await writeRequests(db, group);
      group.forEach((w, i) => {
        const answer = answers[i]!;
        if (answer instanceof AppError) w.reject(answer);
        else w.resolve(answer);
      });
    } catch (error) {
      if (group.length === 1) return void group[0]!.reject(error);
      for (const w of group) await writeGroup([w]);
    }
    await sweepNonces(db).catch(() => undefined);
  };

  return {
    submit: (request) =>
      new Promise<PosSaleResult[]>((resolve, reject) => {
        queue.push({ ...request, resolve, reject });
        pump();
      }),
  };
}

/** Writes several requests in one transaction; answers each with its results, or the 401 of a replayed nonce. */
export async function writeRequests(db: Db, requests: readonly SalesRequest[], now = new Date()): Promise<(PosSaleResult[] | AppError)[]> {
  const judged: JudgedSales[] = [];
  for (const r of requests) judged.push(judgeSales(r.caller, r.caller.rules ?? (await listShopRules(db, r.caller.shopId)), r.sales, r.lang, now));
  const replayed = await db.transaction(async (tx) => {
    const refused = await recordNonces(
      tx,
      requests.map((r) => ({ terminalId: r.caller.terminalId, nonce: r.nonce })),
    );
    await writeJudgedSales(
      tx,
      judged.filter((_, i) => !refused.has(i)),
      now,
    );
    return refused;
  });
  return judged.map((j, i) => (replayed.has(i) ? new AppError('POS_NONCE_REPLAYED', { status: 401 }) : answersOf(j)));
}
