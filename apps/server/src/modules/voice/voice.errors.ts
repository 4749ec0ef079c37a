import { registerMessages } from '../../platform/i18n';

/** Codes owned by the voice module (随手拍 reports). */
registerMessages({
  // The category is not one of the active ones (voice_category).
  VOICE_CATEGORY_UNKNOWN: ['没有这个类别', 'no such category'],
  // The point is outside every district the platform holds an outline for, and there is no root org to take it.
  VOICE_NO_ORG_FOR_POINT: ['这个位置不在本平台的服务范围内', 'This place is outside the area the platform serves'],
  // A staff step on a report whose status does not allow it (e.g. resolving a closed one).
  VOICE_REPORT_STATUS: ['此反映当前的状态不能这样操作', 'This step does not apply to the report in its current status'],
  // Only the worker who filed a report confirms it or says it is not fixed, and only once it is resolved.
  VOICE_NOT_REPORTER: ['只有反映人本人可以确认', 'Only the worker who filed it can answer'],
  VOICE_ME_TOO_OWN: ['这是您自己提交的反映', 'This is your own report'],
  VOICE_ME_TOO_CLOSED: ['这条反映已经办结，请新建一条', 'This report is closed; file a new one'],
  // Reassigning goes down into the caller's subtree or up the current org's ancestry, nowhere else.
  VOICE_REASSIGN_TARGET: ['只能转给本级下属组织或上级组织', 'Reassign to an org below you or above the current one'],
  VOICE_REASSIGN_SAME: ['已经由该组织负责', 'That org already handles it'],
  VOICE_MERGE_SELF: ['不能合并到自身', 'A report cannot be merged into itself'],
  VOICE_MERGE_TARGET: ['只能合并到同类别、未办结的反映', 'Merge into an open report of the same category'],
  VOICE_GRID_MEMBER_UNKNOWN: ['这个手机号还没有在平台登录过', 'No account has signed in with this phone number yet'],
  VOICE_GRID_MEMBER_EXISTS: ['此人已是网格员', 'Already a grid member'],
  VOICE_STATUS_new: ['待受理', 'new'],
  VOICE_STATUS_accepted: ['已受理', 'accepted'],
  VOICE_STATUS_in_progress: ['处理中', 'in progress'],
  VOICE_STATUS_resolved: ['已解决', 'resolved'],
  VOICE_STATUS_closed: ['已办结', 'closed'],
  VOICE_STATUS_merged: ['已合并', 'merged'],
  ENTITY_voice_report: ['随手拍反映', 'report'],
  ENTITY_voice_grid_member: ['网格员', 'grid member'],
});
