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
};
export const voiceAuditEntityTypesZh = { voice_report: '随手拍反映', voice_grid_member: '网格员' };
export const voiceAuditEntityTypesEn: Translation<typeof voiceAuditEntityTypesZh> = { voice_report: 'Hazard report', voice_grid_member: 'Grid member' };

export const VOICE_AUDIT_ACTIONS = Object.keys(voiceAuditActionsZh).map((k) => k.replace(/^(voice_report|voice_grid_member)_/, '$1.'));
