import { registerMessages } from '../../platform/i18n';

/** Codes owned by the figures module (数据中心, the yearly report, the big screen). */
registerMessages({
  FIGURES_PERIOD_RANGE_REQUIRED: ['按日期范围查询时请填写开始和结束日期', 'A range needs both a start and an end date'],
  FIGURES_PERIOD_RANGE_ORDER: ['开始日期不能晚于结束日期', 'The start date is after the end date'],
  FIGURES_PERIOD_RANGE_TOO_LONG: ['日期范围最长 10 年', 'A range may span at most 10 years'],
  FIGURES_DIMENSION_UNSUPPORTED: ['该指标不能按“{dim}”分组', 'This indicator cannot be broken down by "{dim}"'],
  FIGURES_FILTER_UNSUPPORTED: ['无法按“{dim}”筛选', 'Cannot filter by "{dim}"'],
  FIGURES_NOT_READY: ['指标“{key}”正在重建，请稍后再试', 'The figure "{key}" is being rebuilt; try again shortly'],
  FIGURES_NO_TARGET: ['该指标不设年度目标', 'This indicator takes no yearly target'],
  FIGURES_SCREEN_ORG_UNKNOWN: ['找不到该组织', 'Organisation not found'],
  FIGURES_SCREEN_ORG_UNKNOWN_DETAIL: ['没有代码为“{code}”的组织，请检查大屏地址中的 org 参数（例如 /screen?org=JB）。', 'There is no organisation with the code "{code}": check the org parameter of the screen address (e.g. /screen?org=JB).'],
  INDICATOR_KEY_INVALID: ['指标代码格式不正确', 'The indicator key is not valid'],
  FILTER_INVALID: ['筛选条件格式应为 维度:值,值;维度:值', 'Filters look like dim:value,value;dim:value'],
  BY_INVALID: ['分组方式不正确', 'The breakdown is not valid'],
  DATE_INVALID: ['日期格式应为 YYYY-MM-DD', 'Dates look like YYYY-MM-DD'],
  ENTITY_indicator: ['指标', 'indicator'],
  ENTITY_indicator_target: ['年度目标', 'yearly target'],
});
