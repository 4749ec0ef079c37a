import { describe, expect, it } from 'vitest';
import { computeCoverage } from './coverage.compute';
import { parseWeightLayer } from './coverage.geojson';
import { buildSyntheticGrid } from './coverage.synthetic';
import { isInRing, loadJiangbeiOutline, type LngLat } from './geo';
import { DEFAULT_STANDARD, listMissing, pickStandard } from './standards.rules';

const pt = (c: unknown, weight: unknown) => ({
  type: 'Feature',
  properties: { weight },
  geometry: { type: 'Point', coordinates: c },
});

describe('parseWeightLayer', () => {
  it('reads points and their total weight', () => {
    const r = parseWeightLayer({
      type: 'FeatureCollection',
      features: [pt([106.5, 29.6], 3), pt([106.6, 29.7, 200], 0.5)],
    });
    expect(r.errors).toEqual([]);
    expect(r.points).toEqual([
      { lng: 106.5, lat: 29.6, weight: 3 },
      { lng: 106.6, lat: 29.7, weight: 0.5 },
    ]);
    expect(r.totalWeight).toBe(3.5);
  });

  it('names every bad feature by its path and keeps no points', () => {
    const r = parseWeightLayer({
      type: 'FeatureCollection',
      features: [
        pt([106.5, 29.6], 1),
        pt([106.5], 1),
        pt([106.5, 29.6], -1),
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [] } },
        'x',
        pt([106.5, 29.6], Number.NaN),
      ],
    });
    expect(r.points).toEqual([]);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['geojson.features[1].geometry.coordinates', 'WEIGHT_LAYER_COORDINATES'],
      ['geojson.features[2].properties.weight', 'WEIGHT_LAYER_WEIGHT'],
      ['geojson.features[3].geometry', 'WEIGHT_LAYER_NOT_POINT'],
      ['geojson.features[4]', 'WEIGHT_LAYER_NOT_FEATURE'],
      ['geojson.features[5].properties.weight', 'WEIGHT_LAYER_WEIGHT'],
    ]);
  });

  it('refuses what is not a point collection in WGS-84, an empty one and an all-zero one', () => {
    expect(parseWeightLayer([]).errors[0]?.message).toBe('WEIGHT_LAYER_NOT_COLLECTION');
    expect(parseWeightLayer({ type: 'FeatureCollection', features: [] }).errors[0]?.message).toBe('WEIGHT_LAYER_EMPTY');
    expect(
      parseWeightLayer({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:3857' } },
        features: [pt([1, 1], 1)],
      }).errors[0]?.path,
    ).toBe('geojson.crs');
    expect(
      parseWeightLayer({
        type: 'FeatureCollection',
        crs: {
          type: 'name',
          properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' },
        },
        features: [pt([1, 1], 1)],
      }).errors,
    ).toEqual([]);
    expect(parseWeightLayer({ type: 'FeatureCollection', features: [pt([1, 1], 0)] }).errors[0]?.message).toBe('WEIGHT_LAYER_ZERO');
  });
});

describe('synthetic Jiangbei grid', () => {
  const outline = loadJiangbeiOutline().geometry.coordinates;
  const g = buildSyntheticGrid(outline, { stepMetres: 400 });
  it('puts every street node inside the district, deterministically', () => {
    for (let i = 0; i < g.nodeCount; i++) expect(outline.some((poly) => isInRing(g.lng[i]!, g.lat[i]!, poly[0] as LngLat[]))).toBe(true);
    expect(g.edgeCount).toBeGreaterThan(1000);
    const again = buildSyntheticGrid(outline, { stepMetres: 400 });
    expect(again.totalLength).toBe(g.totalLength);
    // About 400 m links (jitter at most 15 % of a block each way at each end).
    expect(g.totalLength / g.edgeCount).toBeGreaterThan(300);
    expect(g.totalLength / g.edgeCount).toBeLessThan(500);
  });

  it('a run covers more with more minutes, and its candidates add what they claim', async () => {
    const positions = [
      { lng: g.lng[0]!, lat: g.lat[0]! },
      {
        lng: g.lng[Math.floor(g.nodeCount / 2)]!,
        lat: g.lat[Math.floor(g.nodeCount / 2)]!,
      },
    ];
    const phases: string[] = [];
    const short = await computeCoverage(g, { positions, minutes: 10, speedKmh: 4.5, candidateCount: 2 }, (_f, phase) => void phases.push(phase));
    const long = await computeCoverage(g, {
      positions,
      minutes: 20,
      speedKmh: 4.5,
      candidateCount: 0,
    });
    expect(phases).toEqual(['snap', 'snap', 'reach', 'weights', 'isochrones', 'uncovered', 'candidates', 'done']);
    expect(long.coveredLengthM).toBeGreaterThan(short.coveredLengthM);
    const withPicks = await computeCoverage(g, {
      positions: [...positions, ...short.candidates],
      minutes: 10,
      speedKmh: 4.5,
      candidateCount: 0,
    });
    const gains = short.candidates.reduce((s, c) => s + c.gainMetres, 0);
    // Candidates sit on nodes (no access leg); gains are rounded to metres in storage.
    expect(withPicks.coveredLengthM).toBeCloseTo(short.coveredLengthM + gains, -1);
    expect(short.weightShare).toBeNull();
  });
});

describe('facility standard rules', () => {
  const byOrg = new Map([
    [
      'cq',
      {
        orgId: 'cq',
        name: '市标准',
        items: [{ key: 'kettle' as const, label: null }],
      },
    ],
    [
      'jb',
      {
        orgId: 'jb',
        name: '区标准',
        items: [
          { key: 'fan' as const, label: null },
          { key: 'wifi' as const, label: null },
        ],
      },
    ],
  ]);
  it('takes the nearest ancestor with a standard, else none', () => {
    expect(pickStandard('/cq/jb/gyq/', byOrg)?.name).toBe('区标准');
    expect(pickStandard('/cq/yb/', byOrg)?.name).toBe('市标准');
    expect(pickStandard('/other/', byOrg)).toBeNull();
  });
  it("lists what a position lacks in the standard's order", () => {
    expect(listMissing(DEFAULT_STANDARD.items, ['fan', 'kettle', 'wifi'])).toEqual(['table_chairs', 'microwave', 'rice_cooker', 'phone_charger', 'first_aid_kit']);
    expect(listMissing(byOrg.get('jb')!.items, ['wifi', 'fan'])).toEqual([]);
  });
});
