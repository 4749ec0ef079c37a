import type { Translation } from '../../../shared/locale-shape';

/** The console's messages page (merged under `notifications`). */
export const notificationsZh = {
  title: '我的消息',
  all: '查看全部消息',
  toDashboard: '去工作台处理',
  filterAll: '全部',
  filterUnread: '未读（{{count}}）',
};
export const notificationsEn: Translation<typeof notificationsZh> = {
  title: 'My messages',
  all: 'All messages',
  toDashboard: 'Open the dashboard',
  filterAll: 'All',
  filterUnread: 'Unread ({{count}})',
};
