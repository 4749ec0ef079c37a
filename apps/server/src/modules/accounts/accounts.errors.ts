import { registerMessages } from '../../platform/i18n';

/** Codes owned by the accounts module (sign-in, sessions, users and role grants). */
registerMessages({
  // Wrong username/phone or password; deliberately the same for both.
  INVALID_CREDENTIALS: ['账号或密码错误', 'Wrong account or password'],
  INVALID_CREDENTIALS_DETAIL: ['请检查后重试；连续输错 5 次账号将被暂时锁定', 'Check and try again; 5 failures in a row lock the account for a while'],
  // Too many wrong passwords: locked with growing backoff.
  ACCOUNT_LOCKED: ['账号已被暂时锁定', 'The account is temporarily locked'],
  ACCOUNT_LOCKED_DETAIL: ['密码错误次数过多，请在 {seconds} 秒后再试，或联系管理员解锁', 'Too many wrong passwords; try again in {seconds} seconds or ask an administrator to unlock it'],
  ACCOUNT_DISABLED: ['账号已停用', 'The account is disabled'],
  ACCOUNT_DISABLED_DETAIL: ['请联系您的工会管理员', 'Contact your union administrator'],
  // A worker's one-time code is wrong, used or expired.
  SMS_CODE_INVALID: ['验证码错误或已过期', 'The code is wrong or has expired'],
  SMS_CODE_INVALID_DETAIL: ['请重新获取验证码', 'Request a new code'],
  SMS_CODE_TOO_MANY_ATTEMPTS: ['验证码输错次数过多', 'Too many wrong codes'],
  SMS_CODE_TOO_MANY_ATTEMPTS_DETAIL: ['该验证码已失效，请重新获取', 'This code no longer works; request a new one'],
  SMS_SEND_FAILED: ['短信发送失败', 'The text message could not be sent'],
  SMS_SEND_FAILED_DETAIL: ['短信服务暂时不可用，请稍后再试', 'The SMS service is unavailable; try again later'],
  PASSWORD_TOO_WEAK: ['密码太简单', 'The password is too weak'],
  PASSWORD_TOO_WEAK_DETAIL: ['请使用至少 10 位、不全是数字、不常见的密码', 'Use at least 10 characters, not only digits, and not a common password'],
  PASSWORD_WRONG: ['当前密码不正确', 'The current password is wrong'],
  // Granting a role the actor may not hand out, or on an org outside their scope.
  ROLE_NOT_GRANTABLE: ['无权授予该角色', 'You may not grant this role'],
  ROLE_NOT_GRANTABLE_DETAIL: ['只有平台管理员可以授予 {role}；其他角色只能授予在您管辖的组织上', 'Only a platform admin grants {role}; other roles only on orgs in your scope'],
  ROLE_NEEDS_ORG: ['该角色须指定组织', 'This role needs an org'],
  ROLE_NO_ORG: ['该角色不指定组织', 'This role takes no org'],
  ROLE_ALREADY_GRANTED: ['已有该角色', 'The user already has this role'],
  USER_OUTSIDE_SCOPE: ['该用户有超出您管辖范围的角色', 'The user holds roles outside your scope'],
  USER_OUTSIDE_SCOPE_DETAIL: ['请联系上级管理员修改该用户', 'Ask a higher-level administrator to change this user'],
  // Issue 9: a worker's phone-code account is theirs alone; no admin sets its password or phone.
  USER_IS_WORKER_ACCOUNT: ['这是职工本人用手机验证码登录的账号', 'This is a worker’s own phone-code account'],
  USER_IS_WORKER_ACCOUNT_DETAIL: ['管理员不能设置它的密码或修改它的手机号；如需工作账号，请另建一个', 'Administrators cannot set its password or change its phone; create a separate staff account instead'],
  // Resetting the password of an account that holds no role that signs in with one.
  USER_NOT_STAFF: ['该账号没有需要密码的角色', 'This account holds no role that signs in with a password'],
  USER_NOT_STAFF_DETAIL: ['请先授予工作角色', 'Grant it a staff role first'],
  CANNOT_CHANGE_SELF: ['不能停用自己或撤销自己的最后一个管理角色', 'You cannot disable yourself or remove your own last admin role'],
  ENTITY_user: ['用户', 'user'],
  ENTITY_session: ['会话', 'session'],
  ROLE_platform_admin: ['平台管理员', 'platform admin'],
  ROLE_union_admin: ['工会管理员', 'union admin'],
});
