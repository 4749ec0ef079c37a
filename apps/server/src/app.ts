import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { sessionHook } from './modules/accounts';
import { createNotifyListener } from './platform/notify-listener';
import { SESSION_CACHE_CHANNEL } from './platform/session-cache';
import { createAccessService, createDoorCache, createDoorGateway, createDoorsService, type DoorGateway } from './modules/access';
import { createScreenService } from './modules/figures';
import { createLiveHub, type LiveHub } from './modules/fund';
import { createRoadshowHub, type RoadshowHub } from './modules/market';
import { hasPermission } from './platform/auth';
import type { Clock } from './platform/clock';
import { createJobRunner, type JobRunner } from './platform/jobs';
import { AppError } from './platform/errors';
import { registerErrorHandling, registerUniqueField } from './platform/error-handler';
import { loggerOptions } from './platform/logger';
import { createNotificationHub, registerNotificationJobs, type NotificationHub } from './platform/notifications';
import { createMetrics, type Metrics } from './platform/metrics';
import { systemRoutes } from './platform/system.routes';
import { loadDataKeys, type DataKeys } from './platform/pii';
import { loadSecrets, type Secrets } from './platform/secrets';
import { registerSecurityHeaders } from './platform/security-headers';
import { createLogSmsSender, createMemorySmsSender, createWebhookSmsSender, type SmsSender } from './platform/sms';
import { rejectBadInput, zodValidatorCompiler } from './platform/validation';
import { createServices, registerModuleJobs, type AppServices } from './app-services';
import { moduleRoutes } from './app-routes';

export type BuildAppOptions = {
  config: Config;
  database: Database;
  sms?: SmsSender;
  secrets?: Secrets;
  /** Personal-data encryption keys; loaded from config (or the data-key file) when not given. */
  dataKeys?: DataKeys;
  /** Tests pass false to keep output quiet; main passes nothing (pino JSON to stdout). */
  logger?: boolean;
  /** Where pino writes (tests read the log to check redaction). */
  logStream?: NodeJS.WritableStream;
  /** The in-process job runner (started on ready, stopped on close); false runs none in this instance. */
  jobRunner?: { pollMs?: number; leaseMs?: number } | false;
  /** false: no MQTT broker or client in this instance (door scans then fail as offline). */
  doors?: false;
  /** Where the job runner's "now" comes from (tests pass a fake clock to drive schedules and retries). */
  clock?: Clock;
  /**
   * The benchmark's switch (bench/city-job.ts), not an operator's: coverage runs compute on the main
   * thread instead of a worker thread, to measure what the worker spares the other requests.
   */
  coverageOnMainThread?: true;
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyInstance {
    services: AppServices;
    database: Database;
    sms: SmsSender;
    jobs: JobRunner;
    doorGateway: DoorGateway;
    fundLive: LiveHub;
    /** Live vote counts and state changes of the roadshow screens (LISTEN/NOTIFY). */
    marketLive: RoadshowHub;
    notificationHub: NotificationHub;
    metrics: Metrics;
  }
}

// Unique indexes behind request fields, for 409s that name the field.
registerUniqueField('org_code_unique', 'code');
registerUniqueField('app_user_username_unique', 'username');
registerUniqueField('app_user_phone_unique', 'phone');
registerUniqueField('person_id_number_hash_unique', 'idNumber');
registerUniqueField('membership_one_open_per_person', 'idNumber');
registerUniqueField('market_provider_credit_code_unique', 'creditCode');
registerUniqueField('market_subsidy_rule_year_unique', 'year');
registerUniqueField('market_vote_session_venue_unique', 'venue');
// Two sign-ups of one person at once: the second meets the one-live-registration index.
registerUniqueField('event_registration_person_live_unique', 'eventId');
registerUniqueField('event_registration_user_live_unique', 'eventId');
registerUniqueField('position_code_unique', 'code');
registerUniqueField('organizing_enterprise_credit_code_unique', 'creditCode');

/** Builds the whole server; used by main.ts and by every test (app.inject). */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { ...loggerOptions(config.logLevel, config.instanceId), ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    // A hop count: trust X-Forwarded-For from that many proxies in front.
    trustProxy: (config.trustProxy || false) as boolean,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  const secrets = opts.secrets ?? loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: config.env !== 'production' });
  const sms =
    opts.sms ??
    (config.sms.sender === 'webhook' && config.sms.webhookUrl
      ? createWebhookSmsSender(config.sms.webhookUrl, config.sms.webhookToken)
      : config.sms.sender === 'log'
        ? createLogSmsSender(app.log, opts.logStream ? (line) => void opts.logStream!.write(line) : undefined)
        : createMemorySmsSender());
  const dataKeys = opts.dataKeys ?? loadDataKeys({ dataKey: config.dataKey, previous: config.previousDataKeys, dataDir: config.dataDir, allowGenerate: config.env !== 'production' });
  const jobs = createJobRunner({
    db: database.db,
    log: app.log,
    runnerId: `${config.instanceId}:${randomUUID().slice(0, 4)}`,
    leaseMs: config.jobLeaseSeconds * 1000,
    ...(opts.jobRunner || {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const services = createServices(config, database, sms, secrets, dataKeys, jobs, opts.coverageOnMainThread === true);
  app.decorate('services', services);
  // The session cache holds entries only while this listener hears the database's invalidations.
  const sessionCache = services.sessionCache;
  const sessionListener = createNotifyListener(database, SESSION_CACHE_CHANNEL, (payload) => sessionCache.handleNotification(payload), {
    log: app.log,
    onDisconnect: () => sessionCache.setLive(false),
    onReconnect: () => sessionCache.setLive(true),
  });
  app.addHook('onReady', async () => {
    await sessionListener.start();
    sessionCache.setLive(true);
  });
  app.addHook('onClose', async () => {
    sessionCache.setLive(false);
    await sessionListener.stop();
  });
  app.decorate('jobs', jobs);
  if (opts.jobRunner !== false) {
    app.addHook('onReady', async () => jobs.start());
    app.addHook('onClose', async () => jobs.stop());
  }
  app.decorate('database', database);
  const fundLive = createLiveHub(database, app.log);
  app.decorate('fundLive', fundLive);
  app.addHook('onReady', async () => fundLive.start());
  app.addHook('onClose', async () => fundLive.stop());
  const marketLive = createRoadshowHub(database, app.log);
  app.decorate('marketLive', marketLive);
  app.addHook('onReady', async () => marketLive.start());
  app.addHook('onClose', async () => marketLive.stop());
  app.decorate('sms', sms);
  // Messages and 待办 (platform/notifications): live delivery on every instance, SMS as jobs.
  const notificationHub = createNotificationHub(database, app.log);
  app.decorate('notificationHub', notificationHub);
  app.addHook('onReady', async () => notificationHub.start());
  app.addHook('onClose', async () => notificationHub.stop());
  registerNotificationJobs({ db: database.db, jobs, sms, publicUrl: config.publicUrl, clock: jobs.clock });
  registerModuleJobs(jobs, services);
  // Door controllers (access): the MQTT side starts with the app and stops with it.
  // Each instance's copy of its doors (controller, station, policy), dropped on every instance when a change is NOTIFYed.
  const doorCache = createDoorCache({ database, db: database.db, log: app.log });
  app.addHook('onReady', async () => doorCache.start());
  app.addHook('onClose', async () => doorCache.stop());
  const doorGateway = createDoorGateway({
    database,
    mqtt: config.mqtt,
    door: config.door,
    secrets,
    dataKeys,
    log: app.log,
    isProduction: config.env === 'production',
    onAck: (result) => app.metrics.countDoorAck(result),
    cache: doorCache,
  });
  app.decorate('doorGateway', doorGateway);
  if (opts.doors !== false) {
    app.addHook('onReady', async () => doorGateway.start());
    app.addHook('onClose', async () => doorGateway.stop());
  }
  // The district screen hears every committed change to a rollup (LISTEN/NOTIFY) on this instance.
  const screen = createScreenService({ database, figures: services.figures, log: app.log });
  // Every open Server-Sent-Events stream of this instance: fund screens, district screens, bells.
  const metrics = createMetrics({
    instanceId: config.instanceId,
    version: config.version,
    database,
    sseClients: () => fundLive.clientCount() + marketLive.clientCount() + screen.clientCount() + notificationHub.streamCount(),
  });
  app.decorate('metrics', metrics);
  countDoorCommands(doorGateway, metrics);
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.addHook('onReady', async () => screen.start());
  app.addHook('onClose', async () => screen.stop());
  const access = createAccessService({ db: database.db, secrets, dataKeys, gateway: doorGateway, door: config.door, publicUrl: config.publicUrl });
  const doors = createDoorsService({ database, dataKeys, gateway: doorGateway, door: config.door, cache: doorCache });
  app.decorateRequest('actor', null);

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, { tileUrl: config.map.tileUrl, frameAncestors: config.security.frameAncestors });

  // While draining on shutdown, answers close their keep-alive connection so the process can exit
  // as soon as the last request is done instead of waiting for the keep-alive timeout.
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
    app.server.closeIdleConnections();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (isClosing) void reply.header('connection', 'close');
  });

  // Every API route must say what permission it needs; a route that forgets fails at startup. None
  // may hide from the OpenAPI document either: the security suite finds routes through it.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1/') && !route.config?.permission) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    }
    if (route.url.startsWith('/api/v1/') && route.schema?.hide) {
      throw new Error(`Route ${String(route.method)} ${route.url} is hidden from the API document`);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Niangjia (娘家) API', version: config.version, description: 'Errors are RFC 9457 application/problem+json in zh-CN (default) or en per Accept-Language.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'nj_sid' } } },
    },
    // The permission each operation needs is part of the document (and of the security suite's matrix).
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const permission = input.route.config?.permission;
      if (!permission) return out;
      const schema = out.schema as Record<string, unknown>;
      return { ...out, schema: { ...schema, 'x-permission': permission, ...(permission === 'public' ? {} : { security: [{ session: [] }] }) } };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', sessionHook(services.auth));
  // NUL bytes, lone surrogates, impossible dates and absurd nesting: refused once for every route.
  app.addHook('preValidation', async (request) => rejectBadInput(request));
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (permission !== 'authenticated' && !hasPermission(request.actor, permission)) throw new AppError('FORBIDDEN');
  });

  await app.register(systemRoutes, { config, database, metrics });

  await app.register(moduleRoutes, { prefix: '/api/v1', config, database, services, jobs, metrics, dataKeys, secrets, access, doors, screen, fundLive, marketLive, notificationHub });

  await registerWeb(app, config);
  return app;
}

/** Unlock commands by outcome (done/refused come from the controller's ack), counted where they are sent. */
function countDoorCommands(gateway: DoorGateway, metrics: Metrics): void {
  const send = gateway.sendUnlock.bind(gateway);
  gateway.sendUnlock = async (...args) => {
    try {
      const sent = await send(...args);
      metrics.countDoorCommand(sent.outcome.result);
      return sent;
    } catch (error) {
      metrics.countDoorCommand('error');
      throw error;
    }
  };
}

/** The built web app: three faces, each an SPA with its own HTML entry. */
async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const dist = config.webDistDir;
  if (!fs.existsSync(path.join(dist, 'admin.html'))) {
    app.log.warn({ dist }, 'web app not built: run `npm run build` (npm start does it for you)');
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  await app.register(fastifyStatic, { root: dist, preCompressed: true, index: false, wildcard: true, serve: true, prefix: '/' });
  const faces: [string, string][] = [
    ['/admin', 'admin.html'],
    ['/m', 'm.html'],
    ['/screen', 'screen.html'],
    ['/p', 'p.html'],
  ];
  for (const [prefix, file] of faces) {
    const handler = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.header('cache-control', 'no-cache').sendFile(file);
    app.get(prefix, handler);
    app.get(`${prefix}/*`, handler);
  }
  app.get('/', async (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
}
