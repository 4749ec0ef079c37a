import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 送健康's actions and objects (keys: action with dots as underscores). */
export const healthAuditActionsZh = {
  health_hospital_create: '添加合作医院',
  health_hospital_update: '修改合作医院',
  health_hospital_delete: '删除合作医院',
  health_slot_create: '添加体检时段',
  health_slot_update: '修改体检时段',
  health_slot_delete: '删除体检时段',
  health_booking_create: '预约体检',
  health_booking_cancel: '取消体检预约',
  health_booking_mark: '登记体检到场情况',
};
export const healthAuditActionsEn: Translation<typeof healthAuditActionsZh> = {
  health_hospital_create: 'Add a partner hospital',
  health_hospital_update: 'Change a partner hospital',
  health_hospital_delete: 'Remove a partner hospital',
  health_slot_create: 'Add a time slot',
  health_slot_update: 'Change a time slot',
  health_slot_delete: 'Remove a time slot',
  health_booking_create: 'Book a health check',
  health_booking_cancel: 'Cancel a health booking',
  health_booking_mark: 'Mark health-check attendance',
};
export const healthAuditEntityTypesZh = { health_hospital: '合作医院', health_slot: '体检时段', health_booking: '体检预约' };
export const healthAuditEntityTypesEn: Translation<typeof healthAuditEntityTypesZh> = { health_hospital: 'Partner hospital', health_slot: 'Time slot', health_booking: 'Health booking' };

export const HEALTH_AUDIT_ACTIONS = Object.keys(healthAuditActionsZh).map((k) => k.replace(/^(health_hospital|health_slot|health_booking)_/, '$1.'));
