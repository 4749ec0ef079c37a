/**
 * The languages of every error and message: zh-CN first, en second. Modules register the
 * titles of their own codes with registerMessages() in their *.errors.ts.
 */
export type Lang = 'zh-CN' | 'en';
export type Message = readonly [zh: string, en: string];

const catalogue = new Map<string, Message>();

export function registerMessages(messages: Record<string, Message>): void {
  for (const [key, value] of Object.entries(messages)) catalogue.set(key, value);
}

export function hasMessage(key: string): boolean {
  return catalogue.has(key);
}

/** Translates a key; unknown keys are returned as they are (they may already be text). */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const message = catalogue.get(key);
  const text = message ? (lang === 'en' ? message[1] : message[0]) : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Picks zh-CN or en from an Accept-Language header; zh-CN is the default. */
export function pickLang(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 'zh-CN';
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

registerMessages({
  VALIDATION_FAILED: ['请求内容有误', 'The request is not valid'],
  VALIDATION_FAILED_DETAIL: ['请检查以下字段后重试', 'Check the fields listed and try again'],
  ERRORS_NOT_LISTED: ['另有 {notListed} 处错误未列出', '{notListed} more errors are not listed'],
  MALFORMED_JSON: ['请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  MALFORMED_JSON_DETAIL: ['请求体不是合法的 JSON，请检查括号、引号和逗号', 'The body is not valid JSON; check its brackets, quotes and commas'],
  EMPTY_BODY_DETAIL: ['请求体为空，应为 JSON 对象', 'The body is empty; send a JSON object'],
  UNAUTHENTICATED: ['请先登录', 'Please sign in'],
  UNAUTHENTICATED_DETAIL: ['登录已过期或尚未登录', 'Your session has expired or you are not signed in'],
  FORBIDDEN: ['没有权限', 'Not allowed'],
  FORBIDDEN_DETAIL: ['您的角色没有执行此操作的权限', 'Your role does not allow this action'],
  CSRF_FAILED: ['请求来源校验失败', 'Request origin check failed'],
  CSRF_FAILED_DETAIL: ['缺少或错误的 x-csrf-token 请求头，请刷新页面后重试', 'The x-csrf-token header is missing or wrong; reload the page and try again'],
  NOT_FOUND: ['未找到', 'Not found'],
  NOT_FOUND_ENTITY: ['{entity}不存在，或不在您的管辖范围内', 'The {entity} does not exist or is outside your scope'],
  ROUTE_NOT_FOUND: ['接口不存在', 'No such endpoint'],
  ROUTE_NOT_FOUND_DETAIL: ['没有 {method} {url} 这个接口', 'There is no endpoint {method} {url}'],
  CONFLICT: ['与现有数据冲突', 'Conflicts with existing data'],
  DUPLICATE_VALUE: ['该值已被使用', 'This value is already in use'],
  DUPLICATE_VALUE_DETAIL: ['字段 {field} 的值已存在', 'The value of {field} already exists'],
  VERSION_CONFLICT: ['数据已被他人修改', 'Someone else changed this record'],
  VERSION_CONFLICT_DETAIL: [
    '你是在第 {sent} 版上修改的，别人已保存到第 {current} 版。请刷新看看最新内容，再重新修改。',
    'You edited version {sent}, but someone has since saved version {current}. Reload to see the latest, then edit again.',
  ],
  VERSION_CONFLICT_DETAIL_PLAIN: ['你打开之后，别人已修改并保存了这条记录。请刷新看看最新内容，再重新修改。', 'Someone changed and saved this record after you opened it. Reload to see the latest, then edit again.'],
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'The request body is too large'],
  PAYLOAD_TOO_LARGE_DETAIL: ['请求体不能超过 {limit} 字节', 'The body must not exceed {limit} bytes'],
  UNSUPPORTED_MEDIA_TYPE: ['不支持的内容类型', 'Unsupported content type'],
  UNSUPPORTED_MEDIA_TYPE_DETAIL: ['请使用 Content-Type: application/json', 'Send Content-Type: application/json'],
  RATE_LIMITED: ['操作过于频繁', 'Too many requests'],
  RATE_LIMITED_DETAIL: ['请在 {seconds} 秒后再试', 'Try again in {seconds} seconds'],
  INTERNAL: ['服务器内部错误', 'Internal server error'],
  INTERNAL_DETAIL: [
    '服务器处理请求时出错，请稍后重试；如问题持续，请把请求编号 {requestId} 告诉管理员',
    'The server failed to handle the request; try again later, and give the administrator request id {requestId} if it persists',
  ],
  // Field messages (zod issues).
  FIELD_REQUIRED: ['必填', 'is required'],
  FIELD_TYPE: ['应为{expected}', 'must be {expected}'],
  FIELD_UNKNOWN: ['不允许的字段', 'is not an allowed field'],
  FIELD_TOO_SHORT: ['至少 {min} 个字符', 'must be at least {min} characters'],
  FIELD_TOO_LONG: ['最多 {max} 个字符', 'must be at most {max} characters'],
  FIELD_TOO_SMALL: ['不能小于 {min}', 'must be at least {min}'],
  FIELD_TOO_BIG: ['不能大于 {max}', 'must be at most {max}'],
  FIELD_ARRAY_TOO_SMALL: ['至少 {min} 项', 'must have at least {min} items'],
  FIELD_ARRAY_TOO_BIG: ['最多 {max} 项', 'must have at most {max} items'],
  FIELD_ENUM: ['应为以下之一：{values}', 'must be one of: {values}'],
  FIELD_FORMAT: ['格式不正确', 'has the wrong format'],
  FIELD_UUID: ['不是有效的 ID', 'is not a valid id'],
  FIELD_DATETIME: ['不是有效的时间（ISO 8601，带时区）', 'is not a valid ISO 8601 date-time with offset'],
  FIELD_INTEGER: ['应为整数', 'must be a whole number'],
  FIELD_TEXT_INVALID: ['含有不能保存的字符（空字符或残缺的 Unicode 字符）', 'contains characters that cannot be stored (a NUL or a broken Unicode character)'],
  FIELD_DATE_INVALID: ['不是真实存在的日期或时间', 'is not a real date or time'],
  FIELD_TOO_DEEP: ['嵌套层次过深', 'is nested too deeply'],
  TYPE_string: ['文本', 'text'],
  TYPE_number: ['数字', 'a number'],
  TYPE_boolean: ['true 或 false', 'true or false'],
  TYPE_object: ['对象', 'an object'],
  TYPE_array: ['数组', 'an array'],
  PHONE_INVALID: ['手机号格式不正确（应为 11 位中国大陆手机号）', 'is not a valid mainland China mobile number (11 digits)'],
  SMS_CODE_FORMAT: ['验证码应为 6 位数字', 'the code must be 6 digits'],
  USERNAME_FORMAT: [
    '用户名应以字母开头，3–32 位字母、数字、点、下划线或连字符',
    'must start with a letter: 3–32 letters, digits, dots, underscores or dashes',
  ],
  ORG_CODE_FORMAT: ['编码应为 2–32 位大写字母、数字或连字符', 'must be 2–32 upper-case letters, digits or dashes'],
  DIVISION_CODE_FORMAT: ['区划代码应为 6 位（区县）或 9 位（街道/乡镇）数字', 'must be 6 digits (county) or 9 digits (street/town)'],
});
