import type { JobContext } from './jobs.runner';

/**
 * Progress reported from inside a long transaction. On PGlite the one connection is held by that
 * transaction, so awaiting a progress write there would wait for the commit forever. The writes are
 * chained instead (in order, one at a time) and `settle()` is awaited once the transaction is over
 * and before the handler returns: the runner marks a job done only after its handler returned, and
 * a progress write that arrived after that would be dropped (lost final text, issue 9 point 7).
 */
export function createDeferredProgress(ctx: Pick<JobContext, 'progress'>) {
  let chain: Promise<void> = Promise.resolve();
  return {
    /** Queues a progress write; never throws (a failed progress write does not fail the job). */
    report(fraction: number, text?: string, force = false): void {
      chain = chain.then(() => ctx.progress(fraction, text, force)).catch(() => undefined);
    },
    /** Resolves once every queued write has been made. */
    settle(): Promise<void> {
      return chain;
    },
  };
}
