import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;

/**
 * A hardship file of the place's grassroots union, written directly (a worker's sign-in code is
 * rate-limited across the matrix), in `status`, with one household member and, in notice, one
 * pending objection. The member ids are made up: no foreign key ties a file to a membership.
 */
async function fileIn(p: Place, w: World, status = 'draft'): Promise<{ id: string; version: number; memberId: string; objectionId: string | null }> {
  const [admin] = await w.app.database.query<{ id: string }>("select id from app_user where username = 'admin'");
  const n = ++seq;
  const [row] = await w.app.database.query<{ id: string; version: number }>(
    `insert into hardship_file (org_id, membership_id, person_id, applicant_name, opened_by, opened_via, status, causes, household_size, notice_starts_on, notice_ends_on)
     values ($1, gen_random_uuid(), gen_random_uuid(), $2, $3, 'staff', $4, '{illness}', 1, $5, $6) returning id, version`,
    [p.unionId, `矩阵困难职工${n}`, admin!.id, status, status === 'notice' ? '2026-01-01' : null, status === 'notice' ? '2026-01-10' : null],
  );
  const [member] = await w.app.database.query<{ id: string }>(`insert into hardship_household_member (file_id, name, relation, monthly_income_fen) values ($1, $2, 'self', 0) returning id`, [row!.id, `矩阵困难职工${n}`]);
  let objectionId: string | null = null;
  if (status === 'notice') {
    const [o] = await w.app.database.query<{ id: string }>(`insert into hardship_objection (file_id, text, raised_on, recorded_by) values ($1, '矩阵异议', '2026-01-02', $2) returning id`, [row!.id, admin!.id]);
    objectionId = o!.id;
  }
  return { ...row!, memberId: member!.id, objectionId };
}

const onFile = (body: (version: number) => Record<string, unknown>, status = 'draft') => ({
  foreign: async (p: Place, w: World) => {
    const f = await fileIn(p, w, status);
    return { params: { id: f.id }, body: body(f.version) };
  },
});

/** Authorisation cases of the assistance module (test/security/authz-matrix.int.test.ts). */
export const assistanceAuthz: AuthzCases = {
  'GET /api/v1/assistance/hardship/mine': { own: 'the caller’s own hardship files (found by their member identity)' },
  'POST /api/v1/assistance/hardship/mine': { own: 'a worker opens their own file, as the active member they are' },
  'PATCH /api/v1/assistance/hardship/mine/{id}': { own: 'only a file of the caller’s own person; another’s answers 404' },
  'POST /api/v1/assistance/hardship/mine/{id}/household': { own: 'only a file of the caller’s own person; another’s answers 404' },
  'POST /api/v1/assistance/hardship/mine/{id}/household/{memberId}/remove': { own: 'only a file of the caller’s own person; another’s answers 404' },
  'POST /api/v1/assistance/hardship/mine/{id}/documents': { own: 'only a file of the caller’s own person, with a photo the caller uploaded' },
  'POST /api/v1/assistance/hardship/mine/{id}/consent': { own: 'the worker signs the consent of their own file only' },
  'POST /api/v1/assistance/hardship/mine/{id}/submit': { own: 'only a file of the caller’s own person; another’s answers 404' },

  'GET /api/v1/assistance/hardship/files': { lists: { query: { pageSize: 200 } }, foreign: (p) => ({ query: { orgId: p.streetId } }), status: 'hidden' },
  'POST /api/v1/assistance/hardship/files': {
    // The place's one shared member (a new member each time would spend the matrix's sign-in codes).
    foreign: async (p) => ({ body: { membershipId: (await p.memberWithPhoto()).id, causes: ['illness'] } }),
    status: 400,
  },
  'GET /api/v1/assistance/hardship/files/{id}': { foreign: async (p, w) => ({ params: { id: (await fileIn(p, w)).id } }) },
  'PATCH /api/v1/assistance/hardship/files/{id}': onFile((version) => ({ causes: ['disability'], version })),
  'POST /api/v1/assistance/hardship/files/{id}/household': onFile((version) => ({ name: '矩阵家属', relation: 'spouse', monthlyIncomeFen: 150000, version })),
  'POST /api/v1/assistance/hardship/files/{id}/household/{memberId}/remove': {
    foreign: async (p, w) => {
      const f = await fileIn(p, w);
      return { params: { id: f.id, memberId: f.memberId }, body: { version: f.version } };
    },
  },
  'POST /api/v1/assistance/hardship/files/{id}/household/{memberId}/reveal': {
    foreign: async (p, w) => {
      const f = await fileIn(p, w);
      return { params: { id: f.id, memberId: f.memberId } };
    },
  },
  'POST /api/v1/assistance/hardship/files/{id}/documents': {
    foreign: async (p, w) => {
      const f = await fileIn(p, w);
      return { params: { id: f.id }, body: { photoId: await w.admin.uploadPhoto(), kind: 'medical', version: f.version } };
    },
  },
  'POST /api/v1/assistance/hardship/files/{id}/submit': onFile((version) => ({ version })),
  'POST /api/v1/assistance/hardship/files/{id}/verify': onFile((version) => ({ tier: 'relative', version }), 'submitted'),
  'POST /api/v1/assistance/hardship/files/{id}/return': onFile((version) => ({ note: '矩阵退回', version }), 'submitted'),
  'POST /api/v1/assistance/hardship/files/{id}/notice': onFile((version) => ({ startsOn: '2026-01-01', endsOn: '2026-01-07', version }), 'verified'),
  'POST /api/v1/assistance/hardship/files/{id}/objections': onFile((version) => ({ text: '矩阵异议', version }), 'notice'),
  'POST /api/v1/assistance/hardship/files/{id}/objections/{objectionId}/decide': {
    foreign: async (p, w) => {
      const f = await fileIn(p, w, 'notice');
      return { params: { id: f.id, objectionId: f.objectionId! }, body: { outcome: 'dismissed', note: '矩阵处理', version: f.version } };
    },
  },
  'POST /api/v1/assistance/hardship/files/{id}/close-notice': onFile((version) => ({ version }), 'notice'),
  'POST /api/v1/assistance/hardship/files/{id}/review': onFile((version) => ({ outcome: 'continue', note: '矩阵复核', version }), 'active'),
  'POST /api/v1/assistance/hardship/files/{id}/exit': onFile((version) => ({ kind: 'withdrawn', reason: '矩阵撤档', version })),
  'GET /api/v1/assistance/hardship/threshold': { foreign: (p) => ({ query: { orgId: p.streetId } }) },
  'PUT /api/v1/assistance/hardship/threshold': { foreign: (p) => ({ query: { orgId: p.districtId }, body: { monthlyFenPerHead: 100000 } }) },
};
