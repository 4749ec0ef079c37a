import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A fresh union staff member of the place's district: a cadre the platform admin may assign to the street. */
async function cadreOf(p: Place, w: World): Promise<string> {
  const db = w.app.database;
  const [u] = await db.query<{ id: string }>(`insert into app_user (username, display_name) values ($1, '矩阵联系干部') returning id`, [`authz.cadre.${++seq}.${Math.random().toString(36).slice(2)}`]);
  await db.query(`insert into role_grant (user_id, role, org_id) values ($1, 'union_staff', $2)`, [u!.id, p.districtId]);
  return u!.id;
}

/** An assignment to the place's street with one visit and one open problem, written directly (the platform admin as cadre). */
async function problemIn(p: Place, w: World): Promise<{ assignmentId: string; id: string; version: number }> {
  const db = w.app.database;
  const [admin] = await db.query<{ id: string }>("select id from app_user where username = 'admin'");
  const [a] = await db.query<{ id: string; version: number }>(
    `insert into liaison_assignment (org_id, cadre_id, kind, started_on) values ($1, $2, 'pair', '2020-01-01') returning id, version`,
    [p.streetId, await cadreOf(p, w)],
  );
  const [v] = await db.query<{ id: string }>(`insert into liaison_visit (assignment_id, org_id, cadre_id, visited_on, summary) values ($1, $2, $3, '2020-01-02', '矩阵走访') returning id`, [
    a!.id,
    p.streetId,
    admin!.id,
  ]);
  const [pr] = await db.query<{ id: string; version: number }>(
    `insert into liaison_problem (visit_id, org_id, cadre_id, owner_id, description, due_on) values ($1, $2, $3, $3, '矩阵问题', '2020-02-01') returning id, version`,
    [v!.id, p.streetId, admin!.id],
  );
  return { assignmentId: a!.id, id: pr!.id, version: pr!.version };
}

const onProblem = (body: (r: { id: string; version: number }) => unknown) => ({
  foreign: async (p: Place, w: World) => {
    const r = await problemIn(p, w);
    return { params: { id: r.id }, body: body(r) };
  },
});

/** Authorisation cases of 对口联系 (test/security/authz-matrix.int.test.ts). */
export const liaisonAuthz: AuthzCases = {
  'GET /api/v1/voice/liaison/cadres': { lists: true },
  'GET /api/v1/voice/liaison/assignments': { lists: { query: { pageSize: 200 } } },
  'POST /api/v1/voice/liaison/assignments': { foreign: async (p, w) => ({ body: { cadreId: await cadreOf(p, w), orgId: p.streetId, kind: 'pair' } }), status: 400 },
  'POST /api/v1/voice/liaison/assignments/{id}/end': {
    foreign: async (p, w) => {
      const r = await problemIn(p, w);
      return { params: { id: r.assignmentId }, body: { version: 1 } };
    },
  },
  'GET /api/v1/voice/liaison/visits': { lists: { query: { pageSize: 200 } } },
  'POST /api/v1/voice/liaison/visits': {
    foreign: async (p, w) => ({ body: { assignmentId: (await problemIn(p, w)).assignmentId, visitedOn: shanghaiToday(), summary: '矩阵走访记录' } }),
  },
  'GET /api/v1/voice/liaison/problems': { lists: { query: { pageSize: 200 } } },
  'GET /api/v1/voice/liaison/problems/{id}': { foreign: async (p, w) => ({ params: { id: (await problemIn(p, w)).id } }) },
  'PUT /api/v1/voice/liaison/problems/{id}': onProblem((r) => ({ version: r.version, dueOn: shanghaiToday() })),
  'POST /api/v1/voice/liaison/problems/{id}/progress': onProblem((r) => ({ version: r.version, note: '矩阵进展' })),
  'POST /api/v1/voice/liaison/problems/{id}/resolve': onProblem((r) => ({ version: r.version, note: '矩阵解决' })),
  'POST /api/v1/voice/liaison/problems/{id}/reopen': {
    foreign: async (p, w) => {
      const r = await problemIn(p, w);
      const [row] = await w.app.database.query<{ version: number }>(`update liaison_problem set status = 'resolved', resolved_at = now(), version = version + 1 where id = $1 returning version`, [r.id]);
      return { params: { id: r.id }, body: { version: row!.version, note: '矩阵重新打开' } };
    },
  },
  'GET /api/v1/voice/liaison/figures': { lists: true },
};
