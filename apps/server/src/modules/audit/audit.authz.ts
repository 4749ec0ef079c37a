import type { AuthzCases } from '../../platform/security/authz';

/** Authorisation cases of the audit log (platform/security/authz-matrix.int.test.ts). */
export const auditAuthz: AuthzCases = {
  'GET /api/v1/audit-entries': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
};
