import type { Translation } from '../../../shared/locale-shape';

/** 我的 ▸ 消息 and 通知公告 on the phone (merged under `messages` and `notices`). */
export const messagesZh = {
  entry: '消息',
  readAll: '全部已读',
  empty: '还没有消息。入会审批、反馈处理、早餐卡开通等结果会在这里告诉你。',
  unread: '未读',
  sms: '短信提醒',
  smsHint: '重要消息同时发短信到 {{phone}}',
  smsNoPhone: '账号没有手机号，不能发短信',
  smsOn: '已开启短信提醒',
  smsOff: '已关闭短信提醒',
};
export const messagesEn: Translation<typeof messagesZh> = {
  entry: 'Messages',
  readAll: 'Read all',
  empty: 'No messages yet. Decisions on your application, replies to your reports and new breakfast cards show up here.',
  unread: 'Unread',
  sms: 'Text messages',
  smsHint: 'Important messages also go by SMS to {{phone}}',
  smsNoPhone: 'The account has no phone number for SMS',
  smsOn: 'Text messages on',
  smsOff: 'Text messages off',
};
export const noticesZh = {
  title: '通知公告',
  more: '更多',
  pinned: '置顶',
  from: '来自：{{chain}}',
  empty: '暂时没有通知公告',
};
export const noticesEn: Translation<typeof noticesZh> = {
  title: 'Notices',
  more: 'More',
  pinned: 'Pinned',
  from: 'From: {{chain}}',
  empty: 'No notices for now',
};
