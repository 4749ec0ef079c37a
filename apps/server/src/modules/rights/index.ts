/**
 * Rights protection (维权), issue #15: legal consultations; labour-dispute cases with the statutory
 * clocks of the 劳动争议调解仲裁法 (working days from the shared holiday calendar), confidentiality
 * enforced by the server, referrals along 商、调、裁、诉、援、执, payments and wage-arrears recovery,
 * agreements and acceptance notices with captured signatures; monitoring points with quarterly
 * forms and early warnings; the 三员 rosters; harmonious-enterprise ratings; figures.
 *
 * Wiring (app.ts): `createRightsServices({ db, secrets, dataKeys, holidays, jobs, sms, render })`,
 * then `rightsRoutes` under /api/v1; `services.reminders.sweep()` and
 * `services.monitoring.sweepReports()` are the scheduled work (see startRightsSchedule).
 */
export { createRightsServices, startRightsSchedule, type RightsServices } from './rights.services';
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
