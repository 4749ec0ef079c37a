import type { AuthzCases } from '../../test/security/authz';
import { XLSX_TYPE } from '../../test/security/authz-world';
import { PNG } from '../../test/files';

const onMember = (body: (version: number) => Record<string, unknown>): AuthzCases[string] => ({
  foreign: async (p) => {
    const m = await p.member();
    return { params: { id: m.id }, body: body(m.version) };
  },
});

/** Authorisation cases of members, joining and the member spreadsheets (test/security/authz-matrix.int.test.ts). */
export const membersAuthz: AuthzCases = {
  'GET /api/v1/members': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/members/applications': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/members/stats': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/members/export': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/members/{id}': { foreign: async (p) => ({ params: { id: (await p.member()).id } }) },
  'PATCH /api/v1/members/{id}': onMember((version) => ({ version, employerName: '矩阵单位' })),
  'POST /api/v1/members/{id}/approve': onMember((version) => ({ version })),
  'POST /api/v1/members/approve-batch': {
    foreign: async (p) => {
      const m = await p.member();
      return { body: { items: [{ id: m.id, version: m.version }] } };
    },
  },
  'POST /api/v1/members/{id}/reject': onMember((version) => ({ version, reason: '矩阵测试' })),
  'POST /api/v1/members/{id}/suspend': onMember((version) => ({ version, reason: '矩阵测试' })),
  'POST /api/v1/members/{id}/resume': onMember((version) => ({ version })),
  'POST /api/v1/members/{id}/leave': onMember((version) => ({ version, reason: '矩阵测试' })),
  'POST /api/v1/members/{id}/transfer': {
    foreign: async (p) => {
      const m = await p.member();
      return { params: { id: m.id }, body: { version: m.version, orgId: p.unionId, reason: '矩阵测试' } };
    },
  },
  'PUT /api/v1/members/{id}/photo': { foreign: async (p) => ({ params: { id: (await p.memberWithPhoto()).id }, query: { consent: 'true' }, raw: { contentType: 'image/png', data: PNG } }) },
  'GET /api/v1/members/{id}/photo': { foreign: async (p) => ({ params: { id: (await p.memberWithPhoto()).id } }) },
  'DELETE /api/v1/members/{id}/photo': { foreign: async (p) => ({ params: { id: (await p.memberWithPhoto()).id } }) },
  'POST /api/v1/members/{id}/reveal': { foreign: async (p) => ({ params: { id: (await p.member()).id }, body: { field: 'idNumber' } }) },

  'GET /api/v1/members/imports/template': { own: 'the template; its union and street sheet lists the caller’s own scope only (import-registers.int.test.ts)' },
  'POST /api/v1/members/imports': { foreign: (p, w) => ({ query: { orgId: p.unionId, fileName: `foreign-${p.name}.xlsx` }, raw: { contentType: XLSX_TYPE, data: w.files.memberTemplate } }) },
  'GET /api/v1/members/imports': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/members/imports/{id}': { foreign: async (p) => ({ params: { id: (await p.memberImport()).id } }) },
  'GET /api/v1/members/imports/{id}/report': { foreign: async (p) => ({ params: { id: (await p.memberImport()).id } }) },
  'POST /api/v1/members/imports/{id}/commit': {
    foreign: async (p) => {
      const batch = await p.memberImport();
      return { params: { id: batch.id }, body: { version: batch.version, mode: 'only_valid' } };
    },
  },

  'POST /api/v1/members/applications': { own: 'a worker applies for themself (to any open union: joining is open to all)' },
  'POST /api/v1/members/me/person': { own: 'a worker saves their own real name' },
  'GET /api/v1/members/me': { own: 'the caller’s own membership' },
  'GET /api/v1/members/me/card': { own: 'the caller’s own card' },
  'POST /api/v1/members/me/application/withdraw': { own: 'a worker withdraws their own pending application' },
  'GET /api/v1/members/union-suggestions': { own: 'public union names and addresses for the joining form' },
  'GET /api/v1/members/verify': { open: 'a scanned membership card: valid or not, name and union only' },
};
