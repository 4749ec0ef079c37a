import { defineIndicators } from '../../platform/indicators';
import { countOverdueCases } from './cases.repository';

/** A case's dates are calendar days in China: the event happens at that day's start in Asia/Shanghai. */
const onDay = (column: string) => `(${column}::timestamp at time zone 'Asia/Shanghai')`;

/**
 * 维权: the figures the reports quote (咨询, 受理, 调解, 调解成功, 案涉金额, 追回, 帮助职工),
 * counted from the records like the 维权概览 page. A case counts for the union that holds it now
 * (a referral accepted moves it); consultations and the workers a settled case helped add to 服务人次.
 */
export const rightsIndicators = defineIndicators({
  module: 'rights',
  section: { zh: '维权服务', en: 'Rights protection' },
  order: 70,
  dimensions: [
    {
      key: 'channel',
      name: { zh: '咨询渠道', en: 'Channel' },
      values: { walk_in: { zh: '来访', en: 'Walk-in' }, hotline: { zh: '12351 热线', en: 'Hotline 12351' }, online: { zh: '网上咨询', en: 'Online' }, petition: { zh: '信访', en: 'Petition' } },
    },
    {
      key: 'category',
      name: { zh: '争议类别', en: 'Category' },
      values: {
        contract: { zh: '劳动合同', en: 'Contract' },
        wages: { zh: '工资报酬', en: 'Wages' },
        work_injury: { zh: '工伤', en: 'Work injury' },
        social_insurance: { zh: '社会保险', en: 'Social insurance' },
        dismissal: { zh: '解除劳动关系', en: 'Dismissal' },
        rest_leave: { zh: '休息休假', en: 'Rest and leave' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    { key: 'outcome', name: { zh: '调解结果', en: 'Outcome' }, values: { agreed: { zh: '调解成功', en: 'Agreed' }, failed: { zh: '调解不成', en: 'Failed' } } },
  ],
  series: [
    { key: 'rights.consultations', tables: { k: 'rights_consultation' }, from: '{k} k', org: 'k.org_id', dims: { channel: 'k.channel', category: 'k.category' }, events: [{ at: 'k.asked_at', value: '1' }] },
    { key: 'rights.cases_received', tables: { c: 'rights_case' }, from: '{c} c', org: 'c.org_id', dims: { category: 'c.category' }, events: [{ at: onDay('c.received_on'), value: '1' }] },
    { key: 'rights.amount_claimed', tables: { c: 'rights_case' }, from: '{c} c', org: 'c.org_id', events: [{ at: onDay('c.received_on'), value: 'c.claimed_fen' }] },
    { key: 'rights.cases_accepted', tables: { c: 'rights_case' }, from: '{c} c', org: 'c.org_id', events: [{ at: onDay('c.accepted_on'), value: '1', where: 'c.accepted_on is not null' }] },
    {
      key: 'rights.case_outcomes',
      tables: { c: 'rights_case' },
      from: '{c} c',
      org: 'c.org_id',
      dims: { outcome: 'c.status' },
      events: [{ at: onDay('c.outcome_on'), value: '1', where: "c.accepted_on is not null and c.outcome_on is not null and c.status in ('agreed','failed')" }],
    },
    { key: 'rights.amount_agreed', tables: { c: 'rights_case' }, from: '{c} c', org: 'c.org_id', events: [{ at: onDay('c.outcome_on'), value: 'c.agreed_fen', where: "c.status = 'agreed' and c.outcome_on is not null" }] },
    { key: 'rights.amount_recovered', tables: { p: 'rights_payment', c: 'rights_case' }, from: '{p} p join {c} c on c.id = p.case_id', org: 'c.org_id', events: [{ at: onDay('p.received_on'), value: 'p.amount_fen' }] },
    {
      key: 'rights.workers_helped',
      tables: { a: 'rights_case_party', c: 'rights_case' },
      from: '{a} a join {c} c on c.id = a.case_id',
      org: 'c.org_id',
      events: [{ at: onDay('c.outcome_on'), value: '1', where: "a.role = 'applicant' and c.status = 'agreed' and c.outcome_on is not null" }],
    },
  ],
  indicators: [
    {
      key: 'rights.consultations',
      name: { zh: '法律咨询人次', en: 'Legal consultations' },
      unit: 'person_times',
      definition: { zh: '期内收到的法律咨询（来访、12351 热线、网上、信访），每次咨询计 1 人次。', en: 'Legal consultations received in the period (walk-in, hotline 12351, online, petitions), one each.' },
      compute: { kind: 'flow', series: 'rights.consultations' },
      dimensions: ['channel', 'category'],
      countsAsService: true,
      isHeadline: true,
    },
    {
      key: 'rights.cases_received',
      name: { zh: '受理劳动争议', en: 'Disputes received' },
      unit: 'count',
      definition: { zh: '期内收到调解申请的劳动争议案件数（按收件日）。', en: 'Labour disputes whose mediation request was received in the period.' },
      compute: { kind: 'flow', series: 'rights.cases_received' },
      dimensions: ['category'],
      isHeadline: true,
    },
    {
      key: 'rights.cases_accepted',
      name: { zh: '立案调解', en: 'Accepted for mediation' },
      unit: 'count',
      definition: { zh: '期内决定受理（立案）调解的案件数（按受理日）。', en: 'Cases accepted for mediation in the period.' },
      compute: { kind: 'flow', series: 'rights.cases_accepted' },
    },
    {
      key: 'rights.cases_mediated',
      name: { zh: '调解结案', en: 'Mediations closed' },
      unit: 'count',
      definition: { zh: '期内调解结束的已受理案件数（达成协议或调解不成，按结案日）。', en: 'Accepted cases whose mediation ended in the period (agreement or failure).' },
      compute: { kind: 'flow', series: 'rights.case_outcomes' },
      dimensions: ['outcome'],
    },
    {
      key: 'rights.cases_successful',
      name: { zh: '调解成功', en: 'Settled by mediation' },
      unit: 'count',
      definition: { zh: '期内达成调解协议的案件数（按协议日）。', en: 'Cases settled by a mediation agreement in the period.' },
      compute: { kind: 'flow', series: 'rights.case_outcomes', filter: { outcome: ['agreed'] } },
      isHeadline: true,
    },
    {
      key: 'rights.success_rate',
      name: { zh: '调解成功率', en: 'Mediation success rate' },
      unit: 'percent',
      decimals: 1,
      definition: { zh: '调解成功 ÷ 调解结案 × 100%。', en: 'Settled ÷ mediations closed × 100%.' },
      compute: { kind: 'ratio', numerator: 'rights.cases_successful', denominator: 'rights.cases_mediated', scale: 100 },
    },
    {
      key: 'rights.amount_claimed',
      name: { zh: '案涉金额', en: 'Amounts claimed' },
      unit: 'fen',
      definition: { zh: '期内收到的案件请求金额合计（按收件日）。', en: 'Amounts claimed by the cases received in the period.' },
      compute: { kind: 'flow', series: 'rights.amount_claimed' },
    },
    {
      key: 'rights.amount_agreed',
      name: { zh: '调解协议金额', en: 'Amounts agreed' },
      unit: 'fen',
      definition: { zh: '期内达成的调解协议约定支付的金额合计。', en: 'Amounts the agreements reached in the period say the employer pays.' },
      compute: { kind: 'flow', series: 'rights.amount_agreed' },
      isHeadline: true,
    },
    {
      key: 'rights.amount_recovered',
      name: { zh: '追回金额', en: 'Amounts recovered' },
      unit: 'fen',
      definition: { zh: '期内记录到账的款项合计（按到账日，冲正为负数）。', en: 'Payments received by workers in the period (by date received; corrections are negative).' },
      compute: { kind: 'flow', series: 'rights.amount_recovered' },
    },
    {
      key: 'rights.workers_helped',
      name: { zh: '帮助职工', en: 'Workers helped' },
      unit: 'person_times',
      definition: { zh: '期内调解成功案件的申请人人次（一案多名职工分别计）。', en: 'Applicants of the cases settled in the period (each worker of a case counts).' },
      compute: { kind: 'flow', series: 'rights.workers_helped' },
      countsAsService: true,
    },
    {
      key: 'rights.overdue_cases',
      name: { zh: '超期案件', en: 'Overdue cases' },
      unit: 'count',
      definition: { zh: '当前已过受理、调解、仲裁时效或仲裁期限仍未办结的案件数（与超期看板同一规则）。', en: 'Cases now past their acceptance, mediation, limitation or arbitration deadline (the overdue board’s rule).' },
      compute: {
        kind: 'query',
        periodic: false,
        async evaluate({ db, org, today }) {
          return { value: await countOverdueCases(db, org.path, today) };
        },
      },
    },
  ],
});
