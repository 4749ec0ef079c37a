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
export { honourPhotoPaths } from './honours.repository';
export { createPartnerService, type PartnerService } from './partner.service';
export { partnerRoutes } from './partner.routes';
export { partnerIndicators } from './partner.indicators';
export { seedDemoPartners } from './partner.demo';
