import { PNG } from '../../test/files';
import type { AuthzCases, Place, World } from '../../test/security/authz';

type Made = { id: string; version: number };
let seq = 0;

/** A campaign of the place's street union (its own allocation holds the budget), opened unless asked not to. */
async function campaignIn(p: Place, w: World, o: { open?: boolean; secondApprovalFen?: number } = {}): Promise<Made> {
  const c = await w.asAdmin<Made>('POST', '/api/v1/assistance/campaigns', {
    body: {
      orgId: p.streetId,
      kind: 'winter',
      name: `矩阵帮扶活动${++seq}`,
      startsOn: '2026-01-05',
      endsOn: '2026-02-10',
      budgetFen: 1_000_000,
      fundingSources: [{ source: '矩阵经费', amountFen: 1_000_000 }],
      benefits: [{ key: 'cash', kind: 'cash', name: '慰问金', amountFen: 10_000 }],
      secondApprovalFen: o.secondApprovalFen ?? 500_000,
    },
  });
  if (o.open === false) return c;
  return w.asAdmin<Made>('POST', '/api/v1/assistance/campaigns/{id}/status', { params: { id: c.id }, body: { status: 'open', version: c.version } });
}

/** An active member of the place's grassroots union, written directly (a worker's sign-in code is rate-limited across the matrix). */
async function memberIn(p: Place, w: World, o: { name?: string; phone?: string } = {}): Promise<string> {
  const n = ++seq;
  const [person] = await w.app.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, phone, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', $4, 'male', '1985-01-01', 'standard') returning id`,
    [p.unionId, o.name ?? `矩阵帮扶${n}`, `authz-campaign-${n}-${Math.random().toString(36).slice(2)}`, o.phone ?? null],
  );
  const [m] = await w.app.database.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  return m!.id;
}

/** A nomination of the place, moved on by the platform admin to `stage`. */
async function nominationIn(p: Place, w: World, stage: 'pending' | 'awaiting_second' | 'approved' | 'disbursed' = 'pending'): Promise<Made> {
  const c = await campaignIn(p, w, { secondApprovalFen: stage === 'awaiting_second' ? 0 : 500_000 });
  let n = await w.asAdmin<Made>('POST', '/api/v1/assistance/campaigns/{id}/nominations', { params: { id: c.id }, body: { membershipId: await memberIn(p, w), benefitKey: 'cash' } });
  if (stage === 'pending') return n;
  n = await w.asAdmin<Made>('POST', '/api/v1/assistance/campaign-nominations/{id}/decide', { params: { id: n.id }, body: { decision: 'approve', version: n.version } });
  if (stage !== 'disbursed') return n;
  return w.asAdmin<Made>('POST', '/api/v1/assistance/campaign-nominations/{id}/disburse', { params: { id: n.id }, body: { method: 'transfer', reference: '矩阵转账', version: n.version } });
}

/** A possible duplicate of the place (same name and phone, other ID numbers), undecided. */
async function reviewIn(p: Place, w: World): Promise<string> {
  const c = await campaignIn(p, w);
  const who = { name: `矩阵重名${++seq}`, phone: `1390000${String(seq).padStart(4, '0')}` };
  for (let i = 0; i < 2; i++) await w.asAdmin('POST', '/api/v1/assistance/campaigns/{id}/nominations', { params: { id: c.id }, body: { membershipId: await memberIn(p, w, who), benefitKey: 'cash' } });
  const [r] = await w.app.database.query<{ id: string }>('select id from campaign_duplicate_review where campaign_id = $1', [c.id]);
  return r!.id;
}

const onNomination = (stage: Parameters<typeof nominationIn>[2], body: (version: number) => Record<string, unknown>) => ({
  foreign: async (p: Place, w: World) => {
    const n = await nominationIn(p, w, stage);
    return { params: { id: n.id }, body: body(n.version) };
  },
});

/** Authorisation cases of the assistance campaigns (test/security/authz-matrix.int.test.ts). */
export const campaignAuthz: AuthzCases = {
  'GET /api/v1/assistance/campaigns': { lists: true },
  'POST /api/v1/assistance/campaigns': {
    foreign: (p) => ({
      body: {
        orgId: p.streetId,
        kind: 'summer',
        name: '矩阵夏送清凉',
        startsOn: '2026-07-01',
        endsOn: '2026-08-31',
        budgetFen: 100_000,
        fundingSources: [{ source: '矩阵经费', amountFen: 100_000 }],
        benefits: [{ key: 'water', kind: 'goods', name: '防暑降温用品', quantity: 1, unit: '份', unitValueFen: 5000 }],
        secondApprovalFen: 100_000,
      },
    }),
    status: 400,
  },
  'GET /api/v1/assistance/campaigns/mine': { own: 'what the caller was given, through the members their account stands for' },
  'POST /api/v1/assistance/campaigns/mine/{id}/acknowledge': {
    own: 'only a benefit given to the caller’s own person; another’s answers 404',
    othersThing: async (w) => {
      const n = await nominationIn(w.street, w, 'disbursed');
      return { params: { id: n.id }, body: { version: n.version } };
    },
  },
  'GET /api/v1/assistance/campaigns/{id}': { foreign: async (p, w) => ({ params: { id: (await campaignIn(p, w)).id } }) },
  'POST /api/v1/assistance/campaigns/{id}/status': {
    foreign: async (p, w) => {
      const c = await campaignIn(p, w, { open: false });
      return { params: { id: c.id }, body: { status: 'open', version: c.version } };
    },
  },
  'PUT /api/v1/assistance/campaigns/{id}': {
    foreign: async (p, w) => {
      const c = await campaignIn(p, w, { open: false });
      return {
        params: { id: c.id },
        body: {
          name: '矩阵帮扶活动（改）',
          startsOn: '2026-01-05',
          endsOn: '2026-02-20',
          budgetFen: 1_000_000,
          fundingSources: [{ source: '矩阵经费', amountFen: 1_000_000 }],
          benefits: [{ key: 'cash', kind: 'cash', name: '慰问金', amountFen: 10_000 }],
          secondApprovalFen: 500_000,
          version: c.version,
        },
      };
    },
  },
  'PUT /api/v1/assistance/campaigns/{id}/allocations/{allocationId}': {
    foreign: async (p, w) => {
      const c = await campaignIn(p, w);
      const withShare = await w.asAdmin<{ allocations: { id: string; orgId: string }[] }>('POST', '/api/v1/assistance/campaigns/{id}/allocations', { params: { id: c.id }, body: { orgId: p.unionId, amountFen: 1000 } });
      return { params: { id: c.id, allocationId: withShare.allocations.find((a) => a.orgId === p.unionId)!.id }, body: { amountFen: 2000 } };
    },
  },
  'POST /api/v1/assistance/campaigns/{id}/allocations': { foreign: async (p, w) => ({ params: { id: (await campaignIn(p, w)).id }, body: { orgId: p.unionId, amountFen: 1000 } }) },
  'GET /api/v1/assistance/campaigns/{id}/nominations': { foreign: async (p, w) => ({ params: { id: (await campaignIn(p, w)).id } }) },
  'POST /api/v1/assistance/campaigns/{id}/nominations': { foreign: async (p, w) => ({ params: { id: (await campaignIn(p, w)).id }, body: { membershipId: await memberIn(p, w), benefitKey: 'cash' } }) },
  'GET /api/v1/assistance/campaign-nominations/{id}': { foreign: async (p, w) => ({ params: { id: (await nominationIn(p, w)).id } }) },
  'GET /api/v1/assistance/campaign-nominations/{id}/signature': {
    foreign: async (p, w) => {
      const n = await nominationIn(p, w, 'disbursed');
      await w.app.database.query('insert into campaign_signature (nomination_id, image) values ($1, $2)', [n.id, PNG]);
      return { params: { id: n.id } };
    },
  },
  'POST /api/v1/assistance/campaign-nominations/{id}/decide': onNomination('pending', (version) => ({ decision: 'approve', version })),
  'POST /api/v1/assistance/campaign-nominations/{id}/second': onNomination('awaiting_second', (version) => ({ decision: 'approve', version })),
  'POST /api/v1/assistance/campaign-nominations/{id}/disburse': onNomination('approved', (version) => ({ method: 'transfer', reference: '矩阵转账', version })),
  'POST /api/v1/assistance/campaign-nominations/{id}/sheet': {
    foreign: async (p, w) => {
      const n = await nominationIn(p, w, 'disbursed');
      return { params: { id: n.id }, body: { photoId: await w.admin.uploadPhoto(), version: n.version } };
    },
  },
  'GET /api/v1/assistance/campaign-reviews': { lists: { query: { pageSize: 200 } } },
  'POST /api/v1/assistance/campaign-reviews/{id}/decide': { foreign: async (p, w) => ({ params: { id: await reviewIn(p, w) }, body: { decision: 'different' } }) },
};
