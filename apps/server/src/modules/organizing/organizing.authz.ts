import { creditCodeCheckChar } from '@niangjia/contracts';
import type { AuthzCases, Place, Req, RouteCase, World } from '../../test/security/authz';

type Made = { id: string; version: number };
const O = '/api/v1/organizing';
const YEAR = 2026;
let serial = 0;
const creditCode = () => {
  const first17 = `91500105MA${String(8_200_000 + ++serial)}`;
  return first17 + creditCodeCheckChar(first17);
};

// An enterprise of the place, made through the platform admin's API (a fresh one per call).
const newEnterprise = (p: Place, w: World) => w.asAdmin<Made>('POST', `${O}/enterprises`, { body: { orgId: p.streetId, name: `矩阵测试企业${++serial}`, creditCode: creditCode() } });
const onEnterprise = (body?: (e: Made, p: Place) => unknown): RouteCase => ({
  foreign: async (p, w): Promise<Req> => {
    const e = await newEnterprise(p, w);
    return { params: { id: e.id }, ...(body ? { body: body(e, p) } : {}) };
  },
});

/** Authorisation cases of 建会入会 (test/security/authz-matrix.int.test.ts). */
export const organizingAuthz: AuthzCases = {
  'GET /api/v1/organizing/enterprises': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'POST /api/v1/organizing/enterprises': { foreign: (p) => ({ body: { orgId: p.streetId, name: `矩阵新增企业${++serial}`, creditCode: creditCode() } }) },
  'POST /api/v1/organizing/enterprises/import': {
    foreign: (p) => ({ query: { orgId: p.streetId, dryRun: true }, raw: { contentType: 'text/csv', data: Buffer.from(`企业名称,统一社会信用代码\n矩阵导入企业,${creditCode()}\n`) } }),
  },
  'GET /api/v1/organizing/enterprises/points': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/organizing/enterprises/{id}': onEnterprise(),
  'PATCH /api/v1/organizing/enterprises/{id}': onEnterprise((e) => ({ address: '矩阵测试地址', version: e.version })),
  'POST /api/v1/organizing/enterprises/{id}/start-founding': onEnterprise((e) => ({ version: e.version })),
  'POST /api/v1/organizing/enterprises/{id}/found': onEnterprise((e, p) => ({ version: e.version, parentOrgId: p.streetId, foundedOn: '2026-11-02' })),
  'GET /api/v1/organizing/enterprises/{id}/cadres': onEnterprise(),
  'POST /api/v1/organizing/enterprises/{id}/assign': onEnterprise((e) => ({ userId: null, version: e.version })),
  'POST /api/v1/organizing/enterprises/{id}/meetings': onEnterprise(() => ({ kind: 'enterprise_meeting', heldOn: '2026-11-02', attendance: 8 })),
  'POST /api/v1/organizing/enterprises/{id}/steps': onEnterprise(() => ({ title: '矩阵测试事项', dueOn: '2026-12-31' })),
  'POST /api/v1/organizing/enterprises/{id}/steps/{stepId}/done': {
    foreign: async (p, w) => {
      const e = await newEnterprise(p, w);
      const step = await w.asAdmin<{ id: string }>('POST', `${O}/enterprises/${e.id}/steps`, { body: { title: '矩阵测试事项', dueOn: '2026-12-31' } });
      return { params: { id: e.id, stepId: step.id } };
    },
  },
  'GET /api/v1/organizing/overdue': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'GET /api/v1/organizing/targets': { lists: { query: { year: YEAR } }, foreign: (p) => ({ query: { orgId: p.streetId, year: YEAR } }) },
  'PUT /api/v1/organizing/targets/{id}': { foreign: (p) => ({ params: { id: p.streetId }, body: { year: YEAR, children: [] } }) },
  'GET /api/v1/organizing/export': { lists: { query: { year: YEAR } }, foreign: (p) => ({ query: { orgId: p.streetId, year: YEAR } }) },
  'GET /api/v1/organizing/ceremonies': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'POST /api/v1/organizing/ceremonies': { foreign: (p) => ({ body: { unionOrgId: p.unionId, title: '矩阵测试入会仪式', heldOn: '2026-11-02' } }) },
  'GET /api/v1/public/joining-points/{code}': { open: 'the QR of a joining point: the union it preselects on /m/join, nothing personal' },
  'GET /api/v1/public/ceremonies/{code}': { open: 'the QR of a ceremony: the union it preselects on /m/join, nothing personal' },
};
