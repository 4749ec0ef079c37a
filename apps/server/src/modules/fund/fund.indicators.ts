import { defineIndicators } from '../../platform/indicators';

const contributions = {
  tables: { p: 'fund_posting', a: 'fund_account', s: 'fund_shop' },
  from: "{p} p join {a} a on a.id = p.account_id and a.kind = 'shop_contributions' join {s} s on s.id = a.shop_id",
  org: 's.org_id',
  // Contributions are credits (negative) on the shop's account; refunds reverse them.
  events: [{ at: 'p.occurred_at', value: '-p.amount_fen' }],
};

/**
 * The charity fund of commerce-sustained stations (以商养站, 爱心基金), from the ledger's postings
 * (the truth) and the entries' counts. Money is counted on the day it happened (Asia/Shanghai).
 * Contributions belong to the shop's org, breakfasts to the station's org, the balance to the
 * fund's own org.
 */
export const fundIndicators = defineIndicators({
  module: 'fund',
  section: { zh: '以商养站与爱心基金', en: 'Commerce-sustained stations and the charity fund' },
  order: 50,
  series: [
    { key: 'fund.contributions', ...contributions },
    {
      key: 'fund.breakfast_spend',
      tables: { p: 'fund_posting', a: 'fund_account', pos: 'position' },
      from: "{p} p join {a} a on a.id = p.account_id and a.kind = 'station_breakfasts' join {pos} pos on pos.id = a.position_id",
      org: 'pos.org_id',
      events: [{ at: 'p.occurred_at', value: 'p.amount_fen' }],
    },
    {
      key: 'fund.balance',
      tables: { p: 'fund_posting', a: 'fund_account', f: 'fund' },
      from: "{p} p join {a} a on a.id = p.account_id and a.kind in ('collected', 'custodian') join {f} f on f.id = a.fund_id",
      org: 'f.org_id',
      events: [{ at: 'p.occurred_at', value: 'p.amount_fen' }],
    },
    {
      key: 'fund.sales',
      tables: { e: 'fund_entry', s: 'fund_shop' },
      from: '{e} e join {s} s on s.id = e.shop_id',
      org: 's.org_id',
      events: [{ at: 'e.occurred_at', value: 'e.sale_count', where: 'e.sale_count <> 0' }],
    },
    {
      key: 'fund.breakfasts',
      tables: { e: 'fund_entry', pos: 'position' },
      from: '{e} e join {pos} pos on pos.id = e.position_id',
      org: 'pos.org_id',
      events: [{ at: 'e.occurred_at', value: 'e.breakfast_count', where: 'e.breakfast_count <> 0' }],
    },
  ],
  indicators: [
    {
      key: 'fund.raised',
      name: { zh: '爱心基金筹集', en: 'Raised for the fund' },
      unit: 'fen',
      definition: { zh: '期内爱心小卖部每笔销售提取的爱心基金之和（扣除退款冲回）。', en: 'Contributions from the shops’ sales in the period, less refunds.' },
      compute: { kind: 'flow', series: 'fund.contributions' },
      isHeadline: true,
      hasTarget: true,
    },
    {
      key: 'fund.raised_total',
      name: { zh: '爱心基金累计筹集', en: 'Raised since the start' },
      unit: 'fen',
      definition: { zh: '截至期末累计筹集的爱心基金。', en: 'All contributions up to the end of the period.' },
      compute: { kind: 'stock', series: 'fund.contributions' },
      isHeadline: true,
    },
    {
      key: 'fund.sales',
      name: { zh: '爱心消费笔数', en: 'Contributing sales' },
      unit: 'count',
      definition: { zh: '期内爱心小卖部的销售笔数（扣除退款）。', en: 'Sales at the shops in the period, less refunds.' },
      compute: { kind: 'flow', series: 'fund.sales' },
    },
    {
      key: 'fund.breakfasts',
      name: { zh: '爱心早餐', en: 'Breakfasts served' },
      unit: 'person_times',
      definition: { zh: '期内环卫工人等刷爱心早餐卡领取的早餐份数（每份计 1 人次）。', en: 'Breakfasts taken with a breakfast card in the period (one visit each).' },
      compute: { kind: 'flow', series: 'fund.breakfasts' },
      countsAsService: true,
      isHeadline: true,
    },
    {
      key: 'fund.breakfast_spend',
      name: { zh: '爱心早餐支出', en: 'Spent on breakfasts' },
      unit: 'fen',
      definition: { zh: '期内基金为爱心早餐支付的金额。', en: 'What the fund paid for breakfasts in the period.' },
      compute: { kind: 'flow', series: 'fund.breakfast_spend' },
    },
    {
      key: 'fund.balance',
      name: { zh: '爱心基金余额', en: 'Fund balance' },
      unit: 'fen',
      definition: { zh: '期末时点基金余额（待归集 + 托管账户），即累计筹集减累计支出。', en: 'The fund’s balance at the end of the period (collected + at the custodian): raised less spent.' },
      compute: { kind: 'stock', series: 'fund.balance' },
      isHeadline: true,
    },
  ],
});
