import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { indicatorTarget } from '../../modules/figures';
import { GIG_FORMS } from '../../modules/members';
import { organizingCeremony, organizingEnterprise, organizingEvent, organizingMeeting, organizingStep, TARGET_INDICATORS } from '../../modules/organizing';
import { insertOrg, type OrgRow } from '../../modules/orgs';
import { gcj02ToWgs84 } from '../../modules/positions/geo';
import { SEED_ACTOR } from '../../platform/audit/audit.service';
import { demoCreditCode } from './demo-credit';
import { DEMO_ORGS, JIANGBEI_STREETS } from './demo-orgs';

/**
 * 建会入会 demo: about 300 enterprises in Jiangbei (the platform companies and every demo
 * grassroots union's employer among them, linked as founded), two new unions founded this year in
 * each street, a dozen drives in flight (筹建中, a cadre, meetings, next steps — some overdue), two
 * joining ceremonies, and this year's targets set on the district and split to its streets, parks
 * and industry union so that they add up. Targets are derived from the progress the demo's records
 * give (unions founded, members approved this year), so some streets are ahead and some lag.
 * Runs after the history is backdated (the new unions stay in this year); set-based and cheap.
 */

// Approximate built-up centres of the streets (GCJ-02, as demo-positions places its stations).
const CENTRES: Record<string, [number, number]> = {
  'JB-HXJ': [106.537, 29.567],
  'JB-JBC': [106.572, 29.571],
  'JB-SMH': [106.506, 29.598],
  'JB-DSB': [106.497, 29.579],
  'JB-CT': [106.604, 29.598],
  'JB-GYQ': [106.531, 29.579],
  'JB-WLD': [106.568, 29.589],
  'JB-GJT': [106.661, 29.597],
  'JB-TSP': [106.688, 29.617],
  'JB-YZ': [106.772, 29.636],
  'JB-FS': [106.722, 29.662],
  'JB-WB': [106.832, 29.622],
  'JB-YFGY': [106.76, 29.65],
  'JB-HEGY': [106.598, 29.592],
  'JB-KDWL': [106.56, 29.585],
};
// Enterprises per street (the urban west has most), about 300 in all with the founded ones.
const PER_STREET: Record<string, number> = {
  'JB-GYQ': 36,
  'JB-HXJ': 24,
  'JB-DSB': 24,
  'JB-SMH': 22,
  'JB-WLD': 24,
  'JB-JBC': 18,
  'JB-CT': 20,
  'JB-GJT': 14,
  'JB-TSP': 8,
  'JB-YZ': 14,
  'JB-FS': 10,
  'JB-WB': 8,
};
const WORDS = ['恒信', '佳禾', '瑞丰', '天成', '宏达', '嘉川', '渝信', '鼎盛', '华茂', '长江', '锦程', '启航', '永辉', '汇通', '顺达', '博远', '新桥', '东方', '山城', '北滨'];
const TRADES: { suffix: string; industry: string; gig?: 'platform' | 'delivery_station' | 'fleet' }[] = [
  { suffix: '商贸有限公司', industry: '批发和零售业' },
  { suffix: '物流有限公司', industry: '交通运输、仓储和邮政业', gig: 'fleet' },
  { suffix: '餐饮管理有限公司', industry: '住宿和餐饮业' },
  { suffix: '物业服务有限公司', industry: '房地产业' },
  { suffix: '配送服务有限公司', industry: '交通运输、仓储和邮政业', gig: 'delivery_station' },
  { suffix: '网络科技有限公司', industry: '信息传输、软件和信息技术服务业', gig: 'platform' },
  { suffix: '建筑工程有限公司', industry: '建筑业' },
  { suffix: '家政服务有限公司', industry: '居民服务、修理和其他服务业', gig: 'platform' },
  { suffix: '汽车服务有限公司', industry: '居民服务、修理和其他服务业' },
  { suffix: '机械制造有限公司', industry: '制造业' },
];
// Platform companies of the reports without a union in Jiangbei yet (PRODUCT.md names the others, which have one).
const PLATFORMS: { name: string; street: string; gig: number; kind: 'platform' | 'delivery_station' | 'fleet' }[] = [
  { name: '美团配送重庆江北观音桥站点', street: 'JB-GYQ', gig: 180, kind: 'delivery_station' },
  { name: '达达快送重庆江北站点', street: 'JB-DSB', gig: 65, kind: 'delivery_station' },
  { name: '滴滴出行重庆江北服务中心', street: 'JB-HXJ', gig: 420, kind: 'platform' },
  { name: '满帮集团重庆江北货运服务站', street: 'JB-CT', gig: 150, kind: 'fleet' },
  { name: '京东物流重庆江北营业部', street: 'JB-WLD', gig: 90, kind: 'delivery_station' },
  { name: '中通快递重庆江北分部', street: 'JB-SMH', gig: 75, kind: 'delivery_station' },
];

/** Rows of a raw statement (pg and PGlite both answer `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? [];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export async function seedDemoOrganizing(tx: Db, byCode: Map<string, OrgRow>, now = new Date()): Promise<number> {
  const staff = rowsOf<{ id: string; username: string }>(await tx.execute(sql`select id, username from app_user where username in ('gyq.admin', 'wld.admin', 'jb.staff')`));
  const staffIds = new Map(staff.map((r) => [r.username, r.id]));
  const next = random(20261206);
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  const yearStart = Date.parse(`${year}-01-01T09:00:00+08:00`);
  const org = (code: string) => byCode.get(code)!;
  const point = (area: string): [number, number] => {
    const [lng, lat] = CENTRES[area] ?? CENTRES['JB-GYQ']!;
    const [w, a] = gcj02ToWgs84(lng + (next() - 0.5) * 0.02, lat + (next() - 0.5) * 0.016);
    return [Math.round(w * 1e6) / 1e6, Math.round(a * 1e6) / 1e6];
  };
  // The area of a demo union: its first street, park or industry ancestor.
  const areaOf = (code: string): string => {
    let o = DEMO_ORGS.find((d) => d.code === code);
    while (o && !JIANGBEI_STREETS.some((s) => s.code === o!.parent) && !['JB-YFGY', 'JB-HEGY', 'JB-KDWL'].includes(o.parent) && o.parent !== 'JB') o = DEMO_ORGS.find((d) => d.code === o!.parent);
    return o ? (o.parent === 'JB' ? o.code : o.parent) : 'JB-GYQ';
  };
  const cadreOf = (area: string) => staffIds.get(area === 'JB-GYQ' ? 'gyq.admin' : area === 'JB-WLD' ? 'wld.admin' : 'jb.staff') ?? null;
  const rows: (typeof organizingEnterprise.$inferInsert)[] = [];
  const sizeOf = (headcount: number) => (headcount < 20 ? 'micro' : headcount < 100 ? 'small' : headcount < 300 ? 'medium' : 'large');

  // Every demo grassroots union's employer: founded, linked, on the day the union was created.
  const founded = await tx.execute(sql`select id, code, name, credit_code, created_at from org where type = 'grassroots' and credit_code is not null`);
  for (const u of rowsOf<{ id: string; code: string; name: string; credit_code: string; created_at: Date | string }>(founded)) {
    const area = areaOf(u.code);
    const [lng, lat] = point(area);
    const headcount = 40 + Math.floor(next() * 800);
    const isGig = /顺丰|货拉拉|饿了么|嘉里/.test(u.name);
    rows.push({
      orgId: org(area).id,
      name: u.name.replace(/工会$/, ''),
      creditCode: u.credit_code,
      address: org(area).address ?? `重庆市江北区${org(area).shortName ?? ''}`,
      lng,
      lat,
      industry: isGig ? '交通运输、仓储和邮政业' : '其他',
      sizeBand: sizeOf(headcount),
      ownership: /建设银行|铁塔/.test(u.name) ? 'state' : /城市管理局|管理处/.test(u.name) ? 'other' : 'private',
      headcount,
      gigWorkers: isGig ? 200 + Math.floor(next() * 600) : 0,
      hasGigWorkers: isGig,
      gigKind: isGig ? (/货拉拉/.test(u.name) ? 'fleet' : /饿了么/.test(u.name) ? 'platform' : 'delivery_station') : null,
      unionStatus: 'founded',
      contactStatus: 'founded',
      unionOrgId: u.id,
      foundedOn: shanghaiDay(new Date(u.created_at)),
      source: 'seed',
      cadreId: cadreOf(area),
    });
  }

  // Two unions founded this year in each street: new grassroots org nodes, their enterprises linked.
  const span = Math.max(1, now.getTime() - 10 * 86_400_000 - yearStart);
  for (const [si, s] of JIANGBEI_STREETS.entries()) {
    for (let k = 0; k < (si % 3 === 0 ? 3 : si % 3 === 1 ? 2 : 1); k++) {
      const trade = TRADES[(si + k * 3) % TRADES.length]!;
      const name = `重庆${WORDS[(si * 3 + k) % WORDS.length]}${s.short}${trade.suffix}`;
      const credit = demoCreditCode(`ORG-NEW-${s.code}-${k}`);
      const id = randomUUID();
      const street = org(s.code);
      const createdAt = new Date(yearStart + Math.floor(((k + 1 + si / 12) / 4.2) * span));
      await insertOrg(tx, {
        id,
        code: `${s.code}-N${year}${k + 1}`,
        name: `${name}工会`,
        type: 'grassroots',
        parentId: street.id,
        path: `${street.path}${id}/`,
        depth: street.depth + 1,
        creditCode: credit,
        address: `重庆市江北区${s.short}`,
        foundedOn: shanghaiDay(createdAt),
      });
      await tx.execute(sql`update org set created_at = ${createdAt.toISOString()}::timestamptz where id = ${id}`);
      const [lng, lat] = point(s.code);
      const headcount = 30 + Math.floor(next() * 300);
      rows.push({
        orgId: street.id,
        name,
        creditCode: credit,
        address: `重庆市江北区${s.short}${WORDS[k]}路${10 + k}号`,
        lng,
        lat,
        industry: trade.industry,
        sizeBand: sizeOf(headcount),
        ownership: 'private',
        headcount,
        gigWorkers: trade.gig ? 20 + Math.floor(next() * 80) : 0,
        hasGigWorkers: Boolean(trade.gig),
        gigKind: trade.gig ?? null,
        unionStatus: 'founded',
        contactStatus: 'founded',
        unionOrgId: id,
        foundedOn: shanghaiDay(createdAt),
        source: 'seed',
        cadreId: cadreOf(s.code),
      });
    }
  }

  // Platform companies without a union yet, then the rest of each street's list.
  for (const p of PLATFORMS) {
    const [lng, lat] = point(p.street);
    rows.push({
      orgId: org(p.street).id,
      name: p.name,
      creditCode: demoCreditCode(`ENT-${p.name}`),
      address: `重庆市江北区${org(p.street).shortName ?? ''}`,
      lng,
      lat,
      industry: '交通运输、仓储和邮政业',
      sizeBand: 'medium',
      ownership: 'private',
      headcount: 20 + Math.floor(p.gig / 10),
      gigWorkers: p.gig,
      hasGigWorkers: true,
      gigKind: p.kind,
      unionStatus: 'none',
      contactStatus: 'not_contacted',
      source: 'seed',
    });
  }
  for (const s of JIANGBEI_STREETS) {
    const n = PER_STREET[s.code] ?? 10;
    for (let i = 0; i < n; i++) {
      const trade = TRADES[Math.floor(next() * TRADES.length)]!;
      const name = `重庆${s.short}${WORDS[Math.floor(next() * WORDS.length)]}${WORDS[i % WORDS.length]}${trade.suffix}`;
      const [lng, lat] = point(s.code);
      const headcount = 5 + Math.floor(next() * next() * 400);
      const contacted = next() < 0.35;
      rows.push({
        orgId: org(s.code).id,
        name,
        creditCode: demoCreditCode(`ENT-${s.code}-${i}`),
        address: `重庆市江北区${s.short}${WORDS[(i * 7) % WORDS.length]}路${1 + i}号`,
        lng,
        lat,
        industry: trade.industry,
        sizeBand: sizeOf(headcount),
        ownership: next() < 0.85 ? 'private' : next() < 0.5 ? 'foreign' : 'collective',
        headcount,
        gigWorkers: trade.gig ? Math.floor(next() * 60) : 0,
        hasGigWorkers: Boolean(trade.gig),
        gigKind: trade.gig ?? null,
        unionStatus: 'none',
        contactStatus: contacted ? 'contacted' : 'not_contacted',
        source: 'seed',
        cadreId: contacted ? cadreOf(s.code) : null,
      });
    }
  }
  // Names generated from few words may repeat: keep each (name) once.
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(r.name) || seen.has(r.creditCode) ? false : (seen.add(r.name), seen.add(r.creditCode), true)));
  const createdAt = new Date(yearStart - 30 * 86_400_000);
  const inserted = await tx
    .insert(organizingEnterprise)
    .values(unique.map((r) => ({ ...r, createdAt, updatedAt: createdAt })))
    .returning({
      id: organizingEnterprise.id,
      orgId: organizingEnterprise.orgId,
      name: organizingEnterprise.name,
      status: organizingEnterprise.contactStatus,
      cadreId: organizingEnterprise.cadreId,
      gig: organizingEnterprise.hasGigWorkers,
    });
  await tx.insert(organizingEvent).values(inserted.map((e) => ({ enterpriseId: e.id, kind: 'imported', actorName: SEED_ACTOR, at: createdAt })));

  // Drives in flight: contacted enterprises with gig workers first; founding started, meetings held, next steps due.
  const drives = inserted
    .filter((e) => e.status === 'contacted')
    .sort((a, b) => Number(b.gig) - Number(a.gig))
    .slice(0, 12);
  const day = (offset: number) => shanghaiDay(new Date(now.getTime() + offset * 86_400_000));
  const meetings: (typeof organizingMeeting.$inferInsert)[] = [];
  const steps: (typeof organizingStep.$inferInsert)[] = [];
  for (const [i, e] of drives.entries()) {
    meetings.push({
      enterpriseId: e.id,
      kind: 'enterprise_meeting',
      heldOn: day(-40 + i),
      attendance: 6 + (i % 5),
      notes: '与企业负责人沟通建会事宜，介绍工会组建程序和会员权益',
      createdByName: SEED_ACTOR,
    });
    if (i % 2 === 0)
      meetings.push({ enterpriseId: e.id, kind: 'worker_meeting', heldOn: day(-20 + i), attendance: 25 + i * 7, notes: '职工沟通会：宣讲入会好处，收集职工诉求', createdByName: SEED_ACTOR });
    steps.push({
      enterpriseId: e.id,
      title: i % 3 === 0 ? '召开会员（代表）大会，选举工会委员会' : i % 3 === 1 ? '报送建会申请及筹备组名单' : '组织集中入会仪式',
      dueOn: day(i % 4 === 0 ? -5 - i : 7 + i * 3),
      assigneeId: e.cadreId,
    });
  }
  if (drives.length) {
    await tx.execute(sql`update organizing_enterprise set union_status = 'founding', contact_status = 'founding' where id = any(${`{${drives.map((d) => d.id).join(',')}}`}::uuid[])`);
    await tx
      .insert(organizingEvent)
      .values(drives.map((e) => ({ enterpriseId: e.id, kind: 'status', fromStatus: 'contacted', toStatus: 'founding', actorName: SEED_ACTOR, at: new Date(now.getTime() - 45 * 86_400_000) })));
    await tx.insert(organizingMeeting).values(meetings);
    await tx.insert(organizingStep).values(steps);
  }
  await tx.insert(organizingCeremony).values([
    { orgId: org('JB-GYQ-LH').id, code: 'GYQRIDER26', title: '观音桥片区骑手集中入会仪式', heldOn: day(-12), place: '观音桥街道职工服务中心' },
    { orgId: org('JB-SF').id, code: 'SFJOIN2026', title: '顺丰速运重庆江北集中入会仪式', heldOn: day(-30), place: '顺丰速运江北分拨中心' },
  ]);
  // The online applications to a ceremony's union in the week after it came through its QR.
  await tx.execute(sql`update membership m set via = 'ceremony:' || c.code
    from organizing_ceremony c
    where m.org_id = c.org_id and m.source = 'online' and m.via is null
      and m.applied_at >= (c.held_on::timestamp at time zone 'Asia/Shanghai') and m.applied_at < ((c.held_on + 8)::timestamp at time zone 'Asia/Shanghai')`);

  // This year's targets: from the demo's progress (ahead in some streets, lagging in others), set on the district and split so it adds up.
  const children = [...JIANGBEI_STREETS.map((s) => s.code), 'JB-YFGY', 'JB-HEGY', 'JB-KDWL'];
  const from = `${year}-01-01T00:00:00+08:00`;
  const progress = rowsOf<{ code: string; unions: number; members: number; gig: number }>(
    await tx.execute(sql`
      select c.code,
        (select count(*)::int from org o where o.type = 'grassroots' and o.path like c.path || '%' and o.created_at >= ${from}::timestamptz) as unions,
        (select count(*)::int from membership m join org o on o.id = m.org_id where o.path like c.path || '%' and m.status in ('active','suspended','left') and m.joined_at >= ${from}::timestamptz) as members,
        (select count(*)::int from membership m join org o on o.id = m.org_id join person p on p.id = m.person_id where o.path like c.path || '%' and m.status in ('active','suspended','left') and m.joined_at >= ${from}::timestamptz and p.employment_form = any(${`{${GIG_FORMS.join(',')}}`}::text[])) as gig
      from org c where c.code = any(${`{${children.join(',')}}`}::text[])`),
  );
  const factor = (i: number) => [0.8, 1.0, 1.3, 0.9, 1.6, 1.1][i % 6]!;
  const targets = progress.map((p, i) => ({
    code: p.code,
    new_unions: Math.max(1, Math.round(Number(p.unions) * factor(i) + (i % 2))),
    new_members: Math.max(10, Math.round((Number(p.members) * factor(i + 1)) / 10) * 10 + 10),
    new_gig_members: Math.max(5, Math.round(Number(p.gig) * factor(i + 2)) + 5),
    joining_points: p.code.startsWith('JB-') && JIANGBEI_STREETS.some((s) => s.code === p.code) ? 1 : 0,
  }));
  const values: (typeof indicatorTarget.$inferInsert)[] = [];
  const kinds = ['new_unions', 'new_members', 'new_gig_members', 'joining_points'] as const;
  for (const kind of kinds) {
    values.push({ indicatorKey: TARGET_INDICATORS[kind], orgId: org('JB').id, year, value: targets.reduce((sum, t) => sum + t[kind], 0), setByName: SEED_ACTOR, source: 'organizing' });
    for (const t of targets) values.push({ indicatorKey: TARGET_INDICATORS[kind], orgId: org(t.code).id, year, value: t[kind], setByName: SEED_ACTOR, source: 'organizing' });
  }
  await tx.insert(indicatorTarget).values(values).onConflictDoNothing();
  return unique.length;
}
