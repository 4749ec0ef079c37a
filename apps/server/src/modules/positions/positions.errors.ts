import { registerMessages } from '../../platform/i18n';

/** Codes owned by the positions module. */
registerMessages({
  POSITION_CODE_FORMAT: ['编码应为 2–32 位大写字母、数字或连字符', 'must be 2–32 upper-case letters, digits or dashes'],
  CONTACT_PHONE_FORMAT: ['联系电话应为 7–20 位数字或连字符', 'must be 7–20 digits or dashes'],
  SCHEDULE_TIME_FORMAT: ['时间应为 HH:mm（00:00–24:00）', 'must be a time HH:mm (00:00–24:00)'],
  SCHEDULE_DATE_FORMAT: ['日期应为有效的 YYYY-MM-DD', 'must be a real date YYYY-MM-DD'],
  SCHEDULE_OVERLAP: ['同一天的开放时段有重叠', 'opening ranges of one day overlap'],
  // The owning org must be in the caller's scope (and open).
  POSITION_ORG_INVALID: ['所属组织不存在或不在您的管辖范围内', 'the owning org does not exist or is outside your scope'],
  ENTITY_position: ['服务阵地', 'service position'],
});
