import type { Translation } from '../locale-shape';

/** Strings of messages and 待办 that both the console and the phone use (merged under `notify`). */
export const notifyZh = {
  age: { now: '刚刚', minutes: '{{count}} 分钟前', hours: '{{count}} 小时前', days: '{{count}} 天前' },
  title: '消息',
  unread: '{{count}} 条未读',
  noUnread: '没有未读消息',
  empty: '还没有消息',
  markAllRead: '全部标为已读',
  markRead: '标为已读',
  markedAllRead: '已全部标为已读',
  loadMore: '加载更多',
  todos: {
    title: '待办',
    empty: '没有待办事项，一切都处理好了',
    count: '{{count}} 件',
    oldest: '最久 {{age}}',
    kinds: {
      member_application: '入会审批',
      feedback: '职工反馈',
      door_alarm: '驿站告警',
      position_below_standard: '阵地未达标',
      import_ready: '导入待提交',
      rights_consultation: '法律咨询待答复',
      rights_referral: '转办待接收',
      rights_warning: '劳动关系预警',
      market_provider: '服务商审核',
      market_project_version: '服务项目审核',
      organizing_step: '建会入会事项逾期',
    },
  },
};

export const notifyEn: Translation<typeof notifyZh> = {
  age: { now: 'just now', minutes: '{{count}} min ago', hours: '{{count}} h ago', days: '{{count}} d ago' },
  title: 'Messages',
  unread: '{{count}} unread',
  noUnread: 'No unread messages',
  empty: 'No messages yet',
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  markedAllRead: 'All marked read',
  loadMore: 'Load more',
  todos: {
    title: 'To do',
    empty: 'Nothing waits for you: all done',
    count: '{{count}}',
    oldest: 'oldest {{age}}',
    kinds: {
      member_application: 'Membership applications',
      feedback: 'Worker feedback',
      door_alarm: 'Station alarms',
      position_below_standard: 'Positions below standard',
      import_ready: 'Imports to commit',
      rights_consultation: 'Legal questions to answer',
      rights_referral: 'Referrals to accept',
      rights_warning: 'Labour-relations warnings',
      market_provider: 'Providers to review',
      market_project_version: 'Service projects to review',
      organizing_step: 'Organizing steps overdue',
    },
  },
};
