import { RIGHTS_AUDIT_ACTIONS, rightsAuditEntityTypesZh } from '../features/rights/audit-locales';
import type { TFunction } from 'i18next';

/** `org.create` → 新增组织; unknown actions show as they are. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return t(`audit.entityTypes.${entityType.replace(/\./g, '_')}`, { defaultValue: entityType });
}

export const KNOWN_ACTIONS = [
  'org.create',
  'org.update',
  'org.move',
  'org.close',
  'org.reopen',
  'user.create',
  'user.update',
  'user.password_reset',
  'user.unlock',
  'role.grant',
  'role.revoke',
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'personal_data.read',
  'member.apply',
  'member.approve',
  'member.reject',
  'member.update',
  'member.transfer',
  'member.suspend',
  'member.resume',
  'member.leave',
  'rubric.create',
  'rubric.update',
  'inspection.create',
  'rating.create',
  'rating.update',
  'issue.report',
  'issue.assign',
  'issue.resolve',
  ...RIGHTS_AUDIT_ACTIONS,
];

export const KNOWN_ENTITY_TYPES = ['org', 'user', 'role_grant', 'session', 'member', ...Object.keys(rightsAuditEntityTypesZh)];
