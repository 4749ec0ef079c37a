import {
  idParamsSchema,
  listNotificationsQuerySchema,
  listTodosQuerySchema,
  notificationPageSchema,
  notificationPreferenceSchema,
  notificationSchema,
  todosSchema,
  unreadCountSchema,
  updateNotificationPreferenceSchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../audit/audit.service';
import { requireActor, STAFF_ROLES, type Actor } from '../auth';
import { pickLang } from '../i18n';
import { openEventStream, trackEventStreams } from '../sse';
import type { LiveEvent, NotificationHub } from './hub';
import type { NotificationsService } from './notifications.service';

const tags = ['notifications'];
const langOf = (request: FastifyRequest) => pickLang(request.headers['accept-language']);
/** Comments keep proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/** The org paths whose to-do changes concern this person's open stream. */
function staffPathsOf(actor: Actor): 'all' | string[] {
  const grants = actor.grants.filter((g) => STAFF_ROLES.includes(g.role));
  if (grants.some((g) => g.orgPath === null)) return 'all';
  return grants.map((g) => g.orgPath!);
}

/**
 * The signed-in person's messages (every route acts on the caller's own only), their live stream,
 * their SMS choice and — for staff — their 待办.
 */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService; hub: NotificationHub }> = async (app, { notifications, hub }) => {
  const streams = trackEventStreams(app);

  app.get(
    '/me/notifications',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'My messages, newest first, with the unread count', querystring: listNotificationsQuerySchema, response: { 200: notificationPageSchema } } },
    async (request) => notifications.list(requireActor(request).userId, request.query, langOf(request)),
  );
  app.get(
    '/me/notifications/unread-count',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'How many of my messages are unread (the badge)', response: { 200: unreadCountSchema } } },
    async (request) => notifications.countUnread(requireActor(request).userId),
  );
  app.post(
    '/me/notifications/:id/read',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Mark one of my messages read', params: idParamsSchema, body: z.object({}).optional(), response: { 200: notificationSchema } } },
    async (request) => notifications.markRead(requireActor(request).userId, request.params.id, langOf(request)),
  );
  app.post(
    '/me/notifications/read-all',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Mark all my messages read', body: z.object({}).optional(), response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) } } },
    async (request) => notifications.markAllRead(requireActor(request).userId),
  );
  app.get(
    '/me/notification-preference',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Whether my messages also come by SMS', response: { 200: notificationPreferenceSchema } } },
    async (request) => notifications.getPreference(requireActor(request).userId),
  );
  app.put(
    '/me/notification-preference',
    { config: { permission: 'authenticated' }, schema: { tags, summary: 'Choose SMS for my messages (audited)', body: updateNotificationPreferenceSchema, response: { 200: notificationPreferenceSchema } } },
    async (request) => notifications.updatePreference(requireActor(request).userId, request.body, auditContextOf(request)),
  );
  app.get(
    '/me/todos',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '待办: what waits for me in my scope (or under one org of it), by kind, oldest first', querystring: listTodosQuerySchema, response: { 200: todosSchema } },
    },
    async (request) => notifications.todos(requireActor(request), request.query, langOf(request)),
  );

  app.get(
    '/me/notifications/stream',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'Server-Sent Events: `notifications` when my messages change, `todos` when my 待办 may have (any instance); fetch again on each' },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // A browser reconnects by itself after `retry` ms; the client fetches again on `ready`.
      const stream = openEventStream(request, reply, streams, { retryMs: 3000, heartbeatMs: HEARTBEAT_MS, first: 'event: ready\ndata: {}\n\n' });
      let seq = 0;
      stream.onClose(hub.subscribe(actor.userId, { paths: staffPathsOf(actor), send: (event: LiveEvent) => stream.send(event, {}, ++seq), close: stream.close }));
    },
  );
};
