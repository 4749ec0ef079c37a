import { describe, expect, it } from 'vitest';
import { loadJiangbeiOutline } from './boundary';
import { isInRing, type LngLat } from './coords';
import { boundsOfPolygons, pickBoundaryOrg, splitOutlineByCentres } from './scope-area';

const org = (type: string, name = type) => ({ type, name });

describe('pickBoundaryOrg', () => {
  it('gives a street admin their street and a community its street', () => {
    const chain = [org('federation'), org('district', '江北区'), org('street', '观音桥')];
    expect(pickBoundaryOrg(chain)).toEqual({ kind: 'street', org: chain[2] });
    expect(pickBoundaryOrg([...chain, org('community', '桃源'), org('grassroots')])).toEqual({ kind: 'street', org: chain[2] });
  });

  it('gives a district, park, industry union or the platform the district', () => {
    const district = org('district', '江北区');
    expect(pickBoundaryOrg([org('federation'), district])).toEqual({ kind: 'district', org: district });
    expect(pickBoundaryOrg([org('federation'), district, org('park')])).toEqual({ kind: 'district', org: district });
    expect(pickBoundaryOrg([org('federation'), district, org('industry'), org('grassroots')])).toEqual({ kind: 'district', org: district });
    expect(pickBoundaryOrg([])).toEqual({ kind: 'district', org: undefined });
  });
});

describe('splitOutlineByCentres', () => {
  const square: LngLat[][][] = [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]];

  it('cuts a square between two centres along their bisector', () => {
    const cells = splitOutlineByCentres(square, [
      { key: 'w', lng: 0.5, lat: 1 },
      { key: 'e', lng: 1.5, lat: 1 },
    ]);
    const [w0, , e0] = boundsOfPolygons(cells.get('w')!);
    const [w1, , e1] = boundsOfPolygons(cells.get('e')!);
    expect(w0).toBeCloseTo(0);
    expect(e0).toBeCloseTo(1, 3);
    expect(w1).toBeCloseTo(1, 3);
    expect(e1).toBeCloseTo(2);
  });

  it('splits Jiangbei so each street centre lies in its own cell and nowhere else', () => {
    const outline = loadJiangbeiOutline().geometry.coordinates;
    const centres = [
      { key: '观音桥', lng: 106.527, lat: 29.581 },
      { key: '五里店', lng: 106.564, lat: 29.592 },
      { key: '鱼嘴', lng: 106.768, lat: 29.638 },
    ];
    const cells = splitOutlineByCentres(outline, centres);
    expect(cells.size).toBe(3);
    for (const c of centres) {
      for (const [key, polys] of cells) {
        const inside = polys.some((poly) => isInRing(c.lng, c.lat, poly[0]!));
        expect(inside, `${c.key} in ${key}`).toBe(key === c.key);
      }
    }
    // The street's cell is far smaller than the district.
    const [w, , e] = boundsOfPolygons(cells.get('观音桥')!);
    const [dw, , de] = boundsOfPolygons(outline);
    expect(e - w).toBeLessThan((de - dw) / 3);
  });

  it('answers nothing without centres', () => {
    expect(splitOutlineByCentres(square, []).size).toBe(0);
  });
});
