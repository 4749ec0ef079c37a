import type { Page } from 'playwright-core';
import type { RunningServer } from './server';
import { signInStaffApi, signInWorkerApi, type StaffApi } from './api';
import { makeCreditCode } from './uscc';

/** A phone number nobody in the demo has (139 + 8 random digits). */
export const freshPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A 1×1 PNG, for photo uploads. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000200015e0d0a2d0000000049454e44ae426082', 'hex');

/** The phone pages' two-step sign-in, from wherever a page sent us to /m/login. */
export async function signInOnPhone(page: Page, server: RunningServer, phone: string): Promise<void> {
  await page.waitForURL(/\/m\/login/);
  await page.getByRole('textbox', { name: '手机号' }).fill(phone);
  // The privacy policy is accepted before the first code is sent (issue 10).
  await page.getByTestId('privacy-consent').check();
  const since = server.output().length;
  await page.getByRole('button', { name: '获取验证码' }).click();
  const code = await server.waitForSmsCode({ since });
  await page.getByRole('textbox', { name: '短信验证码' }).fill(code);
  await page.waitForURL((url) => !url.pathname.startsWith('/m/login'));
}

/** A provider account registered over the API and approved by the district admin, with one approved project. */
export async function approvedProviderWithProject(server: RunningServer, admin: StaffApi, name: string, title: string): Promise<{ api: StaffApi; providerId: string; projectId: string }> {
  const phone = freshPhone();
  const api = await signInWorkerApi(server, phone);
  const districts = await api.get<{ items: { id: string; code: string }[] }>('/market/districts');
  const jb = districts.items.find((d) => d.code === 'JB')!;
  const p = await api.send<{ id: string; version: number }>('POST', '/market/providers/register', { orgId: jb.id, name, creditCode: makeCreditCode(), type: 'social_org', contactName: '联系人', contactPhone: phone });
  await admin.send('POST', `/market/providers/${p.id}/review`, { version: p.version, decision: 'approve' });
  const project = await api.send<{ id: string; version: number }>('POST', '/market/my-projects', {
    title,
    category: 'culture',
    description: `${title}：由专业老师带领，适合基层工会组织职工参加。`,
    formats: ['on_site', 'station'],
    priceFen: 100_000,
    priceUnit: 'session',
    capacity: 40,
    durationMinutes: 120,
  });
  const sent = await api.send<{ latest: { id: string } }>('POST', `/market/my-projects/${project.id}/submit`, { version: project.version });
  await admin.send('POST', `/market/projects/${project.id}/review`, { versionId: sent.latest.id, decision: 'approve' });
  return { api, providerId: p.id, projectId: project.id };
}

export type FinalArranged = { admin: StaffApi; seasonId: string; entryIds: string[]; judgePhones: string[]; repPhones: string[]; sessionId: string };

/**
 * A season at the final, arranged over the API as staff and providers would: three finalists,
 * two judges invited by phone, three representatives (demo members of 观音桥), a voting session.
 */
export async function arrangeFinal(server: RunningServer): Promise<FinalArranged> {
  const admin = await signInStaffApi(server.baseURL, 'jb.admin');
  const orgs = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB&pageSize=5');
  const jb = orgs.items.find((o) => o.code === 'JB')!;
  const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
  const season = await admin.send<{ id: string }>('POST', '/market/seasons', { orgId: jb.id, year: new Date().getFullYear(), title: '浏览器旅程决赛', callOpensAt: iso(-86_400_000), callClosesAt: iso(86_400_000) });
  const get = () => admin.get<{ version: number }>(`/market/seasons/${season.id}`);
  const advance = async (to: string) => admin.send('POST', `/market/seasons/${season.id}/stage`, { version: (await get()).version, to });
  await advance('call');
  const entryIds: string[] = [];
  for (const [i, title] of ['职工合唱团排练指导', '职工心理减压工作坊', '三人篮球联赛组织'].entries()) {
    const p = await approvedProviderWithProject(server, admin, `旅程服务商${i + 1}号${Date.now() % 10000}`, title);
    const e = await p.api.send<{ id: string }>('POST', `/market/seasons/${season.id}/entries`, { projectId: p.projectId });
    entryIds.push(e.id);
  }
  await admin.send('PATCH', `/market/seasons/${season.id}`, { version: (await get()).version, callClosesAt: iso(-1000) });
  await advance('review');
  for (const id of entryIds) await admin.send('POST', `/market/entries/${id}/review`, { version: 1, decision: 'pass' });
  await advance('roadshow');
  for (const [i, id] of entryIds.entries()) await admin.send('POST', `/market/entries/${id}/finalist`, { version: 2, isFinalist: true, pitchOrder: i + 1 });
  const judgePhones = [freshPhone(), freshPhone()];
  for (const [i, phone] of judgePhones.entries()) await admin.send('POST', `/market/seasons/${season.id}/judges`, { phone, name: `旅程评委${i + 1}`, affiliation: '重庆工商大学' });
  await advance('final');
  // Three members of 观音桥 (the union's admin would list them); their phones, revealed (audited).
  const unions = await admin.get<{ items: { id: string; code: string }[] }>('/orgs?q=JB-GYQ-LH&pageSize=5');
  const gyqLh = unions.items.find((o) => o.code === 'JB-GYQ-LH')!;
  const members = await admin.get<{ items: { id: string; person: { userId?: string | null } }[] }>(`/members?orgId=${gyqLh.id}&status=active&pageSize=20`);
  const picked = members.items.slice(5, 8);
  const repPhones: string[] = [];
  for (const m of picked) repPhones.push((await admin.send<{ value: string }>('POST', `/members/${m.id}/reveal`, { field: 'phone' })).value);
  await admin.send('POST', `/market/seasons/${season.id}/reps`, { membershipIds: picked.map((m) => m.id) });
  const session = await admin.send<{ id: string }>('POST', `/market/seasons/${season.id}/sessions`, { venue: '主会场' });
  await admin.send('POST', `/market/sessions/${session.id}/open`);
  return { admin, seasonId: season.id, entryIds, judgePhones, repPhones, sessionId: session.id };
}
