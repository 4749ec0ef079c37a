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
import { authRoutes, createAuthService, createUsersService, sessionHook, usersRoutes, type ResolvedSession } from './modules/accounts';
import { createNotifyListener } from './platform/notify-listener';
import { createSessionCache, SESSION_CACHE_CHANNEL } from './platform/session-cache';
import { accessRoutes, createAccessService, createDoorCache, createDoorGateway, createDoorsService, doorAlarmTodos, doorsRoutes, type DoorGateway } from './modules/access';
import { auditRoutes } from './modules/audit';
import { createActivityService, dashboardRoutes } from './modules/dashboard';
import { createExportService, createImportService, createJoiningService, createMembersService, joiningRoutes, memberApplicationTodos, memberImportTodos, membersRoutes, xlsxRoutes } from './modules/members';
import { createNoticesService, noticesRoutes } from './modules/notices';
import { createOrgsService, orgsRoutes } from './modules/orgs';
import { createFeedbackService, createStarsService, doorAccessFigures, feedbackRoutes, feedbackTodos, starsRoutes } from './modules/stars';
import { createFiguresService, createScreenService, createTargetsService, indicatorsRoutes, screenRoutes, systemRoutes as systemStatusRoutes } from './modules/figures';
import { catalogue } from './catalogue';
import {
  coverageRoutes,
  createCoverageService,
  createNetworkService,
  createPositionExportService,
  createPositionImportService,
  createPositionsService,
  createMapContextService,
  createStandardsService,
  positionImportTodos,
  positionShortfallTodos,
  positionsRoutes,
  positionsXlsxRoutes,
  standardsRoutes,
} from './modules/positions';
import { createCeremoniesService, joinViaUnion, createEnterprisesService, createOrganizingTargetsService, organizingRoutes, organizingTodos, meetingPhotoPaths, registerOrganizingJobs } from './modules/organizing';
import { createRightsServices, registerRightsJobs, renderRightsPdf, rightsRoutes, rightsTodoSources } from './modules/rights';
import { cardImportRoutes, createCardImportService, createCardsService, createCustodianService, createLiveHub, createShopsService, fundPublicRoutes, fundReportsRoutes, fundRoutes, posRoutes, type LiveHub } from './modules/fund';
import { contestRoutes, createEventsServices, eventsRoutes, matchmakingRoutes, registerEventsJobs, registerMatchmakingJobs, tournamentRoutes } from './modules/events';
import { createLiaisonService, createSuggestionService, createSurveyService, surveyRoutes, createVoiceService, createVoiceSupportService, liaisonPhotoPaths, liaisonRoutes, liaisonTodos, registerVoiceJobs, reportPhotoPaths, suggestionPhotoPaths, suggestionRoutes, suggestionTodos, voiceRoutes, voiceTodos } from './modules/voice';
import { assistanceTodoSources, campaignPhotoPaths, campaignRoutes, createCampaignService, createHardshipService, createMutualaidService, hardshipPhotoPaths, hardshipRoutes, mutualaidPhotoPaths, mutualaidRoutes, registerHardshipJobs, createSpringJobsService, springJobsRoutes, createHealthService, healthRoutes, registerHealthJobs, createStudyaidService, studyaidRoutes, studyaidPhotoPaths, createCanteenService, canteenRoutes, canteenTerminalRoutes, canteenPhotoPaths } from './modules/assistance';
import { createHonoursService, createStudioService, honourPhotoPaths, honoursRoutes, studioRoutes } from './modules/honours';
import { createPartnerService, createVolunteerService, partnerRoutes, registerVolunteerJobs, volunteerRoutes, volunteerTodos } from './modules/honours';
import { createMarketServices, createRoadshowHub, marketProviderTodos, marketRoutes, marketVersionTodos, type RoadshowHub } from './modules/market';
import { hasPermission } from './platform/auth';
import { createHolidaysService, holidaysRoutes } from './platform/holidays';
import type { Clock } from './platform/clock';
import { createJobRunner, createJobsService, jobsRoutes, type JobRunner } from './platform/jobs';
import { AppError } from './platform/errors';
import { registerErrorHandling, registerUniqueField } from './platform/error-handler';
import { loggerOptions } from './platform/logger';
import { createNotificationHub, createNotificationsService, notificationsRoutes, registerNotificationJobs, type NotificationHub, type TodoSource } from './platform/notifications';
import { createMetrics, type Metrics } from './platform/metrics';
import { systemRoutes } from './platform/system.routes';
import { loadDataKeys, type DataKeys } from './platform/pii';
import { loadSecrets, type Secrets } from './platform/secrets';
import { registerSecurityHeaders } from './platform/security-headers';
import { createLogSmsSender, createMemorySmsSender, createWebhookSmsSender, type SmsSender } from './platform/sms';
import { rejectBadInput, zodValidatorCompiler } from './platform/validation';

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

export type AppServices = ReturnType<typeof createServices>;

function createServices(config: Config, database: Database, sms: SmsSender, secrets: Secrets, dataKeys: DataKeys, jobs: JobRunner, isCoverageOnMainThread = false) {
  const { db } = database;
  const standards = createStandardsService({ db });
  const holidays = createHolidaysService({ db });
  const sessionCache = createSessionCache<ResolvedSession>({ ttlMs: config.session.cacheSeconds * 1000, maxEntries: config.session.cacheEntries });
  return {
    sessionCache,
    holidays,
    rights: createRightsServices({ db, secrets, dataKeys, holidays, render: renderRightsPdf }),
    orgs: createOrgsService({ db }),
    auth: createAuthService({ db, config, secrets, sms, sessions: sessionCache }),
    users: createUsersService({ db, secrets, sessions: sessionCache }),
    ...createMembersServices({ db, secrets, dataKeys, jobs, joinViaUnion }),
    positions: createPositionsService({ db, networks: createNetworkService({ db }) }),
    mapContext: createMapContextService({ db, networks: createNetworkService({ db }) }),
    positionImports: createPositionImportService({ db, jobs }),
    ...createStarsServices({ db, standards }),
    coverage: createCoverageService({ db, jobs, networks: createNetworkService({ db }), isOnMainThread: isCoverageOnMainThread }),
    standards,
    fundShops: createShopsService({ db, dataKeys }),
    fundCards: createCardsService({ db, secrets }),
    fundCardImports: createCardImportService({ db, secrets, cards: createCardsService({ db, secrets }) }),
    fundCustodian: createCustodianService({ db }),
    // Links in QR codes: absolute with NIANGJIA_PUBLIC_URL, else relative (the screens prefix their own origin).
    market: createMarketServices({ db, secrets, publicUrl: (config.publicUrl ?? '').replace(/\/$/, '') }),
    events: createEventsServices({ db, secrets, clock: jobs.clock }),
    figures: createFiguresService({ db, catalogue }),
    targets: createTargetsService({ db, catalogue }),
    enterprises: createEnterprisesService({ db }),
    organizingTargets: createOrganizingTargetsService({ db, catalogue }),
    ceremonies: createCeremoniesService({ db }),
    voice: createVoiceService({ db, clock: jobs.clock, mapContext: createMapContextService({ db, networks: createNetworkService({ db }) }) }),
    voiceSupport: createVoiceSupportService({ db }),
    liaison: createLiaisonService({ db, clock: jobs.clock }),
    suggestions: createSuggestionService({ db, clock: jobs.clock }),
    surveys: createSurveyService({ db, clock: jobs.clock }),
    mutualaid: createMutualaidService({ db, secrets, clock: jobs.clock }),
    hardship: createHardshipService({ db, clock: jobs.clock, dataKeys }),
    campaigns: createCampaignService({ db, clock: jobs.clock }),
    springJobs: createSpringJobsService({ db, clock: jobs.clock }),
    health: createHealthService({ db, clock: jobs.clock }),
    studyaid: createStudyaidService({ db, secrets, dataKeys, clock: jobs.clock }),
    honours: createHonoursService({ db, clock: jobs.clock }),
    studios: createStudioService({ db, clock: jobs.clock }),
    volunteers: createVolunteerService({ db, clock: jobs.clock }),
    partners: createPartnerService({ db, clock: jobs.clock }),
    canteen: createCanteenService({ db, dataKeys, secrets, clock: jobs.clock }),
  };
}

/** Stars read the district's facility standard and, for smart stations, the doors' usage figures. */
function createStarsServices(deps: { db: Database['db']; standards: ReturnType<typeof createStandardsService> }) {
  const stars = createStarsService({
    db: deps.db,
    accessFigures: doorAccessFigures(deps.db),
    standardKeys: (paths) => deps.standards.standardKeysFor(paths),
    photoOwners: [meetingPhotoPaths, reportPhotoPaths, liaisonPhotoPaths, suggestionPhotoPaths, mutualaidPhotoPaths, hardshipPhotoPaths, campaignPhotoPaths, studyaidPhotoPaths, honourPhotoPaths, canteenPhotoPaths],
  });
  return { stars, feedback: createFeedbackService({ ...deps, stars }) };
}

function createMembersServices(deps: Parameters<typeof createImportService>[0]) {
  const members = createMembersService(deps);
  return { members, joining: createJoiningService(deps), imports: createImportService(deps), exports: createExportService(deps, members) };
}

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

/** 待办 of every module, in the order the bell and the 工作台 list them. */
const TODO_SOURCES: readonly TodoSource[] = [memberApplicationTodos, feedbackTodos, doorAlarmTodos, positionShortfallTodos, memberImportTodos, positionImportTodos, marketProviderTodos, marketVersionTodos, ...rightsTodoSources, organizingTodos, voiceTodos, liaisonTodos, suggestionTodos, ...assistanceTodoSources, volunteerTodos];

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
  const jobs = createJobRunner({ db: database.db, log: app.log, runnerId: `${config.instanceId}:${randomUUID().slice(0, 4)}`, leaseMs: config.jobLeaseSeconds * 1000, ...(opts.jobRunner || {}), ...(opts.clock ? { clock: opts.clock } : {}) });
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
  registerRightsJobs({ jobs, rights: services.rights });
  registerEventsJobs({ jobs, registrations: services.events.registrations });
  registerMatchmakingJobs({ jobs, matchmaking: services.events.matchmaking });
  registerOrganizingJobs({ jobs, enterprises: services.enterprises });
  registerVoiceJobs({ jobs, voice: services.voice });
  registerHardshipJobs({ jobs, hardship: services.hardship });
  registerHealthJobs({ jobs, health: services.health });
  registerVolunteerJobs({ jobs, volunteers: services.volunteers });
  // Door controllers (access): the MQTT side starts with the app and stops with it.
  // Each instance's copy of its doors (controller, station, policy), dropped on every instance when a change is NOTIFYed.
  const doorCache = createDoorCache({ database, db: database.db, log: app.log });
  app.addHook('onReady', async () => doorCache.start());
  app.addHook('onClose', async () => doorCache.stop());
  const doorGateway = createDoorGateway({ database, mqtt: config.mqtt, door: config.door, secrets, dataKeys, log: app.log, isProduction: config.env === 'production', onAck: (result) => app.metrics.countDoorAck(result), cache: doorCache });
  app.decorate('doorGateway', doorGateway);
  if (opts.doors !== false) {
    app.addHook('onReady', async () => doorGateway.start());
    app.addHook('onClose', async () => doorGateway.stop());
  }
  // The district screen hears every committed change to a rollup (LISTEN/NOTIFY) on this instance.
  const screen = createScreenService({ database, figures: services.figures, log: app.log });
  // Every open Server-Sent-Events stream of this instance: fund screens, district screens, bells.
  const metrics = createMetrics({ instanceId: config.instanceId, version: config.version, database, sseClients: () => fundLive.clientCount() + marketLive.clientCount() + screen.clientCount() + notificationHub.streamCount() });
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

  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth: services.auth, users: services.users, config });
      await api.register(usersRoutes, { auth: services.auth, users: services.users, config });
      await api.register(orgsRoutes, { orgs: services.orgs });
      await api.register(auditRoutes, { db: database.db });
      await api.register(joiningRoutes, { joining: services.joining });
      await api.register(membersRoutes, { members: services.members });
      await api.register(xlsxRoutes, { imports: services.imports, exports: services.exports });
      await api.register(positionsRoutes, { positions: services.positions, mapContext: services.mapContext, map: config.map });
      await api.register(positionsXlsxRoutes, { imports: services.positionImports, exports: createPositionExportService({ db: database.db, positions: services.positions }) });
      await api.register(starsRoutes, { stars: services.stars });
      await api.register(feedbackRoutes, { feedback: services.feedback });
      await api.register(coverageRoutes, { coverage: services.coverage });
      await api.register(standardsRoutes, { standards: services.standards });
      await api.register(accessRoutes, { access });
      await api.register(doorsRoutes, { doors });
      await api.register(fundRoutes, { shops: services.fundShops, cards: services.fundCards });
      await api.register(cardImportRoutes, { imports: services.fundCardImports });
      await api.register(fundReportsRoutes, { db: database.db, cards: services.fundCards, custodian: services.fundCustodian });
      await api.register(fundPublicRoutes, { db: database.db, live: fundLive });
      await api.register(marketRoutes, { market: services.market, live: marketLive });
      await api.register(dashboardRoutes, { activity: createActivityService({ db: database.db }) });
      await api.register(noticesRoutes, { notices: createNoticesService({ db: database.db }) });
      await api.register(notificationsRoutes, { notifications: createNotificationsService({ db: database.db, todoSources: TODO_SOURCES, clock: jobs.clock }), hub: notificationHub });
      await api.register(jobsRoutes, { jobs: createJobsService({ db: database.db, clock: jobs.clock, kick: () => jobs.kick() }) });
      await api.register(posRoutes, { db: database.db, dataKeys, secrets, offlineMaxHours: config.pos.offlineMaxHours, onResults: (kind, results) => metrics.countPosResults(kind, results), onGroup: (n) => metrics.observePosGroup(n) });
      await api.register(holidaysRoutes, { holidays: services.holidays });
      await api.register(rightsRoutes, { rights: services.rights });
      await api.register(eventsRoutes, services.events);
      await api.register(tournamentRoutes, { tournament: services.events.tournament });
      await api.register(matchmakingRoutes, services.events);
      await api.register(contestRoutes, services.events);
      await api.register(hardshipRoutes, { hardship: services.hardship });
      await api.register(voiceRoutes, { voice: services.voice, support: services.voiceSupport });
      await api.register(liaisonRoutes, { liaison: services.liaison });
      await api.register(suggestionRoutes, { suggestions: services.suggestions });
      await api.register(surveyRoutes, { surveys: services.surveys });
      await api.register(organizingRoutes, { db: database.db, enterprises: services.enterprises, targets: services.organizingTargets, ceremonies: services.ceremonies });
      await api.register(mutualaidRoutes, { mutualaid: services.mutualaid });
      await api.register(campaignRoutes, { campaigns: services.campaigns });
      await api.register(springJobsRoutes, { jobs: services.springJobs });
      await api.register(healthRoutes, { health: services.health });
      await api.register(studyaidRoutes, { studyaid: services.studyaid });
      await api.register(honoursRoutes, { honours: services.honours });
      await api.register(studioRoutes, { studios: services.studios });
      await api.register(volunteerRoutes, { volunteers: services.volunteers });
      await api.register(partnerRoutes, { partners: services.partners });
      await api.register(canteenRoutes, { canteen: services.canteen });
      await api.register(canteenTerminalRoutes, { canteen: services.canteen });
      await api.register(indicatorsRoutes, { figures: services.figures, targets: services.targets });
      await api.register(screenRoutes, { screen });
      await api.register(systemStatusRoutes, { database, catalogue, jobs, version: config.version });
    },
    { prefix: '/api/v1' },
  );

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
