import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/**
 * The sharded design holds (issue 18, point 6; docs/SCALING.md). Read from the migrated
 * database's catalogue, so tables that modules add later are checked without edits here: every
 * table is district-owned (distributed by `district_id` at national scale) unless it is named
 * below as a reference or a global table, and no foreign key may cross shards.
 */

/** Replicated to every node (Citus reference tables): small, and read by every district. */
const REFERENCE: Record<string, string> = {
  org: 'the union tree: every scope check and every district_id derivation reads it',
  facility_standard: 'a few rows per federation/district, read when rating any station',
  rating_rubric: 'a few rows per district, read when rating any station',
  system_setting: 'installation facts',
  market_provider: 'the service catalogue: a provider serves several districts and every district orders from it',
  market_provider_user: 'read with a provider account at every request',
  market_project: 'the service catalogue, read by every district that lists or orders it',
  market_project_version: 'what an order or an entry was placed on; part of the catalogue',
  voice_category: 'the 随手拍 categories and their time limits: a few installation-wide rows read with every report',
};

/** Not keyed by district: national accounts and the machinery around them. */
const GLOBAL: Record<string, string> = {
  app_user: 'accounts are national: a rider signs in anywhere (distributed by its own id)',
  role_grant: 'read with the account at every request',
  session: 'read with the account at every request',
  sms_code: 'keyed by phone',
  rate_limit: 'keyed by address or phone',
  login_failure: 'failed sign-ins keyed by (login hash, address), as rate_limit',
  job: 'one queue for the runners of every instance (coordinator)',
  job_schedule: 'the cron-like schedules of that queue (coordinator)',
  notification: "a person's inbox, read by its recipient wherever they are: national like the account (distributed by recipient_id with app_user)",
  notification_preference: "one row per account (SMS choice, language): national like the account",
  schema_migration: 'the migration log',
  audit_entry: 'append-only, searched across districts by auditors; distributed by its own id',
  care_photo: 'uploaded before it is attached to anything; belongs to object storage at national scale',
  door_rejected_message: 'security log of messages from unknown or forged devices',
  holiday_override: 'the national holiday calendar (one State Council notice for the whole country)',
  rights_file: 'an evidence file, uploaded before it is attached to a case or a rating; object storage at national scale',
  indicator_series: 'the definitions of the indicator series (one row per series, written at start-up)',
  indicator_trigger: 'which rollup triggers are installed on which table (start-up bookkeeping)',
  market_file: 'uploaded before it is attached to a provider or project (a registration form); belongs to object storage at national scale',
  market_counter: 'human-facing number series (project codes, order numbers)',
};

/** Foreign keys from district-owned tables into these cross shards by design; Citus cannot enforce them, so they become application checks at conversion (SCALING.md). */
const CROSS_SHARD_PARENTS: Record<string, string> = {
  app_user: 'who did it (worker, staff): accounts are national',
  care_photo: 'a photo attached to an issue',
  rights_file: 'an evidence file attached to a case',
};

const SHARD_KEY = 'district_id';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Fk = { name: string; child: string; parent: string; cols: string[]; pcols: string[] };

async function readSchema() {
  const tables = (await t.database.query<{ name: string }>("select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r','p') order by 1")).map((r) => r.name);
  const keyColumns = await t.database.query<{ table: string; notnull: boolean; type: string }>(
    "select c.relname as table, a.attnotnull as notnull, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relnamespace = 'public'::regnamespace and a.attname = $1 and not a.attisdropped",
    [SHARD_KEY],
  );
  const fks = await t.database.query<Fk>(
    `select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
       array(select attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by i)::text[] as cols,
       array(select attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by i)::text[] as pcols
     from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const unq = (s: string) => s.replace(/^"|"$/g, '');
  return { tables, keyColumns, fks: fks.map((f) => ({ ...f, child: unq(f.child), parent: unq(f.parent) })) };
}

const kindOf = (table: string) => (table in REFERENCE ? 'reference' : table in GLOBAL ? 'global' : 'district');

describe('the shard key', () => {
  it('the allowlists name real tables, and are small', async () => {
    const { tables } = await readSchema();
    for (const name of [...Object.keys(REFERENCE), ...Object.keys(GLOBAL), ...Object.keys(CROSS_SHARD_PARENTS)]) expect(tables, name).toContain(name);
    expect(Object.keys(REFERENCE).length + Object.keys(GLOBAL).length).toBeLessThan(tables.length / 2);
  });

  it('every district-owned table carries district_id (uuid, not null)', async () => {
    const { tables, keyColumns } = await readSchema();
    const problems = tables
      .filter((table) => kindOf(table) === 'district')
      .flatMap((table) => {
        const key = keyColumns.find((k) => k.table === table);
        if (!key) return [`${table}: no ${SHARD_KEY} column (add it in a migration: select niangjia_add_district_key('${table}', '<org_id or parent column>', '<org or parent table>'); or name the table in REFERENCE/GLOBAL with a reason)`];
        if (key.type !== 'uuid' || !key.notnull) return [`${table}: ${SHARD_KEY} must be uuid not null (is ${key.type}${key.notnull ? '' : ', nullable'})`];
        return [];
      });
    expect(problems).toEqual([]);
  });

  it('no foreign key crosses shards', async () => {
    const { fks } = await readSchema();
    const problems: string[] = [];
    for (const fk of fks) {
      const [child, parent] = [kindOf(fk.child), kindOf(fk.parent)];
      if (child === 'district' && parent === 'district') {
        const isColocated = (f: Fk) => f.cols[0] === SHARD_KEY && f.pcols[0] === SHARD_KEY;
        const hasTwin = isColocated(fk) || fks.some((f) => f.child === fk.child && f.parent === fk.parent && isColocated(f) && fk.cols.every((c, i) => f.cols.includes(c) && f.pcols[f.cols.indexOf(c)] === fk.pcols[i]));
        if (!hasTwin) problems.push(`${fk.name}: ${fk.child}(${fk.cols.join(', ')}) → ${fk.parent} must include ${SHARD_KEY} on both sides (select niangjia_colocate_fk('${fk.child}', '${fk.cols[0]}', '${fk.parent}');)`);
      } else if (child === 'district' && parent === 'global' && !(fk.parent in CROSS_SHARD_PARENTS)) {
        problems.push(`${fk.name}: ${fk.child} → global table ${fk.parent} crosses shards`);
      } else if (child !== 'district' && parent === 'district') {
        problems.push(`${fk.name}: ${child} table ${fk.child} → district-owned ${fk.parent} (a ${child} table cannot point into one district's shard)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('district_id is the owning district of each row of the demo, and filled on insert by the previous release’s code', async () => {
    const { tables } = await readSchema();
    const withOrg = await t.database.query<{ table: string }>("select table_name as table from information_schema.columns where table_schema = 'public' and column_name = 'org_id'");
    for (const { table } of withOrg.filter((r) => kindOf(r.table) === 'district')) {
      // A row's district is that of its own org (membership and door rows take it from their parent; they agree in the demo).
      const [r] = await t.database.query<{ n: number }>(`select count(*)::int as n from "${table}" where district_id <> niangjia_district_of(org_id)`);
      expect(r!.n, table).toBe(0);
    }
    const [jb] = await t.database.query<{ id: string }>("select id from org where code = 'JB'");
    const districts = await t.database.query<{ id: string }>("select distinct district_id as id from position");
    expect(districts).toEqual([{ id: jb!.id }]);
    // An insert that does not name district_id (all code written before it existed) gets it.
    const [gyq] = await t.database.query<{ id: string }>("select id from org where code = 'JB-GYQ'");
    const [made] = await t.database.query<{ district_id: string }>(
      "insert into position (code, name, type, org_id, address, lng, lat, weekly_hours, status) values ('JB-SHARD-T', '分片测试驿站', 'rest_station', $1, '观音桥', 106.53, 29.57, '{}', 'open') returning district_id",
      [gyq!.id],
    );
    expect(made!.district_id).toBe(jb!.id);
    expect(tables.length).toBeGreaterThan(40);
  });
});
