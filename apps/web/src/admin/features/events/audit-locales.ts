import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names the events module's actions and objects (keys: action with dots as underscores). */
export const eventsAuditActionsZh = {
  event_create: '新建活动',
  event_update: '修改活动',
  event_publish: '发布活动',
  event_unpublish: '撤回活动',
  event_cancel: '取消活动',
  event_register_group: '工会集体报名',
  event_registration_priority: '调整候补顺序',
  event_registration_cancel: '取消报名',
  event_walk_in: '现场报名签到',
};
export const eventsAuditActionsEn: Translation<typeof eventsAuditActionsZh> = {
  event_create: 'Event created',
  event_update: 'Event edited',
  event_publish: 'Event published',
  event_unpublish: 'Event unpublished',
  event_cancel: 'Event cancelled',
  event_register_group: 'Union roster registered',
  event_registration_priority: 'Waiting-list priority changed',
  event_registration_cancel: 'Registration cancelled',
  event_walk_in: 'Walk-in registered at the door',
};
export const eventsAuditEntityTypesZh = { event: '活动', event_registration: '活动报名' };
export const eventsAuditEntityTypesEn: Translation<typeof eventsAuditEntityTypesZh> = { event: 'Event', event_registration: 'Event registration' };

/** `event_registration_priority` → `event.registration_priority`. */
export const EVENTS_AUDIT_ACTIONS = Object.keys(eventsAuditActionsZh).map((k) => k.replace(/^event_/, 'event.'));
