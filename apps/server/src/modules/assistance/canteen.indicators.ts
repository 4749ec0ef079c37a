import { defineIndicators } from '../../platform/indicators';

/**
 * 共享食堂 in the reports' words: meals served at the canteens (人次, by the Asia/Shanghai time
 * served) and those of them at a reduced price, at the canteen's union's subtree.
 */
export const canteenIndicators = defineIndicators({
  module: 'assistance',
  section: { zh: '共享食堂', en: 'Shared canteens' },
  order: 79,
  series: [
    { key: 'assistance.canteen_meals', tables: { m: 'canteen_meal' }, from: '{m} m', org: 'm.org_id', events: [{ at: 'm.served_at', value: '1' }] },
    { key: 'assistance.canteen_reduced_meals', tables: { m: 'canteen_meal' }, from: '{m} m', org: 'm.org_id', events: [{ at: 'm.served_at', value: '1', where: 'm.reduced_slot is not null' }] },
  ],
  indicators: [
    {
      key: 'assistance.canteen_meals',
      name: { zh: '共享食堂就餐人次', en: 'Shared-canteen meals' },
      unit: 'person_times',
      definition: { zh: '期内在共享食堂终端登记的就餐人次（含标准价）。', en: 'Meals recorded at the shared canteens’ terminals in the period (normal price included).' },
      compute: { kind: 'flow', series: 'assistance.canteen_meals' },
    },
    {
      key: 'assistance.canteen_reduced_meals',
      name: { zh: '共享食堂优惠就餐人次', en: 'Reduced-price canteen meals' },
      unit: 'person_times',
      definition: { zh: '期内按优惠档（户外劳动者、60 岁以上、退役军人、低保五保残疾等）价格就餐的人次。', en: 'Meals served at a reduced tier’s price (outdoor workers, over-60s, veterans, certified low-income, five-guarantee and disabled residents) in the period.' },
      compute: { kind: 'flow', series: 'assistance.canteen_reduced_meals' },
    },
  ],
});
