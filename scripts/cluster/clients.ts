/**
 * HTTP callers for the cluster suite and the day benchmark: a staff or worker session (cookie and
 * CSRF token) and a POS terminal, each talking to a base URL (nginx, or one instance directly).
 */
import { randomUUID } from 'node:crypto';
import { signPosRequest } from '../../apps/server/src/modules/fund/pos-signing';
import { sleep, type Instance } from './cluster';

export const DEMO_PASSWORD = 'Niangjia@2026';

export type Answer<T = any> = { status: number; body: T; res: Response };

export class Session {
  constructor(
    readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    return this.raw<T>(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
  }

  /** A request with a body as given (an uploaded file). */
  async raw<T = any>(method: string, path: string, body: string | Buffer | undefined, contentType: string): Promise<Answer<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': contentType }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, res };
  }
  get<T = any>(path: string) {
    return this.call<T>('GET', path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.call<T>('POST', path, body);
  }
  /** The same session against another base URL (one instance directly). */
  at(base: string): Session {
    return new Session(base, this.cookie, this.csrf);
  }
}

async function sessionOf(base: string, res: Response): Promise<Session> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${text}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return new Session(base, cookie, (JSON.parse(text) as { csrfToken: string }).csrfToken);
}

export async function signInStaff(base: string, login: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  return sessionOf(base, res);
}

/** Phone-code sign-in: the code is printed by whichever instance sent it (SMS_SENDER=log). */
export async function signInWorker(base: string, phone: string, instances: readonly Instance[]): Promise<Session> {
  const since = new Map(instances.map((i) => [i.name, i.output().length]));
  const sent = await fetch(`${base}/api/v1/auth/sms-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });
  if (!sent.ok) throw new Error(`sms-code for ${phone}: ${sent.status} ${await sent.text()}`);
  let code: string | undefined;
  for (let i = 0; i < 300 && !code; i++) {
    for (const inst of instances) code ??= /短信验证码\D{0,10}(\d{6})/.exec(inst.output().slice(since.get(inst.name)))?.[1];
    if (!code) await sleep(100);
  }
  if (!code) throw new Error(`no 短信验证码 line for ${phone}`);
  const res = await fetch(`${base}/api/v1/auth/sms-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, code }) });
  return sessionOf(base, res);
}

export type TerminalKey = { keyId: string; secret: string };
/** The seeded demo terminal of a shop (demo data derives its key from the shop code). */
export const demoTerminal = (shopCode: string): TerminalKey => ({ keyId: `pk_demo_${shopCode}`, secret: `psk_demo_${shopCode}_niangjia` });

export const newSale = (prefix: string, amountFen = 1200) => ({ saleId: `${prefix}-${randomUUID()}`, amountFen, items: [{ name: '豆浆油条', qty: 1, priceFen: amountFen }], soldAt: new Date().toISOString() });

/** One signed POS request (contract v1): a new nonce and timestamp on every call, as a terminal's retry does. */
export async function postSigned(base: string, key: TerminalKey, path: string, body: unknown, timeoutMs = 30_000): Promise<Answer> {
  const text = JSON.stringify(body);
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { ...signPosRequest({ ...key, method: 'POST', path, body: text }), 'content-type': 'application/json' },
    body: text,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const raw = await res.text();
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // not JSON (an nginx error page)
  }
  return { status: res.status, body: parsed, res };
}

/** A terminal's retry loop: the same body until a 200, for network errors and 5xx (a dead instance). */
export async function postSignedUntilAnswered(base: string, key: TerminalKey, path: string, body: unknown, maxMs = 120_000): Promise<Answer> {
  const end = Date.now() + maxMs;
  for (;;) {
    try {
      const a = await postSigned(base, key, path, body);
      if (a.status < 500) return a;
    } catch {
      // connection reset or timeout: retry
    }
    if (Date.now() > end) throw new Error(`${path}: no answer within ${maxMs} ms`);
    await sleep(200);
  }
}
