import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client';

/**
 * A small district (测试区, code FX) under the demo's federation with records whose figures are
 * counted by hand in catalogue.int.test.ts. Times sit on the edges of days and years in
 * Asia/Shanghai (a record at 2025-12-31T16:30Z belongs to 2026-01-01).
 */
export type Fixture = { ids: Record<string, string> };

const q = (v: string | number | boolean | null) => (v === null ? 'null' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

export async function seedFixture(database: Database): Promise<Fixture> {
  const ids: Record<string, string> = {};
  const id = (name: string) => (ids[name] ??= randomUUID());
  const [cq] = await database.query<{ id: string; path: string }>("select id, path from org where code = 'CQ'");
  const [reporter] = await database.query<{ id: string }>('select id from app_user order by created_at limit 1');
  const paths: Record<string, string> = {};
  const stmts: string[] = [];

  const orgs: [code: string, type: string, parent: string | null, created: string, closed?: string][] = [
    ['FX', 'district', null, '2020-01-01T00:00:00Z'],
    ['FX-S1', 'street', 'FX', '2020-01-01T00:00:00Z'],
    ['FX-S2', 'street', 'FX', '2020-01-01T00:00:00Z'],
    ['FX-G1', 'grassroots', 'FX-S1', '2024-03-01T02:00:00Z'],
    ['FX-J1', 'joint', 'FX-S1', '2025-02-01T02:00:00Z'],
    ['FX-G2', 'grassroots', 'FX-S2', '2025-05-10T02:00:00Z'],
    ['FX-G3', 'grassroots', 'FX-S2', '2025-07-01T02:00:00Z', '2025-11-01T02:00:00Z'],
  ];
  for (const [code, type, parent, created, closed] of orgs) {
    const parentPath = parent ? paths[parent]! : cq!.path;
    paths[code] = `${parentPath}${id(code)}/`;
    stmts.push(`insert into org (id, code, name, type, parent_id, path, depth, status, closed_at, created_at) values (${q(id(code))}, ${q(code)}, ${q(`测试 ${code}`)}, ${q(type)},
      ${q(parent ? id(parent) : cq!.id)}, ${q(paths[code])}, ${paths[code].split('/').length - 3}, ${q(closed ? 'closed' : 'active')}, ${q(closed ?? null)}, ${q(created)})`);
  }

  const members: [name: string, org: string, form: string, migrant: boolean, verified: boolean, status: string, joined: string | null, left?: string][] = [
    ['M1', 'FX-G1', 'standard', true, true, 'active', '2024-06-01T02:00:00Z'],
    ['M2', 'FX-G1', 'delivery_rider', false, true, 'active', '2025-03-15T02:00:00Z'],
    ['M3', 'FX-G2', 'courier', false, false, 'left', '2025-08-20T02:00:00Z', '2025-10-01T02:00:00Z'],
    ['M4', 'FX-J1', 'ride_hailing', true, true, 'active', '2025-12-31T15:30:00Z'],
    ['M5', 'FX-J1', 'courier', false, false, 'applied', null],
    ['M6', 'FX-G2', 'standard', false, true, 'active', '2025-12-31T16:10:00Z'],
    ['M7', 'FX-G1', 'standard', false, false, 'suspended', '2023-05-05T02:00:00Z'],
  ];
  for (const [name, org, form, migrant, verified, status, joined, left] of members) {
    stmts.push(`insert into person (id, org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form, is_migrant, verified_at)
      values (${q(id(`p-${name}`))}, ${q(id(org))}, ${q(`测试${name}`)}, 'x', ${q(`fixture-${id(`p-${name}`)}`)}, '5001********0000', 'male', '1990-01-01', ${q(form)}, ${migrant}, ${verified ? q(joined ?? '2025-01-01T00:00:00Z') : 'null'})`);
    stmts.push(`insert into membership (id, person_id, org_id, status, applied_at, joined_at, left_at, source)
      values (${q(id(name))}, ${q(id(`p-${name}`))}, ${q(id(org))}, ${q(status)}, ${q(joined ?? '2025-06-01T00:00:00Z')}, ${q(joined)}, ${q(left ?? null)}, 'staff')`);
  }

  const positions: [name: string, org: string, type: string, mode: string | null, status: string, created: string, changed: string, full?: boolean][] = [
    ['P1', 'FX-S1', 'rest_station', 'commerce_sustained', 'open', '2024-04-01T02:00:00Z', '2024-04-01T02:00:00Z', true],
    ['P2', 'FX-S2', 'rest_station', 'union_built', 'open', '2025-06-01T02:00:00Z', '2025-06-01T02:00:00Z'],
    ['P3', 'FX-G1', 'mothers_room', null, 'open', '2025-09-09T02:00:00Z', '2025-09-09T02:00:00Z'],
    ['P4', 'FX-S2', 'workers_home', 'converted_idle', 'closed', '2023-01-01T02:00:00Z', '2025-03-03T02:00:00Z'],
    ['P5', 'FX', 'service_center', null, 'planned', '2025-01-01T02:00:00Z', '2025-01-01T02:00:00Z'],
    ['P6', 'FX-S1', 'rest_station', 'platform_company', 'suspended', '2025-12-31T17:00:00Z', '2025-12-31T17:00:00Z'],
  ];
  const seven = `'{table_chairs,microwave,rice_cooker,kettle,fan,phone_charger,first_aid_kit}'`;
  for (const [name, org, type, mode, status, created, changed, full] of positions) {
    stmts.push(`insert into position (id, code, name, type, org_id, address, lng, lat, weekly_hours, status, status_changed_at, created_at, build_mode, facilities)
      values (${q(id(name))}, ${q(`FX-${name}`)}, ${q(`测试阵地 ${name}`)}, ${q(type)}, ${q(id(org))}, '测试路 1 号', 106.5, 29.6, '{}'::jsonb, ${q(status)}, ${q(changed)}, ${q(created)}, ${q(mode)}, ${full ? seven : `'{}'`})`);
  }

  stmts.push(`insert into door_controller (id, device_id, position_id, org_id, name, secret_enc, secret_hash) values (${q(id('C1'))}, ${q(`fx-${id('C1').slice(0, 8)}`)}, ${q(id('P1'))}, ${q(id('FX-S1'))}, '测试门禁', 'x', 'x')`);
  const entries: [at: string, result: string, afterHours: boolean][] = [
    ['2025-01-10T13:00:00Z', 'opened', true],
    ['2025-01-10T03:00:00Z', 'opened', false],
    ['2025-07-01T03:00:00Z', 'refused', false],
    ['2024-12-31T16:30:00Z', 'opened', true],
    ['2025-12-31T16:30:00Z', 'opened', false],
  ];
  for (const [at, result, afterHours] of entries) {
    stmts.push(`insert into door_entry (at, position_id, org_id, controller_id, device_id, result, is_after_hours) values (${q(at)}, ${q(id('P1'))}, ${q(id('FX-S1'))}, ${q(id('C1'))}, 'fx', ${q(result)}, ${afterHours})`);
  }

  const issues: [name: string, position: string, created: string, status: string, resolved: string | null][] = [
    ['I1', 'P1', '2025-04-01T02:00:00Z', 'resolved', '2025-04-05T02:00:00Z'],
    ['I2', 'P2', '2025-10-10T02:00:00Z', 'open', null],
    ['I3', 'P3', '2024-12-31T02:00:00Z', 'resolved', '2025-01-02T02:00:00Z'],
  ];
  for (const [name, position, created, status, resolved] of issues) {
    stmts.push(`insert into position_issue (id, number, position_id, reporter_id, category, text, status, resolved_at, created_at) values (${q(id(name))}, ${q(`FX-${name}-${id(name).slice(0, 6)}`)}, ${q(id(position))}, ${q(reporter!.id)}, 'other', '测试', ${q(status)}, ${q(resolved)}, ${q(created)})`);
  }

  stmts.push(`insert into coverage_run (org_id, network_name, minutes, speed_kmh, candidate_count, status, weight_share, length_share, finished_at, created_at)
    values (${q(id('FX'))}, '测试路网', 15, 4.5, 0, 'succeeded', 0.8, 0.6, '2025-06-01T02:00:00Z', '2025-06-01T01:00:00Z')`);

  // The fund: accounts, then balanced entries (each entry's postings sum to zero at commit).
  stmts.push(`insert into fund (id, code, name, org_id) values (${q(id('F'))}, ${q(`FX-FUND-${id('F').slice(0, 6)}`)}, '测试爱心基金', ${q(id('FX'))})`);
  stmts.push(`insert into fund_shop (id, code, name, fund_id, position_id, org_id, operator_name) values (${q(id('SH'))}, ${q(`FX-SHOP-${id('SH').slice(0, 6)}`)}, '测试小卖部', ${q(id('F'))}, ${q(id('P1'))}, ${q(id('FX-S1'))}, '测试商贸')`);
  for (const [name, kind, shop, position] of [
    ['A-collected', 'collected', null, null],
    ['A-custodian', 'custodian', null, null],
    ['A-shop', 'shop_contributions', 'SH', null],
    ['A-station', 'station_breakfasts', null, 'P1'],
  ] as const) {
    stmts.push(`insert into fund_account (id, fund_id, code, kind, name, shop_id, position_id) values (${q(id(name))}, ${q(id('F'))}, ${q(name)}, ${q(kind)}, ${q(name)}, ${q(shop ? id(shop) : null)}, ${q(position ? id(position) : null)})`);
  }
  const entriesOfFund: [name: string, kind: string, at: string, amount: number, sales: number, breakfasts: number, postings: [string, number][]][] = [
    ['E-S1', 'sale', '2025-02-01T02:00:00Z', 10, 1, 0, [['A-collected', 10], ['A-shop', -10]]],
    ['E-S2', 'history', '2025-08-01T02:00:00Z', 500, 50, 0, [['A-collected', 500], ['A-shop', -500]]],
    ['E-R1', 'refund', '2025-08-02T02:00:00Z', -10, -1, 0, [['A-collected', -10], ['A-shop', 10]]],
    ['E-B1', 'breakfast', '2025-09-01T00:00:00Z', 400, 0, 1, [['A-station', 400], ['A-collected', -400]]],
    ['E-S3', 'sale', '2024-12-01T02:00:00Z', 100, 10, 0, [['A-collected', 100], ['A-shop', -100]]],
    ['E-T1', 'transfer', '2025-10-01T02:00:00Z', 300, 0, 0, [['A-collected', -300], ['A-custodian', 300]]],
  ];
  for (const [name, kind, at, amount, sales, breakfasts, postings] of entriesOfFund) {
    const isShop = kind !== 'breakfast' && kind !== 'transfer';
    stmts.push(`insert into fund_entry (id, fund_id, kind, occurred_at, memo, shop_id, position_id, amount_fen, sale_count, breakfast_count)
      values (${q(id(name))}, ${q(id('F'))}, ${q(kind)}, ${q(at)}, '测试', ${q(isShop ? id('SH') : null)}, ${q(kind === 'transfer' ? null : id('P1'))}, ${amount}, ${sales}, ${breakfasts})`);
    for (const [account, fen] of postings) stmts.push(`insert into fund_posting (entry_id, account_id, amount_fen, occurred_at) values (${q(id(name))}, ${q(id(account))}, ${fen}, ${q(at)})`);
  }
  // Rights: consultations (K2 at 00:30 on 1 Jan 2025 in Shanghai) and cases by their calendar days.
  for (const [name, org, channel, at] of [
    ['K1', 'FX-S1', 'online', '2025-03-01T02:00:00Z'],
    ['K2', 'FX', 'hotline', '2024-12-31T16:30:00Z'],
    ['K3', 'FX-S2', 'walk_in', '2024-05-01T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into rights_consultation (id, number, org_id, channel, category, question, asked_at) values (${q(id(name))}, ${q(`FX-${name}-${id(name).slice(0, 6)}`)}, ${q(id(org))}, ${q(channel)}, 'wages', '测试', ${q(at)})`);
  }
  const casesOfRights: [name: string, org: string, status: string, received: string, accepted: string | null, outcome: string | null, claimed: number, agreed: number, applicants: number][] = [
    ['C1', 'FX-S1', 'agreed', '2025-02-10', '2025-02-12', '2025-02-20', 1_000_000, 800_000, 2],
    ['C2', 'FX', 'failed', '2024-12-20', '2025-01-05', '2025-01-15', 500_000, 0, 1],
    ['C3', 'FX-S2', 'received', '2025-06-01', null, null, 300_000, 0, 1],
    ['C4', 'FX', 'agreed', '2024-03-01', '2024-03-02', '2024-03-10', 200_000, 200_000, 1],
  ];
  for (const [name, org, status, received, accepted, outcome, claimed, agreed, applicants] of casesOfRights) {
    stmts.push(`insert into rights_case (id, number, org_id, source, category, summary, status, received_on, acceptance_due_on, accepted_on, outcome_on, claimed_fen, agreed_fen)
      values (${q(id(name))}, ${q(`FX-${name}-${id(name).slice(0, 6)}`)}, ${q(id(org))}, 'walk_in', 'wages', '测试', ${q(status)}, ${q(received)}, ${q(received.slice(0, 8) + String(Number(received.slice(8)) + 3).padStart(2, '0'))}, ${q(accepted)}, ${q(outcome)}, ${claimed}, ${agreed})`);
    for (let i = 0; i < applicants; i++) stmts.push(`insert into rights_case_party (case_id, role, name) values (${q(id(name))}, 'applicant', ${q(`职工${i + 1}`)})`);
    stmts.push(`insert into rights_case_party (case_id, role, name) values (${q(id(name))}, 'respondent', '测试公司')`);
  }
  stmts.push(`insert into rights_payment (case_id, received_on, amount_fen, method) values (${q(id('C1'))}, '2025-03-01', 500000, 'transfer'), (${q(id('C4'))}, '2024-04-01', 200000, 'transfer')`);

  // The marketplace: a provider's project ordered by FX's unions and one worker; attendance at the delivered ones.
  stmts.push(`insert into market_provider (id, org_id, name, credit_code, type, contact_name, contact_phone, status) values (${q(id('MP'))}, ${q(id('FX'))}, '测试服务社', '91500000MA5U000000', 'social_org', '测试', '13800000000', 'approved')`);
  stmts.push(`insert into market_project (id, code, provider_id, org_id, status, is_listed) values (${q(id('MJ'))}, ${q(`FX-MJ-${id('MJ').slice(0, 6)}`)}, ${q(id('MP'))}, ${q(id('FX'))}, 'approved', true)`);
  stmts.push(`insert into market_project_version (id, project_id, number, status, title, category, description, formats, price_fen, capacity, duration_minutes)
    values (${q(id('MV'))}, ${q(id('MJ'))}, 1, 'approved', '测试服务', 'health', '测试', '{onsite}', 5000, 30, 60)`);
  const orders: [name: string, org: string | null, at: string, status: string, subsidy: number][] = [
    ['O1', 'FX-G1', '2025-03-01T02:00:00Z', 'delivered', 3000],
    ['O2', 'FX-G2', '2025-12-31T16:30:00Z', 'placed', 1000],
    ['O3', 'FX-J1', '2025-06-01T02:00:00Z', 'cancelled', 0],
    ['O4', 'FX-G1', '2024-05-01T02:00:00Z', 'delivered', 2000],
    ['O5', null, '2025-07-01T02:00:00Z', 'confirmed', 500],
  ];
  for (const [name, org, at, status, subsidy] of orders) {
    stmts.push(`insert into market_order (id, number, project_id, version_id, provider_id, district_org_id, ordering_org_id, ordered_by, is_self, service_date, headcount, sessions, place_kind, unit_price_fen, price_unit, total_fen, subsidy_fen, payable_fen, status, created_at)
      values (${q(id(name))}, ${q(`FX-${name}-${id(name).slice(0, 6)}`)}, ${q(id('MJ'))}, ${q(id('MV'))}, ${q(id('MP'))}, ${q(id('FX'))}, ${q(org ? id(org) : null)}, ${q(reporter!.id)}, ${org === null}, '2025-08-01', 20, 1, 'online', 5000, 'session', 5000, ${subsidy}, ${5000 - subsidy}, ${q(status)}, ${q(at)})`);
  }
  stmts.push(`insert into market_attendance (order_id, membership_id, method, at) values (${q(id('O1'))}, ${q(id('M1'))}, 'card', '2025-03-10T02:00:00Z')`);
  stmts.push(`insert into market_attendance (order_id, user_id, method, at) values (${q(id('O1'))}, ${q(reporter!.id)}, 'qr', '2025-03-10T02:05:00Z')`);
  stmts.push(`insert into market_attendance (order_id, membership_id, method, at) values (${q(id('O4'))}, ${q(id('M7'))}, 'card', '2024-05-02T02:00:00Z')`);

  // 建会入会: enterprises on the register (one founded, linked to G2) and meetings held at them.
  const enterprises: [name: string, org: string, created: string, union: string | null][] = [
    ['EN1', 'FX-S1', '2024-06-01T02:00:00Z', null],
    ['EN2', 'FX-S2', '2025-04-01T02:00:00Z', 'FX-G2'],
    ['EN3', 'FX-S1', '2025-12-31T16:30:00Z', null],
  ];
  for (const [name, org, created, union] of enterprises) {
    stmts.push(`insert into organizing_enterprise (id, org_id, name, credit_code, union_status, contact_status, union_org_id, founded_on, created_at)
      values (${q(id(name))}, ${q(id(org))}, ${q(`测试企业${name}`)}, ${q(`FX-${name}-${id(name).slice(0, 6)}`)}, ${q(union ? 'founded' : 'none')}, ${q(union ? 'founded' : 'contacted')}, ${q(union ? id(union) : null)}, ${q(union ? '2025-05-10' : null)}, ${q(created)})`);
  }
  for (const [enterprise, kind, heldOn, attendance] of [
    ['EN1', 'enterprise_meeting', '2025-03-01', 8],
    ['EN2', 'worker_meeting', '2025-04-10', 30],
    ['EN1', 'visit', '2024-11-01', 3],
  ] as const) {
    stmts.push(`insert into organizing_meeting (enterprise_id, kind, held_on, attendance) values (${q(id(enterprise))}, ${q(kind)}, ${q(heldOn)}, ${attendance})`);
  }

  // 随手拍: reports filed, resolved and escalated for lateness (counted at the org that let the limit pass).
  const reports: [name: string, org: string, status: string, created: string, resolved: string | null, mergedInto?: string][] = [
    ['R1', 'FX-S1', 'closed', '2025-03-01T02:00:00Z', '2025-03-02T02:00:00Z'],
    ['R2', 'FX-S2', 'new', '2025-12-31T16:30:00Z', null],
    ['R3', 'FX-S1', 'resolved', '2024-05-01T02:00:00Z', '2025-01-01T17:00:00Z'],
    ['R4', 'FX-S2', 'merged', '2025-06-01T02:00:00Z', null, 'R1'],
  ];
  for (const [name, org, status, created, resolved, mergedInto] of reports) {
    stmts.push(`insert into voice_report (id, org_id, category_key, description, lng, lat, status, reporter_id, merged_into_id, due_at, resolved_at, created_at)
      values (${q(id(name))}, ${q(id(org))}, 'neighbourhood', ${q(`测试反映${name}`)}, 106.5, 29.6, ${q(status)}, ${q(reporter!.id)}, ${q(mergedInto ? id(mergedInto) : null)}, ${q(created)}, ${q(resolved)}, ${q(created)})`);
  }
  for (const [report, at] of [
    ['R1', '2025-03-02T01:00:00Z'],
    ['R3', '2024-05-10T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into voice_report_event (report_id, kind, from_org_id, to_org_id, at) values (${q(id(report))}, 'escalated', ${q(id('FX-S1'))}, ${q(id('FX'))}, ${q(at)})`);
  }
  // 对口联系: V1 (2025, FX-S1) found LP1 (resolved in 2025) and LP2 (open); V2 (2024, FX-S2) found LP3,
  // resolved at 00:30 on 1 Jan 2025; V3 is on 1 Jan 2026.
  stmts.push(`insert into liaison_assignment (id, org_id, cadre_id, kind, started_on) values (${q(id('LA1'))}, ${q(id('FX-S1'))}, ${q(reporter!.id)}, 'area', '2024-01-01'),
    (${q(id('LA2'))}, ${q(id('FX-S2'))}, ${q(reporter!.id)}, 'area', '2024-01-01')`);
  for (const [visit, assignment, org, on] of [
    ['V1', 'LA1', 'FX-S1', '2025-03-01'],
    ['V2', 'LA2', 'FX-S2', '2024-06-01'],
    ['V3', 'LA1', 'FX-S1', '2026-01-01'],
  ] as const) {
    stmts.push(`insert into liaison_visit (id, assignment_id, org_id, cadre_id, visited_on, summary) values (${q(id(visit))}, ${q(id(assignment))}, ${q(id(org))}, ${q(reporter!.id)}, ${q(on)}, '测试走访')`);
  }
  for (const [visit, org, resolved] of [
    ['V1', 'FX-S1', '2025-03-10T02:00:00Z'],
    ['V1', 'FX-S1', null],
    ['V2', 'FX-S2', '2024-12-31T16:30:00Z'],
  ] as const) {
    stmts.push(`insert into liaison_problem (visit_id, org_id, cadre_id, owner_id, description, due_on, status, resolved_at) values (${q(id(visit))}, ${q(id(org))}, ${q(reporter!.id)}, ${q(reporter!.id)}, '测试问题', '2025-12-31', ${q(resolved ? 'resolved' : 'open')}, ${q(resolved)})`);
  }
  // 合理化建议: SG1 (2025, adopted in 2025), SG2 made at 00:30 on 1 Jan 2026, SG3 (2024) adopted at
  // 00:30 on 1 Jan 2025, SG4 (2025) declined.
  for (const [name, org, who, status, created, adopted, benefit] of [
    ['SG1', 'FX-G1', 'p-M1', 'adopted', '2025-03-01T02:00:00Z', '2025-04-01T02:00:00Z', 500_000],
    ['SG2', 'FX-G2', 'p-M6', 'submitted', '2025-12-31T16:30:00Z', null, null],
    ['SG3', 'FX-G1', 'p-M1', 'adopted', '2024-06-01T02:00:00Z', '2024-12-31T16:30:00Z', 200_000],
    ['SG4', 'FX-G1', 'p-M2', 'declined', '2025-05-01T02:00:00Z', null, null],
  ] as const) {
    stmts.push(`insert into suggestion (id, org_id, person_id, title, category, body, status, benefit_fen, adopted_at, created_at)
      values (${q(id(name))}, ${q(id(org))}, ${q(id(who))}, ${q(`测试建议${name}`)}, 'process', '测试', ${q(status)}, ${benefit ?? 'null'}, ${q(adopted)}, ${q(created)})`);
  }
  // 需求调研: SV1 (FX-S1) published in 2025, SV2 at 00:30 on 1 Jan 2026, SV3 (FX-S2) in 2024, SV4 a
  // draft. Answers: two to SV1 in 2025 (at FX-G1 and, from a QR respondent without a union, at
  // FX-S1), one on 1 Jan 2026; one to SV3 in 2024 at FX-G2.
  for (const [name, org, status, published] of [
    ['SV1', 'FX-S1', 'published', '2025-03-01T02:00:00Z'],
    ['SV2', 'FX-S1', 'published', '2025-12-31T16:30:00Z'],
    ['SV3', 'FX-S2', 'closed', '2024-06-01T02:00:00Z'],
    ['SV4', 'FX-S1', 'draft', null],
  ] as const) {
    stmts.push(`insert into survey (id, org_id, title, status, questions, published_at) values (${q(id(name))}, ${q(id(org))}, ${q(`测试调研${name}`)}, ${q(status)}, '[]'::jsonb, ${q(published)})`);
  }
  for (const [surveyName, union, on] of [
    ['SV1', 'FX-G1', '2025-03-02'],
    ['SV1', null, '2025-03-05'],
    ['SV1', 'FX-G1', '2026-01-01'],
    ['SV3', 'FX-G2', '2024-06-02'],
  ] as const) {
    stmts.push(`insert into survey_response (survey_id, union_id, answered_on, answers) values (${q(id(surveyName))}, ${union ? q(id(union)) : 'null'}, ${q(on)}, '{}'::jsonb)`);
  }
  // 文体活动: E1 (2025, FX-S1) with a member of G2 who came and a non-member who did not, and a
  // cancelled place; E2 (2024) with one who came; E3 cancelled (not counted).
  // E4 (2025, FX-S1) is a matchmaking event with two matches; E5 (2024) one with one match.
  const events: [name: string, org: string, starts: string, status: string, type?: string][] = [
    ['E1', 'FX-S1', '2025-06-01T02:00:00Z', 'published'],
    ['E2', 'FX-S1', '2024-06-01T02:00:00Z', 'published'],
    ['E3', 'FX-S2', '2025-07-01T02:00:00Z', 'cancelled'],
    ['E4', 'FX-S1', '2025-08-01T06:00:00Z', 'published', 'matchmaking'],
    ['E5', 'FX-S1', '2024-08-01T06:00:00Z', 'published', 'matchmaking'],
  ];
  for (const [name, org, starts, status, type] of events) {
    const end = new Date(Date.parse(starts) + 2 * 3600_000).toISOString();
    stmts.push(`insert into event (id, org_id, type, title, address, starts_at, ends_at, signup_opens_at, signup_closes_at, eligibility, capacity, taken, status)
      values (${q(id(name))}, ${q(id(org))}, ${q(type ?? 'training')}, ${q(`测试活动${name}`)}, '测试地址', ${q(starts)}, ${q(end)}, '2024-01-01T00:00:00Z', ${q(starts)}, '{}'::jsonb, 10, 0, ${q(status)})`);
  }
  for (const event of ['E4', 'E4', 'E5']) stmts.push(`insert into matchmaking_match (event_id, a_id, b_id) values (${q(id(event))}, gen_random_uuid(), gen_random_uuid())`);
  for (const [event, union, status, attended] of [
    ['E1', 'FX-G2', 'confirmed', '2025-06-01T02:05:00Z'],
    ['E1', null, 'confirmed', null],
    ['E1', 'FX-G2', 'cancelled', null],
    ['E2', 'FX-G2', 'confirmed', '2024-06-01T02:10:00Z'],
  ] as const) {
    stmts.push(`insert into event_registration (event_id, name, union_org_id, status, queued_at, attended_at)
      values (${q(id(event))}, '测试报名', ${q(union ? id(union) : null)}, ${q(status)}, '2024-01-02T00:00:00Z', ${q(attended)})`);
  }

  // 职工互助保障: FX's 2025 plan; M1 and M2 enrolled in 2025 (M2 at 00:30 on 1 Jan 2025), M4 in 2024 (its 2024 plan).
  for (const [plan, year] of [['MP25', 2025], ['MP24', 2024]] as const) {
    stmts.push(`insert into mutualaid_plan (id, org_id, year, name, premium_fen, benefits, annual_cap_fen, second_approval_fen, status)
      values (${q(id(plan))}, ${q(id('FX'))}, ${year}, '测试互助计划', 3000, '{"hospital":{"dailyFen":100,"capFen":1000},"serious_illness":{"lumpSumFen":1000,"capFen":1000},"accident":{"capFen":1000}}'::jsonb, 1000, 500, 'open')`);
  }
  for (const [name, plan, member, org, at] of [
    ['ME1', 'MP25', 'M1', 'FX-G1', '2025-03-01T02:00:00Z'],
    ['ME2', 'MP25', 'M2', 'FX-G1', '2024-12-31T16:30:00Z'],
    ['ME4', 'MP24', 'M4', 'FX-J1', '2024-05-01T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into mutualaid_enrolment (id, plan_id, person_id, membership_id, org_id, premium_fen, cap_fen, committed_fen, created_at)
      values (${q(id(name))}, ${q(id(plan))}, ${q(id(`p-${member}`))}, ${q(id(member))}, ${q(id(org))}, 3000, 1000, 0, ${q(at)})`);
  }
  // Claims: C1 paid 300 on 2 Jan 2025, C2 paid 200 at 23:30 on 31 Dec 2025 (Shanghai), C3 filed 2025 still open, C4 filed and paid 2024.
  for (const [name, enrolment, plan, org, filed, status, payout, paid] of [
    ['MC1', 'ME1', 'MP25', 'FX-G1', '2025-01-01T02:00:00Z', 'paid', 300, '2025-01-02T02:00:00Z'],
    ['MC2', 'ME2', 'MP25', 'FX-G1', '2025-06-01T02:00:00Z', 'paid', 200, '2025-12-31T15:30:00Z'],
    ['MC3', 'ME2', 'MP25', 'FX-G1', '2025-12-31T16:30:00Z', 'submitted', null, null],
    ['MC4', 'ME4', 'MP24', 'FX-J1', '2024-07-01T02:00:00Z', 'paid', 500, '2024-07-05T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into mutualaid_claim (id, number, enrolment_id, plan_id, org_id, benefit, incident_date, hospital_days, status, payout_fen, payment_method, paid_at, created_at)
      values (${q(id(name))}, ${q(`FX-${name}`)}, ${q(id(enrolment))}, ${q(id(plan))}, ${q(id(org))}, 'hospital', '2025-01-01', 1, ${q(status)}, ${q(payout)}, ${q(paid ? 'transfer' : null)}, ${q(paid)}, ${q(filed)})`);
  }
  // 困难职工档案: on file from the day after the notice (admitted_on) until exited_on, by tier.
  const hardship: [name: string, org: string, status: string, tier: string | null, admitted: string | null, exited: string | null, exitKind: string | null][] = [
    ['H1', 'FX-G1', 'active', 'deep', '2024-03-01', null, null],
    ['H2', 'FX-G2', 'exited', 'relative', '2025-02-01', '2025-10-01', 'resolved'],
    ['H3', 'FX-J1', 'active', 'relative', '2026-01-01', null, null],
    ['H4', 'FX-G1', 'notice', 'relative', null, null, null],
    ['H5', 'FX-G2', 'exited', 'accident', '2024-06-01', '2025-03-01', 'withdrawn'],
    ['H6', 'FX-G1', 'active', 'deep', '2025-12-31', null, null],
  ];
  for (const [name, org, status, tier, admitted, exited, exitKind] of hardship) {
    stmts.push(`insert into hardship_file (id, org_id, membership_id, person_id, applicant_name, opened_by, opened_via, status, tier, causes, admitted_on, exited_on, exit_kind, exit_reason)
      values (${q(id(name))}, ${q(id(org))}, gen_random_uuid(), gen_random_uuid(), ${q(`测试困难${name}`)}, ${q(reporter!.id)}, 'staff', ${q(status)}, ${q(tier)}, '{illness}', ${q(admitted)}, ${q(exited)}, ${q(exitKind)}, ${q(exitKind ? '测试退出' : null)})`);
  }

  // 帮扶活动: FX's winter 2025 (CW25), summer 2025 (CS25) and summer 2024 (CS24) campaigns. Given (disbursed):
  // N1 500 to M1 (10 Jan 2025), N2 300 goods to M2 (23:30 on 31 Dec 2025), N3 200 to M1 again (summer 2025),
  // N5 400 to M4 (2024); N4 only approved, N6 given at 00:30 on 1 Jan 2026.
  for (const [campaign, kind, starts] of [['CW25', 'winter', '2025-01-05'], ['CS25', 'summer', '2025-07-01'], ['CS24', 'summer', '2024-07-01'], ['CH25', 'health', '2025-04-01']] as const) {
    stmts.push(`insert into campaign (id, org_id, kind, name, starts_on, ends_on, budget_fen, approved_fen, funding_sources, benefits, eligibility, second_approval_fen, status)
      values (${q(id(campaign))}, ${q(id('FX'))}, ${q(kind)}, ${q(`测试活动${campaign}`)}, ${q(starts)}, ${q(starts)}, 100000, 0, '[]'::jsonb, '[]'::jsonb, '{}'::jsonb, 100000, 'open')`);
    stmts.push(`insert into campaign_allocation (id, campaign_id, org_id, amount_fen) values (${q(id(`A-${campaign}`))}, ${q(id(campaign))}, ${q(id('FX'))}, 100000)`);
  }
  for (const [name, campaign, org, person, kind, value, status, given] of [
    ['N1', 'CW25', 'FX-G1', 'p-M1', 'cash', 500, 'acknowledged', '2025-01-10T02:00:00Z'],
    ['N2', 'CW25', 'FX-G1', 'p-M2', 'goods', 300, 'disbursed', '2025-12-31T15:30:00Z'],
    ['N3', 'CS25', 'FX-G2', 'p-M1', 'cash', 200, 'acknowledged', '2025-07-02T02:00:00Z'],
    ['N4', 'CW25', 'FX-G2', 'p-M3', 'cash', 700, 'approved', null],
    ['N5', 'CS24', 'FX-J1', 'p-M4', 'cash', 400, 'acknowledged', '2024-07-05T02:00:00Z'],
    ['N6', 'CS25', 'FX-G1', 'p-M2', 'cash', 600, 'disbursed', '2025-12-31T16:30:00Z'],
  ] as const) {
    stmts.push(`insert into campaign_nomination (id, campaign_id, allocation_id, org_id, person_id, membership_id, person_name, benefit_key, benefit_kind, value_fen, year, steps, status, disbursed_at, disburse_method)
      values (${q(id(name))}, ${q(id(campaign))}, ${q(id(`A-${campaign}`))}, ${q(id(org))}, ${q(id(person))}, gen_random_uuid(), ${q(`测试受助${name}`)}, 'b', ${q(kind)}, ${value}, 2025, array[${q(id('FX'))}]::uuid[], ${q(status)}, ${q(given)}, ${q(given ? (kind === 'goods' ? 'goods_handover' : 'transfer') : null)})`);
  }
  // 春送岗位: places offered by the day a job opened (JP2 at 00:30 on 1 Jan 2025, JP3 at 00:30 on 1 Jan 2026, JP5 never opened); applications by the day sent, hires by the day hired.
  for (const [name, org, head, filled, status, opened] of [
    ['JP1', 'FX-G1', 10, 1, 'closed', '2025-03-01T02:00:00Z'],
    ['JP2', 'FX-G2', 5, 0, 'closed', '2024-12-31T16:30:00Z'],
    ['JP3', 'FX-G1', 4, 0, 'open', '2025-12-31T16:30:00Z'],
    ['JP4', 'FX-G2', 3, 1, 'filled', '2024-06-01T02:00:00Z'],
    ['JP5', 'FX-G1', 100, 0, 'draft', null],
  ] as const) {
    stmts.push(`insert into job_posting (id, org_id, employer_name, title, employment_form, pay_min_fen, pay_max_fen, headcount, filled, address, lng, lat, valid_until, status, opened_at)
      values (${q(id(name))}, ${q(id(org))}, '测试企业', ${q(`测试岗位${name}`)}, 'full_time', 1, 2, ${head}, ${filled}, '测试地址', 106.5, 29.5, '2030-01-01', ${q(status)}, ${q(opened)})`);
  }
  for (const [name, job, org, status, created, hired] of [
    ['JA1', 'JP1', 'FX-G1', 'hired', '2025-03-02T02:00:00Z', '2025-03-10T02:00:00Z'],
    ['JA2', 'JP1', 'FX-G1', 'withdrawn', '2025-03-03T02:00:00Z', null],
    ['JA3', 'JP2', 'FX-G2', 'rejected', '2024-12-31T16:10:00Z', null],
    ['JA4', 'JP4', 'FX-G2', 'hired', '2024-06-02T02:00:00Z', '2024-12-31T15:30:00Z'],
    ['JA5', 'JP3', 'FX-G1', 'applied', '2025-12-31T16:40:00Z', null],
  ] as const) {
    stmts.push(`insert into job_application (id, posting_id, org_id, applicant_key, source, name, status, hired_at, created_at)
      values (${q(id(name))}, ${q(id(job))}, ${q(id(org))}, ${q(`u:${name}`)}, 'fair', '测试求职', ${q(status)}, ${q(hired)}, ${q(created)})`);
  }
  // 送健康 (campaign CH25, above): bookings by the day booked (HB3 cancelled still counts), 人次 by the day marked attended.
  stmts.push(`insert into health_hospital (id, campaign_id, org_id, name, address) values (${q(id('HH1'))}, ${q(id('CH25'))}, ${q(id('FX'))}, '测试医院', '测试地址')`);
  stmts.push(`insert into health_slot (id, hospital_id, campaign_id, org_id, starts_at, ends_at, capacity, booked) values (${q(id('HS1'))}, ${q(id('HH1'))}, ${q(id('CH25'))}, ${q(id('FX'))}, '2025-04-10T00:00:00Z', '2025-04-10T03:00:00Z', 10, 4)`);
  for (const [name, org, status, created, marked] of [
    ['HB1', 'FX-G1', 'attended', '2025-04-01T02:00:00Z', '2025-04-10T02:00:00Z'],
    ['HB2', 'FX-G2', 'no_show', '2025-04-02T02:00:00Z', '2025-04-10T02:00:00Z'],
    ['HB3', 'FX-G1', 'cancelled', '2025-04-03T02:00:00Z', null],
    ['HB4', 'FX-G1', 'attended', '2024-12-31T15:50:00Z', '2025-12-31T16:30:00Z'],
    ['HB5', 'FX-G2', 'attended', '2024-06-01T02:00:00Z', '2024-06-10T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into health_booking (id, slot_id, campaign_id, org_id, person_id, membership_id, person_name, status, marked_at, created_at)
      values (${q(id(name))}, ${q(id('HS1'))}, ${q(id('CH25'))}, ${q(id(org))}, gen_random_uuid(), gen_random_uuid(), '测试体检', ${q(status)}, ${q(marked)}, ${q(created)})`);
  }

  // 秋送助学: students on nominations above (their campaigns' kinds do not matter to the figures): paid N1 (10 Jan 2025),
  // N5 (2024); N4 only approved, N6 paid at 00:30 on 1 Jan 2026.
  for (const [nomination, campaign, org, amount] of [['N1', 'CW25', 'FX-G1', 500], ['N4', 'CW25', 'FX-G2', 700], ['N5', 'CS24', 'FX-J1', 400], ['N6', 'CS25', 'FX-G1', 600]] as const) {
    stmts.push(`insert into studyaid_student (nomination_id, campaign_id, org_id, parent_person_id, child_name, child_id_enc, child_id_hash, child_id_masked, relation, school, level, admission_year, year, amount_fen)
      values (${q(id(nomination))}, ${q(id(campaign))}, ${q(id(org))}, gen_random_uuid(), '测试学生', 'x', ${q(`fx-${nomination}`)}, '500105********0000', 'son', '测试大学', 'undergraduate', 2025, 2025, ${amount})`);
  }
  // 劳模工匠: honours in force at the year's end (by the day recorded, until revoked), studios until closed, patents by the day recorded, care by its day.
  for (const [name, member, created, revoked] of [
    ['HO1', 'M1', '2024-06-01T02:00:00Z', null],
    ['HO2', 'M2', '2025-03-01T02:00:00Z', '2025-09-01T02:00:00Z'],
    ['HO3', 'M4', '2025-12-31T15:50:00Z', null],
    ['HO4', 'M6', '2025-12-31T16:10:00Z', null],
    ['HO5', 'M7', '2024-02-01T02:00:00Z', '2025-01-10T02:00:00Z'],
  ] as const) {
    const org = members.find((m) => m[0] === member)![1];
    stmts.push(`insert into honour (id, org_id, person_id, membership_id, person_name, level, title, year, awarding_body, status, revoked_reason, revoked_at, created_at)
      values (${q(id(name))}, ${q(id(org))}, ${q(id(`p-${member}`))}, ${q(id(member))}, '测试劳模', 'district', 'model_worker', 2020, '测试区政府', ${q(revoked ? 'revoked' : 'active')}, ${q(revoked ? '测试' : null)}, ${q(revoked)}, ${q(created)})`);
  }
  for (const [name, org, leader, created, closed] of [
    ['ST1', 'FX-G1', 'M1', '2024-05-01T02:00:00Z', null],
    ['ST2', 'FX-G2', 'M1', '2025-04-01T02:00:00Z', '2025-11-01T02:00:00Z'],
    ['ST3', 'FX-J1', 'M4', '2025-12-31T15:30:00Z', null],
  ] as const) {
    stmts.push(`insert into studio (id, org_id, name, level, leader_person_id, leader_name, founded_on, status, closed_at, created_at)
      values (${q(id(name))}, ${q(id(org))}, ${q(`测试工作室${name}`)}, 'district', ${q(id(`p-${leader}`))}, '测试劳模', '2020-01-01', ${q(closed ? 'closed' : 'active')}, ${q(closed)}, ${q(created)})`);
  }
  for (const [name, studio, org, created] of [
    ['PT1', 'ST1', 'FX-G1', '2024-07-01T02:00:00Z'],
    ['PT2', 'ST1', 'FX-G1', '2025-05-01T02:00:00Z'],
    ['PT3', 'ST3', 'FX-J1', '2025-12-31T16:30:00Z'],
  ] as const) {
    stmts.push(`insert into studio_patent (id, studio_id, org_id, patent_number, title, kind, holders, created_at) values (${q(id(name))}, ${q(id(studio))}, ${q(id(org))}, ${q(`ZL-FX-${name}`)}, '测试专利', 'utility_model', '测试', ${q(created)})`);
  }
  for (const [name, member, org, day, at] of [
    ['HC1', 'M1', 'FX-G1', '2025-01-20', '2025-01-20T04:00:00Z'],
    ['HC2', 'M1', 'FX-G1', '2025-01-01', '2024-12-31T16:30:00Z'],
    ['HC3', 'M4', 'FX-J1', '2024-06-01', '2024-06-01T04:00:00Z'],
  ] as const) {
    stmts.push(`insert into honour_care (id, org_id, person_id, person_name, kind, cared_on, cared_at, cost_fen) values (${q(id(name))}, ${q(id(org))}, ${q(id(`p-${member}`))}, '测试劳模', 'visit', ${q(day)}, ${q(at)}, 100)`);
  }
  // 1+N 合作联盟: partners from the day registered until ended; agreements from their first to their last day; stations by the day linked; activities and referrals by their time.
  for (const [name, org, kind, created, ended] of [
    ['PA1', 'FX-G1', 'bank', '2024-05-01T02:00:00Z', null],
    ['PA2', 'FX-S1', 'association', '2025-03-01T02:00:00Z', '2025-10-01T02:00:00Z'],
    ['PA3', 'FX-J1', 'platform', '2025-12-31T15:50:00Z', null],
    ['PA4', 'FX-G2', 'other', '2025-12-31T16:10:00Z', null],
  ] as const) {
    stmts.push(`insert into partner (id, org_id, name, kind, status, ended_at, created_at) values (${q(id(name))}, ${q(id(org))}, ${q(`测试伙伴${name}`)}, ${q(kind)}, ${q(ended ? 'ended' : 'active')}, ${q(ended)}, ${q(created)})`);
  }
  for (const [name, partner, org, starts, ends] of [
    ['AG1', 'PA1', 'FX-G1', '2024-06-01', '2026-05-31'],
    ['AG2', 'PA2', 'FX-S1', '2025-01-01', '2025-12-31'],
    ['AG3', 'PA1', 'FX-G1', '2024-01-01', '2024-12-31'],
    ['AG4', 'PA3', 'FX-J1', '2026-01-01', '2026-12-31'],
  ] as const) {
    stmts.push(`insert into partner_agreement (id, partner_id, org_id, title, signed_on, starts_on, ends_on) values (${q(id(name))}, ${q(id(partner))}, ${q(id(org))}, '测试协议', ${q(starts)}, ${q(starts)}, ${q(ends)})`);
  }
  for (const [name, partner, org, day, at] of [
    ['AC1', 'PA1', 'FX-G1', '2025-06-01', '2025-06-01T04:00:00Z'],
    ['AC2', 'PA2', 'FX-S1', '2025-01-01', '2024-12-31T16:30:00Z'],
    ['AC3', 'PA1', 'FX-G1', '2024-06-01', '2024-06-01T04:00:00Z'],
  ] as const) {
    stmts.push(`insert into partner_activity (id, partner_id, org_id, title, held_on, held_at, participants) values (${q(id(name))}, ${q(id(partner))}, ${q(id(org))}, '测试联合活动', ${q(day)}, ${q(at)}, 10)`);
  }
  for (const [partner, org, created] of [
    ['PA1', 'FX-G1', '2024-07-01T02:00:00Z'],
    ['PA2', 'FX-S1', '2025-04-01T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into partner_station (partner_id, position_id, org_id, contribution_fen, created_at) values (${q(id(partner))}, ${q(id('P1'))}, ${q(id(org))}, 100, ${q(created)})`);
  }
  for (const [name, from, to, org, at] of [
    ['RF1', 'PA1', 'PA2', 'FX-G1', '2025-03-01T02:00:00Z'],
    ['RF2', 'PA2', 'PA1', 'FX-S1', '2025-12-31T16:30:00Z'],
    ['RF3', 'PA1', 'PA3', 'FX-G1', '2024-09-01T02:00:00Z'],
  ] as const) {
    stmts.push(`insert into partner_referral (id, org_id, from_partner_id, to_partner_id, subject, referred_at) values (${q(id(name))}, ${q(id(org))}, ${q(id(from))}, ${q(id(to))}, '测试转介', ${q(at)})`);
  }
  // 共享食堂 on P1 (the table does not check the position's type; the service does): meals by the time served, in Asia/Shanghai.
  stmts.push(`insert into canteen (id, position_id, org_id, normal_price_fen) values (${q(id('CT1'))}, ${q(id('P1'))}, ${q(id('FX-S1'))}, 2000)`);
  for (const [name, slot, served] of [
    ['ML1', 1, '2025-03-01T04:00:00Z'],
    ['ML2', null, '2025-03-01T05:00:00Z'],
    ['ML3', 1, '2025-12-31T16:30:00Z'],
    ['ML4', null, '2024-12-31T15:50:00Z'],
    ['ML5', 1, '2024-06-01T04:00:00Z'],
  ] as const) {
    stmts.push(`insert into canteen_meal (id, canteen_id, org_id, price_fen, reduced_slot, person_id, membership_id, person_name, service_day, served_at)
      values (${q(id(name))}, ${q(id('CT1'))}, ${q(id('FX-S1'))}, ${slot ? 1500 : 2000}, ${q(slot)}, gen_random_uuid(), gen_random_uuid(), '测试就餐', ${q(new Date(Date.parse(served) + 8 * 3_600_000).toISOString().slice(0, 10))}, ${q(served)})`);
  }

  // 志愿服务: activities by their start (Asia/Shanghai), volunteers and hours by the confirmed minutes above zero of those activities.
  for (const [name, org, leader] of [['VT1', 'FX-S1', 'M1'], ['VT2', 'FX-S2', 'M6']] as const)
    stmts.push(`insert into volunteer_team (id, org_id, name, leader_person_id, leader_name) values (${q(id(name))}, ${q(id(org))}, ${q(`测试志愿队${name}`)}, ${q(id(`p-${leader}`))}, '测试队长')`);
  for (const [name, team, org, starts, hours, signups] of [
    ['VA1', 'VT1', 'FX-S1', '2025-03-01T01:00:00Z', 3, [['M1', 180], ['M2', 90], ['M4', 0]]],
    ['VA2', 'VT2', 'FX-S2', '2025-12-31T16:30:00Z', 2, [['M6', 120]]],
    ['VA3', 'VT2', 'FX-S2', '2024-12-31T15:30:00Z', 1, [['M1', 60]]],
    ['VA4', 'VT1', 'FX-S1', '2025-12-31T15:00:00Z', 1, [['M1', 60], ['M2', null]]],
  ] as const) {
    const ends = new Date(Date.parse(starts) + hours * 3_600_000).toISOString();
    stmts.push(`insert into volunteer_activity (id, team_id, org_id, title, place, starts_at, ends_at, capacity, signed_up, status, confirmed_at) values (${q(id(name))}, ${q(id(team))}, ${q(id(org))}, '测试活动', '测试地点', ${q(starts)}, ${q(ends)}, 10, ${signups.length}, 'confirmed', ${q(ends)})`);
    for (const [member, minutes] of signups)
      stmts.push(`insert into volunteer_signup (activity_id, org_id, person_id, person_name, status, minutes, confirmed_at) values (${q(id(name))}, ${q(id(org))}, ${q(id(`p-${member}`))}, '测试志愿者', ${minutes === null ? "'cancelled'" : "'signed_up'"}, ${q(minutes)}, ${q(minutes === null ? null : ends)})`);
  }
  // VA5 was cancelled before it started: not held, not counted.
  stmts.push(
    `insert into volunteer_activity (id, team_id, org_id, title, place, starts_at, ends_at, capacity, signed_up, status, cancelled_at, cancel_reason) values (${q(id('VA5'))}, ${q(id('VT1'))}, ${q(id('FX-S1'))}, '测试活动', '测试地点', '2025-06-01T01:00:00Z', '2025-06-01T03:00:00Z', 10, 0, 'cancelled', '2025-05-30T01:00:00Z', '暴雨')`,
  );

  await database.exec(`begin;\n${stmts.join(';\n')};\ncommit;`);
  return { ids };
}

/**
 * Hand-counted figures of FX for the year 2025 (and 2024 for 同比). Every indicator of the
 * catalogue must appear here: a new one fails the test until someone counts it.
 */
export const FIXTURE_2025: Record<string, { value: number | null; lastYear: number | null }> = {
  'orgs.grassroots': { value: 2, lastYear: 1 }, // G1, G2 (G3 closed 2025-11-01) | G1
  'orgs.joint': { value: 1, lastYear: 0 }, // J1
  'orgs.total': { value: 6, lastYear: 4 }, // FX, S1, S2, G1, G2, J1 | FX, S1, S2, G1
  'orgs.new_grassroots': { value: 2, lastYear: 1 }, // G2, G3 | G1
  'members.total': { value: 4, lastYear: 2 }, // M1, M2, M4 (23:30 on 31 Dec), M7 (suspended) | M1, M7
  'members.new': { value: 3, lastYear: 1 }, // M2, M3 (left later), M4; M6 joined at 00:10 on 1 Jan 2026 | M1
  'members.gig': { value: 2, lastYear: 0 }, // M2 rider, M4 ride-hailing
  'members.gig_new': { value: 3, lastYear: 0 }, // M2, M3, M4
  'members.migrant': { value: 2, lastYear: 1 }, // M1, M4 | M1
  'members.verified': { value: 3, lastYear: 1 }, // M1, M2, M4 | M1
  'members.verified_rate': { value: 75, lastYear: 50 },
  'members.gig_share': { value: 50, lastYear: 0 },
  'positions.total': { value: 3, lastYear: 2 }, // P1, P2, P3 (P4 closed, P5 planned, P6 2026) | P1, P4
  'positions.rest_stations': { value: 2, lastYear: 1 }, // P1, P2 | P1
  'positions.commerce_sustained': { value: 1, lastYear: 1 }, // P1
  'positions.mothers_rooms': { value: 1, lastYear: 0 }, // P3
  'positions.workers_homes': { value: 0, lastYear: 1 }, // P4 closed in March | P4
  'positions.new': { value: 2, lastYear: 1 }, // P2, P3 | P1
  'positions.standard_rate': { value: 20, lastYear: null }, // now: P1 of P1, P2, P3, P5, P6 (not closed)
  'positions.coverage_share': { value: 80, lastYear: null }, // the run of 2025-06-01 | none yet
  'stars.five_star': { value: 0, lastYear: 0 }, // no inspections
  'stars.average': { value: null, lastYear: null },
  'stars.issues_reported': { value: 2, lastYear: 1 }, // I1, I2 | I3
  'stars.issues_resolved': { value: 2, lastYear: 0 }, // I1, I3 (2 Jan 2025)
  'access.entries': { value: 3, lastYear: 0 }, // E1, E2, E4 (00:30 on 1 Jan 2025); E5 is 2026
  'access.after_hours': { value: 2, lastYear: 0 }, // E1, E4
  'access.refused': { value: 1, lastYear: 0 }, // E3
  'access.smart_stations': { value: 1, lastYear: null }, // P1 (now)
  'fund.raised': { value: 500, lastYear: 100 }, // 10 + 500 − 10 | 100
  'fund.raised_total': { value: 600, lastYear: 100 },
  'fund.sales': { value: 50, lastYear: 10 }, // 1 + 50 − 1 | 10
  'fund.breakfasts': { value: 1, lastYear: 0 },
  'fund.breakfast_spend': { value: 400, lastYear: 0 },
  'fund.balance': { value: 200, lastYear: 100 }, // 100 + 10 + 500 − 10 − 400 (the transfer moves money within the fund)
  'rights.consultations': { value: 2, lastYear: 1 }, // K1, K2 (00:30 on 1 Jan 2025) | K3
  'rights.cases_received': { value: 2, lastYear: 2 }, // C1, C3 | C2, C4
  'rights.cases_accepted': { value: 2, lastYear: 1 }, // C1, C2 (received 2024, accepted 2025) | C4
  'rights.cases_mediated': { value: 2, lastYear: 1 }, // C1 agreed, C2 failed | C4
  'rights.cases_successful': { value: 1, lastYear: 1 }, // C1 | C4
  'rights.success_rate': { value: 50, lastYear: 100 },
  'rights.amount_claimed': { value: 1_300_000, lastYear: 700_000 }, // C1 + C3 | C2 + C4
  'rights.amount_agreed': { value: 800_000, lastYear: 200_000 }, // C1 | C4
  'rights.amount_recovered': { value: 500_000, lastYear: 200_000 }, // paid on C1 | on C4
  'rights.workers_helped': { value: 2, lastYear: 1 }, // C1's two applicants | C4's one
  'rights.overdue_cases': { value: 1, lastYear: null }, // now: C3 never accepted (due 4 Jun 2025)
  'organizing.enterprises': { value: 2, lastYear: 1 }, // EN1, EN2 (EN3 at 00:30 on 1 Jan 2026) | EN1
  'organizing.meetings': { value: 2, lastYear: 1 }, // EN1's meeting, EN2's worker meeting | EN1's visit
  'organizing.meeting_attendance': { value: 38, lastYear: 3 }, // 8 + 30 | 3
  'organizing.joining_points': { value: 0, lastYear: 0 }, // no position of the joining-point type
  'voice.reports_submitted': { value: 1, lastYear: 1 }, // R1 (R2 at 00:30 on 1 Jan 2026, R4 merged) | R3
  'voice.reports_resolved': { value: 2, lastYear: 0 }, // R1, R3 (01:00 on 2 Jan 2025)
  'voice.reports_escalated': { value: 1, lastYear: 1 }, // R1's | R3's
  'voice.liaison_visits': { value: 1, lastYear: 1 }, // V1 (V3 is 1 Jan 2026) | V2
  'voice.liaison_problems_found': { value: 2, lastYear: 1 }, // V1's LP1, LP2 | V2's LP3
  'voice.liaison_problems_resolved': { value: 2, lastYear: 0 }, // LP1, LP3 (00:30 on 1 Jan 2025)
  'voice.suggestions_submitted': { value: 2, lastYear: 1 }, // SG1, SG4 (SG2 at 00:30 on 1 Jan 2026) | SG3
  'voice.suggestions_adopted': { value: 2, lastYear: 0 }, // SG1, SG3 (00:30 on 1 Jan 2025)
  'voice.suggestions_benefit': { value: 700_000, lastYear: 0 }, // SG1 + SG3
  'voice.surveys_published': { value: 1, lastYear: 1 }, // SV1 (SV2 at 00:30 on 1 Jan 2026, SV4 a draft) | SV3
  'voice.survey_responses': { value: 2, lastYear: 1 }, // SV1's two (the third on 1 Jan 2026) | SV3's
  'market.orders': { value: 2, lastYear: 1 }, // O1, O5 (a worker's own, FX itself); O2 is 1 Jan 2026, O3 cancelled | O4
  'market.subsidy': { value: 3500, lastYear: 2000 }, // O1 3000 + O5 500 | O4
  'market.served': { value: 2, lastYear: 1 }, // two at O1 | one at O4
  'events.events': { value: 2, lastYear: 2 }, // E1, E4 (E3 cancelled) | E2, E5
  'events.matchmaking_events': { value: 1, lastYear: 1 }, // E4 | E5
  'events.matches': { value: 2, lastYear: 1 }, // E4's two | E5's one
  'events.matches_per_event': { value: 2, lastYear: 1 }, // 2 ÷ 1 | 1 ÷ 1
  'events.registrations': { value: 2, lastYear: 1 }, // E1's two confirmed (the cancelled place not) | E2's one
  'events.attendance': { value: 1, lastYear: 1 }, // E1's member of G2 | E2's
  'events.no_shows': { value: 1, lastYear: 0 }, // E1's non-member | none
  'events.no_show_rate': { value: 50, lastYear: 0 }, // 1 of 2 | 0 of 1
  'mutualaid.enrolled': { value: 2, lastYear: 1 }, // ME1, ME2 (00:30 on 1 Jan 2025) | ME4
  'mutualaid.claims': { value: 2, lastYear: 1 }, // MC1, MC2 (MC3 at 00:30 on 1 Jan 2026) | MC4
  'mutualaid.claims_paid': { value: 2, lastYear: 1 }, // MC1, MC2 (23:30 on 31 Dec 2025) | MC4
  'mutualaid.paid': { value: 500, lastYear: 500 }, // 300 + 200 | 500
  'assistance.hardship_files': { value: 2, lastYear: 2 }, // H1, H6 (31 Dec); H3 is 1 Jan 2026, H2 and H5 exited | H1, H5
  'assistance.hardship_deep': { value: 2, lastYear: 1 }, // H1, H6 | H1
  'assistance.hardship_admitted': { value: 2, lastYear: 2 }, // H2, H6 | H1, H5
  'assistance.hardship_resolved': { value: 1, lastYear: 0 }, // H2 (H5 withdrawn, not resolved)
  'assistance.campaign_money': { value: 1000, lastYear: 400 }, // N1 500 + N2 300 (23:30 on 31 Dec) + N3 200; N4 not given, N6 is 1 Jan 2026 | N5
  'assistance.campaign_times': { value: 3, lastYear: 1 }, // N1, N2, N3 | N5
  'assistance.campaign_persons': { value: 2, lastYear: 1 }, // M1 (twice), M2 | M4
  'jobs.offered': { value: 15, lastYear: 3 }, // JP1 10 + JP2 5 (00:30 on 1 Jan 2025); JP3 is 2026, JP5 a draft | JP4
  'jobs.applications': { value: 3, lastYear: 1 }, // JA1, JA2 (withdrawn later), JA3 (00:10 on 1 Jan 2025); JA5 is 2026 | JA4
  'jobs.hired': { value: 1, lastYear: 1 }, // JA1 | JA4 (23:30 on 31 Dec 2024)
  'assistance.health_booked': { value: 3, lastYear: 2 }, // HB1, HB2 (no-show), HB3 (cancelled later) | HB4 (23:50 on 31 Dec 2024), HB5
  'assistance.health_attended': { value: 1, lastYear: 1 }, // HB1 (HB4 marked at 00:30 on 1 Jan 2026) | HB5
  'assistance.studyaid_children': { value: 1, lastYear: 1 }, // N1's student (N4 not paid, N6 is 1 Jan 2026) | N5's
  'assistance.studyaid_paid_fen': { value: 500, lastYear: 400 }, // N1's | N5's
  'honours.model_workers': { value: 2, lastYear: 2 }, // HO1, HO3 (23:50 on 31 Dec); HO2 and HO5 revoked in 2025, HO4 recorded at 00:10 on 1 Jan 2026 | HO1, HO5
  'honours.studios': { value: 2, lastYear: 1 }, // ST1, ST3 (23:30 on 31 Dec); ST2 closed in November | ST1
  'honours.patents': { value: 2, lastYear: 1 }, // PT1, PT2; PT3 recorded at 00:30 on 1 Jan 2026 | PT1
  'honours.care_activities': { value: 2, lastYear: 1 }, // HC1, HC2 (00:30 on 1 Jan 2025) | HC3
  'honours.partners': { value: 2, lastYear: 1 }, // PA1, PA3 (23:50 on 31 Dec); PA2 ended in October, PA4 registered at 00:10 on 1 Jan 2026 | PA1
  'honours.partner_agreements': { value: 2, lastYear: 2 }, // in force on 31 Dec 2025: AG1, AG2 (its last day); AG4 starts 2026 | AG1, AG3
  'honours.partner_activities': { value: 2, lastYear: 1 }, // AC1, AC2 (00:30 on 1 Jan 2025) | AC3
  'honours.partner_stations': { value: 2, lastYear: 1 }, // PA1 and PA2 on P1 | PA1's
  'honours.partner_referrals': { value: 1, lastYear: 1 }, // RF1 (RF2 at 00:30 on 1 Jan 2026) | RF3
  'assistance.canteen_meals': { value: 2, lastYear: 2 }, // ML1, ML2 (ML3 at 00:30 on 1 Jan 2026) | ML4 (23:50 on 31 Dec 2024), ML5
  'assistance.canteen_reduced_meals': { value: 1, lastYear: 1 }, // ML1 | ML5
  'volunteer.activities': { value: 2, lastYear: 1 }, // VA1, VA4 (23:00 on 31 Dec); VA2 starts at 00:30 on 1 Jan 2026; VA5 was cancelled | VA3 (23:30 on 31 Dec 2024)
  'volunteer.volunteers': { value: 2, lastYear: 1 }, // M1, M2 (M4 served 0, M2's VA4 sign-up cancelled) | M1
  'volunteer.hours': { value: 5.5, lastYear: 1 }, // VA1 3 + 1.5, VA4 1 | VA3 1
  'figures.served': { value: 17, lastYear: 7 }, // 3 entries + 1 breakfast + 2 consultations + 2 workers helped + 2 at the marketplace + 1 at an event + 2 mutual-aid claims paid + 3 campaign benefits (N1-N3) + 1 health check (HB1) | K3 + C4's worker + 1 at the marketplace + 1 at an event + MC4 + N5 + HB5
};
