import type { AuthzCases } from '../../test/security/authz';

/**
 * Authorisation cases of 通知公告, and of the platform's notifications, 待办, jobs and the 工作台's
 * activity (their routes live in platform/, the matrix reads modules/; test/security/authz-matrix.int.test.ts).
 */
export const noticesAuthz: AuthzCases = {
  'GET /api/v1/notices': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }), status: 'hidden' },
  'POST /api/v1/notices': { foreign: (p) => ({ body: { orgId: p.streetId, title: '矩阵公告', body: '矩阵测试公告正文' } }) },
  'GET /api/v1/notices/{id}': { foreign: async (p) => ({ params: { id: (await p.notice()).id } }) },
  'PATCH /api/v1/notices/{id}': {
    foreign: async (p) => {
      const n = await p.notice();
      return { params: { id: n.id }, body: { version: n.version, title: '矩阵公告改' } };
    },
  },
  'POST /api/v1/notices/{id}/publish': {
    foreign: async (p) => {
      const n = await p.notice();
      return { params: { id: n.id }, body: { version: n.version } };
    },
  },
  'POST /api/v1/notices/{id}/withdraw': {
    foreign: async (p) => {
      const n = await p.notice();
      return { params: { id: n.id }, body: { version: n.version } };
    },
  },
  'GET /api/v1/notice-feed': { open: 'published notices for the phone: the caller’s union chain, or the top of the tree signed out (public text by nature)' },
  'GET /api/v1/notice-feed/{id}': { open: 'one published notice, only if it reaches the caller (else 404)' },

  'GET /api/v1/me/notifications': { own: 'the caller’s own messages (recipient = the caller)' },
  'GET /api/v1/me/notifications/unread-count': { own: 'the caller’s own unread count' },
  'POST /api/v1/me/notifications/{id}/read': { own: 'marks one of the caller’s own messages; another person’s answers 404 (notifications.int.test.ts)' },
  'POST /api/v1/me/notifications/read-all': { own: 'the caller’s own messages' },
  'GET /api/v1/me/notification-preference': { own: 'the caller’s own SMS choice' },
  'PUT /api/v1/me/notification-preference': { own: 'the caller’s own SMS choice' },
  'GET /api/v1/me/todos': { own: 'to-dos computed in the caller’s own scope', lists: true },
  'GET /api/v1/me/notifications/stream': { own: 'the caller’s own messages, live', stream: 'an event stream of the caller’s own messages (the same rows as GET /api/v1/me/notifications)' },

  'GET /api/v1/jobs': { lists: { query: { pageSize: 100 } } },
  'GET /api/v1/jobs/summary': { own: 'counts of the jobs in the caller’s scope (numbers only)' },
  'GET /api/v1/jobs/{id}': { foreign: async (p) => ({ params: { id: (await p.job('failed')).id } }) },
  'POST /api/v1/jobs/{id}/retry': { foreign: async (p) => ({ params: { id: (await p.job('failed')).id }, body: {} }) },
  'POST /api/v1/jobs/{id}/cancel': { foreign: async (p) => ({ params: { id: (await p.job('queued')).id }, body: {} }) },
  'GET /api/v1/job-schedules': { own: 'the platform’s schedules (names and times, no data); pausing and running them is for platform admins' },
  'POST /api/v1/job-schedules/{name}/pause': { own: 'platform admins only (others holding job.write get 403, job-routes tests)' },
  'POST /api/v1/job-schedules/{name}/resume': { own: 'platform admins only (others holding job.write get 403, job-routes tests)' },
  'POST /api/v1/job-schedules/{name}/run': { own: 'platform admins only (others holding job.write get 403, job-routes tests)' },

  'GET /api/v1/dashboard/activity': { lists: true, foreign: (p) => ({ query: { orgId: p.streetId } }) },
};
