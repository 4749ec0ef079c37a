import { registerMessages } from '../../platform/i18n';

/** Codes owned by 对口联系 (liaison) in the voice module. */
registerMessages({
  // The cadre or a problem's owner is not union staff where it would need to be.
  LIAISON_NOT_STAFF: ['此人不是相关工会的工作人员', 'This person is not staff of a union that can take this on'],
  // The union is not in the caller's write scope (or is not active).
  LIAISON_ORG_OUT_OF_SCOPE: ['只能安排联系本级管辖范围内的工会', 'Assign only unions within your own scope'],
  // A cadre liaises with a union below their own, not with their own union.
  LIAISON_ORG_NOT_BELOW: ['联系对象须是该干部所在工会的下级工会', 'The union must be below the cadre’s own union'],
  LIAISON_ALREADY_ASSIGNED: ['该干部已在联系这个工会', 'This cadre already liaises with this union'],
  LIAISON_ASSIGNMENT_ENDED: ['这项联系安排已经结束', 'This assignment has ended'],
  // A visit is dated on or after the assignment began, today or in the past year.
  LIAISON_VISIT_DATE: ['走访日期须在联系安排开始之后、今天及以前一年内', 'The visit date must be after the assignment began, today or within the past year'],
  // A problem is due on or after the visit and within a year.
  LIAISON_DUE_DATE: ['整改期限须在走访日之后、一年以内', 'The due date must be after the visit and within a year'],
  LIAISON_PROBLEM_STATUS: ['这个问题当前的状态不能这样操作', 'This step does not apply to the problem in its current status'],
  LIAISON_PERIOD: ['开始日期不能晚于结束日期', 'The start date cannot be after the end date'],
  ENTITY_liaison_assignment: ['联系安排', 'liaison assignment'],
  ENTITY_liaison_problem: ['走访问题', 'liaison problem'],
});
