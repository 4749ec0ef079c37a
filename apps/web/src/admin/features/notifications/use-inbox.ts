import type { NotificationPage, Todos, UnreadCount } from '@niangjia/contracts';
import { useCallback } from 'react';
import { api } from '../../../shared/api';
import { useLiveNotifications } from '../../../shared/notifications/live';
import { useRequest } from '../../../shared/use-request';

/** The signed-in staff member's unread count, latest messages and 待办 (under the header scope), kept live. */
export function useInbox(orgId: string | undefined, opts: { messages: number; todosPerKind: number }) {
  const unread = useRequest((signal) => api.get<UnreadCount>('/me/notifications/unread-count', undefined, { signal }), []);
  const latest = useRequest((signal) => api.get<NotificationPage>('/me/notifications', { pageSize: opts.messages }, { signal }), [opts.messages], opts.messages > 0);
  const todos = useRequest((signal) => api.get<Todos>('/me/todos', { orgId, limit: opts.todosPerKind }, { signal }), [orgId, opts.todosPerKind]);
  const { reload: reloadUnread } = unread;
  const { reload: reloadLatest } = latest;
  const { reload: reloadTodos } = todos;
  const reloadMessages = useCallback(() => {
    reloadUnread();
    reloadLatest();
  }, [reloadUnread, reloadLatest]);
  useLiveNotifications((change) => (change === 'todos' ? reloadTodos() : reloadMessages()));
  // `loaded`: the count is the server's, not the 0 shown before the first answer.
  return { unread: unread.data?.unread ?? latest.data?.unread ?? 0, loaded: unread.data !== undefined || latest.data !== undefined, latest, todos, reloadMessages, reloadTodos };
}

/** A link from a message or a 待办: console paths open in the console, others (the phone's) in a new tab. */
export function consolePathOf(link: string | null): string | null {
  if (!link) return null;
  if (link === '/admin') return '/';
  return link.startsWith('/admin/') ? link.slice('/admin'.length) : null;
}
