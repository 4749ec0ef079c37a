import { idNumberCheckChar, type Role } from '@niangjia/contracts';
import { demoCreditCode } from '../../db/seed/demo';
import { createFundRow } from '../../modules/fund';
import { PNG } from '../files';
import { Client, type Res, type TestApp } from '../harness';
import { ROLE_PERMISSIONS } from '../../platform/auth';
import type { Created, Files, Place, Req, World } from './authz';

/** Who calls: every kind of caller the matrix knows, signed in once. */
export type Actor = {
  name: string;
  client: Client;
  roles: Role[];
  /** Which places lie outside this actor's scope (none for the platform admin). */
  outside: Place['name'][];
};

const PASSWORD = 'Matrix-pass-2026';
const MARK = '矩阵';

let serial = 0;
const next = () => String(++serial).padStart(4, '0');

/** Sends a case's request as a client; JSON or a raw upload. */
export async function send(t: TestApp, client: Client, method: string, path: string, req: Req = {}): Promise<Res & { text: string; raw: Buffer }> {
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${method} ${path}: the case gives no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = req.query ? `?${new URLSearchParams(Object.entries(req.query).map(([k, v]) => [k, String(v)])).toString()}` : '';
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
  let payload: string | Buffer | undefined;
  if (req.raw) {
    headers['content-type'] = req.raw.contentType;
    payload = req.raw.data;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(req.body);
  } else if (method !== 'GET' && method !== 'DELETE') {
    headers['content-type'] = 'application/json';
    payload = '{}';
  }
  const res = await t.app.inject({ method: method as 'GET', url: url + query, headers, ...(payload !== undefined ? { payload } : {}) });
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    // not JSON (an .xlsx, a photo, an event stream)
  }
  return { status: res.statusCode, body, headers: res.headers, text: res.body, raw: res.rawPayload };
}

async function ok<T>(res: Promise<Res> | Res, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`world: ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function download(t: TestApp, client: Client, url: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookie! } });
  if (res.statusCode !== 200) throw new Error(`world: ${url} ${res.statusCode}`);
  return res.rawPayload;
}

const idNumber = (n: number) => {
  const first17 = `11010119900101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
let phoneSerial = 0;
const nextPhone = () => `1360000${String(++phoneSerial).padStart(4, '0')}`;

/**
 * The matrix's world on a fresh demo database: a second district (渝北区, YB) beside Jiangbei, the
 * callers, and makers of fresh things in 五里店 (a sibling street of 观音桥) and in YB.
 */
export async function buildWorld(t: TestApp): Promise<{ world: World; actors: Actor[]; admin: Client }> {
  const admin = await t.login('admin');
  const orgId = (code: string) => t.orgId(code);
  const [root] = await t.database.query<{ parent_id: string }>("select parent_id from org where code = 'JB'");

  // 渝北区 with a street and a grassroots union, its admin, and its own charity fund.
  const yb = await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB', type: 'district', parentId: root!.parent_id, name: `渝北区总工会${MARK}`, divisionCode: '500112' }), 'YB');
  const ybStreet = await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB-SLH', type: 'street', parentId: yb.id, name: `双龙湖街道总工会${MARK}`, divisionCode: '500112002' }), 'YB street');
  const ybUnion = await ok<{ id: string }>(admin.post('/api/v1/orgs', { code: 'YB-SLH-01', type: 'grassroots', parentId: ybStreet.id, name: `渝北测试企业工会${MARK}`, creditCode: demoCreditCode('YB-SLH-01') }), 'YB union');
  await createFundRow(t.database.db, { code: 'YB-FUND', name: `渝北区爱心基金${MARK}`, orgId: yb.id });
  await ok(admin.post('/api/v1/users', { username: 'yb.admin', displayName: `渝北管理员${MARK}`, password: PASSWORD, role: 'union_admin', orgId: yb.id }), 'yb.admin');
  const ybAdmin = await t.login('yb.admin', PASSWORD);
  const jbAdmin = await t.login('jb.admin');
  const wldAdmin = await t.login('wld.admin');

  const files: Files = {
    memberTemplate: await download(t, admin, '/api/v1/members/imports/template'),
    positionTemplate: await download(t, admin, '/api/v1/positions/imports/template'),
    cardTemplate: await download(t, admin, '/api/v1/breakfast-cards/imports/template'),
  };

  // One worker with a real name does the reporting in both places.
  const reporter = await t.loginWorker('13600009999');
  await ok(reporter.post('/api/v1/members/me/person', { realName: `报告人${MARK}`, idNumber: idNumber(999), employmentForm: 'courier', orgId: await orgId('JB') }), 'reporter');

  function place(name: Place['name'], ids: { districtId: string; streetId: string; unionId: string }, maker: Client, fundMaker: Client, at: { lng: number; lat: number }): Place {
    let photoMember: Promise<Created> | undefined;
    const p: Place = {
      name,
      ...ids,
      async org() {
        const code = `${name === 'street' ? 'JB-WLD' : 'YB-SLH'}-M${next()}`;
        const o = await ok<Created>(admin.post('/api/v1/orgs', { code, type: 'grassroots', parentId: ids.streetId, name: `矩阵测试工会${code}`, creditCode: demoCreditCode(code) }), 'org');
        return { id: o.id, version: o.version, code };
      },
      async position() {
        const code = `${name === 'street' ? 'WLD' : 'YB'}-MX${next()}`;
        const day = [{ start: '08:00', end: '18:00' }];
        const made = await ok<Created & { code: string }>(
          admin.post('/api/v1/positions', {
            code,
            name: `矩阵驿站${code}`,
            type: 'rest_station',
            orgId: ids.streetId,
            address: `矩阵路${code}号`,
            location: { ...at, crs: 'wgs84' },
            schedule: { is24h: false, weekly: [day, day, day, day, day, day, day], exceptions: [] },
            serves: ['riders'],
            facilities: ['kettle'],
            status: 'open',
          }),
          'position',
        );
        return { id: made.id, version: made.version, code };
      },
      async member() {
        const worker = await t.loginWorker(nextPhone());
        const applied = await ok<{ membership: Created }>(worker.post('/api/v1/members/applications', { realName: `矩阵会员${next()}`, idNumber: idNumber(serial), employmentForm: 'courier', orgId: ids.unionId }), 'member');
        const approved = await ok<Created>(admin.post(`/api/v1/members/${applied.membership.id}/approve`, { version: applied.membership.version }), 'approve');
        return { id: approved.id, version: approved.version };
      },
      async memberWithPhoto() {
        photoMember ??= p.member();
        const m = await photoMember;
        await ok(send(t, admin, 'PUT', '/api/v1/members/{id}/photo', { params: { id: m.id }, query: { consent: 'true' }, raw: { contentType: 'image/png', data: PNG } }), 'photo');
        return m;
      },
      async user() {
        const u = await ok<Created & { grants: { id: string }[] }>(
          admin.post('/api/v1/users', { username: `mx.${name}.${next()}`, displayName: `矩阵干事${MARK}`, password: PASSWORD, role: 'union_staff', orgId: ids.streetId }),
          'user',
        );
        return { id: u.id, version: u.version, grantId: u.grants[0]!.id };
      },
      async controller() {
        const pos = await p.position();
        const c = await ok<{ deviceId: string; controller: Created }>(maker.post('/api/v1/door-controllers', { positionId: pos.id, name: `矩阵门${next()}` }), 'controller');
        return { id: c.controller.id, version: c.controller.version, deviceId: c.deviceId };
      },
      async ban() {
        const pos = await p.position();
        const ban = await ok<{ id: string }>(maker.post('/api/v1/door-bans', { positionId: pos.id, phone: nextPhone(), reason: `矩阵测试${MARK}` }), 'ban');
        return { id: ban.id, positionId: pos.id };
      },
      async alarm() {
        const c = await p.controller();
        const [row] = await t.database.query<{ id: string }>(
          `insert into door_alarm (controller_id, position_id, org_id, kind) select c.id, c.position_id, p.org_id, 'tamper' from door_controller c join position p on p.id = c.position_id where c.id = $1 returning id`,
          [c.id],
        );
        return { id: row!.id, version: 1 };
      },
      async notice() {
        const made = await ok<Created>(admin.post('/api/v1/notices', { orgId: ids.streetId, title: `矩阵公告${next()}`, body: `矩阵测试公告${MARK}` }), 'notice');
        return { id: made.id, version: made.version };
      },
      async job(status) {
        // An unknown kind nobody runs; a queued one is due next year, so no runner picks it up.
        const [row] = await t.database.query<{ id: string }>(
          `insert into job (kind, org_id, status, run_at, error, error_code) values ('authz.matrix', $1, $2, case when $2 = 'queued' then now() + interval '1 year' end, case when $2 = 'failed' then 'matrix' end, null) returning id`,
          [ids.unionId, status],
        );
        return { id: row!.id };
      },
      async issue() {
        const pos = await p.position();
        const made = await ok<Created>(reporter.post(`/api/v1/feedback/positions/${pos.code}/issues`, { category: 'hygiene', text: `矩阵测试反馈${MARK}` }), 'issue');
        return { id: made.id, version: made.version, positionId: pos.id };
      },
      async fundId() {
        const [f] = await t.database.query<{ id: string }>('select id from fund where org_id = $1 order by code limit 1', [ids.districtId]);
        return f!.id;
      },
      async shop() {
        const pos = await p.position();
        const made = await ok<Created>(fundMaker.post('/api/v1/fund-shops', { code: `MX-${next()}`, name: `矩阵小卖部${next()}`, positionId: pos.id, operatorName: `矩阵运营公司${MARK}` }), 'shop');
        return { id: made.id, version: made.version };
      },
      async terminal() {
        const shop = await p.shop();
        const made = await ok<{ terminal: { id: string } }>(fundMaker.post('/api/v1/pos-terminals', { shopId: shop.id, name: `矩阵收银机${next()}` }), 'terminal');
        return { id: made.terminal.id, shopId: shop.id };
      },
      async card() {
        const made = await ok<Created>(fundMaker.post('/api/v1/breakfast-cards', { holderName: `矩阵持卡人${next()}`, phone: nextPhone() }), 'card');
        return { id: made.id, version: made.version };
      },
      async coverageRun() {
        if (name === 'street') return ok<{ id: string }>(admin.post('/api/v1/coverage-runs', { areaOrgId: ids.districtId }), 'coverage run');
        // 渝北 has no street network, so nothing can start a run there: a failed one stands in.
        const [row] = await t.database.query<{ id: string }>(
          `insert into coverage_run (org_id, network_name, status, minutes, speed_kmh, candidate_count) values ($1, '矩阵路网', 'failed', 15, 4.5, 0) returning id`,
          [ids.districtId],
        );
        return { id: row!.id };
      },
      async standard() {
        const current = await admin.get(`/api/v1/facility-standards/${ids.districtId}`);
        const version = current.status === 200 && current.body?.isOwn ? (current.body.version as number) : undefined;
        await ok(admin.request('PUT', `/api/v1/facility-standards/${ids.districtId}`, { name: `矩阵标准${MARK}`, items: [{ key: 'kettle' }], ...(version ? { version } : {}) }), 'standard');
        return ids.districtId;
      },
      async memberImport() {
        const res = await send(t, admin, 'POST', '/api/v1/members/imports', { query: { orgId: ids.unionId, fileName: `mx-${next()}.xlsx` }, raw: { contentType: XLSX, data: files.memberTemplate } });
        const batch = await ok<Created>(res, 'member import');
        return { id: batch.id, version: batch.version };
      },
      async positionImport() {
        const res = await send(t, admin, 'POST', '/api/v1/positions/imports', { query: { fileName: `mx-${next()}.xlsx` }, raw: { contentType: XLSX, data: files.positionTemplate } });
        return ok<{ id: string }>(res, 'position import');
      },
      async cardImport() {
        const res = await send(t, admin, 'POST', '/api/v1/breakfast-cards/imports', { query: { orgId: ids.districtId, fileName: `mx-${next()}.xlsx` }, raw: { contentType: XLSX, data: files.cardTemplate } });
        const batch = await ok<Created>(res, 'card import');
        return { id: batch.id, version: batch.version };
      },
    };
    return p;
  }

  const street = place('street', { districtId: await orgId('JB'), streetId: await orgId('JB-WLD'), unionId: await orgId('JB-WLD-LH') }, wldAdmin, jbAdmin, { lng: 106.5685, lat: 29.5938 });
  const district = place('district', { districtId: yb.id, streetId: ybStreet.id, unionId: ybUnion.id }, ybAdmin, ybAdmin, { lng: 106.6312, lat: 29.7183 });

  const photographer = await t.loginWorker('13600009998');
  const world: World = {
    street,
    district,
    files,
    admin,
    app: t,
    async othersPhoto() {
      const res = await send(t, photographer, 'POST', '/api/v1/photos', { raw: { contentType: 'image/png', data: PNG } });
      return (await ok<{ id: string }>(res, 'photo')).id;
    },
    async othersSession() {
      const sessions = await ok<{ id: string; isCurrent: boolean }[]>(photographer.get('/api/v1/auth/sessions'), 'sessions');
      return sessions.find((s) => s.isCurrent)!.id;
    },
    async asAdmin<T>(method: string, path: string, req: Req = {}) {
      return ok<T>(send(t, admin, method, path, req), `${method} ${path}`);
    },
  };

  // The callers: one of every kind, from the platform down to a worker.
  const staff = async (username: string, role: Role, code: string) => {
    await ok(admin.post('/api/v1/users', { username, displayName: `矩阵${role}`, password: PASSWORD, role, orgId: await orgId(code) }), username);
    return t.login(username, PASSWORD);
  };
  const actors: Actor[] = [
    { name: 'anonymous', client: t.anon, roles: [], outside: [] },
    { name: 'worker', client: await t.loginWorker('13600009997'), roles: ['worker'], outside: [] },
    { name: 'station operator (观音桥)', client: await staff('mx.operator', 'station_operator', 'JB-GYQ'), roles: ['station_operator'], outside: ['street', 'district'] },
    { name: 'grassroots staff (观音桥 union)', client: await staff('mx.grassroots', 'union_staff', 'JB-GYQ-01'), roles: ['union_staff'], outside: ['street', 'district'] },
    { name: 'street admin (gyq.admin)', client: await t.login('gyq.admin'), roles: ['union_admin'], outside: ['street', 'district'] },
    { name: 'district staff (jb.staff)', client: await t.login('jb.staff'), roles: ['union_staff'], outside: ['district'] },
    { name: 'district admin (jb.admin)', client: jbAdmin, roles: ['union_admin'], outside: ['district'] },
    { name: 'platform admin', client: admin, roles: ['platform_admin'], outside: [] },
  ];
  return { world, actors, admin };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_TYPE = XLSX;

/** Whether a signed-in actor holds a permission anywhere ('public' and 'authenticated' are not permissions). */
export function holds(actor: Actor, permission: string): boolean {
  return actor.roles.some((r) => (ROLE_PERMISSIONS[r] as readonly string[]).includes(permission));
}

/**
 * The identifiers of a place (ids and long codes of its orgs, positions, members, users, doors,
 * shops, cards): none may appear in an answer to a caller whose scope does not cover it.
 */
export async function identifiersOf(t: TestApp, place: Place): Promise<string[]> {
  const [area] = await t.database.query<{ path: string }>('select path from org where id = $1', [place.name === 'street' ? place.streetId : place.districtId]);
  const under = `${area!.path}%`;
  const rows = await t.database.query<{ v: string }>(
    `select id::text as v from org where path like $1
     union select code from org where path like $1 and length(code) >= 6
     union select p.id::text from position p join org o on o.id = p.org_id where o.path like $1
     union select p.code from position p join org o on o.id = p.org_id where o.path like $1 and length(p.code) >= 6
     union select m.id::text from membership m join org o on o.id = m.org_id where o.path like $1
     union select m.person_id::text from membership m join org o on o.id = m.org_id where o.path like $1
     union select g.user_id::text from role_grant g join org o on o.id = g.org_id where o.path like $1
       and not exists (select 1 from role_grant h left join org q on q.id = h.org_id where h.user_id = g.user_id and (q.path is null or q.path not like $1))
     union select c.id::text from door_controller c join position p on p.id = c.position_id join org o on o.id = p.org_id where o.path like $1
     union select c.device_id from door_controller c join position p on p.id = c.position_id join org o on o.id = p.org_id where o.path like $1
     union select s.id::text from fund_shop s join position p on p.id = s.position_id join org o on o.id = p.org_id where o.path like $1`,
    [under],
  );
  const values = rows.map((r) => r.v);
  // The district place's fund and cards belong to it; 江北's fund is not the street place's.
  if (place.name === 'district') {
    const fund = await t.database.query<{ v: string }>(`select f.id::text as v from fund f where f.org_id = $1 union select c.id::text from breakfast_card c join fund f on f.id = c.fund_id where f.org_id = $1`, [place.districtId]);
    values.push(...fund.map((r) => r.v));
  }
  return values;
}
