import { idNumberCheckChar } from '@niangjia/contracts';
import { loadSecrets } from '../../platform/secrets';
import type { AuthzCases, Place, World } from '../../test/security/authz';
import { hashIdNumber } from '../members';

type Plan = { id: string; version: number };
let seq = 0;

const rules = { hospital: { dailyFen: 10_000, capFen: 300_000 }, serious_illness: { lumpSumFen: 1_000_000, capFen: 1_000_000 }, accident: { capFen: 500_000 } };
const planBody = (orgId: string) => ({ orgId, year: 2040 + ++seq, name: `矩阵互助计划${seq}`, premiumFen: 3000, benefits: rules, annualCapFen: 1_000_000, secondApprovalFen: 200_000, samplePercent: 0 });

/** A plan of the place's district (a different year each time), optionally opened. Only the district place has one of its own. */
async function planIn(p: Place, w: World, open = false): Promise<Plan> {
  const plan = await w.asAdmin<Plan>('POST', '/api/v1/assistance/mutualaid/plans', { body: planBody(p.districtId) });
  if (!open) return plan;
  return w.asAdmin<Plan>('POST', '/api/v1/assistance/mutualaid/plans/{id}/open', { params: { id: plan.id }, body: { version: plan.version } });
}

/**
 * A claim of a member of the place's grassroots union on an open plan of its district, written
 * directly (a worker's sign-in code is rate-limited, shared with every other module's cases).
 */
async function claimIn(p: Place, w: World, status: 'submitted' | 'awaiting_second' | 'approved' = 'submitted'): Promise<{ id: string; version: number }> {
  const plan = await planIn(p, w, true);
  const n = ++seq;
  const db = w.app.database;
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'male', '1990-01-01', 'standard') returning id`,
    [p.unionId, `矩阵互助${n}`, `authz-mutualaid-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  const [e] = await db.query<{ id: string }>(
    `insert into mutualaid_enrolment (plan_id, person_id, membership_id, org_id, premium_fen, cap_fen) values ($1, $2, $3, $4, 3000, 1000000) returning id`,
    [plan.id, person!.id, m!.id, p.unionId],
  );
  await db.query(`insert into mutualaid_usage (enrolment_id, benefit, cap_fen) values ($1, 'hospital', 300000), ($1, 'serious_illness', 1000000), ($1, 'accident', 500000)`, [e!.id]);
  const [c] = await db.query<{ id: string }>(
    `insert into mutualaid_claim (number, enrolment_id, plan_id, org_id, benefit, incident_date, hospital_days, status, rule_fen, payout_fen, reviewed_by)
     values ($1, $2, $3, $4, 'hospital', '2040-01-05', 3, $5, $6, $6, $7) returning id`,
    [`HZAUTHZ${n}${Math.random().toString(36).slice(2, 8)}`, e!.id, plan.id, p.unionId, status, status === 'submitted' ? null : 30_000, null],
  );
  return { id: c!.id, version: 1 };
}

/** An active member of the place's grassroots union with an ID number the app hashes as its own (written directly, as claimIn). */
async function memberIdNumberIn(p: Place, w: World): Promise<string> {
  const n = ++seq;
  const first17 = `11010119700101${String(500 + (n % 400)).padStart(3, '0')}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const secrets = loadSecrets({ secret: w.app.config.secret, dataDir: w.app.config.dataDir, allowGenerate: false });
  const [person] = await w.app.database.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '110101********0000', 'male', '1970-01-01', 'standard') returning id`,
    [p.unionId, `矩阵参保${n}`, hashIdNumber(secrets, idNumber)],
  );
  await w.app.database.query(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now())`, [person!.id, p.unionId]);
  return idNumber;
}

const districtOnly =
  <T>(make: (p: Place, w: World) => Promise<T>) =>
  async (p: Place, w: World) =>
    p.name === 'district' ? make(p, w) : null;

/** Authorisation cases of the mutual-aid plan (test/security/authz-matrix.int.test.ts). */
export const mutualaidAuthz: AuthzCases = {
  'GET /api/v1/assistance/mutualaid/plans': { lists: true },
  // The street place shares its district's plan with 观音桥 (read, never written by them): only the district place has its own.
  'POST /api/v1/assistance/mutualaid/plans': { foreign: (p) => (p.name === 'district' ? { body: planBody(p.districtId) } : null), status: 400 },
  'GET /api/v1/assistance/mutualaid/plans/{id}': { foreign: districtOnly(async (p, w) => ({ params: { id: (await planIn(p, w)).id } })) },
  'PUT /api/v1/assistance/mutualaid/plans/{id}': {
    foreign: districtOnly(async (p, w) => {
      const plan = await planIn(p, w);
      const { orgId: _o, year: _y, ...rest } = planBody(p.districtId);
      return { params: { id: plan.id }, body: { ...rest, version: plan.version } };
    }),
  },
  'POST /api/v1/assistance/mutualaid/plans/{id}/open': {
    foreign: districtOnly(async (p, w) => {
      const plan = await planIn(p, w);
      return { params: { id: plan.id }, body: { version: plan.version } };
    }),
  },
  'POST /api/v1/assistance/mutualaid/plans/{id}/close': {
    foreign: districtOnly(async (p, w) => {
      const plan = await planIn(p, w, true);
      return { params: { id: plan.id }, body: { version: plan.version } };
    }),
  },
  'GET /api/v1/assistance/mutualaid/plans/{id}/enrolments': { foreign: districtOnly(async (p, w) => ({ params: { id: (await planIn(p, w, true)).id } })) },
  'POST /api/v1/assistance/mutualaid/plans/{id}/enrolments': { foreign: districtOnly(async (p, w) => ({ params: { id: (await planIn(p, w, true)).id }, body: { idNumber: await memberIdNumberIn(p, w) } })) },
  'GET /api/v1/assistance/mutualaid/plans/{id}/template': { foreign: districtOnly(async (p, w) => ({ params: { id: (await planIn(p, w, true)).id } })) },
  'POST /api/v1/assistance/mutualaid/plans/{id}/imports': {
    foreign: districtOnly(async (p, w) => ({
      params: { id: (await planIn(p, w, true)).id },
      query: { orgId: p.unionId },
      raw: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: w.files.memberTemplate },
    })),
  },
  'GET /api/v1/assistance/mutualaid/claims': { lists: { query: { pageSize: 100 } }, foreign: (p) => ({ query: { orgId: p.streetId } }), status: 'hidden' },
  'GET /api/v1/assistance/mutualaid/claims/{id}': { foreign: async (p, w) => ({ params: { id: (await claimIn(p, w)).id } }) },
  'POST /api/v1/assistance/mutualaid/claims/{id}/review': { foreign: async (p, w) => ({ params: { id: (await claimIn(p, w)).id }, body: { decision: 'approve', version: 1 } }) },
  'POST /api/v1/assistance/mutualaid/claims/{id}/second': { foreign: async (p, w) => ({ params: { id: (await claimIn(p, w, 'awaiting_second')).id }, body: { decision: 'approve', version: 1 } }) },
  'POST /api/v1/assistance/mutualaid/claims/{id}/pay': { foreign: async (p, w) => ({ params: { id: (await claimIn(p, w, 'approved')).id }, body: { method: 'transfer', reference: '矩阵转账', version: 1 } }) },
  'GET /api/v1/assistance/mutualaid/mine': { own: 'the caller’s own enrolments and claims (through the members their account stands for)' },
  'POST /api/v1/assistance/mutualaid/mine/claims': { own: 'a claim on the caller’s own enrolment (another’s answers as not enrolled)' },
  'GET /api/v1/assistance/mutualaid/mine/claims/{id}': { own: 'one of the caller’s own claims', othersThing: async (w) => ({ params: { id: (await claimIn(w.street, w)).id } }) },
};
