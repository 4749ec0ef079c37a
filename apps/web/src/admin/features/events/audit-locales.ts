import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names the events module's actions and objects (keys: action with dots as underscores). */
export const eventsAuditActionsZh = {
  event_create: '新建活动',
  event_update: '修改活动',
  event_publish: '发布活动',
  event_unpublish: '撤回活动',
  event_cancel: '取消活动',
  event_register_group: '工会集体报名',
  event_registration_priority: '调整候补顺序',
  event_registration_cancel: '取消报名',
  event_walk_in: '现场报名签到',
  event_tournament_create: '新建赛事',
  event_tournament_team: '工会报名参赛队伍',
  event_tournament_draw: '赛事抽签排赛程',
  event_tournament_result: '录入比分',
  event_tournament_correct: '更正比分',
  event_matchmaking_settings: '设置婚恋交友选择规则',
  event_matchmaking_opt_in: '婚恋交友：一位参与者填写资料',
  event_matchmaking_withdraw: '婚恋交友：一位参与者退出并删除资料',
  event_contest_save: '保存技能竞赛评分设置',
  event_contest_open: '技能竞赛开始评分',
  event_contest_close: '技能竞赛结束评分并公布名次',
  event_contest_sheet: '评委提交评分表',
  event_contest_recuse: '评委申请回避',
};
export const eventsAuditActionsEn: Translation<typeof eventsAuditActionsZh> = {
  event_create: 'Event created',
  event_update: 'Event edited',
  event_publish: 'Event published',
  event_unpublish: 'Event unpublished',
  event_cancel: 'Event cancelled',
  event_register_group: 'Union roster registered',
  event_registration_priority: 'Waiting-list priority changed',
  event_registration_cancel: 'Registration cancelled',
  event_walk_in: 'Walk-in registered at the door',
  event_tournament_create: 'Tournament created',
  event_tournament_team: 'Team entered by a union',
  event_tournament_draw: 'Tournament drawn and scheduled',
  event_tournament_result: 'Score entered',
  event_tournament_correct: 'Score corrected',
  event_matchmaking_settings: 'Matchmaking picks rules set',
  event_matchmaking_opt_in: 'Matchmaking: a participant opted in',
  event_matchmaking_withdraw: 'Matchmaking: a participant withdrew (profile erased)',
  event_contest_save: 'Skill contest set up',
  event_contest_open: 'Skill contest scoring opened',
  event_contest_close: 'Skill contest closed and ranked',
  event_contest_sheet: 'Judge’s sheet submitted',
  event_contest_recuse: 'Judge recused',
};
export const eventsAuditEntityTypesZh = { event: '活动', event_registration: '活动报名', tournament: '赛事', tournament_match: '比赛', matchmaking_match: '婚恋交友配对', contest: '技能竞赛' };
export const eventsAuditEntityTypesEn: Translation<typeof eventsAuditEntityTypesZh> = { event: 'Event', event_registration: 'Event registration', tournament: 'Tournament', tournament_match: 'Match', matchmaking_match: 'Matchmaking match', contest: 'Skill contest' };

/** `event_registration_priority` → `event.registration_priority`. */
export const EVENTS_AUDIT_ACTIONS = Object.keys(eventsAuditActionsZh).map((k) => k.replace(/^event_/, 'event.'));
