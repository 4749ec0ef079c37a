/**
 * Assistance (帮扶): hardship-worker files (困难职工档案) — household, income per head against the
 * district's threshold, documents, the worker's signed consent, two verifiers, the public notice,
 * yearly review and exit; and mutual aid (职工互助保障) — plans per year, enrolment by unions, claims
 * from the phone with review, second approval and payment. Other modules reach it through these
 * exports only.
 */
import './assistance.errors';

export { createHardshipService, hardshipNumber, HOUSEHOLD_ID_PURPOSE, type HardshipService } from './hardship.service';
export { hardshipRoutes } from './hardship.routes';
export { registerHardshipJobs, HARDSHIP_REVIEW_REMINDER_JOB } from './hardship.jobs';
export { hardshipPhotoPaths } from './hardship.photos';
export { hardshipFile, hardshipHouseholdMember, hardshipThreshold } from './assistance.tables';
export { seedDemoHardship } from './hardship.demo';
export { hardshipIndicators } from './hardship.indicators';
export { assistanceTodoSources } from './assistance.todos';
export { createMutualaidService, type MutualaidService } from './mutualaid.service';
export { mutualaidRoutes } from './mutualaid.routes';
export { mutualaidPhotoPaths } from './mutualaid.repository';
export { mutualaidIndicators } from './mutualaid.indicators';
export { seedDemoMutualaid, DEMO_MUTUALAID_RULES } from './mutualaid.demo';
export { createCampaignService, type CampaignService } from './campaign.service';
export { campaignRoutes } from './campaign.routes';
export { campaignPhotoPaths } from './campaign.repository';
export { campaignIndicators } from './campaign.indicators';
export { seedDemoCampaigns } from './campaign.demo';
export { createSpringJobsService, type SpringJobsService } from './jobs.service';
export { springJobsRoutes } from './jobs.routes';
export { jobsIndicators } from './jobs.indicators';
export { seedDemoJobs } from './jobs.demo';
export { createHealthService, type HealthService } from './health.service';
export { healthRoutes } from './health.routes';
export { registerHealthJobs, HEALTH_REMINDER_JOB } from './health.jobs';
export { healthIndicators } from './health.indicators';
export { seedDemoHealth } from './health.demo';
export { createStudyaidService, type StudyaidService } from './studyaid.service';
export { studyaidRoutes } from './studyaid.routes';
export { studyaidPhotoPaths } from './studyaid.repository';
export { studyaidIndicators } from './studyaid.indicators';
export { seedDemoStudyaid } from './studyaid.demo';
export { createCanteenService, type CanteenService } from './canteen.service';
export { canteenRoutes, canteenTerminalRoutes } from './canteen.routes';
export { canteenPhotoPaths } from './canteen.repository';
export { canteenIndicators } from './canteen.indicators';
export { seedDemoCanteen } from './canteen.demo';
