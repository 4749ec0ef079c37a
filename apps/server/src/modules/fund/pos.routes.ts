import { MAX_POS_BATCH } from '@niangjia/contracts';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { langOf } from '../../platform/error-handler';
import { AppError } from '../../platform/errors';
import type { DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { verifyPosRequest, verifyPosSignature, type PosCaller } from './pos-auth';
import { redeemBreakfast } from './redemption.service';
import { createSalesBatcher } from './sales-batcher';
import { refundSale } from './sales.service';

/** 1,000 sales with a few items each fit well within 4 MB. */
const POS_BODY_LIMIT = 4 * 1024 * 1024;

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    posRaw?: string;
  }
}

/**
 * The POS machine API, contract v1 (docs/pos-contract.md). No session: every request is signed
 * by its terminal's key. The body is kept as received, since the signature covers its exact bytes.
 */
/** What was ingested, for the instance's metrics (platform/metrics). */
export type PosResultsListener = (kind: 'sale' | 'redemption' | 'refund', results: readonly { status: string }[]) => void;

export const posRoutes: FastifyPluginAsync<{ db: Db; dataKeys: DataKeys; secrets: Secrets; offlineMaxHours: number; onResults?: PosResultsListener; onGroup?: (requests: number) => void }> = async (app, { db, dataKeys, secrets, offlineMaxHours, onResults = () => undefined, onGroup }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: POS_BODY_LIMIT }, (request, body, done) => {
    request.posRaw = body as string;
    done(null, body);
  });

  const parse = (raw: string): unknown => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw new AppError('POS_BODY_INVALID', { status: 400 });
    }
  };
  const authenticate = async (request: FastifyRequest): Promise<{ caller: PosCaller; body: unknown }> => {
    const raw = request.posRaw ?? '';
    const caller = await verifyPosRequest(db, dataKeys, request, raw);
    return { caller, body: parse(raw) };
  };
  // Sales are written in groups (group commit); each request's nonce is recorded in its group's transaction.
  const sales = createSalesBatcher(db, { onGroup });

  const batchOf = (body: unknown, key: 'sales' | 'redemptions'): unknown[] | null => {
    if (!body || typeof body !== 'object' || !(key in body)) return null;
    const list = (body as Record<string, unknown>)[key];
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_POS_BATCH) {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: key, message: `1–${MAX_POS_BATCH}` }] });
    }
    return list;
  };

  const single = <T extends { status: string; code: string | null; message: string | null }>(result: T): T => {
    // A malformed single request is a 400 (what and where); other refusals are answers.
    if (result.code === 'VALIDATION_FAILED') throw new AppError('VALIDATION_FAILED', { errors: [{ path: (result.message ?? '').split(':')[0] ?? '', message: result.message ?? '' }] });
    return result;
  };

  app.post('/pos/sales', { config: { permission: 'public' }, bodyLimit: POS_BODY_LIMIT, schema: { tags: ['pos'], summary: 'Sales from a signed terminal: one, or {sales: [...]} up to 1,000' } }, async (request) => {
    const raw = request.posRaw ?? '';
    const { caller, nonce } = await verifyPosSignature(db, dataKeys, request, raw);
    const body = parse(raw);
    const batch = batchOf(body, 'sales');
    const results = await sales.submit({ caller, nonce, sales: batch ?? [body], lang: langOf(request) });
    onResults('sale', results);
    return batch ? { results } : single(results[0]!);
  });

  app.post('/pos/refunds', { config: { permission: 'public' }, schema: { tags: ['pos'], summary: 'Reverse a named sale (signed terminal)' } }, async (request) => {
    const { caller, body } = await authenticate(request);
    const result = await refundSale(db, caller, body, langOf(request));
    onResults('refund', [result]);
    return single(result);
  });

  app.post(
    '/pos/breakfast-redemptions',
    { config: { permission: 'public' }, bodyLimit: POS_BODY_LIMIT, schema: { tags: ['pos'], summary: 'Breakfast redemptions (signed terminal): one, or {redemptions: [...]} up to 1,000' } },
    async (request) => {
      const { caller, body } = await authenticate(request);
      const batch = batchOf(body, 'redemptions');
      if (!batch) {
        const result = await redeemBreakfast(db, secrets, caller, body, langOf(request), { offlineMaxHours });
        onResults('redemption', [result]);
        return single(result);
      }
      const results = [];
      // In order: a day's second redemption of a card is judged after its first.
      for (const item of batch) results.push(await redeemBreakfast(db, secrets, caller, item, langOf(request), { offlineMaxHours }));
      onResults('redemption', results);
      return { results };
    },
  );
};
