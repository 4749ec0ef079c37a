import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
type Made = { campaignId: string; hospitalId: string; slotId: string; bookingId: string };

/**
 * A health campaign of the place's street union (written directly: cheap), with a hospital, a slot
 * that started an hour ago and one member's booking of it.
 */
async function healthIn(p: Place, w: World): Promise<Made> {
  const n = ++seq;
  const db = w.app.database;
  const [c] = await db.query<{ id: string }>(
    `insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, status)
     values ($1, 'health', $2, '2020-01-01', '2099-12-31', 100, '[]'::jsonb, '[]'::jsonb, '{}'::jsonb, 100, 'open') returning id`,
    [p.streetId, `矩阵送健康${n}`],
  );
  const [h] = await db.query<{ id: string }>(`insert into health_hospital (campaign_id, org_id, name, address) values ($1, $2, '矩阵医院', '矩阵地址') returning id`, [c!.id, p.streetId]);
  const [s] = await db.query<{ id: string }>(
    `insert into health_slot (hospital_id, campaign_id, org_id, starts_at, ends_at, capacity, booked) values ($1, $2, $3, now() - interval '1 hour', now() + interval '2 hours', 5, 1) returning id`,
    [h!.id, c!.id, p.streetId],
  );
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'female', '1980-01-01', 'standard') returning id`,
    [p.unionId, `矩阵体检${n}`, `authz-health-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  const [b] = await db.query<{ id: string }>(
    `insert into health_booking (slot_id, campaign_id, org_id, person_id, membership_id, person_name) values ($1, $2, $3, $4, $5, $6) returning id`,
    [s!.id, c!.id, p.unionId, person!.id, m!.id, `矩阵体检${n}`],
  );
  return { campaignId: c!.id, hospitalId: h!.id, slotId: s!.id, bookingId: b!.id };
}

const hospital = { name: '矩阵医院', address: '矩阵地址', location: { lng: 106.53, lat: 29.58 }, phone: '023-00000000' };
const slot = { startsAt: '2030-03-01T00:00:00Z', endsAt: '2030-03-01T03:00:00Z', capacity: 10 };

/** Authorisation cases of 送健康 (test/security/authz-matrix.int.test.ts). */
export const healthAuthz: AuthzCases = {
  'GET /api/v1/assistance/health/campaigns/{id}/hospitals': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).campaignId } }) },
  'POST /api/v1/assistance/health/campaigns/{id}/hospitals': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).campaignId }, body: hospital }) },
  'PUT /api/v1/assistance/health/hospitals/{id}': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).hospitalId }, body: { ...hospital, version: 1 } }) },
  'DELETE /api/v1/assistance/health/hospitals/{id}': {
    foreign: async (p, w) => {
      const made = await healthIn(p, w);
      const [h] = await w.app.database.query<{ id: string }>(`insert into health_hospital (campaign_id, org_id, name, address) values ($1, $2, '矩阵空医院', '矩阵地址') returning id`, [made.campaignId, p.streetId]);
      return { params: { id: h!.id } };
    },
  },
  'GET /api/v1/assistance/health/campaigns/{id}/slots': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).campaignId } }) },
  'POST /api/v1/assistance/health/hospitals/{id}/slots': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).hospitalId }, body: slot }) },
  'PUT /api/v1/assistance/health/slots/{id}': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).slotId }, body: { ...slot, version: 1 } }) },
  'DELETE /api/v1/assistance/health/slots/{id}': {
    foreign: async (p, w) => {
      const made = await healthIn(p, w);
      const [s] = await w.app.database.query<{ id: string }>(
        `insert into health_slot (hospital_id, campaign_id, org_id, starts_at, ends_at, capacity) values ($1, $2, $3, now() + interval '1 day', now() + interval '25 hours', 5) returning id`,
        [made.hospitalId, made.campaignId, p.streetId],
      );
      return { params: { id: s!.id } };
    },
  },
  'GET /api/v1/assistance/health/campaigns/{id}/bookings': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).campaignId } }) },
  'POST /api/v1/assistance/health/bookings/{id}/mark': { foreign: async (p, w) => ({ params: { id: (await healthIn(p, w)).bookingId }, body: { status: 'attended', version: 1 } }) },

  'GET /api/v1/assistance/health/open': { own: 'the open health campaigns above the caller’s own member union that their own member facts fit; hospitals and free places, no personal data but their own booking' },
  'POST /api/v1/assistance/health/slots/{id}/book': { own: 'the worker books as their own member identity, checked against the campaign’s rules' },
  'GET /api/v1/assistance/health/mine': { own: 'the caller’s own bookings (the persons of their account)' },
  'DELETE /api/v1/assistance/health/mine/{id}': { own: 'only the caller’s own booking', othersThing: async (w) => ({ params: { id: (await healthIn(w.street, w)).bookingId } }) },
};
