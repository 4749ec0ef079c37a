/** The audit log's search (the log itself is written by platform/audit in every module's transactions). */
export { auditRoutes, listAuditEntries } from './audit.routes';
