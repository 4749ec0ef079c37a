import { registerUniqueField } from '../../platform/error-handler';
import { registerMessages } from '../../platform/i18n';

// A second live card for one person, when two issuers race past the service's check.
registerUniqueField('breakfast_card_holder_phone_unique', 'phone');
registerUniqueField('breakfast_card_holder_id_unique', 'idNumber');

/** Codes owned by the fund module, each with the case it is for. */
registerMessages({
  FUND_CODE_FORMAT: ['编码应为 2–32 位大写字母、数字或连字符', 'must be 2–32 upper-case letters, digits or dashes'],
  // POS signing (docs/pos-contract.md): every one is a 401.
  POS_SIGNATURE_MISSING: ['缺少终端签名', 'The terminal signature headers are missing'],
  POS_KEY_UNKNOWN: ['终端密钥不存在或已吊销', 'The terminal key is unknown or revoked'],
  POS_SIGNATURE_INVALID: ['终端签名不正确', 'The terminal signature does not match'],
  POS_TIMESTAMP_STALE: ['请求时间与服务器相差超过 5 分钟', 'The request timestamp is more than 5 minutes from the server clock'],
  POS_NONCE_REPLAYED: ['该请求已处理过（随机数重复）', 'This request was already seen (nonce reused)'],
  POS_BODY_INVALID: ['请求体不是有效的 JSON', 'The request body is not valid JSON'],
  // Sales and refunds.
  FUND_SHOP_CLOSED: ['店铺已停用', 'The shop is closed'],
  FUND_SALE_IN_FUTURE: ['销售时间晚于当前时间', 'The sale time is in the future'],
  FUND_NO_RULE: ['该日期没有生效的捐赠规则', 'No contribution rule is in force on that day'],
  FUND_SALE_NOT_FOUND: ['找不到该笔销售', 'No such sale from this terminal'],
  FUND_SALE_ALREADY_REFUNDED: ['该笔销售已退款', 'This sale was already refunded'],
  // Breakfast redemptions.
  FUND_CARD_NOT_FOUND: ['早餐卡不存在', 'No such breakfast card'],
  FUND_CARD_ALREADY_REDEEMED_TODAY: ['该卡今日早餐已领取', 'This card’s breakfast for the day is already taken'],
  FUND_CARD_SUSPENDED: ['早餐卡已暂停使用', 'The breakfast card is suspended'],
  FUND_CARD_REPLACED: ['早餐卡已补办，旧卡作废', 'The card was reissued; this one is void'],
  FUND_CARD_EXPIRED: ['早餐卡已过有效期', 'The breakfast card has expired'],
  FUND_BALANCE_TOO_LOW: ['爱心基金余额不足', 'The fund’s balance is too low'],
  FUND_QR_INVALID: ['二维码无效或已过期，请刷新', 'The QR code is invalid or expired; refresh it'],
  FUND_CARD_CODE_REQUIRED: ['手输卡号须同时输入卡上的 6 位校验码，或扫描二维码', 'A typed card number needs the 6-digit check code printed on the card, or scan the QR code'],
  FUND_CARD_CODE_INVALID: ['卡号或校验码不正确', 'The card number or its check code is wrong'],
  FUND_CARD_CODE_LOCKED: ['本终端校验码错误次数过多，一小时内只能扫码', 'Too many wrong check codes from this terminal: scan QR codes for the next hour'],
  FUND_REDEMPTION_TOO_OLD: ['早餐时间超出离线补录时限，不能补录', 'The breakfast is older than an offline terminal may sync'],
  FUND_REDEMPTION_BEFORE_CARD: ['早餐时间早于该卡的发卡时间', 'The breakfast is dated before the card was issued'],
  FUND_REDEMPTION_BEFORE_SHOP: ['早餐时间早于该店铺开业（登记）时间', 'The breakfast is dated before the shop was opened (registered)'],
  FUND_CARD_STATUS_INVALID: ['当前卡状态不允许此操作', 'Not allowed in the card’s current status'],
  FUND_NO_CARD: ['您还没有爱心早餐卡', 'You have no breakfast card'],
  // One card per person per fund (active or suspended); the answer names the card they hold.
  FUND_CARD_HOLDER_HAS_CARD: ['此人已有本基金的早餐卡 {number}', 'This person already holds card {number} of this fund'],
  FUND_CARD_HOLDER_HAS_CARD_DETAIL: ['{name} 已持有早餐卡 {number}，每人每个基金只能有一张卡。卡丢失或损坏请在该卡上点“补卡”。', '{name} already holds card {number}: one card per person per fund. For a lost or damaged card, use “reissue” on that card.'],
  FUND_CARD_ORG_INVALID: ['发卡单位不在您的管辖范围内或不属于本基金', 'The issuing unit is outside your scope or not under this fund'],
  FUND_IMPORT_HAS_CARD: ['该手机号已有本基金的早餐卡 {number}', 'This phone already holds card {number} of this fund'],
  // Console.
  FUND_POSITION_INVALID: ['服务阵地不存在或不在您的管辖范围内', 'The position does not exist or is outside your scope'],
  FUND_RULE_INVALID: ['捐赠规则不完整：固定金额需填写金额，按比例需填写基点', 'A fixed rule needs fixedFen; a bps rule needs bps'],
  FUND_TERMINAL_REVOKED: ['终端已吊销', 'The terminal is revoked'],
  FUND_TERMINAL_SUSPENDED: ['终端所属店铺已停用，终端已暂停', 'The terminal is suspended: its shop is closed'],
  POS_TERMINAL_SUSPENDED: ['终端所属店铺已停用，终端已暂停；店铺恢复后自动恢复', 'The terminal is suspended while its shop is closed; it resumes when the shop reopens'],
  FUND_CSV_INVALID: ['对账单 CSV 有错误，未导入', 'The statement CSV has errors; nothing was imported'],
  FUND_CSV_HEADER: ['第一行应为表头：{headerZh}（金额以元计），或 {header}（金额以分计）', 'The first line must be the header {headerZh} (amounts in yuan) or {header} (amounts in fen)'],
  FUND_CSV_FIELD_COUNT: ['每行应有 {n} 列，与表头相同', 'Every line needs {n} fields, as many as the header'],
  FUND_CSV_DATE: ['日期应为 YYYY-MM-DD（也可写作 2026/11/03、20261103 或 2026年11月3日）', 'The date must be YYYY-MM-DD (or 2026/11/03, 20261103, 2026年11月3日)'],
  FUND_CSV_REFERENCE: ['流水号应为 1–60 个字符', 'The reference must have 1–60 characters'],
  FUND_CSV_REFERENCE_REPEATED: ['流水号与第 {line} 行重复', 'The reference repeats line {line}'],
  FUND_CSV_AMOUNT: ['金额应为整数（单位：分）', 'amount_fen must be a whole number of fen'],
  FUND_CSV_AMOUNT_YUAN: ['金额应以元计，最多两位小数（如 1,234.50）', 'The amount must be in yuan with at most two decimals (such as 1,234.50)'],
  FUND_CSV_AMOUNT_ONE_SIDE: ['收入金额和支出金额应填且只填一项', 'Fill in exactly one of 收入金额 (in) and 支出金额 (out)'],
  FUND_TRANSFER_REFERENCE_TAKEN: ['该流水号已登记', 'This reference is already recorded'],
  FUND_TRANSFER_IN_FUTURE: ['缴存日期不能晚于今天', 'The transfer date cannot be after today'],
  FUND_TRANSFER_EXCEEDS_COLLECTED: ['缴存金额超过待缴存余额', 'The amount is more than the fund has collected and not yet transferred'],
  FUND_TRANSFER_EXCEEDS_COLLECTED_DETAIL: ['目前待缴存（经营方代收）余额为 ¥{available}', 'At most ¥{available} is waiting to be transferred'],
  FUND_RANGE_INVALID: ['起止日期无效（起始不能晚于结束，跨度不超过 3 年）', 'Invalid range (from after to, or more than 3 years)'],
  FUND_IMPORT_NAME: ['姓名应为 2–30 个字', 'The name must be 2–30 characters'],
  FUND_IMPORT_PHONE_REPEATED: ['手机号与第 {row} 行重复', 'The phone repeats row {row}'],
  ENTITY_fund: ['爱心基金', 'fund'],
  ENTITY_fund_shop: ['店铺', 'shop'],
  ENTITY_pos_terminal: ['终端', 'terminal'],
  ENTITY_breakfast_card: ['早餐卡', 'breakfast card'],
  ENTITY_card_import: ['导入批次', 'import batch'],
});
