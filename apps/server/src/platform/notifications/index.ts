/**
 * Notifications and to-dos, for every module.
 *
 * - `notify(tx, { to, kind, title, body?, link?, orgId?, entity?, sms?, isConfidential?, exceptUserId? })`
 *   in the caller's transaction. `to` is `{ userIds }` or `{ staffWith: permission, inScopeOf: orgId }`
 *   (staff with a grant on that org or above it; platform admins are not messaged per item). Texts
 *   are `{ key, params }` of a registered message or `{ 'zh-CN', en }`; both languages are stored.
 *   `sms: true` also texts recipients who chose SMS, through the SmsSender, as a retried job;
 *   `isConfidential` keeps every detail out of the SMS. Delivery to open bells is live on every
 *   instance (NOTIFY on commit → SSE).
 * - `announceTodoChange(tx, orgId)`: tell open bells under the org that their 待办 changed (call it
 *   where an item is handled: approved, resolved).
 * - `TodoSource`: a module's kind of 待办, computed from its own records on each read (so it clears
 *   itself when the item is handled); passed to buildApp's list in app.ts.
 */
export { notify, announceTodoChange, renderBoth, type NotifyInput, type NotifyText, type LocalText, type MessageRef, type Recipients } from './notify';
export { collectTodos, type TodoSource, type TodoItem, type TodoQuery } from './todos';
export { createNotificationsService, type NotificationsService } from './notifications.service';
export { createNotificationHub, type NotificationHub } from './hub';
export { notificationsRoutes } from './notifications.routes';
export { registerNotificationJobs, smsTextOf } from './notifications.jobs';
export { notification, notificationPreference } from './notifications.tables';
