import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
type Made = { personId: string; membershipId: string; honourId: string; studioId: string };

/**
 * A member of the place's grassroots union holding a district honour, and a studio they lead at
 * that union (written directly: cheap).
 */
async function honouredIn(p: Place, w: World): Promise<Made> {
  const n = ++seq;
  const db = w.app.database;
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'male', '1975-01-01', 'standard') returning id`,
    [p.unionId, `矩阵劳模${n}`, `authz-honours-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  const [h] = await db.query<{ id: string }>(
    `insert into honour (org_id, person_id, membership_id, person_name, level, title, year, awarding_body) values ($1, $2, $3, $4, 'district', 'model_worker', 2020, '矩阵区政府') returning id`,
    [p.unionId, person!.id, m!.id, `矩阵劳模${n}`],
  );
  const [s] = await db.query<{ id: string }>(
    `insert into studio (org_id, name, level, leader_person_id, leader_name, founded_on) values ($1, $2, 'district', $3, $4, '2021-01-01') returning id`,
    [p.unionId, `矩阵工作室${n}`, person!.id, `矩阵劳模${n}`],
  );
  await db.query(`insert into studio_member (studio_id, org_id, person_id, person_name) values ($1, $2, $3, $4)`, [s!.id, p.unionId, person!.id, `矩阵劳模${n}`]);
  return { personId: person!.id, membershipId: m!.id, honourId: h!.id, studioId: s!.id };
}

const honour = { level: 'district', title: 'craftsman', year: 2021, awardingBody: '矩阵区总工会' };
/** A project and a patent of a studio of the place's union. */
async function projectIn(p: Place, w: World): Promise<string> {
  const { studioId } = await honouredIn(p, w);
  const [row] = await w.app.database.query<{ id: string }>(`insert into studio_project (studio_id, org_id, name, year) values ($1, $2, '矩阵项目', 2023) returning id`, [studioId, p.unionId]);
  return row!.id;
}
async function patentIn(p: Place, w: World): Promise<string> {
  const { studioId } = await honouredIn(p, w);
  const [row] = await w.app.database.query<{ id: string }>(`insert into studio_patent (studio_id, org_id, patent_number, title, kind, holders) values ($1, $2, $3, '矩阵专利', 'utility_model', '矩阵劳模') returning id`, [
    studioId,
    p.unionId,
    `ZL-MXP-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
  ]);
  return row!.id;
}
const project = { name: '矩阵改项目', year: 2023, innovations: 1, inventions: 0, savedFen: 0 };

const onStudio = (body: unknown) => ({ foreign: async (p: Place, w: World) => ({ params: { id: (await honouredIn(p, w)).studioId }, body }) });

/** Authorisation cases of 劳模工匠 (test/security/authz-matrix.int.test.ts). */
export const honoursAuthz: AuthzCases = {
  'GET /api/v1/honours': { lists: { query: { pageSize: 200 } } },
  // A member of a union outside the caller's scope is "unknown" on its field.
  'POST /api/v1/honours': { foreign: async (p, w) => ({ body: { ...honour, membershipId: (await honouredIn(p, w)).membershipId } }), status: 400 },
  'GET /api/v1/honours/summary': { lists: true },
  'GET /api/v1/honours/care': { lists: { query: { pageSize: 200 } } },
  'GET /api/v1/honours/not-cared': { lists: { query: { pageSize: 200 } } },
  'POST /api/v1/honours/persons/{id}/care': { foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).personId }, body: { kind: 'visit', caredOn: '2024-01-10', costFen: 100 } }) },
  'GET /api/v1/honours/{id}': { foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).honourId } }) },
  'PUT /api/v1/honours/{id}': { foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).honourId }, body: { ...honour, version: 1 } }) },
  'POST /api/v1/honours/{id}/revoke': { foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).honourId }, body: { reason: '矩阵撤销', version: 1 } }) },
  'GET /api/v1/me/honours': { own: 'the caller’s own honours and care, found by the person records of their account (no one else’s)' },

  'GET /api/v1/honours/studios': { lists: { query: { pageSize: 200 } } },
  // The owning union outside the caller's scope is refused on its field.
  'POST /api/v1/honours/studios': {
    foreign: async (p, w) => ({ body: { name: `矩阵新工作室${++seq}`, level: 'district', orgId: p.unionId, leaderMembershipId: (await honouredIn(p, w)).membershipId, foundedOn: '2022-01-01' } }),
    status: 400,
  },
  'GET /api/v1/honours/studios/{id}': { foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).studioId } }) },
  'PUT /api/v1/honours/studios/{id}': {
    foreign: async (p, w) => {
      const made = await honouredIn(p, w);
      return { params: { id: made.studioId }, body: { name: `矩阵改名工作室${++seq}`, level: 'district', leaderMembershipId: made.membershipId, foundedOn: '2021-01-01', status: 'active', version: 1 } };
    },
  },
  'POST /api/v1/honours/studios/{id}/members': {
    foreign: async (p, w) => {
      const a = await honouredIn(p, w);
      const b = await honouredIn(p, w);
      return { params: { id: a.studioId }, body: { membershipId: b.membershipId } };
    },
  },
  'DELETE /api/v1/honours/studios/{id}/members/{personId}': {
    foreign: async (p, w) => {
      const a = await honouredIn(p, w);
      const b = await honouredIn(p, w);
      await w.app.database.query(`insert into studio_member (studio_id, org_id, person_id, person_name) values ($1, $2, $3, '矩阵成员')`, [a.studioId, p.unionId, b.personId]);
      return { params: { id: a.studioId, personId: b.personId } };
    },
  },
  'POST /api/v1/honours/studios/{id}/projects': onStudio({ name: '矩阵项目', year: 2023, innovations: 1, inventions: 0, savedFen: 0 }),
  'PUT /api/v1/honours/studio-projects/{id}': { foreign: async (p, w) => ({ params: { id: await projectIn(p, w) }, body: project }) },
  'DELETE /api/v1/honours/studio-projects/{id}': { foreign: async (p, w) => ({ params: { id: await projectIn(p, w) } }) },
  'PUT /api/v1/honours/studio-patents/{id}': {
    foreign: async (p, w) => ({ params: { id: await patentIn(p, w) }, body: { patentNumber: `ZL-MXU-${++seq}-${Math.random().toString(36).slice(2, 8)}`, title: '矩阵改专利', kind: 'invention', holders: '矩阵劳模' } }),
  },
  'DELETE /api/v1/honours/studio-patents/{id}': { foreign: async (p, w) => ({ params: { id: await patentIn(p, w) } }) },
  'POST /api/v1/honours/studios/{id}/patents': {
    foreign: async (p, w) => ({ params: { id: (await honouredIn(p, w)).studioId }, body: { patentNumber: `ZL-MX-${++seq}-${Math.random().toString(36).slice(2, 8)}`, title: '矩阵专利', kind: 'utility_model', holders: '矩阵劳模' } }),
  },
};
