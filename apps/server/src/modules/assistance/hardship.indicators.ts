import { defineIndicators } from '../../platform/indicators';

// Dates of the file (Asia/Shanghai calendar days) as the instants those days begin.
const dayStart = (column: string) => `(${column}::timestamp at time zone 'Asia/Shanghai')`;
const fileFacts = { tables: { f: 'hardship_file' }, from: '{f} f', org: 'f.org_id', dims: { tier: "coalesce(f.tier, 'relative')" } };

/**
 * 困难职工档案: files 在档 at the end of a period (from the day the notice ended well until the day
 * the file exited), files admitted and files exited in the period — by tier (as recorded now) and
 * counted at the member's union.
 */
export const hardshipIndicators = defineIndicators({
  module: 'assistance',
  section: { zh: '帮扶', en: 'Assistance' },
  order: 75,
  dimensions: [
    {
      key: 'tier',
      name: { zh: '困难类别', en: 'Tier' },
      values: { deep: { zh: '深度困难', en: 'Deep hardship' }, relative: { zh: '相对困难', en: 'Relative hardship' }, accident: { zh: '意外致困', en: 'Accident' } },
    },
  ],
  series: [
    {
      key: 'assistance.hardship_on_file',
      ...fileFacts,
      events: [
        { at: dayStart('f.admitted_on'), value: '1', where: "f.admitted_on is not null and f.status in ('active', 'exited')" },
        { at: dayStart('f.exited_on'), value: '-1', where: "f.status = 'exited' and f.admitted_on is not null and f.exited_on is not null" },
      ],
    },
    { key: 'assistance.hardship_admitted', ...fileFacts, events: [{ at: dayStart('f.admitted_on'), value: '1', where: "f.admitted_on is not null and f.status in ('active', 'exited')" }] },
    { key: 'assistance.hardship_resolved', ...fileFacts, events: [{ at: dayStart('f.exited_on'), value: '1', where: "f.status = 'exited' and f.exit_kind = 'resolved' and f.exited_on is not null" }] },
  ],
  indicators: [
    {
      key: 'assistance.hardship_files',
      name: { zh: '在档困难职工', en: 'Hardship files on file' },
      unit: 'count',
      definition: {
        zh: '期末时点在档的困难职工档案数（公示期满无成立的异议后在档，解困或撤档后不计），按会员所在工会统计。',
        en: 'Hardship files on file at the end of the period (on file once the public notice ended without an upheld objection, until resolved or withdrawn), at the member’s union.',
      },
      compute: { kind: 'stock', series: 'assistance.hardship_on_file' },
      dimensions: ['tier'],
      isHeadline: true,
    },
    {
      key: 'assistance.hardship_deep',
      name: { zh: '深度困难职工', en: 'Deep-hardship files' },
      unit: 'count',
      definition: { zh: '期末时点在档、类别为深度困难的档案数。', en: 'Files on file at the end of the period in the deep-hardship tier.' },
      compute: { kind: 'stock', series: 'assistance.hardship_on_file', filter: { tier: ['deep'] } },
    },
    {
      key: 'assistance.hardship_admitted',
      name: { zh: '新建档困难职工', en: 'Files admitted' },
      unit: 'count',
      definition: { zh: '期内公示期满、转为在档的困难职工档案数。', en: 'Files that went on file in the period (the notice over without an upheld objection).' },
      compute: { kind: 'flow', series: 'assistance.hardship_admitted' },
      dimensions: ['tier'],
    },
    {
      key: 'assistance.hardship_resolved',
      name: { zh: '解困退出', en: 'Files resolved' },
      unit: 'count',
      definition: { zh: '期内因家庭脱困而解困退出的档案数（撤档不计）。', en: 'Files closed in the period because the household left hardship (withdrawn files not counted).' },
      compute: { kind: 'flow', series: 'assistance.hardship_resolved' },
      dimensions: ['tier'],
    },
  ],
});
