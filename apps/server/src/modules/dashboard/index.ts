/**
 * 工作台 (the console's home): recent activity from the audit log, written for people. The
 * figures come from the modules' own endpoints (and later the indicator catalogue); the 待办 from
 * platform/notifications.
 */
export { createActivityService, type ActivityService } from './activity.service';
export { dashboardRoutes } from './dashboard.routes';
