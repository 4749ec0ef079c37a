import { beforeAll, describe, expect, it } from 'vitest';
import { runCoverageAnalysis } from './analysis';
import { findCandidateSites, listJunctionNodes, measureNodeGain } from './candidates';
import { haversineMetres, type LngLat } from './coords';
import { complementIntervals, computeEdgeCoverage, listUncoveredStreets, measureCoveredLength, measurePointCoverage, measureUnion } from './coverage';
import { buildWalkGraph, snapToGraph, type SnappedPoint, type WalkGraph } from './graph';
import { loadMonaco, makeNetwork, makeRandom } from './testing';

let graph: WalkGraph;
beforeAll(async () => {
  ({ graph } = await loadMonaco());
});

// Real places in Monaco (WGS-84).
const CASINO: LngLat = [7.4286, 43.7394];
const PALACE: LngLat = [7.42, 43.7314];
const PORT: LngLat = [7.4236, 43.7347];
const STADIUM: LngLat = [7.4156, 43.7275];
const MONEGHETTI: LngLat = [7.415, 43.7345];

const snapAll = (pts: LngLat[]) => pts.map((p) => snapToGraph(graph, ...p)!);
const coveredShare = (sources: SnappedPoint[], cutoff = 1125) =>
  measureCoveredLength(graph, computeEdgeCoverage(graph, sources, cutoff).coverage) / graph.totalLength;

describe('intervals', () => {
  it('measures unions and complements', () => {
    expect(measureUnion(10, [[2, 4], [3, 6], [8, 12], [-5, 1]])).toBe(1 + 4 + 2);
    expect(complementIntervals(10, [[2, 4], [3, 6], [8, 12]])).toEqual([[0, 2], [6, 8]]);
    expect(complementIntervals(10, [])).toEqual([[0, 10]]);
    expect(complementIntervals(10, [[0, 10]])).toEqual([]);
  });
});

describe('coverage of a street, exactly along its edges', () => {
  // One straight street of three edges, ~800 m each.
  const g = buildWalkGraph(makeNetwork([[7.4, 43.73], [7.41, 43.73], [7.42, 43.73], [7.43, 43.73]], [[0, 1, 2, 3]]));
  const len = g.edgeLength[1]!;

  it('a source mid-edge covers the cutoff on both sides, partly into the next edges', () => {
    const mid = snapToGraph(g, 7.415, 43.73)!;
    const cov = computeEdgeCoverage(g, [mid], 600, { includeAccessLeg: false }).coverage;
    expect(measureCoveredLength(g, cov)).toBeCloseTo(1200, 6);
    // 600 − len/2 spills over each end of the middle edge.
    expect(cov.suffix[0]).toBeCloseTo(600 - len / 2, 6);
    expect(cov.prefix[2]).toBeCloseTo(600 - len / 2, 6);
  });

  it('two sources on one edge do not count their overlap twice', () => {
    const a = snapToGraph(g, 7.414, 43.73)!;
    const b = snapToGraph(g, 7.416, 43.73)!;
    const gap = haversineMetres(7.414, 43.73, 7.416, 43.73);
    const cov = computeEdgeCoverage(g, [a, b], 300, { includeAccessLeg: false }).coverage;
    expect(measureCoveredLength(g, cov)).toBeCloseTo(600 + gap, 3);
    const uncovered = listUncoveredStreets(g, cov).coordinates;
    const uncoveredLength = uncovered.reduce((s, line) => s + haversineMetres(...line[0]!, ...line[line.length - 1]!), 0);
    expect(uncoveredLength + 600 + gap).toBeCloseTo(g.totalLength, 3);
    expect(uncovered).toHaveLength(2); // one piece each side, merged across the nodes
  });

  it('the walk from the door to the street counts against the cutoff', () => {
    const off = snapToGraph(g, 7.415, 43.7309)!; // ~100 m north of the street
    expect(off.distance).toBeCloseTo(100, 0);
    const withLeg = measureCoveredLength(g, computeEdgeCoverage(g, [off], 600).coverage);
    expect(withLeg).toBeCloseTo(2 * (600 - off.distance), 6);
  });
});

describe('coverage of Monaco', () => {
  it('a few real positions cover a plausible share, growing with every added one', () => {
    const sources = snapAll([CASINO, PALACE, PORT, STADIUM, MONEGHETTI]);
    for (const s of sources) expect(s.distance).toBeLessThan(80); // landmarks, not street points
    let previous = 0;
    for (let k = 1; k <= sources.length; k++) {
      const share = coveredShare(sources.slice(0, k));
      expect(share).toBeGreaterThan(previous);
      previous = share;
    }
    expect(coveredShare(sources.slice(0, 1))).toBeGreaterThan(0.1);
    // Monaco is ~3 km long: five stations do not quite cover it in 15 minutes; a 5-minute circle less.
    expect(previous).toBeGreaterThan(0.6);
    expect(previous).toBeLessThan(1);
    expect(coveredShare(sources, 375)).toBeLessThan(previous);
  });

  it('covered plus uncovered is the whole network', () => {
    const cov = computeEdgeCoverage(graph, snapAll([CASINO, STADIUM]), 1125).coverage;
    const covered = measureCoveredLength(graph, cov);
    const uncovered = listUncoveredStreets(graph, cov).coordinates;
    let uncoveredLength = 0;
    for (const line of uncovered) for (let i = 0; i + 1 < line.length; i++) uncoveredLength += haversineMetres(...line[i]!, ...line[i + 1]!);
    expect((covered + uncoveredLength) / graph.totalLength).toBeCloseTo(1, 6);
  });

  it('weighted points: share of weight within reach', () => {
    const rand = makeRandom(3);
    const points = Array.from({ length: 400 }, () => ({ lng: 7.41 + rand() * 0.03, lat: 43.725 + rand() * 0.025, weight: 1 + Math.floor(rand() * 10) }));
    const one = measurePointCoverage(graph, snapAll([CASINO]), 1125, points);
    const three = measurePointCoverage(graph, snapAll([CASINO, PALACE, STADIUM]), 1125, points);
    expect(one.totalWeight).toBe(points.reduce((s, p) => s + p.weight, 0));
    expect(one.share).toBeGreaterThan(0.05);
    expect(three.coveredWeight).toBeGreaterThan(one.coveredWeight);
    expect(three.share).toBeLessThanOrEqual(1);
    // A point at a source is covered; one 2 km away in the sea is not snapped.
    const here = measurePointCoverage(graph, snapAll([CASINO]), 1125, [{ lng: CASINO[0], lat: CASINO[1], weight: 5 }, { lng: 7.45, lat: 43.72, weight: 2 }]);
    expect(here).toMatchObject({ coveredWeight: 5, unsnappedWeight: 2 });
  });
});

describe('candidate sites (greedy maximum coverage)', () => {
  it('the first pick gains at least as much as any random candidate, and gains never grow', () => {
    const existing = computeEdgeCoverage(graph, snapAll([CASINO]), 1125).coverage;
    const picks = findCandidateSites(graph, existing, 1125, 5);
    expect(picks).toHaveLength(5);
    const rand = makeRandom(17);
    for (let i = 0; i < 50; i++) {
      const node = Math.floor(rand() * graph.nodeCount);
      expect(picks[0]!.gainMetres).toBeGreaterThanOrEqual(measureNodeGain(graph, existing, node, 1125) - 1e-6);
    }
    for (let i = 1; i < picks.length; i++) expect(picks[i]!.gainMetres).toBeLessThanOrEqual(picks[i - 1]!.gainMetres + 1e-6);
  });

  it('the gains add up: coverage with the picks is coverage before plus their gains', () => {
    const sources = snapAll([PALACE]);
    const existing = computeEdgeCoverage(graph, sources, 1125).coverage;
    const before = measureCoveredLength(graph, existing);
    const picks = findCandidateSites(graph, existing, 1125, 3, { candidateNodes: listJunctionNodes(graph) });
    const withPicks = [...sources, ...picks.map((p) => snapToGraph(graph, p.lng, p.lat)!)];
    const after = measureCoveredLength(graph, computeEdgeCoverage(graph, withPicks, 1125).coverage);
    expect(after).toBeCloseTo(before + picks.reduce((s, p) => s + p.gainMetres, 0), 3);
  });
});

describe('a whole coverage run', () => {
  it('reports progress from 0 to 1 and returns every layer', () => {
    const progress: number[] = [];
    const result = runCoverageAnalysis(graph, {
      positions: [CASINO, PALACE, [7.6, 43.9]],
      candidateCount: 3,
      candidateNodes: listJunctionNodes(graph),
      points: [{ lng: PORT[0], lat: PORT[1], weight: 10 }],
      onProgress: (f) => progress.push(f),
    });
    expect(result.cutoffMetres).toBe(1125);
    expect(result.snapped[2]).toBeNull(); // 25 km away: left out
    expect(result.lengthShare).toBeCloseTo(coveredShare(snapAll([CASINO, PALACE])), 9);
    expect(result.points!.share).toBe(1);
    expect(result.candidates).toHaveLength(3);
    expect(result.isochrones.features).toHaveLength(1);
    expect(result.isochrones.features[0]!.geometry.coordinates.length).toBeGreaterThan(0);
    expect(result.uncovered.coordinates.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    const perSource = runCoverageAnalysis(graph, { positions: [CASINO, PALACE], candidateCount: 0, isochrones: 'per-source' });
    expect(perSource.isochrones.features.map((f) => f.properties.source)).toEqual([0, 1]);
  });
});
