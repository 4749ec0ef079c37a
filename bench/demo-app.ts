// One app instance with the demo seeded, on a fresh PostgreSQL database of the benchmark server,
// listening on real HTTP: the set-up the fund, marketplace and events benchmarks share.
import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../apps/server/src/app";
import { testConfig } from "../apps/server/src/config";
import { openDatabase, type Database } from "../apps/server/src/db/client";
import { runMigrations } from "../apps/server/src/db/migrate";
import { seedDemo } from "../apps/server/src/db/seed/demo";
import { loadDataKeys } from "../apps/server/src/platform/pii";
import { loadSecrets } from "../apps/server/src/platform/secrets";
import { dropDatabase, recreateDatabase, withDatabase, type Log } from "./common";

export type DemoApp = { database: Database; app: FastifyInstance; base: string; close: () => Promise<void> };

/** Migrates and seeds the demo into `dbName` (recreated), starts the app on a free port; `close` drops the database. */
export async function startDemoApp(adminUrl: string, dbName: string, log: Log, label: string): Promise<DemoApp> {
  await recreateDatabase(adminUrl, dbName);
  const config = testConfig();
  const pii = {
    secrets: loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: false }),
    dataKeys: loadDataKeys({ dataKey: config.dataKey, dataDir: config.dataDir, allowGenerate: false }),
  };
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, dbName), poolSize: 10 });
  const app = await buildApp({ config, database, logger: false, jobRunner: false, ...pii });
  const close = async () => {
    await app.close();
    await database.close();
    await dropDatabase(adminUrl, dbName);
  };
  try {
    log(`${label}: migrating and seeding the demo`);
    await runMigrations(database);
    await seedDemo(database, { pii });
    await app.listen({ port: 0, host: "127.0.0.1" });
  } catch (err) {
    await close();
    throw err;
  }
  return { database, app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`, close };
}

/** A worker account with a session for a member's phone, written as phone sign-in would write them (the SMS code is not the subject). */
export async function phoneSession(database: Database, m: { real_name: string; phone: string }): Promise<{ userId: string; cookie: string; csrf: string }> {
  const [user] = await database.query<{ id: string }>("insert into app_user (display_name, phone) values ($1, $2) returning id", [m.real_name, m.phone]);
  await database.query("insert into role_grant (user_id, role) values ($1, 'worker')", [user!.id]);
  const token = randomBytes(32).toString("base64url");
  const csrf = randomBytes(24).toString("base64url");
  await database.query("insert into session (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')", [createHash("sha256").update(token).digest("base64url"), user!.id, csrf]);
  return { userId: user!.id, cookie: `nj_sid=${token}`, csrf };
}
