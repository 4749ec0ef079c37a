import { idNumberCheckChar } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';

// Issue 9.3: the mask kept the first 6 and last 4 digits while `birthDate` was returned beside it,
// so every holder of member.read (and every export) had the whole number. This test plays the
// attacker: it collects everything a caller without member.reveal gets about one person and tries
// to rebuild the ID number from it.

let t: TestApp;
let staff: Client;
let district: Client;
const FIRST17 = '50010519880612004';
const FULL_ID = FIRST17 + idNumberCheckChar(FIRST17);
const NAME = '孙掩码';
let memberId: string;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  // jb.staff holds member.read and no member.reveal.
  staff = await t.login('jb.staff');
  const worker = await t.loginWorker('13700000301');
  const applied = await worker.post('/api/v1/members/applications', { realName: NAME, idNumber: FULL_ID, employmentForm: 'courier', orgId: await t.orgId('JB-GYQ-LH') });
  expect(applied.status).toBe(201);
  memberId = applied.body.membership.id;
  expect((await district.post(`/api/v1/members/${memberId}/approve`, { version: applied.body.membership.version })).status).toBe(200);
});
afterAll(() => t.close());

/** Every cell of every sheet as text (dates as YYYY-MM-DD, as a spreadsheet user would read them). */
async function xlsxText(body: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : String(cell.text)))));
  return cells.join('\n');
}

async function download(client: Client, url: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } });
  expect(res.statusCode, url).toBe(200);
  return xlsxText(res.rawPayload);
}

/**
 * The attack: every masked number (first 6, last 4) combined with every date anywhere in the
 * responses, kept when the GB 11643 check character agrees.
 */
function rebuildIds(texts: string[]): Set<string> {
  const all = texts.join('\n');
  const masks = [...all.matchAll(/(\d{6})\*{8}(\d{3}[\dX])/g)].map((m) => [m[1]!, m[2]!] as const);
  const dates = new Set<string>();
  for (const m of all.matchAll(/(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})/g)) dates.add(`${m[1]}${m[2]}${m[3]}`);
  for (const m of all.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)) dates.add(`${m[1]}${m[2]!.padStart(2, '0')}${m[3]!.padStart(2, '0')}`);
  const found = new Set<string>();
  for (const [head, tail] of masks) {
    for (const date of dates) {
      const id = head + date + tail;
      if (idNumberCheckChar(id.slice(0, 17)) === id[17]) found.add(id);
    }
  }
  return found;
}

describe('masked ID numbers cannot be rebuilt without member.reveal', () => {
  it('from every list, detail, export and audit answer about the person', async () => {
    const texts: string[] = [];
    const json = async (client: Client, url: string) => {
      const res = await client.get(url);
      expect(res.status, url).toBe(200);
      texts.push(JSON.stringify(res.body));
      return res.body;
    };
    const list = await json(staff, `/api/v1/members?q=${encodeURIComponent(NAME)}`);
    expect(list.items[0].person.idNumberMasked).toBe(`${FULL_ID.slice(0, 6)}********${FULL_ID.slice(-4)}`);
    await json(staff, '/api/v1/members?pageSize=200');
    await json(staff, `/api/v1/members/${memberId}`);
    await json(district, `/api/v1/members/${memberId}`);
    await json(district, `/api/v1/audit-entries?entityId=${memberId}`);
    texts.push(await download(staff, `/api/v1/members/export?q=${encodeURIComponent(NAME)}`));
    texts.push(await download(district, `/api/v1/members/export?orgId=${await t.orgId('JB-GYQ-LH')}`));

    // The birth date shows in no form, and nothing combines into the number.
    const all = texts.join('\n');
    for (const form of ['1988-06-12', '19880612', '1988/06/12', '1988年6月12日', '1988年06月12日']) expect(all).not.toContain(form);
    expect(all).not.toContain(FULL_ID);
    expect(rebuildIds(texts)).not.toContain(FULL_ID);
  });

  it('the attack itself works on what the old answers carried (the test can fail)', () => {
    expect(rebuildIds([JSON.stringify({ idNumberMasked: `${FULL_ID.slice(0, 6)}********${FULL_ID.slice(-4)}`, birthDate: '1988-06-12' })])).toContain(FULL_ID);
  });

  it('a reveal export still has the whole number and birth date, audited as such', async () => {
    const text = await download(district, `/api/v1/members/export?q=${encodeURIComponent(NAME)}&reveal=true`);
    expect(text).toContain(FULL_ID);
    expect(text).toContain('1988-06-12');
  });

  it('exact searches by ID number or phone (an oracle for the hidden digits) are limited per user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const guess = FIRST17.slice(0, 6) + `1988${String(1 + (i % 12)).padStart(2, '0')}12004`;
      statuses.push((await staff.get(`/api/v1/members?q=${guess}${idNumberCheckChar(guess)}`)).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    // A name search is not counted.
    expect((await staff.get(`/api/v1/members?q=${encodeURIComponent(NAME)}`)).status).toBe(200);
  });
});

describe('probing whether an ID number is registered', () => {
  it('a worker account gets ten real-name submissions a day, whatever they answer', async () => {
    const prober = await t.loginWorker('13700000302');
    const orgId = await t.orgId('JB-GYQ-LH');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      // Candidates around the person above: one of them is theirs (409), the rest update the prober's own record.
      const guess = `50010519880612${String(i).padStart(3, '0')}`;
      const res = await prober.post('/api/v1/members/me/person', { realName: NAME, idNumber: guess + idNumberCheckChar(guess), employmentForm: 'courier', orgId });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(statuses[10]).toBe(429);
  });
});
