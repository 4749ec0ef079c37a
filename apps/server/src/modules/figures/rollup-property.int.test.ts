import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogue } from '../../catalogue';
import { dimKeysOf, sumDirect, sumFlows, sumStocks, verifySeries } from '../../platform/indicators';
import { createTestApp, type TestApp } from '../../test/harness';
import { seedFixture, type Fixture } from './fixture.test-support';

/**
 * Property: after any sequence of writes (single and multi-row inserts, updates of the columns a
 * series reads and of ones it does not, deletes, transfers, closing and moving orgs, ledger
 * entries), every rollup equals a direct count from the records, for every series, subtree and
 * period. Random but reproducible: the seed is printed and can be set with FIGURES_PROPERTY_SEED.
 */
let t: TestApp;
let fx: Fixture;
const SEED = Number(process.env.FIGURES_PROPERTY_SEED ?? Date.now() % 100_000);
const STEPS = Number(process.env.FIGURES_PROPERTY_STEPS ?? 120);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.database);
});
afterAll(() => t.close());

it(`keeps every rollup equal to a direct count after random writes (seed ${SEED})`, { timeout: 300_000 }, async () => {
  console.log(`rollup property test: FIGURES_PROPERTY_SEED=${SEED}`);
  const random = rng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const time = () => new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 4 * 365 * 86_400_000)).toISOString();
  const db = t.database;
  const leaves = ['FX-G1', 'FX-G2', 'FX-G3', 'FX-J1'].map((c) => fx.ids[c]!);
  const streets = ['FX', 'FX-S1', 'FX-S2'].map((c) => fx.ids[c]!);
  const forms = ['standard', 'delivery_rider', 'courier', 'ride_hailing', 'domestic'];
  const statuses = ['applied', 'active', 'suspended', 'left', 'rejected'];
  const people: string[] = [];
  const memberships: string[] = [];
  const positions = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((p) => fx.ids[p]!);
  const entries: string[] = [];

  const ops: (() => Promise<void>)[] = [
    // New members, several in one statement each (persons first, then memberships).
    async () => {
      const n = 1 + Math.floor(random() * 4);
      const rows = Array.from({ length: n }, () => ({ p: randomUUID(), m: randomUUID(), org: pick(leaves), status: pick(statuses), joined: time(), left: time() }));
      await db.query(
        `insert into person (id, org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form, is_migrant, verified_at) values ${rows
          .map((r) => `('${r.p}', '${r.org}', '随机', 'x', 'prop-${r.p}', 'x', 'female', '1990-01-01', '${pick(forms)}', ${random() < 0.3}, ${random() < 0.5 ? `'${time()}'` : 'null'})`)
          .join(', ')}`,
      );
      await db.query(
        `insert into membership (id, person_id, org_id, status, joined_at, left_at) values ${rows
          .map((r) => `('${r.m}', '${r.p}', '${r.org}', '${r.status}', ${r.status === 'applied' || r.status === 'rejected' ? 'null' : `'${r.joined}'`}, ${r.status === 'left' ? `'${r.left}'` : 'null'})`)
          .join(', ')}`,
      );
      people.push(...rows.map((r) => r.p));
      memberships.push(...rows.map((r) => r.m));
    },
    // Approve, leave, suspend, transfer: the membership's counted columns change.
    async () => {
      if (!memberships.length) return;
      const id = pick(memberships);
      const action = pick(['approve', 'leave', 'suspend', 'transfer', 'touch']);
      if (action === 'approve') await db.query(`update membership set status = 'active', joined_at = coalesce(joined_at, $2) , left_at = null where id = $1`, [id, time()]);
      if (action === 'leave') await db.query(`update membership set status = 'left', joined_at = coalesce(joined_at, $2), left_at = $3 where id = $1`, [id, time(), time()]);
      if (action === 'suspend') await db.query(`update membership set status = 'suspended' where id = $1 and joined_at is not null`, [id]);
      if (action === 'transfer') await db.query(`update membership set org_id = $2 where id = $1`, [id, pick(leaves)]);
      if (action === 'touch') await db.query(`update membership set version = version + 1, updated_at = now() where org_id = any($1::uuid[])`, [leaves]);
    },
    // A person's form, migrant flag or verification changes (the joined table of the member series).
    async () => {
      if (!people.length) return;
      const some = people.filter(() => random() < 0.3);
      await db.query(`update person set employment_form = $2, is_migrant = not is_migrant, verified_at = case when verified_at is null then now() else null end where id = any($1::uuid[])`, [some, pick(forms)]);
    },
    async () => {
      if (!memberships.length) return;
      const id = memberships.splice(Math.floor(random() * memberships.length), 1)[0]!;
      await db.query('delete from membership where id = $1', [id]);
    },
    // Door entries: batches, a changed result, deletions.
    async () => {
      const n = 1 + Math.floor(random() * 6);
      const rows = Array.from({ length: n }, () => ({ id: randomUUID(), at: time(), result: pick(['opened', 'opened', 'refused', 'failed']), after: random() < 0.4 }));
      await db.query(
        `insert into door_entry (id, at, position_id, org_id, device_id, result, is_after_hours) values ${rows.map((r) => `('${r.id}', '${r.at}', '${fx.ids.P1}', '${pick(streets)}', 'fx', '${r.result}', ${r.after})`).join(', ')}`,
      );
      entries.push(...rows.map((r) => r.id));
    },
    async () => {
      if (!entries.length) return;
      if (random() < 0.5) await db.query(`update door_entry set result = case when result = 'opened' then 'refused' else 'opened' end, at = $2 where id = $1`, [pick(entries), time()]);
      else await db.query('delete from door_entry where id = $1', [entries.splice(Math.floor(random() * entries.length), 1)[0]]);
    },
    // Positions: new ones, closing, another type or org, an edit of a column no series reads.
    async () => {
      const id = randomUUID();
      await db.query(
        `insert into position (id, code, name, type, org_id, address, lng, lat, weekly_hours, status, status_changed_at, created_at, build_mode) values ($1, $2, '随机阵地', $3, $4, '路', 106.5, 29.6, '{}', $5, $6, $7, $8)`,
        [id, `PROP-${id.slice(0, 8)}`, pick(['rest_station', 'mothers_room', 'workers_home']), pick([...streets, ...leaves]), pick(['open', 'planned', 'suspended', 'closed']), time(), time(), pick(['commerce_sustained', 'union_built', null])],
      );
      positions.push(id);
    },
    async () => {
      const id = pick(positions);
      const action = pick(['close', 'type', 'org', 'address']);
      if (action === 'close') await db.query(`update position set status = 'closed', status_changed_at = $2 where id = $1`, [id, time()]);
      if (action === 'type') await db.query(`update position set type = $2, build_mode = $3 where id = $1`, [id, pick(['rest_station', 'canteen']), pick(['partner', null])]);
      if (action === 'org') await db.query(`update position set org_id = $2 where id = $1`, [id, pick([...streets, ...leaves])]);
      if (action === 'address') await db.query(`update position set address = address || '号', updated_at = now()`);
    },
    // Orgs: closing, and moving a grassroots union to the other street (its subtree's paths change).
    async () => {
      const code = pick(['FX-G1', 'FX-G2', 'FX-J1']);
      if (random() < 0.5) {
        await db.query(`update org set status = 'closed', closed_at = $2 where code = $1`, [code, time()]);
      } else {
        const [o] = await db.query<{ path: string; parent_id: string }>('select path, parent_id from org where code = $1', [code]);
        const target = o!.parent_id === fx.ids['FX-S1'] ? 'FX-S2' : 'FX-S1';
        const [p] = await db.query<{ id: string; path: string }>('select id, path from org where code = $1', [target]);
        const newPath = `${p!.path}${fx.ids[code]}/`;
        await db.query(`update org set parent_id = case when code = $4 then $3::uuid else parent_id end, path = $2 || substr(path, length($1) + 1) where path like $1 || '%'`, [o!.path, newPath, p!.id, code]);
      }
    },
    // The ledger: a balanced sale or breakfast (the entry and its postings in one transaction).
    async () => {
      const entry = randomUUID();
      const at = time();
      const fen = 1 + Math.floor(random() * 500);
      const isBreakfast = random() < 0.3;
      await db.exec(`begin;
        insert into fund_entry (id, fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, sale_count, breakfast_count)
          values ('${entry}', '${fx.ids.F}', '${isBreakfast ? 'breakfast' : 'sale'}', '${at}', 'prop', ${isBreakfast ? 'null' : `'${fx.ids.SH}'`}, '${fx.ids.P1}', ${fen}, ${isBreakfast ? 0 : 1}, ${isBreakfast ? 1 : 0});
        insert into fund_posting (entry_id, account_id, amount_fen, occurred_at) values
          ('${entry}', '${fx.ids['A-collected']}', ${isBreakfast ? -fen : fen}, '${at}'),
          ('${entry}', '${isBreakfast ? fx.ids['A-station'] : fx.ids['A-shop']}', ${isBreakfast ? fen : -fen}, '${at}');
        commit;`);
    },
    // The fund's running balance moves on every sale: a column no series reads.
    async () => {
      await db.query(`update fund_account set balance_fen = balance_fen + 1 where fund_id = $1`, [fx.ids.F]);
    },
  ];

  for (let i = 0; i < STEPS; i++) await pick(ops)();

  // 1. Every stored (org, day, dims) sum of every series equals a fresh count.
  for (const def of catalogue.series.values()) expect(await verifySeries(db.db, def, false), def.key).toBe(0);

  // 2. Subtree sums over random periods equal direct counts (flows and stocks, filtered or not).
  const paths = (await db.query<{ path: string }>("select path from org where code in ('FX', 'FX-S1', 'FX-S2', 'FX-G1', 'CQ')")).map((r) => r.path);
  for (let i = 0; i < 40; i++) {
    const def = pick([...catalogue.series.values()]);
    const path = pick(paths);
    const from = time().slice(0, 10);
    const to = time().slice(0, 10);
    const [a, b] = from <= to ? [from, to] : [to, from];
    const dims = dimKeysOf(def);
    const filter: [number, string[]][] = dims.length && random() < 0.5 ? [[1, [pick(['standard', 'rest_station', 'grassroots', 'yes', 'opened', ''])]]] : [];
    const q = { series: def.key, path, filter, groupBy: { by: 'none' as const } };
    const flow = (await sumFlows(db.db, q, [{ from: a, to: b }])).get('')?.[0] ?? 0;
    expect(flow, `${def.key} ${a}..${b}`).toBe(await sumDirect(db.db, def, path, { from: a, to: b }, filter));
    const stock = (await sumStocks(db.db, q, [b])).get('')?.[0] ?? 0;
    expect(stock, `${def.key} at ${b}`).toBe(await sumDirect(db.db, def, path, { to: b }, filter));
  }
});
