import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { prepareDatabase } from './catalogue';
import type { MigrationResult } from './db/migrate';
import { hasDemoUsers, isDemoSeeded } from './db/seed/demo';

/** Opens the configured database (PGlite in the data directory, or PostgreSQL). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/**
 * Migrations, then the indicator catalogue's triggers and rollups (a series whose definition
 * changed is rebuilt from the records): every entry point that migrates goes through here.
 */
export async function runMigrations(database: Database): Promise<MigrationResult & { rebuiltSeries: string[] }> {
  const { indicators, ...migrations } = await prepareDatabase(database);
  return { ...migrations, rebuiltSeries: indicators.rebuilt };
}

/** In production, a database holding demo data or demo sign-ins is refused (issue #2). */
export async function assertNoDemoData(database: Database): Promise<void> {
  const problems: string[] = [];
  if (await isDemoSeeded(database)) problems.push('the database holds demo data (seed --demo)');
  if (await hasDemoUsers(database)) problems.push('the database holds demo sign-ins');
  if (problems.length) {
    throw new Error(`Refusing to start in production: ${problems.join('; ')}. Use a fresh database and create the first admin with \`npm run cli -- user create\`.`);
  }
}
