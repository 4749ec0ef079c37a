import { registerMessages } from '../../platform/i18n';

/** Codes owned by 合理化建议 (suggestions) in the voice module. */
registerMessages({
  // Suggestions go to the union of the worker's membership; someone without one is asked to join first.
  SUGGESTION_NOT_MEMBER: ['加入工会后才能向工会提合理化建议', 'Join the union to make suggestions to it'],
  SUGGESTION_STATUS: ['这条建议当前的状态不能这样办理', 'This step does not apply to the suggestion in its current status'],
  // Declining says why; forwarding says to whom.
  SUGGESTION_NOTE_REQUIRED: ['请填写办理意见', 'Please write a note for this step'],
  SUGGESTION_FORWARD_TO_REQUIRED: ['请填写转交的企业或部门', 'Please name the employer or department it goes to'],
  // Benefit and reward belong to adopted suggestions.
  SUGGESTION_BENEFIT_NOT_ADOPTED: ['只有已采纳的建议才能登记效益和奖励', 'Benefit and reward are recorded only for adopted suggestions'],
  SUGGESTION_PERIOD: ['开始日期不能晚于结束日期', 'The start date cannot be after the end date'],
  ENTITY_suggestion: ['合理化建议', 'suggestion'],
});
