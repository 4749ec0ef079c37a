// WGS-84 ⇄ GCJ-02 for drawing on Chinese tiles: the standard forward formula (Krasovsky 1940) and
// an iterative inverse; the same outside-mainland rule as the server's geo/coords.ts (rectangles,
// exclusions, Hong Kong and Macao outlines).
export type LngLat = [lng: number, lat: number];
type Rect = readonly [number, number, number, number];
const A = 6378245.0;
const EE = 0.00669342162296594323;
const IN: Rect[] = [[79.4462, 42.8899, 96.33, 49.2204], [109.6872, 39.3742, 135.0002, 54.1415], [73.1246, 29.5297, 124.143255, 42.8899], [82.9684, 26.7186, 97.0352, 29.5297], [97.0253, 20.414096, 124.367395, 29.5297], [107.975793, 17.871542, 111.744104, 20.414096]];
const OUT: Rect[] = [[119.921265, 21.785006, 122.497559, 25.398623], [101.8652, 20.0988, 106.665, 22.284], [106.4525, 20.4878, 108.051, 21.5422], [109.0323, 50.3257, 119.127, 55.8175], [127.4568, 49.5574, 137.0227, 55.8175], [131.2662, 42.5692, 137.0227, 44.8922]];
const HK: LngLat[] = [[113.82, 22.13], [114.5, 22.13], [114.5, 22.56], [114.23, 22.56], [114.16, 22.545], [114.09, 22.535], [114.03, 22.512], [113.97, 22.5], [113.9, 22.425], [113.83, 22.3]];
const MO: LngLat[] = [[113.528, 22.205], [113.548, 22.218], [113.562, 22.19], [113.6, 22.16], [113.6, 22.105], [113.553, 22.1], [113.545, 22.14], [113.535, 22.17]];
const inRect = (x: number, y: number, r: Rect) => x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3];
function inRing(x: number, y: number, ring: LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[i]!, [bx, by] = ring[j]!;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}
export function isOutsideMainlandChina(lng: number, lat: number): boolean {
  if (lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271) return true;
  if (!IN.some((r) => inRect(lng, lat, r)) || OUT.some((r) => inRect(lng, lat, r))) return true;
  return inRing(lng, lat, HK) || inRing(lng, lat, MO);
}
const s = (k: number, v: number) => Math.sin(k * v * Math.PI);
function offset(lng: number, lat: number): LngLat {
  const x = lng - 105, y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + ((20 * s(6, x) + 20 * s(2, x)) * 2) / 3 + ((20 * s(1, y) + 40 * s(1 / 3, y)) * 2) / 3 + ((160 * s(1 / 12, y) + 320 * s(1 / 30, y)) * 2) / 3;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + ((20 * s(6, x) + 20 * s(2, x)) * 2) / 3 + ((20 * s(1, x) + 40 * s(1 / 3, x)) * 2) / 3 + ((150 * s(1 / 12, x) + 300 * s(1 / 30, x)) * 2) / 3;
  const rad = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(rad) ** 2;
  const sq = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI);
  dLng = (dLng * 180) / ((A / sq) * Math.cos(rad) * Math.PI);
  return [dLng, dLat];
}
export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  const [dLng, dLat] = offset(lng, lat);
  return [lng + dLng, lat + dLat];
}
/** Fixed-point iteration until the forward map reproduces the input to < 1e-9°. */
export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  let w: LngLat = [lng, lat];
  for (let i = 0; i < 10; i++) {
    const [gLng, gLat] = wgs84ToGcj02(w[0], w[1]);
    const eLng = gLng - lng, eLat = gLat - lat;
    w = [w[0] - eLng, w[1] - eLat];
    if (Math.abs(eLng) < 1e-9 && Math.abs(eLat) < 1e-9) break;
  }
  return w;
}

// BD-09 (Baidu): the published rotation and scaling around GCJ-02 (x_pi = π·3000/180), with the
// approximate published inverse polished by fixed-point iteration, as the server's geo/coords.ts.
export type Crs = 'wgs84' | 'gcj02' | 'bd09';
const X_PI = (Math.PI * 3000) / 180;
function bdForward(lng: number, lat: number): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}
export function gcj02ToBd09(lng: number, lat: number): LngLat {
  return isOutsideMainlandChina(lng, lat) ? [lng, lat] : bdForward(lng, lat);
}
export function bd09ToGcj02(lng: number, lat: number): LngLat {
  if (isOutsideMainlandChina(lng, lat)) return [lng, lat];
  const x = lng - 0.0065, y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  let g: LngLat = [z * Math.cos(theta), z * Math.sin(theta)];
  for (let i = 0; i < 10; i++) {
    const [fLng, fLat] = bdForward(g[0], g[1]);
    g = [g[0] - (fLng - lng), g[1] - (fLat - lat)];
    if (Math.abs(fLng - lng) < 1e-9 && Math.abs(fLat - lat) < 1e-9) break;
  }
  return g;
}
export const wgs84ToBd09 = (lng: number, lat: number): LngLat => gcj02ToBd09(...wgs84ToGcj02(lng, lat));
export const bd09ToWgs84 = (lng: number, lat: number): LngLat => gcj02ToWgs84(...bd09ToGcj02(lng, lat));
/** Any of the three datums to WGS-84 (what the API stores). */
export function toWgs84(lng: number, lat: number, crs: Crs): LngLat {
  return crs === 'wgs84' ? [lng, lat] : crs === 'gcj02' ? gcj02ToWgs84(lng, lat) : bd09ToWgs84(lng, lat);
}
export function fromWgs84(lng: number, lat: number, crs: Crs): LngLat {
  return crs === 'wgs84' ? [lng, lat] : crs === 'gcj02' ? wgs84ToGcj02(lng, lat) : wgs84ToBd09(lng, lat);
}
