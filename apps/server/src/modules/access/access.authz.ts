import type { AuthzCases } from '../../test/security/authz';

const onController = (body: (version: number) => Record<string, unknown>): AuthzCases[string] => ({
  foreign: async (p) => {
    const c = await p.controller();
    return { params: { id: c.id }, body: body(c.version) };
  },
});
const onAlarm = (body: (version: number) => Record<string, unknown>): AuthzCases[string] => ({
  foreign: async (p) => {
    const a = await p.alarm();
    return { params: { id: a.id }, body: body(a.version) };
  },
});

/** Authorisation cases of the smart-station doors (test/security/authz-matrix.int.test.ts). */
export const accessAuthz: AuthzCases = {
  'GET /api/v1/door-controllers': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'POST /api/v1/door-controllers': { foreign: async (p) => ({ body: { positionId: (await p.position()).id, name: '矩阵新门' } }) },
  'GET /api/v1/door-controllers/{id}': { foreign: async (p) => ({ params: { id: (await p.controller()).id } }) },
  'PATCH /api/v1/door-controllers/{id}': onController((version) => ({ version, name: '矩阵改名门' })),
  'POST /api/v1/door-controllers/{id}/rotate-secret': onController((version) => ({ version })),
  'POST /api/v1/door-controllers/{id}/revoke': onController((version) => ({ version })),
  'GET /api/v1/positions/{id}/door-policy': { foreign: async (p) => ({ params: { id: (await p.position()).id } }) },
  'PUT /api/v1/positions/{id}/door-policy': {
    foreign: async (p) => ({ params: { id: (await p.position()).id }, body: { scanHours: 'always', whoMayEnter: 'real_name', isClosed: false, rateLimitPer10Min: 5, version: 0 } }),
  },
  'GET /api/v1/positions/{id}/usage': { foreign: async (p) => ({ params: { id: (await p.position()).id } }) },
  'GET /api/v1/door-bans': { lists: { query: { pageSize: 100 } }, foreign: async (p) => ({ query: { positionId: (await p.ban()).positionId } }), status: 'hidden' },
  'POST /api/v1/door-bans': { foreign: async (p) => ({ body: { positionId: (await p.position()).id, phone: '13600008888', reason: '矩阵测试' } }) },
  'DELETE /api/v1/door-bans/{id}': { foreign: async (p) => ({ params: { id: (await p.ban()).id } }) },
  'GET /api/v1/door-entries': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/door-alarms': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/door-alarms/summary': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'POST /api/v1/door-alarms/{id}/acknowledge': onAlarm((version) => ({ version })),
  'POST /api/v1/door-alarms/{id}/resolve': onAlarm((version) => ({ version, note: '矩阵测试' })),
  'GET /api/v1/doors/{deviceId}': { open: 'what the door page shows before sign-in: station name, hours, phone' },
  'POST /api/v1/doors/{deviceId}/open': { own: 'a signed-in worker scans a door; the code on the door is the proof (access.int.test.ts)' },
};
