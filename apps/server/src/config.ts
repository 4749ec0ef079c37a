import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the server reads, validated once at startup. This is the only reader of
 * process.env (STYLE.md); each variable is documented in README and .env.example.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Default: 127.0.0.1 in demo mode (its passwords are published), else 0.0.0.0. */
  HOST: z.string().min(1).optional(),
  /** PostgreSQL server; when unset the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  /** Where the embedded database and generated keys live. */
  NIANGJIA_DATA_DIR: z.string().min(1).default('./data'),
  /** Demo data, demo sign-ins and the log SMS sender. Default: on with the embedded database outside production. */
  NIANGJIA_DEMO: bool.optional(),
  NIANGJIA_MIGRATE_ON_START: bool.default(true),
  NIANGJIA_PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `log` writes codes to the server log (demo only); `webhook` posts them to an SMS gateway. */
  SMS_SENDER: z.enum(['log', 'webhook']).optional(),
  SMS_WEBHOOK_URL: z.url().optional(),
  SMS_WEBHOOK_TOKEN: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** How long an instance may reuse a resolved session (a safety net: changes arrive by NOTIFY); 0 turns the cache off. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  SESSION_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  /** Set when served over HTTPS (production): the session cookie gets the Secure flag. */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-For from this many proxies (a load balancer in front). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Staff sign-in attempts allowed per client address in 5 minutes, across all instances. */
  LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100000).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  WEB_DIST_DIR: z.string().optional(),
  /** Key material for keyed hashes and signatures; required unless the embedded database generates one. */
  NIANGJIA_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  /** AES-256-GCM key for personal data at rest (ID numbers): 32 bytes, base64. Required in production. */
  NIANGJIA_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v.trim(), 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded (openssl rand -base64 32)' })
    .optional(),
  /** Earlier data keys, comma-separated, still used to decrypt after a rotation. */
  NIANGJIA_DATA_KEY_PREVIOUS: z
    .string()
    .refine((v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32), { message: 'each key must be 32 bytes, base64-encoded' })
    .optional(),
  /** Map tiles for the console and worker maps: a Leaflet URL template ({z}/{x}/{y}); empty = no tiles (outline and markers only). */
  NIANGJIA_MAP_TILE_URL: z.string().trim().default(''),
  /** Origins allowed to embed the public screens (/screen) in a frame, space-separated (e.g. https://portal.example.org); the rest of the app is never framed. */
  NIANGJIA_FRAME_ANCESTORS: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || v.split(/\s+/).every((o) => /^https?:\/\/[\w.-]+(:\d+)?$/.test(o)), { message: 'must be origins like https://portal.example.org, separated by spaces' }),
  /** The datum the tiles are drawn in: gcj02 (AMap, Tencent and other Chinese providers) or wgs84 (OpenStreetMap). */
  NIANGJIA_MAP_TILE_CRS: z.enum(['gcj02', 'wgs84']).default('gcj02'),
  /** External MQTT broker for the door controllers (mqtt://host:port); unset = the embedded broker. */
  NIANGJIA_MQTT_URL: z.string().regex(/^mqtts?:\/\//, { message: 'must start with mqtt:// or mqtts://' }).optional(),
  /** The server's own credentials on the external broker. */
  NIANGJIA_MQTT_USERNAME: z.string().optional(),
  NIANGJIA_MQTT_PASSWORD: z.string().optional(),
  /** Port of the embedded broker (0 = any free port). */
  NIANGJIA_MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  /** Default: as HOST (127.0.0.1 in demo mode, else 0.0.0.0). */
  NIANGJIA_MQTT_HOST: z.string().min(1).optional(),
  /** The broker URL told to controllers at registration (what they can reach). */
  NIANGJIA_MQTT_PUBLIC_URL: z.string().optional(),
  /** Shared-subscription group of the app instances on an external broker (one deployment = one group). */
  NIANGJIA_MQTT_SHARE_GROUP: z.string().regex(/^[\w-]{1,40}$/).default('niangjia'),
  /** How long a scan waits for the controller's acknowledgement. */
  NIANGJIA_DOOR_ACK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(3000),
  /** Controllers send a heartbeat this often; offline after NIANGJIA_DOOR_OFFLINE_AFTER_MISSED missed ones. */
  NIANGJIA_DOOR_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  NIANGJIA_DOOR_OFFLINE_AFTER_MISSED: z.coerce.number().int().min(1).max(100).default(3),
  /** Oldest rotating code still accepted (the worker may sign in and register first). */
  NIANGJIA_DOOR_CODE_MAX_AGE_SECONDS: z.coerce.number().int().min(30).max(900).default(120),
  /** Names this instance in every log line, in /metrics and in the job table (default: host-pid-random). */
  NIANGJIA_INSTANCE_ID: z.string().regex(/^[\w.:-]{1,64}$/, { message: '1–64 letters, digits, . _ : -' }).optional(),
  /** A running job whose instance stops renewing its lease for this long is taken over by another instance. */
  NIANGJIA_JOB_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  /** Bearer token for GET /metrics; required to read metrics outside demo mode. */
  NIANGJIA_METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** The oldest breakfast an offline POS terminal may still sync (hours before now). */
  NIANGJIA_POS_OFFLINE_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(72),
});

export type MqttConfig = {
  /** External broker URL; undefined = embedded broker. */
  url: string | undefined;
  username: string | undefined;
  password: string | undefined;
  port: number;
  host: string;
  publicUrl: string | undefined;
  shareGroup: string;
};
export type DoorConfig = { ackTimeoutMs: number; commandTtlMs: number; heartbeatSeconds: number; offlineAfterMissed: number; codeMaxAgeSeconds: number };

export type MapTilesConfig = { tileUrl: string; tileCrs: 'gcj02' | 'wgs84' };
export type SecurityConfig = { frameAncestors: string[] };

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  isDemo: boolean;
  migrateOnStart: boolean;
  publicUrl: string | undefined;
  logLevel: string;
  sms: { sender: 'log' | 'webhook' | 'memory'; webhookUrl?: string | undefined; webhookToken?: string | undefined };
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean; cacheSeconds: number; cacheEntries: number };
  trustProxy: number;
  bodyLimit: number;
  loginRateLimitPerIp: number;
  webDistDir: string;
  version: string;
  secret: string | undefined;
  /** Personal-data encryption key (base64) and the earlier keys that still decrypt. */
  dataKey: string | undefined;
  previousDataKeys: string[];
  /** Map tiles (positions ▸ map-layers). */
  map: MapTilesConfig;
  /** Who may frame the public screens (everything else is never framed). */
  security: SecurityConfig;
  /** Door controllers' broker (access). */
  mqtt: MqttConfig;
  door: DoorConfig;
  /** This instance's name in logs, metrics and job leases. */
  instanceId: string;
  /** Job lease: how soon another instance takes over the jobs of one that died. */
  jobLeaseSeconds: number;
  /** GET /metrics needs `Authorization: Bearer <token>` outside demo mode; unset there = metrics off. */
  metricsToken: string | undefined;
  /** Charity fund POS terminals (fund). */
  pos: { offlineMaxHours: number };
};

export class ConfigError extends Error {}

const VERSION = '0.1.0';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (环境变量配置错误):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const isDemo = e.NIANGJIA_DEMO ?? (!e.DATABASE_URL && !isProduction);
  const smsSender = e.SMS_SENDER ?? (isDemo ? 'log' : 'webhook');
  // The demo's passwords are in the README and its SMS codes in the log: it answers this machine
  // only, unless HOST (and NIANGJIA_MQTT_HOST) say otherwise (issue 9).
  const host = e.HOST ?? (isDemo ? '127.0.0.1' : '0.0.0.0');
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.NIANGJIA_DATA_DIR),
    isDemo,
    migrateOnStart: e.NIANGJIA_MIGRATE_ON_START,
    publicUrl: e.NIANGJIA_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    sms: { sender: smsSender, webhookUrl: e.SMS_WEBHOOK_URL, webhookToken: e.SMS_WEBHOOK_TOKEN },
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? isProduction,
      cacheSeconds: e.SESSION_CACHE_SECONDS,
      cacheEntries: e.SESSION_CACHE_ENTRIES,
    },
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT_BYTES,
    loginRateLimitPerIp: e.LOGIN_RATE_LIMIT_PER_IP,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    version: VERSION,
    secret: e.NIANGJIA_SECRET,
    dataKey: e.NIANGJIA_DATA_KEY,
    previousDataKeys: e.NIANGJIA_DATA_KEY_PREVIOUS ? e.NIANGJIA_DATA_KEY_PREVIOUS.split(',').map((k) => k.trim()).filter(Boolean) : [],
    map: { tileUrl: e.NIANGJIA_MAP_TILE_URL, tileCrs: e.NIANGJIA_MAP_TILE_CRS },
    security: { frameAncestors: e.NIANGJIA_FRAME_ANCESTORS ? e.NIANGJIA_FRAME_ANCESTORS.split(/\s+/) : [] },
    mqtt: { url: e.NIANGJIA_MQTT_URL, username: e.NIANGJIA_MQTT_USERNAME, password: e.NIANGJIA_MQTT_PASSWORD, port: e.NIANGJIA_MQTT_PORT, host: e.NIANGJIA_MQTT_HOST ?? host, publicUrl: e.NIANGJIA_MQTT_PUBLIC_URL, shareGroup: e.NIANGJIA_MQTT_SHARE_GROUP },
    door: {
      ackTimeoutMs: e.NIANGJIA_DOOR_ACK_TIMEOUT_MS,
      commandTtlMs: 10_000,
      heartbeatSeconds: e.NIANGJIA_DOOR_HEARTBEAT_SECONDS,
      offlineAfterMissed: e.NIANGJIA_DOOR_OFFLINE_AFTER_MISSED,
      codeMaxAgeSeconds: e.NIANGJIA_DOOR_CODE_MAX_AGE_SECONDS,
    },
    instanceId: e.NIANGJIA_INSTANCE_ID ?? defaultInstanceId(),
    jobLeaseSeconds: e.NIANGJIA_JOB_LEASE_SECONDS,
    metricsToken: e.NIANGJIA_METRICS_TOKEN,
    pos: { offlineMaxHours: e.NIANGJIA_POS_OFFLINE_MAX_HOURS },
  };
  assertProductionSafe(config);
  return config;
}

/** host-pid-random: unique even when two instances share a host (or a container's pid 1). */
function defaultInstanceId(): string {
  return `${os.hostname().split('.')[0]!.replace(/[^\w-]/g, '').slice(0, 40) || 'host'}-${process.pid}-${randomBytes(2).toString('hex')}`;
}

/** Production must never run with demo conveniences (issue #2). */
export function assertProductionSafe(config: Config): void {
  if (config.env !== 'production') return;
  const problems: string[] = [];
  if (config.isDemo) problems.push('NIANGJIA_DEMO must not be true in production');
  if (config.sms.sender === 'log') problems.push('SMS_SENDER=log writes codes to the log; use webhook in production');
  if (!config.secret) problems.push('NIANGJIA_SECRET is required in production');
  if (!config.dataKey) problems.push('NIANGJIA_DATA_KEY is required in production (32 bytes, base64: openssl rand -base64 32)');
  if (config.sms.sender === 'webhook' && !config.sms.webhookUrl) problems.push('SMS_WEBHOOK_URL is required with SMS_SENDER=webhook');
  if (problems.length) throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
}

/** A fixed data key for tests (32 bytes, base64); never used outside NODE_ENV=test. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** Config for tests: demo off, in-memory SMS outbox, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', NIANGJIA_DEMO: 'false', SMS_SENDER: 'log', LOG_LEVEL: 'silent' });
  // Test apps share one Mosquitto in CI: each app (each test database) is its own deployment.
  return { ...base, mqtt: { ...base.mqtt, port: 0, host: '127.0.0.1', shareGroup: `test-${Math.random().toString(36).slice(2, 10)}` }, sms: { sender: 'memory' }, secret: 'test-secret-test-secret-test-secret-0123', dataKey: TEST_DATA_KEY, loginRateLimitPerIp: 1000, ...overrides };
}
