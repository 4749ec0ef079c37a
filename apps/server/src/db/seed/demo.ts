import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service';
import { systemSetting } from '../../platform/platform.tables';
import { appUser, hashPassword, roleGrant } from '../../modules/accounts';
import { findOrgByCode, insertOrg, type OrgRow } from '../../modules/orgs';
import { demoCreditCode } from './demo-credit';
import { seedDemoMarket } from './demo-market';
import { DEMO_MEMBER_PHONE, seedDemoMembers, type DemoPii } from './demo-members';
import { seedDemoPositions } from './demo-positions';
import { seedDemoStars } from './demo-stars';
import { seedDemoCoverage } from './demo-coverage';
import { seedDemoDoors } from '../../modules/access';
import { seedDemoFund } from './demo-fund';
import { seedDemoRights } from './demo-rights';
import { seedDemoEventHistory, seedDemoEvents } from '../../modules/events';
import { seedDemoLiaison, seedDemoSuggestions, seedDemoSurveys, seedDemoVoice } from '../../modules/voice';
import { seedDemoCampaigns, seedDemoHardship, seedDemoMutualaid, seedDemoJobs, seedDemoHealth, seedDemoStudyaid, seedDemoCanteen } from '../../modules/assistance';
import { seedDemoHonours, seedDemoPartners, seedDemoVolunteers } from '../../modules/honours';
import { seedDemoOrganizing } from './demo-organizing';
import { backdateDemoHistory } from './demo-history';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS, DEMO_WORKER_PHONE, DEMO_WORKER_REAL_NAME, JIANGBEI_STREETS, SEED_ACTOR } from './demo-orgs';

export { demoCreditCode } from './demo-credit';

export async function isDemoSeeded(database: Database): Promise<boolean> {
  const rows = await database.db.select().from(systemSetting).where(eq(systemSetting.key, 'demo_seeded')).limit(1);
  return rows.length > 0;
}

export async function hasDemoUsers(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.isDemo, true)).limit(1);
  return rows.length > 0;
}

/**
 * The Jiangbei demo: 重庆市总工会 → 江北区总工会 → 12 streets/towns, 2 parks, an industry union,
 * joint unions, communities and ~30 grassroots unions, plus demo sign-ins. Runs once. With the
 * server's keys (`pii`), also ~3,000 demo members, whose ID numbers are encrypted with those keys.
 */
export async function seedDemo(database: Database, opts: { pii?: DemoPii } = {}): Promise<{ seeded: boolean; orgs: number; members: number }> {
  if (await isDemoSeeded(database)) return { seeded: false, orgs: 0, members: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let orgs = 0;
  let members = 0;
  await database.db.transaction(async (tx) => {
    const audit = systemAuditContext(SEED_ACTOR);
    const add = async (parent: OrgRow | null, values: { code: string; name: string; type: OrgRow['type']; shortName?: string; divisionCode?: string | null; creditCode?: string | null; address?: string | null }) => {
      const existing = await findOrgByCode(tx, values.code);
      if (existing) return existing;
      const id = randomUUID();
      const row = await insertOrg(tx, {
        id,
        code: values.code,
        name: values.name,
        shortName: values.shortName ?? null,
        type: values.type,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        divisionCode: values.divisionCode ?? null,
        creditCode: values.creditCode ?? null,
        address: values.address ?? null,
      });
      await recordAudit(tx, audit, { action: 'org.create', entityType: 'org', entityId: row.id, orgId: row.id, after: { code: row.code, name: row.name, type: row.type } });
      orgs++;
      return row;
    };
    const cq = await add(null, { code: 'CQ', name: '重庆市总工会', type: 'federation', shortName: '市总工会' });
    const jb = await add(cq, { code: 'JB', name: '江北区总工会', type: 'district', shortName: '江北区总工会', divisionCode: '500105', address: '重庆市江北区' });
    const byCode = new Map<string, OrgRow>([['CQ', cq], ['JB', jb]]);
    for (const s of JIANGBEI_STREETS) {
      byCode.set(s.code, await add(jb, { code: s.code, name: s.name, type: 'street', shortName: s.short, divisionCode: s.divisionCode }));
    }
    for (const o of DEMO_ORGS) {
      const parent = byCode.get(o.parent);
      if (!parent) throw new Error(`demo org ${o.code}: unknown parent ${o.parent}`);
      byCode.set(o.code, await add(parent, { code: o.code, name: o.name, type: o.type, creditCode: o.credit ? demoCreditCode(o.code) : null, address: o.address ?? null }));
    }
    for (const u of DEMO_USERS) {
      const [user] = await tx.insert(appUser).values({ username: u.username, displayName: u.displayName, passwordHash, isDemo: true }).returning();
      await tx.insert(roleGrant).values({ userId: user!.id, role: u.role, orgId: u.org ? byCode.get(u.org)!.id : null });
    }
    const [worker] = await tx.insert(appUser).values({ displayName: '骑手小王', phone: DEMO_WORKER_PHONE, isDemo: true }).returning();
    await tx.insert(roleGrant).values({ userId: worker!.id, role: 'worker', orgId: null });
    if (opts.pii) members = await seedDemoMembers(tx, byCode, opts.pii);
    await seedDemoPositions(tx, new Map([...byCode].map(([code, row]) => [code, row.id])));
    await seedDemoStars(tx);
    await seedDemoCoverage(tx, jb);
    if (opts.pii) await seedDemoDoors(tx, opts.pii, { id: worker!.id, name: DEMO_WORKER_REAL_NAME, phone: DEMO_WORKER_PHONE });
    await seedDemoFund(tx, new Map([...byCode].map(([code, row]) => [code, row.id])), opts.pii);
    await seedDemoRights(tx, byCode, opts.pii);
    await seedDemoMarket(tx, byCode);
    await seedDemoEvents(tx, byCode);
    await seedDemoEventHistory(tx, byCode);
    await seedDemoVoice(tx, byCode, worker!.id);
    await seedDemoLiaison(tx, byCode);
    await seedDemoSuggestions(tx, jb.id);
    await seedDemoSurveys(tx, jb.id);
    await seedDemoMutualaid(tx, byCode);
    await seedDemoJobs(tx, byCode);
    await seedDemoHardship(tx, { ...(opts.pii ? { dataKeys: opts.pii.dataKeys } : {}), excludePhone: DEMO_MEMBER_PHONE });
    await seedDemoCampaigns(tx, jb.id);
    await seedDemoHealth(tx, jb.id);
    await seedDemoStudyaid(tx, jb.id, opts.pii);
    await seedDemoHonours(tx, jb.id);
    await seedDemoVolunteers(tx, jb.id);
    await seedDemoPartners(tx, jb.id);
    await seedDemoCanteen(tx, { ...(opts.pii ? { dataKeys: opts.pii.dataKeys } : {}) });
    await backdateDemoHistory(tx);
    // After the backdating: this year's new unions of the organizing drives stay in this year.
    await seedDemoOrganizing(tx, byCode);
    await tx.insert(systemSetting).values({ key: 'demo_seeded', value: { at: new Date().toISOString() } });
  });
  return { seeded: true, orgs, members };
}

export function demoSignInsText(url: string): string {
  const lines = DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} / ${DEMO_PASSWORD}   ${u.note}`);
  return [
    `  管理后台 Admin console:  ${url}/admin`,
    ...lines,
    `  职工端 Worker pages:     ${url}/m   (手机号 ${DEMO_WORKER_PHONE}，验证码以“演示短信 … 短信验证码 123456”一行打印在这里 / the SMS code is printed here as a plain line)`,
    `                          (手机号 ${DEMO_MEMBER_PHONE} 已是会员，可看会员卡 / already a member, shows the card)`,
    `                          (手机号 13800000003 是劳动关系监测点信息员，可填报季报 / a monitoring-point informant)`,
    `  数据大屏 Big screen:     ${url}/screen?org=JB`,
    `  爱心基金 Fund screen:    ${url}/screen/fund   (账目公开 accounts: ${url}/m/fund/accounts; npm run cli -- pos simulate --shop SHOP-01 --rate 5)`,
    `  阵地公开页 Position page: ${url}/p/JB-RS-HQHG   (A4 门牌 sign: ${url}/p/JB-RS-HQHG/sign)`,
    `  API docs:               ${url}/api/docs`,
  ].join('\n');
}
