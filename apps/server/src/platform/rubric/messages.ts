import { registerMessages } from '../i18n';

// Field messages of rubric checks (validateRubric, checkPoints), in every language we speak.
registerMessages({
  RUBRIC_EMPTY: ['至少需要一项评分标准', 'needs at least one criterion'],
  RUBRIC_KEY_DUPLICATE: ['评分项编号重复', 'criterion key used twice'],
  RUBRIC_WEIGHTS_SUM: ['各项权重之和应为 100', 'the weights must add up to 100'],
  RUBRIC_WEIGHT_POSITIVE: ['权重应大于 0', 'must be more than 0'],
  RUBRIC_MAX_POSITIVE: ['满分应大于 0', 'must be more than 0'],
  RUBRIC_UNKNOWN_CRITERION: ['评分细则中没有这一项', 'is not a criterion of the rubric'],
  RUBRIC_POINTS_MISSING: ['请为这一项打分', 'needs a score'],
  RUBRIC_POINTS_RANGE: ['分值应在 0 到该项满分之间', 'must be between 0 and the criterion’s maximum'],
});
