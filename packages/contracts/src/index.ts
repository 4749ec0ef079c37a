export * from './domain';
export * from './common';
export * from './orgs';
export * from './auth';
export * from './users';
export * from './audit';
