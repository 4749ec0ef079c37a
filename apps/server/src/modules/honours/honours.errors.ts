import { registerMessages } from '../../platform/i18n';

/** Codes owned by 劳模工匠 (honours, care activities and innovation studios). */
registerMessages({
  // The member is not an active member of a union in the caller's write scope.
  HONOURS_MEMBER_UNKNOWN: ['找不到本级管辖范围内的这名在册会员', 'No active member of a union in your scope by that id'],
  // The same person, level, title and year is recorded once.
  HONOURS_DUPLICATE: ['该会员已有同年度、同级别的这项荣誉', 'This member already holds this honour for that year and level'],
  // An award year cannot lie in the future.
  HONOURS_YEAR_FUTURE: ['获奖年度不能晚于今年', 'The award year cannot be after this year'],
  HONOURS_REVOKED: ['该荣誉已撤销，不能再修改', 'The honour has been revoked and can no longer be changed'],
  // Care is recorded for a member holding an active honour, dated today or before.
  HONOURS_NOT_HONOURED: ['该会员没有有效的劳模工匠荣誉', 'This member holds no active model-worker or craftsman honour'],
  HONOURS_CARE_DATE: ['关爱日期不能晚于今天', 'The care date cannot be after today'],
  // A studio's owning union must be in the caller's write scope.
  STUDIO_ORG_OUT_OF_SCOPE: ['只能为本级管辖范围内的工会设立创新工作室', 'Set up studios only for unions within your scope'],
  // The leader of a studio holds an active honour (劳模 or 工匠).
  STUDIO_LEADER_NOT_HONOURED: ['领衔人须是具有有效劳模、工匠等荣誉的会员', 'The leader must be a member holding an active model-worker or craftsman honour'],
  STUDIO_NAME_TAKEN: ['本工会已有同名的创新工作室', 'This union already has a studio of that name'],
  STUDIO_FOUNDED_FUTURE: ['成立日期不能晚于今天', 'The founding date cannot be after today'],
  STUDIO_GRANTED_FUTURE: ['授权日期不能晚于今天', 'The grant date cannot be after today'],
  STUDIO_CLOSED: ['该工作室已撤销，不能再修改', 'The studio is closed and can no longer be changed'],
  STUDIO_ALREADY_MEMBER: ['此人已是该工作室成员', 'This person is already a member of the studio'],
  STUDIO_LEADER_STAYS: ['领衔人不能移出工作室，请先更换领衔人', 'The leader cannot be removed: change the leader first'],
  STUDIO_PATENT_TAKEN: ['该专利号已登记', 'This patent number is already recorded'],
  STUDIO_PROJECT_UNKNOWN: ['该项目不属于这个工作室', 'The project does not belong to this studio'],
  ENTITY_honour: ['荣誉记录', 'honour'],
  ENTITY_honour_care: ['关爱记录', 'care activity'],
  ENTITY_studio: ['创新工作室', 'innovation studio'],
  ENTITY_studio_project: ['工作室项目', 'studio project'],
  ENTITY_studio_patent: ['专利', 'patent'],
});
