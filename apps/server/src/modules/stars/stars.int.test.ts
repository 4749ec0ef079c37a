import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { makeStation, PNG, SEVEN, today, uploadPhoto } from './testing';

let t: TestApp;
let jb: Client;
let gyq: Client;
let wld: Client;
let full: { id: string; code: string };
let lacking: { id: string; code: string };
const year = Number(today().slice(0, 4));
const fullMarks = { hours_kept: 10, cleanliness: 10, usage: 10 };

beforeAll(async () => {
  t = await createTestApp();
  [jb, gyq, wld] = await Promise.all([t.login('jb.admin'), t.login('gyq.admin'), t.login('wld.admin')]);
  full = await makeStation(t, gyq, { code: 'JB-T-STAR1', org: 'JB-GYQ' });
  lacking = await makeStation(t, gyq, {
    code: 'JB-T-STAR2',
    org: 'JB-GYQ',
    facilities: SEVEN.filter((f) => f !== 'microwave'),
  });
});
afterAll(() => t.close());

describe('star rubric', () => {
  it('starts from the default and refuses weights that do not add up, twice-used keys and street-level rubrics', async () => {
    const jbId = await t.orgId('JB');
    const initial = await jb.get(`/api/v1/stars/rubric?orgId=${jbId}`);
    expect(initial.status).toBe(200);
    expect(initial.body.isDefault).toBe(true);
    expect(initial.body.criteria.map((c: { key: string }) => c.key)).toEqual(['facilities', 'hours_kept', 'cleanliness', 'usage', 'worker_ratings']);
    const criteria = initial.body.criteria;

    const heavy = await jb.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, {
      criteria: criteria.map((c: { weight: number }, i: number) => (i === 0 ? { ...c, weight: c.weight + 5 } : c)),
    });
    expect(heavy.status).toBe(400);
    expect(heavy.body.errors).toHaveLength(1);
    expect(heavy.body.errors[0]).toMatchObject({
      path: 'criteria',
      message: '各项权重之和应为 100',
    });

    const twice = await jb.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, {
      criteria: [
        { ...criteria[0], weight: 50 },
        { ...criteria[0], weight: 50 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.map((e: { path: string }) => e.path)).toEqual(['criteria.1.key', 'criteria.1.source']);

    const badKey = await jb.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, { criteria: [{ ...criteria[0], key: 'Bad Key', weight: 100 }] });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors[0].path).toBe('criteria.0.key');

    const street = await gyq.request('PUT', `/api/v1/stars/rubric?orgId=${await t.orgId('JB-GYQ')}`, { criteria });
    expect(street.status).toBe(400);
    expect(street.body.errors[0].path).toBe('orgId');

    const worker = await t.loginWorker('13800000077');
    expect(
      (
        await worker.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, {
          criteria,
        })
      ).status,
    ).toBe(403);
  });

  it('stores a district rubric with a version and an audit entry; streets below read it', async () => {
    const jbId = await t.orgId('JB');
    const criteria = (await jb.get(`/api/v1/stars/rubric?orgId=${jbId}`)).body.criteria;
    const saved = await jb.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, {
      criteria: [...criteria.slice(0, 4).map((c: object) => c), { ...criteria[4], name: '职工满意度' }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ isDefault: false, version: 1 });
    const street = await gyq.get(`/api/v1/stars/rubric?orgId=${await t.orgId('JB-GYQ')}`);
    expect(street.body).toMatchObject({ isDefault: true });
    expect(street.body.criteria[4].name).toBe('职工满意度');
    const stale = await jb.request('PUT', `/api/v1/stars/rubric?orgId=${jbId}`, { criteria, version: 7 });
    expect(stale.status).toBe(409);
    const audit = await t.database.query<{ action: string }>("select action from audit_entry where entity_type = 'rating_rubric'");
    expect(audit.map((a) => a.action)).toEqual(['rubric.create']);
  });
});

describe('inspections and stars', () => {
  it('refuses a missing score, one above the maximum, an unknown criterion and a future date', async () => {
    const missing = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: { hours_kept: 10, usage: 10 },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({
      path: 'scores.cleanliness',
      message: '请为此项打分',
    });
    const high = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: { ...fullMarks, usage: 11 },
    });
    expect(high.body.errors[0]).toMatchObject({
      path: 'scores.usage',
      message: '分数应在 0 到 10 之间',
    });
    const unknown = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: { ...fullMarks, facilities: 7 },
    });
    expect(unknown.body.errors[0].path).toBe('scores.facilities');
    const future = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: `${year + 1}-01-01`,
      scores: fullMarks,
    });
    expect(future.body.errors[0]).toMatchObject({
      path: 'inspectedOn',
      message: '检查日期不能晚于今天',
    });
    const rows = await t.database.query('select id from position_inspection where position_id = $1', [full.id]);
    expect(rows).toHaveLength(0);
  });

  it('rates from inspections and worker ratings; a station lacking a facility is flagged and capped at 4 stars', async () => {
    const photo = await uploadPhoto(t, gyq, PNG);
    expect(photo.status).toBe(201);
    const inspected = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: fullMarks,
      notes: '干净整洁',
      photoIds: [photo.body.id],
    });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(201);
    expect(inspected.body).toMatchObject({
      year,
      inspectorName: '观音桥街道工会管理员',
      missingFacilities: [],
      photoIds: [photo.body.id],
    });
    const second = await gyq.post('/api/v1/stars/inspections', {
      positionId: lacking.id,
      inspectedOn: today(),
      scores: fullMarks,
    });
    expect(second.body.missingFacilities).toEqual(['microwave']);

    for (const phone of ['13800000071', '13800000072', '13800000073']) {
      const w = await t.loginWorker(phone);
      expect(
        (
          await w.post(`/api/v1/feedback/positions/${full.code}/ratings`, {
            stars: 5,
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await w.post(`/api/v1/feedback/positions/${lacking.code}/ratings`, {
            stars: 5,
          })
        ).status,
      ).toBe(200);
    }

    const list = await gyq.get(`/api/v1/stars?year=${year}&pageSize=200`);
    expect(list.status).toBe(200);
    const of = (id: string) => list.body.items.find((r: { position: { id: string } }) => r.position.id === id).result;
    expect(of(full.id)).toMatchObject({
      stars: 5,
      score: 100,
      warnings: [],
      ratingAverage: 5,
      ratingCount: 3,
      inspections: 1,
    });
    expect(of(lacking.id)).toMatchObject({
      stars: 4,
      missingFacilities: ['microwave'],
      warnings: ['FACILITIES_MISSING', 'CAPPED_FOR_FACILITIES'],
    });
    // Best first (the demo's inspected stations may tie at the top); the un-inspected follow unrated.
    expect(list.body.items[0].result.score).toBe(100);
    expect(list.body.items.at(-1).result.stars).toBeNull();

    const missingOnly = await gyq.get(`/api/v1/stars?year=${year}&missingOnly=true&pageSize=200`);
    expect(missingOnly.body.items.every((r: { result: { missingFacilities: string[] } }) => r.result.missingFacilities.length > 0)).toBe(true);

    const candidates = await gyq.get(`/api/v1/stars/candidates?year=${year}`);
    const ids = candidates.body.items.map((c: { position: { id: string } }) => c.position.id);
    expect(ids).toContain(full.id);
    expect(ids).not.toContain(lacking.id);
    const mine = candidates.body.items.find((c: { position: { id: string } }) => c.position.id === full.id);
    expect(mine.reason).toContain('七个一设施齐全');
    expect(mine.reason).toContain('职工评价 5 分（3 条）');

    const history = await gyq.get(`/api/v1/stars/positions/${lacking.id}`);
    expect(history.body.current).toMatchObject({ year, stars: 4 });
    const audit = await t.database.query<{ action: string }>('select action from audit_entry where entity_id = $1 order by at', [full.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inspection.create', 'rating.create']));
  });

  it('keeps other streets out: 404 for a position, nothing in their lists', async () => {
    expect((await wld.get(`/api/v1/stars/positions/${full.id}`)).status).toBe(404);
    expect(
      (
        await wld.post('/api/v1/stars/inspections', {
          positionId: full.id,
          inspectedOn: today(),
          scores: fullMarks,
        })
      ).status,
    ).toBe(404);
    const theirs = await wld.get(`/api/v1/stars?year=${year}&pageSize=200`);
    expect(theirs.body.items.some((r: { position: { id: string } }) => r.position.id === full.id)).toBe(false);
    expect((await wld.get(`/api/v1/stars/inspections?positionId=${full.id}`)).status).toBe(404);
  });
});

describe('photos', () => {
  it('refuses what is not a JPEG/PNG/WebP (by declared type and by content) and what is too large', async () => {
    const text = await uploadPhoto(t, gyq, Buffer.from('hello'), 'text/plain');
    expect(text.status).toBe(415);
    const disguised = await uploadPhoto(t, gyq, Buffer.from('GIF89a not really a png'), 'image/png');
    expect(disguised.status).toBe(415);
    expect(disguised.body.code).toBe('PHOTO_TYPE');
    const gif = await uploadPhoto(t, gyq, Buffer.from('GIF89a'), 'image/gif');
    expect(gif.status).toBe(415);
    const huge = await uploadPhoto(t, gyq, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(huge.status).toBe(413);
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/photos',
      headers: { 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(anon.statusCode).toBe(401);
    expect(await t.database.query('select id from care_photo where size > 1000')).toHaveLength(0);
  });

  it('attaches only one’s own photos and shows them to staff in scope', async () => {
    const theirs = await uploadPhoto(t, wld, PNG);
    const refused = await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: fullMarks,
      photoIds: [theirs.body.id],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].path).toBe('photoIds');
    const mine = await uploadPhoto(t, gyq, PNG);
    await gyq.post('/api/v1/stars/inspections', {
      positionId: full.id,
      inspectedOn: today(),
      scores: fullMarks,
      photoIds: [mine.body.id],
    });
    const seen = await jb.get(`/api/v1/photos/${mine.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect((await wld.get(`/api/v1/photos/${mine.body.id}`)).status).toBe(404);
  });
});
