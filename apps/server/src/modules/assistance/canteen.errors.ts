import { registerMessages } from '../../platform/i18n';

/** Codes of 共享食堂 (canteen pricing by eligibility). */
registerMessages({
  CANTEEN_NOT_A_CANTEEN: ['只有“共享食堂”类阵地可以设置就餐价格', 'Only a canteen position has meal prices'],
  CANTEEN_NOT_SET_UP: ['该食堂尚未设置价格', 'The canteen has no prices set yet'],
  // A tier is a reduction: at or above the normal price it would never apply.
  CANTEEN_TIER_PRICE: ['优惠档价格须低于标准价', 'A tier’s price must be below the normal price'],
  CANTEEN_TIER_UNKNOWN: ['该优惠档不属于本食堂', 'The tier does not belong to this canteen'],
  CANTEEN_TIER_GROUND: ['所选认定条件不属于该优惠档', 'The ground chosen is not one of the tier’s grounds'],
  CANTEEN_TIER_INACTIVE: ['该优惠档已停用', 'The tier is no longer offered'],
  CANTEEN_NOT_A_MEMBER: ['您还不是工会会员，入会后才能申请食堂优惠', 'You are not a union member yet: join first, then apply'],
  CANTEEN_MEMBER_NOT_FOUND: ['未找到该会员编号对应的在册会员', 'No active member has this member number'],
  // One pending application per person and tier (a partial unique index).
  CANTEEN_ALREADY_PENDING: ['已有待审核的申请，请等待审核结果', 'An application for this tier is already waiting for review'],
  CANTEEN_CERTIFICATION_STATE: ['该申请已审核，不能重复操作', 'The application has already been decided'],
  CANTEEN_EXPIRY_PAST: ['有效期须不早于今天', 'The expiry date must be today or later'],
  CANTEEN_EXPIRY_TOO_FAR: ['有效期最长三年', 'A certification lasts three years at most'],
  CANTEEN_CERTIFICATION_APPROVED: ['食堂优惠资格已通过认定', 'Your canteen reduction is certified'],
  CANTEEN_CERTIFICATION_APPROVED_BODY: ['{canteen}“{tier}”资格有效期至 {expiresOn}。', '{canteen} “{tier}” holds until {expiresOn}.'],
  CANTEEN_CERTIFICATION_REFUSED: ['食堂优惠资格申请未通过', 'Your canteen reduction was not certified'],
  CANTEEN_CERTIFICATION_REFUSED_BODY: ['{canteen}“{tier}”：{reason}', '{canteen} “{tier}”: {reason}'],
  CANTEEN_TERMINAL_REVOKED: ['该终端已吊销', 'The terminal is already revoked'],
  // The terminal API (signed like the fund's POS: platform/terminal-signing).
  CANTEEN_SIGNATURE_MISSING: ['缺少终端签名', 'The terminal signature headers are missing'],
  CANTEEN_KEY_UNKNOWN: ['终端密钥不存在或已吊销', 'The terminal key is unknown or revoked'],
  CANTEEN_SIGNATURE_INVALID: ['终端签名不正确', 'The terminal signature does not match'],
  CANTEEN_TERMINAL_SUSPENDED: ['终端已停用', 'The terminal is suspended'],
  CANTEEN_TIMESTAMP_STALE: ['请求时间与服务器相差超过 5 分钟', 'The request timestamp is more than 5 minutes from the server clock'],
  CANTEEN_NONCE_REPLAYED: ['该请求已处理过（随机数重复）', 'This request was already seen (nonce reused)'],
  CANTEEN_BODY_INVALID: ['请求体不是有效的 JSON', 'The request body is not valid JSON'],
  CANTEEN_CARD_INVALID: ['会员码无效，请让职工刷新会员码后重扫', 'The member card QR is not valid: ask the worker to refresh it and scan again'],
  CANTEEN_CARD_EXPIRED: ['会员码已过期，请让职工刷新会员码后重扫', 'The member card QR has expired: ask the worker to refresh it and scan again'],
  CANTEEN_CARD_NOT_ACTIVE: ['该会员不在册（已转出或停用），按标准价就餐', 'The membership is not active'],
  CANTEEN_GROUND_outdoor_worker: ['户外劳动者', 'Outdoor worker'],
  CANTEEN_GROUND_over_60: ['60 周岁以上', 'Over 60'],
  CANTEEN_GROUND_veteran: ['退役军人', 'Veteran'],
  CANTEEN_GROUND_low_income: ['低保户', 'Low-income household'],
  CANTEEN_GROUND_five_guarantees: ['五保户', 'Five-guarantee household'],
  CANTEEN_GROUND_disabled: ['残疾人', 'Disabled'],
  ENTITY_canteen: ['共享食堂', 'canteen'],
  ENTITY_canteen_certification: ['食堂优惠资格申请', 'canteen certification'],
  ENTITY_canteen_terminal: ['食堂终端', 'canteen terminal'],
});
