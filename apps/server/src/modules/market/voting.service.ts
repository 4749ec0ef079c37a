import { randomBytes } from 'node:crypto';
import { CHECKIN_CODE_SECONDS, type Rep, type VoteSession, type VotingView } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { enforceRateLimit } from '../../platform/rate-limit';
import { findMemberships, findPersonIdsOfUser } from '../members';
import { checkCheckinCode, currentCode } from './checkin-code';
import { notifyRoadshow, stateEvent } from './live';
import * as seasonsRepo from './seasons.repository';
import type { SeasonsService } from './seasons.service';
import { iso, isoOrNull, stateError, type MarketDeps, type StaffCtx, type UserCtx } from './shared';
import * as repo from './voting.repository';

const toRep = (r: repo.RepRow): Rep => ({ id: r.id, name: r.name, union: { id: r.orgId, name: r.orgName }, votesUsed: r.votesUsed, voteLimit: r.voteLimit, checkedIn: r.checkedIn, createdAt: iso(r.createdAt) });

/**
 * Worker representatives' votes at the roadshow: representatives listed by their unions, voting
 * sessions per venue opened and closed by the moderator, check-in with the rotating code, one
 * vote per project and N per representative, paper ballots per venue.
 */
export function createVotingService({ db, secrets, seasons, publicUrl, clock = () => new Date() }: MarketDeps & { seasons: SeasonsService; publicUrl: string }) {
  const codeUrl = (sessionId: string, code: string) => `${publicUrl}/m/vote/${sessionId}?c=${code}`;

  /** Votes and the moderator's controls belong to the final, before the result is confirmed. */
  function assertFinalOpen(s: seasonsRepo.SeasonRow) {
    if (s.stage !== 'final') throw new AppError('MARKET_WRONG_STAGE', { status: 409, params: { stage: 'STAGE_final', current: `STAGE_${s.stage}` } });
    if (s.confirmedAt) throw stateError('MARKET_VOTING_CLOSED');
  }

  const notListed = () => new AppError('MARKET_REP_NOT_LISTED', { status: 404, detail: 'MARKET_REP_NOT_LISTED_DETAIL' });

  async function sessionFor(tx: Db, id: string, scope: Scope) {
    const session = await repo.findSession(tx, id);
    if (!session) throw notFound('ENTITY_market_session');
    const s = await seasons.seasonFor(tx, session.seasonId, scope, 'run', true);
    return { session, season: s };
  }

  /**
   * The signed-in account's representative record in the session's season, or refused. 404: a
   * season's sessions are not there for anyone but its representatives (the authorisation matrix);
   * the code still lets the phone say why to someone who scanned the hall's QR.
   */
  async function myRep(tx: Db, seasonId: string, userId: string) {
    const rep = await repo.findRepOfPersons(tx, seasonId, await findPersonIdsOfUser(tx, userId));
    if (!rep) throw notListed();
    return rep;
  }

  async function finalists(tx: Db, seasonId: string) {
    return (await seasonsRepo.listEntries(tx, sql`e.season_id = ${seasonId} and e.status = 'finalist'`, 1, 200, sql`e.pitch_order nulls last, e.number`)).items;
  }

  return {
    async listReps(seasonId: string, q: { page: number; pageSize: number; q?: string | undefined }, scope: Scope) {
      await seasons.seasonFor(db, seasonId, scope, 'read');
      const { items, total } = await repo.listReps(db, seasonId, scope, q.page, q.pageSize, q.q);
      return { items: items.map(toRep), total, page: q.page, pageSize: q.pageSize };
    },

    /** A union lists its active members as representatives; others are skipped with the reason. */
    async addReps(seasonId: string, membershipIds: string[], ctx: StaffCtx) {
      return db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'read');
        if (s.stage === 'published' || s.confirmedAt) throw stateError('MARKET_VOTING_CLOSED');
        const members = await findMemberships(tx, membershipIds);
        const skipped: { membershipId: string; reason: string }[] = [];
        const values = [];
        for (const id of new Set(membershipIds)) {
          const m = members.find((x) => x.membershipId === id);
          if (!m || !isInScope(ctx.scope, m.orgPath) || !m.orgPath.startsWith(s.orgPath)) skipped.push({ membershipId: id, reason: 'NOT_FOUND' });
          else if (m.status !== 'active') skipped.push({ membershipId: id, reason: 'MARKET_NOT_A_MEMBER' });
          else values.push({ seasonId, personId: m.personId, membershipId: m.membershipId, orgId: m.orgId, name: m.realName, voteLimit: s.votesPerRep, listedBy: ctx.actor.userId });
        }
        const added = await repo.insertReps(tx, values);
        for (const v of values) if (!added.includes(v.personId)) skipped.push({ membershipId: v.membershipId, reason: 'DUPLICATE_VALUE' });
        await recordAudit(tx, ctx.audit, { action: 'market.rep.add', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, after: { added: added.length, membershipIds: values.filter((v) => added.includes(v.personId)).map((v) => v.membershipId) } });
        return { added: added.length, skipped };
      });
    },

    async removeRep(repId: string, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const rep = await repo.findRep(tx, repId);
        if (!rep || !isInScope(ctx.scope, rep.orgPath)) throw notFound('ENTITY_market_rep');
        if (rep.votesUsed > 0) throw stateError('MARKET_REP_HAS_VOTES');
        await repo.deleteRep(tx, repId);
        await recordAudit(tx, ctx.audit, { action: 'market.rep.remove', entityType: 'market_season', entityId: rep.seasonId, orgId: rep.orgId, before: { repId, name: rep.name } });
      });
    },

    async listSessions(seasonId: string, scope: Scope): Promise<VoteSession[]> {
      await seasons.seasonFor(db, seasonId, scope, 'run');
      return (await repo.listSessions(db, seasonId)).map((x) => ({ id: x.id, seasonId: x.seasonId, venue: x.venue, status: x.status as VoteSession['status'], openedAt: isoOrNull(x.openedAt), closedAt: isoOrNull(x.closedAt), checkins: x.checkins, votes: x.votes }));
    },

    async createSession(seasonId: string, venue: string, ctx: StaffCtx): Promise<VoteSession> {
      return db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.stage === 'published') throw stateError('MARKET_VOTING_CLOSED');
        const id = await repo.insertSession(tx, { seasonId, venue, secret: randomBytes(16).toString('base64url') });
        await recordAudit(tx, ctx.audit, { action: 'market.session.create', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, after: { sessionId: id, venue } });
        return { id, seasonId, venue, status: 'ready', openedAt: null, closedAt: null, checkins: 0, votes: 0 };
      });
    },

    /** The moderator opens or closes voting at a venue (the screen follows). */
    async setSessionOpen(sessionId: string, isOpen: boolean, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const { session, season } = await sessionFor(tx, sessionId, ctx.scope);
        if (isOpen) assertFinalOpen(season);
        const now = clock();
        await repo.setSessionStatus(tx, sessionId, isOpen ? 'open' : 'closed', now);
        await recordAudit(tx, ctx.audit, { action: isOpen ? 'market.session.open' : 'market.session.close', entityType: 'market_season', entityId: season.id, orgId: season.orgId, before: { sessionId, status: session.status }, after: { status: isOpen ? 'open' : 'closed' } });
        await notifyRoadshow(tx, [stateEvent(season.id, now)]);
      });
    },

    /** The current code for the moderator's own device or a second hall screen. */
    async sessionCode(sessionId: string, scope: Scope) {
      const session = await repo.findSession(db, sessionId);
      if (!session) throw notFound('ENTITY_market_session');
      await seasons.seasonFor(db, session.seasonId, scope, 'run');
      const c = currentCode(secrets.key, session.secret, clock());
      return { code: c.code, url: codeUrl(sessionId, c.code), expiresInSeconds: c.expiresInSeconds };
    },

    /** What is pitching now, for the screen and the representatives' phones. */
    async setCurrentEntry(seasonId: string, entryId: string | null, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        if (s.stage !== 'final') throw new AppError('MARKET_WRONG_STAGE', { status: 409, params: { stage: 'STAGE_final', current: `STAGE_${s.stage}` } });
        if (entryId) {
          const e = await seasonsRepo.findEntry(tx, entryId);
          if (!e || e.seasonId !== seasonId || e.status !== 'finalist') throw new AppError('MARKET_VOTE_NOT_FINALIST', { status: 400 });
        }
        await seasonsRepo.updateSeason(tx, seasonId, s.version, { currentEntryId: entryId });
        await recordAudit(tx, ctx.audit, { action: 'market.season.current', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, before: { currentEntryId: s.currentEntryId }, after: { currentEntryId: entryId } });
        await notifyRoadshow(tx, [stateEvent(seasonId, clock())]);
      });
    },

    /** Paper ballots counted at a venue, per finalist (replacing that venue's earlier figures). */
    async savePaperTallies(seasonId: string, input: { venue: string; counts: { entryId: string; votes: number }[] }, ctx: StaffCtx): Promise<void> {
      await db.transaction(async (tx) => {
        const s = await seasons.seasonFor(tx, seasonId, ctx.scope, 'run', true);
        assertFinalOpen(s);
        const ids = new Set((await finalists(tx, seasonId)).map((e) => e.id));
        input.counts.forEach((c, i) => {
          if (!ids.has(c.entryId)) throw new AppError('MARKET_VOTE_NOT_FINALIST', { status: 400, errors: [{ path: `counts.${i}.entryId`, message: 'MARKET_VOTE_NOT_FINALIST' }] });
        });
        for (const c of input.counts) await repo.upsertPaperTally(tx, { seasonId, venue: input.venue, entryId: c.entryId, votes: c.votes, enteredBy: ctx.actor.userId });
        await recordAudit(tx, ctx.audit, { action: 'market.paper.save', entityType: 'market_season', entityId: seasonId, orgId: s.orgId, after: { venue: input.venue, counts: input.counts } });
        await notifyRoadshow(tx, [stateEvent(seasonId, clock())]);
      });
    },

    // ------------------------------------------------------------ the representative's phone

    async myVoting(userId: string) {
      const reps = await repo.listRepsOfPersons(db, await findPersonIdsOfUser(db, userId));
      const items = [];
      for (const rep of reps) {
        const s = (await seasonsRepo.findSeason(db, rep.seasonId))!;
        if (s.stage === 'published') continue;
        const sessions = await repo.listSessions(db, s.id);
        items.push({
          seasonId: s.id,
          title: s.title,
          stage: s.stage as 'final',
          votesUsed: rep.votesUsed,
          voteLimit: rep.voteLimit,
          sessions: sessions.map((x) => ({ id: x.id, venue: x.venue, status: x.status as 'open', isCheckedIn: rep.checkedIn.includes(x.venue) })),
        });
      }
      return { items };
    },

    async votingView(sessionId: string, userId: string): Promise<VotingView> {
      const session = await repo.findSession(db, sessionId);
      if (!session) throw notFound('ENTITY_market_session');
      const s = (await seasonsRepo.findSeason(db, session.seasonId))!;
      const rep = await myRep(db, s.id, userId);
      const voted = new Set(await repo.listVotedEntries(db, rep.id));
      return {
        session: { id: session.id, venue: session.venue, status: session.status as VotingView['session']['status'] },
        season: { id: s.id, title: s.title, votesPerRep: rep.voteLimit },
        isCheckedIn: await repo.isCheckedIn(db, sessionId, rep.id),
        votesLeft: rep.voteLimit - rep.votesUsed,
        entries: (await finalists(db, s.id)).map((e) => ({ id: e.id, number: e.number, title: e.title, provider: e.providerName, pitchOrder: e.pitchOrder, isVoted: voted.has(e.id), isPitching: s.currentEntryId === e.id })),
      };
    },

    /** Check-in with the hall's rotating code: forged codes and replays of old ones are told apart. */
    async checkin(sessionId: string, code: string, ctx: UserCtx): Promise<void> {
      await enforceRateLimit(db, { key: `market-checkin:${ctx.userId}`, limit: 20, windowSeconds: 300 });
      await db.transaction(async (tx) => {
        const session = await repo.findSession(tx, sessionId);
        if (!session) throw notFound('ENTITY_market_session');
        const s = (await seasonsRepo.findSeason(tx, session.seasonId))!;
        const rep = await myRep(tx, s.id, ctx.userId);
        if (session.status === 'closed' && s.confirmedAt) throw stateError('MARKET_VOTING_CLOSED');
        const check = checkCheckinCode(secrets.key, session.secret, code, clock());
        if (check === 'expired') throw new AppError('MARKET_CHECKIN_CODE_EXPIRED', { status: 400, params: { seconds: CHECKIN_CODE_SECONDS }, errors: [{ path: 'code', message: 'MARKET_CHECKIN_CODE_EXPIRED' }] });
        if (check === 'invalid') throw new AppError('MARKET_CHECKIN_CODE_INVALID', { status: 400, errors: [{ path: 'code', message: 'MARKET_CHECKIN_CODE_INVALID' }] });
        if (await repo.insertCheckin(tx, sessionId, rep.id)) {
          await recordAudit(tx, ctx.audit, { action: 'market.rep.checkin', entityType: 'market_season', entityId: s.id, orgId: rep.orgId, after: { sessionId, repId: rep.id } });
        }
      });
    },

    /**
     * One vote. Refused: not a representative, not checked in at this session, voting not open,
     * not a finalist, a second vote for the same project, no votes left. The representative's row
     * counts the votes (its check holds the limit), the unique index the one-per-project rule, and
     * the running count moves in the same transaction that notifies the screens.
     */
    async vote(sessionId: string, entryId: string, ctx: UserCtx): Promise<{ votesLeft: number }> {
      const personIds = await findPersonIdsOfUser(db, ctx.userId);
      return db.transaction(async (tx) => {
        const session = await repo.findSession(tx, sessionId);
        if (!session) throw notFound('ENTITY_market_session');
        const rep = await repo.findRepOfPersons(tx, session.seasonId, personIds);
        if (!rep) throw notListed();
        if (session.status !== 'open') throw stateError('MARKET_VOTING_CLOSED');
        if (!(await repo.isCheckedIn(tx, sessionId, rep.id))) throw stateError('MARKET_NOT_CHECKED_IN');
        const entry = await seasonsRepo.findEntry(tx, entryId);
        if (!entry || entry.seasonId !== session.seasonId || entry.status !== 'finalist') throw new AppError('MARKET_VOTE_NOT_FINALIST', { status: 400 });
        const used = await repo.takeVote(tx, rep.id);
        if (used === null) throw new AppError('MARKET_VOTES_USED_UP', { status: 409, params: { limit: rep.voteLimit } });
        const vote = await repo.insertVote(tx, { seasonId: session.seasonId, sessionId, repId: rep.id, entryId });
        if (!vote) throw stateError('MARKET_VOTE_DUPLICATE');
        const votes = await repo.bumpVoteCount(tx, session.seasonId, entryId);
        await recordAudit(tx, ctx.audit, { action: 'market.vote', entityType: 'market_vote', entityId: vote.id, orgId: rep.orgId, after: { seasonId: session.seasonId, sessionId, entryId, repId: rep.id } });
        await notifyRoadshow(tx, [{ kind: 'vote', id: vote.id, seasonId: session.seasonId, entryId, votes, at: vote.at.toISOString() }]);
        return { votesLeft: rep.voteLimit - used };
      });
    },
  };
}

export type VotingService = ReturnType<typeof createVotingService>;
