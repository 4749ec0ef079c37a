import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;

/** A new report routed to the place's street union, written directly (a worker's sign-in code is rate-limited across the matrix). */
async function reportIn(p: Place, w: World, category = 'neighbourhood'): Promise<{ id: string; version: number }> {
  const [reporter] = await w.app.database.query<{ id: string }>("select id from app_user where username = 'admin'");
  const n = ++seq;
  const [row] = await w.app.database.query<{ id: string; version: number }>(
    `insert into voice_report (org_id, category_key, description, lng, lat, reporter_id, due_at) values ($1, $2, $3, 106.57, 29.59, $4, now() + interval '1 day') returning id, version`,
    [p.streetId, category, `矩阵随手拍${n}`, reporter!.id],
  );
  return row!;
}

const onReport = (body: (r: { id: string; version: number }, p: Place) => unknown) => ({
  foreign: async (p: Place, w: World) => {
    const r = await reportIn(p, w);
    return { params: { id: r.id }, body: body(r, p) };
  },
});

/** Authorisation cases of the voice module (test/security/authz-matrix.int.test.ts). */
export const voiceAuthz: AuthzCases = {
  'GET /api/v1/public/voice/reports': { open: 'the public map of reports: category, status, a rounded point and dates, nothing personal' },
  'GET /api/v1/voice/categories': { own: 'the categories and their time limits, the same for everyone' },
  'GET /api/v1/voice/reports/nearby': { own: 'open reports near a point, without who filed them (offered as 我也遇到了)' },
  'POST /api/v1/voice/reports': { own: 'a worker files their own report' },
  'GET /api/v1/voice/reports/mine': { own: 'the reports the caller filed or joined' },
  'POST /api/v1/voice/reports/{id}/me-too': { own: 'any worker may join an open report; the answer is the caller’s own view of it' },
  'POST /api/v1/voice/reports/{id}/confirm': { own: 'only the reporter answers (others get 403)' },
  'POST /api/v1/voice/reports/{id}/reopen': { own: 'only the reporter answers (others get 403)' },
  'GET /api/v1/voice/reports': { lists: { query: { pageSize: 200 } } },
  'GET /api/v1/voice/reports/{id}': { foreign: async (p, w) => ({ params: { id: (await reportIn(p, w)).id } }) },
  'POST /api/v1/voice/reports/{id}/accept': onReport((r) => ({ version: r.version })),
  'POST /api/v1/voice/reports/{id}/progress': onReport((r) => ({ version: r.version, note: '矩阵测试进展' })),
  'POST /api/v1/voice/reports/{id}/reply': onReport((r) => ({ version: r.version, note: '矩阵测试回复' })),
  'POST /api/v1/voice/reports/{id}/resolve': onReport((r) => ({ version: r.version, note: '矩阵测试解决' })),
  'POST /api/v1/voice/reports/{id}/reassign': onReport((r, p) => ({ version: r.version, orgId: p.districtId, reason: '矩阵测试转办' })),
  'POST /api/v1/voice/reports/{id}/merge': {
    foreign: async (p, w) => {
      const [a, b] = [await reportIn(p, w), await reportIn(p, w)];
      return { params: { id: a.id }, body: { version: a.version, intoId: b.id } };
    },
  },
  'GET /api/v1/voice/grid-members': { lists: true },
  'POST /api/v1/voice/grid-members': { foreign: (p) => ({ body: { phone: '13800000001', orgId: p.streetId } }), status: 400 },
  'DELETE /api/v1/voice/grid-members/{id}': {
    foreign: async (p, w) => {
      const [u] = await w.app.database.query<{ id: string }>("select id from app_user where username = 'jb.lawyer'");
      const [row] = await w.app.database.query<{ id: string }>(
        'insert into voice_grid_member (org_id, user_id) values ($1, $2) on conflict (user_id) do update set org_id = excluded.org_id returning id',
        [p.streetId, u!.id],
      );
      return { params: { id: row!.id } };
    },
  },
};
