import { z } from 'zod';
import { versionSchema } from './common';

/** 赛事 (issue 13 point 7): union teams, draws, a schedule over courts and slots, results, standings. */
export const tournamentFormats = ['round_robin', 'single_elimination', 'groups_knockout'] as const;
export type TournamentFormat = (typeof tournamentFormats)[number];
export const tournamentStatuses = ['registration', 'drawn', 'finished'] as const;
export const matchStatuses = ['pending', 'scheduled', 'played', 'bye'] as const;

const isoInstant = z.iso.datetime({ offset: true }).refine((v) => {
  const y = new Date(v).getUTCFullYear();
  return y >= 2000 && y <= 2100;
}, 'EVENT_DATE_RANGE');

export const createTournamentSchema = z
  .strictObject({
    /** The sport event (文体活动, type sport) the tournament is played at. */
    eventId: z.uuid(),
    title: z.string().trim().min(2).max(100),
    format: z.enum(tournamentFormats),
    /** Groups → knockout: how many groups, and how many of each group go through (1 or 2). */
    groupCount: z.number().int().min(2).max(32).default(4),
    advancePerGroup: z.number().int().min(1).max(2).default(2),
    /** Courts (场地) by name, e.g. 1号场. */
    courts: z.array(z.string().trim().min(1).max(30)).min(1).max(40),
    /** The first slot's start; slots follow each other `slotMinutes` apart, `slotsPerDay` a day, then the next day at the same time. */
    firstSlotAt: isoInstant,
    slotMinutes: z.number().int().min(5).max(600).default(30),
    slotsPerDay: z.number().int().min(1).max(48).default(16),
    /** Free slots a team gets between two of its matches. */
    restSlots: z.number().int().min(0).max(10).default(1),
    pointsWin: z.number().int().min(0).max(10).default(3),
    pointsDraw: z.number().int().min(0).max(10).default(1),
    pointsLoss: z.number().int().min(0).max(10).default(0),
    rosterMin: z.number().int().min(1).max(50).default(3),
    rosterMax: z.number().int().min(1).max(50).default(5),
  })
  .refine((v) => v.rosterMin <= v.rosterMax, { path: ['rosterMax'], message: 'TOURNAMENT_ROSTER_RANGE' });
export type CreateTournament = z.infer<typeof createTournamentSchema>;

export const registerTeamSchema = z.strictObject({
  /** The union the team plays for (the caller's scope); its players are members of its subtree. */
  unionOrgId: z.uuid(),
  name: z.string().trim().min(1).max(40),
  membershipIds: z.array(z.uuid()).min(1).max(50),
  /** 1 = top seed; empty: unseeded. */
  seed: z.number().int().min(1).max(999).nullable().default(null),
});
export type RegisterTeam = z.infer<typeof registerTeamSchema>;

export const drawSchema = z.strictObject({ version: versionSchema });

export const matchResultSchema = z.strictObject({
  homeScore: z.number().int().min(0).max(999),
  awayScore: z.number().int().min(0).max(999),
  /** The match's version as read; a played match is corrected only with a reason (audited). */
  version: versionSchema,
  reason: z.string().trim().min(2).max(500).optional(),
});
export type MatchResult = z.infer<typeof matchResultSchema>;

export const tournamentTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  union: z.object({ id: z.uuid(), name: z.string() }),
  group: z.string().nullable(),
  seed: z.number().int().nullable(),
  /** Players' names: staff views only (the public screen gets none). */
  players: z.array(z.object({ membershipId: z.uuid(), name: z.string() })),
});
export type TournamentTeam = z.infer<typeof tournamentTeamSchema>;

export const tournamentMatchSchema = z.object({
  id: z.uuid(),
  stage: z.enum(['group', 'knockout']),
  group: z.string().nullable(),
  round: z.number().int(),
  index: z.number().int(),
  home: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  away: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Where a not-yet-known side comes from: "A1" (group A's winner), "W3" (winner of knockout match 3). */
  homeSource: z.string().nullable(),
  awaySource: z.string().nullable(),
  court: z.string().nullable(),
  startsAt: z.string().nullable(),
  homeScore: z.number().int().nullable(),
  awayScore: z.number().int().nullable(),
  winnerId: z.uuid().nullable(),
  status: z.enum(matchStatuses),
  version: z.number().int(),
});
export type TournamentMatch = z.infer<typeof tournamentMatchSchema>;

export const standingRowSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  union: z.string(),
  played: z.number().int(),
  won: z.number().int(),
  drawn: z.number().int(),
  lost: z.number().int(),
  scoreFor: z.number().int(),
  scoreAgainst: z.number().int(),
  points: z.number().int(),
  rank: z.number().int(),
});
export type StandingRow = z.infer<typeof standingRowSchema>;

export const tournamentSchema = z.object({
  id: z.uuid(),
  event: z.object({ id: z.uuid(), title: z.string(), org: z.object({ id: z.uuid(), name: z.string() }) }),
  title: z.string(),
  format: z.enum(tournamentFormats),
  status: z.enum(tournamentStatuses),
  groupCount: z.number().int(),
  advancePerGroup: z.number().int(),
  courts: z.array(z.string()),
  firstSlotAt: z.string(),
  slotMinutes: z.number().int(),
  slotsPerDay: z.number().int(),
  restSlots: z.number().int(),
  pointsWin: z.number().int(),
  pointsDraw: z.number().int(),
  pointsLoss: z.number().int(),
  rosterMin: z.number().int(),
  rosterMax: z.number().int(),
  champion: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  teamCount: z.number().int(),
  /** Whether the caller runs it (draw, results) — the organiser's staff. */
  canRun: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TournamentView = z.infer<typeof tournamentSchema>;

export const tieBreakSchema = z.object({ zh: z.array(z.string()), en: z.array(z.string()) });

export const tournamentDetailSchema = z.object({
  tournament: tournamentSchema,
  teams: z.array(tournamentTeamSchema),
  matches: z.array(tournamentMatchSchema),
  standings: z.array(z.object({ group: z.string().nullable(), rows: z.array(standingRowSchema) })),
  tieBreaks: tieBreakSchema,
});
export type TournamentDetail = z.infer<typeof tournamentDetailSchema>;

export const listTournamentsQuerySchema = z.object({ eventId: z.uuid().optional() });

/** The big screen: no players, no people — team and union names, matches, standings. */
export const publicTournamentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  eventTitle: z.string(),
  orgName: z.string(),
  format: z.enum(tournamentFormats),
  status: z.enum(tournamentStatuses),
  champion: z.string().nullable(),
  teams: z.array(z.object({ id: z.uuid(), name: z.string(), union: z.string(), group: z.string().nullable() })),
  matches: z.array(tournamentMatchSchema.omit({ version: true })),
  standings: z.array(z.object({ group: z.string().nullable(), rows: z.array(standingRowSchema) })),
  tieBreaks: tieBreakSchema,
  updatedAt: z.string(),
});
export type PublicTournament = z.infer<typeof publicTournamentSchema>;
