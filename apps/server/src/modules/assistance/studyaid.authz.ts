import { idNumberCheckChar } from '@niangjia/contracts';
import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;
type Made = { campaignId: string; membershipId: string; studentId: string };

/**
 * An open autumn campaign of the place's street union with its amounts and its share (written
 * directly: cheap), a member of the place's union, and one approved application of theirs.
 */
async function studyaidIn(p: Place, w: World): Promise<Made> {
  const n = ++seq;
  const db = w.app.database;
  const [c] = await db.query<{ id: string }>(
    `insert into campaign (org_id, kind, name, starts_on, ends_on, budget_fen, funding_sources, benefits, eligibility, second_approval_fen, status)
     values ($1, 'autumn', $2, '2020-01-01', '2099-12-31', 100000000, '[]'::jsonb, '[{"key":"study","kind":"cash","name":"助学金","amountFen":100}]'::jsonb, '{}'::jsonb, 100000000, 'open') returning id`,
    [p.streetId, `矩阵秋送助学${n}`],
  );
  const [a] = await db.query<{ id: string }>(`insert into campaign_allocation (campaign_id, org_id, amount_fen) values ($1, $2, 100000000) returning id`, [c!.id, p.streetId]);
  await db.query(`insert into studyaid_setting (campaign_id, org_id, benefit_key, undergraduate_fen, junior_college_fen, high_school_fen) values ($1, $2, 'study', 500000, 300000, 200000)`, [c!.id, p.streetId]);
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, $2, 'authz-matrix', $3, '500105********0000', 'female', '1980-01-01', 'standard') returning id`,
    [p.unionId, `矩阵助学${n}`, `authz-studyaid-${n}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  const [nom] = await db.query<{ id: string }>(
    `insert into campaign_nomination (campaign_id, allocation_id, org_id, person_id, membership_id, person_name, benefit_key, benefit_kind, value_fen, year, steps, current_step, status)
     values ($1, $2, $3, $4, $5, $6, 'study', 'cash', 500000, 2026, array[$3]::uuid[], 1, 'approved') returning id`,
    [c!.id, a!.id, p.streetId, person!.id, m!.id, `矩阵助学${n}`],
  );
  const [s] = await db.query<{ id: string }>(
    `insert into studyaid_student (nomination_id, campaign_id, org_id, parent_person_id, child_name, child_id_enc, child_id_hash, child_id_masked, relation, school, level, admission_year, year, amount_fen)
     values ($1, $2, $3, $4, '矩阵学生', 'authz-matrix', $5, '500105********0000', 'son', '矩阵大学', 'undergraduate', 2026, 2026, 500000) returning id`,
    [nom!.id, c!.id, p.streetId, person!.id, `authz-child-${n}-${Math.random().toString(36).slice(2)}`],
  );
  return { campaignId: c!.id, membershipId: m!.id, studentId: s!.id };
}

/** An application made through the API by the platform admin, so the child's ID number is really encrypted (the reveal decrypts it). */
async function appliedIn(p: Place, w: World): Promise<string> {
  const made = await studyaidIn(p, w);
  const db = w.app.database;
  const [person] = await db.query<{ id: string }>(
    `insert into person (org_id, real_name, id_number_enc, id_number_hash, id_number_masked, sex, birth_date, employment_form)
     values ($1, '矩阵家长', 'authz-matrix', $2, '500105********0000', 'male', '1979-01-01', 'standard') returning id`,
    [p.unionId, `authz-studyaid-parent-${++seq}-${Math.random().toString(36).slice(2)}`],
  );
  const [m] = await db.query<{ id: string }>(`insert into membership (person_id, org_id, status, joined_at) values ($1, $2, 'active', now()) returning id`, [person!.id, p.unionId]);
  const body = { membershipId: m!.id, childName: '矩阵学生', childIdNumber: childId(), relation: 'son', school: '矩阵大学', level: 'undergraduate', admissionYear: 2026, letterPhotoId: await w.admin.uploadPhoto() };
  const a = await w.asAdmin<{ id: string }>('POST', `/api/v1/assistance/studyaid/campaigns/${made.campaignId}/applications`, { body });
  return a.id;
}

function childId(): string {
  const first17 = `500105200803${String(10 + (++seq % 18)).padStart(2, '0')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const amounts = { amounts: { undergraduate: 500_000, junior_college: 300_000, high_school: 200_000 } };
const placement = { place: '矩阵岗位', org: '矩阵单位', startsOn: '2030-07-01', endsOn: '2030-07-31', hours: 40, version: 1 };

/** Authorisation cases of 秋送助学 (test/security/authz-matrix.int.test.ts). */
export const studyaidAuthz: AuthzCases = {
  'GET /api/v1/assistance/studyaid/campaigns/{id}/settings': { foreign: async (p, w) => ({ params: { id: (await studyaidIn(p, w)).campaignId } }) },
  'PUT /api/v1/assistance/studyaid/campaigns/{id}/settings': { foreign: async (p, w) => ({ params: { id: (await studyaidIn(p, w)).campaignId }, body: { ...amounts, version: 1 } }) },
  'GET /api/v1/assistance/studyaid/campaigns/{id}/applications': { foreign: async (p, w) => ({ params: { id: (await studyaidIn(p, w)).campaignId } }) },
  'POST /api/v1/assistance/studyaid/campaigns/{id}/applications': {
    foreign: async (p, w) => {
      const made = await studyaidIn(p, w);
      return {
        params: { id: made.campaignId },
        body: { membershipId: made.membershipId, childName: '矩阵学生', childIdNumber: childId(), relation: 'son', school: '矩阵大学', level: 'undergraduate', admissionYear: 2026, letterPhotoId: await w.admin.uploadPhoto() },
      };
    },
  },
  'GET /api/v1/assistance/studyaid/applications/{id}': { foreign: async (p, w) => ({ params: { id: (await studyaidIn(p, w)).studentId } }) },
  'POST /api/v1/assistance/studyaid/applications/{id}/reveal': { foreign: async (p, w) => ({ params: { id: await appliedIn(p, w) } }) },
  'PUT /api/v1/assistance/studyaid/applications/{id}/placement': { foreign: async (p, w) => ({ params: { id: (await studyaidIn(p, w)).studentId }, body: placement }) },

  'GET /api/v1/assistance/studyaid/open': { own: 'the open autumn campaigns above the caller’s own member union, with their amounts, and the caller’s own applications (the persons of their account)' },
  'POST /api/v1/assistance/studyaid/campaigns/{id}/apply': { own: 'the worker applies as their own member identity (never one from the request), checked against the campaign’s rules, with a letter they uploaded' },
};
