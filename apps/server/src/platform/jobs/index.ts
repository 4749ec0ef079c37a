export { createJobRunner, findJob, type JobContext, type JobHandler, type JobRunner, type EnqueueJob } from './jobs.runner';
export { job, type JobRow } from './jobs.tables';
