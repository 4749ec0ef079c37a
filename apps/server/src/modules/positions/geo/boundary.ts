// The Jiangbei district outline shipped as test and demo data, converted to WGS-84.
import { readFileSync } from 'node:fs';
import { gcj02ToWgs84, type LngLat } from './coords';

export type DistrictOutline = {
  adcode: number;
  name: string;
  /** WGS-84 MultiPolygon coordinates. */
  geometry: { type: 'MultiPolygon'; coordinates: LngLat[][][] };
};

type RawFeature = {
  properties: { adcode: number; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
};

const JIANGBEI_FILE = new URL('../data/jiangbei-500105.json', import.meta.url);

/** Converts every vertex of a GCJ-02 (Multi)Polygon to WGS-84. */
export function convertOutlineToWgs84(geometry: RawFeature['geometry']): DistrictOutline['geometry'] {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((poly) => poly.map((ring) => ring.map(([lng, lat]) => gcj02ToWgs84(lng!, lat!)))),
  };
}

/**
 * 江北区 (adcode 500105) from DataV.GeoAtlas, which publishes GCJ-02 (AutoNavi data; the source
 * does not say so, see data/SOURCE.md): converted here to WGS-84, the datum we store and route in.
 */
export function loadJiangbeiOutline(): DistrictOutline {
  const raw = JSON.parse(readFileSync(JIANGBEI_FILE, 'utf8')) as { features: RawFeature[] };
  const feature = raw.features[0];
  if (!feature) throw new Error('jiangbei-500105.json has no feature');
  return { adcode: feature.properties.adcode, name: feature.properties.name, geometry: convertOutlineToWgs84(feature.geometry) };
}
