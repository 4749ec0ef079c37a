/**
 * 建会入会 (organizing drives): the enterprise register (企业名录) and its import, yearly targets
 * split down the tree with progress computed from records, the work on an enterprise (cadre,
 * meetings, next steps, reminders) and joining ceremonies whose QR lands on /m/join.
 */
import './organizing.errors';
export { createEnterprisesService, type EnterprisesService } from './enterprises.service';
export { createTargetsService as createOrganizingTargetsService, type OrganizingTargetsService, TARGET_INDICATORS } from './targets.service';
export { createCeremoniesService, joinPathOf, joinViaUnion, type CeremoniesService } from './ceremonies.service';
export { organizingRoutes } from './organizing.routes';
export { organizingIndicators } from './organizing.indicators';
export { organizingTodos } from './organizing.todos';
export { registerOrganizingJobs, ORGANIZING_SWEEP_JOB } from './organizing.jobs';
export { organizingEnterprise, organizingCeremony, organizingEvent, organizingMeeting, organizingStep } from './organizing.tables';
export { meetingPhotoPaths } from './organizing.repository';
