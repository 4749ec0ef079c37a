/**
 * Rights protection (维权), issue #15: legal consultations; labour-dispute cases with the statutory
 * clocks of the 劳动争议调解仲裁法 (working days from the shared holiday calendar), confidentiality
 * enforced by the server, referrals along 商、调、裁、诉、援、执, payments and wage-arrears recovery,
 * agreements and acceptance notices with captured signatures; monitoring points with quarterly
 * forms and early warnings; the 三员 rosters; harmonious-enterprise ratings; figures.
 *
 * Wiring (app.ts): `createRightsServices({ db, secrets, dataKeys, holidays, render })`, then
 * `rightsRoutes` under /api/v1; `registerRightsJobs({ jobs, rights })` registers the hourly
 * deadline and quarterly-form sweep as a job-runner schedule; `rightsTodoSources` are the module's
 * 待办 (consultations to answer, referrals to accept, open warnings). People are told through
 * platform/notifications' `notify()`.
 */
export { createRightsServices, type RightsServices } from './rights.services';
export { registerRightsJobs, RIGHTS_SWEEP_JOB } from './rights.jobs';
export { rightsTodoSources } from './rights.todos';
export { rightsRoutes } from './rights.routes';
export { rightsIndicators } from './rights.indicators';
export { computeClocks, computeLimitation, runningClocks } from './clocks';
export { agreementSpec, acceptanceNoticeSpec, specLines, type DocumentSpec, type DocBlock } from './documents.templates';
export type { PdfRender } from './documents.service';
export { renderRightsPdf } from './documents.pdf';
export { refreshClocks } from './case-clocks';
export { DEMO_INFORMANT_PHONE } from './demo-constants';
export * from './consultations.tables';
export * from './cases.tables';
export * from './documents.tables';
export * from './monitoring.tables';
