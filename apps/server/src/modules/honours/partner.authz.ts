import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;

/** An active partner of the place's grassroots union (written directly: cheap). */
async function partnerIn(p: Place, w: World): Promise<string> {
  const n = ++seq;
  const [row] = await w.app.database.query<{ id: string }>(`insert into partner (org_id, name, kind, contact_phone) values ($1, $2, 'association', '13900000000') returning id`, [
    p.unionId,
    `矩阵协会${n}-${Math.random().toString(36).slice(2, 8)}`,
  ]);
  return row!.id;
}

/** A referral between two partners of the place's union. */
async function referralIn(p: Place, w: World): Promise<string> {
  const [from, to] = [await partnerIn(p, w), await partnerIn(p, w)];
  const [row] = await w.app.database.query<{ id: string }>(`insert into partner_referral (org_id, from_partner_id, to_partner_id, subject) values ($1, $2, $3, '矩阵转介') returning id`, [p.unionId, from, to]);
  return row!.id;
}

const onPartner = (body: unknown) => ({ foreign: async (p: Place, w: World) => ({ params: { id: await partnerIn(p, w) }, body }) });

/** Authorisation cases of 1+N 合作联盟 (test/security/authz-matrix.int.test.ts). */
export const partnerAuthz: AuthzCases = {
  'GET /api/v1/honours/partners': { lists: { query: { pageSize: 200 } } },
  // The owning union outside the caller's scope is refused on its field.
  'POST /api/v1/honours/partners': { foreign: async (p) => ({ body: { name: `矩阵伙伴${++seq}`, kind: 'bank', orgId: p.unionId } }), status: 400 },
  'GET /api/v1/honours/partners/expiring': { lists: true },
  // Another street's station: its partners are not listed (an empty list, not an error).
  'GET /api/v1/honours/partner-stations': { lists: { query: { positionId: '00000000-0000-4000-8000-000000000000' } } },
  'GET /api/v1/honours/partners/mine': { own: 'partners of the districts where the caller is a member, without contact persons or phones' },
  'GET /api/v1/honours/partners/{id}': { foreign: async (p, w) => ({ params: { id: await partnerIn(p, w) } }) },
  'PUT /api/v1/honours/partners/{id}': onPartner({ name: '矩阵改名伙伴', kind: 'bank', status: 'active', version: 1 }),
  'POST /api/v1/honours/partners/{id}/agreements': onPartner({ title: '矩阵协议', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2026-12-31' }),
  'POST /api/v1/honours/partners/{id}/activities': onPartner({ title: '矩阵活动', heldOn: '2024-05-01', participants: 10 }),
  'POST /api/v1/honours/partners/{id}/stations': { foreign: async (p, w) => ({ params: { id: await partnerIn(p, w) }, body: { positionId: (await p.position()).id, contributionFen: 100 } }) },
  'GET /api/v1/honours/partner-referrals': { lists: { query: { pageSize: 200 } } },
  // Partners outside the caller's scope are unknown on their field.
  'POST /api/v1/honours/partner-referrals': { foreign: async (p, w) => ({ body: { fromPartnerId: await partnerIn(p, w), toPartnerId: await partnerIn(p, w), subject: '矩阵转介' } }), status: 400 },
  'POST /api/v1/honours/partner-referrals/{id}/advance': { foreign: async (p, w) => ({ params: { id: await referralIn(p, w) }, body: { status: 'accepted', version: 1 } }) },
};
