/**
 * 劳模工匠 (model workers and craftsmen): members' honours with year and awarding body, care for
 * the honoured (体检, 疗休养, 走访慰问), and model-worker and craftsman innovation studios with their
 * leader, members, projects and patents. Other modules reach it through these exports only.
 */
import './honours.errors';
import './partner.errors';

export { createHonoursService, type HonoursService } from './honours.service';
export { createStudioService, type StudioService } from './studio.service';
export { honoursRoutes } from './honours.routes';
export { studioRoutes } from './studio.routes';
export { honoursIndicators } from './honours.indicators';
export { seedDemoHonours } from './honours.demo';
export { hasActiveHonour, honourPhotoPaths } from './honours.repository';
export { createVolunteerService, type VolunteerService } from './volunteer.service';
export { volunteerRoutes } from './volunteer.routes';
export { volunteerIndicators } from './volunteer.indicators';
export { seedDemoVolunteers } from './volunteer.demo';
export { volunteerTodos } from './volunteer.todos';
export { registerVolunteerJobs, VOLUNTEER_REMINDER_JOB } from './volunteer.jobs';
export { createPartnerService, type PartnerService } from './partner.service';
export { partnerRoutes } from './partner.routes';
export { partnerIndicators } from './partner.indicators';
export { seedDemoPartners } from './partner.demo';
export { partnerTodos } from './partner.todos';
