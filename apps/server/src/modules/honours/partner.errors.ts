import { registerMessages } from '../../platform/i18n';

/** Codes owned by 1+N 合作联盟 (partners, agreements, joint activities, co-built stations, referrals). */
registerMessages({
  // A partner's owning union must be in the caller's write scope.
  PARTNER_ORG_OUT_OF_SCOPE: ['只能为本级管辖范围内的工会登记合作伙伴', 'Register partners only for unions within your scope'],
  PARTNER_NAME_TAKEN: ['本工会已有同名的合作伙伴', 'This union already has a partner of that name'],
  PARTNER_ENDED: ['该合作已终止，不能再修改', 'The partnership has ended and can no longer be changed'],
  PARTNER_AGREEMENT_ENDS_BEFORE_START: ['协议到期日不能早于生效日', 'The end date cannot be before the start date'],
  PARTNER_SIGNED_FUTURE: ['签订日期不能晚于今天', 'The signing date cannot be after today'],
  // The event must be one the caller can see, of the partner's own part of the union tree.
  PARTNER_EVENT_UNKNOWN: ['找不到本级管辖范围内的这项活动', 'No activity in your scope by that id'],
  // The station must be in the caller's scope and in the partner's union's part of the tree.
  PARTNER_POSITION_UNKNOWN: ['找不到本级管辖范围内的这个阵地', 'No station in your scope by that id'],
  PARTNER_STATION_LINKED: ['该合作伙伴已关联这个阵地', 'This partner is already linked to this station'],
  PARTNER_REFERRAL_SAME: ['不能转介给同一合作伙伴', 'A partner cannot refer to itself'],
  PARTNER_REFERRAL_PARTNER_UNKNOWN: ['找不到本级管辖范围内合作中的这个伙伴', 'No active partner in your scope by that id'],
  // 已转介 → 已受理 → 已办结; a finished referral does not move again.
  PARTNER_REFERRAL_STEP: ['转介状态不能这样变更', 'The referral cannot move to that status from where it is'],
  // A terminated agreement is kept as it was: neither changed nor terminated again.
  PARTNER_AGREEMENT_TERMINATED: ['该协议已提前终止，不能再修改', 'The agreement was terminated and can no longer be changed'],
  PARTNER_TERMINATED_ON: ['终止日期须在签订日期之后、且不晚于今天', 'The termination date must be between the signing date and today'],
  TODO_PARTNER_AGREEMENT_EXPIRING: ['{partner}：{title} 将于 {date} 到期', '{partner}: {title} ends on {date}'],
  ENTITY_partner: ['合作伙伴', 'partner'],
  ENTITY_partner_station: ['共建阵地', 'co-built station'],
  ENTITY_partner_agreement: ['合作协议', 'agreement'],
  ENTITY_partner_activity: ['联合活动', 'joint activity'],
  ENTITY_partner_referral: ['转介', 'referral'],
});
