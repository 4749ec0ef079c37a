import type { Database } from './db/client';
import { runMigrations, type MigrationResult } from './db/migrate';
import { accessIndicators } from './modules/access';
import { mutualaidIndicators } from './modules/assistance';
import { eventsIndicators } from './modules/events';
import { figuresIndicators } from './modules/figures';
import { fundIndicators } from './modules/fund';
import { marketIndicators } from './modules/market';
import { membersIndicators } from './modules/members';
import { organizingIndicators } from './modules/organizing';
import { voiceIndicators } from './modules/voice';
import { hardshipIndicators } from './modules/assistance';
import { campaignIndicators } from './modules/assistance';
import { healthIndicators, jobsIndicators, studyaidIndicators, canteenIndicators } from './modules/assistance';
import { honoursIndicators, partnerIndicators, volunteerIndicators } from './modules/honours';
import { orgsIndicators } from './modules/orgs';
import { positionsIndicators } from './modules/positions';
import { rightsIndicators } from './modules/rights';
import { starsIndicators } from './modules/stars';
import { createCatalogue, syncIndicatorSeries, type SyncResult } from './platform/indicators';

/**
 * Every module's indicators: the one list of the catalogue. A new module adds its
 * `xxxIndicators` here (see platform/indicators/index.ts).
 */
const MODULES = [orgsIndicators, membersIndicators, organizingIndicators, positionsIndicators, starsIndicators, accessIndicators, fundIndicators, rightsIndicators, marketIndicators, voiceIndicators, eventsIndicators, mutualaidIndicators, hardshipIndicators, campaignIndicators, jobsIndicators, healthIndicators, studyaidIndicators, honoursIndicators, volunteerIndicators, canteenIndicators, partnerIndicators];
export const catalogue = createCatalogue([...MODULES, figuresIndicators(MODULES)]);

/** Migrations, then the indicator triggers and any series whose definition changed (main, cli, tests). */
export async function prepareDatabase(database: Database): Promise<MigrationResult & { indicators: SyncResult }> {
  const migrations = await runMigrations(database);
  const indicators = await syncIndicatorSeries(database, catalogue);
  return { ...migrations, indicators };
}
