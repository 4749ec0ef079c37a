import type { AuthzCases, Place, World } from '../../test/security/authz';

let seq = 0;

/** A suggestion from the place's member to the place's union, written directly (a worker's sign-in code is rate-limited across the matrix). */
async function suggestionIn(p: Place, w: World, status = 'submitted'): Promise<{ id: string; version: number }> {
  const m = await p.memberWithPhoto();
  const [row] = await w.app.database.query<{ id: string; version: number }>(
    `insert into suggestion (org_id, person_id, title, category, body, status, adopted_at)
     select m.org_id, m.person_id, $2, 'process', '矩阵建议内容', $3, case when $3 = 'adopted' then now() end from membership m where m.id = $1 returning id, version`,
    [m.id, `矩阵建议${++seq}`, status],
  );
  return row!;
}

const onSuggestion = (status: string, body: (r: { id: string; version: number }) => unknown) => ({
  foreign: async (p: Place, w: World) => {
    const r = await suggestionIn(p, w, status);
    return { params: { id: r.id }, body: body(r) };
  },
});

/** Authorisation cases of 合理化建议 (test/security/authz-matrix.int.test.ts). */
export const suggestionAuthz: AuthzCases = {
  'POST /api/v1/voice/suggestions': { own: 'a member suggests to the union of their own membership (a non-member gets 403)' },
  'GET /api/v1/voice/suggestions/mine': { own: 'the suggestions the caller made, as this member' },
  'GET /api/v1/voice/suggestions': { lists: { query: { pageSize: 200 } } },
  'GET /api/v1/voice/suggestions/figures': { lists: true },
  'GET /api/v1/voice/suggestions/{id}': { foreign: async (p, w) => ({ params: { id: (await suggestionIn(p, w)).id } }) },
  'POST /api/v1/voice/suggestions/{id}/review': onSuggestion('submitted', (r) => ({ version: r.version })),
  'POST /api/v1/voice/suggestions/{id}/forward': onSuggestion('submitted', (r) => ({ version: r.version, forwardedTo: '矩阵企业' })),
  'POST /api/v1/voice/suggestions/{id}/adopt': onSuggestion('reviewing', (r) => ({ version: r.version, benefitFen: 100 })),
  'POST /api/v1/voice/suggestions/{id}/decline': onSuggestion('reviewing', (r) => ({ version: r.version, note: '矩阵不采纳' })),
  'POST /api/v1/voice/suggestions/{id}/benefit': onSuggestion('adopted', (r) => ({ version: r.version, rewardFen: 100 })),
};
