import { z } from 'zod';
import { pageQuerySchema } from './common';
import { careKinds, honourLevels, honourStatuses, honourTitles } from './honours';

/**
 * 志愿服务 (volunteers): volunteer teams (志愿服务队) of a union with a leader and members (a member
 * applies on the phone, staff approve or add), their activities (志愿活动) with a time window, place
 * and headcount, sign-up by the team's members, hours served confirmed by the organiser after the
 * activity, and a certificate of hours served (PDF).
 */
export const volunteerMemberStatuses = ['pending', 'active'] as const;
export type VolunteerMemberStatus = (typeof volunteerMemberStatuses)[number];
/** Where an activity is: stored `open` becomes upcoming / ongoing / ended by the clock; `confirmed` once hours are confirmed; `cancelled` by staff before it started. */
export const volunteerActivityStates = ['upcoming', 'ongoing', 'ended', 'confirmed', 'cancelled'] as const;
export type VolunteerActivityState = (typeof volunteerActivityStates)[number];

const text = (max: number) => z.string().trim().max(max);

export const createVolunteerTeamSchema = z.object({
  /** The owning union (in the caller's scope). */
  orgId: z.uuid(),
  name: text(100).min(1),
  /** The leader (队长): an active member of a union in scope; joins the team as its first member. */
  leaderMembershipId: z.uuid(),
  description: text(500).nullable().default(null),
});
export type CreateVolunteerTeam = z.infer<typeof createVolunteerTeamSchema>;

export const volunteerTeamSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  leaderPersonId: z.uuid(),
  leaderName: z.string(),
  description: z.string().nullable(),
  members: z.number().int(),
  pending: z.number().int(),
  activities: z.number().int(),
  /** Set once staff dissolved the team (解散). */
  dissolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type VolunteerTeam = z.infer<typeof volunteerTeamSchema>;

/** 编辑: name, description, and the owning union (in the caller's scope, in the same district). */
export const updateVolunteerTeamSchema = z.object({ orgId: z.uuid(), name: text(100).min(1), description: text(500).nullable().default(null) });
export type UpdateVolunteerTeam = z.infer<typeof updateVolunteerTeamSchema>;
export const volunteerTeamsQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), q: text(50).optional() });

export const volunteerTeamMemberSchema = z.object({
  personId: z.uuid(),
  personName: z.string(),
  orgName: z.string(),
  status: z.enum(volunteerMemberStatuses),
  isLeader: z.boolean(),
  /** Hours served (confirmed) in this team's activities. */
  hours: z.number(),
  createdAt: z.string(),
});
export type VolunteerTeamMember = z.infer<typeof volunteerTeamMemberSchema>;
export const volunteerTeamDetailSchema = volunteerTeamSchema.extend({ memberList: z.array(volunteerTeamMemberSchema) });
export type VolunteerTeamDetail = z.infer<typeof volunteerTeamDetailSchema>;
export const addVolunteerMemberSchema = z.object({ membershipId: z.uuid() });

export const createVolunteerActivitySchema = z
  .object({
    teamId: z.uuid(),
    title: text(100).min(1),
    place: text(200).min(1),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** 招募人数: at most this many sign up. */
    capacity: z.number().int().min(1).max(1000),
    description: text(1000).nullable().default(null),
  })
  .refine((v) => new Date(v.endsAt) > new Date(v.startsAt), { path: ['endsAt'], message: 'VOLUNTEER_ENDS_BEFORE_START' });
export type CreateVolunteerActivity = z.infer<typeof createVolunteerActivitySchema>;

/** 编辑活动: the times may change only before it starts; the headcount never below those signed up. */
export const updateVolunteerActivitySchema = z
  .object({
    title: text(100).min(1),
    place: text(200).min(1),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.number().int().min(1).max(1000),
    description: text(1000).nullable().default(null),
  })
  .refine((v) => new Date(v.endsAt) > new Date(v.startsAt), { path: ['endsAt'], message: 'VOLUNTEER_ENDS_BEFORE_START' });
export type UpdateVolunteerActivity = z.infer<typeof updateVolunteerActivitySchema>;
/** 取消活动: before it starts, with a reason every signed-up volunteer is told. */
export const cancelVolunteerActivitySchema = z.object({ reason: text(200).min(1) });
export type CancelVolunteerActivity = z.infer<typeof cancelVolunteerActivitySchema>;

export const volunteerActivitySchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  title: z.string(),
  place: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  signedUp: z.number().int(),
  state: z.enum(volunteerActivityStates),
  /** Hours served in total (confirmed). */
  hours: z.number(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type VolunteerActivity = z.infer<typeof volunteerActivitySchema>;
export const volunteerActivitiesQuerySchema = pageQuerySchema.extend({ orgId: z.uuid().optional(), teamId: z.uuid().optional(), state: z.enum(volunteerActivityStates).optional(), q: text(50).optional() });

export const volunteerParticipantSchema = z.object({
  signupId: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  orgName: z.string(),
  /** Confirmed hours served; null until the organiser confirms. */
  hours: z.number().nullable(),
  signedUpAt: z.string(),
});
export type VolunteerParticipant = z.infer<typeof volunteerParticipantSchema>;
export const volunteerParticipantsSchema = z.object({ activity: volunteerActivitySchema, items: z.array(volunteerParticipantSchema) });
export type VolunteerParticipants = z.infer<typeof volunteerParticipantsSchema>;

/** 确认服务时长: hours per participant (half hours, at most the activity's length); a participant left out served 0. */
export const confirmVolunteerHoursSchema = z.object({
  hours: z.array(z.object({ signupId: z.uuid(), hours: z.number().min(0).max(1000).multipleOf(0.5) })).max(1000),
});
export type ConfirmVolunteerHours = z.infer<typeof confirmVolunteerHoursSchema>;

export const volunteerCertificateQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The worker's page: teams, activities open to sign up, their hours. */
export const myVolunteerSchema = z.object({
  isMember: z.boolean(),
  teams: z.array(volunteerTeamSchema.extend({ myStatus: z.enum(volunteerMemberStatuses).nullable() })),
  activities: z.array(volunteerActivitySchema.extend({ isSignedUp: z.boolean(), myHours: z.number().nullable() })),
  hours: z.object({ total: z.number(), thisYear: z.number(), activities: z.number().int() }),
});
export type MyVolunteer = z.infer<typeof myVolunteerSchema>;

/** 补录: a member of the team who served without signing up. */
export const addVolunteerParticipantSchema = z.object({ personId: z.uuid() });

/** 我的荣誉: the signed-in worker's own 劳模工匠 honours and the care activities recorded for them. */
export const myHonoursSchema = z.object({
  honours: z.array(
    z.object({
      id: z.uuid(),
      level: z.enum(honourLevels),
      title: z.enum(honourTitles),
      titleText: z.string().nullable(),
      year: z.number().int(),
      awardingBody: z.string(),
      orgName: z.string(),
      status: z.enum(honourStatuses),
    }),
  ),
  cares: z.array(z.object({ id: z.uuid(), kind: z.enum(careKinds), caredOn: z.string(), notes: z.string().nullable(), orgName: z.string() })),
});
export type MyHonours = z.infer<typeof myHonoursSchema>;
