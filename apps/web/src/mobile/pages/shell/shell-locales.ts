import type { Translation } from '../../../shared/locale-shape';

/** The worker pages' shell: the services hub, the not-found page and the privacy policy. */
export const shellZh = {
  notFound: { title: '页面不存在', detail: '这个链接没有内容，可能输错了，或者已经失效。', home: '回到首页', back: '返回上一页' },
  services: {
    title: '服务',
    intro: '工会为职工提供的服务，点开就能办。',
    union: '入会与会员',
    join: '申请入会',
    joinText: '在线实名申请，工会审核后成为会员',
    membership: '我的入会申请',
    membershipText: '看审核进度，或撤回申请',
    card: '电子会员卡',
    cardText: '出示二维码核验会员身份',
    care: '关爱服务',
    stations: '找驿站',
    stationsText: '附近开着的工会驿站：喝水、热饭、充电、歇脚',
    breakfast: '爱心早餐卡',
    breakfastText: '出示二维码领取爱心早餐',
    accounts: '爱心基金账目公开',
    accountsText: '每一笔捐赠和支出都公开',
    feedback: '我的反馈',
    feedbackText: '给驿站的评分和问题反馈、工会的回复',
  },
  privacy: {
    title: '隐私政策',
    consent: '我已阅读并同意',
    policyLink: '《隐私政策》',
    consentNeeded: '请先阅读并勾选同意《隐私政策》，再获取验证码。',
  },
};

export const shellEn: Translation<typeof shellZh> = {
  notFound: { title: 'Page not found', detail: 'Nothing is at this link: it may be mistyped or no longer valid.', home: 'Back to home', back: 'Go back' },
  services: {
    title: 'Services',
    intro: 'What the union offers workers; tap to use it.',
    union: 'Joining and membership',
    join: 'Join the union',
    joinText: 'Apply online with your real name; the union reviews it',
    membership: 'My application',
    membershipText: 'See where it stands, or withdraw it',
    card: 'Member card',
    cardText: 'Show its QR code to prove membership',
    care: 'Care services',
    stations: 'Find a station',
    stationsText: 'Open union rest stations near you: water, a microwave, charging, a seat',
    breakfast: 'Breakfast card',
    breakfastText: 'Show its QR code for your free breakfast',
    accounts: 'Charity fund accounts',
    accountsText: 'Every donation and every payment, in public',
    feedback: 'My feedback',
    feedbackText: 'Your ratings and reports of stations, and the union’s replies',
  },
  privacy: {
    title: 'Privacy policy',
    consent: 'I have read and agree to the',
    policyLink: 'privacy policy',
    consentNeeded: 'Please read and tick your agreement to the privacy policy before getting a code.',
  },
};
