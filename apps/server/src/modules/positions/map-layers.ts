import type { MapLayers } from '@niangjia/contracts';
import type { MapTilesConfig } from '../../config';
import { loadJiangbeiOutline } from './geo/boundary';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The map layers answer, built once (the outline file is read on first use and kept). */
export function mapLayersOf(tiles: MapTilesConfig): () => MapLayers {
  let cached: MapLayers | undefined;
  return () => {
    if (cached) return cached;
    const outline = loadJiangbeiOutline();
    cached = {
      outline: {
        type: 'Feature',
        properties: { adcode: outline.adcode, name: outline.name },
        geometry: {
          type: 'MultiPolygon',
          coordinates: outline.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(([lng, lat]) => [round6(lng), round6(lat)] as [number, number]))),
        },
      },
      tiles: { url: tiles.tileUrl || null, crs: tiles.tileCrs },
    };
    return cached;
  };
}
