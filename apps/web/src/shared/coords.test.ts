import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from './coords';

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
});
