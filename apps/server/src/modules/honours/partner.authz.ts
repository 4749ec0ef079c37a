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

/** An agreement (in force) and a joint activity of a partner of the place's union. */
async function agreementIn(p: Place, w: World): Promise<string> {
  const [row] = await w.app.database.query<{ id: string }>(
    `insert into partner_agreement (partner_id, org_id, title, signed_on, starts_on, ends_on) values ($1, $2, '矩阵协议', '2024-01-01', '2024-01-01', '2030-12-31') returning id`,
    [await partnerIn(p, w), p.unionId],
  );
  return row!.id;
}
async function activityIn(p: Place, w: World): Promise<string> {
  const [row] = await w.app.database.query<{ id: string }>(`insert into partner_activity (partner_id, org_id, title, held_on, held_at) values ($1, $2, '矩阵活动', '2024-05-01', '2024-05-01T04:00:00Z') returning id`, [
    await partnerIn(p, w),
    p.unionId,
  ]);
  return row!.id;
}
/** A partner of the place's union linked to the place's station. */
async function stationLinkIn(p: Place, w: World): Promise<{ id: string; positionId: string }> {
  const id = await partnerIn(p, w);
  const positionId = (await p.position()).id;
  await w.app.database.query(`insert into partner_station (partner_id, position_id, org_id, contribution_fen) values ($1, $2, $3, 100)`, [id, positionId, p.unionId]);
  return { id, positionId };
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
  'POST /api/v1/honours/partners/{id}/reveal-phone': { foreign: async (p, w) => ({ params: { id: await partnerIn(p, w) } }) },
  'PUT /api/v1/honours/partner-agreements/{id}': { foreign: async (p, w) => ({ params: { id: await agreementIn(p, w) }, body: { title: '矩阵改协议', signedOn: '2024-01-01', startsOn: '2024-01-01', endsOn: '2030-12-31' } }) },
  'POST /api/v1/honours/partner-agreements/{id}/terminate': { foreign: async (p, w) => ({ params: { id: await agreementIn(p, w) }, body: { reason: '矩阵终止' } }) },
  'PUT /api/v1/honours/partner-activities/{id}': { foreign: async (p, w) => ({ params: { id: await activityIn(p, w) }, body: { title: '矩阵改活动', heldOn: '2024-05-02', participants: 5 } }) },
  'DELETE /api/v1/honours/partner-activities/{id}': { foreign: async (p, w) => ({ params: { id: await activityIn(p, w) } }) },
  'PUT /api/v1/honours/partners/{id}/stations/{positionId}': { foreign: async (p, w) => ({ params: await stationLinkIn(p, w), body: { contributionFen: 200, goods: '矩阵物资' } }) },
  'DELETE /api/v1/honours/partners/{id}/stations/{positionId}': { foreign: async (p, w) => ({ params: await stationLinkIn(p, w) }) },
  'GET /api/v1/honours/partner-referrals': { lists: { query: { pageSize: 200 } } },
  // Partners outside the caller's scope are unknown on their field.
  'POST /api/v1/honours/partner-referrals': { foreign: async (p, w) => ({ body: { fromPartnerId: await partnerIn(p, w), toPartnerId: await partnerIn(p, w), subject: '矩阵转介' } }), status: 400 },
  'POST /api/v1/honours/partner-referrals/{id}/advance': { foreign: async (p, w) => ({ params: { id: await referralIn(p, w) }, body: { status: 'accepted', version: 1 } }) },
};
