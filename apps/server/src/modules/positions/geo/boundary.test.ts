import { describe, expect, it } from 'vitest';
import { convertOutlineToWgs84, loadJiangbeiOutline } from './boundary';
import { haversineMetres, isInRing } from './coords';

describe('Jiangbei outline', () => {
  it('loads 江北区 and moves it from GCJ-02 to WGS-84 by a few hundred metres', () => {
    const outline = loadJiangbeiOutline();
    expect(outline).toMatchObject({ adcode: 500105, name: '江北区' });
    const ring = outline.geometry.coordinates[0]![0]!;
    expect(ring.length).toBeGreaterThan(800);
    const raw = convertOutlineToWgs84({ type: 'Polygon', coordinates: [[[106.4619, 29.608258]]] }).coordinates[0]![0]![0]!;
    expect(ring[0]).toEqual(raw);
    const shift = haversineMetres(106.4619, 29.608258, raw[0], raw[1]);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
    // Guanyinqiao (观音桥), in the heart of the district, is inside; Jiefangbei across the river is not.
    expect(isInRing(106.5315, 29.5785, ring)).toBe(true);
    expect(isInRing(106.5775, 29.5575, ring)).toBe(false);
  });
});
