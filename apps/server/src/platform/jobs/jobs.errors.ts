import { registerMessages } from '../i18n';

registerMessages({
  JOB_ABANDONED: ['后台任务中断', 'The background job was interrupted'],
  JOB_ABANDONED_DETAIL: ['处理该任务的服务多次中断，请重新提交', 'The server running the job stopped several times; try again'],
  // A job was cancelled by an administrator on the console's 后台任务 page.
  JOB_CANCELLED: ['任务已取消', 'The job was cancelled'],
  JOB_CANCELLED_DETAIL: ['管理员取消了该任务', 'An administrator cancelled this job'],
  // Retry asked of a job that is queued, running or done; cancel asked of one that has ended.
  JOB_STATE: ['任务当前状态不允许此操作', 'The job’s state does not allow this'],
  JOB_STATE_DETAIL: ['该任务当前为“{status}”，只有失败、死信或已取消的任务可以重试，排队或运行中的任务可以取消', 'The job is {status}; only failed, dead or cancelled jobs can be retried, and only queued or running ones cancelled'],
  JOB_STATUS_queued: ['排队中', 'queued'],
  JOB_STATUS_running: ['运行中', 'running'],
  JOB_STATUS_succeeded: ['已完成', 'succeeded'],
  JOB_STATUS_failed: ['失败', 'failed'],
  JOB_STATUS_dead: ['死信', 'dead'],
  JOB_STATUS_cancelled: ['已取消', 'cancelled'],
  // Schedules are the whole installation's: only a platform administrator changes them.
  JOB_SCHEDULE_GLOBAL_ONLY: ['定时任务属于整个平台', 'Schedules belong to the whole platform'],
  JOB_SCHEDULE_GLOBAL_ONLY_DETAIL: ['只有平台管理员可以查看和调整定时任务', 'Only a platform administrator can see and change schedules'],
  ENTITY_job: ['任务', 'job'],
  ENTITY_job_schedule: ['定时任务', 'schedule'],
});
