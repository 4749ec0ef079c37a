import { demoCreditCode } from '../../db/seed/demo';
import type { Client, Res } from '../../test/harness';
import type { AuthzCases, Place, RouteCase, World } from '../../test/security/authz';
import { DEFAULT_MARKET_RUBRIC } from '@niangjia/contracts';
import { projectInput } from './market.test-support';

/**
 * The marketplace's things in 渝北 (the matrix's second district), made once through the API as a
 * provider and the platform admin would: a provider, its listed project, a season at the final with
 * that project as its finalist, a judge with a sealed sheet, a voting session, a representative, a
 * subsidy rule and an order by a 渝北 union. Seasons, rules, providers and the library belong to a
 * district, so a street (the matrix's other place) has none of them of its own: those cases aim only
 * at 渝北.
 */
type MarketPlace = { providerId: string; projectId: string; versionId: string; seasonId: string; entryId: string; judgeId: string; scoreId: string; sessionId: string; repId: string; ruleId: string; orderId: string };

let built: Promise<MarketPlace> | undefined;
let serial = 0;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** The answer's body, read by field as the tests do; a failed step stops the world with its answer. */
async function ok(res: Promise<Res> | Res, what: string): Promise<Res['body']> {
  const r = await res;
  if (r.status >= 300) throw new Error(`market world: ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function buildYubei(place: Place, w: World): Promise<MarketPlace> {
  const { admin, app: t } = w;
  const phone = `1370000${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const provider: Client = await t.loginWorker(phone);
  const reg = await ok(provider.post('/api/v1/market/providers/register', { orgId: place.districtId, name: `渝北矩阵服务中心`, creditCode: demoCreditCode(`YB-MARKET-${phone}`), type: 'social_org', contactName: '矩阵联系人', contactPhone: phone }), 'provider');
  await ok(admin.post(`/api/v1/market/providers/${reg.id}/review`, { version: reg.version, decision: 'approve' }), 'provider review');
  const project = await ok(provider.post('/api/v1/market/my-projects', projectInput({ title: '渝北矩阵项目' })), 'project');
  const submitted = await ok(provider.post(`/api/v1/market/my-projects/${project.id}/submit`, { version: project.version }), 'submit');
  const approved = await ok(admin.post(`/api/v1/market/projects/${project.id}/review`, { versionId: submitted.latest.id, decision: 'approve' }), 'project review');
  await ok(admin.post(`/api/v1/market/projects/${project.id}/listing`, { version: approved.version, isListed: true }), 'listing');

  const season = await ok(admin.post('/api/v1/market/seasons', { orgId: place.districtId, year: 2026, title: '渝北矩阵赛季', callOpensAt: iso(-86_400_000), callClosesAt: iso(86_400_000) }), 'season');
  const seasonId = season.id as string;
  const version = async () => (await ok(admin.get(`/api/v1/market/seasons/${seasonId}`), 'season')).version as number;
  const advance = async (to: string) => ok(admin.post(`/api/v1/market/seasons/${seasonId}/stage`, { version: await version(), to }), `stage ${to}`);
  await advance('call');
  const entry = await ok(provider.post(`/api/v1/market/seasons/${seasonId}/entries`, { projectId: project.id }), 'entry');
  await ok(admin.patch(`/api/v1/market/seasons/${seasonId}`, { version: await version(), callClosesAt: iso(-1000) }), 'close call');
  await advance('review');
  await ok(admin.post(`/api/v1/market/entries/${entry.id}/review`, { version: 1, decision: 'pass' }), 'entry review');
  await advance('roadshow');
  await ok(admin.post(`/api/v1/market/entries/${entry.id}/finalist`, { version: 2, isFinalist: true, pitchOrder: 1 }), 'finalist');
  await advance('final');

  const judgePhone = `1370001${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const judge = await ok(admin.post(`/api/v1/market/seasons/${seasonId}/judges`, { phone: judgePhone, name: '渝北评委' }), 'judge');
  await ok(admin.post(`/api/v1/market/seasons/${seasonId}/assignments`, { judgeId: judge.id, entryId: entry.id, isAssigned: true }), 'assignment');
  const judgeClient = await t.loginWorker(judgePhone);
  const points = Object.fromEntries(DEFAULT_MARKET_RUBRIC.map((c) => [c.key, 20]));
  await ok(judgeClient.request('PUT', `/api/v1/market/judging/entries/${entry.id}/score`, { points, seal: true }), 'score');
  const matrix = await ok(admin.get(`/api/v1/market/seasons/${seasonId}/scores`), 'scores');
  const scoreId = (matrix.cells as { scoreId: string | null }[]).find((c) => c.scoreId)!.scoreId!;

  const session = await ok(admin.post(`/api/v1/market/seasons/${seasonId}/sessions`, { venue: '渝北会场' }), 'session');
  const member = await place.member();
  await ok(admin.post(`/api/v1/market/seasons/${seasonId}/reps`, { membershipIds: [member.id] }), 'rep');
  const reps = await ok(admin.get(`/api/v1/market/seasons/${seasonId}/reps`), 'reps');
  const repId = reps.items[0].id as string;

  const rule = await ok(admin.post('/api/v1/market/subsidy-rules', { orgId: place.districtId, year: 2026, budgetFen: 1_000_000, percentBps: 5000, capPerUnionFen: 100_000 }), 'rule');
  const order = await ok(
    admin.post('/api/v1/market/orders', { projectId: project.id, orderingOrgId: place.unionId, serviceDate: day(10), headcount: 10, placeKind: 'address', address: '渝北矩阵路1号' }),
    'order',
  );
  return { providerId: reg.id, projectId: project.id, versionId: submitted.latest.id, seasonId, entryId: entry.id, judgeId: judge.id, scoreId, sessionId: session.id, repId, ruleId: rule.id, orderId: order.id };
}

/** 渝北's marketplace things (built on first use), or null for the street place. */
async function market(place: Place, w: World): Promise<MarketPlace | null> {
  if (place.name !== 'district') return null;
  built ??= buildYubei(place, w);
  return built;
}

/** A case aimed at one of 渝北's marketplace things. */
const on = (make: (m: MarketPlace, p: Place) => { params?: Record<string, string>; query?: Record<string, string | number | boolean>; body?: unknown }): RouteCase => ({
  foreign: async (p, w) => {
    const m = await market(p, w);
    return m ? make(m, p) : null;
  },
});
const season = (body?: (m: MarketPlace) => unknown): RouteCase => on((m) => ({ params: { id: m.seasonId }, ...(body ? { body: body(m) } : {}) }));
/** A list filtered to a district outside the caller's scope: 404 or nothing of it. */
const filtered = (query: (p: Place) => Record<string, string>): RouteCase => ({ lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: query(p) }), status: 'hidden' });
const MONTH = new Date().toISOString().slice(0, 7);
const PROVIDER = 'a provider account’s own records (market.provider is held only by a provider’s accounts; the 403s are checked)';
const WORKER = 'the signed-in worker’s own representative seat, votes, sign-ins and orders';

/** Authorisation cases of the service marketplace (test/security/authz-matrix.int.test.ts). */
export const marketAuthz: AuthzCases = {
  // Public: the catalogue, the roadshow hall screen, library photos.
  'GET /api/v1/market/districts': { open: 'the districts a provider may join: names only' },
  'GET /api/v1/market/library': { open: 'the public project library (only listed projects)' },
  'GET /api/v1/market/library/{id}': { open: 'a listed project of the public library' },
  'GET /api/v1/market/files/{id}': { open: 'a file answers only whom it concerns; library photos are public (the service checks the uploader, the provider and staff in scope)' },
  'GET /api/v1/public/market/roadshow/{seasonId}': { open: 'the roadshow hall screen: finalists’ titles and vote counts, nothing personal' },
  'GET /api/v1/public/market/roadshow/{seasonId}/stream': { open: 'the roadshow hall screen’s live counts', stream: 'an event stream of the same public counts as GET /api/v1/public/market/roadshow/{seasonId}' },

  // Any signed-in account: registration, uploads, the phone pages of workers and judges.
  'POST /api/v1/market/providers/register': { own: 'registers the caller’s own organisation; staff of its district review it' },
  'GET /api/v1/market/my-provider': { own: 'the provider the caller acts for, if any' },
  'POST /api/v1/market/files': { own: 'an upload is the uploader’s own file until a project or delivery uses it' },
  'GET /api/v1/market/library/{id}/positions': { own: 'the public stations of a listed project’s district, as on the public station map' },
  'GET /api/v1/market/voting': { own: WORKER },
  'POST /api/v1/market/voting/checkin': { own: WORKER },
  'GET /api/v1/market/voting/sessions/{id}': { own: WORKER, othersThing: async (w) => ({ params: { id: (await market(w.district, w))!.sessionId } }) },
  'POST /api/v1/market/voting/sessions/{id}/votes': { own: WORKER },
  'POST /api/v1/market/attend': { own: WORKER },
  'GET /api/v1/market/me/orders': { own: WORKER },
  'POST /api/v1/market/me/orders': { own: 'a worker books a listed project for themself' },
  'GET /api/v1/market/orders/{id}': { ...on((m) => ({ params: { id: m.orderId } })), othersThing: async (w) => ({ params: { id: (await market(w.district, w))!.orderId } }) },
  'POST /api/v1/market/orders/{id}/cancel': on((m) => ({ params: { id: m.orderId }, body: { version: 1, reason: '矩阵测试取消' } })),
  'POST /api/v1/market/orders/{id}/rate': on((m) => ({ params: { id: m.orderId }, body: { version: 1, rating: 5 } })),
  'GET /api/v1/market/judging': { own: 'the judge’s own seasons and assigned entries (market.judge is granted per invitation)' },
  'GET /api/v1/market/judging/entries/{id}': { own: 'an entry assigned to the calling judge' },
  'PUT /api/v1/market/judging/entries/{id}/score': { own: 'the calling judge’s own sheet' },
  'POST /api/v1/market/judging/entries/{id}/recuse': { own: 'the calling judge declares their own conflict' },

  // Providers: their own record, projects, entries, orders and statements.
  'PUT /api/v1/market/my-provider': { own: PROVIDER },
  'GET /api/v1/market/my-projects': { own: PROVIDER },
  'POST /api/v1/market/my-projects': { own: PROVIDER },
  'GET /api/v1/market/my-projects/{id}': { own: PROVIDER },
  'PUT /api/v1/market/my-projects/{id}/draft': { own: PROVIDER },
  'POST /api/v1/market/my-projects/{id}/submit': { own: PROVIDER },
  'GET /api/v1/market/open-seasons': { own: 'the seasons of the provider’s own district' },
  'GET /api/v1/market/my-entries': { own: PROVIDER },
  'POST /api/v1/market/seasons/{id}/entries': { own: 'a provider enters its own project in a season of its own district' },
  'POST /api/v1/market/my-entries/{id}/change': { own: PROVIDER },
  'GET /api/v1/market/my-orders': { own: PROVIDER },
  'POST /api/v1/market/my-orders/{id}/confirm': { own: PROVIDER },
  'POST /api/v1/market/my-orders/{id}/decline': { own: PROVIDER },
  'POST /api/v1/market/my-orders/{id}/attendance': { own: PROVIDER },
  'GET /api/v1/market/my-orders/{id}/attendance-qr': { own: PROVIDER },
  'POST /api/v1/market/my-orders/{id}/deliver': { own: PROVIDER },
  'GET /api/v1/market/my-settlements': { own: PROVIDER },
  'GET /api/v1/market/my-settlements.xlsx': { own: PROVIDER },

  // Staff: providers and projects of their district.
  'GET /api/v1/market/providers': filtered((p) => ({ orgId: p.districtId })),
  'GET /api/v1/market/providers/{id}': on((m) => ({ params: { id: m.providerId } })),
  'POST /api/v1/market/providers/{id}/review': on((m) => ({ params: { id: m.providerId }, body: { version: 1, decision: 'suspend', reason: '矩阵测试' } })),
  'GET /api/v1/market/projects': filtered((p) => ({ orgId: p.districtId })),
  'GET /api/v1/market/projects/{id}': on((m) => ({ params: { id: m.projectId } })),
  'POST /api/v1/market/projects/{id}/review': on((m) => ({ params: { id: m.projectId }, body: { versionId: m.versionId, decision: 'approve' } })),
  'POST /api/v1/market/projects/{id}/listing': on((m) => ({ params: { id: m.projectId }, body: { version: 1, isListed: true } })),

  // Staff: the competition of their district.
  'GET /api/v1/market/seasons': filtered((p) => ({ orgId: p.districtId })),
  'POST /api/v1/market/seasons': { foreign: (p) => ({ body: { orgId: p.districtId, year: 2040 + ++serial, title: '矩阵赛季', callOpensAt: iso(86_400_000), callClosesAt: iso(2 * 86_400_000) } }) },
  'GET /api/v1/market/seasons/{id}': season(),
  'PATCH /api/v1/market/seasons/{id}': season(() => ({ version: 1, title: '矩阵改名' })),
  'POST /api/v1/market/seasons/{id}/stage': season(() => ({ version: 1, to: 'published' })),
  'GET /api/v1/market/seasons/{id}/entries': season(),
  'POST /api/v1/market/entries/{id}/review': on((m) => ({ params: { id: m.entryId }, body: { version: 1, decision: 'pass' } })),
  'POST /api/v1/market/entries/{id}/finalist': on((m) => ({ params: { id: m.entryId }, body: { version: 1, isFinalist: true, pitchOrder: 1 } })),
  'GET /api/v1/market/seasons/{id}/judges': season(),
  'POST /api/v1/market/seasons/{id}/judges': season(() => ({ phone: `1370002${String(1000 + ++serial)}`, name: '矩阵评委' })),
  'POST /api/v1/market/judges/{id}/remove': on((m) => ({ params: { id: m.judgeId } })),
  'POST /api/v1/market/seasons/{id}/assignments': season((m) => ({ judgeId: m.judgeId, entryId: m.entryId, isAssigned: true })),
  'POST /api/v1/market/seasons/{id}/recusals': season((m) => ({ judgeId: m.judgeId, entryId: m.entryId, reason: '矩阵测试回避' })),
  'GET /api/v1/market/seasons/{id}/scores': season(),
  'POST /api/v1/market/scores/{id}/reopen': on((m) => ({ params: { id: m.scoreId }, body: { reason: '矩阵测试重开' } })),
  'GET /api/v1/market/seasons/{id}/reps': season(),
  'POST /api/v1/market/seasons/{id}/reps': {
    foreign: async (p, w) => {
      const m = await market(p, w);
      return m ? { params: { id: m.seasonId }, body: { membershipIds: [(await p.member()).id] } } : null;
    },
  },
  'POST /api/v1/market/reps/{id}/remove': on((m) => ({ params: { id: m.repId } })),
  'GET /api/v1/market/seasons/{id}/sessions': season(),
  'POST /api/v1/market/seasons/{id}/sessions': season(() => ({ venue: '矩阵会场' })),
  'POST /api/v1/market/sessions/{id}/open': on((m) => ({ params: { id: m.sessionId } })),
  'POST /api/v1/market/sessions/{id}/close': on((m) => ({ params: { id: m.sessionId } })),
  'GET /api/v1/market/sessions/{id}/code': on((m) => ({ params: { id: m.sessionId } })),
  'POST /api/v1/market/seasons/{id}/current': season((m) => ({ entryId: m.entryId })),
  'PUT /api/v1/market/seasons/{id}/paper-tallies': season((m) => ({ venue: '矩阵会场', counts: [{ entryId: m.entryId, votes: 1 }] })),
  'GET /api/v1/market/seasons/{id}/results': season(),
  'POST /api/v1/market/seasons/{id}/results/confirm': season(() => ({ version: 1 })),
  'POST /api/v1/market/seasons/{id}/results/reveal': season(() => ({ version: 1 })),
  'POST /api/v1/market/seasons/{id}/results/publish': season(() => ({ version: 1 })),

  // Staff: subsidies, orders and settlement of their unions.
  'GET /api/v1/market/subsidy-rules': { lists: true, foreign: (p) => ({ query: { orgId: p.districtId } }), status: 'hidden' },
  'POST /api/v1/market/subsidy-rules': { foreign: (p) => ({ body: { orgId: p.districtId, year: 2040 + ++serial, budgetFen: 100, percentBps: 1000, capPerUnionFen: 100 } }) },
  'PUT /api/v1/market/subsidy-rules/{id}': on((m) => ({ params: { id: m.ruleId }, body: { version: 1, budgetFen: 2_000_000, percentBps: 5000, capPerUnionFen: 100_000 } })),
  'GET /api/v1/market/quote': on((m, p) => ({ query: { projectId: m.projectId, orderingOrgId: p.unionId, headcount: 10, serviceDate: day(12) } })),
  'POST /api/v1/market/orders': on((m, p) => ({ body: { projectId: m.projectId, orderingOrgId: p.unionId, serviceDate: day(12), headcount: 10, placeKind: 'address', address: '渝北矩阵路2号' } })),
  'GET /api/v1/market/orders': filtered((p) => ({ orgId: p.districtId })),
  'GET /api/v1/market/settlements': { lists: { query: { month: MONTH } }, foreign: (p) => ({ query: { month: MONTH, orgId: p.districtId } }), status: 'hidden' },
  'GET /api/v1/market/settlements.xlsx': { lists: { query: { month: MONTH } }, foreign: (p) => ({ query: { month: MONTH, orgId: p.districtId } }), status: 'hidden' },
};
