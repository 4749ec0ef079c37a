/**
 * Rights protection (维权) constants shared by server and web, without zod (the phone bundle
 * imports this file). Issue #15.
 */

/** How a consultation came in: walk-in, the 12351 hotline, online from the phone, a petition (信访). */
export const consultationChannels = ['walk_in', 'hotline', 'online', 'petition'] as const;
export type ConsultationChannel = (typeof consultationChannels)[number];

/** The national trade-union legal hotline. */
export const RIGHTS_HOTLINE = '12351';

export const disputeCategories = ['contract', 'wages', 'work_injury', 'social_insurance', 'dismissal', 'rest_leave', 'other'] as const;
export type DisputeCategory = (typeof disputeCategories)[number];

export const consultationStatuses = ['open', 'answered', 'closed'] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const consultationMessageKinds = ['question', 'reply', 'callback'] as const;
export type ConsultationMessageKind = (typeof consultationMessageKinds)[number];

/**
 * received (登记) → accepted (受理) | rejected (不予受理) | withdrawn;
 * accepted → agreed (调解成功) | failed (调解不成) | withdrawn.
 */
export const caseStatuses = ['received', 'accepted', 'rejected', 'agreed', 'failed', 'withdrawn'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'accepted'];

export const caseSources = ['walk_in', 'hotline', 'online', 'consultation', 'referral'] as const;
export type CaseSource = (typeof caseSources)[number];

/** The one-stop flow 商、调、裁、诉、援、执: negotiate, mediate, arbitrate, sue, legal aid, enforce. */
export const caseStages = ['negotiation', 'mediation', 'arbitration', 'litigation', 'legal_aid', 'enforcement'] as const;
export type CaseStage = (typeof caseStages)[number];

export const partyRoles = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof partyRoles)[number];

export const claimTypes = ['back_pay', 'overtime', 'double_wage', 'severance', 'illegal_termination', 'social_insurance', 'work_injury', 'annual_leave', 'other'] as const;
export type ClaimType = (typeof claimTypes)[number];
/** Claims that count as wage arrears (欠薪) in the recovery figures. */
export const WAGE_ARREARS_CLAIMS: readonly ClaimType[] = ['back_pay', 'overtime'];

/**
 * Clock events. 中断 (interrupt) restarts the one-year arbitration limitation; 中止 (suspend)
 * pauses it until `resume` (劳动争议调解仲裁法 第二十七条). Extensions lengthen the mediation
 * period (with both parties' consent) or the arbitration period (by the commission's chair).
 */
export const clockEventKinds = ['interrupt', 'suspend', 'resume', 'mediation_extension', 'arbitration_extension'] as const;
export type ClockEventKind = (typeof clockEventKinds)[number];
export const interruptReasons = ['claim_made', 'relief_requested', 'agreed_to_perform'] as const;
export const suspendReasons = ['force_majeure', 'other'] as const;

export const clockKinds = ['acceptance', 'mediation', 'limitation', 'arbitration'] as const;
export type ClockKind = (typeof clockKinds)[number];

/** Days before a deadline at which the mediator and their manager are reminded. */
export const REMINDER_DAYS = [7, 3, 1] as const;

/** Statutory defaults: 企业劳动争议协商调解规定 第二十条/第二十五条, 劳动争议调解仲裁法 第二十七条/第四十三条. */
export const DEFAULT_ACCEPTANCE_WORKING_DAYS = 3;
export const MEDIATION_DAYS = 15;
export const MAX_MEDIATION_EXTENSION_DAYS = 15;
export const ARBITRATION_DAYS = 45;
export const ARBITRATION_EXTENSION_DAYS = 15;

export const referralKinds = caseStages;
export type ReferralKind = CaseStage;
export const referralStatuses = ['pending', 'accepted', 'returned'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const paymentMethods = ['transfer', 'cash', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const documentKinds = ['acceptance_notice', 'agreement'] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** Who a copy is for: the worker, the employer (complainant may be sealed), the union's file. */
export const documentAudiences = ['applicant', 'respondent', 'file'] as const;
export type DocumentAudience = (typeof documentAudiences)[number];
export const signerRoles = ['applicant', 'respondent', 'mediator'] as const;
export type SignerRole = (typeof signerRoles)[number];

export const caseMemberRoles = ['mediator', 'intake', 'added'] as const;
export type CaseMemberRole = (typeof caseMemberRoles)[number];

/** The 三员 teams: 劳动关系监督员, 劳动关系信息员, 劳动法律监督员. */
export const teamRoles = ['supervisor', 'informant', 'legal_supervisor'] as const;
export type TeamRole = (typeof teamRoles)[number];

/** The quarterly form of a labour-relations monitoring point (劳动关系监测点). */
export const monitoringIndicators = [
  'headcount',
  'new_hires',
  'layoffs',
  'contract_signed',
  'social_insurance_covered',
  'wage_arrears_workers',
  'wage_arrears_fen',
  'avg_monthly_overtime_hours',
  'disputes',
  'collective_incidents',
] as const;
export type MonitoringIndicator = (typeof monitoringIndicators)[number];

/**
 * A derived figure a threshold can test: a share of the headcount (percent) or a raw value.
 * layoff_rate = layoffs / headcount; contract_rate and insurance_rate likewise.
 */
export const warningMeasures = ['layoff_rate', 'contract_rate', 'insurance_rate', 'wage_arrears_workers', 'avg_monthly_overtime_hours', 'disputes', 'collective_incidents'] as const;
export type WarningMeasure = (typeof warningMeasures)[number];
export const thresholdOps = ['gte', 'lte'] as const;
export type ThresholdOp = (typeof thresholdOps)[number];
export type Threshold = { measure: WarningMeasure; op: ThresholdOp; value: number; level: WarningLevel };
export const warningLevels = ['yellow', 'red'] as const;
export type WarningLevel = (typeof warningLevels)[number];
export const warningStatuses = ['open', 'handled'] as const;

/**
 * The built-in thresholds (a district may set its own). Overtime: 劳动法 第四十一条 caps extended
 * hours at 36 a month; contract and insurance shares below the levels the 和谐劳动关系 criteria ask.
 */
export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  { measure: 'wage_arrears_workers', op: 'gte', value: 1, level: 'red' },
  { measure: 'collective_incidents', op: 'gte', value: 1, level: 'red' },
  { measure: 'layoff_rate', op: 'gte', value: 10, level: 'yellow' },
  { measure: 'avg_monthly_overtime_hours', op: 'gte', value: 36, level: 'yellow' },
  { measure: 'contract_rate', op: 'lte', value: 95, level: 'yellow' },
  { measure: 'insurance_rate', op: 'lte', value: 90, level: 'yellow' },
  { measure: 'disputes', op: 'gte', value: 3, level: 'yellow' },
];

/** The quarterly form is due by this day of the quarter's following month. */
export const DEFAULT_REPORT_DUE_DAY = 10;

export const ratingLevels = ['A', 'AA', 'AAA'] as const;
export type RatingLevel = (typeof ratingLevels)[number];
export const ratingStatuses = ['submitted', 'approved', 'rejected', 'disqualified'] as const;
export type RatingStatus = (typeof ratingStatuses)[number];

/** The criteria an enterprise declares (with evidence) when it applies to be rated 和谐劳动关系企业. */
export const ratingCriteria = [
  'contracts_signed',
  'wages_on_time',
  'social_insurance_full',
  'working_hours_legal',
  'collective_bargaining',
  'workers_congress',
  'open_affairs',
  'safety_no_major_accident',
  'union_established',
  'no_serious_violation',
] as const;
export type RatingCriterion = (typeof ratingCriteria)[number];
/** How many criteria a level needs: all ten for AAA. */
export const RATING_MIN_CRITERIA: Record<RatingLevel, number> = { A: 7, AA: 9, AAA: 10 };

/** A 'YYYYQn' quarter. */
export const QUARTER_RE = /^\d{4}Q[1-4]$/;

/** Law articles staff cite most often; an answer may also cite others in free text. */
export const LAW_CATALOGUE: readonly { law: string; article: string; topic: string }[] = [
  { law: '中华人民共和国劳动合同法', article: '第十条', topic: '建立劳动关系应当订立书面劳动合同' },
  { law: '中华人民共和国劳动合同法', article: '第十九条', topic: '试用期期限' },
  { law: '中华人民共和国劳动合同法', article: '第三十条', topic: '及时足额支付劳动报酬' },
  { law: '中华人民共和国劳动合同法', article: '第三十八条', topic: '劳动者可以解除劳动合同的情形' },
  { law: '中华人民共和国劳动合同法', article: '第三十九条', topic: '用人单位可以解除劳动合同的情形（过失性辞退）' },
  { law: '中华人民共和国劳动合同法', article: '第四十条', topic: '无过失性辞退' },
  { law: '中华人民共和国劳动合同法', article: '第四十六条', topic: '应当支付经济补偿的情形' },
  { law: '中华人民共和国劳动合同法', article: '第四十七条', topic: '经济补偿的计算' },
  { law: '中华人民共和国劳动合同法', article: '第四十八条', topic: '违法解除的继续履行或赔偿金' },
  { law: '中华人民共和国劳动合同法', article: '第八十二条', topic: '未订立书面劳动合同的二倍工资' },
  { law: '中华人民共和国劳动合同法', article: '第八十五条', topic: '未及时足额支付劳动报酬的责任' },
  { law: '中华人民共和国劳动合同法', article: '第八十七条', topic: '违法解除的赔偿金（经济补偿标准的二倍）' },
  { law: '中华人民共和国劳动法', article: '第四十一条', topic: '延长工作时间的限制' },
  { law: '中华人民共和国劳动法', article: '第四十四条', topic: '加班工资的支付标准' },
  { law: '中华人民共和国劳动法', article: '第五十条', topic: '工资应当以货币形式按月支付' },
  { law: '中华人民共和国劳动法', article: '第七十二条', topic: '依法参加社会保险' },
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第五条', topic: '协商、调解、仲裁、诉讼' },
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第十四条', topic: '调解协议书' },
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第十六条', topic: '支付令' },
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第二十七条', topic: '仲裁时效（一年；中断、中止）' },
  { law: '中华人民共和国劳动争议调解仲裁法', article: '第四十三条', topic: '仲裁审理期限' },
  { law: '工伤保险条例', article: '第十四条', topic: '应当认定为工伤的情形' },
  { law: '工伤保险条例', article: '第十七条', topic: '工伤认定申请时限' },
  { law: '职工带薪年休假条例', article: '第三条', topic: '年休假天数' },
  { law: '保障农民工工资支付条例', article: '第十五条', topic: '工资按月足额支付' },
  { law: '企业劳动争议协商调解规定', article: '第二十五条', topic: '调解应当自受理之日起15日内结束' },
  { law: '中华人民共和国民法典', article: '第二百零三条', topic: '期间的最后一日是法定休假日的顺延' },
];
