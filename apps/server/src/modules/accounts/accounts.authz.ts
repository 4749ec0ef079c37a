import type { AuthzCases } from '../../test/security/authz';

/** Authorisation cases of the accounts routes (test/security/authz-matrix.int.test.ts). */
export const accountsAuthz: AuthzCases = {
  'POST /api/v1/auth/login': { open: 'staff sign-in' },
  'POST /api/v1/auth/sms-code': { open: 'a worker asks for a sign-in code' },
  'POST /api/v1/auth/sms-login': { open: 'worker sign-in by code' },
  'POST /api/v1/auth/logout': { own: 'ends the caller’s own session' },
  'GET /api/v1/auth/me': { own: 'the caller’s own account' },
  'POST /api/v1/auth/password': { own: 'changes the caller’s own password (with the current one)' },
  'GET /api/v1/auth/sessions': { own: 'the caller’s own sessions' },
  'DELETE /api/v1/auth/sessions/{id}': { own: 'one of the caller’s own sessions', othersThing: async (w) => ({ params: { id: await w.othersSession() } }) },

  'GET /api/v1/users': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/users/{id}': { foreign: async (p) => ({ params: { id: (await p.user()).id } }) },
  'POST /api/v1/users': { foreign: (p) => ({ body: { username: `mx.new.${p.name}.${Date.now()}`, displayName: '矩阵新用户', password: 'Matrix-pass-2026', role: 'union_staff', orgId: p.streetId } }) },
  'PATCH /api/v1/users/{id}': {
    foreign: async (p) => {
      const u = await p.user();
      return { params: { id: u.id }, body: { version: u.version, displayName: '矩阵改名' } };
    },
  },
  'POST /api/v1/users/{id}/password': {
    foreign: async (p) => {
      const u = await p.user();
      return { params: { id: u.id }, body: { version: u.version, password: 'Matrix-reset-2026' } };
    },
  },
  'POST /api/v1/users/{id}/unlock': { foreign: async (p) => ({ params: { id: (await p.user()).id } }) },
  'POST /api/v1/users/{id}/role-grants': { foreign: async (p) => ({ params: { id: (await p.user()).id }, body: { role: 'station_operator', orgId: p.streetId } }) },
  'DELETE /api/v1/users/{id}/role-grants/{grantId}': {
    foreign: async (p) => {
      const u = await p.user();
      return { params: { id: u.id, grantId: u.grantId } };
    },
  },
  'POST /api/v1/users/{id}/reveal-phone': { foreign: async (p) => ({ params: { id: (await p.user()).id } }) },
};
