import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { MARKET_FILE_BYTES_PER_DAY, MARKET_FILES_PER_HOUR } from './files.service';
import { PNG, uploadRaw } from './market.test-support';

// Any signed-in account may upload to the marketplace and files live in the database: one account
// must not be able to fill it (the same rule as inspection photos, platform/uploads.ts).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('marketplace uploads', () => {
  it(`are limited to ${MARKET_FILES_PER_HOUR} an hour per user (counted in the database, so across instances)`, async () => {
    const worker = await t.loginWorker('13912349001');
    const statuses: number[] = [];
    for (let i = 0; i < MARKET_FILES_PER_HOUR; i++) statuses.push((await uploadRaw(t, worker, PNG, 'image/png')).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MARKET_FILES_PER_HOUR);
    const refused = await uploadRaw(t, worker, PNG, 'image/png');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    // Someone else is not affected.
    expect((await uploadRaw(t, await t.loginWorker('13912349002'), PNG, 'image/png')).status).toBe(201);
  });

  it('stop at a daily volume per user with a clear answer in both languages, and nothing is stored', async () => {
    const worker = await t.loginWorker('13912349003');
    const [u] = await t.database.query<{ id: string }>(`select id from app_user where phone = '13912349003'`);
    await t.database.query(`insert into market_file (uploaded_by, content_type, size, sha256, data) select $1, 'application/pdf', $2, 'x', '\\x00'::bytea from generate_series(1, 10)`, [
      u!.id,
      Math.floor((MARKET_FILE_BYTES_PER_DAY - 10) / 10),
    ]);
    const refused = await uploadRaw(t, worker, PNG, 'image/png');
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('MARKET_FILE_QUOTA_EXCEEDED');
    expect(refused.body.detail).toContain('100 MB');
    const [{ n } = { n: 0 }] = await t.database.query<{ n: number }>(`select count(*)::int as n from market_file where uploaded_by = $1`, [u!.id]);
    expect(n).toBe(10);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market/files',
      headers: { cookie: worker.cookie ?? '', 'x-csrf-token': worker.csrf ?? '', 'content-type': 'image/png', 'accept-language': 'en' },
      payload: PNG,
    });
    expect(JSON.parse(en.body).detail).toContain('100 MB of files in 24 hours');
    // Yesterday's uploads do not count.
    await t.database.query(`update market_file set created_at = now() - interval '25 hours' where uploaded_by = $1`, [u!.id]);
    expect((await uploadRaw(t, worker, PNG, 'image/png')).status).toBe(201);
  });
});
