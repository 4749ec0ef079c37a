import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query, toDate } from './events.repository';

/** Every query on the tournament tables (tournament, tournament_team, tournament_player, tournament_match). */

export type TournamentRecord = {
  id: string;
  eventId: string;
  eventTitle: string;
  eventType: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  /** The event's status: a public screen shows only a published event's tournament. */
  eventStatus: string;
  title: string;
  format: 'round_robin' | 'single_elimination' | 'groups_knockout';
  groupCount: number;
  advancePerGroup: number;
  courts: string[];
  firstSlotAt: Date;
  slotMinutes: number;
  slotsPerDay: number;
  restSlots: number;
  pointsWin: number;
  pointsDraw: number;
  pointsLoss: number;
  rosterMin: number;
  rosterMax: number;
  status: 'registration' | 'drawn' | 'finished';
  championTeamId: string | null;
  teamCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const columns = sql`t.id, t.event_id, e.title as event_title, e.type as event_type, e.status as event_status, e.org_id, o.name as org_name, o.path as org_path, t.title, t.format,
  t.group_count, t.advance_per_group, t.courts, t.first_slot_at, t.slot_minutes, t.slots_per_day, t.rest_slots, t.points_win, t.points_draw,
  t.points_loss, t.roster_min, t.roster_max, t.status, t.champion_team_id, t.version, t.created_at, t.updated_at,
  (select count(*)::int from tournament_team x where x.tournament_id = t.id) as team_count`;
const from = sql`from tournament t join event e on e.id = t.event_id join org o on o.id = e.org_id`;

const parseArray = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(String);
  // A text[] read as its literal ({"1号场","2号场"}).
  const s = (typeof v === 'string' ? v : '').replace(/^\{|\}$/g, '');
  return s ? s.split(',').map((x) => x.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')) : [];
};

function toTournament(r: Record<string, unknown>): TournamentRecord {
  const n = (k: string) => Number(r[k]);
  return {
    id: r.id as string,
    eventId: r.event_id as string,
    eventTitle: r.event_title as string,
    eventType: r.event_type as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    orgPath: r.org_path as string,
    eventStatus: r.event_status as string,
    title: r.title as string,
    format: r.format as TournamentRecord['format'],
    groupCount: n('group_count'),
    advancePerGroup: n('advance_per_group'),
    courts: parseArray(r.courts),
    firstSlotAt: toDate(r.first_slot_at),
    slotMinutes: n('slot_minutes'),
    slotsPerDay: n('slots_per_day'),
    restSlots: n('rest_slots'),
    pointsWin: n('points_win'),
    pointsDraw: n('points_draw'),
    pointsLoss: n('points_loss'),
    rosterMin: n('roster_min'),
    rosterMax: n('roster_max'),
    status: r.status as TournamentRecord['status'],
    championTeamId: (r.champion_team_id as string | null) ?? null,
    teamCount: n('team_count'),
    version: n('version'),
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

export async function findTournament(db: Db, id: string, lock = false): Promise<TournamentRecord | undefined> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${columns} ${from} where t.id = ${id} ${lock ? sql`for update of t` : sql``}`);
  return rows[0] ? toTournament(rows[0]) : undefined;
}

export async function listTournaments(db: Db, where: SQL): Promise<TournamentRecord[]> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${columns} ${from} where ${where} order by t.created_at desc limit 200`);
  return rows.map(toTournament);
}

export type NewTournament = Omit<
  TournamentRecord,
  'id' | 'eventTitle' | 'eventType' | 'orgId' | 'orgName' | 'orgPath' | 'eventStatus' | 'status' | 'championTeamId' | 'teamCount' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function insertTournament(db: Db, v: NewTournament, createdBy: string | null, now: Date): Promise<string> {
  const courts = sql`array[${sql.join(
    v.courts.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`;
  const [row] = await query<{ id: string }>(
    db,
    sql`insert into tournament (event_id, title, format, group_count, advance_per_group, courts, first_slot_at, slot_minutes, slots_per_day, rest_slots,
          points_win, points_draw, points_loss, roster_min, roster_max, created_by, created_at, updated_at)
        values (${v.eventId}, ${v.title}, ${v.format}, ${v.groupCount}, ${v.advancePerGroup}, ${courts}, ${v.firstSlotAt.toISOString()}, ${v.slotMinutes},
          ${v.slotsPerDay}, ${v.restSlots}, ${v.pointsWin}, ${v.pointsDraw}, ${v.pointsLoss}, ${v.rosterMin}, ${v.rosterMax}, ${createdBy}, ${now.toISOString()}, ${now.toISOString()})
        returning id`,
  );
  return row!.id;
}

export async function setTournamentState(db: Db, id: string, status: string, championTeamId: string | null, now: Date): Promise<void> {
  await db.execute(sql`update tournament set status = ${status}, champion_team_id = ${championTeamId}, version = version + 1, updated_at = ${now.toISOString()} where id = ${id}`);
}

export async function touchTournament(db: Db, id: string, now: Date): Promise<void> {
  await db.execute(sql`update tournament set updated_at = ${now.toISOString()} where id = ${id}`);
}

export type TeamRecord = { id: string; name: string; unionOrgId: string; unionName: string; unionPath: string; seed: number | null; groupLabel: string | null; createdAt: Date };

export async function listTeams(db: Db, tournamentId: string): Promise<TeamRecord[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select x.id, x.name, x.union_org_id, o.name as union_name, x.union_path, x.seed, x.group_label, x.created_at
        from tournament_team x join org o on o.id = x.union_org_id where x.tournament_id = ${tournamentId} order by x.group_label nulls first, x.seed nulls last, x.created_at, x.name`,
  );
  return rows.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    unionOrgId: r.union_org_id as string,
    unionName: r.union_name as string,
    unionPath: r.union_path as string,
    seed: r.seed === null ? null : Number(r.seed),
    groupLabel: (r.group_label as string | null) ?? null,
    createdAt: toDate(r.created_at),
  }));
}

export async function insertTeam(db: Db, v: { tournamentId: string; unionOrgId: string; unionPath: string; name: string; seed: number | null; registeredBy: string }): Promise<string> {
  const [row] = await query<{ id: string }>(
    db,
    sql`insert into tournament_team (tournament_id, union_org_id, union_path, name, seed, registered_by)
        values (${v.tournamentId}, ${v.unionOrgId}, ${v.unionPath}, ${v.name}, ${v.seed}, ${v.registeredBy}) returning id`,
  );
  return row!.id;
}

export async function setTeamGroup(db: Db, teamId: string, group: string | null): Promise<void> {
  await db.execute(sql`update tournament_team set group_label = ${group} where id = ${teamId}`);
}

export async function findTeamByName(db: Db, tournamentId: string, name: string): Promise<string | null> {
  const [row] = await query<{ id: string }>(db, sql`select id from tournament_team where tournament_id = ${tournamentId} and name = ${name}`);
  return row?.id ?? null;
}

export type PlayerRecord = { teamId: string; membershipId: string; personId: string; name: string };

export async function insertPlayer(db: Db, tournamentId: string, teamId: string, p: { membershipId: string; personId: string; name: string }): Promise<void> {
  await db.execute(sql`insert into tournament_player (tournament_id, team_id, membership_id, person_id, name) values (${tournamentId}, ${teamId}, ${p.membershipId}, ${p.personId}, ${p.name})`);
}

export async function listPlayers(db: Db, tournamentId: string): Promise<PlayerRecord[]> {
  const rows = await query<Record<string, unknown>>(db, sql`select team_id, membership_id, person_id, name from tournament_player where tournament_id = ${tournamentId} order by name`);
  return rows.map((r) => ({ teamId: r.team_id as string, membershipId: r.membership_id as string, personId: r.person_id as string, name: r.name as string }));
}

/** Players of these persons already on a team of the tournament, with that team's name. */
export async function findTakenPlayers(db: Db, tournamentId: string, personIds: readonly string[]): Promise<{ name: string; team: string }[]> {
  if (!personIds.length) return [];
  return query<{ name: string; team: string }>(
    db,
    sql`select p.name, x.name as team from tournament_player p join tournament_team x on x.id = p.team_id
        where p.tournament_id = ${tournamentId} and p.person_id in (${sql.join(
          personIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}

export type MatchRecord = {
  id: string;
  stage: 'group' | 'knockout';
  groupLabel: string | null;
  round: number;
  idx: number;
  homeTeamId: string | null;
  awayTeamId: string | null;
  homeSource: string | null;
  awaySource: string | null;
  court: string | null;
  slot: number | null;
  startsAt: Date | null;
  homeScore: number | null;
  awayScore: number | null;
  winnerTeamId: string | null;
  status: 'pending' | 'scheduled' | 'played' | 'bye';
  version: number;
};

function toMatch(r: Record<string, unknown>): MatchRecord {
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: r.id as string,
    stage: r.stage as MatchRecord['stage'],
    groupLabel: (r.group_label as string | null) ?? null,
    round: Number(r.round),
    idx: Number(r.idx),
    homeTeamId: (r.home_team_id as string | null) ?? null,
    awayTeamId: (r.away_team_id as string | null) ?? null,
    homeSource: (r.home_source as string | null) ?? null,
    awaySource: (r.away_source as string | null) ?? null,
    court: (r.court as string | null) ?? null,
    slot: numOrNull(r.slot),
    startsAt: r.starts_at ? toDate(r.starts_at) : null,
    homeScore: numOrNull(r.home_score),
    awayScore: numOrNull(r.away_score),
    winnerTeamId: (r.winner_team_id as string | null) ?? null,
    status: r.status as MatchRecord['status'],
    version: Number(r.version),
  };
}

const matchColumns = sql`id, stage, group_label, round, idx, home_team_id, away_team_id, home_source, away_source, court, slot, starts_at, home_score, away_score, winner_team_id, status, version`;

export async function listMatches(db: Db, tournamentId: string): Promise<MatchRecord[]> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select ${matchColumns} from tournament_match where tournament_id = ${tournamentId} order by stage desc, round, group_label nulls first, idx`,
  );
  return rows.map(toMatch);
}

export async function findMatch(db: Db, tournamentId: string, id: string, lock = false): Promise<MatchRecord | undefined> {
  const rows = await query<Record<string, unknown>>(db, sql`select ${matchColumns} from tournament_match where id = ${id} and tournament_id = ${tournamentId} ${lock ? sql`for update` : sql``}`);
  return rows[0] ? toMatch(rows[0]) : undefined;
}

export async function findKnockoutMatch(db: Db, tournamentId: string, round: number, idx: number): Promise<MatchRecord | undefined> {
  const rows = await query<Record<string, unknown>>(
    db,
    sql`select ${matchColumns} from tournament_match where tournament_id = ${tournamentId} and stage = 'knockout' and round = ${round} and idx = ${idx} for update`,
  );
  return rows[0] ? toMatch(rows[0]) : undefined;
}

export type NewMatch = Omit<MatchRecord, 'version' | 'homeScore' | 'awayScore'>;

export async function insertMatch(db: Db, tournamentId: string, m: NewMatch): Promise<void> {
  await db.execute(
    sql`insert into tournament_match (id, tournament_id, stage, group_label, round, idx, home_team_id, away_team_id, home_source, away_source, court, slot, starts_at, winner_team_id, status)
        values (${m.id}, ${tournamentId}, ${m.stage}, ${m.groupLabel}, ${m.round}, ${m.idx}, ${m.homeTeamId}, ${m.awayTeamId}, ${m.homeSource}, ${m.awaySource}, ${m.court}, ${m.slot},
          ${m.startsAt?.toISOString() ?? null}, ${m.winnerTeamId}, ${m.status})`,
  );
}

export async function setResult(db: Db, id: string, v: { homeScore: number; awayScore: number; winnerTeamId: string | null; by: string }, now: Date): Promise<void> {
  await db.execute(
    sql`update tournament_match set home_score = ${v.homeScore}, away_score = ${v.awayScore}, winner_team_id = ${v.winnerTeamId}, status = 'played',
          played_at = ${now.toISOString()}, entered_by = ${v.by}, version = version + 1 where id = ${id}`,
  );
}

/** Puts a team on one side of a match (a winner moving on); the match is ready once both sides are known. */
export async function setSide(db: Db, id: string, side: 'home' | 'away', teamId: string | null): Promise<void> {
  const column = side === 'home' ? sql`home_team_id` : sql`away_team_id`;
  await db.execute(
    sql`update tournament_match set ${column} = ${teamId}, version = version + 1,
          status = case when status in ('pending','scheduled') then (case when ${side === 'home' ? sql`${teamId}::uuid is not null and away_team_id is not null` : sql`${teamId}::uuid is not null and home_team_id is not null`} then 'scheduled' else 'pending' end) else status end
        where id = ${id}`,
  );
}
