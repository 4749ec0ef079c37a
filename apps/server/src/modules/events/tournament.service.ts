import { randomUUID } from 'node:crypto';
import type { CreateTournament, MatchResult, PublicTournament, RegisterTeam, StandingRow, TournamentDetail, TournamentMatch, TournamentView } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findMemberships } from '../members';
import * as events from './events.repository';
import { isRelated, relatedSql, versionConflict, type EventsDeps, type StaffCtx } from './events.shared';
import { drawGroups, groupLabel, knockoutEntries, placeBracket, roundRobin, schedule, slotStart, standings, TIE_BREAKS, type Entry, type SchedulingMatch } from './tournament.bracket';
import * as repo from './tournament.repository';

const stateError = (status: string) => new AppError('TOURNAMENT_STATE', { status: 409, params: { status: `TOURNAMENT_STATUS_${status}` } });
const isUniqueViolation = (err: unknown, constraint: string) => {
  const c = uniqueViolationOf(err);
  return c === constraint || c === 'unknown';
};

type Standings = TournamentDetail['standings'];

/**
 * 赛事 (issue 13 point 7): the organiser's staff create a tournament at a sport event, unions
 * enter teams from their own members (a person plays for one team per tournament: a unique key),
 * the organiser draws (groups or a bracket that keeps a union's teams apart) and schedules the
 * matches over courts × slots, staff enter scores on a phone and winners move on by themselves;
 * a score is corrected, with a reason (audited), only until the next round's match is played.
 */
export function createTournamentService({ db, clock }: Pick<EventsDeps, 'db' | 'clock'>) {
  const seesEvent = (ctx: StaffCtx, orgPath: string) => ctx.read === 'all' || isRelated(ctx.read, orgPath);

  async function visible(tx: Db, id: string, ctx: StaffCtx, lock = false): Promise<repo.TournamentRecord> {
    const t = await repo.findTournament(tx, id, lock);
    if (!t || !seesEvent(ctx, t.orgPath)) throw notFound('ENTITY_tournament');
    return t;
  }

  /** The tournament, when the caller runs it (the organising union's write scope); else 404. */
  async function runnable(tx: Db, id: string, ctx: StaffCtx): Promise<repo.TournamentRecord> {
    const t = await repo.findTournament(tx, id, true);
    if (!t || !isInScope(ctx.write, t.orgPath)) throw notFound('ENTITY_tournament');
    return t;
  }

  function toView(t: repo.TournamentRecord, teams: repo.TeamRecord[], ctx: StaffCtx | null): TournamentView {
    const champion = teams.find((x) => x.id === t.championTeamId);
    return {
      id: t.id,
      event: { id: t.eventId, title: t.eventTitle, org: { id: t.orgId, name: t.orgName } },
      title: t.title,
      format: t.format,
      status: t.status,
      groupCount: t.groupCount,
      advancePerGroup: t.advancePerGroup,
      courts: t.courts,
      firstSlotAt: t.firstSlotAt.toISOString(),
      slotMinutes: t.slotMinutes,
      slotsPerDay: t.slotsPerDay,
      restSlots: t.restSlots,
      pointsWin: t.pointsWin,
      pointsDraw: t.pointsDraw,
      pointsLoss: t.pointsLoss,
      rosterMin: t.rosterMin,
      rosterMax: t.rosterMax,
      champion: champion ? { id: champion.id, name: champion.name } : null,
      teamCount: t.teamCount,
      canRun: ctx !== null && isInScope(ctx.write, t.orgPath),
      version: t.version,
      createdAt: t.createdAt.toISOString(),
    };
  }

  function toMatch(m: repo.MatchRecord, names: Map<string, string>): TournamentMatch {
    const side = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
    return {
      id: m.id,
      stage: m.stage,
      group: m.groupLabel,
      round: m.round,
      index: m.idx,
      home: side(m.homeTeamId),
      away: side(m.awayTeamId),
      homeSource: m.homeSource,
      awaySource: m.awaySource,
      court: m.court,
      startsAt: m.startsAt?.toISOString() ?? null,
      homeScore: m.homeScore,
      awayScore: m.awayScore,
      winnerId: m.winnerTeamId,
      status: m.status,
      version: m.version,
    };
  }

  /** Standings of every group (round robin: one table) from the played group matches, by TIE_BREAKS. */
  function standingsOf(t: repo.TournamentRecord, teams: repo.TeamRecord[], matches: repo.MatchRecord[]): Standings {
    if (t.format === 'single_elimination') return [];
    const labels = t.format === 'round_robin' ? [null] : [...new Set(teams.map((x) => x.groupLabel))].filter((g): g is string => g !== null).sort();
    const byId = new Map(teams.map((x) => [x.id, x]));
    return labels.map((g) => {
      const members = teams.filter((x) => (t.format === 'round_robin' ? true : x.groupLabel === g));
      const played = matches
        .filter((m) => m.stage === 'group' && m.groupLabel === g && m.status === 'played')
        .map((m) => ({ home: m.homeTeamId!, away: m.awayTeamId!, homeScore: m.homeScore!, awayScore: m.awayScore! }));
      const rows = standings(
        members.map((x) => x.id),
        played,
        { win: t.pointsWin, draw: t.pointsDraw, loss: t.pointsLoss },
        (id) => byId.get(id)?.name ?? id,
      );
      return { group: g, rows: rows.map((r): StandingRow => ({ ...r, name: byId.get(r.teamId)?.name ?? '', union: byId.get(r.teamId)?.unionName ?? '' })) };
    });
  }

  async function detailOf(tx: Db, t: repo.TournamentRecord, ctx: StaffCtx) {
    const [teams, players, matches] = [await repo.listTeams(tx, t.id), await repo.listPlayers(tx, t.id), await repo.listMatches(tx, t.id)];
    const names = new Map(teams.map((x) => [x.id, x.name]));
    // Players' names: the organiser's staff, and each union's staff for their own teams.
    const seesPlayers = (x: repo.TeamRecord) => isInScope(ctx.read, t.orgPath) || isInScope(ctx.read, x.unionPath);
    return {
      tournament: toView(t, teams, ctx),
      teams: teams.map((x) => ({
        id: x.id,
        name: x.name,
        union: { id: x.unionOrgId, name: x.unionName },
        group: x.groupLabel,
        seed: x.seed,
        players: seesPlayers(x) ? players.filter((p) => p.teamId === x.id).map((p) => ({ membershipId: p.membershipId, name: p.name })) : [],
      })),
      matches: matches.map((m) => toMatch(m, names)),
      standings: standingsOf(t, teams, matches),
      tieBreaks: TIE_BREAKS,
    };
  }

  /** Builds the draw's matches (with ids) and the order to schedule them in. */
  function buildDraw(t: repo.TournamentRecord, teams: repo.TeamRecord[]) {
    const entries: Entry[] = teams.map((x) => ({ id: x.id, keys: [x.unionOrgId], seed: x.seed }));
    const matches: repo.NewMatch[] = [];
    const groupOf = new Map<string, string | null>();
    const base = (over: Partial<repo.NewMatch> & Pick<repo.NewMatch, 'stage' | 'round' | 'idx'>): repo.NewMatch => ({
      id: randomUUID(),
      groupLabel: null,
      homeTeamId: null,
      awayTeamId: null,
      homeSource: null,
      awaySource: null,
      court: null,
      slot: null,
      startsAt: null,
      winnerTeamId: null,
      status: 'pending',
      ...over,
    });
    const groupStage = (label: string | null, ids: string[]) => {
      roundRobin(ids).forEach((pairs, r) =>
        pairs.forEach(([h, a], i) => matches.push(base({ stage: 'group', groupLabel: label, round: r + 1, idx: i, homeTeamId: h, awayTeamId: a, status: 'scheduled' }))),
      );
    };
    const knockout = (slots: (Entry | null)[], isPlaceholder: boolean) => {
      const rounds = Math.log2(slots.length);
      let number = 0;
      const numberOf = new Map<string, number>();
      for (let r = 1; r <= rounds; r++) {
        const count = slots.length / 2 ** r;
        for (let i = 0; i < count; i++) {
          number++;
          numberOf.set(`${r}:${i}`, number);
          if (r === 1) {
            const [h, a] = [slots[2 * i] ?? null, slots[2 * i + 1] ?? null];
            const team = (e: Entry | null) => (e && !isPlaceholder ? e.id : null);
            const isBye = !isPlaceholder && (h === null || a === null);
            matches.push(
              base({
                stage: 'knockout',
                round: 1,
                idx: i,
                homeTeamId: team(h),
                awayTeamId: team(a),
                homeSource: isPlaceholder ? (h?.id ?? null) : null,
                awaySource: isPlaceholder ? (a?.id ?? null) : null,
                status: isBye ? 'bye' : isPlaceholder ? 'pending' : 'scheduled',
                winnerTeamId: isBye ? (team(h) ?? team(a)) : null,
              }),
            );
          } else {
            matches.push(base({ stage: 'knockout', round: r, idx: i, homeSource: `W${numberOf.get(`${r - 1}:${2 * i}`)}`, awaySource: `W${numberOf.get(`${r - 1}:${2 * i + 1}`)}` }));
          }
        }
      }
      // Bye winners go straight to round 2.
      for (const m of matches.filter((x) => x.stage === 'knockout' && x.round === 1 && x.status === 'bye')) {
        const next = matches.find((x) => x.stage === 'knockout' && x.round === 2 && x.idx === Math.floor(m.idx / 2));
        if (!next) continue;
        if (m.idx % 2 === 0) next.homeTeamId = m.winnerTeamId;
        else next.awayTeamId = m.winnerTeamId;
        if (next.homeTeamId && next.awayTeamId) next.status = 'scheduled';
      }
    };
    if (t.format === 'round_robin')
      groupStage(
        null,
        placeBracket(entries).flatMap((e) => (e ? [e.id] : [])),
      );
    else if (t.format === 'single_elimination') knockout(placeBracket(entries), false);
    else {
      const groups = drawGroups(entries, t.groupCount);
      groups.forEach((g, i) => {
        for (const e of g) groupOf.set(e.id, groupLabel(i));
        groupStage(
          groupLabel(i),
          g.map((e) => e.id),
        );
      });
      knockout(placeBracket(knockoutEntries(t.groupCount, t.advancePerGroup)), true);
    }
    // Schedule: group matches round by round across groups, then the knockout round by round.
    const key = (m: repo.NewMatch) => `${m.stage === 'group' ? 0 : 1}:${String(m.round).padStart(3, '0')}:${m.groupLabel ?? ''}:${String(m.idx).padStart(4, '0')}`;
    const ordered = [...matches].sort((a, b) => key(a).localeCompare(key(b)));
    const groupIds = matches.filter((m) => m.stage === 'group').map((m) => m.id);
    const feeders = (m: repo.NewMatch) =>
      m.stage === 'group'
        ? []
        : m.round === 1
          ? groupIds
          : matches.filter((x) => x.stage === 'knockout' && x.round === m.round - 1 && Math.floor(x.idx / 2) === m.idx && x.status !== 'bye').map((x) => x.id);
    const toSchedule: SchedulingMatch[] = ordered.map((m) => ({ key: m.id, teams: [m.homeTeamId, m.awayTeamId].filter((x): x is string => x !== null), after: feeders(m), isBye: m.status === 'bye' }));
    const slots = new Map(schedule(toSchedule, t.courts.length, t.restSlots).map((s) => [s.key, s]));
    for (const m of matches) {
      const s = slots.get(m.id);
      if (!s) continue;
      m.slot = s.slot;
      m.court = t.courts[s.court] ?? null;
      m.startsAt = slotStart(t.firstSlotAt, s.slot, t.slotMinutes, t.slotsPerDay);
    }
    return { matches, groupOf };
  }

  /** After a score: winners move on, groups fill the knockout, the last match names the champion. */
  async function advance(tx: Db, t: repo.TournamentRecord, m: repo.MatchRecord, winner: string | null): Promise<void> {
    let champion: string | null = null;
    let isFinished = false;
    if (m.stage === 'knockout') {
      const next = await repo.findKnockoutMatch(tx, t.id, m.round + 1, Math.floor(m.idx / 2));
      if (next) await repo.setSide(tx, next.id, m.idx % 2 === 0 ? 'home' : 'away', winner);
      else [champion, isFinished] = [winner, true];
    } else {
      const [teams, matches] = [await repo.listTeams(tx, t.id), await repo.listMatches(tx, t.id)];
      const isGroupsDone = matches.filter((x) => x.stage === 'group').every((x) => x.status === 'played');
      if (isGroupsDone) {
        const tables = standingsOf(t, teams, matches);
        if (t.format === 'round_robin') [champion, isFinished] = [tables[0]?.rows[0]?.teamId ?? null, true];
        else {
          // "A1" → group A's winner, "B2" → group B's runner-up.
          const bySource = new Map<string, string>(tables.flatMap((g) => g.rows.map((r): [string, string] => [`${g.group}${r.rank}`, r.teamId])));
          for (const k of matches.filter((x) => x.stage === 'knockout' && x.round === 1)) {
            if (k.homeSource) await repo.setSide(tx, k.id, 'home', bySource.get(k.homeSource) ?? null);
            if (k.awaySource) await repo.setSide(tx, k.id, 'away', bySource.get(k.awaySource) ?? null);
          }
        }
      }
    }
    if (isFinished) await repo.setTournamentState(tx, t.id, 'finished', champion, clock());
    else if (t.status === 'finished') await repo.setTournamentState(tx, t.id, 'drawn', null, clock());
    else await repo.touchTournament(tx, t.id, clock());
  }

  /** The draw and schedule of a tournament taking entries, in the caller's transaction. */
  async function drawIn(tx: Db, t: repo.TournamentRecord, ctx: StaffCtx): Promise<void> {
    const teams = await repo.listTeams(tx, t.id);
    const min = t.format === 'groups_knockout' ? Math.max(2 * t.groupCount, t.groupCount * t.advancePerGroup) : 2;
    if (teams.length < min) throw new AppError('TOURNAMENT_TOO_FEW_TEAMS', { status: 409, params: { min, count: teams.length } });
    const { matches, groupOf } = buildDraw(t, teams);
    for (const [teamId, g] of groupOf) await repo.setTeamGroup(tx, teamId, g);
    for (const m of matches) await repo.insertMatch(tx, t.id, m);
    await repo.setTournamentState(tx, t.id, 'drawn', null, clock());
    await recordAudit(tx, ctx.audit, { action: 'event.tournament_draw', entityType: 'tournament', entityId: t.id, orgId: t.orgId, after: { teams: teams.length, matches: matches.length } });
  }

  /** A score entered (or corrected) on a match of a tournament locked by the caller; winners move on. */
  async function applyResult(tx: Db, t: repo.TournamentRecord, matchId: string, input: MatchResult, ctx: StaffCtx): Promise<void> {
    const m = await repo.findMatch(tx, t.id, matchId, true);
    if (!m) throw notFound('ENTITY_tournament_match');
    if (m.version !== input.version) throw versionConflict(input.version, m.version);
    if (!m.homeTeamId || !m.awayTeamId || (m.status !== 'scheduled' && m.status !== 'played')) throw new AppError('TOURNAMENT_MATCH_NOT_READY', { status: 409 });
    if (m.stage === 'knockout' && input.homeScore === input.awayScore) throw fieldError('awayScore', 'TOURNAMENT_KNOCKOUT_DRAW');
    const isCorrection = m.status === 'played';
    if (isCorrection) {
      if (!input.reason) throw fieldError('reason', 'TOURNAMENT_CORRECTION_REASON');
      const all = await repo.listMatches(tx, t.id);
      const isNextPlayed =
        m.stage === 'knockout'
          ? all.some((x) => x.stage === 'knockout' && x.round === m.round + 1 && x.idx === Math.floor(m.idx / 2) && x.status === 'played')
          : all.some((x) => x.stage === 'knockout' && x.status === 'played');
      if (isNextPlayed) throw new AppError('TOURNAMENT_CORRECTION_CLOSED', { status: 409 });
    }
    const winner = input.homeScore > input.awayScore ? m.homeTeamId : input.homeScore < input.awayScore ? m.awayTeamId : null;
    await repo.setResult(tx, m.id, { homeScore: input.homeScore, awayScore: input.awayScore, winnerTeamId: winner, by: ctx.userId }, clock());
    await recordAudit(tx, ctx.audit, {
      action: isCorrection ? 'event.tournament_correct' : 'event.tournament_result',
      entityType: 'tournament_match',
      entityId: m.id,
      orgId: t.orgId,
      before: isCorrection ? { homeScore: m.homeScore, awayScore: m.awayScore } : null,
      after: { homeScore: input.homeScore, awayScore: input.awayScore, ...(isCorrection ? { reason: input.reason } : {}) },
    });
    await advance(tx, t, m, winner);
  }

  return {
    drawIn,
    applyResult,

    async list(q: { eventId?: string | undefined }, ctx: StaffCtx): Promise<{ items: TournamentView[] }> {
      const where = [relatedSql(ctx.read, sql`o.path`)];
      if (q.eventId) where.push(sql`t.event_id = ${q.eventId}`);
      const items = await repo.listTournaments(db, sql.join(where, sql` and `));
      return { items: items.map((t) => toView(t, [], ctx)) };
    },

    async get(id: string, ctx: StaffCtx): Promise<TournamentDetail> {
      const t = await visible(db, id, ctx);
      return detailOf(db, t, ctx);
    },

    async create(input: CreateTournament, ctx: StaffCtx): Promise<TournamentDetail> {
      return db.transaction(async (tx) => {
        const e = await events.findEvent(tx, input.eventId, true);
        if (!e || !isInScope(ctx.write, e.orgPath)) throw fieldError('eventId', 'EVENT_ORG_UNKNOWN');
        if (e.type !== 'sport') throw fieldError('eventId', 'TOURNAMENT_EVENT_NOT_SPORT');
        const entrants = input.groupCount * input.advancePerGroup;
        // Group winners (and runners-up) fill a whole bracket: 2, 4, 8, 16… of them.
        if (input.format === 'groups_knockout' && (entrants & (entrants - 1)) !== 0) throw fieldError('groupCount', 'TOURNAMENT_KNOCKOUT_SIZE', { count: entrants });
        const id = await repo.insertTournament(tx, { ...input, firstSlotAt: new Date(input.firstSlotAt) }, ctx.userId, clock());
        await recordAudit(tx, ctx.audit, {
          action: 'event.tournament_create',
          entityType: 'tournament',
          entityId: id,
          orgId: e.orgId,
          after: { title: input.title, format: input.format, courts: input.courts, eventId: e.id },
        });
        return detailOf(tx, (await repo.findTournament(tx, id))!, ctx);
      });
    },

    /** A union enters a team: its own union (in the caller's write scope, under the organiser), players from its subtree. */
    async registerTeam(id: string, input: RegisterTeam, ctx: StaffCtx): Promise<TournamentDetail> {
      return db.transaction(async (tx) => {
        const t = await visible(tx, id, ctx, true);
        if (t.status !== 'registration') throw stateError(t.status);
        const [union] = await events.findOrgs(tx, [input.unionOrgId]);
        if (!union || !isInScope(ctx.write, union.path) || !union.path.startsWith(t.orgPath)) throw fieldError('unionOrgId', 'TOURNAMENT_UNION_OUTSIDE');
        const ids = [...new Set(input.membershipIds)];
        if (ids.length < t.rosterMin || ids.length > t.rosterMax) throw fieldError('membershipIds', 'TOURNAMENT_ROSTER_SIZE', { min: t.rosterMin, max: t.rosterMax, count: ids.length });
        const found = await findMemberships(tx, ids);
        const players = ids.map((mid, i) => {
          const m = found.find((x) => x.membershipId === mid);
          if (!m || m.status !== 'active' || !m.orgPath.startsWith(union.path)) throw fieldError(`membershipIds.${i}`, 'TOURNAMENT_PLAYER_NOT_ELIGIBLE', { union: union.name });
          return m;
        });
        if (await repo.findTeamByName(tx, t.id, input.name)) throw fieldError('name', 'TOURNAMENT_TEAM_NAME_TAKEN');
        const taken = await repo.findTakenPlayers(
          tx,
          t.id,
          players.map((p) => p.personId),
        );
        const playerTaken = (name: string, team: string) => new AppError('TOURNAMENT_PLAYER_TAKEN', { status: 409, params: { name, team } });
        if (taken[0]) throw playerTaken(taken[0].name, taken[0].team);
        const teamId = await repo.insertTeam(tx, { tournamentId: t.id, unionOrgId: union.id, unionPath: union.path, name: input.name, seed: isInScope(ctx.write, t.orgPath) ? input.seed : null, registeredBy: ctx.userId });
        try {
          // The unique key (tournament, person) decides when two unions enter the same person at once.
          for (const p of players) await repo.insertPlayer(tx, t.id, teamId, { membershipId: p.membershipId, personId: p.personId, name: p.realName });
        } catch (err) {
          if (isUniqueViolation(err, 'tournament_player_person_unique')) throw new AppError('TOURNAMENT_PLAYER_TAKEN', { status: 409, detail: 'TOURNAMENT_PLAYER_TAKEN_ANY' });
          throw err;
        }
        await recordAudit(tx, ctx.audit, {
          action: 'event.tournament_team',
          entityType: 'tournament',
          entityId: t.id,
          orgId: union.id,
          after: { team: input.name, union: union.name, players: players.length },
        });
        return detailOf(tx, (await repo.findTournament(tx, t.id))!, ctx);
      });
    },

    /** The draw and the schedule, in one go: groups or bracket placement, then courts × slots. */
    async draw(id: string, version: number, ctx: StaffCtx): Promise<TournamentDetail> {
      return db.transaction(async (tx) => {
        const t = await runnable(tx, id, ctx);
        if (t.version !== version) throw versionConflict(version, t.version);
        if (t.status !== 'registration') throw stateError(t.status);
        await drawIn(tx, t, ctx);
        return detailOf(tx, (await repo.findTournament(tx, t.id))!, ctx);
      });
    },

    /** Enters a score (or corrects one, with a reason, while the next round's match is unplayed); winners move on. */
    async enterResult(id: string, matchId: string, input: MatchResult, ctx: StaffCtx): Promise<TournamentDetail> {
      return db.transaction(async (tx) => {
        // The tournament row first: results of one tournament are entered one at a time.
        const t = await runnable(tx, id, ctx);
        await applyResult(tx, t, matchId, input, ctx);
        return detailOf(tx, (await repo.findTournament(tx, t.id))!, ctx);
      });
    },

    /** The big screen's data: teams and unions, matches, standings — no players, nobody's personal data. */
    async publicView(id: string): Promise<PublicTournament> {
      const t = await repo.findTournament(db, id);
      // Only a published event's tournament is on a public screen (not a draft's or a cancelled one's).
      if (!t || t.eventStatus !== 'published') throw notFound('ENTITY_tournament');
      const [teams, matches] = [await repo.listTeams(db, t.id), await repo.listMatches(db, t.id)];
      const names = new Map(teams.map((x) => [x.id, x.name]));
      return {
        id: t.id,
        title: t.title,
        eventTitle: t.eventTitle,
        orgName: t.orgName,
        format: t.format,
        status: t.status,
        champion: t.championTeamId ? (names.get(t.championTeamId) ?? null) : null,
        teams: teams.map((x) => ({ id: x.id, name: x.name, union: x.unionName, group: x.groupLabel })),
        matches: matches.map((m) => {
          const { version: _v, ...rest } = toMatch(m, names);
          return rest;
        }),
        standings: standingsOf(t, teams, matches),
        tieBreaks: TIE_BREAKS,
        updatedAt: t.updatedAt.toISOString(),
      };
    },
  };
}

export type TournamentService = ReturnType<typeof createTournamentService>;
