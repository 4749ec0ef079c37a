import { defineIndicators } from '../../platform/indicators';

const onDay = (column: string) => `(${column}::timestamp at time zone 'Asia/Shanghai')`;
const suggestionFacts = { tables: { s: 'suggestion' }, from: '{s} s', org: 's.org_id', dims: { suggestionCategory: 's.category' } };
const reportFacts = { tables: { r: 'voice_report' }, from: '{r} r', org: 'r.org_id', dims: { category: 'r.category_key', grid: "case when r.is_grid_member then 'grid' else 'other' end" } };

/**
 * 随手拍: reports filed (by the org answering them now), resolved (by the date staff marked them
 * 已解决; a reopened report leaves the count until resolved again) and escalations for lateness
 * (counted at the org that let the time limit pass).
 */
export const voiceIndicators = defineIndicators({
  module: 'voice',
  section: { zh: '职工之声', en: 'Workers’ voice' },
  order: 70,
  dimensions: [
    {
      key: 'category',
      name: { zh: '类别', en: 'Category' },
      values: {
        work_safety: { zh: '安全生产隐患', en: 'Work safety hazard' },
        occupational_health: { zh: '职业健康', en: 'Occupational health' },
        wage_notice: { zh: '欠薪线索', en: 'Unpaid wages' },
        public_facility: { zh: '公共设施', en: 'Public facility' },
        neighbourhood: { zh: '邻里环境', en: 'Neighbourhood' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    { key: 'grid', name: { zh: '反映人', en: 'Reporter' }, values: { grid: { zh: '网格员', en: 'Grid member' }, other: { zh: '其他职工', en: 'Other workers' } } },
    {
      key: 'suggestionCategory',
      name: { zh: '建议类别', en: 'Suggestion category' },
      values: {
        process: { zh: '工艺改进', en: 'Process' },
        quality: { zh: '质量提升', en: 'Quality' },
        safety: { zh: '安全生产', en: 'Safety' },
        energy: { zh: '节能降耗', en: 'Energy saving' },
        management: { zh: '经营管理', en: 'Management' },
        welfare: { zh: '职工生活', en: 'Workers’ welfare' },
        other: { zh: '其他', en: 'Other' },
      },
    },
  ],
  series: [
    { key: 'voice.reports_submitted', ...reportFacts, events: [{ at: 'r.created_at', value: '1', where: "r.status <> 'merged'" }] },
    { key: 'voice.reports_resolved', ...reportFacts, events: [{ at: 'r.resolved_at', value: '1', where: "r.status in ('resolved', 'closed') and r.resolved_at is not null" }] },
    {
      key: 'voice.reports_escalated',
      tables: { e: 'voice_report_event', r: 'voice_report' },
      from: '{e} e join {r} r on r.id = e.report_id',
      org: 'e.from_org_id',
      dims: { category: 'r.category_key' },
      events: [{ at: 'e.at', value: '1', where: "e.kind = 'escalated'" }],
    },
    // 对口联系: visits and the problems found on them count on the visit's day, at the visited union.
    { key: 'voice.liaison_visits', tables: { v: 'liaison_visit' }, from: '{v} v', org: 'v.org_id', events: [{ at: onDay('v.visited_on'), value: '1' }] },
    {
      key: 'voice.liaison_problems_found',
      tables: { p: 'liaison_problem', v: 'liaison_visit' },
      from: '{p} p join {v} v on v.id = p.visit_id',
      org: 'p.org_id',
      events: [{ at: onDay('v.visited_on'), value: '1' }],
    },
    {
      key: 'voice.liaison_problems_resolved',
      tables: { p: 'liaison_problem' },
      from: '{p} p',
      org: 'p.org_id',
      events: [{ at: 'p.resolved_at', value: '1', where: "p.status = 'resolved'" }],
    },
    // 合理化建议: made on the day submitted, at the union it went to; adopted (with its benefit) on the day adopted.
    { key: 'voice.suggestions_submitted', ...suggestionFacts, events: [{ at: 's.created_at', value: '1' }] },
    { key: 'voice.suggestions_adopted', ...suggestionFacts, events: [{ at: 's.adopted_at', value: '1', where: "s.status = 'adopted'" }] },
    { key: 'voice.suggestions_benefit', ...suggestionFacts, events: [{ at: 's.adopted_at', value: 'coalesce(s.benefit_fen, 0)', where: "s.status = 'adopted'" }] },
    // 需求调研: published on the day published, at the union asking; answers on the day answered, at the
    // respondent's union (a QR respondent without one counts at the survey's union).
    { key: 'voice.surveys_published', tables: { v: 'survey' }, from: '{v} v', org: 'v.org_id', events: [{ at: 'v.published_at', value: '1', where: "v.status <> 'draft'" }] },
    {
      key: 'voice.survey_responses',
      tables: { r: 'survey_response', v: 'survey' },
      from: '{r} r join {v} v on v.id = r.survey_id',
      org: 'coalesce(r.union_id, v.org_id)',
      events: [{ at: onDay('r.answered_on'), value: '1' }],
    },
  ],
  indicators: [
    {
      key: 'voice.reports_submitted',
      name: { zh: '随手拍反映', en: 'Reports filed' },
      unit: 'count',
      definition: {
        zh: '期内职工通过随手拍提交的隐患和身边问题条数（合并的重复反映不计），按现在负责的组织统计。',
        en: 'Hazard and community reports workers filed in the period (merged duplicates left out), by the org answering them now.',
      },
      compute: { kind: 'flow', series: 'voice.reports_submitted' },
      dimensions: ['category', 'grid'],
      isHeadline: true,
    },
    {
      key: 'voice.reports_resolved',
      name: { zh: '随手拍已解决', en: 'Reports resolved' },
      unit: 'count',
      definition: {
        zh: '期内标记为已解决的随手拍反映条数（反映人表示未解决而重新办理的，重新解决后再计）。',
        en: 'Reports marked resolved in the period (one the reporter reopened counts again when resolved again).',
      },
      compute: { kind: 'flow', series: 'voice.reports_resolved' },
      dimensions: ['category', 'grid'],
    },
    {
      key: 'voice.reports_escalated',
      name: { zh: '随手拍逾期上报', en: 'Reports escalated as overdue' },
      unit: 'count',
      definition: { zh: '期内因超过办理时限而上报上一级工会的次数，计在逾期的组织。', en: 'Times a report passed its time limit and moved one level up, counted at the org that let it pass.' },
      compute: { kind: 'flow', series: 'voice.reports_escalated' },
      dimensions: ['category'],
    },
    {
      key: 'voice.liaison_visits',
      name: { zh: '对口联系走访', en: 'Liaison visits' },
      unit: 'count',
      definition: { zh: '期内联系干部到所联系工会走访的次数，按被走访的工会统计。', en: 'Visits cadres made to the unions they liaise with in the period, counted at the union visited.' },
      compute: { kind: 'flow', series: 'voice.liaison_visits' },
    },
    {
      key: 'voice.liaison_problems_found',
      name: { zh: '走访发现问题', en: 'Problems found on liaison visits' },
      unit: 'count',
      definition: { zh: '期内走访中发现并列入清单跟踪的问题条数，按走访日期统计。', en: 'Problems found on visits in the period and tracked to resolution, by the day of the visit.' },
      compute: { kind: 'flow', series: 'voice.liaison_problems_found' },
    },
    {
      key: 'voice.liaison_problems_resolved',
      name: { zh: '走访问题已解决', en: 'Liaison problems resolved' },
      unit: 'count',
      definition: { zh: '期内标记为已解决的走访问题条数（重新打开的问题不计，再次解决时按新的日期计）。', en: 'Liaison problems marked resolved in the period (a reopened one leaves the count and counts again on its new date).' },
      compute: { kind: 'flow', series: 'voice.liaison_problems_resolved' },
    },
      {
      key: 'voice.suggestions_submitted',
      name: { zh: '合理化建议', en: 'Suggestions made' },
      unit: 'count',
      definition: { zh: '期内职工向工会提出的合理化建议条数，按提出日期和所提交的工会统计。', en: 'Rationalisation suggestions workers made to their union in the period, by the day made and the union it went to.' },
      compute: { kind: 'flow', series: 'voice.suggestions_submitted' },
      dimensions: ['suggestionCategory'],
      isHeadline: true,
    },
    {
      key: 'voice.suggestions_adopted',
      name: { zh: '合理化建议采纳', en: 'Suggestions adopted' },
      unit: 'count',
      definition: { zh: '期内被采纳的合理化建议条数，按采纳日期统计。', en: 'Suggestions adopted in the period, by the day adopted.' },
      compute: { kind: 'flow', series: 'voice.suggestions_adopted' },
      dimensions: ['suggestionCategory'],
    },
    {
      key: 'voice.suggestions_benefit',
      name: { zh: '合理化建议创效', en: 'Benefit of adopted suggestions' },
      unit: 'fen',
      definition: { zh: '期内采纳的合理化建议登记的节约或创造的经济效益合计，按采纳日期统计。', en: 'Savings or gains recorded for the suggestions adopted in the period, by the day adopted.' },
      compute: { kind: 'flow', series: 'voice.suggestions_benefit' },
      dimensions: ['suggestionCategory'],
    },
    {
      key: 'voice.surveys_published',
      name: { zh: '需求调研发布', en: 'Needs surveys published' },
      unit: 'count',
      definition: { zh: '期内发布的职工需求调研份数，按发布日期和发起调研的工会统计。', en: 'Needs surveys published in the period, by the day published and the union asking.' },
      compute: { kind: 'flow', series: 'voice.surveys_published' },
    },
    {
      key: 'voice.survey_responses',
      name: { zh: '需求调研答卷', en: 'Needs survey responses' },
      unit: 'count',
      definition: { zh: '期内职工提交的需求调研答卷份数，按提交日期和答卷人所在工会统计（扫码填写的非会员计在发起调研的工会）。', en: 'Answers workers gave to needs surveys in the period, by the day answered and the respondent’s union (a non-member answering by QR counts at the union asking).' },
      compute: { kind: 'flow', series: 'voice.survey_responses' },
    },
  ],
});
