import type { AuthzCases, Place, World } from '../../test/security/authz';

const QUESTIONS = JSON.stringify([{ id: 'q1', kind: 'single', title: '矩阵题目', required: true, options: [{ id: 'a', label: '甲' }, { id: 'b', label: '乙' }] }]);

/** A survey of the place's street union, written directly. */
async function surveyIn(p: Place, w: World, status: 'draft' | 'published' = 'draft'): Promise<{ id: string; version: number }> {
  const [row] = await w.app.database.query<{ id: string; version: number }>(
    `insert into survey (org_id, title, status, questions, published_at) values ($1, '矩阵调研', $2, $3::jsonb, case when $2 = 'draft' then null else now() end) returning id, version`,
    [p.streetId, status, QUESTIONS],
  );
  return row!;
}

const onSurvey = (status: 'draft' | 'published', body?: (r: { id: string; version: number }) => unknown) => ({
  foreign: async (p: Place, w: World) => {
    const r = await surveyIn(p, w, status);
    return { params: { id: r.id }, ...(body ? { body: body(r) } : {}) };
  },
});

/** Authorisation cases of 需求调研 (test/security/authz-matrix.int.test.ts). */
export const surveyAuthz: AuthzCases = {
  'GET /api/v1/voice/surveys/mine': { own: 'the surveys asking the caller (by their own membership) and those they answered' },
  'GET /api/v1/voice/surveys/{id}/form': { own: 'a worker sees a survey only if it asks them (their union, employment form, or the QR token) or they answered it' },
  'POST /api/v1/voice/surveys/{id}/answers': { own: 'a worker answers only a survey asking them, once, as themselves' },
  'GET /api/v1/voice/surveys': { lists: { query: { pageSize: 200 } } },
  'POST /api/v1/voice/surveys': {
    foreign: (p) => ({ body: { orgId: p.streetId, title: '矩阵调研', questions: JSON.parse(QUESTIONS) } }),
    status: 400,
  },
  'GET /api/v1/voice/surveys/{id}': onSurvey('draft'),
  'PATCH /api/v1/voice/surveys/{id}': onSurvey('draft', (r) => ({ version: r.version, title: '矩阵调研改', questions: JSON.parse(QUESTIONS) })),
  'POST /api/v1/voice/surveys/{id}/publish': onSurvey('draft', (r) => ({ version: r.version })),
  'POST /api/v1/voice/surveys/{id}/close': onSurvey('published', (r) => ({ version: r.version })),
  'PUT /api/v1/voice/surveys/{id}/sharing': onSurvey('published', (r) => ({ version: r.version, publishedQuestionIds: ['q1'], followUps: [] })),
  'GET /api/v1/voice/surveys/{id}/results': onSurvey('published'),
  'GET /api/v1/voice/surveys/{id}/export': onSurvey('published'),
};
