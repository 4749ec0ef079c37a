import { defineIndicators } from '../../platform/indicators';

// A student counts once the aid is handed over (disbursed, acknowledged or not), on the day it was, at the applying union.
const paid = { tables: { s: 'studyaid_student', n: 'campaign_nomination' }, from: '{s} s join {n} n on n.id = s.nomination_id', org: 's.org_id' };
const isPaid = "n.disbursed_at is not null and n.status in ('disbursed','acknowledged')";

/** 秋送助学 in the reports' words: "为134名困难职工子女发放助学金110万元" — children aided and the money paid. */
export const studyaidIndicators = defineIndicators({
  module: 'assistance',
  section: { zh: '秋送助学', en: 'Study aid' },
  order: 79,
  series: [
    { key: 'assistance.studyaid_children', ...paid, events: [{ at: 'n.disbursed_at', value: '1', where: isPaid }] },
    { key: 'assistance.studyaid_paid_fen', ...paid, events: [{ at: 'n.disbursed_at', value: 's.amount_fen', where: isPaid }] },
  ],
  indicators: [
    {
      key: 'assistance.studyaid_children',
      name: { zh: '助学学生数', en: 'Students given study aid' },
      unit: 'people',
      definition: { zh: '期内发放助学金的职工子女人数（按发放日、申请工会统计；同一学生每年只受助一次）。', en: 'Members’ children paid study aid in the period (by the day paid, at the applying union; one aid per child and year).' },
      compute: { kind: 'flow', series: 'assistance.studyaid_children' },
    },
    {
      key: 'assistance.studyaid_paid_fen',
      name: { zh: '助学金发放', en: 'Study aid paid' },
      unit: 'fen',
      definition: { zh: '期内发放的“秋送助学”助学金（按发放日、申请工会统计）。', en: 'Study aid paid in the period (by the day paid, at the applying union).' },
      compute: { kind: 'flow', series: 'assistance.studyaid_paid_fen' },
    },
  ],
});
