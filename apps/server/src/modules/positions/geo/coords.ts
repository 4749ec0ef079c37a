// Coordinate systems used in China and the distance on the sphere.
//
// WGS-84: GPS, OpenStreetMap, what we store. GCJ-02 ("Mars coordinates"): the obfuscated datum every
// map published in mainland China must use (Amap/AutoNavi, Tencent, Apple and Google in China).
// BD-09: Baidu's extra offset on top of GCJ-02. The forward WGS→GCJ formula is the widely published
// one (Krasovsky 1940 ellipsoid, a = 6378245, e² = 0.00669342162296594323); it has no closed-form
// inverse, so GCJ→WGS iterates the forward map until it reproduces the input to < 1e-7°.

export type LngLat = [lng: number, lat: number];
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;
const EARTH_RADIUS_M = 6371008.8; // IUGG mean radius
const INVERSE_TOLERANCE_DEG = 1e-9;

type Rect = readonly [west: number, south: number, east: number, north: number];

// Coarse cover of China by rectangles minus exclusions, as published by Aimeast (2012) and copied
// by most GCJ-02 libraries. It is better than one bounding box (it leaves out Mongolia, the Korean
// peninsula, most of Vietnam, the Russian Far East and Taiwan) but still coarse: parts of Nepal,
// Bhutan, Kyrgyzstan and northern Myanmar fall inside and would be shifted.
const CHINA_RECTS: readonly Rect[] = [
  [79.4462, 42.8899, 96.33, 49.2204],
  [109.6872, 39.3742, 135.0002, 54.1415],
  [73.1246, 29.5297, 124.143255, 42.8899],
  [82.9684, 26.7186, 97.0352, 29.5297],
  [97.0253, 20.414096, 124.367395, 29.5297],
  [107.975793, 17.871542, 111.744104, 20.414096],
];
const EXCLUDED_RECTS: readonly Rect[] = [
  [119.921265, 21.785006, 122.497559, 25.398623], // Taiwan
  [101.8652, 20.0988, 106.665, 22.284], // northern Vietnam, Laos
  [106.4525, 20.4878, 108.051, 21.5422], // Gulf of Tonkin coast of Vietnam
  [109.0323, 50.3257, 119.127, 55.8175], // Mongolia / Russia
  [127.4568, 49.5574, 137.0227, 55.8175], // Russian Far East
  [131.2662, 42.5692, 137.0227, 44.8922], // Vladivostok
];
// Hong Kong and Macao are not shifted: GCJ-02 is mandated for maps of mainland China only, their
// governments publish WGS-84 / HK1980 data, and the variants of the rectangle cover above that add
// a Hong Kong exclusion treat them so. Some Chinese tile providers do shift them: check
// against the configured tiles before relying on positions there. Outlines are coarse (±1 km, drawn
// through the water of Deep Bay and the Pearl River mouth so Shenzhen's Shekou and Zhuhai's Hengqin
// stay in the mainland).
const HONG_KONG: readonly LngLat[] = [
  [113.82, 22.13], [114.5, 22.13], [114.5, 22.56], [114.23, 22.56], [114.16, 22.545],
  [114.09, 22.535], [114.03, 22.512], [113.97, 22.5], [113.9, 22.425], [113.83, 22.3],
];
const MACAO: readonly LngLat[] = [
  [113.528, 22.205], [113.548, 22.218], [113.562, 22.19], [113.6, 22.16], [113.6, 22.105],
  [113.553, 22.1], [113.545, 22.14], [113.535, 22.17],
];

function isInRect(lng: number, lat: number, r: Rect): boolean {
  return lng >= r[0] && lng <= r[2] && lat >= r[1] && lat <= r[3];
}

/** Even-odd ray casting; ring as [lng, lat], closed or not. */
export function isInRing(lng: number, lat: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    const ax = a[0]!, ay = a[1]!, bx = b[0]!, by = b[1]!;
    if (ay > lat !== by > lat && lng < ((bx - ax) * (lat - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

/** True where GCJ-02 does not apply: outside mainland China, and in Hong Kong, Macao and Taiwan. */
export function isOutsideMainlandChina(lng: number, lat: number): boolean {
  // The standard bounding box first: most of the world is rejected by four comparisons.
  if (lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271) return true;
  if (!CHINA_RECTS.some((r) => isInRect(lng, lat, r))) return true;
  if (EXCLUDED_RECTS.some((r) => isInRect(lng, lat, r))) return true;
  return isInRing(lng, lat, HONG_KONG) || isInRing(lng, lat, MACAO);
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

// The GCJ-02 offset at a WGS-84 point, without the outside-China test.
function gcjOffset(lng: number, lat: number): LngLat {
  let dLat = transformLat(lng - 105.0, lat - 35.0);
  let dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLng, dLat];
}

export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = gcjOffset(lng, lat);
  return [lng + dLng, lat + dLat];
}

// Fixed-point iteration w ← w − (f(w) − g): the offset varies slowly (its derivative is ~1e-3), so
// every step gains about three digits; 3–4 steps reach 1e-9°, and 10 is a safe ceiling.
export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < 10; i++) {
    const [dLng, dLat] = gcjOffset(wLng, wLat);
    const errLng = wLng + dLng - lng;
    const errLat = wLat + dLat - lat;
    wLng -= errLng;
    wLat -= errLat;
    if (Math.abs(errLng) < INVERSE_TOLERANCE_DEG && Math.abs(errLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLng, wLat];
}

// Baidu's published BD-09 formula (a rotation and scaling by x_pi = π·3000/180 around GCJ-02).
// Baidu applies it everywhere it has data; we follow the GCJ-02 rule and leave points outside
// mainland China alone, as gcoord does.
function bdForward(lng: number, lat: number): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

export function gcj02ToBd09(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  return bdForward(lng, lat);
}

// The published inverse is itself an approximation (off by up to ~0.15 m); we start from it and
// polish with the same fixed-point iteration as GCJ-02, so a round trip is exact to < 1 mm.
export function bd09ToGcj02(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let gLng = z * Math.cos(theta);
  let gLat = z * Math.sin(theta);
  for (let i = 0; i < 10; i++) {
    const [fLng, fLat] = bdForward(gLng, gLat);
    gLng -= fLng - lng;
    gLat -= fLat - lat;
    if (Math.abs(fLng - lng) < INVERSE_TOLERANCE_DEG && Math.abs(fLat - lat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [gLng, gLat];
}

export function wgs84ToBd09(lng: number, lat: number): LngLat {
  return gcj02ToBd09(...wgs84ToGcj02(lng, lat));
}

export function bd09ToWgs84(lng: number, lat: number): LngLat {
  return gcj02ToWgs84(...bd09ToGcj02(lng, lat));
}

export function convertCoord(point: LngLat, from: Crs, to: Crs): LngLat {
  if (from === to) return [point[0], point[1]];
  const wgs = from === 'wgs84' ? point : from === 'gcj02' ? gcj02ToWgs84(...point) : bd09ToWgs84(...point);
  if (to === 'wgs84') return [wgs[0], wgs[1]];
  return to === 'gcj02' ? wgs84ToGcj02(...wgs) : wgs84ToBd09(...wgs);
}

/** Great-circle distance in metres on the mean-radius sphere (error < 0.5 % against the ellipsoid). */
export function haversineMetres(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}
