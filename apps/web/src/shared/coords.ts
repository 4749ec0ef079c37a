// WGS-84 ⇄ GCJ-02 ⇄ BD-09 for drawing on Chinese tiles and reading a phone's location: the one copy
// the server uses too (packages/contracts/src/coords.ts, zod-free).
export { bd09ToGcj02, bd09ToWgs84, fromWgs84, gcj02ToBd09, gcj02ToWgs84, isOutsideMainlandChina, toWgs84, wgs84ToBd09, wgs84ToGcj02, type Crs, type LngLat } from '@niangjia/contracts/coords';
