import { describe, expect, it } from 'vitest';
import { clusterByPixels, listNearestTo, measureDistanceToNearestSegment, measureMetres, type Segment } from './geometry';

describe('measureDistanceToNearestSegment', () => {
  // An east-west street through 观音桥 and a north-south one 0.01° (about 970 m) east of its start.
  const street: Segment = [106.52, 29.58, 106.53, 29.58];
  const cross: Segment = [106.54, 29.57, 106.54, 29.59];

  it('measures to the foot of the perpendicular, not to the nearest end', () => {
    // 0.001° of latitude north of the middle of the street: about 111 m.
    const d = measureDistanceToNearestSegment({ lng: 106.525, lat: 29.581 }, [street, cross])!;
    expect(d).toBeGreaterThan(110);
    expect(d).toBeLessThan(112);
  });

  it('measures to the end beyond a segment and takes the nearest of several', () => {
    const west = measureDistanceToNearestSegment({ lng: 106.519, lat: 29.58 }, [street])!;
    expect(west).toBeCloseTo(measureMetres({ lng: 106.519, lat: 29.58 }, { lng: 106.52, lat: 29.58 }), 0);
    const nearCross = measureDistanceToNearestSegment({ lng: 106.5395, lat: 29.575 }, [street, cross])!;
    expect(nearCross).toBeLessThan(50);
  });

  it('is null without a network and 0 on the street', () => {
    expect(measureDistanceToNearestSegment({ lng: 106.5, lat: 29.5 }, [])).toBeNull();
    expect(measureDistanceToNearestSegment({ lng: 106.525, lat: 29.58 }, [street])).toBeCloseTo(0, 3);
  });
});

describe('clusterByPixels', () => {
  it('joins points that would overlap and keeps distant ones apart', () => {
    const clusters = clusterByPixels(
      [
        { item: 'a', x: 10, y: 10 },
        { item: 'b', x: 20, y: 12 },
        // Across a cell border from b, still within one cell width: joined.
        { item: 'c', x: 46, y: 14 },
        { item: 'd', x: 300, y: 300 },
      ],
      44,
    );
    expect(clusters.map((c) => c.items.sort().join(''))).toEqual(['abc', 'd']);
    expect(clusters[0]!.x).toBeCloseTo(25.33, 1);
  });

  it('leaves every point alone when they are spread out', () => {
    const points = Array.from({ length: 5 }, (_, i) => ({ item: i, x: i * 100, y: 0 }));
    expect(clusterByPixels(points).map((c) => c.items.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('listNearestTo', () => {
  it('orders by distance from the place and keeps the first n', () => {
    const at = { lng: 106.53, lat: 29.58 };
    const items = [
      { id: 'far', location: { lng: 106.6, lat: 29.6 } },
      { id: 'near', location: { lng: 106.531, lat: 29.58 } },
      { id: 'mid', location: { lng: 106.54, lat: 29.58 } },
    ];
    expect(listNearestTo(items, at, 2).map((r) => r.item.id)).toEqual(['near', 'mid']);
  });
});
