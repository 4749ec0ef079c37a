import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/client';
import { authRoutes, usersRoutes } from './modules/accounts';
import { accessRoutes, createAccessService, createDoorsService, doorsRoutes } from './modules/access';
import { auditRoutes } from './modules/audit';
import { createActivityService, dashboardRoutes } from './modules/dashboard';
import { joiningRoutes, membersRoutes, xlsxRoutes } from './modules/members';
import { createNoticesService, noticesRoutes } from './modules/notices';
import { orgsRoutes } from './modules/orgs';
import { feedbackRoutes, starsRoutes } from './modules/stars';
import { createScreenService, indicatorsRoutes, screenRoutes, systemRoutes as systemStatusRoutes } from './modules/figures';
import { catalogue } from './catalogue';
import { coverageRoutes, createPositionExportService, positionsRoutes, positionsXlsxRoutes, standardsRoutes } from './modules/positions';
import { organizingRoutes } from './modules/organizing';
import { rightsRoutes } from './modules/rights';
import { cardImportRoutes, fundPublicRoutes, fundReportsRoutes, fundRoutes, posRoutes, type LiveHub } from './modules/fund';
import { contestRoutes, eventsRoutes, matchmakingRoutes, tournamentRoutes } from './modules/events';
import { surveyRoutes, liaisonRoutes, suggestionRoutes, voiceRoutes } from './modules/voice';
import { campaignRoutes, hardshipRoutes, mutualaidRoutes, springJobsRoutes, healthRoutes, studyaidRoutes, canteenRoutes, canteenTerminalRoutes } from './modules/assistance';
import { honoursRoutes, partnerRoutes, studioRoutes, volunteerRoutes } from './modules/honours';
import { marketRoutes, type RoadshowHub } from './modules/market';
import { holidaysRoutes } from './platform/holidays';
import { createJobsService, jobsRoutes, type JobRunner } from './platform/jobs';
import { createNotificationsService, notificationsRoutes, type NotificationHub } from './platform/notifications';
import type { Metrics } from './platform/metrics';
import type { DataKeys } from './platform/pii';
import type { Secrets } from './platform/secrets';
import { TODO_SOURCES, type AppServices } from './app-services';

export type ModuleRoutesOptions = {
  config: Config;
  database: Database;
  services: AppServices;
  jobs: JobRunner;
  metrics: Metrics;
  dataKeys: DataKeys;
  secrets: Secrets;
  access: ReturnType<typeof createAccessService>;
  doors: ReturnType<typeof createDoorsService>;
  screen: ReturnType<typeof createScreenService>;
  fundLive: LiveHub;
  marketLive: RoadshowHub;
  notificationHub: NotificationHub;
};

/** Every module's API routes, mounted under /api/v1 by buildApp. A new module's routes join here. */
export async function moduleRoutes(api: FastifyInstance, opts: ModuleRoutesOptions): Promise<void> {
  const { config, database, services, jobs, metrics, dataKeys, secrets, access, doors, screen, fundLive, marketLive, notificationHub } = opts;
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
  await api.register(posRoutes, {
    db: database.db,
    dataKeys,
    secrets,
    offlineMaxHours: config.pos.offlineMaxHours,
    onResults: (kind, results) => metrics.countPosResults(kind, results),
    onGroup: (n) => metrics.observePosGroup(n),
  });
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
}
