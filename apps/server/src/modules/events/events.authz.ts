import type { AuthzCases, Place, World } from '../../test/security/authz';

type Ev = { id: string; version: number };
type Reg = { id: string; version: number; status: string };

const iso = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
let seq = 0;
const eventBody = (orgId: string, capacity = 5) => ({
  orgId,
  type: 'training',
  title: `矩阵活动${++seq}`,
  address: '矩阵测试地址',
  startsAt: iso(48),
  endsAt: iso(50),
  signupOpensAt: iso(-1),
  signupClosesAt: iso(24),
  capacity,
});

/** An event of the place's street union, made (and optionally published) by the platform admin. */
async function eventIn(p: Place, w: World, opts: { publish?: boolean; capacity?: number } = {}): Promise<Ev> {
  const e = await w.asAdmin<Ev>('POST', '/api/v1/events', { body: eventBody(p.streetId, opts.capacity) });
  if (!opts.publish) return e;
  return w.asAdmin<Ev>('POST', '/api/v1/events/{id}/publish', { params: { id: e.id }, body: { version: e.version } });
}

/**
 * An active member of the place's grassroots union, written directly: Place.member() signs a worker
 * in by SMS code, and the codes' rate limit is shared with every other module's cases.
 */
async function memberIn(p: Place, w: World): Promise<{ id: string }> {
  const n = ++seq;
  const [person] = await w.app.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'female', '1990-01-01', 'courier') returning id`,
    [p.unionId, `矩阵报名${n}`, `authz-event-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await w.app.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  return m!;
}

/** A published event of the place with a member of the place registered (and, with `waiting`, a second one on the waiting list). */
async function registrationIn(p: Place, w: World, waiting = false): Promise<{ event: Ev; reg: Reg }> {
  const event = await eventIn(p, w, { publish: true, capacity: 1 });
  const members = waiting ? [await memberIn(p, w), await memberIn(p, w)] : [await memberIn(p, w)];
  const res = await w.asAdmin<{ items: { registration: Reg | null }[] }>('POST', '/api/v1/events/{id}/registrations', {
    params: { id: event.id },
    body: { membershipIds: members.map((m) => m.id), waitlist: true },
  });
  return { event, reg: res.items[res.items.length - 1]!.registration! };
}

/** A published event of the place with a cover photo (written directly, as the admin's upload). */
async function eventWithCover(p: Place, w: World): Promise<Ev> {
  const e = await eventIn(p, w, { publish: true });
  const [photo] = await w.app.database.query<{ id: string }>(
    `insert into care_photo (uploaded_by, content_type, size, sha256, data)
     select created_by, 'image/png', 4, 'authz-cover', decode('89504e47', 'hex') from event where id = $1 returning id`,
    [e.id],
  );
  await w.app.database.query(`update event set cover_photo_id = $1 where id = $2`, [photo!.id, e.id]);
  return e;
}

/** A published matchmaking event of the place's street union. */
async function matchmakingIn(p: Place, w: World): Promise<Ev> {
  const e = await w.asAdmin<Ev>('POST', '/api/v1/events', { body: { ...eventBody(p.streetId), type: 'matchmaking' } });
  return w.asAdmin<Ev>('POST', '/api/v1/events/{id}/publish', { params: { id: e.id }, body: { version: e.version } });
}

/** A published skill competition of the place's street union. */
async function contestIn(p: Place, w: World): Promise<Ev> {
  const e = await w.asAdmin<Ev>('POST', '/api/v1/events', { body: { ...eventBody(p.streetId), type: 'skill_competition' } });
  return w.asAdmin<Ev>('POST', '/api/v1/events/{id}/publish', { params: { id: e.id }, body: { version: e.version } });
}
async function adminId(w: World): Promise<string> {
  const [u] = await w.app.database.query<{ id: string }>("select id from app_user where username = 'admin'");
  return u!.id;
}

/** Authorisation cases of 文体活动 (test/security/authz-matrix.int.test.ts). */
export const eventsAuthz: AuthzCases = {
  'GET /api/v1/events': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }), status: 'hidden' },
  'POST /api/v1/events': { foreign: (p) => ({ body: eventBody(p.streetId) }) },
  'POST /api/v1/events/series': { foreign: (p) => ({ body: { template: eventBody(p.streetId), count: 2 } }) },
  'GET /api/v1/events/{id}': { foreign: async (p, w) => ({ params: { id: (await eventIn(p, w)).id } }) },
  'PUT /api/v1/events/{id}': {
    foreign: async (p, w) => {
      const e = await eventIn(p, w);
      const { orgId: _org, ...rest } = eventBody(p.streetId);
      return { params: { id: e.id }, body: { ...rest, version: e.version } };
    },
  },
  'POST /api/v1/events/{id}/publish': {
    foreign: async (p, w) => {
      const e = await eventIn(p, w);
      return { params: { id: e.id }, body: { version: e.version } };
    },
  },
  'POST /api/v1/events/{id}/unpublish': {
    foreign: async (p, w) => {
      const e = await eventIn(p, w, { publish: true });
      return { params: { id: e.id }, body: { version: e.version } };
    },
  },
  'POST /api/v1/events/{id}/cancel': {
    foreign: async (p, w) => {
      const e = await eventIn(p, w, { publish: true });
      return { params: { id: e.id }, body: { version: e.version, reason: '矩阵测试取消' } };
    },
  },
  'GET /api/v1/events/{id}/registrations': { foreign: async (p, w) => ({ params: { id: (await registrationIn(p, w)).event.id } }) },
  'POST /api/v1/events/{id}/registrations': { foreign: async (p, w) => ({ params: { id: (await eventIn(p, w, { publish: true })).id }, body: { membershipIds: [(await memberIn(p, w)).id] } }) },
  'POST /api/v1/events/{id}/registrations/{registrationId}/priority': {
    foreign: async (p, w) => {
      const { event, reg } = await registrationIn(p, w, true);
      return { params: { id: event.id, registrationId: reg.id }, body: { version: reg.version, priority: 1, reason: '矩阵测试调整' } };
    },
  },
  'POST /api/v1/events/{id}/registrations/{registrationId}/cancel': {
    foreign: async (p, w) => {
      const { event, reg } = await registrationIn(p, w);
      return { params: { id: event.id, registrationId: reg.id }, body: { version: reg.version, reason: '矩阵测试取消' } };
    },
  },
  'GET /api/v1/events/{id}/checkin': { foreign: async (p, w) => ({ params: { id: (await eventIn(p, w, { publish: true })).id } }) },
  'POST /api/v1/events/{id}/checkins': {
    foreign: async (p, w) => {
      const { event, reg } = await registrationIn(p, w);
      return { params: { id: event.id }, body: { items: [{ clientId: `authz-${++seq}-scan`, code: `E1.${reg.id.slice(0, 8)}.x` }] } };
    },
  },
  'POST /api/v1/events/{id}/walk-ins': {
    foreign: async (p, w) => ({ params: { id: (await eventIn(p, w, { publish: true })).id }, body: { clientId: `authz-${++seq}-walk`, membershipId: (await memberIn(p, w)).id } }),
  },
  'GET /api/v1/events/{id}/attendance': { foreign: async (p, w) => ({ params: { id: (await registrationIn(p, w)).event.id } }) },
  'GET /api/v1/events/{id}/send-log': { foreign: async (p, w) => ({ params: { id: (await registrationIn(p, w)).event.id } }) },
  'GET /api/v1/events/{id}/registrations/{registrationId}/certificate': {
    foreign: async (p, w) => {
      const { event, reg } = await registrationIn(p, w);
      return { params: { id: event.id, registrationId: reg.id } };
    },
  },

  'GET /api/v1/events/open': { own: 'events the signed-in worker may see: public ones and those of the unions above their own' },
  'GET /api/v1/events/{id}/cover': {
    own: 'the cover of an event the caller sees: as staff in scope, or as a worker it is open to',
    othersThing: async (w) => ({ params: { id: (await eventWithCover(w.street, w)).id } }),
  },
  'GET /api/v1/events/open/{id}': { own: 'one event, only if the worker may see it', othersThing: async (w) => ({ params: { id: (await eventIn(w.street, w, { publish: true })).id } }) },
  'POST /api/v1/events/open/{id}/sign-up': {
    own: 'the worker signs themself up, only for an event they may see',
    othersThing: async (w) => ({ params: { id: (await eventIn(w.street, w, { publish: true })).id }, body: {} }),
  },
  'GET /api/v1/events/my/registrations': { own: 'the caller’s own registrations (their persons or their account)' },
  'POST /api/v1/events/my/registrations/{id}/cancel': { own: 'the caller’s own registration', othersThing: async (w) => ({ params: { id: (await registrationIn(w.street, w)).reg.id } }) },
  'POST /api/v1/events/my/registrations/{id}/accept': { own: 'the caller’s own offer', othersThing: async (w) => ({ params: { id: (await registrationIn(w.street, w)).reg.id } }) },
  'POST /api/v1/events/my/checkin': { own: 'the caller checks in their own place: the rotating code names the event, the account finds the registration' },
  'GET /api/v1/events/my/registrations/{id}/certificate': { own: 'the caller’s own registration’s certificate', othersThing: async (w) => ({ params: { id: (await registrationIn(w.street, w)).reg.id } }) },

  // 婚恋交友: staff see counts only; participants reach their own profile, picks and matches.
  'GET /api/v1/events/{id}/matchmaking': { foreign: async (p, w) => ({ params: { id: (await matchmakingIn(p, w)).id } }) },
  'PUT /api/v1/events/{id}/matchmaking/settings': {
    foreign: async (p, w) => {
      const e = await matchmakingIn(p, w);
      return { params: { id: e.id }, body: { version: 0, maxPicks: 3, picksOpenAt: iso(48), picksCloseAt: iso(60) } };
    },
  },
  'GET /api/v1/events/matchmaking/{id}/me': { own: 'the caller’s own registration, profile and picks at the event' },
  'PUT /api/v1/events/matchmaking/{id}/profile': { own: 'the caller’s own profile, made from their own confirmed registration' },
  'DELETE /api/v1/events/matchmaking/{id}/profile': { own: 'the caller’s own profile' },
  'GET /api/v1/events/matchmaking/{id}/profiles': { own: 'only for a checked-in participant with a profile: the other checked-in participants of the same event' },
  'GET /api/v1/events/matchmaking/{id}/profiles/{profileId}/photo': { own: 'the caller’s own profile photo, or one of another checked-in participant of the same event' },
  'PUT /api/v1/events/matchmaking/{id}/picks': { own: 'the caller’s own picks' },
  'GET /api/v1/events/matchmaking/{id}/matches': { own: 'the caller’s own mutual matches' },
  'POST /api/v1/events/matchmaking/{id}/matches/{matchId}/confirm': { own: 'a match of the caller’s own profile (others answer 404)' },
  'POST /api/v1/events/matchmaking/{id}/matches/{matchId}/decline': { own: 'a match of the caller’s own profile (others answer 404)' },
  'GET /api/v1/events/matchmaking/{id}/matches/{matchId}/contact': { own: 'a confirmed match of the caller’s own profile (others answer 404)' },

  // 技能竞赛: staff of the organiser set up and close; judges score their own sheets.
  'GET /api/v1/events/{id}/contest': { foreign: async (p, w) => ({ params: { id: (await contestIn(p, w)).id } }) },
  'PUT /api/v1/events/{id}/contest': {
    foreign: async (p, w) => ({ params: { id: (await contestIn(p, w)).id }, body: { version: 0, criteria: [{ key: 'skill', name: '技能', weight: 100, max: 100 }], prizeMode: 'count', prizeTiers: [1], judgeIds: [await adminId(w)] } }),
  },
  'POST /api/v1/events/{id}/contest/open': { foreign: async (p, w) => ({ params: { id: (await contestIn(p, w)).id } }) },
  'POST /api/v1/events/{id}/contest/close': { foreign: async (p, w) => ({ params: { id: (await contestIn(p, w)).id } }) },
  'GET /api/v1/events/{id}/contest/certificates/{registrationId}': {
    foreign: async (p, w) => {
      // A closed contest of the place whose one entrant won: the platform admin judged it.
      const event = await contestIn(p, w);
      const member = await memberIn(p, w);
      const reg = (await w.asAdmin<{ items: { registration: Reg }[] }>('POST', '/api/v1/events/{id}/registrations', { params: { id: event.id }, body: { membershipIds: [member.id] } })).items[0]!.registration;
      await w.asAdmin('PUT', '/api/v1/events/{id}/contest', { params: { id: event.id }, body: { version: 0, criteria: [{ key: 'skill', name: '技能', weight: 100, max: 10 }], prizeTiers: [1], judgeIds: [await adminId(w)] } });
      await w.asAdmin('POST', '/api/v1/events/{id}/contest/open', { params: { id: event.id } });
      await w.asAdmin('POST', '/api/v1/events/contests/{id}/sheets', { params: { id: event.id }, body: { registrationId: reg.id, points: { skill: 9 } } });
      await w.asAdmin('POST', '/api/v1/events/{id}/contest/close', { params: { id: event.id } });
      return { params: { id: event.id, registrationId: reg.id } };
    },
  },
  'GET /api/v1/events/contests/judging': { own: 'the contests the caller judges, with the caller’s own sheets only' },
  'POST /api/v1/events/contests/{id}/sheets': { own: 'a sheet of the caller as a judge of that contest (others answer 404)' },
  'POST /api/v1/events/contests/{id}/recusals': { own: 'a recusal of the caller as a judge of that contest (others answer 404)' },
};
