import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { testConfig, type Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { DEMO_PASSWORD } from '../db/seed/demo-orgs';
import type { Clock } from '../platform/clock';
import { createMemorySmsSender, type MemorySmsSender } from '../platform/sms';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from './test-db';
import { PNG } from './files';

export type Res = { status: number; body: any; headers: Record<string, string | string[] | number | undefined> };

/** A signed-in (or anonymous) caller: keeps the session cookie and sends the CSRF token. */
export class Client {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie?: string,
    readonly csrf?: string,
    readonly lang?: string,
  ) {}

  withLang(lang: string): Client {
    return new Client(this.app, this.cookie, this.csrf, lang);
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Res> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (this.lang) headers['accept-language'] = this.lang;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
  /** Uploads a 1×1 PNG to the shared photo store as this user; its id. */
  async uploadPhoto(): Promise<string> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/photos', headers: { cookie: this.cookie!, 'x-csrf-token': this.csrf!, 'content-type': 'image/png' }, payload: PNG });
    if (res.statusCode !== 201) throw new Error(`photo upload answered ${res.statusCode}: ${res.body}`);
    return (JSON.parse(res.body) as { id: string }).id;
  }
  /** Uploads a supporting document (by default a small PDF) to `POST /documents`; the raw answer. */
  uploadDocument(data: Buffer = MINI_PDF, contentType = 'application/pdf') {
    return this.raw('POST', '/api/v1/documents', data, contentType);
  }
  /** A request whose body is a file, or whose headers and bytes a test reads; with this caller's cookie and CSRF token. */
  raw(method: 'GET' | 'POST', url: string, payload?: Buffer, contentType?: string) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (contentType) headers['content-type'] = contentType;
    return this.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  }
}

/** The smallest file that sniffs as a PDF (its first bytes "%PDF-"). */
export const MINI_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  sms: MemorySmsSender;
  config: Config;
  anon: Client;
  /** Signs in a seeded demo user (password Niangjia@2026) or any user with the given password. */
  login(username: string, password?: string): Promise<Client>;
  /** Signs in a worker by phone code through the memory SMS sender. */
  loginWorker(phone: string): Promise<Client>;
  orgId(code: string): Promise<string>;
  close(): Promise<void>;
};

/** A fresh app on a fresh copy of the migrated, demo-seeded database. */
/**
 * `jobRunner: false` runs no background runner: the test drains jobs itself (`t.app.jobs.drain()`),
 * so what a job did is settled when drain returns.
 */
export async function createTestApp(overrides: Partial<Config> = {}, options: { clock?: Clock; jobRunner?: false } = {}): Promise<TestApp> {
  const kind = testDbKind();
  const template = inject('dbTemplate');
  let database: Database;
  let dropName: string | undefined;
  if (kind === 'pglite') {
    database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(template)]) });
  } else {
    dropName = randomDbName('niangjia_t');
    await adminQuery(`create database ${dropName} template ${template}`);
    database = await openDatabase({ databaseUrl: withDatabaseName(process.env.TEST_DATABASE_URL!, dropName), poolSize: 5 });
  }
  const sms = createMemorySmsSender();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, sms, logger: false, ...(options.clock ? { clock: options.clock } : {}), ...(options.jobRunner === false ? { jobRunner: false as const } : {}) });
  await app.ready();
  const anon = new Client(app);

  async function signedIn(res: Res): Promise<Client> {
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    const setCookie = res.headers['set-cookie'];
    const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
    return new Client(app, raw!.split(';')[0], res.body.csrfToken);
  }

  return {
    app,
    database,
    sms,
    config,
    anon,
    async login(username, password = DEMO_PASSWORD) {
      return signedIn(await anon.post('/api/v1/auth/login', { login: username, password }));
    },
    async loginWorker(phone) {
      const sent = await anon.post('/api/v1/auth/sms-code', { phone });
      if (sent.status !== 200) throw new Error(`sms-code failed: ${sent.status} ${JSON.stringify(sent.body)}`);
      return signedIn(await anon.post('/api/v1/auth/sms-login', { phone, code: sms.lastCodeFor(phone) }));
    },
    async orgId(code) {
      const rows = await database.query<{ id: string }>('select id from org where code = $1', [code]);
      if (!rows[0]) throw new Error(`no org ${code}`);
      return rows[0].id;
    },
    async close() {
      await app.close();
      await database.close();
      if (dropName) await adminQuery(`drop database if exists ${dropName} with (force)`);
    },
  };
}

/**
 * A second app instance on the test's database, listening on a free port: on PostgreSQL a new app
 * with its own pool (live updates must cross instances), on PGlite (one process) the test's own
 * app. `close()` closes only what it opened.
 */
export async function openSecondInstance(t: TestApp): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  if (testDbKind() !== 'postgres') {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    return { app: t.app, close: async () => undefined };
  }
  const url = (t.database.pool!.options as { connectionString: string }).connectionString;
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const app = await buildApp({ config: t.config, database, logger: false, jobRunner: false, doors: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
