import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
type Made = { teamId: string; activityId: string; personId: string; membershipId: string; pendingId: string; otherId: string };

async function memberOf(p: Place, w: World, n: number, tag: string): Promise<{ personId: string; membershipId: string }> {
  const [person] = await w.app.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'female', '1985-01-01', 'standard') returning id`,
    [p.unionId, `矩阵志愿者${tag}${n}`, `authz-volunteer-${tag}-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await w.app.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  return { personId: person!.id, membershipId: m!.id };
}

/**
 * A volunteer team of the place's grassroots union (written directly: cheap) led by a member, with
 * a pending applicant, another active member, and an activity that ended an hour ago which the
 * leader served in for two hours (confirmed).
 */
async function teamIn(p: Place, w: World): Promise<Made> {
  const n = ++seq;
  const db = w.app.database;
  const leader = await memberOf(p, w, n, 'L');
  const pending = await memberOf(p, w, n, 'P');
  const other = await memberOf(p, w, n, 'O');
  const [t] = await db.query<{ id: string }>(`insert into volunteer_team (org_id, name, leader_person_id, leader_name) values ($1, $2, $3, '矩阵队长') returning id`, [p.unionId, `矩阵志愿服务队${n}`, leader.personId]);
  await db.query(
    `insert into volunteer_member (team_id, person_id, org_id, person_name, status, approved_at) values ($1, $2, $5, '矩阵队长', 'active', now()), ($1, $3, $5, '矩阵申请人', 'pending', null), ($1, $4, $5, '矩阵队员', 'active', now())`,
    [t!.id, leader.personId, pending.personId, other.personId, p.unionId],
  );
  const [a] = await db.query<{ id: string }>(
    `insert into volunteer_activity (team_id, org_id, title, place, starts_at, ends_at, capacity, signed_up, status, confirmed_at) values ($1, $2, '矩阵活动', '矩阵地点', now() - interval '4 hours', now() - interval '1 hour', 10, 1, 'confirmed', now()) returning id`,
    [t!.id, p.unionId],
  );
  await db.query(`insert into volunteer_signup (activity_id, org_id, person_id, person_name, minutes, confirmed_at) values ($1, $2, $3, '矩阵队长', 120, now())`, [a!.id, p.unionId, leader.personId]);
  return { teamId: t!.id, activityId: a!.id, personId: leader.personId, membershipId: leader.membershipId, pendingId: pending.personId, otherId: other.personId };
}

/** A team of the place's union with an open activity ahead (editable and cancellable). */
async function upcomingIn(p: Place, w: World): Promise<{ activityId: string }> {
  const made = await teamIn(p, w);
  const [a] = await w.app.database.query<{ id: string }>(
    `insert into volunteer_activity (team_id, org_id, title, place, starts_at, ends_at, capacity) values ($1, $2, '矩阵未来活动', '矩阵地点', '2030-03-01T01:00:00Z', '2030-03-01T04:00:00Z', 5) returning id`,
    [made.teamId, p.unionId],
  );
  return { activityId: a!.id };
}

const activity = { title: '矩阵新活动', place: '矩阵地点', startsAt: '2030-03-01T01:00:00Z', endsAt: '2030-03-01T04:00:00Z', capacity: 5 };

/** Authorisation cases of 志愿服务 (test/security/authz-matrix.int.test.ts). */
export const volunteerAuthz: AuthzCases = {
  'GET /api/v1/honours/volunteer/teams': { lists: { query: { pageSize: 200 } } },
  // The owning union outside the caller's scope is refused on its field.
  'POST /api/v1/honours/volunteer/teams': { foreign: async (p, w) => ({ body: { orgId: p.unionId, name: `矩阵新队${++seq}`, leaderMembershipId: (await teamIn(p, w)).membershipId } }), status: 400 },
  'GET /api/v1/honours/volunteer/teams/{id}': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).teamId } }) },
  'PUT /api/v1/honours/volunteer/teams/{id}': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).teamId }, body: { orgId: p.unionId, name: `矩阵改名${++seq}`, description: null } }) },
  'POST /api/v1/honours/volunteer/teams/{id}/dissolve': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).teamId } }) },
  'POST /api/v1/honours/volunteer/teams/{id}/members': {
    foreign: async (p, w) => {
      const made = await teamIn(p, w);
      return { params: { id: made.teamId }, body: { membershipId: (await memberOf(p, w, ++seq, 'A')).membershipId } };
    },
  },
  'POST /api/v1/honours/volunteer/teams/{id}/members/{personId}/approve': { foreign: async (p, w) => ({ params: await teamIn(p, w).then((m) => ({ id: m.teamId, personId: m.pendingId })) }) },
  'DELETE /api/v1/honours/volunteer/teams/{id}/members/{personId}': { foreign: async (p, w) => ({ params: await teamIn(p, w).then((m) => ({ id: m.teamId, personId: m.otherId })) }) },
  'GET /api/v1/honours/volunteer/activities': { lists: { query: { pageSize: 200 } } },
  // A team outside the caller's scope is refused on its field.
  'POST /api/v1/honours/volunteer/activities': { foreign: async (p, w) => ({ body: { ...activity, teamId: (await teamIn(p, w)).teamId } }), status: 400 },
  'PUT /api/v1/honours/volunteer/activities/{id}': { foreign: async (p, w) => ({ params: { id: (await upcomingIn(p, w)).activityId }, body: { ...activity, title: '矩阵改期活动' } }) },
  'POST /api/v1/honours/volunteer/activities/{id}/cancel': { foreign: async (p, w) => ({ params: { id: (await upcomingIn(p, w)).activityId }, body: { reason: '矩阵取消' } }) },
  'GET /api/v1/honours/volunteer/activities/{id}/participants': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).activityId } }) },
  'POST /api/v1/honours/volunteer/activities/{id}/participants': {
    foreign: async (p, w) => {
      const made = await teamIn(p, w);
      return { params: { id: made.activityId }, body: { personId: made.otherId } };
    },
  },
  'POST /api/v1/honours/volunteer/activities/{id}/hours': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).activityId }, body: { hours: [] } }) },
  // Hours served in activities outside the caller's scope are not theirs to certify: the volunteer is unknown.
  'GET /api/v1/honours/volunteer/persons/{id}/certificate': { foreign: async (p, w) => ({ params: { id: (await teamIn(p, w)).personId } }) },

  'GET /api/v1/honours/volunteer/my': { own: 'the teams of the caller’s own member union and those above it, the activities of the caller’s own teams (no one else’s personal data), and the caller’s own hours' },
  'POST /api/v1/honours/volunteer/teams/{id}/join': { own: 'the worker applies as their own member identity, to a team of their own union or one above it' },
  'POST /api/v1/honours/volunteer/activities/{id}/signup': { own: 'the worker signs up as their own member identity, only for an activity of a team they are an active member of' },
  'DELETE /api/v1/honours/volunteer/activities/{id}/signup': { own: 'only the caller’s own sign-up (found by the persons of their account)' },
  'GET /api/v1/honours/volunteer/my/certificate': { own: 'the caller’s own confirmed hours (the persons of their account)' },
};
