// A population / workplace layer as uploaded: a GeoJSON FeatureCollection (RFC 7946, so WGS-84
// lng/lat) of Point features, each with a non-negative numeric `weight` property.
import type { FieldError } from '../../platform/errors';
import type { WeightedPoint } from './geo';

export const MAX_WEIGHT_POINTS = 200_000;
const MAX_REPORTED = 20;

export type ParsedWeightLayer = {
  points: WeightedPoint[];
  totalWeight: number;
  errors: FieldError[];
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CRS84 = /(CRS84|EPSG::?4326)$/i;

/** Reads the layer; `errors` names each problem by path (at most 20), `points` is empty when any. */
export function parseWeightLayer(geojson: unknown): ParsedWeightLayer {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => ({
    points: [],
    totalWeight: 0,
    errors: [{ path, message }],
  });
  if (!isObject(geojson) || geojson.type !== 'FeatureCollection') return fail('geojson.type', 'WEIGHT_LAYER_NOT_COLLECTION');
  const crs = geojson.crs;
  // RFC 7946 dropped `crs`; older files name one. Anything but WGS-84 lng/lat would be misplaced.
  if (isObject(crs) && isObject(crs.properties) && typeof crs.properties.name === 'string' && !CRS84.test(crs.properties.name)) return fail('geojson.crs', 'WEIGHT_LAYER_CRS');
  if (!Array.isArray(geojson.features)) return fail('geojson.features', 'WEIGHT_LAYER_NOT_COLLECTION');
  const features: unknown[] = geojson.features;
  if (features.length === 0) return fail('geojson.features', 'WEIGHT_LAYER_EMPTY');
  if (features.length > MAX_WEIGHT_POINTS) return fail('geojson.features', 'WEIGHT_LAYER_TOO_MANY');
  const points: WeightedPoint[] = [];
  let totalWeight = 0;
  features.forEach((f, i) => {
    if (errors.length >= MAX_REPORTED) return;
    const at = `geojson.features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature')
      return void errors.push({
        path: at,
        message: 'WEIGHT_LAYER_NOT_FEATURE',
      });
    const geometry = f.geometry;
    if (!isObject(geometry) || geometry.type !== 'Point')
      return void errors.push({
        path: `${at}.geometry`,
        message: 'WEIGHT_LAYER_NOT_POINT',
      });
    const c = geometry.coordinates;
    if (
      !Array.isArray(c) ||
      c.length < 2 ||
      typeof c[0] !== 'number' ||
      typeof c[1] !== 'number' ||
      !Number.isFinite(c[0]) ||
      !Number.isFinite(c[1]) ||
      Math.abs(c[0]) > 180 ||
      Math.abs(c[1]) > 90
    ) {
      return void errors.push({
        path: `${at}.geometry.coordinates`,
        message: 'WEIGHT_LAYER_COORDINATES',
      });
    }
    const weight = isObject(f.properties) ? f.properties.weight : undefined;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      return void errors.push({
        path: `${at}.properties.weight`,
        message: 'WEIGHT_LAYER_WEIGHT',
      });
    points.push({ lng: c[0], lat: c[1], weight });
    totalWeight += weight;
  });
  if (errors.length === 0 && totalWeight === 0) errors.push({ path: 'geojson.features', message: 'WEIGHT_LAYER_ZERO' });
  return errors.length ? { points: [], totalWeight: 0, errors } : { points, totalWeight, errors };
}
