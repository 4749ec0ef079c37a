import { defineIndicators } from '../../platform/indicators';

/** A meeting's date is a calendar day in China: it happened at that day's start in Asia/Shanghai. */
const onDay = (column: string) => `(${column}::timestamp at time zone 'Asia/Shanghai')`;

/**
 * 建会入会: the enterprise register (by union status as recorded now), the meetings held at
 * enterprises and their attendance, and joining points (positions of the 入会点 type) opened — the
 * last with a yearly target, like new unions and new members (orgs, members), which the
 * organizing targets set through the catalogue's targets.
 */
export const organizingIndicators = defineIndicators({
  module: 'organizing',
  section: { zh: '建会入会推进', en: 'Organizing drives' },
  order: 25,
  dimensions: [
    {
      key: 'unionStatus',
      name: { zh: '建会状态', en: 'Union status' },
      values: { none: { zh: '未建会', en: 'No union' }, founding: { zh: '筹建中', en: 'Founding' }, founded: { zh: '已建会', en: 'Founded' } },
    },
    {
      key: 'meetingKind',
      name: { zh: '沟通会类型', en: 'Meeting kind' },
      values: { enterprise_meeting: { zh: '企业沟通会', en: 'Enterprise meeting' }, worker_meeting: { zh: '职工沟通会', en: 'Worker meeting' }, visit: { zh: '走访', en: 'Visit' } },
    },
  ],
  series: [
    { key: 'organizing.enterprises', tables: { e: 'organizing_enterprise' }, from: '{e} e', org: 'e.org_id', dims: { unionStatus: 'e.union_status' }, events: [{ at: 'e.created_at', value: '1' }] },
    {
      key: 'organizing.meetings',
      tables: { m: 'organizing_meeting', e: 'organizing_enterprise' },
      from: '{m} m join {e} e on e.id = m.enterprise_id',
      org: 'e.org_id',
      dims: { meetingKind: 'm.kind' },
      events: [{ at: onDay('m.held_on'), value: '1' }],
    },
    {
      key: 'organizing.meeting_attendance',
      tables: { m: 'organizing_meeting', e: 'organizing_enterprise' },
      from: '{m} m join {e} e on e.id = m.enterprise_id',
      org: 'e.org_id',
      dims: { meetingKind: 'm.kind' },
      events: [{ at: onDay('m.held_on'), value: 'm.attendance' }],
    },
    {
      key: 'organizing.joining_points',
      tables: { p: 'position' },
      from: '{p} p',
      org: 'p.org_id',
      events: [{ at: 'p.created_at', value: '1', where: "p.type = 'joining_point' and p.status in ('open', 'suspended', 'closed')" }],
    },
  ],
  indicators: [
    {
      key: 'organizing.enterprises',
      name: { zh: '名录企业数', en: 'Enterprises on the register' },
      unit: 'count',
      definition: {
        zh: '期末时点企业名录中登记的企业个数，可按当前建会状态（未建会、筹建中、已建会）细分。',
        en: 'Enterprises on the register at the end of the period, by their union status now (none, founding, founded).',
      },
      compute: { kind: 'stock', series: 'organizing.enterprises' },
      dimensions: ['unionStatus'],
    },
    {
      key: 'organizing.meetings',
      name: { zh: '企业、职工沟通会', en: 'Enterprise and worker meetings' },
      unit: 'count',
      definition: {
        zh: '期内在名录企业召开的企业沟通会、职工沟通会和走访次数（按召开日期）。',
        en: 'Enterprise meetings, worker meetings and visits held at registered enterprises in the period (by date held).',
      },
      compute: { kind: 'flow', series: 'organizing.meetings' },
      dimensions: ['meetingKind'],
    },
    {
      key: 'organizing.meeting_attendance',
      name: { zh: '沟通会参加人次', en: 'Meeting attendance' },
      unit: 'person_times',
      definition: { zh: '期内企业沟通会、职工沟通会和走访的参加人次之和。', en: 'People attending the enterprise and worker meetings and visits in the period.' },
      compute: { kind: 'flow', series: 'organizing.meeting_attendance' },
      dimensions: ['meetingKind'],
    },
    {
      key: 'organizing.joining_points',
      name: { zh: '新建入会点', en: 'Joining points opened' },
      unit: 'count',
      definition: { zh: '期内登记并投入使用的入会点（阵地类型“入会点”）个数。', en: 'Joining points (positions of the joining-point type) registered and in service in the period.' },
      compute: { kind: 'flow', series: 'organizing.joining_points' },
      hasTarget: true,
    },
  ],
});
