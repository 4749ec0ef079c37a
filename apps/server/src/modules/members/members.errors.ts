import { registerMessages } from '../../platform/i18n';

/** Codes owned by the members module, each with the case it is for. */
registerMessages({
  // ID numbers (GB 11643), checked in this order; field messages on `idNumber`.
  ID_NUMBER_LENGTH: ['身份证号应为18位', 'An ID number has 18 characters'],
  ID_NUMBER_CHARACTERS: ['身份证号前17位应为数字，最后一位为数字或X', 'The first 17 characters must be digits, the last a digit or X'],
  ID_NUMBER_CHECK: ['身份证号校验位错误', 'The check character of the ID number is wrong'],
  ID_NUMBER_REGION: ['地区代码无效', 'The region code of the ID number is not valid'],
  ID_NUMBER_BIRTH_DATE: ['出生日期无效', 'The birth date in the ID number is not a real date'],
  ID_NUMBER_BIRTH_FUTURE: ['出生日期不能晚于今天', 'The birth date in the ID number is in the future'],
  ID_NUMBER_UNDER_16: ['未满16周岁', 'Under 16 years of age'],
  STREET_CODE_FORMAT: ['街道代码应为 9 位统计用区划代码', 'must be a 9-digit street/town division code'],
  STREET_CODE_UNKNOWN: ['街道代码 {code} 不在统计用区划代码表中', 'Street code {code} is not in the statistical division list'],
  // The chosen union is not one that takes members (only grassroots and joint unions do), or is closed.
  MEMBER_ORG_NOT_ALLOWED: ['只能加入基层工会或片区联合工会', 'Members join a grassroots or regional joint union only'],
  MEMBER_ORG_CLOSED: ['该工会已关闭，不能入会', 'This union is closed and takes no members'],
  // The person already has an application under review or an active/suspended membership.
  MEMBERSHIP_ALREADY_OPEN: ['已有进行中的入会申请或有效会籍', 'There is already an application under review or a current membership'],
  MEMBERSHIP_ALREADY_OPEN_DETAIL: ['一个人同时只能有一个会籍；当前状态：{status}', 'A person holds one membership at a time; current status: {status}'],
  // The ID number belongs to a person linked to another account (or entered by staff under another name).
  ID_NUMBER_TAKEN: ['该身份证号已被登记', 'This ID number is already registered'],
  ID_NUMBER_TAKEN_DETAIL: ['该身份证号已由其他账号或其他姓名登记，请联系所在工会核实', 'It is registered with another account or name; ask your union to check it'],
  // A membership action that does not fit its status (approve a left member, resume an active one…).
  MEMBERSHIP_STATUS_INVALID: ['当前会籍状态不允许此操作', 'Not allowed in the membership’s current status'],
  MEMBERSHIP_STATUS_INVALID_DETAIL: ['会籍当前为“{status}”，不能{action}', 'The membership is “{status}”; it cannot be {action}'],
  TRANSFER_SAME_ORG: ['转入工会与当前工会相同', 'The target union is the current one'],
  NOT_A_MEMBER: ['您还不是会员', 'You are not a member yet'],
  NOT_A_MEMBER_DETAIL: ['入会申请通过后才有会员卡', 'The card appears once your application is approved'],
  PERSONAL_DATA_UNREADABLE: ['个人信息无法解密', 'The personal data cannot be decrypted'],
  PERSONAL_DATA_UNREADABLE_DETAIL: ['数据密钥不匹配，请联系系统管理员（请求编号 {requestId}）', 'The data key does not match; contact the administrator (request id {requestId})'],
  MEMBER_STATUS_applied: ['待审核', 'applied'],
  MEMBER_STATUS_active: ['正常', 'active'],
  MEMBER_STATUS_suspended: ['已暂停', 'suspended'],
  MEMBER_STATUS_left: ['已退会', 'left'],
  MEMBER_STATUS_rejected: ['未通过', 'rejected'],
  MEMBER_ACTION_approve: ['审核通过', 'approved'],
  MEMBER_ACTION_reject: ['驳回', 'rejected'],
  MEMBER_ACTION_suspend: ['暂停', 'suspended'],
  MEMBER_ACTION_resume: ['恢复', 'resumed'],
  MEMBER_ACTION_leave: ['办理退会', 'ended'],
  MEMBER_ACTION_transfer: ['转会', 'transferred'],
  MEMBER_ACTION_edit: ['修改', 'edited'],
  ENTITY_member: ['会员', 'member'],
  ENTITY_member_import: ['导入批次', 'import batch'],
  // Collective join drives from Excel: the file as a whole (the reader's own refusals are in platform/spreadsheet).
  IMPORT_HAS_ERRORS: ['文件中有未通过检查的行', 'Some rows did not pass the check'],
  IMPORT_HAS_ERRORS_DETAIL: ['有 {count} 行未通过检查，“全部正确才导入”模式不能提交；请修改后重新上传，或选择“只导入正确的行”', '{count} rows failed the check, so “all or nothing” cannot commit; fix and upload again, or choose “only valid rows”'],
  IMPORT_NOT_READY: ['该批次当前不能提交', 'This batch cannot be committed now'],
  IMPORT_NOT_READY_DETAIL: ['批次状态为“{status}”，检查完成后才能提交', 'The batch is “{status}”; it can be committed once the check is done'],
  JOB_ABANDONED: ['后台任务中断', 'The background job was interrupted'],
  JOB_ABANDONED_DETAIL: ['处理该任务的服务多次中断，请重新提交', 'The server running the job stopped several times; try again'],
  IMPORT_CHANGED_SINCE_CHECK: ['检查之后数据已有变化', 'The records changed since the check'],
  IMPORT_CHANGED_SINCE_CHECK_DETAIL: ['有 {count} 行的人员在检查之后已入会或被登记，请重新上传检查', '{count} people joined or were registered since the check; upload the file again'],
  // Collective join drives: one row (messages of the per-row report).
  IMPORT_NAME_LENGTH: ['姓名应为 2–40 个字', 'The name must have 2–40 characters'],
  IMPORT_UNION_UNKNOWN: ['工会编码 {code} 不存在，或不在本次导入的范围内', 'Union code {code} does not exist or is outside this import'],
  IMPORT_FORM_UNKNOWN: ['用工形式应为以下之一：{values}', 'The employment form must be one of: {values}'],
  IMPORT_YES_NO: ['应填“是”或“否”', 'Must be 是 (yes) or 否 (no)'],
  IMPORT_DUPLICATE_IN_FILE: ['与第 {row} 行的身份证号重复', 'Same ID number as row {row}'],
  IMPORT_ALREADY_MEMBER: ['已是会员或已在入会申请中', 'Already a member or applying'],
  EXPORT_TOO_LARGE: ['导出的行数过多', 'Too many rows to export'],
  EXPORT_TOO_LARGE_DETAIL: ['共 {count} 行，一次最多导出 {max} 行，请缩小筛选范围', '{count} rows; at most {max} per export — narrow the filter'],
});
