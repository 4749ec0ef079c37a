import { registerMessages } from '../../platform/i18n';

/** Codes of 春送岗位 (spring jobs). */
registerMessages({
  // A posting belongs to a grassroots union (the employer's union) in the caller's scope.
  JOBS_ORG_NOT_EMPLOYER: ['岗位须发布在基层工会（用人单位）名下', 'A job is posted under a grassroots union (the employer’s)'],
  JOBS_PAY_RANGE: ['最高薪酬不能低于最低薪酬', 'The top of the pay range cannot be below its bottom'],
  JOBS_VALID_UNTIL: ['有效期不能早于今天', 'The job cannot expire before today'],
  JOBS_HEADCOUNT_BELOW_FILLED: ['招聘人数不能少于已录用人数（{filled}人）', 'The headcount cannot be below those already hired ({filled})'],
  JOBS_FAIR_UNKNOWN: ['招聘会不存在或不在您的管辖范围内', 'No such job fair in your scope'],
  JOBS_STATUS_INVALID: ['岗位当前状态不允许此操作', 'Not allowed in the job’s current status'],
  JOBS_STATUS_INVALID_DETAIL: ['岗位当前为“{status}”，不能{action}', 'The job is {status}: it cannot be {action}'],
  // Every place is taken: a hire more would pass the headcount (the table's check refuses it too).
  JOBS_FILLED: ['岗位名额已满，不能再录用；如需增加请先修改招聘人数', 'Every place is taken: raise the headcount first to hire more'],
  JOBS_NOT_OPEN: ['该岗位已停止招聘', 'This job is no longer taking applications'],
  JOBS_EXPIRED: ['该岗位已过有效期', 'This job has expired'],
  // One application per person and job (a unique index holds it under concurrent requests).
  JOBS_ALREADY_APPLIED: ['您已投递过该岗位，请在“我的求职”查看进度', 'You have already applied for this job: see My job applications'],
  JOBS_APPLICATION_STATE: ['该求职申请当前状态下不能进行此操作', 'The application is not in a state for this step'],
  JOBS_STATUS_draft: ['草稿', 'draft'],
  JOBS_STATUS_open: ['招聘中', 'open'],
  JOBS_STATUS_closed: ['已结束', 'closed'],
  JOBS_STATUS_filled: ['已招满', 'filled'],
  JOBS_ACTION_edit: ['修改', 'edited'],
  JOBS_ACTION_open: ['发布', 'opened'],
  JOBS_ACTION_close: ['结束招聘', 'closed'],
  JOBS_APPLICATION_applied: ['已投递', 'Applied'],
  JOBS_APPLICATION_viewed: ['已查看', 'Viewed'],
  JOBS_APPLICATION_interview: ['邀请面试', 'Invited to interview'],
  JOBS_APPLICATION_hired: ['已录用', 'Hired'],
  JOBS_APPLICATION_rejected: ['未录用', 'Not hired'],
  JOBS_APPLICATION_withdrawn: ['已撤回', 'Withdrawn'],
  JOBS_APPLICATION_STEP: ['您的求职申请有新进展', 'Your job application moved on'],
  JOBS_APPLICATION_STEP_BODY: ['{employer}“{title}”：{status}', '{employer} “{title}”: {status}'],
  JOBS_APPLICATION_NEW: ['收到新的求职申请', 'A new job application'],
  JOBS_APPLICATION_NEW_BODY: ['{name} 投递了“{title}”', '{name} applied for “{title}”'],
  ENTITY_job_posting: ['岗位', 'job'],
  ENTITY_job_application: ['求职申请', 'job application'],
});
