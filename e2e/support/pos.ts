import crypto from 'node:crypto';
import type { PosSaleResult } from '@niangjia/contracts';
import { signPosRequest } from '../../apps/server/src/modules/fund/pos-signing';

export type TerminalKey = { keyId: string; secret: string };

/** The seeded demo terminal of a shop (demo data derives its key from the shop code). */
export const demoTerminal = (shopCode: string): TerminalKey => ({ keyId: `pk_demo_${shopCode}`, secret: `psk_demo_${shopCode}_niangjia` });

/** Sends sales as a POS terminal does: the exact body bytes, signed with the terminal's key (POS contract v1). */
export async function postSales(baseURL: string, key: TerminalKey, sales: { amountFen: number; saleId?: string }[]): Promise<PosSaleResult[]> {
  const now = new Date().toISOString();
  const list = sales.map((s) => ({ saleId: s.saleId ?? `E2E-${crypto.randomUUID()}`, amountFen: s.amountFen, items: [{ name: '豆浆油条', qty: 1, priceFen: s.amountFen }], soldAt: now }));
  const single = list.length === 1;
  const body = JSON.stringify(single ? list[0] : { sales: list });
  const path = '/api/v1/pos/sales';
  const headers = signPosRequest({ keyId: key.keyId, secret: key.secret, method: 'POST', path, body });
  const res = await fetch(baseURL + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text}`);
  const data = JSON.parse(text) as PosSaleResult | { results: PosSaleResult[] };
  return 'results' in data ? data.results : [data];
}
