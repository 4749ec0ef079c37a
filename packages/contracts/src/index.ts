export * from './domain';
export * from './common';
export * from './orgs';
export * from './auth';
export * from './users';
export * from './audit';
export * from './members';
export * from './id-number';
