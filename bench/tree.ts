import type { Database } from "../apps/server/src/db/client";

/**
 * A large union tree for the subtree benchmarks, inserted with set-based SQL (one INSERT … SELECT
 * per level) consistent with orgs.repository: path is "/<root id>/…/<own id>/", depth counts from
 * 0 at the root, parent_id is the row above.
 *
 *   压测市总工会 (federation) → 40 districts → 25 streets each → GRASSROOTS_PER_STREET grassroots each
 *
 * With the default 99 per street: 1 + 40 + 1,000 + 99,000 = 100,041 nodes.
 */
export const TREE = {
  districts: 40,
  streetsPerDistrict: 25,
  grassrootsPerStreet: 99,
};

export type BenchTree = {
  nodes: number;
  rootId: string;
  districtId: string;
  districtNodes: number;
  deepGrassrootsId: string;
  seconds: number;
};

export async function seedBenchTree(
  database: Database,
  grassrootsPerStreet = TREE.grassrootsPerStreet,
): Promise<BenchTree> {
  const started = performance.now();
  const { districts, streetsPerDistrict } = TREE;
  // A CTE materialised before the INSERT: each row's gen_random_uuid() is drawn once and used
  // both as the id and inside the path.
  await database.exec(`
    begin;
    insert into org (id, code, name, short_name, type, parent_id, path, depth)
    select id, 'BENCH', '压测市总工会', '压测', 'federation', null, '/' || id || '/', 0
    from (select gen_random_uuid() as id) r;

    insert into org (id, code, name, type, parent_id, path, depth, division_code, address)
    with x as materialized (
      select gen_random_uuid() as id, i, p.id as parent_id, p.path as parent_path
      from org p cross join generate_series(1, ${districts}) i
      where p.code = 'BENCH'
    )
    select id, 'BENCH-D' || lpad(i::text, 2, '0'), '压测第' || i || '区总工会', 'district', parent_id,
           parent_path || id || '/', 1, '500105', '重庆市压测第' || i || '区'
    from x;

    insert into org (id, code, name, type, parent_id, path, depth, division_code, address)
    with x as materialized (
      select gen_random_uuid() as id, i, p.id as parent_id, p.path as parent_path, p.code as parent_code
      from org p cross join generate_series(1, ${streetsPerDistrict}) i
      where p.type = 'district' and p.code like 'BENCH-D%'
    )
    select id, parent_code || '-S' || lpad(i::text, 2, '0'), '压测第' || i || '街道总工会', 'street', parent_id,
           parent_path || id || '/', 2, '500105001', '重庆市压测区第' || i || '街道'
    from x;

    insert into org (id, code, name, type, parent_id, path, depth, credit_code, address, contact_name, contact_phone)
    with x as materialized (
      select gen_random_uuid() as id, i, p.id as parent_id, p.path as parent_path, p.code as parent_code,
             row_number() over () as n
      from org p cross join generate_series(1, ${grassrootsPerStreet}) i
      where p.type = 'street' and p.code like 'BENCH-D%'
    )
    select id, parent_code || '-G' || lpad(i::text, 3, '0'), '压测第' || n || '号企业有限公司工会', 'grassroots', parent_id,
           parent_path || id || '/', 3, '91500105' || lpad(n::text, 9, '0') || 'X', '重庆市压测区某路' || i || '号',
           '联系人' || i, '1380000' || lpad((n % 10000)::text, 4, '0')
    from x;
    commit;
    analyze org;
  `);
  const [counts] = await database.query<{
    nodes: number;
    root_id: string;
    district_id: string;
    district_path: string;
  }>(
    `select (select count(*)::int from org where code like 'BENCH%') as nodes,
            (select id from org where code = 'BENCH') as root_id,
            d.id as district_id, d.path as district_path
     from org d where d.code = 'BENCH-D01'`,
  );
  const [deep] = await database.query<{ id: string }>(
    `select id from org where code = 'BENCH-D01-S13-G050' or code = 'BENCH-D01-S13-G001' order by code desc limit 1`,
  );
  const [districtCount] = await database.query<{ n: number }>(
    `select count(*)::int as n from org where path like $1`,
    [`${counts!.district_path}%`],
  );
  return {
    nodes: counts!.nodes,
    rootId: counts!.root_id,
    districtId: counts!.district_id,
    districtNodes: districtCount!.n,
    deepGrassrootsId: deep!.id,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A union admin scoped to BENCH-D01, with jb.admin's (demo) password. */
export async function addBenchDistrictAdmin(
  database: Database,
): Promise<string> {
  await database.exec(`
    insert into app_user (username, display_name, password_hash, is_demo)
    select 'bench.district', '压测第1区总工会管理员', password_hash, true from app_user where username = 'jb.admin';
    insert into role_grant (user_id, role, org_id)
    select u.id, 'union_admin', o.id from app_user u, org o where u.username = 'bench.district' and o.code = 'BENCH-D01';
  `);
  return "bench.district";
}
