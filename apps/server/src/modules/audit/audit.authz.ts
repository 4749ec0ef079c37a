import type { AuthzCases } from '../../test/security/authz';

/** Authorisation cases of the audit log (test/security/authz-matrix.int.test.ts). */
export const auditAuthz: AuthzCases = {
  'GET /api/v1/audit-entries': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
};
