import { defineIndicators } from '../../platform/indicators';

/**
 * 春送岗位 in the reports' words ("春送岗位提供1.1万个就业岗位"): places offered (the headcount of
 * jobs opened in the period, by the day they opened), applications sent and hires, at the
 * employer's union's subtree. A job closed again still counts as offered.
 */
export const jobsIndicators = defineIndicators({
  module: 'jobs',
  section: { zh: '春送岗位', en: 'Spring jobs' },
  order: 76,
  series: [
    { key: 'jobs.offered', tables: { j: 'job_posting' }, from: '{j} j', org: 'j.org_id', events: [{ at: 'j.opened_at', value: 'j.headcount', where: 'j.opened_at is not null' }] },
    { key: 'jobs.applications', tables: { x: 'job_application' }, from: '{x} x', org: 'x.org_id', events: [{ at: 'x.created_at', value: '1' }] },
    { key: 'jobs.hired', tables: { x: 'job_application' }, from: '{x} x', org: 'x.org_id', events: [{ at: 'x.hired_at', value: '1', where: "x.status = 'hired' and x.hired_at is not null" }] },
  ],
  indicators: [
    {
      key: 'jobs.offered',
      name: { zh: '春送岗位提供就业岗位', en: 'Job places offered' },
      unit: 'count',
      definition: { zh: '期内发布的招聘岗位的招聘人数合计（按发布日）。', en: 'Places (headcount) of the jobs opened in the period, by the day they opened.' },
      compute: { kind: 'flow', series: 'jobs.offered' },
      isHeadline: true,
    },
    {
      key: 'jobs.applications',
      name: { zh: '求职申请', en: 'Job applications' },
      unit: 'count',
      definition: { zh: '期内职工在手机上投递的求职申请件数（每人每岗位一件）。', en: 'Applications workers sent from the phone in the period (one per person and job).' },
      compute: { kind: 'flow', series: 'jobs.applications' },
    },
    {
      key: 'jobs.hired',
      name: { zh: '录用人数', en: 'Workers hired' },
      unit: 'person_times',
      definition: { zh: '期内被标记为录用的求职申请（按录用日）。', en: 'Applications marked hired in the period (by the day of the hire).' },
      compute: { kind: 'flow', series: 'jobs.hired' },
    },
  ],
});
