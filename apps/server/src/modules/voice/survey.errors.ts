import { registerMessages } from '../../platform/i18n';

/** Codes owned by 需求调研 (needs surveys) in the voice module. */
registerMessages({
  // The questionnaire, checked as one when saved.
  SURVEY_DUPLICATE_ID: ['题目或选项的编号重复', 'A question or option id is used twice'],
  SURVEY_OPTIONS_NEEDED: ['单选、多选和排序题至少需要两个选项', 'Single, multiple choice and ranking questions need at least two options'],
  SURVEY_OPTIONS_NOT_ALLOWED: ['量表题和填空题不设选项', 'Scale and text questions take no options'],
  SURVEY_SCALE_NEEDED: ['请设置量表的起止分值', 'Please set the scale’s range'],
  SURVEY_CONDITION_TARGET: ['显示条件只能引用前面的单选或多选题', 'A condition can only refer to an earlier single or multiple choice question'],
  SURVEY_CONDITION_OPTION: ['显示条件引用的选项不存在', 'The condition names an option that does not exist'],
  SURVEY_FOLLOW_UP_TARGET: ['请选择服务类别或活动', 'Please choose a service category or an event'],
  SURVEY_FOLLOW_UP_REF: ['关联的题目或选项不存在', 'The linked question or option does not exist'],
  SURVEY_EVENT_UNKNOWN: ['活动不存在或不在本工会范围内', 'The event does not exist or is outside your scope'],
  SURVEY_QUESTION_UNKNOWN: ['题目不存在', 'No such question'],
  // A published questionnaire is frozen: answers already given must keep their meaning.
  SURVEY_NOT_DRAFT: ['调研已发布，题目不能再修改', 'The survey is published; its questions can no longer change'],
  SURVEY_STATUS: ['调研当前的状态不能这样办理', 'This step does not apply to the survey in its current status'],
  // Answering.
  SURVEY_NOT_OPEN: ['这份调研已结束或尚未发布', 'This survey is closed or not yet published'],
  SURVEY_NOT_FOR_YOU: ['这份调研面向其他工会或职工群体，您不在调研范围内', 'This survey asks another union or group of workers'],
  SURVEY_LINK_INVALID: ['二维码已失效，请向工会索取新的调研二维码', 'The QR code is no longer valid; ask the union for a new one'],
  SURVEY_ALREADY_ANSWERED: ['您已经提交过这份调研，每人只能填写一次', 'You have already answered this survey; each person answers once'],
  SURVEY_ANSWER_REQUIRED: ['请回答这道题', 'Please answer this question'],
  SURVEY_ANSWER_HIDDEN: ['根据前面的回答，这道题不需要回答', 'Given the earlier answers, this question is not asked'],
  SURVEY_ANSWER_INVALID: ['这道题的回答不符合题目要求', 'This answer does not fit the question'],
  SURVEY_ORG_OUT_OF_SCOPE: ['组织不存在或不在您的管理范围内', 'The org does not exist or is outside your scope'],
  ENTITY_survey: ['需求调研', 'survey'],
});
