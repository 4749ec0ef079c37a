import type { Client, TestApp } from '../../test/harness';

export const SEVEN = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'];
const day = (start: string, end: string) => [0, 1, 2, 3, 4, 5, 6].map(() => [{ start, end }]);

/** A 1×1 PNG (shared with every test that uploads). */
export { PNG } from '../../test/files';

/** Creates an open rest station for the tests. */
export async function makeStation(t: TestApp, staff: Client, over: { code: string; org: string; facilities?: string[] }) {
  const res = await staff.post('/api/v1/positions', {
    code: over.code,
    name: `测试驿站 ${over.code}`,
    type: 'rest_station',
    orgId: await t.orgId(over.org),
    address: '重庆市江北区观音桥建新北路 1 号',
    location: { lng: 106.531, lat: 29.579, crs: 'gcj02' },
    schedule: { is24h: false, weekly: day('08:00', '18:00'), exceptions: [] },
    serves: ['riders', 'sanitation_workers'],
    facilities: over.facilities ?? [...SEVEN, 'wifi'],
    contactPhone: '023-67851234',
    operator: '某某物业 张经理 13912345678',
    status: 'open',
  });
  if (res.status !== 201) throw new Error(`station: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; orgId: string };
}

/** Uploads a photo as the client; the body is the image itself. */
export async function uploadPhoto(t: TestApp, client: Client, data: Buffer, contentType = 'image/png') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/photos',
    headers: {
      cookie: client.cookie!,
      'x-csrf-token': client.csrf!,
      'content-type': contentType,
    },
    payload: data,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
