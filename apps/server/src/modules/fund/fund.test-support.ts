import type { FastifyInstance } from 'fastify';
import type { Client } from '../../test/harness';
import { signPosRequest } from './pos-signing';

export type PosKey = { keyId: string; secret: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of many shapes
export type PosRes = { status: number; body: any };

/** Sends a signed POS request through app.inject (tests), with options to break the signature. */
export async function posInject(
  app: FastifyInstance,
  key: PosKey,
  path: string,
  body: unknown,
  opts: { timestamp?: number; nonce?: string; secret?: string; unsigned?: boolean; lang?: string } = {},
): Promise<PosRes> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.lang) headers['accept-language'] = opts.lang;
  if (!opts.unsigned) {
    Object.assign(
      headers,
      signPosRequest({ keyId: key.keyId, secret: opts.secret ?? key.secret, method: 'POST', path, body: payload, ...(opts.timestamp ? { timestamp: opts.timestamp } : {}), ...(opts.nonce ? { nonce: opts.nonce } : {}) }),
    );
  }
  const res = await app.inject({ method: 'POST', url: path, headers, payload });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}

let seq = 0;
export const saleOf = (amountFen = 1500, over: Record<string, unknown> = {}) => ({
  saleId: `T-${process.pid}-${Date.now()}-${++seq}`,
  amountFen,
  items: [{ name: '豆浆', qty: 1, priceFen: amountFen }],
  soldAt: new Date().toISOString(),
  ...over,
});

/** Registers a POS terminal on the first shop the client sees; its key, shown once. */
export async function registerTestTerminal(admin: Client, name: string): Promise<PosKey> {
  const shops = await admin.get('/api/v1/fund-shops?pageSize=1');
  const reg = await admin.post('/api/v1/pos-terminals', { shopId: shops.body.items[0].id, name });
  return { keyId: reg.body.keyId, secret: reg.body.secret };
}
