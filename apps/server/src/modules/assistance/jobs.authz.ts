import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;

/** A job of the place's grassroots union (written directly: cheap, any status), with one application from a fair. */
async function postingIn(p: Place, w: World, status: 'draft' | 'open' = 'draft'): Promise<{ id: string; version: number; applicationId: string }> {
  const n = ++seq;
  const db = w.app.database;
  const [row] = await db.query<{ id: string; version: number }>(
    `insert into job_posting (org_id, employer_name, title, employment_form, pay_min_fen, pay_max_fen, headcount, address, lng, lat, valid_until, status, opened_at)
     values ($1, '矩阵用人单位', $2, 'full_time', 400000, 600000, 5, '矩阵地址', 106.53, 29.58, '2099-12-31', $3, $4) returning id, version`,
    [p.unionId, `矩阵岗位${n}`, status, status === 'open' ? new Date().toISOString() : null],
  );
  const [a] = await db.query<{ id: string }>(
    `insert into job_application (posting_id, org_id, applicant_key, source, name, phone) values ($1, $2, $3, 'fair', '矩阵求职者', '13900000000') returning id`,
    [row!.id, p.unionId, `u:authz-${n}-${Math.random().toString(36).slice(2)}`],
  );
  return { ...row!, applicationId: a!.id };
}

const body = (extra: Record<string, unknown> = {}) => ({
  title: '矩阵岗位',
  employmentForm: 'full_time',
  payMinFen: 400000,
  payMaxFen: 600000,
  headcount: 3,
  address: '矩阵地址',
  location: { lng: 106.53, lat: 29.58, crs: 'wgs84' },
  validUntil: '2099-12-31',
  ...extra,
});

/** Authorisation cases of 春送岗位 (test/security/authz-matrix.int.test.ts). */
export const springJobsAuthz: AuthzCases = {
  'GET /api/v1/assistance/jobs/postings': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }), status: 'hidden' },
  // An employer's grassroots union of the place (the place's own union may be a joint union, which posts no jobs).
  'POST /api/v1/assistance/jobs/postings': { foreign: async (p) => ({ body: { orgId: (await p.org()).id, ...body() } }), status: 400 },
  'GET /api/v1/assistance/jobs/postings/{id}': { foreign: async (p, w) => ({ params: { id: (await postingIn(p, w)).id } }) },
  'PUT /api/v1/assistance/jobs/postings/{id}': {
    foreign: async (p, w) => {
      const j = await postingIn(p, w);
      return { params: { id: j.id }, body: body({ version: j.version }) };
    },
  },
  'POST /api/v1/assistance/jobs/postings/{id}/open': {
    foreign: async (p, w) => {
      const j = await postingIn(p, w);
      return { params: { id: j.id }, body: { version: j.version } };
    },
  },
  'POST /api/v1/assistance/jobs/postings/{id}/close': {
    foreign: async (p, w) => {
      const j = await postingIn(p, w, 'open');
      return { params: { id: j.id }, body: { version: j.version } };
    },
  },
  'GET /api/v1/assistance/jobs/postings/{id}/applications': { foreign: async (p, w) => ({ params: { id: (await postingIn(p, w)).id } }) },
  'POST /api/v1/assistance/jobs/applications/{id}/mark': { foreign: async (p, w) => ({ params: { id: (await postingIn(p, w, 'open')).applicationId }, body: { status: 'viewed', version: 1 } }) },
  'POST /api/v1/assistance/jobs/applications/{id}/reveal': { foreign: async (p, w) => ({ params: { id: (await postingIn(p, w)).applicationId } }) },
  'GET /api/v1/assistance/jobs/fairs': { lists: true },

  'GET /api/v1/assistance/jobs/open': { own: 'open jobs are offered to every signed-in worker: employers’ names and places, no personal data; the caller’s own application only' },
  'GET /api/v1/assistance/jobs/open/{id}': { own: 'one open job (or one the caller applied to); a draft answers 404' },
  'POST /api/v1/assistance/jobs/open/{id}/apply': { own: 'the worker applies as themself (their member identity or account), to an open job' },
  'GET /api/v1/assistance/jobs/mine': { own: 'the caller’s own applications (their member identity and their account)' },
  'POST /api/v1/assistance/jobs/mine/{id}/withdraw': { own: 'only the caller’s own application', othersThing: async (w) => ({ params: { id: (await postingIn(w.street, w, 'open')).applicationId }, body: { version: 1 } }) },
};
