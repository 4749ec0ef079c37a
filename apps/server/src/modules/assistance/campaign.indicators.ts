import { sql } from 'drizzle-orm';
import { defineIndicators } from '../../platform/indicators';
import { query } from './mutualaid.repository';

// A benefit counts once it is handed over (disbursed, acknowledged or not), on the day it was.
const given = { tables: { n: 'campaign_nomination', c: 'campaign' }, from: '{n} n join {c} c on c.id = n.campaign_id', org: 'n.org_id', dims: { campaignKind: 'c.kind', benefitKind: 'n.benefit_kind' } };
const isGiven = "n.disbursed_at is not null and n.status in ('disbursed','acknowledged')";

/**
 * 帮扶活动: money and goods out (at their value), 人次 and distinct persons helped, by campaign
 * kind and benefit form, counted at the nominating union on the day of disbursement.
 */
export const campaignIndicators = defineIndicators({
  module: 'assistance',
  section: { zh: '帮扶', en: 'Assistance' },
  order: 76,
  dimensions: [
    {
      key: 'campaignKind',
      name: { zh: '活动类型', en: 'Campaign kind' },
      values: {
        winter: { zh: '冬送温暖', en: 'Winter warmth' },
        spring: { zh: '春送岗位', en: 'Spring jobs' },
        summer: { zh: '夏送清凉', en: 'Summer cooling' },
        autumn: { zh: '秋送助学', en: 'Autumn study aid' },
        health: { zh: '送健康', en: 'Health care' },
        custom: { zh: '其他帮扶', en: 'Other' },
      },
    },
    { key: 'benefitKind', name: { zh: '帮扶形式', en: 'Benefit form' }, values: { cash: { zh: '现金', en: 'Cash' }, goods: { zh: '物资', en: 'Goods' }, service: { zh: '服务', en: 'Service' } } },
  ],
  series: [
    { key: 'assistance.campaign_value', ...given, events: [{ at: 'n.disbursed_at', value: 'n.value_fen', where: isGiven }] },
    { key: 'assistance.campaign_times', ...given, events: [{ at: 'n.disbursed_at', value: '1', where: isGiven }] },
  ],
  indicators: [
    {
      key: 'assistance.campaign_money',
      name: { zh: '帮扶资金物资', en: 'Campaign money and goods out' },
      unit: 'fen',
      definition: {
        zh: '期内发放的帮扶活动现金、物资和服务（物资按数量×单价折算），按提名工会统计。',
        en: 'Cash, goods (quantity × unit value) and services handed out by campaigns in the period, at the nominating union.',
      },
      compute: { kind: 'flow', series: 'assistance.campaign_value' },
      dimensions: ['campaignKind', 'benefitKind'],
      isHeadline: true,
    },
    {
      key: 'assistance.campaign_times',
      name: { zh: '帮扶人次', en: 'Campaign recipients (人次)' },
      unit: 'person_times',
      definition: { zh: '期内发放的帮扶次数：同一人在不同活动中受助各计一次。', en: 'Benefits handed out in the period: one person helped in two campaigns counts twice.' },
      compute: { kind: 'flow', series: 'assistance.campaign_times' },
      dimensions: ['campaignKind', 'benefitKind'],
      countsAsService: true,
    },
    {
      key: 'assistance.campaign_persons',
      name: { zh: '帮扶人数', en: 'People helped by campaigns' },
      unit: 'people',
      definition: { zh: '期内至少获发放一次帮扶的不同职工人数（按会员身份去重）。', en: 'Distinct workers (by member identity) handed at least one benefit in the period.' },
      compute: {
        kind: 'query',
        periodic: true,
        async evaluate({ db, org, from, to }) {
          const [row] = await query<{ n: number }>(
            db,
            sql`select count(distinct n.person_id)::int as n from campaign_nomination n join org o on o.id = n.org_id
              where o.path like ${`${org.path}%`} and n.status in ('disbursed','acknowledged') and n.disbursed_at is not null
                and n.disbursed_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and n.disbursed_at < ((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`,
          );
          return { value: row?.n ?? 0 };
        },
      },
    },
  ],
});
