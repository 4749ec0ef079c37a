import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 共享食堂's actions and objects (keys: action with dots as underscores). */
export const canteenAuditActionsZh = {
  canteen_create: '设置共享食堂价格',
  canteen_update: '修改共享食堂价格',
  canteen_certification_apply: '申请食堂优惠资格',
  canteen_certification_approve: '认定食堂优惠资格',
  canteen_certification_refuse: '驳回食堂优惠资格申请',
  canteen_terminal_create: '新增食堂终端',
  canteen_terminal_revoke: '吊销食堂终端',
};
export const canteenAuditActionsEn: Translation<typeof canteenAuditActionsZh> = {
  canteen_create: 'Set canteen prices',
  canteen_update: 'Change canteen prices',
  canteen_certification_apply: 'Apply for a canteen reduction',
  canteen_certification_approve: 'Certify a canteen reduction',
  canteen_certification_refuse: 'Refuse a canteen reduction',
  canteen_terminal_create: 'Add a canteen terminal',
  canteen_terminal_revoke: 'Revoke a canteen terminal',
};
export const canteenAuditEntityTypesZh = { canteen: '共享食堂', canteen_certification: '食堂优惠资格', canteen_terminal: '食堂终端' };
export const canteenAuditEntityTypesEn: Translation<typeof canteenAuditEntityTypesZh> = { canteen: 'Shared canteen', canteen_certification: 'Canteen certification', canteen_terminal: 'Canteen terminal' };

export const CANTEEN_AUDIT_ACTIONS = Object.keys(canteenAuditActionsZh).map((k) => k.replace(/^(canteen_certification|canteen_terminal|canteen)_/, '$1.'));
