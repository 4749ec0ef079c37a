import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness';
import { demoCreditCode } from '../../db/seed/demo';

let t: TestApp;
let district: Client;
let created: { street: string; grassroots: string };

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('jb.admin');
  const street = await district.post('/api/v1/orgs', { code: 'JB-AUD', type: 'street', parentId: await t.orgId('JB'), name: '审计测试街道工会', divisionCode: '500105008' });
  const grassroots = await district.post('/api/v1/orgs', { code: 'JB-AUD-01', type: 'grassroots', parentId: street.body.id, name: '审计测试基层工会', creditCode: demoCreditCode('aud') });
  created = { street: street.body.id, grassroots: grassroots.body.id };
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who, when, which org, the entity and before/after', async () => {
    const res = await district.get(`/api/v1/audit-entries?entityId=${created.grassroots}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const entry = res.body.items[0];
    expect(entry).toMatchObject({ actorName: 'jb.admin', action: 'org.create', entityType: 'org', orgId: created.grassroots, orgName: '审计测试基层工会', before: null });
    expect(entry.after).toMatchObject({ code: 'JB-AUD-01', name: '审计测试基层工会' });
    expect(entry.requestId).toBeTruthy();
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('searches by actor, entity type, action, org subtree and time', async () => {
    const byActor = await district.get('/api/v1/audit-entries?actor=jb.admin&action=org.create&pageSize=50');
    expect(byActor.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(expect.arrayContaining([created.street, created.grassroots]));
    const byOrg = await district.get(`/api/v1/audit-entries?orgId=${created.street}&entityType=org`);
    expect(byOrg.body.total).toBe(2);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await district.get(`/api/v1/audit-entries?from=${future}`)).body.total).toBe(0);
    const past = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    expect((await district.get(`/api/v1/audit-entries?from=${past}&orgId=${created.street}`)).body.total).toBe(2);
    const badTime = await district.get('/api/v1/audit-entries?from=yesterday');
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors[0].path).toBe('query.from');
  });

  it('is scoped: a street admin sees only entries of their street', async () => {
    const gyq = await t.login('gyq.admin');
    const res = await gyq.get('/api/v1/audit-entries?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.items.some((e: { entityId: string }) => e.entityId === created.street)).toBe(false);
    expect((await gyq.get(`/api/v1/audit-entries?orgId=${created.street}`)).status).toBe(404);
  });

  it('cannot be changed or deleted: no API, and the database refuses', async () => {
    const [entry] = await t.database.query<{ id: string }>('select id from audit_entry limit 1');
    expect((await district.delete(`/api/v1/audit-entries/${entry!.id}`)).status).toBe(404);
    expect((await district.patch(`/api/v1/audit-entries/${entry!.id}`, { action: 'x' })).status).toBe(404);
    await expect(t.database.query("update audit_entry set action = 'tampered' where id = $1", [entry!.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from audit_entry where id = $1', [entry!.id])).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate audit_entry')).rejects.toThrow(/append-only/);
    expect(await t.database.query("select 1 from audit_entry where action = 'tampered'")).toHaveLength(0);
  });

  it('needs audit.read', async () => {
    const staff = await t.login('jb.staff');
    expect((await staff.get('/api/v1/audit-entries')).status).toBe(403);
  });
});
