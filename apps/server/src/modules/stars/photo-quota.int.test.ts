import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { PHOTO_BYTES_PER_DAY, PHOTOS_PER_HOUR } from './photos';
import { PNG, uploadPhoto } from './testing';

// Issue 9.6: photo uploads had no per-user quota or rate, so one account could fill the database.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('photo uploads', () => {
  it(`are limited to ${PHOTOS_PER_HOUR} an hour per user`, async () => {
    const worker = await t.loginWorker('13700000501');
    const statuses: number[] = [];
    for (let i = 0; i <= PHOTOS_PER_HOUR; i++) statuses.push((await uploadPhoto(t, worker, PNG)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(PHOTOS_PER_HOUR);
    const refused = await uploadPhoto(t, worker, PNG);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    // Someone else is not affected.
    expect((await uploadPhoto(t, await t.loginWorker('13700000502'), PNG)).status).toBe(201);
  });

  it('stop at a daily volume per user, with a clear answer', async () => {
    const worker = await t.loginWorker('13700000503');
    const [u] = await t.database.query<{ id: string }>(`select id from app_user where phone = '13700000503'`);
    // Earlier today: just under the day's volume (sizes as recorded; the bytes themselves do not matter here).
    await t.database.query(
      `insert into care_photo (uploaded_by, content_type, size, sha256, data) select $1, 'image/png', $2, 'x', '\\x00'::bytea from generate_series(1, 10)`,
      [u!.id, Math.floor((PHOTO_BYTES_PER_DAY - 10) / 10)],
    );
    const refused = await uploadPhoto(t, worker, PNG);
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('PHOTO_QUOTA_EXCEEDED');
    expect(refused.body.detail).toContain('50 MB');
    // Yesterday's uploads do not count.
    await t.database.query(`update care_photo set created_at = now() - interval '25 hours' where uploaded_by = $1`, [u!.id]);
    expect((await uploadPhoto(t, worker, PNG)).status).toBe(201);
  });
});
