import type { AuthzCases } from '../../test/security/authz';

const onIssue = (body: (version: number) => Record<string, unknown> | Promise<Record<string, unknown>>): AuthzCases[string] => ({
  foreign: async (p) => {
    const issue = await p.issue();
    return { params: { id: issue.id }, body: await body(issue.version) };
  },
});

/** Authorisation cases of stars, feedback and photos (test/security/authz-matrix.int.test.ts). */
export const starsAuthz: AuthzCases = {
  'GET /api/v1/stars/rubric': { foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'PUT /api/v1/stars/rubric': {
    foreign: (p) => ({ query: { orgId: p.districtId }, body: { criteria: [{ key: 'inspection', name: '检查', weight: 100, maxPoints: 10, source: 'inspector' }] } }),
  },
  'GET /api/v1/stars': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/stars/candidates': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/stars/positions/{id}': { foreign: async (p) => ({ params: { id: (await p.position()).id } }) },
  'GET /api/v1/stars/inspections': { lists: { query: { pageSize: 100 } }, foreign: async (p) => ({ query: { positionId: (await p.position()).id } }) },
  'POST /api/v1/stars/inspections': { foreign: async (p) => ({ body: { positionId: (await p.position()).id, inspectedOn: '2026-01-05', scores: { cleanliness: 5, hours_kept: 5, usage: 5 } } }) },
  'POST /api/v1/photos': { own: 'an upload is the uploader’s own photo until they attach it' },
  'POST /api/v1/documents': { own: 'an upload is the uploader’s own document until they attach it' },
  'GET /api/v1/photos/{id}': { own: 'a photo is shown to its uploader and to staff in scope of what it is attached to', othersThing: async (w) => ({ params: { id: await w.othersPhoto() } }) },

  'GET /api/v1/public/positions/{code}': { open: 'the public page of a position (the QR at its door)' },
  'GET /api/v1/feedback/positions/{code}/my-rating': { own: 'the caller’s own rating of a public position' },
  'POST /api/v1/feedback/positions/{code}/ratings': { own: 'a worker rates a public position' },
  'POST /api/v1/feedback/positions/{code}/issues': { own: 'a worker reports a problem at a public position' },
  'GET /api/v1/feedback/mine': { own: 'the caller’s own ratings and reports' },
  'GET /api/v1/feedback/issues': { lists: { query: { pageSize: 100 } }, foreign: async (p) => ({ query: { positionId: (await p.issue()).positionId } }), status: 'hidden' },
  'GET /api/v1/feedback/issues/{id}': { foreign: async (p) => ({ params: { id: (await p.issue()).id } }) },
  'GET /api/v1/feedback/issues/{id}/assignees': { foreign: async (p) => ({ params: { id: (await p.issue()).id } }) },
  'POST /api/v1/feedback/issues/{id}/assign': {
    foreign: async (p) => {
      const [issue, user] = [await p.issue(), await p.user()];
      return { params: { id: issue.id }, body: { userId: user.id, version: issue.version } };
    },
  },
  'POST /api/v1/feedback/issues/{id}/resolve': onIssue((version) => ({ note: '矩阵测试处理', version })),
};

