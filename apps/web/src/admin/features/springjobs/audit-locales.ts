import type { Translation } from '../../../shared/locale-shape';

/** How the audit log names 春送岗位's actions and objects (keys: action with dots as underscores). */
export const springJobsAuditActionsZh = {
  job_posting_create: '发布岗位（草稿）',
  job_posting_update: '修改岗位',
  job_posting_open: '开始招聘',
  job_posting_close: '结束招聘',
  job_application_create: '投递求职申请',
  job_application_mark: '标记求职申请',
  job_application_withdraw: '撤回求职申请',
};
export const springJobsAuditActionsEn: Translation<typeof springJobsAuditActionsZh> = {
  job_posting_create: 'Post a job (draft)',
  job_posting_update: 'Change a job',
  job_posting_open: 'Open a job',
  job_posting_close: 'Close a job',
  job_application_create: 'Apply for a job',
  job_application_mark: 'Mark a job application',
  job_application_withdraw: 'Withdraw a job application',
};
export const springJobsAuditEntityTypesZh = { job_posting: '春送岗位', job_application: '求职申请' };
export const springJobsAuditEntityTypesEn: Translation<typeof springJobsAuditEntityTypesZh> = { job_posting: 'Spring job', job_application: 'Job application' };

export const SPRING_JOBS_AUDIT_ACTIONS = Object.keys(springJobsAuditActionsZh).map((k) => k.replace(/^(job_posting|job_application)_/, '$1.'));
