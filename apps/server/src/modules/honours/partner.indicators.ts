import { defineIndicators } from '../../platform/indicators';

const dayStart = (expr: string) => `(${expr}::timestamp at time zone 'Asia/Shanghai')`;

/**
 * 1+N 合作联盟 in the reports' words ("与7个行业协会签订战略合作协议"): partners in the alliance and
 * agreements in force at the end of the period, co-built stations up to it, joint activities and
 * referrals in it, at the partner's union's subtree. A partner counts from the day it was
 * registered until ended; an agreement from its first day to its last (Asia/Shanghai).
 */
export const partnerIndicators = defineIndicators({
  module: 'honours',
  section: { zh: '1+N 合作联盟', en: '1+N partner alliance' },
  order: 80,
  dimensions: [
    {
      key: 'partnerKind',
      name: { zh: '伙伴类型', en: 'Partner kind' },
      values: { bank: { zh: '银行', en: 'Bank' }, platform: { zh: '平台企业', en: 'Platform company' }, association: { zh: '行业协会', en: 'Industry association' }, other: { zh: '其他', en: 'Other' } },
    },
  ],
  series: [
    {
      key: 'honours.partners',
      tables: { p: 'partner' },
      from: '{p} p',
      org: 'p.org_id',
      dims: { partnerKind: 'p.kind' },
      events: [
        { at: 'p.created_at', value: '1' },
        { at: 'p.ended_at', value: '-1', where: "p.status = 'ended' and p.ended_at is not null" },
      ],
    },
    {
      key: 'honours.partner_agreements',
      tables: { a: 'partner_agreement' },
      from: '{a} a',
      org: 'a.org_id',
      events: [
        { at: dayStart('a.starts_on'), value: '1' },
        // Out of force the day after it ends, or after it was terminated early (never before it started).
        { at: dayStart('greatest(a.starts_on, least(a.ends_on, coalesce(a.terminated_on, a.ends_on)) + 1)'), value: '-1' },
      ],
    },
    { key: 'honours.partner_activities', tables: { a: 'partner_activity' }, from: '{a} a', org: 'a.org_id', events: [{ at: 'a.held_at', value: '1' }] },
    { key: 'honours.partner_stations', tables: { s: 'partner_station' }, from: '{s} s', org: 's.org_id', events: [{ at: 's.created_at', value: '1' }] },
    { key: 'honours.partner_referrals', tables: { r: 'partner_referral' }, from: '{r} r', org: 'r.org_id', events: [{ at: 'r.referred_at', value: '1' }] },
  ],
  indicators: [
    {
      key: 'honours.partners',
      name: { zh: '合作伙伴', en: 'Alliance partners' },
      unit: 'count',
      definition: { zh: '期末时点本级及下属工会“1+N”合作联盟中仍在合作的银行、平台企业、行业协会等伙伴个数（按登记日计入，终止合作后不计）。', en: 'Banks, platform companies, industry associations and other partners in the unions’ 1+N alliance at the end of the period (from the day registered until the partnership ended).' },
      compute: { kind: 'stock', series: 'honours.partners' },
      dimensions: ['partnerKind'],
      isHeadline: true,
    },
    {
      key: 'honours.partner_agreements',
      name: { zh: '生效中的合作协议', en: 'Agreements in force' },
      unit: 'count',
      definition: { zh: '期末当日处于有效期内（生效日至到期日，提前终止的至终止日）的合作协议份数。', en: 'Cooperation agreements in force on the last day of the period (from their start date to their end date, or to the day they were terminated early).' },
      compute: { kind: 'stock', series: 'honours.partner_agreements' },
    },
    {
      key: 'honours.partner_activities',
      name: { zh: '联合活动', en: 'Joint activities' },
      unit: 'count',
      definition: { zh: '期内与合作伙伴联合开展的宣传、培训、慰问等活动场次（按活动日）。', en: 'Activities held jointly with partners in the period — campaigns, training, visits (by the day held).' },
      compute: { kind: 'flow', series: 'honours.partner_activities' },
    },
    {
      key: 'honours.partner_stations',
      name: { zh: '共建阵地', en: 'Co-built stations' },
      unit: 'count',
      definition: { zh: '截至期末与合作伙伴共建的驿站等服务阵地（一个阵地由两家伙伴共建计两次，按登记日）。', en: 'Stations and other positions co-built with partners up to the end of the period (a station two partners co-built counts twice; by the day recorded).' },
      compute: { kind: 'stock', series: 'honours.partner_stations' },
    },
    {
      key: 'honours.partner_referrals',
      name: { zh: '伙伴间转介', en: 'Referrals between partners' },
      unit: 'count',
      definition: { zh: '期内合作伙伴之间转介职工诉求或个案的件数（按转介时间）。', en: 'Workers’ needs or cases referred from one partner to another in the period (by the time referred).' },
      compute: { kind: 'flow', series: 'honours.partner_referrals' },
    },
  ],
});
