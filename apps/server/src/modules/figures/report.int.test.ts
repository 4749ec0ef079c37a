import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogue } from '../../catalogue';
import { extractPdfText } from '../../platform/pdf/testing';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { seedFixture } from './fixture.test-support';
import { formatValue } from './format';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  await seedFixture(t.database);
});
afterAll(() => t.close());

it('writes the yearly work report of an org as a Chinese PDF whose figures are the catalogue’s', { timeout: 120_000 }, async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/figures/yearly-report.pdf?org=FX&year=2025', headers: { cookie: admin.cookie! } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('年度工作报告'));
  const text = (await extractPdfText(res.rawPayload)).join('\n').replace(/\n/g, '');
  expect(text).toContain('测试 FX2025年度工作报告');
  // A section per part of the work, in catalogue order.
  const sections = [...catalogue.modules].sort((a, b) => a.order - b.order).map((m) => m.section.zh);
  let at = 0;
  for (const s of sections) {
    const i = text.indexOf(s, at);
    expect(i, s).toBeGreaterThan(-1);
    at = i;
  }
  // Every indicator with its value and 同比 as the API answers them.
  const values = (await admin.get(`/api/v1/indicators/values?org=FX&period=year&date=2025-06-01&keys=${[...catalogue.indicators.keys()].join(',')}`)).body.items;
  for (const v of values) {
    const line = `${v.name}：${formatValue(v.unit, v.value, v.decimals)}`;
    expect(text, v.key).toContain(line);
    if (!v.isCurrentOnly) expect(text, v.key).toContain(`去年同期 ${formatValue(v.unit, v.lastYear.value, v.decimals)}`);
  }
  expect(text).toContain('会员人数：4 人，去年同期 2 人，同比增长 100.0%');
  expect(text).toContain('爱心基金筹集：¥5.00，去年同期 ¥1.00，同比增长 400.0%');
  // The table by child org adds up to the parent (本级 included when it has records).
  expect(text).toMatch(/测试 FX-S1.*4 人/);
  expect(text).toContain('合计');
});
