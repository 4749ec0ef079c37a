// One run of the 15-minute service circle over a graph: what a coverage job computes and stores.
import { findCandidateSites, type CandidateSite } from './candidates';
import type { LngLat } from './coords';
import {
  computeEdgeCoverage,
  listUncoveredStreets,
  measureCoveredLength,
  measurePointCoverage,
  type PointCoverage,
  type ProgressFn,
  type WeightedPoint,
} from './coverage';
import { snapToGraph, type SnappedPoint, type WalkGraph } from './graph';
import { buildIsochrone, listReachedSegments, type MultiPolygon } from './isochrone';
import { minutesToMetres } from './routing';

export type CoverageRunInput = {
  /** Open positions, WGS-84. */
  positions: readonly LngLat[];
  minutes?: number;
  kmPerHour?: number;
  /** Population or workplaces; share of weight within reach. */
  points?: readonly WeightedPoint[];
  /** How many candidate sites to propose (0 for none). */
  candidateCount?: number;
  candidateNodes?: ArrayLike<number>;
  /** 'union': one MultiPolygon of everything reached; 'per-source': one per position. */
  isochrones?: 'union' | 'per-source' | 'none';
  /** A position farther than this from any walkable street is left out (and listed). */
  maxSnapMetres?: number;
  includeAccessLeg?: boolean;
  cellMetres?: number;
  bufferMetres?: number;
  onProgress?: ProgressFn;
};

export type IsochroneFeature = { type: 'Feature'; properties: { source: number | null }; geometry: MultiPolygon };

export type CoverageRunResult = {
  cutoffMetres: number;
  /** Snapped place of each position, null when it is beyond maxSnapMetres of the network. */
  snapped: (SnappedPoint | null)[];
  totalLengthMetres: number;
  coveredLengthMetres: number;
  lengthShare: number;
  points: PointCoverage | null;
  isochrones: { type: 'FeatureCollection'; features: IsochroneFeature[] };
  uncovered: { type: 'MultiLineString'; coordinates: LngLat[][] };
  candidates: CandidateSite[];
  timingsMs: Record<string, number>;
};

export function runCoverageAnalysis(g: WalkGraph, input: CoverageRunInput): CoverageRunResult {
  const progress = input.onProgress ?? (() => undefined);
  const timingsMs: Record<string, number> = {};
  const timed = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    timingsMs[name] = Math.round((performance.now() - t0) * 10) / 10;
    return r;
  };
  const cutoff = minutesToMetres(input.minutes ?? 15, input.kmPerHour ?? 4.5);
  const options = { includeAccessLeg: input.includeAccessLeg ?? true };
  const snapped = timed('snap', () => input.positions.map(([lng, lat]) => snapToGraph(g, lng, lat, input.maxSnapMetres ?? 500)));
  const sources = snapped.filter((s): s is SnappedPoint => s !== null);
  progress(0.05);
  const { coverage } = timed('reach', () => computeEdgeCoverage(g, sources, cutoff, options));
  const covered = measureCoveredLength(g, coverage);
  progress(0.1);
  const points = input.points
    ? timed('points', () => measurePointCoverage(g, sources, cutoff, input.points!, { ...options, maxSnapMetres: input.maxSnapMetres ?? 500 }))
    : null;
  const isoOptions = { cellMetres: input.cellMetres, bufferMetres: input.bufferMetres };
  const features = timed('isochrones', (): IsochroneFeature[] => {
    switch (input.isochrones ?? 'union') {
      case 'none':
        return [];
      case 'union':
        return [{ type: 'Feature', properties: { source: null }, geometry: buildIsochrone(listReachedSegments(g, coverage), isoOptions) }];
      case 'per-source':
        return snapped.flatMap((s, i): IsochroneFeature[] => {
          if (!s) return [];
          const own = computeEdgeCoverage(g, [s], cutoff, options).coverage;
          return [{ type: 'Feature', properties: { source: i }, geometry: buildIsochrone(listReachedSegments(g, own), isoOptions) }];
        });
    }
  });
  progress(0.2);
  const uncovered = timed('uncovered', () => listUncoveredStreets(g, coverage));
  progress(0.25);
  const count = input.candidateCount ?? 10;
  const candidates =
    count > 0
      ? timed('candidates', () =>
          findCandidateSites(g, coverage, cutoff, count, {
            candidateNodes: input.candidateNodes,
            onProgress: (f) => progress(0.25 + 0.75 * f),
          }),
        )
      : [];
  progress(1);
  return {
    cutoffMetres: cutoff,
    snapped,
    totalLengthMetres: g.totalLength,
    coveredLengthMetres: covered,
    lengthShare: g.totalLength > 0 ? covered / g.totalLength : 0,
    points,
    isochrones: { type: 'FeatureCollection', features },
    uncovered,
    candidates,
    timingsMs,
  };
}
