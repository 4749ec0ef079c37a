import type { UnreadCount } from '@niangjia/contracts';
import { api } from '../../../shared/api';
import { useLiveNotifications } from '../../../shared/notifications/live';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';

/** The signed-in worker's unread messages, for the 我的 tab and its 消息 entry; live from any instance. */
export function useUnreadCount(): number {
  const { me } = useSession();
  const unread = useRequest((signal) => api.get<UnreadCount>('/me/notifications/unread-count', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  useLiveNotifications((change) => change === 'notifications' && unread.reload(), !!me);
  return me ? (unread.data?.unread ?? 0) : 0;
}
