import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, fromWgs84, gcj02ToBd09, gcj02ToWgs84, toWgs84, wgs84ToBd09, wgs84ToGcj02 } from './coords';

const metres = (a: readonly number[], b: readonly number[]) => Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

describe('web coordinate transforms', () => {
  it('shifts a Jiangbei point as the server does, and inverts it', () => {
    const [lng, lat] = wgs84ToGcj02(106.53, 29.58);
    expect(lng).toBeCloseTo(106.53376560147252, 10);
    expect(lat).toBeCloseTo(29.577207493105707, 10);
    const [bLng, bLat] = gcj02ToWgs84(lng, lat);
    expect(bLng).toBeCloseTo(106.53, 8);
    expect(bLat).toBeCloseTo(29.58, 8);
  });
  it('leaves points outside mainland China alone (Hong Kong, Taipei, Paris)', () => {
    expect(wgs84ToGcj02(114.17, 22.3)).toEqual([114.17, 22.3]);
    expect(wgs84ToGcj02(121.5, 25.03)).toEqual([121.5, 25.03]);
    expect(gcj02ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
  it('matches the published BD-09 pairs (Tiananmen; gcoord city fixtures) and inverts exactly', () => {
    const bd = gcj02ToBd09(116.404, 39.915);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 12);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 12);
    expect(metres(bd09ToGcj02(116.404, 39.915), [116.39762729119315, 39.90865673957631])).toBeLessThan(0.2);
    // 郑州 and 沈阳 from gcoord's fixtures (a map service, ~0.7 m from the formula): within 1 m.
    expect(metres(wgs84ToBd09(113.6192856, 34.7478004), [113.6317519, 34.7528605])).toBeLessThan(1);
    expect(metres(bd09ToWgs84(123.438095, 41.8114013), [123.4253306, 41.8032629])).toBeLessThan(1);
    const jb: [number, number] = [106.5316, 29.5757];
    expect(metres(toWgs84(...fromWgs84(...jb, 'bd09'), 'bd09'), jb)).toBeLessThan(0.001);
    expect(metres(toWgs84(...fromWgs84(...jb, 'gcj02'), 'gcj02'), jb)).toBeLessThan(0.001);
    expect(toWgs84(...jb, 'wgs84')).toEqual(jb);
  });
  it('does not shift BD-09 outside mainland China', () => {
    expect(bd09ToWgs84(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(wgs84ToBd09(114.17, 22.3)).toEqual([114.17, 22.3]);
  });
});
