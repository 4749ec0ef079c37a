import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { adminQuery } from '../../apps/server/src/test/test-db';
import { checkBrowser } from './browser';
import { startServer } from './server';

/**
 * Seeds the demo once for the whole e2e run: one server starts afresh (migrations and the demo
 * seed), stops cleanly, and its data directory and database become the template every journey
 * server copies (see startServer). Removed when the run ends.
 */
export default async function setup(project: TestProject) {
  // No browser here (the journeys skip themselves; CI fails them), or asked to seed each server afresh.
  if (!checkBrowser().canRun || process.env.NIANGJIA_E2E_FRESH_SEED === '1') {
    project.provide('e2eServerTemplate', null);
    return;
  }
  const started = Date.now();
  const seeded = await startServer({ template: null, keep: true });
  await seeded.stop();
  const template = { dataDir: seeded.dataDir, ...(seeded.dbName ? { dbName: seeded.dbName } : {}) };
  project.provide('e2eServerTemplate', template);
  console.log(`e2e: demo seeded once in ${Math.round((Date.now() - started) / 1000)} s; journey servers start from a copy`);
  return async () => {
    await rm(template.dataDir, { recursive: true, force: true }).catch(() => undefined);
    if (template.dbName) await adminQuery(`drop database if exists ${template.dbName} with (force)`).catch(() => undefined);
  };
}
