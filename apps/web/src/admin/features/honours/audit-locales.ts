import type { Translation } from '../../../shared/locale-shape';
import { partnerAuditActionsEn, partnerAuditActionsZh, partnerAuditEntityTypesEn, partnerAuditEntityTypesZh } from './partner-locales';

/** How the audit log names 劳模工匠's actions and objects (keys: action with dots as underscores). */
export const honoursAuditActionsZh = {
  honours_created: '登记劳模工匠荣誉',
  honours_updated: '修改劳模工匠荣誉',
  honours_revoked: '撤销劳模工匠荣誉',
  honours_cared: '登记劳模关爱',
  studio_created: '新建创新工作室',
  studio_updated: '修改创新工作室',
  studio_closed: '撤销创新工作室',
  studio_member_added: '添加工作室成员',
  studio_member_removed: '移出工作室成员',
  studio_project_added: '添加工作室项目',
  studio_patent_added: '登记工作室专利',
  studio_project_updated: '修改工作室项目',
  studio_project_removed: '删除工作室项目',
  studio_patent_updated: '修改工作室专利',
  studio_patent_removed: '删除工作室专利',
  ...partnerAuditActionsZh,
};
export const honoursAuditActionsEn: Translation<typeof honoursAuditActionsZh> = {
  honours_created: 'Record an honour',
  honours_updated: 'Change an honour',
  honours_revoked: 'Revoke an honour',
  honours_cared: 'Record care for an honoured member',
  studio_created: 'Set up an innovation studio',
  studio_updated: 'Change an innovation studio',
  studio_closed: 'Close an innovation studio',
  studio_member_added: 'Add a studio member',
  studio_member_removed: 'Remove a studio member',
  studio_project_added: 'Add a studio project',
  studio_patent_added: 'Record a studio patent',
  studio_project_updated: 'Change a studio project',
  studio_project_removed: 'Remove a studio project',
  studio_patent_updated: 'Change a studio patent',
  studio_patent_removed: 'Remove a studio patent',
  ...partnerAuditActionsEn,
};
export const honoursAuditEntityTypesZh = { honour: '劳模工匠荣誉', honour_care: '劳模关爱', studio: '创新工作室', studio_project: '工作室项目', studio_patent: '工作室专利', ...partnerAuditEntityTypesZh };
export const honoursAuditEntityTypesEn: Translation<typeof honoursAuditEntityTypesZh> = {
  honour: 'Honour',
  honour_care: 'Care for an honoured member',
  studio: 'Innovation studio',
  studio_project: 'Studio project',
  studio_patent: 'Studio patent',
  ...partnerAuditEntityTypesEn,
};

export const HONOURS_AUDIT_ACTIONS = Object.keys(honoursAuditActionsZh).map((k) => k.replace(/^(honours|studio|partner)_/, '$1.'));
