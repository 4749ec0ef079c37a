/**
 * The service marketplace (职工服务自选超市), issue #12: providers and their portal, versioned
 * service projects, the staged competition (call → 初审 → 路演 → 决赛 → published) with expert
 * rubric scores (platform/rubric) and worker representatives' votes, the roadshow screen, the
 * project library, ordering with district subsidies, delivery with attendance, ratings and
 * monthly settlement.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../db/client';
import type { RoadshowHub } from './live';
import type { Secrets } from '../../platform/secrets';
import { competitionRoutes } from './competition.routes';
import { createDeliveryService } from './delivery.service';
import { createEntriesService } from './entries.service';
import { createFilesService } from './files.service';
import { createJudgingService } from './judging.service';
import { createLibraryService } from './library.service';
import { createMarketNotifier, type MarketNotifier } from './notify';
import { createOrdersService } from './orders.service';
import { ordersRoutes } from './orders.routes';
import { phoneRoutes } from './phone.routes';
import { createProjectsService } from './projects.service';
import { projectsRoutes } from './projects.routes';
import { createProvidersService } from './providers.service';
import { providersRoutes } from './providers.routes';
import { createResultsService } from './results.service';
import { createRoadshowService } from './roadshow.service';
import { roadshowRoutes } from './roadshow.routes';
import { createSeasonsService } from './seasons.service';
import { createSettlementService } from './settlement.service';
import { createSubsidyService } from './subsidy.service';
import { createVotingService } from './voting.service';

export { createRoadshowHub, MARKET_CHANNEL, type RoadshowHub } from './live';
export { marketProviderTodos, marketVersionTodos } from './market.todos';
export { computeResults, fingerprintOf, type ResultInputs } from './results.compute';
export { loadResultInputs } from './results.service';
export { findSeason as findSeasonRow } from './seasons.repository';
export type { MarketNotice, MarketNotifier } from './notify';
export * from './market.tables';
export * from './competition.tables';
export * from './orders.tables';

export type MarketServicesDeps = { db: Db; secrets: Secrets; publicUrl: string; notifier?: MarketNotifier; clock?: () => Date };

export function createMarketServices(d: MarketServicesDeps) {
  const deps = { db: d.db, secrets: d.secrets, notifier: d.notifier ?? createMarketNotifier(), ...(d.clock ? { clock: d.clock } : {}) };
  const files = createFilesService({ db: d.db });
  const providers = createProvidersService({ ...deps, files });
  const seasons = createSeasonsService(deps);
  const subsidy = createSubsidyService(deps);
  const orders = createOrdersService({ ...deps, subsidy });
  return {
    files,
    providers,
    projects: createProjectsService({ ...deps, files, providers }),
    library: createLibraryService({ db: d.db }),
    seasons,
    entries: createEntriesService({ ...deps, seasons }),
    judging: createJudgingService({ ...deps, seasons, providers }),
    voting: createVotingService({ ...deps, seasons, publicUrl: d.publicUrl }),
    results: createResultsService({ ...deps, seasons }),
    roadshow: createRoadshowService({ db: d.db, secrets: d.secrets, publicUrl: d.publicUrl, ...(d.clock ? { clock: d.clock } : {}) }),
    subsidy,
    orders,
    delivery: createDeliveryService({ ...deps, files, publicUrl: d.publicUrl }),
    settlement: createSettlementService({ db: d.db }),
  };
}

export type MarketServices = ReturnType<typeof createMarketServices>;

/** Every route of the marketplace, under /api/v1. */
export const marketRoutes: FastifyPluginAsync<{ market: MarketServices; live: RoadshowHub }> = async (app, { market: m, live }) => {
  await app.register(providersRoutes, { providers: m.providers, files: m.files });
  await app.register(projectsRoutes, { projects: m.projects, library: m.library });
  await app.register(competitionRoutes, { seasons: m.seasons, entries: m.entries, judging: m.judging, voting: m.voting, results: m.results });
  await app.register(phoneRoutes, { judging: m.judging, voting: m.voting, orders: m.orders, delivery: m.delivery });
  await app.register(ordersRoutes, { orders: m.orders, delivery: m.delivery, subsidy: m.subsidy, settlement: m.settlement });
  await app.register(roadshowRoutes, { roadshow: m.roadshow, live });
};
export { marketIndicators } from './market.indicators';
