import type { AuthzCases } from '../../test/security/authz';

/** Authorisation cases of the union tree (test/security/authz-matrix.int.test.ts). */
export const orgsAuthz: AuthzCases = {
  'GET /api/v1/orgs': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { under: p.streetId } }) },
  'GET /api/v1/orgs/{id}': { foreign: (p) => ({ params: { id: p.streetId } }) },
  'POST /api/v1/orgs': { foreign: (p) => ({ body: { code: `MX-NEW-${p.name.toUpperCase()}`, type: 'community', parentId: p.streetId, name: '矩阵新社区工会' } }) },
  'PATCH /api/v1/orgs/{id}': {
    foreign: async (p) => {
      const o = await p.org();
      return { params: { id: o.id }, body: { version: o.version, name: `${o.code}改名` } };
    },
  },
  'POST /api/v1/orgs/{id}/move': {
    foreign: async (p) => {
      const o = await p.org();
      return { params: { id: o.id }, body: { version: o.version, parentId: p.streetId } };
    },
  },
  'POST /api/v1/orgs/{id}/close': {
    foreign: async (p) => {
      const o = await p.org();
      return { params: { id: o.id }, body: { version: o.version, reason: '矩阵测试关闭' } };
    },
  },
  'POST /api/v1/orgs/{id}/reopen': {
    foreign: async (p) => {
      const o = await p.org();
      return { params: { id: o.id }, body: { version: o.version } };
    },
  },
  'GET /api/v1/public/figures': { open: 'the big screen’s public figures (counts only, no personal data)' },
  'GET /api/v1/divisions': { own: 'the national division codes: reference data, the same for everyone' },
};
