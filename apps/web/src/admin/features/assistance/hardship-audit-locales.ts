import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names the hardship files' actions and objects (keys: action with dots as underscores). */
export const hardshipAuditActionsZh = {
  hardship_file_open: '建立困难职工档案',
  hardship_file_update: '修改困难职工档案',
  hardship_file_household_add: '登记家庭成员',
  hardship_file_household_remove: '删除家庭成员',
  hardship_file_document_add: '上传帮扶证明材料',
  hardship_file_consent_sign: '职工签署授权书',
  hardship_file_submit: '提交困难职工档案',
  hardship_file_verify: '核实困难职工档案',
  hardship_file_return: '退回困难职工档案',
  hardship_file_notice_start: '开始公示',
  hardship_file_objection_add: '登记公示异议',
  hardship_file_objection_decide: '处理公示异议',
  hardship_file_notice_close: '结束公示',
  hardship_file_review: '年度复核',
  hardship_file_exit: '解困/撤档',
  hardship_threshold_save: '设置困难认定标准',
};
export const hardshipAuditActionsEn: Translation<typeof hardshipAuditActionsZh> = {
  hardship_file_open: 'Open a hardship file',
  hardship_file_update: 'Edit a hardship file',
  hardship_file_household_add: 'Add a household member',
  hardship_file_household_remove: 'Remove a household member',
  hardship_file_document_add: 'Attach a supporting document',
  hardship_file_consent_sign: 'Worker signed the consent',
  hardship_file_submit: 'Submit a hardship file',
  hardship_file_verify: 'Verify a hardship file',
  hardship_file_return: 'Return a hardship file',
  hardship_file_notice_start: 'Start the public notice',
  hardship_file_objection_add: 'Record an objection',
  hardship_file_objection_decide: 'Decide an objection',
  hardship_file_notice_close: 'Close the public notice',
  hardship_file_review: 'Yearly review',
  hardship_file_exit: 'Exit a hardship file',
  hardship_threshold_save: 'Set the hardship threshold',
};
export const hardshipAuditEntityTypesZh = { hardship_file: '困难职工档案', hardship_threshold: '困难认定标准' };
export const hardshipAuditEntityTypesEn: Translation<typeof hardshipAuditEntityTypesZh> = { hardship_file: 'Hardship file', hardship_threshold: 'Hardship threshold' };

export const HARDSHIP_AUDIT_ACTIONS = Object.keys(hardshipAuditActionsZh).map((k) => k.replace(/^(hardship_file|hardship_threshold)_/, '$1.'));
