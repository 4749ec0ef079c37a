import { defineIndicators } from '../../platform/indicators';

export const GIG_FORMS = ['delivery_rider', 'courier', 'ride_hailing', 'truck_driver', 'domestic', 'other_flexible'];

const membershipFacts = {
  tables: { m: 'membership', p: 'person' },
  from: '{m} m join {p} p on p.id = m.person_id',
  org: 'm.org_id',
  dims: {
    employmentForm: 'p.employment_form',
    migrant: "case when p.is_migrant then 'yes' else 'no' end",
    verified: "case when p.verified_at is not null then 'yes' else 'no' end",
  },
};
const HELD = "m.status in ('active', 'suspended', 'left') and m.joined_at is not null";

/**
 * Members (会员): a membership counts from the day it was approved (joined_at) until the day the
 * member left; suspended members keep their membership. A member is counted at the union that
 * holds the membership now (a transfer moves the whole membership), the person's employment form,
 * migrant flag and real-name verification as recorded now.
 */
export const membersIndicators = defineIndicators({
  module: 'members',
  section: { zh: '建会入会', en: 'Members' },
  order: 20,
  dimensions: [
    {
      key: 'employmentForm',
      name: { zh: '用工形式', en: 'Employment form' },
      values: {
        standard: { zh: '标准劳动关系', en: 'Standard employment' },
        delivery_rider: { zh: '外卖骑手', en: 'Delivery rider' },
        courier: { zh: '快递员', en: 'Courier' },
        ride_hailing: { zh: '网约车司机', en: 'Ride-hailing driver' },
        truck_driver: { zh: '货车司机', en: 'Truck driver' },
        domestic: { zh: '家政服务员', en: 'Domestic worker' },
        other_flexible: { zh: '其他灵活就业', en: 'Other flexible work' },
      },
    },
    { key: 'migrant', name: { zh: '农民工', en: 'Migrant worker' }, values: { yes: { zh: '农民工', en: 'Migrant' }, no: { zh: '非农民工', en: 'Not migrant' } } },
    { key: 'verified', name: { zh: '实名认证', en: 'Verified' }, values: { yes: { zh: '已认证', en: 'Verified' }, no: { zh: '未认证', en: 'Not verified' } } },
  ],
  series: [
    {
      key: 'members.count',
      ...membershipFacts,
      events: [
        { at: 'm.joined_at', value: '1', where: HELD },
        { at: 'm.left_at', value: '-1', where: "m.status = 'left' and m.left_at is not null and m.joined_at is not null" },
      ],
    },
    { key: 'members.joined', ...membershipFacts, events: [{ at: 'm.joined_at', value: '1', where: HELD }] },
  ],
  indicators: [
    {
      key: 'members.total',
      name: { zh: '会员人数', en: 'Members' },
      unit: 'people',
      definition: { zh: '期末时点持有会籍的会员人数（含暂停会籍，不含已退会、审核中）。', en: 'People holding a membership at the end of the period (suspended included; left and pending not).' },
      compute: { kind: 'stock', series: 'members.count' },
      dimensions: ['employmentForm', 'migrant', 'verified'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'members.new',
      name: { zh: '新入会会员', en: 'New members' },
      unit: 'people',
      definition: { zh: '期内批准入会的人数（按批准日期；含之后已退会者）。', en: 'Memberships approved in the period (by approval date, including those who left later).' },
      compute: { kind: 'flow', series: 'members.joined' },
      dimensions: ['employmentForm', 'migrant'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'members.gig',
      name: { zh: '新就业形态会员', en: 'Gig-worker members' },
      unit: 'people',
      definition: { zh: '期末时点会员中，用工形式为外卖骑手、快递员、网约车司机、货车司机、家政服务员或其他灵活就业的人数。', en: 'Members at the end of the period in a new employment form (riders, couriers, ride-hailing and truck drivers, domestic and other flexible work).' },
      compute: { kind: 'stock', series: 'members.count', filter: { employmentForm: GIG_FORMS } },
      dimensions: ['employmentForm'],
      isHeadline: true,
    },
    {
      key: 'members.gig_new',
      name: { zh: '新就业形态劳动者入会', en: 'Gig workers who joined' },
      unit: 'people',
      definition: { zh: '期内批准入会的新就业形态劳动者人数。', en: 'Gig workers whose membership was approved in the period.' },
      compute: { kind: 'flow', series: 'members.joined', filter: { employmentForm: GIG_FORMS } },
      dimensions: ['employmentForm'],
      hasTarget: true,
    },
    {
      key: 'members.migrant',
      name: { zh: '农民工会员', en: 'Migrant-worker members' },
      unit: 'people',
      definition: { zh: '期末时点会员中标记为农民工的人数。', en: 'Members at the end of the period marked as migrant workers.' },
      compute: { kind: 'stock', series: 'members.count', filter: { migrant: ['yes'] } },
    },
    {
      key: 'members.verified',
      name: { zh: '实名认证会员', en: 'Verified members' },
      unit: 'people',
      definition: { zh: '期末时点会员中实名信息已经工会审核确认的人数（按当前认证状态）。', en: 'Members at the end of the period whose real-name data staff have confirmed (as verified now).' },
      compute: { kind: 'stock', series: 'members.count', filter: { verified: ['yes'] } },
    },
    {
      key: 'members.verified_rate',
      name: { zh: '会员实名率', en: 'Verified share' },
      unit: 'percent',
      definition: { zh: '实名认证会员 ÷ 会员人数 × 100%。', en: 'Verified members ÷ members × 100%.' },
      compute: { kind: 'ratio', numerator: 'members.verified', denominator: 'members.total', scale: 100 },
      decimals: 1,
    },
    {
      key: 'members.gig_share',
      name: { zh: '新就业形态会员占比', en: 'Gig-worker share of members' },
      unit: 'percent',
      definition: { zh: '新就业形态会员 ÷ 会员人数 × 100%。', en: 'Gig-worker members ÷ members × 100%.' },
      compute: { kind: 'ratio', numerator: 'members.gig', denominator: 'members.total', scale: 100 },
      decimals: 1,
    },
  ],
});
