import fs from 'node:fs';
import type { Db } from '../client';
import { position } from '../../modules/positions';
import { gcj02ToWgs84, isInRing, loadJiangbeiOutline } from '../../modules/positions/geo';

/**
 * About 107 rest stations plus the district service centre, street sub-centres, workers' homes,
 * mothers' rooms, a drivers' home and canteens, spread over Jiangbei's streets inside the real
 * district outline. The four named stations come from the reports (PRODUCT.md); the others are
 * named after real communities (jiangbei-communities.csv) but their places are made up.
 */

// Approximate centres of the streets' built-up areas, GCJ-02 as a map shows them, and how many
// rest stations each gets (the urban west has most).
const STREETS: { code: string; division: string; name: string; center: [number, number]; stations: number }[] = [
  { code: 'JB-HXJ', division: '500105001', name: '华新街', center: [106.537, 29.567], stations: 11 },
  { code: 'JB-JBC', division: '500105002', name: '江北城', center: [106.572, 29.571], stations: 8 },
  { code: 'JB-SMH', division: '500105003', name: '石马河', center: [106.506, 29.598], stations: 10 },
  { code: 'JB-DSB', division: '500105004', name: '大石坝', center: [106.497, 29.579], stations: 10 },
  { code: 'JB-CT', division: '500105005', name: '寸滩', center: [106.604, 29.598], stations: 9 },
  { code: 'JB-GYQ', division: '500105006', name: '观音桥', center: [106.531, 29.579], stations: 14 },
  { code: 'JB-WLD', division: '500105007', name: '五里店', center: [106.568, 29.589], stations: 11 },
  { code: 'JB-GJT', division: '500105008', name: '郭家沱', center: [106.661, 29.597], stations: 7 },
  { code: 'JB-TSP', division: '500105009', name: '铁山坪', center: [106.688, 29.617], stations: 4 },
  { code: 'JB-YZ', division: '500105100', name: '鱼嘴', center: [106.772, 29.636], stations: 6 },
  { code: 'JB-FS', division: '500105101', name: '复盛', center: [106.722, 29.662], stations: 4 },
  { code: 'JB-WB', division: '500105102', name: '五宝', center: [106.832, 29.622], stations: 9 },
];

const SEVEN = ['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'];
const EXTRA = ['air_conditioner', 'water_dispenser', 'toilet', 'wifi', 'lockers', 'books', 'umbrella'];
const day = (start: string, end: string) => [0, 1, 2, 3, 4, 5, 6].map(() => [{ start, end }]);
/** Different hours on weekdays and at the weekend (an empty range list is a closed day). */
const week = (weekdays: string | null, saturday: string | null, sunday: string | null) =>
  [weekdays, weekdays, weekdays, weekdays, weekdays, saturday, sunday].map((r) => (r ? [{ start: r.slice(0, 5), end: r.slice(6) }] : []));
// Offices close on the public holidays (国务院办公厅 holiday notice): New Year's Day and the Spring Festival.
const HOLIDAYS = [
  { date: '2027-01-01', kind: 'closed', note: '元旦' },
  ...['2027-02-06', '2027-02-07', '2027-02-08'].map((date) => ({ date, kind: 'closed', note: '春节' })),
];
// Where a street has fewer communities than stations, the others are named after the kind of place.
const PLACES = ['商圈', '滨江', '公交枢纽', '农贸市场', '环卫所', '物流园', '地铁站', '加油站'];

/** A small deterministic generator, so every demo database is the same. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function communitiesByStreet(): Map<string, string[]> {
  const text = fs.readFileSync(new URL('./jiangbei-communities.csv', import.meta.url), 'utf8');
  const map = new Map<string, string[]>();
  for (const line of text.split('\n').filter(Boolean)) {
    const [, name = '', street = ''] = line.split(',');
    const short = name.replace(/"/g, '').replace(/(居民委员会|村民委员会)$/, '');
    map.set(street, [...(map.get(street) ?? []), short]);
  }
  return map;
}

type NewPosition = typeof position.$inferInsert;

export async function seedDemoPositions(tx: Db, orgIdByCode: Map<string, string>): Promise<number> {
  const next = random(20240801);
  const outline = loadJiangbeiOutline().geometry.coordinates;
  const inDistrict = (lng: number, lat: number) => outline.some((poly) => poly[0] && isInRing(lng, lat, poly[0]));
  const communities = communitiesByStreet();
  const rows: NewPosition[] = [];
  const jb = orgIdByCode.get('JB')!;

  /** A WGS-84 point near a GCJ-02 centre, inside the district. */
  /** The inside point nearest to a GCJ-02 centre that lies outside the outline (rings of 24 bearings). */
  const nearestInside = ([cLng, cLat]: [number, number]): [number, number] => {
    for (let r = 0.002; r <= 0.1; r += 0.002) {
      for (let k = 0; k < 24; k++) {
        const g: [number, number] = [cLng + r * Math.cos((k / 12) * Math.PI), cLat + r * Math.sin((k / 12) * Math.PI)];
        if (inDistrict(...gcj02ToWgs84(...g))) return g;
      }
    }
    return [cLng, cLat];
  };
  const placeNear = (centre: [number, number], spread: number): [number, number] => {
    // A centre near the river or the district border may miss the outline: then sample around the nearest point inside it.
    for (let pass = 0; pass < 2; pass++) {
      const [cLng, cLat] = pass === 0 ? centre : nearestInside(centre);
      for (let i = 0; i < 50; i++) {
        const [lng, lat] = gcj02ToWgs84(cLng + (next() - 0.5) * spread * 2, cLat + (next() - 0.5) * spread * 2);
        if (inDistrict(lng, lat)) return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
      }
    }
    const [lng, lat] = gcj02ToWgs84(...nearestInside(centre));
    return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  };
  const facilitiesFor = () => {
    // Most stations meet the seven-item standard; about one in five lacks one or two items.
    const missing = next() < 0.2 ? SEVEN.filter(() => next() < 0.2).slice(0, 2) : [];
    return [...SEVEN.filter((f) => !missing.includes(f)), ...EXTRA.filter(() => next() < 0.4)];
  };

  const named: (NewPosition & { near: [number, number] })[] = [
    { code: 'JB-RS-WHL', name: '五红路工会户外劳动者服务站', type: 'rest_station', orgId: orgIdByCode.get('JB-WLD')!, address: '重庆市江北区五红路', near: [106.579, 29.589], buildMode: 'union_built', areaM2: 30, lng: 0, lat: 0, weeklyHours: day('08:00', '18:00'), status: 'open' },
    { code: 'JB-RS-HQHG', name: '红旗河沟骑手之家工会驿站', type: 'rest_station', orgId: orgIdByCode.get('JB-HXJ')!, address: '重庆市江北区红旗河沟', near: [106.523, 29.588], buildMode: 'commerce_sustained', partner: '饿了么', areaM2: 16, is24h: true, lng: 0, lat: 0, weeklyHours: day('08:00', '18:00'), status: 'open', serves: ['riders', 'couriers', 'outdoor_workers'] },
    { code: 'JB-DH-HLL', name: '货拉拉司机之家工会驿站', type: 'driver_home', orgId: orgIdByCode.get('JB-CT')!, address: '重庆市江北区海尔路', near: [106.595, 29.593], buildMode: 'platform_company', partner: '货拉拉', areaM2: 50, lng: 0, lat: 0, weeklyHours: day('07:00', '22:00'), status: 'open', serves: ['drivers'] },
    { code: 'JB-RS-YNYG', name: '五里店渝能阳光社区工会驿站', type: 'rest_station', orgId: orgIdByCode.get('JB-WLD')!, address: '重庆市江北区五里店渝能阳光社区', near: [106.561, 29.585], buildMode: 'converted_idle', areaM2: 40, lng: 0, lat: 0, weeklyHours: day('08:00', '20:00'), status: 'open', statusChangedAt: new Date('2023-06-01T09:00:00+08:00') },
    // 入会点 (seed 000: three joining points built with SF Express and Kerry): their QR lands on /m/join with the street's joint union.
    { code: 'JB-JP-SF', name: '顺丰速运江北分拨中心入会点', type: 'joining_point', orgId: orgIdByCode.get('JB-GYQ')!, address: '重庆市江北区观音桥顺丰速运江北分拨中心', near: [106.531, 29.579], buildMode: 'platform_company', partner: '顺丰速运', lng: 0, lat: 0, weeklyHours: day('09:00', '18:00'), status: 'open', serves: ['couriers', 'riders'] },
    { code: 'JB-JP-JLDT', name: '嘉里大通华新街入会点', type: 'joining_point', orgId: orgIdByCode.get('JB-HXJ')!, address: '重庆市江北区华新街嘉里大通分拨站', near: [106.537, 29.586], buildMode: 'platform_company', partner: '嘉里大通', lng: 0, lat: 0, weeklyHours: day('09:00', '18:00'), status: 'open', serves: ['couriers', 'drivers'] },
    { code: 'JB-JP-WLD', name: '五里店新就业形态劳动者入会点', type: 'joining_point', orgId: orgIdByCode.get('JB-WLD')!, address: '重庆市江北区五里店职工服务站', near: [106.566, 29.588], buildMode: 'union_built', lng: 0, lat: 0, weeklyHours: day('09:00', '17:30'), status: 'open', serves: ['riders', 'couriers', 'drivers'] },
    { code: 'JB-SC', name: '江北区职工服务中心', type: 'service_center', orgId: jb, address: '重庆市江北区观音桥', near: [106.534, 29.577], buildMode: 'union_built', areaM2: 5000, lng: 0, lat: 0, weeklyHours: week('09:00-17:30', '09:00-12:00', null), exceptions: HOLIDAYS, status: 'open', serves: ['all_workers'] },
  ];
  for (const n of named) {
    const { near, ...values } = n;
    const [lng, lat] = placeNear(near, 0.002);
    rows.push({ ...values, lng, lat, serves: values.serves ?? ['outdoor_workers', 'sanitation_workers', 'riders'], facilities: facilitiesFor(), contactPhone: '023-6785' + String(1000 + rows.length).slice(-4) });
  }

  let seq = 1;
  const usedNames = new Set(rows.map((r) => r.name));
  for (const street of STREETS) {
    const orgId = orgIdByCode.get(street.code)!;
    const names = communities.get(street.division) ?? [];
    const code = (kind: string) => `${street.code}-${kind}${String(seq++).padStart(3, '0')}`;
    const base = (kind: string, type: string, name: string, spread: number): NewPosition => {
      const [lng, lat] = placeNear(street.center, spread);
      return { code: code(kind), name, type, orgId, address: `重庆市江北区${street.name}${type === 'service_center' ? '街道便民服务中心' : ''}`, lng, lat, weeklyHours: day('08:00', '18:00'), status: 'open', serves: ['outdoor_workers', 'sanitation_workers', 'riders', 'couriers'], facilities: facilitiesFor(), buildMode: 'union_built', areaM2: 20 + Math.round(next() * 40), contactPhone: `023-67${String(100000 + Math.floor(next() * 899999)).slice(0, 6)}` };
    };
    rows.push({ ...base('SC', 'service_center', `${street.name}职工服务分中心`, 0.004), weeklyHours: week('09:00-17:30', '09:00-12:00', null), exceptions: HOLIDAYS, serves: ['all_workers'], areaM2: 300 });
    const stationNames = [...names.map((c) => `${street.name}${c}工会驿站`), ...PLACES.map((place) => `${street.name}${place}工会驿站`)].filter((n) => !usedNames.has(n));
    for (let i = 0; i < street.stations; i++) {
      const name = stationNames[i] ?? `${street.name}${i + 1}号工会驿站`;
      usedNames.add(name);
      const p = base('RS', 'rest_station', name, 0.012);
      const roll = next();
      if (roll < 0.12) Object.assign(p, { is24h: true });
      else if (roll < 0.35) Object.assign(p, { weeklyHours: day('07:00', '21:00') });
      if (next() < 0.25) Object.assign(p, { buildMode: 'commerce_sustained', partner: ['建设银行', '顺丰重庆', '中国铁塔重庆', '嘉里大通'][Math.floor(next() * 4)] });
      else if (next() < 0.2) Object.assign(p, { buildMode: 'converted_idle' });
      if (next() < 0.05) Object.assign(p, { status: 'building' });
      rows.push(p);
    }
    if (street.stations >= 8) {
      rows.push({ ...base('WH', 'workers_home', `${street.name}职工之家`, 0.006), weeklyHours: week('09:00-21:00', '10:00-18:00', '10:00-18:00'), exceptions: HOLIDAYS.slice(1), serves: ['all_workers'] });
      rows.push({ ...base('MR', 'mothers_room', `${street.name}爱心妈咪小屋`, 0.006), weeklyHours: week('09:00-18:00', null, null), exceptions: HOLIDAYS, serves: ['women_staff'], areaM2: 10 });
    }
  }
  const canteenOrg = orgIdByCode.get('JB-GYQ')!;
  const [cLng, cLat] = placeNear([106.529, 29.574], 0.003);
  rows.push({ code: 'JB-CT-001', name: '观音桥共享食堂', type: 'canteen', orgId: canteenOrg, address: '重庆市江北区观音桥', lng: cLng, lat: cLat, weeklyHours: day('06:30', '20:00'), status: 'open', serves: ['outdoor_workers', 'sanitation_workers'], facilities: ['table_chairs', 'microwave', 'kettle'], buildMode: 'partner' });

  for (let i = 0; i < rows.length; i += 200) await tx.insert(position).values(rows.slice(i, i + 200));
  return rows.length;
}
