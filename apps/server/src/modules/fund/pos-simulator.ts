import crypto from 'node:crypto';
import { signPosRequest } from './pos-signing';

export type SimulateOptions = {
  url: string;
  keyId: string;
  secret: string;
  /** Sales per second. */
  rate: number;
  /** Stop after this many sales (default: until interrupted). */
  count?: number;
  log?: (line: string) => void;
  signal?: AbortSignal;
};

const MENU: [string, number][] = [
  ['豆浆', 300],
  ['油条', 250],
  ['小面', 1200],
  ['包子', 200],
  ['矿泉水', 200],
  ['方便面', 550],
  ['面包', 600],
  ['牛奶', 450],
];

/** A plausible snack-window sale: one to three items. */
export function randomSale(prefix: string) {
  const items = Array.from({ length: 1 + crypto.randomInt(3) }, () => {
    const [name, priceFen] = MENU[crypto.randomInt(MENU.length)]!;
    return { name, qty: 1 + crypto.randomInt(2), priceFen };
  });
  return { saleId: `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}`, amountFen: items.reduce((s, i) => s + i.qty * i.priceFen, 0), items, soldAt: new Date().toISOString() };
}

/** Sends one signed POST, retrying the same body (new nonce each time) until an HTTP answer comes. */
export async function sendSigned(url: string, path: string, key: { keyId: string; secret: string }, body: unknown, attempts = 10): Promise<{ status: number; body: unknown }> {
  const text = JSON.stringify(body);
  for (let i = 0; ; i++) {
    try {
      const headers = signPosRequest({ ...key, method: 'POST', path, body: text });
      const res = await fetch(url + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: text });
      if (res.status >= 500 && i < attempts) throw new Error(`HTTP ${res.status}`);
      return { status: res.status, body: await res.json() };
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** i)));
    }
  }
}

/**
 * The terminal simulator behind `npm run cli -- pos simulate`: signs and sends sales to a running
 * server at a steady rate (batched per tick above 10 a second, as a busy till would).
 */
export async function simulateSales(opts: SimulateOptions): Promise<{ sent: number; accepted: number; contributionFen: number }> {
  const log = opts.log ?? (() => undefined);
  const tickMs = opts.rate > 10 ? 100 : Math.round(1000 / opts.rate);
  const perTick = opts.rate > 10 ? opts.rate / 10 : 1;
  let owed = 0;
  let sent = 0;
  let accepted = 0;
  let contributionFen = 0;
  let lastLog = Date.now();
  const prefix = `SIM${crypto.randomBytes(2).toString('hex')}`;
  while (!opts.signal?.aborted && (opts.count === undefined || sent < opts.count)) {
    const started = Date.now();
    owed += perTick;
    let n = Math.floor(owed);
    owed -= n;
    if (opts.count !== undefined) n = Math.min(n, opts.count - sent);
    if (n > 0) {
      const sales = Array.from({ length: n }, () => randomSale(prefix));
      const res = await sendSigned(opts.url, '/api/v1/pos/sales', opts, n === 1 ? sales[0] : { sales });
      if (res.status !== 200) throw new Error(`server answered ${res.status}: ${JSON.stringify(res.body)}`);
      const results = (n === 1 ? [res.body] : (res.body as { results: unknown[] }).results) as { status: string; contributionFen: number | null }[];
      sent += n;
      for (const r of results) {
        if (r.status === 'accepted') {
          accepted++;
          contributionFen += r.contributionFen ?? 0;
        }
      }
    }
    if (Date.now() - lastLog >= 5000) {
      lastLog = Date.now();
      log(`已发送 ${sent} 笔，捐赠 ${(contributionFen / 100).toFixed(2)} 元 / sent ${sent} sales, ${accepted} accepted`);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, tickMs - (Date.now() - started))));
  }
  return { sent, accepted, contributionFen };
}
