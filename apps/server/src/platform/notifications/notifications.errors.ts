import { registerMessages } from '../i18n';

registerMessages({
  ENTITY_notification: ['消息', 'message'],
  // An SMS carries no details of a confidential message, only that one is waiting.
  NOTIFY_SMS_CONFIDENTIAL: ['您有一条新消息，请登录娘家查看。', 'You have a new message; sign in to Niangjia to read it.'],
  NOTIFY_SMS_READ_AT: ['查看：{url}', 'Read it: {url}'],
  // Asked for SMS without a phone on the account.
  NOTIFY_SMS_NO_PHONE: ['账号没有手机号，无法接收短信', 'The account has no phone number to receive text messages'],
});
