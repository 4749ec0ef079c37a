/**
 * 通知公告 (notices): staff publish plain-text notices to their union's subtree; the phone's home
 * page shows the notices of the worker's union chain (their union and every union above it).
 */
export { createNoticesService, type NoticesService } from './notices.service';
export { noticesRoutes } from './notices.routes';
export { notice } from './notices.tables';
