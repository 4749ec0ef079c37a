/**
 * The pieces of a small production-like deployment, for the cluster suite (`npm run test:cluster`)
 * and `npm run bench -- day`: a PostgreSQL database (TEST_DATABASE_URL's server, or a throwaway
 * cluster), Mosquitto (TEST_MQTT_URL, or a throwaway broker), app instances as real processes
 * (`node --import tsx apps/server/src/main.ts`, killable with SIGKILL) and Debian's nginx in front,
 * round-robin, started with its own config on free ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fixed keys shared by every instance of one deployment (each would otherwise generate its own). */
export const CLUSTER_SECRET = 'cluster-test-secret-cluster-test-secret-01';
export const CLUSTER_DATA_KEY = Buffer.alloc(32, 11).toString('base64');
export const METRICS_TOKEN = 'cluster-metrics-token-0123456789';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Polls until fn returns a value (not undefined), or fails after timeoutMs with the last error. */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export type Postgres = { url(database: string): string; createDatabase(): Promise<string>; stop(): Promise<void> };

/** Databases on TEST_DATABASE_URL's server, or on a throwaway cluster started here. */
export async function startPostgres(): Promise<Postgres> {
  let base = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  let stopCluster = () => undefined as void;
  if (!base) {
    const { startPgCluster } = await import('../../bench/pg-cluster');
    const cluster = await startPgCluster();
    base = cluster.url('postgres');
    stopCluster = () => cluster.stop();
  }
  const withName = (name: string) => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: withName('postgres') });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  const created: string[] = [];
  return {
    url: withName,
    async createDatabase() {
      const name = `niangjia_cluster_${Math.random().toString(36).slice(2, 10)}`;
      await admin(`create database ${name}`);
      created.push(name);
      return name;
    },
    async stop() {
      for (const name of created) await admin(`drop database if exists ${name} with (force)`).catch(() => undefined);
      stopCluster();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mosquitto

export async function startMosquitto(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.TEST_MQTT_URL) return { url: process.env.TEST_MQTT_URL, stop: async () => undefined };
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-cluster-mqtt-'));
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 10000\n`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  await waitFor('Mosquitto', async () => ((await isListening(port)) ? true : undefined), 10_000, 100);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// app instances

export type Instance = {
  name: string;
  port: number;
  url: string;
  /** Everything the process printed (JSON log lines and the banner). */
  output(): string;
  /** Parsed JSON log lines so far. */
  logLines(): Record<string, unknown>[];
  isRunning(): boolean;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export type InstanceOptions = {
  name: string;
  databaseUrl: string;
  mqttUrl: string;
  /** Another checkout of the code (the previous release); default this one. */
  root?: string;
  port?: number;
  env?: Record<string, string>;
};

/** Starts one app instance as its own process and waits until it answers /api/health. */
export async function startInstance(opts: InstanceOptions): Promise<Instance> {
  const root = opts.root ?? REPO_ROOT;
  const port = opts.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `niangjia-cluster-${opts.name}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    NIANGJIA_DATA_DIR: dataDir,
    NIANGJIA_DEMO: 'true',
    NIANGJIA_SECRET: CLUSTER_SECRET,
    NIANGJIA_DATA_KEY: CLUSTER_DATA_KEY,
    NIANGJIA_INSTANCE_ID: opts.name,
    NIANGJIA_METRICS_TOKEN: METRICS_TOKEN,
    NIANGJIA_MQTT_URL: opts.mqttUrl,
    // Each deployment (test database) is its own shared-subscription group on the shared broker.
    NIANGJIA_MQTT_SHARE_GROUP: `g${opts.databaseUrl.replace(/\W/g, '').slice(-12)}`,
    SMS_SENDER: 'log',
    LOG_LEVEL: 'info',
    TRUST_PROXY: '1',
    WEB_DIST_DIR: dataDir,
    ...opts.env,
  };
  // One process (node with the tsx loader), so SIGKILL hits the server itself and not a wrapper.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `instance ${opts.name} on ${port}`,
      async () => {
        if (exited) throw new Error(`exited:\n${out.slice(-3000)}`);
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
        return res.ok ? true : undefined;
      },
      180_000,
      300,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- output of ${opts.name} ---\n${out.slice(-4000)}`);
  }
  return {
    name: opts.name,
    port,
    url,
    output: () => out,
    logLines: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    isRunning: () => !exited,
    async kill(signal = 'SIGTERM') {
      if (!exited) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// nginx

export type Nginx = { url: string; port: number; accessLog(): string; stop(): Promise<void> };

/**
 * Debian's nginx in front of the instances, round-robin, with the config a deployment would use:
 * keep-alive to the upstreams, X-Forwarded-For, no buffering (Server-Sent Events), a failed
 * upstream skipped for idempotent requests. Every answer names the upstream that gave it
 * (`x-upstream`), so tests can see that both instances served.
 */
export async function startNginx(upstreams: number[]): Promise<Nginx> {
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
  if (!bin) throw new Error('nginx not found: apt-get install nginx (.ci/run installs it)');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-nginx-'));
  // nginx's workers run as another user when started by root: their temp dirs must be theirs to write.
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    fs.mkdirSync(path.join(dir, d));
    fs.chmodSync(path.join(dir, d), 0o777);
  }
  fs.chmodSync(dir, 0o755);
  const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 50m;
  upstream niangjia {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://niangjia;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 300s;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const test = spawnSync(bin, ['-t', '-q', '-e', `${dir}/error.log`, '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(bin, ['-e', `${dir}/error.log`, '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitFor(`nginx on ${port}`, async () => ((await isListening(port)) ? true : undefined), 15_000, 100).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}: ${err}`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'),
    async stop() {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Which instance answered, from nginx's x-upstream header ("127.0.0.1:PORT"). */
export function upstreamOf(res: Response, instances: readonly Instance[]): string {
  const addr = res.headers.get('x-upstream') ?? '';
  // After a failed upstream nginx lists every one it tried ("a, b"): the last answered.
  const last = addr.split(',').at(-1)!.trim();
  return instances.find((i) => last.endsWith(`:${i.port}`))?.name ?? `unknown(${addr})`;
}
