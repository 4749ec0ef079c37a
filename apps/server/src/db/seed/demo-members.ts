import { randomUUID } from 'node:crypto';
import { idNumberCheckChar, maskIdNumber, type EmploymentForm } from '@niangjia/contracts';
import type { Db } from '../client';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service';
import { encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { appUser, roleGrant } from '../../modules/accounts';
import { hashIdNumber, ID_NUMBER_PURPOSE, memberNumberCounter, membership, membershipEvent, person } from '../../modules/members';
import type { OrgRow } from '../../modules/orgs';
import { SEED_ACTOR, SEED_APPROVER } from './demo-orgs';

export type DemoPii = { secrets: Secrets; dataKeys: DataKeys };

/** A second demo worker who is already a member (to show the card); the first one joins in the demo. */
export const DEMO_MEMBER_PHONE = '13800000002';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞斌宇浩凯健俊帆帅旭宁琳欣悦晨阳雪梅婷琴云峰林波亮鑫';
const INDUSTRIES = ['交通运输', '快递物流', '批发零售', '住宿餐饮', '制造业', '建筑业', '金融业', '居民服务', '教育', '卫生'];
const GIG_FORMS: EmploymentForm[] = ['delivery_rider', 'delivery_rider', 'courier', 'courier', 'ride_hailing', 'truck_driver', 'domestic', 'other_flexible'];
const STREET_CODES = ['500105001', '500105002', '500105003', '500105004', '500105005', '500105006', '500105007', '500105008', '500105009', '500105100', '500105101', '500105102'];

/** A small deterministic generator (mulberry32): the same demo every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHUNK = 400;
async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * ~3,000 fictitious members of the Jiangbei demo unions: check-valid ID numbers in the 500105
 * range (made up, not real people), common surnames and given names, a third of them gig workers
 * mostly in the joint unions, plus a few applications waiting for review. Bulk inserts keep it fast.
 */
export async function seedDemoMembers(tx: Db, byCode: Map<string, OrgRow>, pii: DemoPii, count = 3000, now = new Date()): Promise<number> {
  const random = rng(20260520);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const jb = byCode.get('JB')!;
  const unions = [...byCode.values()].filter((o) => o.type === 'grassroots' || o.type === 'joint');
  const joints = unions.filter((o) => o.type === 'joint');
  const gigEmployers = ['JB-ELM', 'JB-SF', 'JB-HLL', 'JB-JLDT'].map((c) => byCode.get(c)).filter((o): o is OrgRow => Boolean(o));
  const usedIds = new Set<string>();
  const persons: (typeof person.$inferInsert)[] = [];
  const memberships: (typeof membership.$inferInsert)[] = [];
  const events: (typeof membershipEvent.$inferInsert)[] = [];
  const users: (typeof appUser.$inferInsert)[] = [];
  const grants: (typeof roleGrant.$inferInsert)[] = [];
  const yearNow = now.getUTCFullYear();
  let sequence = 0;

  for (let i = 0; i < count; i++) {
    const isGig = random() < 0.33;
    const union = isGig ? (random() < 0.7 ? pick(joints) : pick(gigEmployers.length ? gigEmployers : joints)) : pick(unions);
    let id: string;
    do {
      const y = 1966 + Math.floor(random() * 40);
      const m = 1 + Math.floor(random() * 12);
      const d = 1 + Math.floor(random() * 28);
      const first17 = `500105${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      id = first17 + idNumberCheckChar(first17);
    } while (usedIds.has(id));
    usedIds.add(id);
    const personId = randomUUID();
    const membershipId = randomUUID();
    const phone = `158${String(20000000 + i).padStart(8, '0')}`;
    const form: EmploymentForm = isGig ? pick(GIG_FORMS) : 'standard';
    // Most joined over the last years; some this year and this month, so the figures show movement.
    const daysAgo = i % 25 === 0 ? Math.floor(random() * 10) : i % 6 === 0 ? Math.floor(random() * 120) : Math.floor(random() * 365 * 8);
    const joinedAt = new Date(now.getTime() - daysAgo * 86_400_000 - Math.floor(random() * 86_400_000));
    const status = i % 97 === 5 ? 'applied' : i % 113 === 7 ? 'left' : i % 151 === 9 ? 'suspended' : 'active';
    const isApplied = status === 'applied';
    let userId: string | null = null;
    const realName = pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
    if (isApplied || i === 0) {
      userId = randomUUID();
      users.push({ id: userId, displayName: realName, phone: i === 0 ? DEMO_MEMBER_PHONE : phone, isDemo: true });
      grants.push({ userId, role: 'worker', orgId: null });
    }
    persons.push({
      id: personId,
      orgId: union.id,
      realName,
      idNumberEnc: encryptField(pii.dataKeys, ID_NUMBER_PURPOSE, id),
      idNumberHash: hashIdNumber(pii.secrets, id),
      idNumberMasked: maskIdNumber(id),
      phone: i === 0 ? DEMO_MEMBER_PHONE : phone,
      sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      employerName: isGig && union.type === 'joint' ? pick(['美团外卖', '饿了么', '顺丰速运', '货拉拉', '滴滴出行', '家政服务个体', null]) : union.name.replace(/工会$/, ''),
      employerCreditCode: union.type === 'grassroots' ? union.creditCode : null,
      industry: isGig ? pick(['交通运输', '快递物流', '居民服务']) : pick(INDUSTRIES),
      employmentForm: form,
      isMigrant: random() < (isGig ? 0.55 : 0.2),
      homeStreetCode: pick(STREET_CODES),
      userId,
      verifiedAt: isApplied ? null : joinedAt,
    });
    const appliedAt = isApplied ? new Date(now.getTime() - Math.floor(random() * 5 * 86_400_000)) : new Date(joinedAt.getTime() - 3 * 86_400_000);
    const memberNumber = isApplied ? null : `${jb.divisionCode ?? 'JB'}${String(++sequence).padStart(8, '0')}`;
    memberships.push({
      id: membershipId,
      personId,
      orgId: union.id,
      memberNumber,
      status,
      appliedAt,
      joinedAt: isApplied ? null : joinedAt,
      leftAt: status === 'left' ? new Date(Math.min(now.getTime(), joinedAt.getTime() + 200 * 86_400_000)) : null,
      source: i % 3 === 0 ? 'online' : 'import',
    });
    events.push({ membershipId, orgId: union.id, kind: 'applied', toOrgId: union.id, actorName: realName, at: appliedAt });
    if (!isApplied) events.push({ membershipId, orgId: union.id, kind: 'approved', actorName: SEED_APPROVER, at: joinedAt });
    if (status === 'left' || status === 'suspended') events.push({ membershipId, orgId: union.id, kind: status, actorName: SEED_APPROVER, reason: status === 'left' ? '离开本单位' : '长期未联系', at: joinedAt });
  }

  await insertChunked(users, (c) => tx.insert(appUser).values(c));
  await insertChunked(grants, (c) => tx.insert(roleGrant).values(c));
  await insertChunked(persons, (c) => tx.insert(person).values(c));
  await insertChunked(memberships, (c) => tx.insert(membership).values(c));
  await insertChunked(events, (c) => tx.insert(membershipEvent).values(c));
  await tx.insert(memberNumberCounter).values({ orgId: jb.id, lastValue: sequence });
  await recordAudit(tx, systemAuditContext(SEED_ACTOR), { action: 'member.seed', entityType: 'member', orgId: jb.id, after: { members: count, lastYear: yearNow } });
  return count;
}
