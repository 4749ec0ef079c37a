import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/rows';
import { addDays, shanghaiDateOf } from '../../platform/holidays/dates';

/** Seed 004 (渝北区's "1+N" 服务联盟 with 7 行业协会、商会), told of Jiangbei: the union is the "1". */
export const DEMO_ASSOCIATIONS = 7;

type Kind = 'bank' | 'platform' | 'association';
const PARTNERS: { name: string; kind: Kind; contact: string; phone: string; services: string; station?: string }[] = [
  { name: '工商银行重庆江北支行', kind: 'bank', contact: '陈经理', phone: '13908230101', services: '户外劳动者驿站共建；职工专属信用卡与普惠贷款咨询' },
  { name: '建设银行重庆江北支行', kind: 'bank', contact: '刘经理', phone: '13908230102', services: '“劳动者港湾”网点向户外劳动者开放：饮水、充电、歇脚', station: '建设银行' },
  { name: '美团（重庆）', kind: 'platform', contact: '王站长', phone: '13908230103', services: '骑手入会、骑手关爱基金、恶劣天气补贴' },
  { name: '饿了么（重庆）', kind: 'platform', contact: '赵站长', phone: '13908230104', services: '骑手之家驿站共建；骑手技能培训', station: '饿了么' },
  { name: '货拉拉（重庆）', kind: 'platform', contact: '孙经理', phone: '13908230105', services: '司机之家共建；货车司机安全培训', station: '货拉拉' },
  { name: '顺丰速运重庆', kind: 'platform', contact: '周经理', phone: '13908230106', services: '快递小哥入会点；分拨中心职工服务', station: '顺丰速运' },
  { name: '江北区道路运输协会', kind: 'association', contact: '吴秘书长', phone: '13908230107', services: '网约车、货车司机建会入会；司机之家' },
  { name: '江北区建筑业协会', kind: 'association', contact: '郑秘书长', phone: '13908230108', services: '农民工工资支付法律宣传；工地夏送清凉' },
  { name: '江北区餐饮商会', kind: 'association', contact: '冯会长', phone: '13908230109', services: '厨师技能比武；共享食堂优惠就餐' },
  { name: '江北区快递物流协会', kind: 'association', contact: '蒋秘书长', phone: '13908230110', services: '快递员建会入会；职业技能培训' },
  { name: '江北区物业管理协会', kind: 'association', contact: '韩秘书长', phone: '13908230111', services: '物业服务人员关爱；保洁保安技能培训' },
  { name: '江北区家政服务协会', kind: 'association', contact: '杨秘书长', phone: '13908230112', services: '家政从业人员入会；持证上岗培训' },
  { name: '江北区互联网行业协会', kind: 'association', contact: '朱秘书长', phone: '13908230113', services: '互联网企业“一体化”职工之家；新就业形态劳动者服务' },
];
export const DEMO_PARTNERS = PARTNERS.length;

/**
 * 1+N 合作联盟 of Jiangbei: the district union with 2 banks, 4 platform companies and the seed's 7
 * industry associations; an agreement each (most in force, two ending within 30 days, one
 * expired), joint activities (one of them an existing demo activity), the stations partners
 * co-built (the demo positions whose `partner` names them) and referrals in each status.
 */
export async function seedDemoPartners(tx: Db, jbId: string, now = new Date()): Promise<void> {
  const today = shanghaiDateOf(now);
  const [staff] = await query<{ id: string }>(tx, sql`select id from app_user where username = 'jb.staff'`);
  const created = (i: number) => `${addDays(today, -700 + i * 20)}T02:00:00Z`;
  const partners = await query<{ id: string; name: string }>(
    tx,
    sql`insert into partner (org_id, name, kind, contact_name, contact_phone, services, created_by, created_at, updated_at) values ${sql.join(
      PARTNERS.map((p, i) => sql`(${jbId}, ${p.name}, ${p.kind}, ${p.contact}, ${p.phone}, ${p.services}, ${staff?.id ?? null}, ${created(i)}, ${created(i)})`),
      sql`, `,
    )} returning id, name`,
  );
  const idOf = (name: string) => partners.find((p) => p.name === name)!.id;

  // Agreements: three years from signing; two end within 30 days, one ended last year and was renewed.
  const agreements = PARTNERS.map((p, i) => {
    const starts = created(i).slice(0, 10);
    const ends = i === 2 ? addDays(today, 12) : i === 7 ? addDays(today, 25) : addDays(starts, 3 * 365);
    const title = p.kind === 'association' ? `${p.name}与江北区总工会战略合作协议` : `${p.name}职工服务合作协议`;
    return sql`(${idOf(p.name)}, ${jbId}, ${title}, ${addDays(starts, -5)}, ${starts}, ${ends}, ${'建会入会、阵地共建、联合活动、困难职工帮扶与诉求转介'}, ${created(i)})`;
  });
  const old = sql`(${idOf('工商银行重庆江北支行')}, ${jbId}, ${'工商银行重庆江北支行户外劳动者驿站共建协议（首期）'}, ${addDays(today, -1100)}, ${addDays(today, -1095)}, ${addDays(today, -731)}, ${'首期驿站共建'}, ${`${addDays(today, -1100)}T02:00:00Z`})`;
  await tx.execute(sql`insert into partner_agreement (partner_id, org_id, title, signed_on, starts_on, ends_on, scope, created_at) values ${sql.join([...agreements, old], sql`, `)}`);

  // Joint activities over the last year; the first is an existing demo activity of the district when there is one.
  const [ev] = await query<{ id: string; title: string; starts_at: unknown }>(
    tx,
    sql`select e.id, e.title, e.starts_at from event e join org o on o.id = e.org_id where o.path like (select path || '%' from org where id = ${jbId}) and e.starts_at < ${now.toISOString()} order by e.starts_at desc limit 1`,
  );
  const activities: [string, string, number, string, number][] = [
    ['饿了么（重庆）', '骑手夏送清凉进驿站', 60, '红旗河沟骑手之家工会驿站', 120],
    ['江北区建筑业协会', '农民工工资支付法律宣传进工地', 45, '江北区在建工地', 200],
    ['江北区餐饮商会', '中式烹饪技能比武', 90, '观音桥步行街', 80],
    ['江北区快递物流协会', '快递小哥集中入会活动', 30, '顺丰速运江北分拨中心', 150],
    ['工商银行重庆江北支行', '新就业形态劳动者金融知识讲座', 20, '工商银行江北支行营业部', 40],
    ['江北区家政服务协会', '家政服务员持证上岗培训', 150, '江北区职工服务中心', 60],
    ['美团（重庆）', '骑手交通安全培训', 200, '五里店街道职工之家', 100],
  ];
  const rows = activities.map(([partner, title, daysAgo, place, n], i) => {
    const day = addDays(today, -daysAgo);
    const eventId = i === 0 && ev ? ev.id : null;
    return sql`(${idOf(partner)}, ${jbId}, ${eventId && ev ? ev.title : title}, ${day}, ${`${day}T04:00:00Z`}, ${place}, ${n}, ${eventId})`;
  });
  await tx.execute(sql`insert into partner_activity (partner_id, org_id, title, held_on, held_at, place, participants, event_id) values ${sql.join(rows, sql`, `)}`);

  // Co-built stations: the demo positions whose partner is one of these, in Jiangbei.
  const stations = await query<{ id: string; partner: string; investment_fen: number | null }>(
    tx,
    sql`select p.id, p.partner, p.investment_fen::float8 as investment_fen from position p join org o on o.id = p.org_id
      where o.path like (select path || '%' from org where id = ${jbId}) and p.partner in ('建设银行', '饿了么', '货拉拉', '顺丰速运') order by p.code limit 12`,
  );
  const links = stations.flatMap((s, i) => {
    const owner = PARTNERS.find((p) => p.station === s.partner);
    return owner ? [sql`(${idOf(owner.name)}, ${s.id}, ${jbId}, ${Number(s.investment_fen ?? (3 + (i % 5)) * 1_000_000)}, ${i % 2 === 0 ? '空调、饮水机、充电柜' : '微波炉、应急药箱'}, ${created(i + 2)})`] : [];
  });
  if (links.length > 0) await tx.execute(sql`insert into partner_station (partner_id, position_id, org_id, contribution_fen, goods, created_at) values ${sql.join(links, sql`, `)}`);

  // Referrals: a rider's wage dispute to the road-transport association, a courier's loan question to a bank …
  const referrals: [string, string, string, string, 'referred' | 'accepted' | 'closed', number][] = [
    ['美团（重庆）', '江北区道路运输协会', '骑手转岗网约车司机，咨询从业资格与入会', '李*', 'closed', 60],
    ['江北区快递物流协会', '工商银行重庆江北支行', '快递员购车普惠贷款咨询', '张**', 'accepted', 20],
    ['江北区建筑业协会', '江北区家政服务协会', '农民工家属求职家政岗位', '王*', 'referred', 3],
    ['饿了么（重庆）', '江北区餐饮商会', '骑手转岗餐饮后厨，推荐技能培训', '刘**', 'referred', 1],
  ];
  await tx.execute(
    sql`insert into partner_referral (org_id, from_partner_id, to_partner_id, subject, worker_name_masked, status, referred_at, accepted_at, closed_at, created_by) values ${sql.join(
      referrals.map(([from, to, subject, who, status, daysAgo]) => {
        const at = new Date(now.getTime() - daysAgo * 86_400_000);
        const accepted = status === 'referred' ? null : new Date(at.getTime() + 86_400_000).toISOString();
        const closed = status === 'closed' ? new Date(at.getTime() + 7 * 86_400_000).toISOString() : null;
        return sql`(${jbId}, ${idOf(from)}, ${idOf(to)}, ${subject}, ${who}, ${status}, ${at.toISOString()}, ${accepted}, ${closed}, ${staff?.id ?? null})`;
      }),
      sql`, `,
    )}`,
  );
}
