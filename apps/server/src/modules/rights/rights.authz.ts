import type { AuthzCases, Place, Req, RouteCase, World } from '../../test/security/authz';
import { caseInput, testCreditCode, TINY_PNG } from './testing';

// Things of the rights module made in a place through the platform admin's API: each call makes a
// fresh one, so a case may change it freely.
type Made = { id: string; version: number };
type CaseMade = Made & { parties: { id: string; role: string }[]; claims: { id: string; amountFen: number }[]; events: { id: string }[]; referrals: { id: string; version: number }[] };

const R = '/api/v1/rights';
let serial = 0;
const creditCode = () => testCreditCode(`91500105MA${String(++serial + 5_000_000).padStart(7, '0')}`);

const newCase = (p: Place, w: World) => w.asAdmin<CaseMade>('POST', `${R}/cases`, { body: caseInput(p.streetId, { receivedOn: '2026-11-02' }) });
async function acceptedCase(p: Place, w: World): Promise<CaseMade> {
  const c = await newCase(p, w);
  return w.asAdmin<CaseMade>('POST', `${R}/cases/${c.id}/accept`, { body: { acceptedOn: '2026-11-03', version: c.version } });
}
async function agreedCase(p: Place, w: World): Promise<CaseMade> {
  const c = await acceptedCase(p, w);
  const agreedClaims = c.claims.map((x) => ({ claimId: x.id, agreedFen: x.amountFen }));
  return w.asAdmin<CaseMade>('POST', `${R}/cases/${c.id}/outcome`, { body: { outcome: 'agreed', on: '2026-11-10', agreedClaims, version: c.version } });
}
async function referredCase(p: Place, w: World): Promise<CaseMade> {
  const c = await acceptedCase(p, w);
  const failed = await w.asAdmin<CaseMade>('POST', `${R}/cases/${c.id}/outcome`, { body: { outcome: 'failed', on: '2026-11-10', note: '矩阵测试调解不成', version: c.version } });
  return w.asAdmin<CaseMade>('POST', `${R}/cases/${failed.id}/referrals`, {
    body: { kind: 'arbitration', targetName: '矩阵劳动人事争议仲裁委员会', hasWorkerConsent: true, referredOn: '2026-11-11' },
  });
}
async function evidenceFile(p: Place, w: World): Promise<{ caseId: string; fileId: string }> {
  const c = await newCase(p, w);
  const file = await w.asAdmin<{ id: string }>('POST', `${R}/files`, { raw: { contentType: 'image/png', data: TINY_PNG } });
  await w.asAdmin('POST', `${R}/cases/${c.id}/evidence`, { body: { fileId: file.id } });
  return { caseId: c.id, fileId: file.id };
}

/** A route on a case of the place: the path's id, and the body the case's state asks for. */
function onCase(
  make: (p: Place, w: World) => Promise<CaseMade>,
  body?: (c: CaseMade, p: Place, w: World) => unknown,
  params?: (c: CaseMade, p: Place, w: World) => Promise<Record<string, string>>,
): RouteCase {
  return {
    foreign: async (p, w): Promise<Req> => {
      const c = await make(p, w);
      return { params: { id: c.id, ...(params ? await params(c, p, w) : {}) }, ...(body ? { body: await body(c, p, w) } : {}) };
    },
  };
}

const newConsultation = (p: Place, w: World) =>
  w.asAdmin<Made>('POST', `${R}/consultations`, { body: { orgId: p.streetId, channel: 'walk_in', category: 'wages', question: '矩阵测试：单位拖欠工资怎么办？' } });
const onConsultation = (body?: (c: Made) => unknown): RouteCase => ({
  foreign: async (p, w) => {
    const c = await newConsultation(p, w);
    return { params: { id: c.id }, ...(body ? { body: body(c) } : {}) };
  },
});

const newTeamMember = (p: Place, w: World) =>
  w.asAdmin<Made>('POST', `${R}/team-members`, { body: { orgId: p.streetId, role: 'informant', name: '矩阵信息员', phone: `1370000${String(++serial).padStart(4, '0')}` } });
async function newPoint(p: Place, w: World): Promise<Made> {
  const made = await w.asAdmin<{ point: Made }>('POST', `${R}/monitoring-points`, { body: { orgId: p.streetId, enterpriseName: `矩阵监测企业${++serial}`, creditCode: creditCode() } });
  return made.point;
}
const REPORT = {
  headcount: 200,
  new_hires: 3,
  layoffs: 60,
  contract_signed: 200,
  social_insurance_covered: 198,
  wage_arrears_workers: 40,
  wage_arrears_fen: 5_000_000,
  avg_monthly_overtime_hours: 90,
  disputes: 5,
  collective_incidents: 1,
};
/** A warning in the place: a quarterly form past every default threshold raises it. */
async function newWarning(p: Place, w: World): Promise<string | null> {
  const point = await newPoint(p, w);
  await w.asAdmin('PUT', `${R}/monitoring-points/${point.id}/reports/2026Q3`, { body: { values: REPORT } });
  const page = await w.asAdmin<{ items: { id: string; status: string }[] }>('GET', `${R}/warnings`, { query: { orgId: p.streetId, status: 'open', pageSize: 100 } });
  return page.items[0]?.id ?? null;
}
const ALL_CRITERIA = { contracts_signed: true, wages_on_time: true, social_insurance_full: true, working_hours_legal: true, collective_bargaining: true, workers_congress: true, open_affairs: true };
const newRating = (p: Place, w: World) =>
  w.asAdmin<Made>('POST', `${R}/ratings`, { body: { year: 2026, orgId: p.streetId, enterpriseName: `矩阵和谐企业${++serial}`, creditCode: creditCode(), levelApplied: 'A', criteria: ALL_CRITERIA } });

const listed = { query: { pageSize: 100 } };
const inStreet = (p: Place) => ({ query: { orgId: p.streetId } });

/** Authorisation cases of 维权 (cases, consultations, 三员, monitoring, ratings) and the holiday calendar (test/security/authz-matrix.int.test.ts). */
export const rightsAuthz: AuthzCases = {
  // ---- dispute cases ----
  'GET /api/v1/rights/cases': { lists: listed, foreign: inStreet, status: 'hidden' },
  'POST /api/v1/rights/cases': { foreign: (p) => ({ body: caseInput(p.streetId, { receivedOn: '2026-11-02' }) }) },
  'GET /api/v1/rights/cases/{id}': onCase(newCase),
  'PATCH /api/v1/rights/cases/{id}': onCase(newCase, (c) => ({ summary: '矩阵测试修改案情摘要', version: c.version })),
  'POST /api/v1/rights/cases/{id}/accept': onCase(newCase, (c) => ({ acceptedOn: '2026-11-03', version: c.version })),
  'POST /api/v1/rights/cases/{id}/reject': onCase(newCase, (c) => ({ note: '矩阵测试不予受理', version: c.version })),
  'GET /api/v1/rights/cases/{id}/mediators': onCase(newCase),
  'POST /api/v1/rights/cases/{id}/assign': onCase(acceptedCase, async (c, p) => ({ mediatorId: (await p.user()).id, version: c.version })),
  'POST /api/v1/rights/cases/{id}/members': onCase(newCase, async (_c, p) => ({ userId: (await p.user()).id })),
  'DELETE /api/v1/rights/cases/{id}/members/{userId}': onCase(newCase, undefined, async (c, p, w) => {
    const user = await p.user();
    await w.asAdmin('POST', `${R}/cases/${c.id}/members`, { body: { userId: user.id } });
    return { userId: user.id };
  }),
  'POST /api/v1/rights/cases/{id}/sessions': onCase(acceptedCase, () => ({ heldAt: '2026-11-05T02:00:00Z', notes: '矩阵测试调解记录' })),
  'POST /api/v1/rights/cases/{id}/events': onCase(acceptedCase, () => ({ kind: 'interrupt', onDate: '2026-11-04', reason: 'claim_made' })),
  'POST /api/v1/rights/cases/{id}/events/{eventId}/void': onCase(
    async (p, w) => {
      const c = await acceptedCase(p, w);
      return w.asAdmin<CaseMade>('POST', `${R}/cases/${c.id}/events`, { body: { kind: 'interrupt', onDate: '2026-11-04', reason: 'claim_made' } });
    },
    () => ({ reason: '矩阵测试撤销' }),
    async (c) => ({ eventId: c.events[c.events.length - 1]!.id }),
  ),
  'POST /api/v1/rights/cases/{id}/outcome': onCase(acceptedCase, (c) => ({ outcome: 'failed', on: '2026-11-10', note: '矩阵测试调解不成', version: c.version })),
  'POST /api/v1/rights/cases/{id}/payments': onCase(agreedCase, () => ({ receivedOn: '2026-11-14', amountFen: 1000, method: 'transfer' })),
  'POST /api/v1/rights/cases/{id}/evidence': onCase(newCase, async (_c, _p, w) => ({
    fileId: (await w.asAdmin<{ id: string }>('POST', `${R}/files`, { raw: { contentType: 'image/png', data: TINY_PNG } })).id,
  })),
  'POST /api/v1/rights/cases/{id}/referrals': onCase(acceptedCase, () => ({ kind: 'arbitration', targetName: '矩阵劳动人事争议仲裁委员会', hasWorkerConsent: true, referredOn: '2026-11-11' })),
  'POST /api/v1/rights/cases/{id}/documents': onCase(acceptedCase, () => ({ kind: 'acceptance_notice', audience: 'file' })),
  'GET /api/v1/rights/cases/{id}/documents/{documentId}': onCase(acceptedCase, undefined, async (c, _p, w) => ({
    documentId: (await w.asAdmin<{ id: string }>('POST', `${R}/cases/${c.id}/documents`, { body: { kind: 'acceptance_notice', audience: 'file' } })).id,
  })),
  'POST /api/v1/rights/cases/{id}/sign-requests': onCase(acceptedCase, (c) => ({ kind: 'acceptance_notice', signerRole: 'applicant', partyId: c.parties.find((x) => x.role === 'applicant')!.id })),
  'GET /api/v1/rights/referrals/incoming': { lists: true },
  'POST /api/v1/rights/referrals/{id}/respond': {
    foreign: async (p, w) => {
      const ref = (await referredCase(p, w)).referrals[0]!;
      return { params: { id: ref.id }, body: { decision: 'accept', on: '2026-11-16', referenceNo: '矩阵仲案字第1号', version: ref.version } };
    },
  },
  'POST /api/v1/rights/referrals/{id}/result': {
    foreign: async (p, w) => {
      const ref = (await referredCase(p, w)).referrals[0]!;
      const done = await w.asAdmin<{ caseId: string }>('POST', `${R}/referrals/${ref.id}/respond`, { body: { decision: 'accept', on: '2026-11-16', version: ref.version } });
      const c = await w.asAdmin<CaseMade>('GET', `${R}/cases/${done.caseId}`);
      const now = c.referrals.find((x) => x.id === ref.id)!;
      return { params: { id: ref.id }, body: { result: '矩阵测试仲裁裁决', on: '2026-12-01', version: now.version } };
    },
  },
  'POST /api/v1/rights/files': { own: 'an upload is the uploader’s own file until it is attached to a case or a rating in their scope' },
  'GET /api/v1/rights/files/{id}': {
    foreign: async (p, w) => ({ params: { id: (await evidenceFile(p, w)).fileId } }),
  },
  'GET /api/v1/rights/sign/{token}': { open: 'a single-use 30-minute signing link sent to one signer: the unguessable token is the permission' },
  'POST /api/v1/rights/sign/{token}': { open: 'the signer submits their signature through the single-use link (the token is the permission)' },

  // ---- consultations ----
  'GET /api/v1/rights/public/desks': { open: 'the unions a worker may address a legal question to: names only' },
  'POST /api/v1/rights/my/consultations': { own: 'a signed-in worker asks their own question' },
  'GET /api/v1/rights/my/consultations': { own: 'the caller’s own questions' },
  'GET /api/v1/rights/my/consultations/{id}': { own: 'one of the caller’s own questions; another user’s answers 404 (consultations.int.test.ts)' },
  'POST /api/v1/rights/my/consultations/{id}/messages': { own: 'a follow-up to the caller’s own question' },
  'GET /api/v1/rights/consultations': { lists: listed, foreign: inStreet, status: 'hidden' },
  'POST /api/v1/rights/consultations': { foreign: (p) => ({ body: { orgId: p.streetId, channel: 'hotline', category: 'wages', question: '矩阵测试：加班费怎么算？' } }) },
  'GET /api/v1/rights/consultations/{id}': onConsultation(),
  'POST /api/v1/rights/consultations/{id}/answer': onConsultation((c) => ({ answer: '矩阵测试答复：可以申请调解。', citations: [], version: c.version })),
  'POST /api/v1/rights/consultations/{id}/messages': onConsultation((c) => ({ kind: 'callback', body: '矩阵测试回访', version: c.version })),
  'POST /api/v1/rights/consultations/{id}/close': onConsultation((c) => ({ version: c.version })),
  'POST /api/v1/rights/consultations/{id}/convert': onConsultation(() => ({ applicantName: '矩阵申请人' })),

  // ---- 三员, monitoring points, warnings ----
  'GET /api/v1/rights/team-members': { lists: listed, foreign: inStreet, status: 'hidden' },
  'GET /api/v1/rights/team-members/counts': { foreign: inStreet },
  'POST /api/v1/rights/team-members': { foreign: (p) => ({ body: { orgId: p.streetId, role: 'supervisor', name: '矩阵监督员' } }) },
  'PATCH /api/v1/rights/team-members/{id}': {
    foreign: async (p, w) => {
      const m = await newTeamMember(p, w);
      return { params: { id: m.id }, body: { name: '矩阵信息员改', version: m.version } };
    },
  },
  'GET /api/v1/rights/monitoring-points': { lists: listed, foreign: inStreet, status: 'hidden' },
  'POST /api/v1/rights/monitoring-points': { foreign: (p) => ({ body: { orgId: p.streetId, enterpriseName: '矩阵监测企业', creditCode: creditCode() } }) },
  'GET /api/v1/rights/monitoring-points/{id}': { foreign: async (p, w) => ({ params: { id: (await newPoint(p, w)).id } }) },
  'PATCH /api/v1/rights/monitoring-points/{id}': {
    foreign: async (p, w) => {
      const point = await newPoint(p, w);
      return { params: { id: point.id }, body: { industry: '制造业', version: point.version } };
    },
  },
  'PUT /api/v1/rights/monitoring-points/{id}/reports/{quarter}': { foreign: async (p, w) => ({ params: { id: (await newPoint(p, w)).id, quarter: '2026Q3' }, body: { values: REPORT } }) },
  'GET /api/v1/rights/my/monitoring-points': { own: 'the points whose informant has the caller’s phone number' },
  'PUT /api/v1/rights/my/monitoring-points/{id}/reports/{quarter}': { own: 'the informant files their own point’s form; another point answers 404 (work.int.test.ts)' },
  'GET /api/v1/rights/warnings': { lists: listed, foreign: inStreet, status: 'hidden' },
  'POST /api/v1/rights/warnings/{id}/handle': {
    foreign: async (p, w) => {
      const id = await newWarning(p, w);
      return id ? { params: { id }, body: { note: '矩阵测试已约谈企业' } } : null;
    },
  },

  // ---- ratings, settings, figures, reminders ----
  'GET /api/v1/rights/ratings': { lists: listed, foreign: inStreet, status: 'hidden' },
  'POST /api/v1/rights/ratings': {
    foreign: (p) => ({ body: { year: 2026, orgId: p.streetId, enterpriseName: '矩阵和谐企业', creditCode: creditCode(), levelApplied: 'A', criteria: ALL_CRITERIA } }),
  },
  'GET /api/v1/rights/ratings/{id}': { foreign: async (p, w) => ({ params: { id: (await newRating(p, w)).id } }) },
  'POST /api/v1/rights/ratings/{id}/review': {
    foreign: async (p, w) => {
      const r = await newRating(p, w);
      return { params: { id: r.id }, body: { decision: 'reject', note: '矩阵测试驳回', version: r.version } };
    },
  },
  'GET /api/v1/rights/settings': { foreign: (p) => ({ query: { orgId: p.districtId } }) },
  'PUT /api/v1/rights/settings': {
    foreign: async (p, w) => {
      const now = await w.asAdmin<{ version: number | null; isDefault: boolean }>('GET', `${R}/settings`, { query: { orgId: p.districtId } });
      return { query: { orgId: p.districtId }, body: { acceptanceWorkingDays: 5, reportDueDay: 15, thresholds: [], ...(!now.isDefault && now.version ? { version: now.version } : {}) } };
    },
  },
  'GET /api/v1/rights/figures': { lists: true, foreign: inStreet },
  'GET /api/v1/rights/overdue': { lists: true, foreign: inStreet },
  'GET /api/v1/rights/reminders/mine': { own: 'the caller’s own deadline reminders' },
  'POST /api/v1/rights/reminders/{id}/read': { own: 'marks one of the caller’s own reminders read; another user’s answers 404' },

  // ---- the holiday calendar (platform/holidays) ----
  'GET /api/v1/holidays/{year}': { own: 'the national holiday calendar: the same State Council notice for every union' },
  'PUT /api/v1/holidays/overrides/{date}': { own: 'installation-wide: only the platform admin holds calendar.write (the 403s are checked)' },
  'DELETE /api/v1/holidays/overrides/{date}': { own: 'installation-wide: only the platform admin holds calendar.write (the 403s are checked)' },
};
