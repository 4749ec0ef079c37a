import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names the mutual-aid plan's actions and objects (keys: action with dots as underscores). */
export const mutualaidAuditActionsZh = {
  mutualaid_plan_create: '新建互助保障计划',
  mutualaid_plan_update: '修改互助保障计划',
  mutualaid_plan_open: '开放互助保障计划',
  mutualaid_plan_close: '结束互助保障计划',
  mutualaid_enrolment_create: '办理互助保障参保',
  mutualaid_enrolment_import: '批量导入互助保障参保名单',
  mutualaid_claim_create: '提交互助金申请',
  mutualaid_claim_review: '初审互助金申请',
  mutualaid_claim_second: '复核互助金申请',
  mutualaid_claim_pay: '支付互助金',
};
export const mutualaidAuditActionsEn: Translation<typeof mutualaidAuditActionsZh> = {
  mutualaid_plan_create: 'Create a mutual-aid plan',
  mutualaid_plan_update: 'Change a mutual-aid plan',
  mutualaid_plan_open: 'Open a mutual-aid plan',
  mutualaid_plan_close: 'End a mutual-aid plan',
  mutualaid_enrolment_create: 'Enrol a member in mutual aid',
  mutualaid_enrolment_import: 'Import a mutual-aid enrolment sheet',
  mutualaid_claim_create: 'File a mutual-aid claim',
  mutualaid_claim_review: 'Review a mutual-aid claim',
  mutualaid_claim_second: 'Second check of a mutual-aid claim',
  mutualaid_claim_pay: 'Pay a mutual-aid claim',
};
export const mutualaidAuditEntityTypesZh = { mutualaid_plan: '互助保障计划', mutualaid_enrolment: '互助保障参保', mutualaid_batch: '参保名单导入', mutualaid_claim: '互助金申请' };
export const mutualaidAuditEntityTypesEn: Translation<typeof mutualaidAuditEntityTypesZh> = {
  mutualaid_plan: 'Mutual-aid plan',
  mutualaid_enrolment: 'Mutual-aid enrolment',
  mutualaid_batch: 'Enrolment sheet',
  mutualaid_claim: 'Mutual-aid claim',
};

export const MUTUALAID_AUDIT_ACTIONS = Object.keys(mutualaidAuditActionsZh).map((k) => k.replace(/^(mutualaid_plan|mutualaid_enrolment|mutualaid_claim)_/, '$1.'));
