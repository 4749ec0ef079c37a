import { defineIndicators } from '../../platform/indicators';

/** An order belongs to the union that placed it; a worker's own order to the district whose budget pays. */
const ORDER_ORG = 'coalesce(o.ordering_org_id, o.district_org_id)';
const LIVE = "o.status in ('placed', 'confirmed', 'delivered')";
const orderFacts = {
  tables: { o: 'market_order', v: 'market_project_version' },
  from: '{o} o join {v} v on v.id = o.version_id',
  org: ORDER_ORG,
  dims: { category: 'v.category' },
};

/**
 * The service marketplace (职工服务自选超市) in the figures: orders and the subsidy they draw (by
 * the day they were placed, until declined or cancelled), and the people served — every attendance
 * scanned or signed at a delivered service is one 人次, so it adds to 服务人次.
 */
export const marketIndicators = defineIndicators({
  module: 'market',
  section: { zh: '职工服务自选超市', en: 'Service marketplace' },
  order: 60,
  dimensions: [
    {
      key: 'category',
      name: { zh: '服务类别', en: 'Category' },
      values: {
        skills: { zh: '技能提升', en: 'Skills' },
        culture: { zh: '文化活动', en: 'Culture' },
        sports: { zh: '体育竞技', en: 'Sports' },
        team_building: { zh: '团队建设', en: 'Team building' },
        health: { zh: '健康关爱', en: 'Health' },
        other: { zh: '其他', en: 'Other' },
      },
    },
  ],
  series: [
    { key: 'market.orders', ...orderFacts, events: [{ at: 'o.created_at', value: '1', where: LIVE }] },
    { key: 'market.subsidy', ...orderFacts, events: [{ at: 'o.created_at', value: 'o.subsidy_fen', where: LIVE }] },
    {
      key: 'market.attendance',
      tables: { a: 'market_attendance', o: 'market_order', v: 'market_project_version' },
      from: '{a} a join {o} o on o.id = a.order_id join {v} v on v.id = o.version_id',
      org: ORDER_ORG,
      dims: { category: 'v.category' },
      events: [{ at: 'a.at', value: '1' }],
    },
  ],
  indicators: [
    {
      key: 'market.orders',
      name: { zh: '服务点单', en: 'Service orders' },
      unit: 'count',
      definition: { zh: '期内工会或职工在服务超市下的订单数（不含被拒绝或已取消的）。', en: 'Orders placed in the marketplace in the period, less declined and cancelled ones.' },
      compute: { kind: 'flow', series: 'market.orders' },
      dimensions: ['category'],
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'market.subsidy',
      name: { zh: '服务补贴', en: 'Service subsidy' },
      unit: 'fen',
      definition: { zh: '期内订单由工会补贴承担的金额（按下单日；不含被拒绝或已取消的订单）。', en: 'What the union’s subsidy covers of the orders placed in the period (declined and cancelled ones excluded).' },
      compute: { kind: 'flow', series: 'market.subsidy' },
      dimensions: ['category'],
    },
    {
      key: 'market.served',
      name: { zh: '服务超市服务人次', en: 'Marketplace attendance' },
      unit: 'person_times',
      definition: { zh: '期内服务现场刷会员卡或扫码签到的人次。', en: 'People at delivered services in the period, by card scan or sign-in QR.' },
      compute: { kind: 'flow', series: 'market.attendance' },
      dimensions: ['category'],
      countsAsService: true,
      isHeadline: true,
    },
  ],
});
