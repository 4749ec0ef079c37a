import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 志愿服务's actions and objects (keys: action with the first dot as an underscore). */
export const volunteerAuditActionsZh = {
  volunteer_team_created: '组建志愿服务队',
  volunteer_member_added: '添加志愿服务队成员',
  volunteer_member_applied: '申请加入志愿服务队',
  volunteer_member_approved: '通过入队申请',
  volunteer_member_rejected: '驳回入队申请',
  volunteer_member_removed: '移出志愿服务队成员',
  volunteer_activity_created: '发布志愿活动',
  volunteer_signed_up: '报名志愿活动',
  volunteer_signup_cancelled: '取消志愿活动报名',
  volunteer_participant_added: '补录志愿活动参与人员',
  volunteer_hours_confirmed: '确认志愿服务时长',
  volunteer_team_updated: '编辑志愿服务队',
  volunteer_team_dissolved: '解散志愿服务队',
  volunteer_activity_updated: '编辑志愿活动',
  volunteer_activity_cancelled: '取消志愿活动',
};
export const volunteerAuditActionsEn: Translation<typeof volunteerAuditActionsZh> = {
  volunteer_team_created: 'Set up a volunteer team',
  volunteer_member_added: 'Add a team member',
  volunteer_member_applied: 'Apply to join a volunteer team',
  volunteer_member_approved: 'Approve an application to a team',
  volunteer_member_rejected: 'Reject an application to a team',
  volunteer_member_removed: 'Remove a team member',
  volunteer_activity_created: 'Publish a volunteer activity',
  volunteer_signed_up: 'Sign up for a volunteer activity',
  volunteer_signup_cancelled: 'Cancel a sign-up',
  volunteer_participant_added: 'Add a walk-in participant',
  volunteer_hours_confirmed: 'Confirm volunteer hours',
  volunteer_team_updated: 'Edit a volunteer team',
  volunteer_team_dissolved: 'Dissolve a volunteer team',
  volunteer_activity_updated: 'Edit a volunteer activity',
  volunteer_activity_cancelled: 'Cancel a volunteer activity',
};
export const volunteerAuditEntityTypesZh = { volunteer_team: '志愿服务队', volunteer_activity: '志愿活动', volunteer_signup: '志愿活动报名' };
export const volunteerAuditEntityTypesEn: Translation<typeof volunteerAuditEntityTypesZh> = { volunteer_team: 'Volunteer team', volunteer_activity: 'Volunteer activity', volunteer_signup: 'Volunteer sign-up' };

export const VOLUNTEER_AUDIT_ACTIONS = Object.keys(volunteerAuditActionsZh).map((k) => k.replace(/^volunteer_/, 'volunteer.'));
