import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 建会入会's actions and objects (keys: action with dots as underscores). */
export const organizingAuditActionsZh = {
  enterprise_create: '登记企业',
  enterprise_update: '编辑企业信息',
  enterprise_import: '导入企业名录',
  enterprise_start_founding: '启动建会筹备',
  enterprise_found: '企业建会',
  enterprise_assign: '指派联系干部',
  enterprise_meeting: '记录沟通会',
  enterprise_step: '新增工作事项',
  enterprise_step_done: '完成工作事项',
  ceremony_create: '发起集中入会仪式',
};
export const organizingAuditActionsEn: Translation<typeof organizingAuditActionsZh> = {
  enterprise_create: 'Register an enterprise',
  enterprise_update: 'Edit an enterprise',
  enterprise_import: 'Import an enterprise list',
  enterprise_start_founding: 'Start founding a union',
  enterprise_found: 'Union founded at an enterprise',
  enterprise_assign: 'Assign a cadre',
  enterprise_meeting: 'Log a meeting',
  enterprise_step: 'Add a next step',
  enterprise_step_done: 'Complete a next step',
  ceremony_create: 'Set up a joining ceremony',
};
export const organizingAuditEntityTypesZh = { enterprise: '企业', ceremony: '入会仪式' };
export const organizingAuditEntityTypesEn: Translation<typeof organizingAuditEntityTypesZh> = { enterprise: 'Enterprise', ceremony: 'Joining ceremony' };

export const ORGANIZING_AUDIT_ACTIONS = Object.keys(organizingAuditActionsZh).map((k) => k.replace(/^(enterprise|ceremony)_/, '$1.'));
