import { z } from 'zod';

/**
 * 婚恋交友 (issue 13 point 9): participants of a matchmaking event opt in with a profile that only the
 * other checked-in participants of the same event see; during the picks window each picks up to N
 * of them; after the window closes only mutual picks are revealed, to their two members, and the
 * contact (phone) only once both confirm. Staff see counts, never who picked whom.
 */
export const ageBands = ['20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** before: profiles only; picking: the window is open; revealed: the window closed and matches are out. */
export const matchmakingPhases = ['before', 'picking', 'revealed'] as const;
export type MatchmakingPhase = (typeof matchmakingPhases)[number];

export const DEFAULT_MAX_PICKS = 3;
/** The picks window closes this long after the event's end unless staff set another deadline. */
export const DEFAULT_PICKS_CLOSE_HOURS = 48;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), 'TEXT_CONTROL');

export const matchmakingProfileInputSchema = z.strictObject({
  nickname: text(20).pipe(z.string().min(1)),
  ageBand: z.enum(ageBands),
  intro: text(200).default(''),
  /** A photo uploaded by the participant (POST /photos); null: no photo; absent: keep the current one. */
  photoId: z.uuid().nullable().optional(),
});
export type MatchmakingProfileInput = z.infer<typeof matchmakingProfileInputSchema>;

export const matchmakingProfileSchema = z.object({
  id: z.uuid(),
  nickname: z.string(),
  ageBand: z.enum(ageBands),
  intro: z.string(),
  hasPhoto: z.boolean(),
});
export type MatchmakingProfile = z.infer<typeof matchmakingProfileSchema>;

/** What the participant's phone shows: their own state only. */
export const matchmakingMeSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  isRegistered: z.boolean(),
  isCheckedIn: z.boolean(),
  phase: z.enum(matchmakingPhases),
  maxPicks: z.number().int(),
  picksOpenAt: z.string(),
  picksCloseAt: z.string(),
  profile: matchmakingProfileSchema.nullable(),
  /** The profiles the caller picked (their own choices; nobody else ever sees them). */
  myPicks: z.array(z.uuid()),
});
export type MatchmakingMe = z.infer<typeof matchmakingMeSchema>;

export const matchmakingPicksSchema = z.strictObject({ profileIds: z.array(z.uuid()).max(20) });
export type MatchmakingPicks = z.infer<typeof matchmakingPicksSchema>;

/** pending: the caller has not answered; waiting: the caller confirmed; confirmed: both did; declined: either said no. */
export const matchmakingMatchStatuses = ['pending', 'waiting', 'confirmed', 'declined'] as const;
export type MatchmakingMatchStatus = (typeof matchmakingMatchStatuses)[number];

export const matchmakingMatchSchema = z.object({
  id: z.uuid(),
  status: z.enum(matchmakingMatchStatuses),
  /** The other member of the match (null once they withdrew after both confirmed). */
  partner: matchmakingProfileSchema.nullable(),
});
export type MatchmakingMatch = z.infer<typeof matchmakingMatchSchema>;

export const matchmakingContactSchema = z.object({ nickname: z.string(), phone: z.string().nullable() });
export type MatchmakingContact = z.infer<typeof matchmakingContactSchema>;

/** The staff's view of a matchmaking event: the settings and counts, nothing about any person. */
export const matchmakingCountsSchema = z.object({
  eventId: z.uuid(),
  maxPicks: z.number().int(),
  picksOpenAt: z.string(),
  picksCloseAt: z.string(),
  phase: z.enum(matchmakingPhases),
  /** Opted-in profiles; of them, checked in. */
  profiles: z.number().int(),
  participants: z.number().int(),
  /** Picks made (null until the window closes: a live count in a small event says who picked whom). */
  picks: z.number().int().nullable(),
  /** Mutual picks (null until the window closes: counting them earlier would say who picked whom over time). */
  matches: z.number().int().nullable(),
  confirmedMatches: z.number().int().nullable(),
  version: z.number().int(),
});
export type MatchmakingCounts = z.infer<typeof matchmakingCountsSchema>;

export const matchmakingSettingsSchema = z.strictObject({
  version: z.number().int().min(0),
  maxPicks: z.number().int().min(1).max(10),
  picksOpenAt: z.iso.datetime({ offset: true }),
  picksCloseAt: z.iso.datetime({ offset: true }),
});
export type MatchmakingSettings = z.infer<typeof matchmakingSettingsSchema>;
