import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_MARKET_RUBRIC, orderPrice, subsidyShare, type ProjectCategory, type ProjectFormat } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { recordAudit, SEED_ACTOR, systemAuditContext } from '../../platform/audit/audit.service';
import { appUser, roleGrant } from '../../modules/accounts';
import {
  computeResults,
  findSeasonRow,
  fingerprintOf,
  loadResultInputs,
  marketAssignment,
  marketCheckin,
  marketCounter,
  marketEntry,
  marketJudge,
  marketOrder,
  marketPaperTally,
  marketProject,
  marketProjectVersion,
  marketProvider,
  marketProviderUser,
  marketRep,
  marketScore,
  marketSeason,
  marketSubsidyRule,
  marketSubsidyUsage,
  marketVote,
  marketVoteCount,
  marketVoteSession,
} from '../../modules/market';
import type { OrgRow } from '../../modules/orgs';
import { demoCreditCode } from './demo-credit';
import { FAIL_REASONS, FINALISTS, JUDGES, PROVIDER_CORES, PROVIDER_KINDS, PROVIDER_PREFIXES, RATING_COMMENTS, TITLES, type DemoProject } from './demo-market-data';
import { rowsOf } from '../rows';

/** The demo provider's sign-in (宗君职业技能培训学校's account in the portal) and the judges' phones. */
export const DEMO_PROVIDER_PHONE = '13900000001';
export const demoJudgePhone = (i: number) => `139000001${String(i + 1).padStart(2, '0')}`;

const rows = rowsOf;
const CHUNK = 400;
async function insertChunked<T>(items: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await insert(items.slice(i, i + CHUNK));
}
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** An instant from a Shanghai wall-clock time. */
const sh = (day: string, time = '09:30') => new Date(`${day}T${time}:00+08:00`);
const shDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** Splits a total (a multiple of 0.5) over the four 0–25 criteria. */
function pointsFor(total: number): Record<string, number> {
  const keys = DEFAULT_MARKET_RUBRIC.map((c) => c.key);
  const base = Math.floor(total * 2 / 4) / 2;
  const points = Object.fromEntries(keys.map((k) => [k, base]));
  let rest = total - base * 4;
  for (const k of keys) {
    if (rest <= 0) break;
    points[k]! += 0.5;
    rest -= 0.5;
  }
  return points;
}

const CATEGORY_PRICE: Record<ProjectCategory, { priceFen: number; unit: 'session' | 'person'; capacity: number; minutes: number; formats: ProjectFormat[] }> = {
  skills: { priceFen: 60_000, unit: 'person', capacity: 30, minutes: 480, formats: ['on_site'] },
  culture: { priceFen: 100_000, unit: 'session', capacity: 30, minutes: 120, formats: ['station', 'on_site'] },
  sports: { priceFen: 250_000, unit: 'session', capacity: 100, minutes: 180, formats: ['on_site'] },
  team_building: { priceFen: 200_000, unit: 'session', capacity: 50, minutes: 240, formats: ['on_site'] },
  health: { priceFen: 120_000, unit: 'session', capacity: 40, minutes: 120, formats: ['on_site', 'station', 'online'] },
  other: { priceFen: 80_000, unit: 'session', capacity: 60, minutes: 90, formats: ['station', 'online'] },
};

/** The 95 other entries: generated organisations (nine with two projects) and projects by category. */
function otherProjects(random: () => number): DemoProject[] {
  const names = new Set<string>(FINALISTS.map((f) => f.provider));
  const providers: { name: string; type: DemoProject['type'] }[] = [];
  for (let i = 0; providers.length < 86; i++) {
    const kind = PROVIDER_KINDS[(i * 3 + Math.floor(i / PROVIDER_CORES.length)) % PROVIDER_KINDS.length]!;
    const name = `${PROVIDER_PREFIXES[Math.floor(i / PROVIDER_CORES.length) % PROVIDER_PREFIXES.length]}${PROVIDER_CORES[i % PROVIDER_CORES.length]}${kind.suffix}`;
    if (names.has(name)) continue;
    providers.push({ name, type: kind.type });
    names.add(name);
  }
  const categories = Object.keys(TITLES) as ProjectCategory[];
  const out: DemoProject[] = [];
  for (let i = 0; i < 95; i++) {
    const p = providers[i < 86 ? i : i - 86]!;
    const category = p.type === 'clinic' ? 'health' : p.type === 'school' && random() < 0.6 ? 'skills' : categories[Math.floor(random() * categories.length)]!;
    const titles = TITLES[category];
    const d = CATEGORY_PRICE[category];
    out.push({
      provider: p.name,
      type: p.type,
      title: titles[(i * 7) % titles.length]!,
      category,
      formats: d.formats,
      priceFen: Math.round((d.priceFen * (0.7 + random() * 0.8)) / 1000) * 1000,
      unit: d.unit,
      capacity: d.capacity,
      minutes: d.minutes,
      groups: random() < 0.4 ? ['all_workers', 'new_employment'] : ['all_workers'],
      description: `${p.name}为工会会员提供的${titles[(i * 7) % titles.length]!}服务，由专业人员组织实施，可按基层工会需要调整时间和地点。`,
    });
  }
  return out;
}

/**
 * The marketplace of the Jiangbei demo: the 2023 season (104 entries, 66 failed at the initial
 * review, 9 finalists scored by 7 judges and voted on by 160 representatives plus paper ballots
 * at a second venue, which reproduce the published 1/3/5 prizes), the winners and six more
 * projects in the library, this year's season open for entries, subsidy rules, and five months of
 * orders with attendance and ratings.
 */
export async function seedDemoMarket(tx: Db, byCode: Map<string, OrgRow>, now = new Date()): Promise<void> {
  const random = rng(20230309);
  const jb = byCode.get('JB')!;
  const audit = systemAuditContext(SEED_ACTOR);
  const all = [...FINALISTS, ...otherProjects(random)];

  // Providers, each with one approved project version per entry.
  const providerIds = new Map<string, string>();
  const providers: (typeof marketProvider.$inferInsert)[] = [];
  for (const p of all) {
    if (providerIds.has(p.provider)) continue;
    const id = randomUUID();
    providerIds.set(p.provider, id);
    const isDemoProvider = p.provider === FINALISTS[0]!.provider;
    providers.push({ id, orgId: jb.id, name: p.provider, creditCode: demoCreditCode(`market:${p.provider}`), type: p.type, contactName: isDemoProvider ? '王老师' : '项目负责人', contactPhone: isDemoProvider ? DEMO_PROVIDER_PHONE : `1590000${String(providers.length).padStart(4, '0')}`, intro: isDemoProvider ? '江北区人社局备案的职业技能培训学校，开设形象设计、美容美发、茶艺等培训，年培训职工 3000 余人次。' : null, address: '重庆市江北区', status: 'approved', reviewReason: null, reviewedAt: sh('2022-07-20'), createdAt: sh('2022-07-10') });
  }
  await insertChunked(providers, (c) => tx.insert(marketProvider).values(c));
  const projects: (typeof marketProject.$inferInsert)[] = [];
  const versions: (typeof marketProjectVersion.$inferInsert)[] = [];
  const projectOf: { projectId: string; versionId: string; providerId: string; p: DemoProject }[] = [];
  all.forEach((p, i) => {
    const projectId = randomUUID();
    const versionId = randomUUID();
    projects.push({ id: projectId, code: `XM2022${String(i + 1).padStart(4, '0')}`, providerId: providerIds.get(p.provider)!, orgId: jb.id, status: 'approved', currentVersionId: versionId, latestVersionId: versionId, createdAt: sh('2022-08-01') });
    versions.push({ id: versionId, projectId, number: 1, status: 'approved', title: p.title, category: p.category, description: p.description, targetGroups: p.groups, formats: p.formats, priceFen: p.priceFen, priceUnit: p.unit, capacity: p.capacity, durationMinutes: p.minutes, allowsSelfOrder: p.selfOrder ?? false, submittedAt: sh('2022-08-05'), reviewedAt: sh('2022-08-12'), createdAt: sh('2022-08-01') });
    projectOf.push({ projectId, versionId, providerId: providerIds.get(p.provider)!, p });
  });
  await insertChunked(projects, (c) => tx.insert(marketProject).values(c));
  await insertChunked(versions, (c) => tx.insert(marketProjectVersion).values(c));

  // The 2023 season, published on the day of the final (9 March 2023).
  const seasonId = randomUUID();
  const finalDay = '2023-03-09';
  await tx.insert(marketSeason).values({
    id: seasonId,
    orgId: jb.id,
    year: 2023,
    title: '“提升生活品质·塑造幸福江北”第三方服务项目竞赛',
    stage: 'final',
    callOpensAt: sh('2022-07-15', '00:00'),
    callClosesAt: sh('2022-10-31', '18:00'),
    reviewDueAt: sh('2022-11-30', '18:00'),
    roadshowAt: sh('2022-12-15'),
    finalAt: sh(finalDay),
    rubric: DEFAULT_MARKET_RUBRIC,
    normalizeScores: false,
    expertWeight: 70,
    votesPerRep: 3,
    prizeTiers: [1, 3, 5],
    screenKey: randomBytes(12).toString('base64url'),
    createdAt: sh('2022-07-01'),
  });
  // Entry numbers in a shuffled order; finalists pitch in their own order.
  const order = projectOf.map((_, i) => i).sort((a, b) => ((a * 37 + 11) % 104) - ((b * 37 + 11) % 104));
  const passedOthers = new Set(Array.from({ length: 29 }, (_, i) => 9 + i * 3));
  const pitch = [4, 7, 1, 9, 3, 6, 2, 8, 5];
  const entries = order.map((projectIndex, n) => {
    const x = projectOf[projectIndex]!;
    const isFinalist = projectIndex < 9;
    const status = isFinalist ? 'finalist' : passedOthers.has(projectIndex) ? 'passed' : 'failed';
    return {
      id: randomUUID(),
      seasonId,
      projectId: x.projectId,
      versionId: x.versionId,
      providerId: x.providerId,
      number: n + 1,
      status,
      reviewReason: status === 'failed' ? FAIL_REASONS[projectIndex % FAIL_REASONS.length]! : null,
      reviewedAt: sh('2022-11-25'),
      pitchOrder: isFinalist ? pitch[projectIndex]! : null,
      submittedAt: sh(addDays('2022-07-16', Math.floor((n * 107) / 104)), '10:00'),
      projectIndex,
    };
  });
  await tx.insert(marketEntry).values(entries.map(({ projectIndex: _p, ...e }) => e));
  const finalist = (k: number) => entries.find((e) => e.projectIndex === k)!;

  // Seven judges, every finalist assigned, sealed sheets around each finalist's target score;
  // one judge scores everyone low (the trimmed mean drops the extremes).
  const expert = [91.5, 88.5, 88, 87, 84, 83, 82, 81.5, 80.5];
  const offsets = [1, -1, 2, -2, 0, 3, -6];
  const judgeIds: string[] = [];
  for (const [i, j] of JUDGES.entries()) {
    const [user] = await tx.insert(appUser).values({ displayName: j.name, phone: demoJudgePhone(i), isDemo: true }).returning();
    await tx.insert(roleGrant).values([{ userId: user!.id, role: 'worker', orgId: null }, { userId: user!.id, role: 'judge', orgId: jb.id }]);
    const [judge] = await tx.insert(marketJudge).values({ seasonId, userId: user!.id, name: j.name, affiliation: j.affiliation, createdAt: sh('2023-02-20') }).returning();
    judgeIds.push(judge!.id);
  }
  await tx.insert(marketAssignment).values(judgeIds.flatMap((judgeId) => FINALISTS.map((_, k) => ({ seasonId, judgeId, entryId: finalist(k).id }))));
  await tx.insert(marketScore).values(
    judgeIds.flatMap((judgeId, j) =>
      FINALISTS.map((_, k) => {
        const total = expert[k]! + offsets[j]!;
        return { seasonId, judgeId, entryId: finalist(k).id, points: pointsFor(total), total, status: 'sealed', sealedAt: sh(finalDay, '11:40') };
      }),
    ),
  );

  // 160 representatives (members listed by their unions), three votes each in the main hall;
  // paper ballots at the second venue.
  const members = rows<{ membership_id: string; person_id: string; org_id: string; real_name: string }>(
    await tx.execute(sql`select m.id as membership_id, m.person_id, m.org_id, p.real_name from membership m join person p on p.id = m.person_id
      join org o on o.id = m.org_id where m.status = 'active' and o.path like ${`${jb.path}%`} order by m.member_number limit 160`),
  );
  const online = [92, 80, 71, 66, 50, 36, 32, 28, 25];
  const paper = [20, 17, 15, 14, 11, 8, 7, 5, 3];
  const sessionId = randomUUID();
  await tx.insert(marketVoteSession).values({ id: sessionId, seasonId, venue: '主会场（区职工服务中心）', status: 'closed', secret: randomBytes(16).toString('base64url'), openedAt: sh(finalDay, '10:00'), closedAt: sh(finalDay, '11:30') });
  const reps = members.map((m) => ({ id: randomUUID(), seasonId, personId: m.person_id, membershipId: m.membership_id, orgId: m.org_id, name: m.real_name, voteLimit: 3, votesUsed: 0, createdAt: sh('2023-03-01') }));
  const voted = reps.map(() => new Set<number>());
  const votes: (typeof marketVote.$inferInsert)[] = [];
  let cursor = 0;
  online.forEach((count, k) => {
    for (let c = 0; c < count; c++) {
      for (let tries = 0; tries < reps.length; tries++) {
        const r = (cursor + tries) % reps.length;
        if (voted[r]!.size < 3 && !voted[r]!.has(k)) {
          voted[r]!.add(k);
          votes.push({ seasonId, sessionId, repId: reps[r]!.id, entryId: finalist(k).id, at: sh(finalDay, `${10 + Math.floor((votes.length * 80) / 480 / 60)}:${String(Math.floor((votes.length * 80) / 480) % 60).padStart(2, '0')}`) });
          cursor = r + 1;
          break;
        }
      }
    }
  });
  for (const [i, r] of reps.entries()) r.votesUsed = voted[i]!.size;
  await insertChunked(reps, (c) => tx.insert(marketRep).values(c));
  await insertChunked(
    reps.map((r) => ({ sessionId, repId: r.id, at: sh(finalDay, '09:50') })),
    (c) => tx.insert(marketCheckin).values(c),
  );
  await insertChunked(votes, (c) => tx.insert(marketVote).values(c));
  await tx.insert(marketVoteCount).values(FINALISTS.map((_, k) => ({ seasonId, entryId: finalist(k).id, votes: votes.filter((v) => v.entryId === finalist(k).id).length })));
  await tx.insert(marketPaperTally).values(FINALISTS.map((_, k) => ({ seasonId, venue: '鱼复工业园分会场', entryId: finalist(k).id, votes: paper[k]! })));

  // Confirmed from the stored inputs, as staff would: the ranking must be the published one.
  const season = (await findSeasonRow(tx, seasonId))!;
  const ranked = computeResults(await loadResultInputs(tx, season));
  const expected = FINALISTS.map((_, k) => finalist(k).id);
  if (ranked.map((r) => r.entryId).join() !== expected.join()) throw new Error('demo market: the seeded scores and votes do not reproduce the 2023 prizes');
  const confirmed = { rows: ranked.map((r) => ({ entryId: r.entryId, rank: r.rank, combined: r.combined, expert: r.expert, votes: r.votes, computedPrize: r.computedPrize, prize: r.computedPrize, overrideReason: null })), inputsFingerprint: fingerprintOf(ranked) };
  const confirmer = rows<{ id: string }>(await tx.execute(sql`select id from app_user where username = 'jb.admin'`))[0]?.id ?? null;
  await tx.update(marketSeason).set({ stage: 'published', confirmedResult: confirmed, confirmedBy: confirmer, confirmedAt: sh(finalDay, '11:50'), revealedAt: sh(finalDay, '12:00'), publishedAt: sh(finalDay, '16:00') }).where(sql`id = ${seasonId}`);

  // The library: the nine winners and six passed projects the district admitted.
  const admitted = [...FINALISTS.map((_, k) => projectOf[k]!.projectId), ...[...passedOthers].slice(0, 6).map((k) => projectOf[k]!.projectId)];
  await tx.execute(sql`update market_project set is_listed = true, listed_at = ${sh('2023-03-20')} where id = any(${sql.param(admitted)}::uuid[])`);

  // This year's season, open for entries.
  const year = Number(shDay(now).slice(0, 4));
  await tx.insert(marketSeason).values({
    orgId: jb.id,
    year,
    title: `${year} 年第二届职工服务项目竞赛`,
    stage: 'call',
    callOpensAt: new Date(now.getTime() - 20 * 86_400_000),
    callClosesAt: new Date(now.getTime() + 40 * 86_400_000),
    rubric: DEFAULT_MARKET_RUBRIC,
    screenKey: randomBytes(12).toString('base64url'),
  });

  // The demo provider's account: 宗君职业技能培训学校.
  const [providerUser] = await tx.insert(appUser).values({ displayName: '宗君学校 王老师', phone: DEMO_PROVIDER_PHONE, isDemo: true }).returning();
  await tx.insert(roleGrant).values([{ userId: providerUser!.id, role: 'worker', orgId: null }, { userId: providerUser!.id, role: 'provider', orgId: jb.id }]);
  await tx.insert(marketProviderUser).values({ providerId: providerIds.get(FINALISTS[0]!.provider)!, userId: providerUser!.id });

  await seedDemoOrders(tx, jb, admitted.map((id) => projectOf.find((p) => p.projectId === id)!), now, random);
  await tx.insert(marketCounter).values([{ key: 'project:2022', lastValue: all.length }, { key: `entry:${seasonId}`, lastValue: entries.length }]);
  await recordAudit(tx, audit, { action: 'market.seed', entityType: 'market_season', entityId: seasonId, orgId: jb.id, after: { providers: providers.length, entries: entries.length, votes: votes.length } });
}

/** The district's yearly subsidy: ¥600,000, half of each price, at most ¥50,000 a union. */
const BUDGET_FEN = 60_000_000;
const CAP_FEN = 5_000_000;

/** Five months of orders to three weeks ahead, with the subsidy rules they hold, attendance and ratings. */
async function seedDemoOrders(tx: Db, jb: OrgRow, listed: { projectId: string; versionId: string; providerId: string; p: DemoProject }[], now: Date, random: () => number) {
  const today = shDay(now);
  const year = Number(today.slice(0, 4));
  const rules = new Map<number, string>();
  for (const y of [year - 1, year]) {
    const id = randomUUID();
    rules.set(y, id);
    await tx.insert(marketSubsidyRule).values({ id, orgId: jb.id, year: y, budgetFen: BUDGET_FEN, percentBps: 5000, capPerUnionFen: CAP_FEN, note: '区总工会职工服务项目点单补贴' });
  }
  const unions = rows<{ id: string; address: string | null }>(await tx.execute(sql`select id, address from org where type in ('grassroots','joint') and path like ${`${jb.path}%`} order by code`));
  const positions = rows<{ id: string }>(await tx.execute(sql`select p.id from position p join org o on o.id = p.org_id where o.path like ${`${jb.path}%`} order by p.code limit 40`));
  const staff = rows<{ id: string }>(await tx.execute(sql`select id from app_user where username = 'jb.staff'`))[0]!.id;
  const orders: (typeof marketOrder.$inferInsert)[] = [];
  const usage = new Map<string, number>();
  const spent = new Map<string, number>();
  const counters = new Map<string, number>();
  const N = 170;
  for (let i = 0; i < N; i++) {
    const offset = -150 + Math.floor((i * 171) / N);
    const serviceDate = addDays(today, offset);
    const x = listed[(i * 5 + Math.floor(i / 7)) % listed.length]!;
    const union = unions[(i * 11) % unions.length]!;
    const p = x.p;
    const headcount = p.unit === 'person' ? 8 + Math.floor(random() * 15) : Math.min(p.capacity, 15 + Math.floor(random() * 45));
    const { sessions, totalFen } = orderPrice({ priceFen: p.priceFen, unit: p.unit, capacity: p.capacity }, headcount);
    const format = p.formats[i % p.formats.length]!;
    const placeKind = format === 'station' ? 'position' : format === 'online' ? 'online' : 'address';
    const isPast = offset < 0;
    const roll = random();
    const status = isPast ? (roll < 0.05 ? 'declined' : roll < 0.09 ? 'cancelled' : 'delivered') : offset < 7 ? (roll < 0.8 ? 'confirmed' : 'placed') : roll < 0.5 ? 'confirmed' : 'placed';
    const ruleId = rules.get(Number(serviceDate.slice(0, 4))) ?? null;
    const key = `${ruleId}|${union.id}`;
    let subsidyFen = ruleId ? subsidyShare(totalFen, 5000) : 0;
    // Within the union's cap and the year's budget, as the live checks would have kept it.
    if ((usage.get(key) ?? 0) + subsidyFen > CAP_FEN || (spent.get(ruleId ?? '') ?? 0) + subsidyFen > BUDGET_FEN) subsidyFen = 0;
    // Declined and cancelled orders keep their figures but gave the subsidy back.
    const holds = ['placed', 'confirmed', 'delivered'].includes(status) && subsidyFen > 0;
    if (holds) usage.set(key, (usage.get(key) ?? 0) + subsidyFen);
    if (holds) spent.set(ruleId!, (spent.get(ruleId!) ?? 0) + subsidyFen);
    const createdAt = sh(addDays(serviceDate, -10), '15:00');
    const ym = shDay(createdAt).slice(0, 7).replace('-', '');
    counters.set(ym, (counters.get(ym) ?? 0) + 1);
    const deliveredAt = status === 'delivered' ? sh(serviceDate, '18:00') : null;
    const isRated = status === 'delivered' && random() < 0.8;
    orders.push({
      id: randomUUID(),
      number: `DD${ym}${String(counters.get(ym)).padStart(5, '0')}`,
      projectId: x.projectId,
      versionId: x.versionId,
      providerId: x.providerId,
      districtOrgId: jb.id,
      orderingOrgId: union.id,
      orderedBy: staff,
      serviceDate,
      startTime: ['09:30', '14:00', '19:00'][i % 3]!,
      headcount,
      sessions,
      placeKind,
      positionId: placeKind === 'position' ? positions[i % positions.length]!.id : null,
      address: placeKind === 'address' ? (union.address ?? '单位会议室') : null,
      unitPriceFen: p.priceFen,
      priceUnit: p.unit,
      totalFen,
      subsidyFen,
      payableFen: totalFen - subsidyFen,
      ruleId: subsidyFen > 0 ? ruleId : null,
      status,
      declineReason: status === 'declined' ? '当天已有其他订单，建议改期' : null,
      cancelReason: status === 'cancelled' ? '单位生产任务调整' : null,
      confirmedAt: ['confirmed', 'delivered'].includes(status) ? sh(addDays(serviceDate, -8), '10:00') : null,
      closedAt: ['declined', 'cancelled'].includes(status) ? sh(addDays(serviceDate, -7), '10:00') : null,
      deliveredAt,
      deliveryNote: status === 'delivered' ? '服务已完成，签到表见附件' : null,
      rating: isRated ? (random() < 0.7 ? 5 : 4) : null,
      ratingComment: isRated ? RATING_COMMENTS[i % RATING_COMMENTS.length]! : null,
      ratedAt: isRated ? sh(addDays(serviceDate, 1), '10:00') : null,
      ratedBy: isRated ? staff : null,
      createdAt,
      updatedAt: deliveredAt ?? createdAt,
    });
  }
  await insertChunked(orders, (c) => tx.insert(marketOrder).values(c));
  for (const [key, fen] of usage) {
    const [ruleId, unionOrgId] = key.split('|') as [string, string];
    await tx.insert(marketSubsidyUsage).values({ ruleId, unionOrgId, committedFen: fen, capFen: CAP_FEN });
  }
  for (const id of rules.values()) {
    const total = [...usage].filter(([k]) => k.startsWith(`${id}|`)).reduce((n, [, f]) => n + f, 0);
    await tx.update(marketSubsidyRule).set({ committedFen: total }).where(sql`id = ${id}`);
  }
  // Attendance (人次) of the delivered services: 60–95 % of the headcount, members of the ordering union, by card (set-based).
  await tx.execute(sql`insert into market_attendance (order_id, membership_id, method, at)
    select o.id, m.id, 'card', o.delivered_at from market_order o
    cross join lateral (select id from membership where org_id = o.ordering_org_id and status = 'active' order by member_number
      limit greatest(1, round(o.headcount * (0.6 + (abs(hashtext(o.id::text)) % 36) / 100.0)))) m
    where o.status = 'delivered'`);
  await tx.execute(sql`update market_order m set attendance_count = (select count(*) from market_attendance a where a.order_id = m.id) where m.status = 'delivered'`);
  await tx.insert(marketCounter).values([...counters].map(([ym, n]) => ({ key: `order:${ym}`, lastValue: n })));
}
