import type { AuthzCases, Place, World } from '../../test/security/authz';

type Detail = { tournament: { id: string; version: number }; matches: { id: string; version: number; status: string }[] };

const iso = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
let seq = 0;

/** A published sport event of the place's street union, made by the platform admin. */
async function sportEventIn(p: Place, w: World): Promise<string> {
  const e = await w.asAdmin<{ id: string; version: number }>('POST', '/api/v1/events', {
    body: { orgId: p.streetId, type: 'sport', title: `矩阵赛事活动${++seq}`, address: '矩阵体育馆', startsAt: iso(48), endsAt: iso(50), signupOpensAt: iso(-1), signupClosesAt: iso(24), capacity: 50 },
  });
  return e.id;
}

const tournamentBody = (eventId: string) => ({ eventId, title: `矩阵赛事${++seq}`, format: 'single_elimination', courts: ['1号场'], firstSlotAt: iso(48), rosterMin: 1, rosterMax: 3 });

async function tournamentIn(p: Place, w: World): Promise<Detail> {
  return w.asAdmin<Detail>('POST', '/api/v1/tournaments', { body: tournamentBody(await sportEventIn(p, w)) });
}

/** An active member of the place's grassroots union, written directly (as events.authz.ts does). */
async function memberIn(p: Place, w: World): Promise<string> {
  const n = ++seq;
  const [person] = await w.app.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'male', '1990-01-01', 'standard') returning id`,
    [p.unionId, `矩阵队员${n}`, `authz-tournament-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await w.app.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  return m!.id;
}

/** A drawn two-team tournament of the place: its one match is ready for a score. */
async function drawnIn(p: Place, w: World): Promise<Detail> {
  const t = await tournamentIn(p, w);
  for (const name of ['矩阵甲队', '矩阵乙队']) {
    await w.asAdmin('POST', '/api/v1/tournaments/{id}/teams', { params: { id: t.tournament.id }, body: { unionOrgId: p.unionId, name, membershipIds: [await memberIn(p, w)] } });
  }
  return w.asAdmin<Detail>('POST', '/api/v1/tournaments/{id}/draw', { params: { id: t.tournament.id }, body: { version: t.tournament.version } });
}

/** Authorisation cases of 赛事 (test/security/authz-matrix.int.test.ts). */
export const tournamentAuthz: AuthzCases = {
  'GET /api/v1/tournaments': { lists: {}, foreign: async (p, w) => ({ query: { eventId: await sportEventIn(p, w) } }), status: 'hidden' },
  'POST /api/v1/tournaments': { foreign: async (p, w) => ({ body: tournamentBody(await sportEventIn(p, w)) }), status: 400 },
  'GET /api/v1/tournaments/{id}': { foreign: async (p, w) => ({ params: { id: (await tournamentIn(p, w)).tournament.id } }) },
  'POST /api/v1/tournaments/{id}/teams': {
    foreign: async (p, w) => ({ params: { id: (await tournamentIn(p, w)).tournament.id }, body: { unionOrgId: p.unionId, name: '矩阵队', membershipIds: [await memberIn(p, w)] } }),
  },
  'POST /api/v1/tournaments/{id}/draw': {
    foreign: async (p, w) => {
      const t = await tournamentIn(p, w);
      return { params: { id: t.tournament.id }, body: { version: t.tournament.version } };
    },
  },
  'POST /api/v1/tournaments/{id}/matches/{matchId}/result': {
    foreign: async (p, w) => {
      const d = await drawnIn(p, w);
      const m = d.matches.find((x) => x.status === 'scheduled')!;
      return { params: { id: d.tournament.id, matchId: m.id }, body: { homeScore: 21, awayScore: 15, version: m.version } };
    },
  },
  'GET /api/v1/public/tournaments/{id}': { open: 'the big screen /screen/tournament/:id: team and union names, matches and standings; no players, nobody’s personal data' },
};
