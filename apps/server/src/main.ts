import { buildApp } from './app';
import { demoDoorsText } from './modules/access';
import { assertNoDemoData, openConfiguredDatabase, runMigrations } from './boot';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseInUseError } from './db/client';
import { demoSignInsText, seedDemo } from './db/seed/demo';
import { loadDataKeys } from './platform/pii';
import { loadSecrets } from './platform/secrets';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openConfiguredDatabase(config);
  if (config.migrateOnStart) await runMigrations(database);
  if (config.env === 'production') await assertNoDemoData(database);
  const secrets = loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: config.env !== 'production' });

  const dataKeys = loadDataKeys({ dataKey: config.dataKey, previous: config.previousDataKeys, dataDir: config.dataDir, allowGenerate: config.env !== 'production' });

  const app = await buildApp({ config, database, secrets, dataKeys });
  if (secrets.source !== 'env') {
    app.log.warn(`NIANGJIA_SECRET is not set: using the key file in ${config.dataDir} (fine for a demo; set NIANGJIA_SECRET in production)`);
  }
  if (dataKeys.source !== 'env') {
    app.log.warn(`NIANGJIA_DATA_KEY is not set: personal data is encrypted with the key file ${config.dataDir}/data-key (fine for a demo; set NIANGJIA_DATA_KEY in production and keep a backup of it)`);
  }
  if (config.isDemo) {
    const { seeded, orgs, members } = await seedDemo(database, { pii: { secrets, dataKeys } });
    if (seeded) app.log.info({ orgs, members }, 'demo data loaded');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    try {
      // Stops accepting, waits for requests in flight, then closes the database.
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  const banner = [
    '',
    `娘家 Niangjia ${config.version} is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? `, ${config.dataDir}` : ''})`,
    config.isDemo ? `演示模式 Demo mode — sign-ins:\n${demoSignInsText(url)}` : '',
    config.isDemo ? demoDoorsText(app.doorGateway.mqttUrl) : '',
    config.isDemo && ['127.0.0.1', 'localhost', '::1'].includes(config.host)
      ? '演示模式只接受本机访问（演示密码是公开的）。要让局域网访问：HOST=0.0.0.0 NIANGJIA_MQTT_HOST=0.0.0.0 npm start\nDemo mode answers this machine only (its passwords are public). To open it to your network: HOST=0.0.0.0 NIANGJIA_MQTT_HOST=0.0.0.0 npm start'
      : '',
    '',
  ].join('\n');
  process.stdout.write(banner + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseInUseError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
