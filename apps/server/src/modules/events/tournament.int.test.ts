import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { publishedEvent } from './testing';

/**
 * 赛事 (issue 13 point 7): a tournament from team registration to a champion — unions enter teams
 * of their own members (one team per player, by the database), groups drawn with a union's teams
 * apart, a clash-free schedule, scores entered, group winners and runners-up crossing into the
 * knockout, a correction with a reason until the next round is played, the champion, and the
 * public big-screen view without players. Another street's staff reach none of it.
 */
type Team = { id: string; name: string; union: { id: string; name: string }; group: string | null; players: { membershipId: string; name: string }[] };
type Match = {
  id: string;
  stage: 'group' | 'knockout';
  group: string | null;
  round: number;
  index: number;
  home: { id: string } | null;
  away: { id: string } | null;
  homeSource: string | null;
  awaySource: string | null;
  court: string | null;
  startsAt: string | null;
  status: string;
  winnerId: string | null;
  version: number;
};
type Detail = {
  tournament: { id: string; version: number; status: string; champion: { id: string; name: string } | null; canRun: boolean };
  teams: Team[];
  matches: Match[];
  standings: { group: string | null; rows: { teamId: string; rank: number; points: number }[] }[];
  tieBreaks: { zh: string[]; en: string[] };
};

let t: TestApp;
let gyq: Client;
let wld: Client;
beforeAll(async () => {
  t = await createTestApp({}, { jobRunner: false });
  [gyq, wld] = [await t.login('gyq.admin'), await t.login('wld.admin')];
});
afterAll(async () => t?.close());

/** Grassroots unions under a street with at least `n` active members, and those members. */
async function unionsWithMembers(street: string, n: number): Promise<{ id: string; members: { id: string; name: string }[] }[]> {
  const rows = await t.database.query<{ org_id: string; id: string; name: string }>(
    `select m.org_id, m.id, p.real_name as name from membership m join person p on p.id = m.person_id join org o on o.id = m.org_id
     where m.status = 'active' and o.type = 'grassroots' and o.path like (select path from org where code = $1) || '%' order by m.member_number`,
    [street],
  );
  const by = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) by.set(r.org_id, [...(by.get(r.org_id) ?? []), { id: r.id, name: r.name }]);
  return [...by].filter(([, m]) => m.length >= n).map(([id, members]) => ({ id, members }));
}

describe('tournaments: from team registration to a champion', () => {
  let d: Detail;
  let unions: Awaited<ReturnType<typeof unionsWithMembers>>;
  const result = (c: Client, m: Match, home: number, away: number, extra: Record<string, unknown> = {}) =>
    c.post(`/api/v1/tournaments/${d.tournament.id}/matches/${m.id}/result`, { homeScore: home, awayScore: away, version: m.version, ...extra });
  const refresh = async () => {
    const res = await gyq.get(`/api/v1/tournaments/${d.tournament.id}`);
    expect(res.status).toBe(200);
    d = res.body;
    return d;
  };

  beforeAll(async () => {
    const admin = await t.login('jb.admin');
    const training = await publishedEvent(t, admin, { orgId: await t.orgId('JB-GYQ'), title: '不是体育的活动' });
    const refused = await gyq.post('/api/v1/tournaments', { eventId: training.id, title: '错误赛事', format: 'round_robin', courts: ['1号场'], firstSlotAt: new Date().toISOString() });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ path: 'eventId', code: 'TOURNAMENT_EVENT_NOT_SPORT' });

    const sport = await publishedEvent(t, admin, { orgId: await t.orgId('JB-GYQ'), type: 'sport', title: '观音桥街道职工三人篮球赛' });
    const created = await gyq.post('/api/v1/tournaments', {
      eventId: sport.id,
      title: '观音桥三人篮球赛',
      format: 'groups_knockout',
      groupCount: 2,
      advancePerGroup: 2,
      courts: ['1号场', '2号场'],
      firstSlotAt: '2030-05-01T01:00:00Z',
      slotMinutes: 20,
      slotsPerDay: 10,
      restSlots: 1,
      rosterMin: 2,
      rosterMax: 3,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    d = created.body;
    unions = (await unionsWithMembers('JB-GYQ', 6)).slice(0, 4);
    expect(unions.length).toBeGreaterThanOrEqual(2);
  });

  it('unions enter teams of their own members; a player plays for one team per tournament', async () => {
    // Eight teams: the unions in turn, two (or more) teams each.
    for (let k = 0; k < 8; k++) {
      const u = unions[k % unions.length]!;
      const nth = Math.floor(k / unions.length);
      const res = await gyq.post(`/api/v1/tournaments/${d.tournament.id}/teams`, { unionOrgId: u.id, name: `测试队${k + 1}`, membershipIds: u.members.slice(nth * 2, nth * 2 + 2).map((m) => m.id) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const first = unions[0]!;
    const again = await gyq.withLang('en').post(`/api/v1/tournaments/${d.tournament.id}/teams`, { unionOrgId: first.id, name: '重复队', membershipIds: [first.members[0]!.id, first.members[5]!.id] });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'TOURNAMENT_PLAYER_TAKEN', title: 'A player is already on another team in this tournament' });
    expect(again.body.detail).toContain(first.members[0]!.name);
    expect(again.body.detail).toContain('测试队1');
    const zh = await gyq.post(`/api/v1/tournaments/${d.tournament.id}/teams`, { unionOrgId: first.id, name: '重复队', membershipIds: [first.members[0]!.id, first.members[5]!.id] });
    expect(zh.body.title).toBe('队员已在本赛事的另一支队伍中');
    // The database is the last word, whoever writes.
    const [team] = await t.database.query<{ id: string }>(`select id from tournament_team where tournament_id = $1 and name = '测试队2'`, [d.tournament.id]);
    const [p] = await t.database.query<{ person_id: string }>(`select person_id from tournament_player where tournament_id = $1 limit 1`, [d.tournament.id]);
    await expect(
      t.database.query(`insert into tournament_player (tournament_id, team_id, membership_id, person_id, name) values ($1, $2, gen_random_uuid(), $3, 'x')`, [d.tournament.id, team!.id, p!.person_id]),
    ).rejects.toThrow();
    // A member of another union is refused on their row.
    const outsider = unions[1]!.members[5]!;
    const wrong = await gyq.post(`/api/v1/tournaments/${d.tournament.id}/teams`, { unionOrgId: first.id, name: '外援队', membershipIds: [first.members[5]!.id, outsider.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ path: 'membershipIds.1', code: 'TOURNAMENT_PLAYER_NOT_ELIGIBLE' });
    // Another street's staff neither see it nor enter teams into it.
    expect((await wld.get(`/api/v1/tournaments/${d.tournament.id}`)).status).toBe(404);
    expect((await wld.post(`/api/v1/tournaments/${d.tournament.id}/teams`, { unionOrgId: first.id, name: '五里店队', membershipIds: [first.members[5]!.id] })).status).toBe(404);
  });

  it('draws groups with a union’s teams apart and schedules without clashes', async () => {
    const drawn = await gyq.post(`/api/v1/tournaments/${d.tournament.id}/draw`, { version: d.tournament.version });
    expect(drawn.status, JSON.stringify(drawn.body)).toBe(200);
    d = drawn.body;
    expect(d.tournament.status).toBe('drawn');
    const groups = new Map<string, Team[]>();
    for (const team of d.teams) groups.set(team.group!, [...(groups.get(team.group!) ?? []), team]);
    expect([...groups.values()].map((g) => g.length)).toEqual([4, 4]);
    // Each union has two teams here (four unions) or more: never two in one group when they fit apart.
    for (const g of groups.values()) expect(new Set(g.map((x) => x.union.id)).size).toBe(unions.length === 4 ? 4 : Math.min(4, unions.length));
    expect(d.matches.filter((m) => m.stage === 'group')).toHaveLength(12);
    expect(d.matches.filter((m) => m.stage === 'knockout').map((m) => [m.round, m.homeSource, m.awaySource])).toHaveLength(3);
    // No team twice in one slot; one match per court and slot.
    const slots = new Map<string, Match[]>();
    for (const m of d.matches) slots.set(m.startsAt!, [...(slots.get(m.startsAt!) ?? []), m]);
    for (const list of slots.values()) {
      expect(new Set(list.map((m) => m.court)).size).toBe(list.length);
      const ids = list.flatMap((m) => [m.home?.id, m.away?.id]).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // Knockout after every group match.
    const lastGroup = Math.max(...d.matches.filter((m) => m.stage === 'group').map((m) => Date.parse(m.startsAt!)));
    for (const m of d.matches.filter((x) => x.stage === 'knockout')) expect(Date.parse(m.startsAt!)).toBeGreaterThan(lastGroup);
    // Winners meet runners-up of the other group.
    const semis = d.matches.filter((m) => m.stage === 'knockout' && m.round === 1);
    for (const s of semis) expect([s.homeSource!.slice(1), s.awaySource!.slice(1)].sort()).toEqual(['1', '2']);
    expect(d.tieBreaks.zh[1]).toContain('相互间');
  });

  it('scores entered on the phone: another street’s staff cannot, the knockout waits for the groups', async () => {
    const g = d.matches.find((m) => m.stage === 'group')!;
    expect((await result(wld, g, 21, 10)).status).toBe(404);
    const semi = d.matches.find((m) => m.stage === 'knockout')!;
    expect((await result(gyq, semi, 21, 10)).status).toBe(409);
    let i = 0;
    for (const m of d.matches.filter((x) => x.stage === 'group')) {
      const res = await result(gyq, m, 21, 10 + (i++ % 9));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      d = res.body;
    }
    const semis = d.matches.filter((m) => m.stage === 'knockout' && m.round === 1);
    const table = new Map(d.standings.flatMap((s) => s.rows.map((r) => [`${s.group}${r.rank}`, r.teamId])));
    for (const s of semis) {
      expect(s.status).toBe('scheduled');
      expect(s.home!.id).toBe(table.get(s.homeSource!));
      expect(s.away!.id).toBe(table.get(s.awaySource!));
    }
  });

  it('a correction needs a reason and is audited; the knockout follows a corrected group', async () => {
    const g = d.matches.find((m) => m.stage === 'group')!;
    const noReason = await result(gyq, g, 10, 21);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const fixed = await result(gyq, g, 10, 21, { reason: '记分员记反了比分' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    d = fixed.body;
    const [audit] = await t.database.query<{ after: { reason: string } }>(`select after from audit_entry where action = 'event.tournament_correct' and entity_id = $1`, [g.id]);
    expect(audit!.after.reason).toBe('记分员记反了比分');
    const table = new Map(d.standings.flatMap((s) => s.rows.map((r) => [`${s.group}${r.rank}`, r.teamId])));
    for (const s of d.matches.filter((m) => m.stage === 'knockout' && m.round === 1)) expect(s.home!.id).toBe(table.get(s.homeSource!));
  });

  it('winners move on to the final; a semi is corrected until the final is played; the champion is named', async () => {
    const [s1, s2] = d.matches.filter((m) => m.stage === 'knockout' && m.round === 1);
    expect((await result(gyq, s1!, 15, 15)).body.errors[0].code).toBe('TOURNAMENT_KNOCKOUT_DRAW');
    d = (await result(gyq, s1!, 21, 18)).body;
    d = (await result(gyq, s2!, 12, 21)).body;
    let final = d.matches.find((m) => m.stage === 'knockout' && m.round === 2)!;
    expect([final.home!.id, final.away!.id]).toEqual([s1!.home!.id, s2!.away!.id]);
    // The first semi corrected before the final: its other team goes through.
    const s1now = d.matches.find((m) => m.id === s1!.id)!;
    d = (await result(gyq, s1now, 18, 21, { reason: '裁判更正：最后一球无效' })).body;
    final = d.matches.find((m) => m.stage === 'knockout' && m.round === 2)!;
    expect(final.home!.id).toBe(s1!.away!.id);
    const res = await result(gyq, final, 21, 19);
    expect(res.status).toBe(200);
    d = res.body;
    expect(d.tournament.status).toBe('finished');
    expect(d.tournament.champion!.id).toBe(s1!.away!.id);
    // Too late now for the semi.
    const late = await result(
      gyq,
      d.matches.find((m) => m.id === s1!.id)!,
      21,
      18,
      { reason: '再改一次' },
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TOURNAMENT_CORRECTION_CLOSED');
  });

  it('the big screen reads bracket and standings without sign-in and without players', async () => {
    const res = await t.anon.get(`/api/v1/public/tournaments/${d.tournament.id}`);
    expect(res.status).toBe(200);
    expect(res.body.champion).toBe(d.tournament.champion!.name);
    expect(res.body.matches).toHaveLength(15);
    expect(res.body.standings).toHaveLength(2);
    const text = JSON.stringify(res.body);
    for (const team of d.teams) for (const p of team.players) expect(text).not.toContain(p.name);
    await refresh();
    expect(d.teams[0]!.players.length).toBeGreaterThan(0);
  });

  it('shows no public screen of an event that is not published', async () => {
    const admin = await t.login('jb.admin');
    const draft = (await admin.post('/api/v1/events', { orgId: await t.orgId('JB-GYQ'), type: 'sport', title: '未发布的球赛', address: '观音桥', startsAt: '2030-06-01T01:00:00Z', endsAt: '2030-06-01T09:00:00Z', signupOpensAt: '2030-05-01T01:00:00Z', signupClosesAt: '2030-05-30T01:00:00Z', capacity: 50 })).body;
    const hidden = await gyq.post('/api/v1/tournaments', { eventId: draft.id, title: '未发布赛事', format: 'round_robin', courts: ['1号场'], firstSlotAt: '2030-06-01T01:00:00Z' });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(201);
    expect((await gyq.get(`/api/v1/tournaments/${hidden.body.tournament.id}`)).status).toBe(200);
    expect((await t.anon.get(`/api/v1/public/tournaments/${hidden.body.tournament.id}`)).status).toBe(404);
  });
});

describe('the demo invitationals', () => {
  it('3-a-side basketball and 5-a-side football with 100+ union teams, drawn, part played', async () => {
    const jb = await t.login('jb.admin');
    const list = await jb.get('/api/v1/tournaments');
    expect(list.status).toBe(200);
    const demo = (list.body.items as { id: string; title: string; teamCount: number; status: string }[]).filter((x) => /邀请赛/.test(x.title));
    expect(demo).toHaveLength(2);
    expect(demo.reduce((n, x) => n + x.teamCount, 0)).toBeGreaterThanOrEqual(100);
    for (const x of demo) {
      const detail: Detail = (await jb.get(`/api/v1/tournaments/${x.id}`)).body;
      expect(detail.matches.some((m) => m.status === 'played')).toBe(true);
      expect(detail.matches.some((m) => m.status === 'scheduled')).toBe(true);
    }
  });
});
