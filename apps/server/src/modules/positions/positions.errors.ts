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

/** The positions import (positions.import.ts): per-row report codes and the commit's refusals. */
registerMessages({
  IMPORT_VALUE_UNKNOWN: ['“{value}”不是可选值，应为：{values}', '“{value}” is not allowed; use one of: {values}'],
  IMPORT_TEXT_LENGTH: ['长度应为 {min}–{max} 个字', 'must have {min}–{max} characters'],
  IMPORT_NUMBER_RANGE: ['应为 {min} 到 {max} 之间的数字', 'must be a number from {min} to {max}'],
  IMPORT_MONEY_CENTS: ['金额最多两位小数（单位元）', 'an amount in yuan with at most two decimals'],
  IMPORT_CRS_UNKNOWN: ['坐标系“{value}”无法识别，应为 WGS-84、GCJ-02 或 BD-09', 'datum “{value}” unknown; use WGS-84, GCJ-02 or BD-09'],
  IMPORT_HOURS_TEXT: ['无法识别“{part}”，应写成“周一至周五 08:00-18:00; 周六 09:00-12:00”或“24小时”', 'cannot read “{part}”; write e.g. “周一至周五 08:00-18:00; 周六 09:00-12:00” or “24小时”'],
  IMPORT_EXCEPTIONS_TEXT: ['无法识别“{part}”，应写成“2026-10-01 闭馆 国庆”或“2026-10-02 09:00-12:00”', 'cannot read “{part}”; write e.g. “2026-10-01 闭馆 国庆” or “2026-10-02 09:00-12:00”'],
  IMPORT_POSITION_DUPLICATE_IN_FILE: ['与第 {row} 行的编码重复', 'same code as row {row}'],
  IMPORT_POSITION_ORG_UNKNOWN: ['工会编码 {code} 不存在，或不在您的管辖范围内', 'union code {code} does not exist or is outside your scope'],
  // A code held by a position outside the importer's scope: refused without saying whose it is.
  IMPORT_POSITION_CODE_TAKEN: ['编码 {code} 已被其他单位的阵地使用', 'code {code} is used by a position outside your scope'],
  POSITION_IMPORT_CHANGED: ['检查之后阵地已有变化', 'Positions changed since the check'],
  POSITION_IMPORT_CHANGED_DETAIL: ['{count} 个阵地（{codes}）在检查之后被新增或修改，请重新上传文件检查', '{count} positions ({codes}) were added or edited since the check; upload the file again'],
  POSITION_IMPORT_NOTHING_VALID: ['没有可导入的行', 'No row can be imported'],
  POSITION_IMPORT_NOTHING_VALID_DETAIL: ['所有行都未通过检查，请按报告修改后重新上传', 'Every row failed the check; fix them as the report says and upload again'],
  ENTITY_position_import: ['阵地导入批次', 'positions import'],
});
