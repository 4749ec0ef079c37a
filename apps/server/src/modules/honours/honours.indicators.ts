import { defineIndicators } from '../../platform/indicators';

const LEVEL_LABELS = {
  national: { zh: '全国级', en: 'National' },
  municipal: { zh: '市级', en: 'Municipal' },
  district: { zh: '区级', en: 'District' },
};

/**
 * 劳模工匠 in the reports' words ("区级劳模和工匠人才创新工作室16个"): honours in force and
 * studios running at the end of the period, patents recorded up to it, and care activities in it,
 * each at the union's subtree. An honour counts from the day it was recorded until revoked (a
 * person with two titles counts twice); a studio until it is closed.
 */
export const honoursIndicators = defineIndicators({
  module: 'honours',
  section: { zh: '劳模工匠', en: 'Model workers and craftsmen' },
  order: 79,
  dimensions: [{ key: 'honourLevel', name: { zh: '级别', en: 'Level' }, values: LEVEL_LABELS }],
  series: [
    {
      key: 'honours.honours',
      tables: { h: 'honour' },
      from: '{h} h',
      org: 'h.org_id',
      dims: { honourLevel: 'h.level' },
      events: [
        { at: 'h.created_at', value: '1' },
        { at: 'h.revoked_at', value: '-1', where: "h.status = 'revoked' and h.revoked_at is not null" },
      ],
    },
    {
      key: 'honours.studios',
      tables: { s: 'studio' },
      from: '{s} s',
      org: 's.org_id',
      dims: { honourLevel: 's.level' },
      events: [
        { at: 's.created_at', value: '1' },
        { at: 's.closed_at', value: '-1', where: "s.status = 'closed' and s.closed_at is not null" },
      ],
    },
    { key: 'honours.patents', tables: { p: 'studio_patent' }, from: '{p} p', org: 'p.org_id', events: [{ at: 'p.created_at', value: '1' }] },
    { key: 'honours.care', tables: { c: 'honour_care' }, from: '{c} c', org: 'c.org_id', events: [{ at: 'c.cared_at', value: '1' }] },
  ],
  indicators: [
    {
      key: 'honours.model_workers',
      name: { zh: '劳模工匠荣誉', en: 'Model-worker and craftsman honours' },
      unit: 'count',
      definition: {
        zh: '期末时点本级及下属工会会员持有的、未撤销的劳动模范、五一劳动奖章、工匠等荣誉个数（按登记日计入，一人多项分别计）。',
        en: 'Model-worker, May Day medal, craftsman and similar honours held by members at the end of the period and not revoked (from the day recorded; two titles of one person count twice).',
      },
      compute: { kind: 'stock', series: 'honours.honours' },
      dimensions: ['honourLevel'],
      isHeadline: true,
    },
    {
      key: 'honours.studios',
      name: { zh: '劳模和工匠人才创新工作室', en: 'Innovation studios' },
      unit: 'count',
      definition: { zh: '期末时点仍在运行的劳模和工匠人才创新工作室个数（按级别可分）。', en: 'Model-worker and craftsman innovation studios running at the end of the period (by level).' },
      compute: { kind: 'stock', series: 'honours.studios' },
      dimensions: ['honourLevel'],
      isHeadline: true,
    },
    {
      key: 'honours.patents',
      name: { zh: '工作室专利', en: 'Studio patents' },
      unit: 'count',
      definition: { zh: '截至期末创新工作室登记的专利件数（按登记日）。', en: 'Patents recorded by the innovation studios up to the end of the period (by the day recorded).' },
      compute: { kind: 'stock', series: 'honours.patents' },
    },
    {
      key: 'honours.care_activities',
      name: { zh: '劳模关爱', en: 'Care for model workers' },
      unit: 'count',
      definition: { zh: '期内为劳模工匠开展的体检、疗休养、走访慰问等关爱活动次数（按活动日）。', en: 'Health checks, sanatorium stays, visits and other care for honoured workers in the period (by the day it took place).' },
      compute: { kind: 'flow', series: 'honours.care' },
    },
  ],
});
