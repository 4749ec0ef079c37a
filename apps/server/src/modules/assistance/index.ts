/**
 * Assistance (帮扶). Mutual aid (职工互助保障): plans per year, enrolment by unions, claims from the
 * phone with review, second approval and payment.
 */
export { createMutualaidService, type MutualaidService } from './mutualaid.service';
export { mutualaidRoutes } from './mutualaid.routes';
export { mutualaidPhotoPaths } from './mutualaid.repository';
export { mutualaidIndicators } from './mutualaid.indicators';
export { seedDemoMutualaid, DEMO_MUTUALAID_RULES } from './mutualaid.demo';
