import { defineIndicators } from '../../platform/indicators';

/**
 * 职工互助保障 in the reports' words ("10万余名职工参加…4000余名职工办理赔付1000余万元"): members
 * enrolled, claims filed and money paid, by period (a plan's year is its calendar year) and subtree
 * (the member's union).
 */
export const mutualaidIndicators = defineIndicators({
  module: 'mutualaid',
  section: { zh: '职工互助保障', en: 'Mutual-aid plan' },
  order: 75,
  series: [
    { key: 'mutualaid.enrolled', tables: { e: 'mutualaid_enrolment' }, from: '{e} e', org: 'e.org_id', events: [{ at: 'e.created_at', value: '1' }] },
    { key: 'mutualaid.claims', tables: { c: 'mutualaid_claim' }, from: '{c} c', org: 'c.org_id', events: [{ at: 'c.created_at', value: '1' }] },
    { key: 'mutualaid.paid', tables: { c: 'mutualaid_claim' }, from: '{c} c', org: 'c.org_id', events: [{ at: 'c.paid_at', value: 'c.payout_fen', where: "c.status = 'paid' and c.paid_at is not null" }] },
    { key: 'mutualaid.claims_paid', tables: { c: 'mutualaid_claim' }, from: '{c} c', org: 'c.org_id', events: [{ at: 'c.paid_at', value: '1', where: "c.status = 'paid' and c.paid_at is not null" }] },
  ],
  indicators: [
    {
      key: 'mutualaid.enrolled',
      name: { zh: '参加互助保障职工', en: 'Members enrolled in mutual aid' },
      unit: 'person_times',
      definition: { zh: '期内参加职工互助保障计划的职工人数（每人每年度计划计一次）。', en: 'Members enrolled in a mutual-aid plan in the period (once per person and plan year).' },
      compute: { kind: 'flow', series: 'mutualaid.enrolled' },
      isHeadline: true,
    },
    {
      key: 'mutualaid.claims',
      name: { zh: '互助金申请', en: 'Mutual-aid claims' },
      unit: 'count',
      definition: { zh: '期内职工提交的互助金申请件数。', en: 'Mutual-aid claims filed by members in the period.' },
      compute: { kind: 'flow', series: 'mutualaid.claims' },
    },
    {
      key: 'mutualaid.claims_paid',
      name: { zh: '办理赔付', en: 'Claims paid' },
      unit: 'person_times',
      definition: { zh: '期内已支付互助金的申请件数（按支付日）。', en: 'Claims paid in the period (by the date paid).' },
      compute: { kind: 'flow', series: 'mutualaid.claims_paid' },
      countsAsService: true,
    },
    {
      key: 'mutualaid.paid',
      name: { zh: '赔付互助金', en: 'Mutual aid paid' },
      unit: 'fen',
      definition: { zh: '期内支付的互助金合计（按支付日，已按计划规则和年度限额计算）。', en: 'Mutual aid paid in the period (by the date paid, after the plan’s rules and yearly caps).' },
      compute: { kind: 'flow', series: 'mutualaid.paid' },
      isHeadline: true,
    },
  ],
});
