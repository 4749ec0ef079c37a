// Coordinate systems used in China and the distance on the sphere, shared by the server and the
// browser (no zod here: the web app imports this file, `@niangjia/contracts/coords`, as it is).
//
// WGS-84: GPS, OpenStreetMap, what we store. GCJ-02 ("Mars coordinates"): the obfuscated datum every
// map published in mainland China must use (Amap/AutoNavi, Tencent, Apple and Google in China).
// BD-09: Baidu's extra offset on top of GCJ-02. The forward WGS→GCJ formula is the widely published
// one (Krasovsky 1940 ellipsoid, a = 6378245, e² = 0.00669342162296594323); it has no closed-form
// inverse, so GCJ→WGS iterates the forward map until it reproduces the input to < 1e-9°.

export type LngLat = [lng: number, lat: number];
export type Crs = 'wgs84' | 'gcj02' | 'bd09';

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;
const EARTH_RADIUS_M = 6371008.8; // IUGG mean radius
const INVERSE_TOLERANCE_DEG = 1e-9;

type Rect = readonly [west: number, south: number, east: number, north: number];

// Mainland China as the widely copied rectangle cover (Aimeast, 2012) for the west, centre and
// south, plus hand-drawn outlines where those rectangles were wrong (issue 9):
// - the north-east: the old cover cut a rectangle of "Russian Far East" out of Heilongjiang, so
//   Heihe, Aihui and Xunke on the Amur were left unshifted, while Russian towns east of the
//   Ussuri (Bikin, Dalnerechensk, Birobidzhan), the north of North Korea and eastern Mongolia were
//   shifted. NORTH_EAST follows the Argun, Amur and Ussuri, Lake Khanka, the Tumen and the Yalu and
//   the border with Mongolia, drawn from the positions of the towns on either side (about ±2 km
//   along the rivers; 1–3 km from Heihe to Blagoveshchensk across the Amur);
// - the South China Sea islands (Sansha): the Paracels (Xisha), Macclesfield Bank and Huangyan
//   Island (Zhongsha) and the Spratlys (Nansha) lay outside every rectangle. AMap and other mainland
//   providers draw them in GCJ-02.
// Still coarse elsewhere: parts of Nepal, Bhutan, Kyrgyzstan and northern Myanmar fall inside the
// rectangles and would be shifted.
const CHINA_RECTS: readonly Rect[] = [
  [79.4462, 42.8899, 96.33, 49.2204],
  [73.1246, 29.5297, 124.143255, 42.8899],
  [82.9684, 26.7186, 97.0352, 29.5297],
  [97.0253, 20.414096, 124.367395, 29.5297],
  [107.975793, 17.871542, 111.744104, 20.414096],
];
const EXCLUDED_RECTS: readonly Rect[] = [
  [119.921265, 21.785006, 122.497559, 25.398623], // Taiwan
  [101.8652, 20.0988, 106.665, 22.284], // northern Vietnam, Laos
  [106.4525, 20.4878, 108.051, 21.5422], // Gulf of Tonkin coast of Vietnam
];
// China north and east of (109.69°E, 39.37°N), the area the old cover's north-east rectangle held.
const NORTH_EAST: readonly LngLat[] = [
  [109.6872, 39.3742], [124.1, 39.3742], [124.32, 39.86], [124.4, 40.1], [125.05, 40.45], [125.65, 40.8],
  [126.2, 41.12], [126.6, 41.55], [127.0, 41.75], [127.55, 41.5], [127.9, 41.45], [128.2, 41.41],
  [128.28, 41.45], [128.2, 41.75], [128.06, 41.99], [128.5, 42.0], [128.9, 42.15], [129.2, 42.35],
  [129.45, 42.75], [129.7, 42.9], [129.84, 42.955], [130.0, 42.9], [130.25, 42.65], [130.62, 42.42],
  [130.85, 42.85], [131.05, 43.0], [131.25, 43.45], [131.1, 43.9], [131.25, 44.38], [131.05, 44.85],
  [131.9, 44.95], [132.2, 45.2], [133.1, 45.1], [133.15, 45.45], [133.6, 45.9], [133.7, 46.1],
  [133.95, 46.5], [134.1, 46.85], [134.25, 47.25], [134.6, 47.7], [134.75, 48.25], [134.85, 48.38],
  [134.75, 48.45], [134.3, 48.42], [133.7, 48.2], [133.2, 47.95], [132.5, 47.72], [132.0, 47.72],
  [131.4, 47.72], [130.95, 47.9], [130.85, 48.4], [130.55, 48.85], [130.25, 49.05], [129.5, 49.35],
  [129.05, 49.47], [128.0, 49.72], [127.75, 49.95], [127.62, 50.18], [127.545, 50.258], [127.49, 50.262],
  [127.44, 50.31], [127.35, 50.42], [127.3, 50.7], [127.0, 51.2], [126.75, 51.7], [126.7, 51.95],
  [126.3, 52.4], [125.7, 52.85], [125.0, 53.15], [124.2, 53.35], [123.5, 53.55], [122.9, 53.5],
  [122.35, 53.5], [121.87, 53.33], [121.2, 52.65], [120.7, 52.55], [120.05, 52.0], [120.7, 51.35],
  [119.95, 50.85], [119.25, 50.35], [118.5, 49.95], [117.87, 49.52], [117.38, 49.615], [116.71, 49.85],
  [116.2, 49.1], [115.55, 48.15], [115.9, 47.7], [116.9, 47.85], [117.8, 47.95], [118.5, 47.95],
  [119.3, 47.55], [119.8, 46.9], [119.9, 46.7], [119.7, 46.6], [118.9, 46.75], [117.9, 46.6],
  [117.4, 46.55], [116.6, 46.3], [115.7, 45.45], [114.55, 45.4], [113.6, 44.75], [112.6, 44.05],
  [111.94, 43.685], [111.5, 43.45], [111.0, 43.25], [110.4, 42.75], [109.6872, 42.45],
];
// Sansha: the Paracels, Macclesfield Bank and Huangyan Island; the Spratlys, clear of the coasts of
// Vietnam, Borneo (Sarawak, Brunei, Sabah) and Palawan.
const XISHA_ZHONGSHA: readonly LngLat[] = [
  [110.9, 15.2], [117.2, 14.6], [118.1, 14.9], [118.1, 15.6], [117.3, 15.6], [115.3, 16.6], [113.3, 17.4], [110.9, 17.4],
];
const NANSHA: readonly LngLat[] = [
  [111.6, 3.7], [112.8, 3.75], [113.6, 4.9], [114.6, 5.5], [115.6, 6.3], [116.4, 7.4], [116.9, 8.5],
  [117.6, 10.3], [118.3, 11.8], [117.0, 12.3], [110.3, 12.3], [109.8, 11.0], [109.6, 8.0], [110.4, 5.6],
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
  // The standard bounding box first (widened south for the Spratlys): most of the world is
  // rejected by four comparisons.
  if (lng < 72.004 || lng > 137.8347 || lat < 3.3 || lat > 55.8271) return true;
  if (isInRing(lng, lat, HONG_KONG) || isInRing(lng, lat, MACAO)) return true;
  if (lng >= 109.6872 && lat >= 39.3742) return !isInRing(lng, lat, NORTH_EAST);
  if (lat < 17.5) return !(isInRing(lng, lat, XISHA_ZHONGSHA) || isInRing(lng, lat, NANSHA));
  if (!CHINA_RECTS.some((r) => isInRect(lng, lat, r))) return true;
  return EXCLUDED_RECTS.some((r) => isInRect(lng, lat, r));
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

/** Any of the three datums to WGS-84 (what the API stores). */
export function toWgs84(lng: number, lat: number, crs: Crs): LngLat {
  return convertCoord([lng, lat], crs, 'wgs84');
}

/** WGS-84 to the datum of a map or a phone. */
export function fromWgs84(lng: number, lat: number, crs: Crs): LngLat {
  return convertCoord([lng, lat], 'wgs84', crs);
}
