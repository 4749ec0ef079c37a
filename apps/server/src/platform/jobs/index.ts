export { createJobRunner, findJob, type JobContext, type JobHandler, type JobRunner, type EnqueueJob } from './jobs.runner';
export { createDeferredProgress } from './deferred-progress';
export { job, type JobRow } from './jobs.tables';
