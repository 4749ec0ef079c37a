import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
type Made = { positionId: string; canteenId: string; tierId: string; certificationId: string; terminalId: string; memberNumber: string };

/**
 * A canteen position of the place's street union with its settings (written directly: cheap), a
 * tier, a member of the place with a pending certification, and a terminal.
 */
async function canteenIn(p: Place, w: World): Promise<Made> {
  const n = ++seq;
  const tag = `${n}${Math.random().toString(36).slice(2, 8)}`;
  const db = w.app.database;
  // A real position of the place (a valid schedule and all: the positions' own lists read it), made a canteen.
  const made = await p.position();
  const [pos] = await db.query<{ id: string }>(`update position set type = 'canteen' where id = $1 returning id`, [made.id]);
  const [c] = await db.query<{ id: string }>(`insert into canteen (position_id, org_id, normal_price_fen) values ($1, $2, 2000) returning id`, [pos!.id, p.streetId]);
  const [t] = await db.query<{ id: string }>(
    `insert into canteen_tier (canteen_id, org_id, name, price_fen, grounds, needs_certification) values ($1, $2, '矩阵档', 1000, array['low_income']::text[], true) returning id`,
    [c!.id, p.streetId],
  );
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'female', '1980-01-01', 'standard') returning id`,
    [p.unionId, `矩阵就餐${n}`, `authz-canteen-${tag}`],
  );
  const memberNumber = `AZC${tag}`;
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at, member_number) values ($1, $2, 'active', now(), $3) returning id`, [person!.id, p.unionId, memberNumber]);
  const [r] = await db.query<{ id: string }>(
    `insert into canteen_certification (canteen_id, tier_id, org_id, person_id, membership_id, person_name, ground) values ($1, $2, $3, $4, $5, $6, 'low_income') returning id`,
    [c!.id, t!.id, p.streetId, person!.id, m!.id, `矩阵就餐${n}`],
  );
  const [term] = await db.query<{ id: string }>(`insert into canteen_terminal (canteen_id, org_id, name, key_id, secret_enc) values ($1, $2, '矩阵终端', $3, 'x') returning id`, [c!.id, p.streetId, `ck_authz_${tag}`]);
  return { positionId: pos!.id, canteenId: c!.id, tierId: t!.id, certificationId: r!.id, terminalId: term!.id, memberNumber };
}

const settings = { normalPriceFen: 2000, maxReducedPerDay: 2, tiers: [{ name: '矩阵档', priceFen: 1500, grounds: ['over_60'], needsCertification: false }] };
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

/** Authorisation cases of 共享食堂 (test/security/authz-matrix.int.test.ts). */
export const canteenAuthz: AuthzCases = {
  'GET /api/v1/assistance/canteens': { lists: true },
  'PUT /api/v1/assistance/canteens/{id}': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).positionId }, body: settings }) },
  'GET /api/v1/assistance/canteen-certifications': { lists: true },
  'POST /api/v1/assistance/canteen-certifications': {
    // The tier of a canteen outside the scope is answered on its field, as a tier that exists nowhere.
    status: 400,
    foreign: async (p, w) => {
      const made = await canteenIn(p, w);
      return { body: { tierId: made.tierId, ground: 'low_income', memberNumber: made.memberNumber } };
    },
  },
  'POST /api/v1/assistance/canteen-certifications/{id}/approve': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).certificationId }, body: { expiresOn: tomorrow(), version: 1 } }) },
  'POST /api/v1/assistance/canteen-certifications/{id}/refuse': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).certificationId }, body: { reason: '矩阵驳回', version: 1 } }) },
  'GET /api/v1/assistance/canteens/{id}/terminals': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).positionId } }) },
  'POST /api/v1/assistance/canteens/{id}/terminals': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).positionId }, body: { name: '矩阵终端' } }) },
  'POST /api/v1/assistance/canteen-terminals/{id}/revoke': { foreign: async (p, w) => ({ params: { id: (await canteenIn(p, w)).terminalId } }) },
  'GET /api/v1/assistance/canteen-meals': { lists: true },
  'GET /api/v1/assistance/canteen-figures': { lists: true },

  'GET /api/v1/assistance/canteen/mine': { own: 'the canteens’ public prices and the caller’s own certifications (the persons of their account)' },
  'POST /api/v1/assistance/canteen/mine': { own: 'the worker applies as their own member identity, with photos they uploaded themselves' },
  'POST /api/v1/canteen-terminal/meals': { open: 'signed by the canteen terminal’s key, not a session (canteen.int.test.ts)' },
};
