import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 秋送助学's actions and objects (keys: action with dots as underscores). */
export const studyaidAuditActionsZh = {
  studyaid_create: '提交助学申请',
  studyaid_settings: '设置助学金标准',
  studyaid_placement: '安排暑期公益岗位',
};
export const studyaidAuditActionsEn: Translation<typeof studyaidAuditActionsZh> = {
  studyaid_create: 'Apply for study aid',
  studyaid_settings: 'Set study-aid amounts',
  studyaid_placement: 'Arrange a summer job',
};
export const studyaidAuditEntityTypesZh = { studyaid_student: '助学申请' };
export const studyaidAuditEntityTypesEn: Translation<typeof studyaidAuditEntityTypesZh> = { studyaid_student: 'Study-aid application' };

export const STUDYAID_AUDIT_ACTIONS = Object.keys(studyaidAuditActionsZh).map((k) => k.replace(/^studyaid_/, 'studyaid.'));
