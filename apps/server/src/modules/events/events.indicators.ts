import { defineIndicators } from '../../platform/indicators';

const typeValues = {
  training: { zh: '培训', en: 'Training' },
  sport: { zh: '体育', en: 'Sport' },
  culture: { zh: '文化', en: 'Culture' },
  skill_competition: { zh: '技能竞赛', en: 'Skill contest' },
  matchmaking: { zh: '婚恋交友', en: 'Matchmaking' },
  performance: { zh: '文艺演出', en: 'Performance' },
  health: { zh: '健康', en: 'Health' },
  other: { zh: '其他', en: 'Other' },
};

/** A registration counts for the registrant's union (quotas are per union, and attendance feeds its figures); a non-member's for the organiser. */
const regOrg = 'coalesce(r.union_org_id, e.org_id)';
const held = "e.status = 'published' and r.status = 'confirmed'";

/**
 * 文体活动 (issue 13 point 10): events held, registrations, attendance 人次 and no-shows, by the
 * event's type, the period of its start and the org subtree (events: the organiser's; registrations
 * and attendance: the registrant's union).
 */
export const eventsIndicators = defineIndicators({
  module: 'events',
  section: { zh: '文体活动', en: 'Activities' },
  order: 55,
  dimensions: [{ key: 'eventType', name: { zh: '活动类型', en: 'Event type' }, values: typeValues }],
  series: [
    {
      key: 'events.events',
      tables: { e: 'event' },
      from: '{e} e',
      org: 'e.org_id',
      dims: { eventType: 'e.type' },
      events: [{ at: 'e.starts_at', value: '1', where: "e.status = 'published'" }],
    },
    {
      key: 'events.registrations',
      tables: { r: 'event_registration', e: 'event' },
      from: '{r} r join {e} e on e.id = r.event_id',
      org: regOrg,
      dims: { eventType: 'e.type' },
      events: [{ at: 'e.starts_at', value: '1', where: held }],
    },
    {
      key: 'events.attendance',
      tables: { r: 'event_registration', e: 'event' },
      from: '{r} r join {e} e on e.id = r.event_id',
      org: regOrg,
      dims: { eventType: 'e.type' },
      events: [{ at: 'e.starts_at', value: '1', where: `${held} and r.attended_at is not null` }],
    },
    {
      key: 'events.no_shows',
      tables: { r: 'event_registration', e: 'event' },
      from: '{r} r join {e} e on e.id = r.event_id',
      org: regOrg,
      dims: { eventType: 'e.type' },
      events: [{ at: 'e.starts_at', value: '1', where: `${held} and r.attended_at is null` }],
    },
    // 婚恋交友: matches (mutual picks, made when the picks window closes) — counts only, never who.
    {
      key: 'events.matches',
      tables: { m: 'matchmaking_match', e: 'event' },
      from: '{m} m join {e} e on e.id = m.event_id',
      org: 'e.org_id',
      events: [{ at: 'e.starts_at', value: '1', where: "e.status = 'published'" }],
    },
  ],
  indicators: [
    {
      key: 'events.events',
      name: { zh: '举办活动', en: 'Events held' },
      unit: 'count',
      definition: { zh: '期内开始的已发布活动场次（不含已取消的），按主办组织计。', en: 'Published events (not cancelled) starting in the period, counted for the organising union.' },
      compute: { kind: 'flow', series: 'events.events' },
      dimensions: ['eventType'],
      isHeadline: true,
    },
    {
      key: 'events.registrations',
      name: { zh: '活动报名', en: 'Registrations' },
      unit: 'person_times',
      definition: {
        zh: '期内开始的活动中有效报名（已确认名额）的人次，按报名者所在工会计（非会员按主办组织）。',
        en: 'Confirmed places at events starting in the period, counted for the registrant’s union (non-members: the organiser).',
      },
      compute: { kind: 'flow', series: 'events.registrations' },
      dimensions: ['eventType'],
    },
    {
      key: 'events.attendance',
      name: { zh: '活动参加人次', en: 'Attendance' },
      unit: 'person_times',
      definition: { zh: '期内开始的活动中签到入场的人次（一人一场计一次），按报名者所在工会计。', en: 'People checked in at events starting in the period (once per person and event), counted for their union.' },
      compute: { kind: 'flow', series: 'events.attendance' },
      dimensions: ['eventType'],
      countsAsService: true,
      isHeadline: true,
    },
    {
      key: 'events.no_shows',
      name: { zh: '报名未到', en: 'No-shows' },
      unit: 'person_times',
      definition: { zh: '期内开始的活动中有效报名但没有签到的人次（活动尚未结束的也计入，至签到为止）。', en: 'Confirmed places not checked in at events starting in the period (an event under way counts until they check in).' },
      compute: { kind: 'flow', series: 'events.no_shows' },
      dimensions: ['eventType'],
    },
    {
      key: 'events.no_show_rate',
      name: { zh: '报名未到率', en: 'No-show rate' },
      unit: 'percent',
      definition: { zh: '报名未到人次占有效报名人次的百分比。', en: 'No-shows as a percentage of confirmed registrations.' },
      compute: { kind: 'ratio', numerator: 'events.no_shows', denominator: 'events.registrations', scale: 100 },
      decimals: 1,
    },
    {
      key: 'events.matchmaking_events',
      name: { zh: '婚恋交友活动', en: 'Matchmaking events' },
      unit: 'count',
      definition: { zh: '期内开始的已发布婚恋交友活动场次，按主办组织计。', en: 'Published matchmaking events starting in the period, counted for the organiser.' },
      compute: { kind: 'flow', series: 'events.events', filter: { eventType: ['matchmaking'] } },
    },
    {
      key: 'events.matches',
      name: { zh: '婚恋交友配对', en: 'Matchmaking matches' },
      unit: 'count',
      definition: {
        zh: '期内开始的婚恋交友活动中双向选择成功的对数（选择截止后计入；只计数，不涉及任何个人）。',
        en: 'Mutual picks at matchmaking events starting in the period (counted once the picks close; a count, never who).',
      },
      compute: { kind: 'flow', series: 'events.matches' },
    },
    {
      key: 'events.matches_per_event',
      name: { zh: '场均配对', en: 'Matches per matchmaking event' },
      unit: 'count',
      definition: { zh: '婚恋交友配对对数 ÷ 婚恋交友活动场次。', en: 'Matchmaking matches ÷ matchmaking events.' },
      compute: { kind: 'ratio', numerator: 'events.matches', denominator: 'events.matchmaking_events' },
      decimals: 1,
    },
  ],
});
