/**
 * The modules' services, their 待办 sources and their scheduled jobs, built once per app instance
 * (buildApp in app.ts wires them to Fastify; app-routes.ts mounts their routes).
 */

import type { Config } from './config';
import type { Database } from './db/client';
import { createAuthService, createUsersService, type ResolvedSession } from './modules/accounts';
import { createSessionCache } from './platform/session-cache';
import { doorAlarmTodos } from './modules/access';
import { createExportService, createImportService, createJoiningService, createMembersService, memberApplicationTodos, memberImportTodos } from './modules/members';
import { createOrgsService } from './modules/orgs';
import { createFeedbackService, createStarsService, doorAccessFigures, feedbackTodos } from './modules/stars';
import { createFiguresService, createTargetsService } from './modules/figures';
import { catalogue } from './catalogue';
import {
  createCoverageService,
  createNetworkService,
  createPositionImportService,
  createPositionsService,
  createMapContextService,
  createStandardsService,
  positionImportTodos,
  positionShortfallTodos,
} from './modules/positions';
import { createCeremoniesService, joinViaUnion, createEnterprisesService, createOrganizingTargetsService, organizingTodos, meetingPhotoPaths, registerOrganizingJobs } from './modules/organizing';
import { createRightsServices, registerRightsJobs, renderRightsPdf, rightsTodoSources } from './modules/rights';
import { createCardImportService, createCardsService, createCustodianService, createShopsService } from './modules/fund';
import { createEventsServices, registerEventsJobs, registerMatchmakingJobs } from './modules/events';
import {
  createLiaisonService,
  createSuggestionService,
  createSurveyService,
  createVoiceService,
  createVoiceSupportService,
  liaisonPhotoPaths,
  liaisonTodos,
  registerVoiceJobs,
  reportPhotoPaths,
  suggestionPhotoPaths,
  suggestionTodos,
  voiceTodos,
} from './modules/voice';
import {
  assistanceTodoSources,
  campaignPhotoPaths,
  createCampaignService,
  createHardshipService,
  createMutualaidService,
  hardshipPhotoPaths,
  mutualaidPhotoPaths,
  registerHardshipJobs,
  createSpringJobsService,
  createHealthService,
  registerHealthJobs,
  createStudyaidService,
  studyaidPhotoPaths,
  createCanteenService,
  canteenPhotoPaths,
} from './modules/assistance';
import { createHonoursService, createStudioService, honourPhotoPaths } from './modules/honours';
import { createPartnerService, createVolunteerService, partnerTodos, registerVolunteerJobs, volunteerTodos } from './modules/honours';
import { createMarketServices, marketProviderTodos, marketVersionTodos } from './modules/market';
import { createHolidaysService } from './platform/holidays';
import type { JobRunner } from './platform/jobs';
import type { TodoSource } from './platform/notifications';
import type { DataKeys } from './platform/pii';
import type { Secrets } from './platform/secrets';
import type { SmsSender } from './platform/sms';

export type AppServices = ReturnType<typeof createServices>;

export function createServices(config: Config, database: Database, sms: SmsSender, secrets: Secrets, dataKeys: DataKeys, jobs: JobRunner, isCoverageOnMainThread = false) {
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
    photoOwners: [
      meetingPhotoPaths,
      reportPhotoPaths,
      liaisonPhotoPaths,
      suggestionPhotoPaths,
      mutualaidPhotoPaths,
      hardshipPhotoPaths,
      campaignPhotoPaths,
      studyaidPhotoPaths,
      honourPhotoPaths,
      canteenPhotoPaths,
    ],
  });
  return { stars, feedback: createFeedbackService({ ...deps, stars }) };
}

function createMembersServices(deps: Parameters<typeof createImportService>[0]) {
  const members = createMembersService(deps);
  return { members, joining: createJoiningService(deps), imports: createImportService(deps), exports: createExportService(deps, members) };
}

/** 待办 of every module, in the order the bell and the 工作台 list them. */
export const TODO_SOURCES: readonly TodoSource[] = [
  memberApplicationTodos,
  feedbackTodos,
  doorAlarmTodos,
  positionShortfallTodos,
  memberImportTodos,
  positionImportTodos,
  marketProviderTodos,
  marketVersionTodos,
  ...rightsTodoSources,
  organizingTodos,
  voiceTodos,
  liaisonTodos,
  suggestionTodos,
  ...assistanceTodoSources,
  volunteerTodos,
  partnerTodos,
];

/** The scheduled jobs of the modules (each module's handlers on the one job runner). */
export function registerModuleJobs(jobs: JobRunner, services: AppServices): void {
  registerRightsJobs({ jobs, rights: services.rights });
  registerEventsJobs({ jobs, registrations: services.events.registrations });
  registerMatchmakingJobs({ jobs, matchmaking: services.events.matchmaking });
  registerOrganizingJobs({ jobs, enterprises: services.enterprises });
  registerVoiceJobs({ jobs, voice: services.voice });
  registerHardshipJobs({ jobs, hardship: services.hardship });
  registerHealthJobs({ jobs, health: services.health });
  registerVolunteerJobs({ jobs, volunteers: services.volunteers });
}
