import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client';
import { prepareDatabase } from '../catalogue';
import { seedDemo } from '../db/seed/demo';
import { testConfig } from '../config';
import { loadDataKeys } from '../platform/pii';
import { loadSecrets } from '../platform/secrets';
import { adminQuery, randomDbName, testDbKind, withDatabaseName } from './test-db';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** A PGlite dump file (pglite) or a template database name (postgres): migrated and seeded once. */
    dbTemplate: string;
  }
}

/**
 * Migrates and seeds the demo once per run; every test file then starts from a copy: a PGlite
 * dump loaded in ~0.4 s, or CREATE DATABASE … TEMPLATE on PostgreSQL.
 */
/** The keys createTestApp's config uses, so seeded ID numbers decrypt and hash the same way. */
function testPii() {
  const config = testConfig();
  return {
    secrets: loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: false }),
    dataKeys: loadDataKeys({ dataKey: config.dataKey, dataDir: config.dataDir, allowGenerate: false }),
  };
}

export default async function setup(project: TestProject) {
  if (process.env.CI === 'true' && process.env.NIANGJIA_TEST_DB === 'postgres' && !process.env.TEST_DATABASE_URL) {
    throw new Error('CI=true: TEST_DATABASE_URL is required for the PostgreSQL run');
  }
  const kind = testDbKind();
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await prepareDatabase(database);
    await seedDemo(database, { pii: testPii() });
    const dump = await database.pglite!.dumpDataDir('none');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'niangjia-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('dbTemplate', file);
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const name = randomDbName('niangjia_tpl');
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(process.env.TEST_DATABASE_URL!, name), poolSize: 2 });
  await prepareDatabase(database);
  await seedDemo(database, { pii: testPii() });
  await database.close();
  project.provide('dbTemplate', name);
  return async () => {
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
}
