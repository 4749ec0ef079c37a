import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { isInRing, loadJiangbeiOutline } from './geo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Row = { code: string; name: string; type: string; lng: number; lat: number; org_code: string; status_changed_at: Date; exceptions: unknown[]; weekly_hours: { start: string }[][] };

describe('demo positions (issue #4 point 11)', () => {
  it('has ~107 stations, a centre per street, workers’ homes and mothers’ rooms, the named stations, spread over the district', async () => {
    const rows = await t.database.query<Row>('select p.code, p.name, p.type, p.lng, p.lat, o.code as org_code, p.status_changed_at, p.exceptions, p.weekly_hours from position p join org o on o.id = p.org_id');
    const count = (type: string) => rows.filter((r) => r.type === type).length;
    // Rest stations plus the drivers' home: the "107 stations" of the reports.
    expect(count('rest_station') + count('driver_home')).toBeGreaterThanOrEqual(100);
    expect(count('rest_station') + count('driver_home')).toBeLessThanOrEqual(115);
    expect(count('service_center')).toBe(13);
    expect(count('workers_home')).toBeGreaterThanOrEqual(6);
    expect(count('mothers_room')).toBeGreaterThanOrEqual(6);
    for (const name of ['五红路工会户外劳动者服务站', '红旗河沟骑手之家工会驿站', '货拉拉司机之家工会驿站', '五里店渝能阳光社区工会驿站']) expect(rows.filter((r) => r.name === name), name).toHaveLength(1);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows.find((r) => r.code === 'JB-RS-YNYG')!.status_changed_at.toISOString().slice(0, 7)).toBe('2023-06');
    // Every street has stations, and every point lies inside the district outline.
    const outline = loadJiangbeiOutline().geometry.coordinates;
    for (const street of ['JB-HXJ', 'JB-JBC', 'JB-SMH', 'JB-DSB', 'JB-CT', 'JB-GYQ', 'JB-WLD', 'JB-GJT', 'JB-TSP', 'JB-YZ', 'JB-FS', 'JB-WB']) {
      expect(rows.filter((r) => r.org_code === street && r.type === 'rest_station').length, street).toBeGreaterThanOrEqual(2);
    }
    expect(rows.filter((r) => !outline.some((poly) => poly[0] && isInRing(r.lng, r.lat, poly[0]))).map((r) => r.code)).toEqual([]);
    // Hours differ by weekday somewhere, and offices carry holiday closures.
    const centre = rows.find((r) => r.code === 'JB-SC')!;
    expect(centre.weekly_hours[6]).toEqual([]);
    expect(centre.exceptions.length).toBeGreaterThan(0);
  });
});
