import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 随手拍's actions and objects (keys: action with dots as underscores). */
export const voiceAuditActionsZh = {
  voice_report_create: '提交随手拍',
  voice_report_me_too: '随手拍：我也遇到了',
  voice_report_accepted: '受理随手拍',
  voice_report_progress: '记录随手拍进展',
  voice_report_reply: '回复随手拍',
  voice_report_resolved: '随手拍标记已解决',
  voice_report_confirm: '反映人确认解决',
  voice_report_reopen: '反映人表示未解决',
  voice_report_reassign: '转办随手拍',
  voice_report_merge: '合并随手拍',
  voice_grid_member_add: '登记网格员',
  voice_grid_member_remove: '移除网格员',
  liaison_assigned: '安排对口联系',
  liaison_ended: '结束对口联系',
  liaison_visit_logged: '记录联系走访',
  liaison_problem_progress: '记录走访问题进展',
  liaison_problem_resolved: '走访问题标记已解决',
  liaison_problem_reopened: '重新打开走访问题',
  liaison_problem_changed: '调整走访问题责任人或期限',
};
export const voiceAuditActionsEn: Translation<typeof voiceAuditActionsZh> = {
  voice_report_create: 'File a report',
  voice_report_me_too: 'Report: me too',
  voice_report_accepted: 'Accept a report',
  voice_report_progress: 'Report progress',
  voice_report_reply: 'Reply to a report',
  voice_report_resolved: 'Resolve a report',
  voice_report_confirm: 'Reporter confirmed fixed',
  voice_report_reopen: 'Reporter: not fixed',
  voice_report_reassign: 'Reassign a report',
  voice_report_merge: 'Merge reports',
  voice_grid_member_add: 'Enrol a grid member',
  voice_grid_member_remove: 'Remove a grid member',
  liaison_assigned: 'Assign a liaison cadre',
  liaison_ended: 'End a liaison assignment',
  liaison_visit_logged: 'Log a liaison visit',
  liaison_problem_progress: 'Liaison problem progress',
  liaison_problem_resolved: 'Resolve a liaison problem',
  liaison_problem_reopened: 'Reopen a liaison problem',
  liaison_problem_changed: 'Change a liaison problem’s owner or due date',
};
export const voiceAuditEntityTypesZh = { voice_report: '随手拍反映', voice_grid_member: '网格员', liaison_assignment: '联系安排', liaison_visit: '联系走访', liaison_problem: '走访问题' };
export const voiceAuditEntityTypesEn: Translation<typeof voiceAuditEntityTypesZh> = { voice_report: 'Hazard report', voice_grid_member: 'Grid member', liaison_assignment: 'Liaison assignment', liaison_visit: 'Liaison visit', liaison_problem: 'Liaison problem' };

export const VOICE_AUDIT_ACTIONS = Object.keys(voiceAuditActionsZh).map((k) => k.replace(/^(voice_report|voice_grid_member|liaison)_/, '$1.'));
