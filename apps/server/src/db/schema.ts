// Every table, for drizzle-kit and the typed query builder. Tables are defined in their modules.
export * from '../platform/platform.tables';
export * from '../modules/orgs/orgs.tables';
export * from '../modules/accounts/accounts.tables';
export * from '../modules/members/members.tables';
export * from '../modules/positions/positions.tables';
export * from '../platform/jobs/jobs.tables';
export * from '../modules/positions/network.tables';
export * from '../modules/stars/stars.tables';
export * from '../modules/positions/coverage.tables';
export * from '../modules/positions/standards.tables';
export * from '../modules/access/access.tables';
export * from '../modules/fund/fund.tables';
export * from '../platform/holidays/holidays.tables';
export * from '../modules/rights/consultations.tables';
export * from '../modules/rights/cases.tables';
export * from '../modules/rights/documents.tables';
export * from '../modules/rights/monitoring.tables';
