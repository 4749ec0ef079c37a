import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { normalizeMobilePhone, roles, type Role } from '@niangjia/contracts';
import { assertNoDemoData, openConfiguredDatabase, runMigrations } from './boot';
import { ConfigError, loadConfig, type Config } from './config';
import { DatabaseInUseError, type Database } from './db/client';
import { seedDemo } from './db/seed/demo';
import { appUser, hashPassword, roleGrant } from './modules/accounts';
import { findOrgByCode } from './modules/orgs';
import { createNetworkService, NetworkFileError } from './modules/positions';
import { simulateSales } from './modules/fund';
import { demoTerminalKey } from './db/seed/demo-fund';
import { recordAudit, systemAuditContext } from './platform/audit/audit.service';
import { BackupError, restoreBackup, writeBackup } from './db/backup';
import { dataKeyId, loadDataKeys } from './platform/pii';
import { loadSecrets } from './platform/secrets';

class UsageError extends Error {}

const HELP: Record<string, string> = {
  main: `niangjia — the Niangjia (娘家) server's command line

Usage: npm run cli -- <command> [options]     (or: npx niangjia <command>)

Commands that open the database (with the embedded database, stop the server first):
  migrate                 apply database migrations
  seed --demo             load the Jiangbei demo data (not in production)
  user create ...         create a staff user with a role on an org
  network import FILE ... store an area's walking network from an OpenStreetMap extract
  backup --out FILE       a logical backup of the whole database (files and photos included)
  restore FILE            load a backup into an empty database
  device mosquitto-files  password and ACL files for an external Mosquitto broker

Commands that work beside a running server (they talk to it, not to the database):
  device simulate ...     a door controller in the terminal (rotating QR, UNLOCKED, alarms)
  pos simulate ...        a POS terminal that keeps selling to a running server (demo)

  help <command>          help for one command

The database is the server's: DATABASE_URL, or the embedded one in NIANGJIA_DATA_DIR (./data).
To reset the demo: stop the server, delete ./data (or NIANGJIA_DATA_DIR) and run npm start again.`,
  backup: `Usage: npm run cli -- backup --out FILE

Writes every table (uploaded files and photos included: they live in the database) as gzip'd JSON
lines from one consistent snapshot. Works on the embedded database (stop the server first) and on
PostgreSQL (servers may keep running). The file holds personal data: keep it like the database.
NOT in the file: NIANGJIA_DATA_KEY (decrypts ID numbers) and NIANGJIA_SECRET (phone and code
hashes, card signatures) — keep them apart from the backups; without them a restore is of little use.`,
  restore: `Usage: npm run cli -- restore FILE

Loads a backup into an EMPTY database (a new PostgreSQL database, or an empty NIANGJIA_DATA_DIR):
builds the schema the backup was taken at, loads every table in one transaction, then applies this
release's later migrations. Refuses a backup taken by a newer release and a database with data.
Set the same NIANGJIA_DATA_KEY and NIANGJIA_SECRET as the server the backup came from.`,
  migrate: `Usage: npm run cli -- migrate

Applies the migrations that have not run yet, in order, each in one transaction.`,
  seed: `Usage: npm run cli -- seed --demo

Loads the Jiangbei demo: 重庆市总工会 → 江北区总工会 → 12 streets/towns, parks, joint unions and
grassroots unions, plus demo sign-ins. Runs once; refused with NODE_ENV=production.`,
  user: `Usage: npm run cli -- user create --username U --password P --role R [--org ORG_CODE] [--name NAME] [--phone PHONE]

Creates a staff user. The first admin of a production installation is made this way:
  npm run cli -- user create --username admin --password '…' --role platform_admin

Options:
  --username   3–32 letters, digits, . _ -; starts with a letter
  --password   at least 10 characters
  --role       one of: ${roles.join(', ')}
  --org        the org code the role is granted on (required for every role but platform_admin and worker)
  --name       display name (default: the username)
  --phone      mainland mobile number, to sign in with it too`,
  network: `Usage: npm run cli -- network import FILE --area ORG_CODE [--name NAME]

Reads an OpenStreetMap extract (.osm, .osm.gz or .osm.pbf; the content decides), keeps the
walkable ways (foot rules: see apps/server/src/modules/positions/geo/README.md), builds the
walking graph and stores it as the network of the area. An area has one network: importing again
replaces it. The nearest-station search then measures walks along these streets for points
inside the network's bounding box.

Options:
  --area   the org code of the area (e.g. JB-GYQ)
  --name   a name for the network (default: the file name without .osm…)

Data © OpenStreetMap contributors (ODbL): credit it wherever the network is shown.`,
  device: `Usage: npm run cli -- device simulate --device ID [--secret S] [--mqtt URL] [--alarm KIND] [--static] [--url BASE]
       npm run cli -- device mosquitto-files --out DIR

simulate: connects as the door controller ID (protocol v1, docs/door-protocol.md), prints the
rotating code as a QR of BASE/m/door/ID?c=CODE every 30 s, prints "UNLOCKED <commandId>" for each
valid unlock, and sends alarms: --alarm held_open|forced_open|power_lost|power_restored|tamper
(once, then exits) or keys f/h/p/r/t while running (q quits). --secret may be left out for the
demo doors. --mqtt defaults to NIANGJIA_MQTT_URL or the embedded broker (mqtt://127.0.0.1:1883).

mosquitto-files: writes DIR/passwd (every active controller, and the server's user
NIANGJIA_MQTT_USERNAME / NIANGJIA_MQTT_PASSWORD) and DIR/acl for Mosquitto.`,
  pos: `Usage: npm run cli -- pos simulate --shop SHOP_CODE [--rate N] [--count N] [--url URL] [--key-id K --secret S]

Signs and sends sales (POS contract v1, docs/pos-contract.md) to a running server, N a second
(default 1), until interrupted or --count sales are sent, so the fund screen moves. Without
--key-id/--secret it uses the demo terminal key of the shop (demo data only: SHOP-01 … SHOP-20).

Options:
  --url     the server (default http://127.0.0.1:PORT)`,
};

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await runMigrations(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') return HELP.main!;
  if (command === 'help') return HELP[rest[0] ?? 'main'] ?? HELP.main!;
  if (rest.includes('--help') || rest.includes('-h')) return HELP[command] ?? HELP.main!;
  const config = loadConfig();

  switch (command) {
    case 'migrate': {
      strictArgs(rest, {}, 'migrate');
      const database = await openConfiguredDatabase(config);
      try {
        const result = await runMigrations(database);
        return result.applied.length
          ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
          : `Database is up to date (${result.alreadyApplied} migrations).`;
      } finally {
        await database.close();
      }
    }
    case 'seed': {
      const { values } = strictArgs(rest, { demo: { type: 'boolean' } }, 'seed');
      if (!values.demo) throw new UsageError('seed needs --demo (the only data set there is)\n\n' + HELP.seed);
      if (config.env === 'production') throw new UsageError('Refusing to load demo data with NODE_ENV=production');
      return withDatabase(config, async (database) => {
        // The same keys the server will use, so the demo members' ID numbers decrypt and match.
        const pii = {
          secrets: loadSecrets({ secret: config.secret, dataDir: config.dataDir, allowGenerate: true }),
          dataKeys: loadDataKeys({ dataKey: config.dataKey, previous: config.previousDataKeys, dataDir: config.dataDir, allowGenerate: true }),
        };
        const result = await seedDemo(database, { pii });
        return result.seeded ? `Demo data loaded: ${result.orgs} org nodes, ${result.members} members and demo sign-ins.` : 'Demo data was already loaded; nothing to do.';
      });
    }
    case 'user': {
      const [sub, ...opts] = rest;
      if (sub !== 'create') throw new UsageError(`Unknown user command "${sub ?? ''}"\n\n${HELP.user}`);
      const { values } = strictArgs(
        opts,
        { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' } },
        'user',
      );
      const missing = ['username', 'password', 'role'].filter((k) => !values[k]);
      if (missing.length) throw new UsageError(`Missing --${missing.join(', --')}\n\n${HELP.user}`);
      const username = String(values.username);
      const password = String(values.password);
      const role = String(values.role);
      if (!/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/.test(username)) throw new UsageError('--username: 3–32 letters, digits, . _ -, starting with a letter');
      if (password.length < 10) throw new UsageError('--password: at least 10 characters');
      if (!roles.includes(role as Role)) throw new UsageError(`--role: "${role}" is not a role; use one of ${roles.join(', ')}`);
      if (values.phone !== undefined && !normalizeMobilePhone(String(values.phone))) throw new UsageError('--phone: not a mainland mobile number (11 digits; +86 and spaces or dashes are fine)');
      const needsOrg = role !== 'platform_admin' && role !== 'worker';
      if (needsOrg && !values.org) throw new UsageError(`--org is required for role ${role}`);
      if (!needsOrg && values.org) throw new UsageError(`--org is not used with role ${role}`);
      return withDatabase(config, async (database) => {
        if (config.env === 'production') await assertNoDemoData(database);
        const org = values.org ? await findOrgByCode(database.db, String(values.org)) : undefined;
        if (values.org && !org) throw new UsageError(`--org: no org with code "${String(values.org)}"`);
        const passwordHash = await hashPassword(password);
        const user = await database.db.transaction(async (tx) => {
          const [created] = await tx
            .insert(appUser)
            .values({ username, displayName: values.name ? String(values.name) : username, phone: values.phone ? normalizeMobilePhone(String(values.phone)) : null, passwordHash })
            .returning();
          await tx.insert(roleGrant).values({ userId: created!.id, role, orgId: org?.id ?? null });
          await recordAudit(tx, systemAuditContext('系统管理员（命令行）'), { action: 'user.create', entityType: 'user', entityId: created!.id, orgId: org?.id ?? null, after: { username, role, org: org?.code ?? null } });
          return created!;
        }).catch((error: unknown) => {
          const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
          if (code === '23505') throw new UsageError(`A user named "${username}" (or with that phone) already exists`);
          throw error;
        });
        return `Created user ${user.username} (${user.id}) with role ${role}${org ? ` on ${org.code} ${org.name}` : ''}.`;
      });
    }
    case 'network': {
      const [sub, ...opts] = rest;
      if (sub !== 'import') throw new UsageError(`Unknown network command "${sub ?? ''}"\n\n${HELP.network}`);
      const { values, positionals } = strictArgs(opts, { area: { type: 'string' }, name: { type: 'string' } }, 'network', 1);
      const file = positionals[0];
      if (!file) throw new UsageError(`network import needs the FILE to read\n\n${HELP.network}`);
      if (!values.area) throw new UsageError(`Missing --area (the org code of the area)\n\n${HELP.network}`);
      if (values.name !== undefined && !String(values.name).trim()) throw new UsageError('--name: empty');
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) throw new UsageError(`${file}: no such file`);
      if (!stat.isFile()) throw new UsageError(`${file}: not a file`);
      try {
        fs.accessSync(file, fs.constants.R_OK);
      } catch {
        throw new UsageError(`${file}: not readable`);
      }
      return withDatabase(config, async (database) => {
        const area = await findOrgByCode(database.db, String(values.area));
        if (!area) throw new UsageError(`--area: no org with code "${String(values.area)}"`);
        const networks = createNetworkService({ db: database.db });
        const result = await networks.importFile(file, { orgId: area.id, name: values.name ? String(values.name).trim() : undefined }, systemAuditContext('系统管理员（命令行）')).catch((error: unknown) => {
          if (error instanceof NetworkFileError) throw new UsageError(error.message);
          throw error;
        });
        const n = (v: number) => v.toLocaleString('en-US');
        return (
          `Imported ${n(result.nodeCount)} nodes, ${n(result.edgeCount)} edges, ${(result.lengthM / 1000).toFixed(1)} km of walkable streets ` +
          `for ${area.code} ${area.name} from ${result.sourceFile} in ${result.seconds.toFixed(1)} s` +
          ` (network "${result.name}", ${result.format}; replaces any earlier network of this area).`
        );
      });
    }
    case 'device': {
      const [sub, ...opts] = rest;
      // Loaded only here: the MQTT client and broker are not needed by the other commands.
      const { simulateDevice, writeMosquittoFiles } = await import('./modules/access');
      if (sub === 'simulate') {
        const { values } = strictArgs(opts, { device: { type: 'string' }, secret: { type: 'string' }, mqtt: { type: 'string' }, alarm: { type: 'string' }, static: { type: 'boolean' }, url: { type: 'string' } }, 'device');
        if (!values.device) throw new UsageError(`Missing --device\n\n${HELP.device}`);
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        return simulateDevice({ config, deviceId: String(values.device), secret: str(values.secret), mqttUrl: str(values.mqtt), alarm: str(values.alarm), isStatic: values.static === true, baseUrl: str(values.url) }).catch((error: unknown) => {
          throw new UsageError((error as Error).message);
        });
      }
      if (sub === 'mosquitto-files') {
        const { values } = strictArgs(opts, { out: { type: 'string' } }, 'device');
        if (!values.out) throw new UsageError(`Missing --out DIR\n\n${HELP.device}`);
        if (!config.mqtt.username || !config.mqtt.password) throw new UsageError('Set NIANGJIA_MQTT_USERNAME and NIANGJIA_MQTT_PASSWORD (the server\'s own broker account)');
        const dataKeys = loadDataKeys({ dataKey: config.dataKey, previous: config.previousDataKeys, dataDir: config.dataDir, allowGenerate: false });
        return withDatabase(config, (database) => writeMosquittoFiles({ database, dataKeys, outDir: String(values.out), serverUser: config.mqtt.username!, serverPassword: config.mqtt.password! }));
      }
      throw new UsageError(`Unknown device command "${sub ?? ''}"\n\n${HELP.device}`);
    }
    case 'pos': {
      const [sub, ...opts] = rest;
      if (sub !== 'simulate') throw new UsageError(`Unknown pos command "${sub ?? ''}"\n\n${HELP.pos}`);
      const spec = { shop: { type: 'string' }, rate: { type: 'string' }, count: { type: 'string' }, url: { type: 'string' }, 'key-id': { type: 'string' }, secret: { type: 'string' } } as const;
      const { values } = strictArgs(opts, spec, 'pos');
      if (!values.shop && !values['key-id']) throw new UsageError(`Missing --shop\n\n${HELP.pos}`);
      const rate = Number(values.rate ?? 1);
      if (!(rate > 0 && rate <= 5000)) throw new UsageError('--rate: a number of sales a second, 0–5000');
      const count = values.count === undefined ? undefined : Number(values.count);
      if (count !== undefined && !(Number.isInteger(count) && count > 0)) throw new UsageError('--count: a positive whole number');
      const key = values['key-id'] ? { keyId: String(values['key-id']), secret: String(values.secret ?? '') } : demoTerminalKey(String(values.shop));
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const url = String(values.url ?? `http://127.0.0.1:${config.port}`).replace(/\/$/, '');
      console.log(`模拟收银 ${key.keyId} → ${url}，每秒 ${rate} 笔（Ctrl+C 停止）/ simulating ${rate} sales a second`);
      const r = await simulateSales({ url, ...key, rate, ...(count !== undefined ? { count } : {}), signal: controller.signal, log: (line) => console.log(line) });
      return `Sent ${r.sent} sales, ${r.accepted} accepted, ${(r.contributionFen / 100).toFixed(2)} yuan to the fund.`;
    }
    case 'backup': {
      const { values } = strictArgs(rest, { out: { type: 'string' } }, 'backup');
      if (!values.out) throw new UsageError(`Missing --out FILE\n\n${HELP.backup}`);
      const database = await openConfiguredDatabase(config);
      try {
        const r = await writeBackup(database, String(values.out), { dataKeyId: currentDataKeyId(config) });
        return `Backup written to ${r.file}: ${r.rows.toLocaleString('en-US')} rows in ${r.tables} tables, schema at ${r.migrations} migrations, ${(r.bytes / 1e6).toFixed(1)} MB. Keep NIANGJIA_DATA_KEY and NIANGJIA_SECRET safe separately: they are not in the file.`;
      } finally {
        await database.close();
      }
    }
    case 'restore': {
      const { positionals } = strictArgs(rest, {}, 'restore', 1);
      const file = positionals[0];
      if (!file) throw new UsageError(`restore needs the FILE to read\n\n${HELP.restore}`);
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${file}: no such file`);
      const database = await openConfiguredDatabase(config);
      try {
        const r = await restoreBackup(database, file).catch((error: unknown) => {
          if (error instanceof BackupError) throw new UsageError(error.message);
          throw error;
        });
        const keyId = currentDataKeyId(config);
        const keyNote = r.dataKeyId && keyId !== r.dataKeyId ? `\nWarning: the backup was taken with data key ${r.dataKeyId}, this configuration has ${keyId ?? 'none'}: set that NIANGJIA_DATA_KEY (or list it in NIANGJIA_DATA_KEY_PREVIOUS), or ID numbers cannot be read.` : '';
        return `Restored ${r.rows.toLocaleString('en-US')} rows in ${r.tables} tables${r.migratedAfter.length ? `, then applied ${r.migratedAfter.length} newer migration(s)` : ''}.${keyNote}`;
      } finally {
        await database.close();
      }
    }
    default:
      throw new UsageError(`Unknown command "${command}"\n\n${HELP.main}`);
  }
}

/** The fingerprint of the configured data key (never the key), to match backups with keys. */
function currentDataKeyId(config: Config): string | null {
  try {
    return dataKeyId(loadDataKeys({ dataKey: config.dataKey, previous: config.previousDataKeys, dataDir: config.dataDir, allowGenerate: false }).current.key);
  } catch {
    return null;
  }
}

type Options = Record<string, { type: 'string' | 'boolean' }>;

function strictArgs(args: string[], options: Options, command: string, maxPositionals = 0): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: maxPositionals > 0 });
    if (positionals.length > maxPositionals) throw new Error(`Unexpected argument '${positionals[maxPositionals]!}'`);
    return { values, positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP[command] ?? HELP.main}`);
  }
}

run(process.argv.slice(2)).then(
  (output) => {
    console.log(output);
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseInUseError) {
      console.error(`Error: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
