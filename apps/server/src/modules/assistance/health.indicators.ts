import { defineIndicators } from '../../platform/indicators';

/**
 * 送健康 in the reports' words: bookings made (by the day booked, whatever became of them) and
 * people who came (人次, by the day staff marked them attended), at the member's union's subtree.
 * Nothing medical is counted: the records hold none.
 */
export const healthIndicators = defineIndicators({
  module: 'assistance',
  section: { zh: '送健康', en: 'Health checks' },
  order: 78,
  series: [
    { key: 'assistance.health_booked', tables: { b: 'health_booking' }, from: '{b} b', org: 'b.org_id', events: [{ at: 'b.created_at', value: '1' }] },
    { key: 'assistance.health_attended', tables: { b: 'health_booking' }, from: '{b} b', org: 'b.org_id', events: [{ at: 'b.marked_at', value: '1', where: "b.status = 'attended' and b.marked_at is not null" }] },
  ],
  indicators: [
    {
      key: 'assistance.health_booked',
      name: { zh: '体检预约', en: 'Health-check bookings' },
      unit: 'count',
      definition: { zh: '期内职工预约的体检、筛查人数（按预约日，含其后取消的）。', en: 'Health-check and screening bookings made in the period (by the day booked, later cancellations included).' },
      compute: { kind: 'flow', series: 'assistance.health_booked' },
    },
    {
      key: 'assistance.health_attended',
      name: { zh: '送健康体检人次', en: 'Health checks attended' },
      unit: 'person_times',
      definition: { zh: '期内到合作医院参加体检、“两癌”筛查并登记到场的人次（按登记日）。', en: 'People who came to a partner hospital for a check or two-cancer screening, marked attended in the period (by the day marked).' },
      compute: { kind: 'flow', series: 'assistance.health_attended' },
      countsAsService: true,
      isHeadline: true,
    },
  ],
});
