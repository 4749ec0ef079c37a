// One coverage run over a stored graph, phase by phase, for the job and the demo seed. The geo core
// does the work (geo/README.md); this file orders it, reports each phase, and shapes what is stored.
import {
  buildIsochrone,
  computeEdgeCoverage,
  findCandidateSites,
  listJunctionNodes,
  listReachedSegments,
  listUncoveredStreets,
  measureCoveredLength,
  measurePointCoverage,
  minutesToMetres,
  snapToGraph,
  type LngLat,
  type MultiPolygon,
  type SnappedPoint,
  type WalkGraph,
  type WeightedPoint,
} from './geo';

export type CoveragePhase = 'snap' | 'reach' | 'weights' | 'isochrones' | 'uncovered' | 'candidates' | 'done';
/** Called between phases (awaited, so a job can write its progress before the next phase blocks). */
export type PhaseFn = (fraction: number, phase: CoveragePhase) => Promise<void> | void;

export type CoverageInputs = {
  positions: readonly { lng: number; lat: number }[];
  minutes: number;
  speedKmh: number;
  candidateCount: number;
  points?: readonly WeightedPoint[] | null;
};

export type StoredCandidate = {
  rank: number;
  lng: number;
  lat: number;
  gainMetres: number;
  gainShare: number;
};

export type CoverageFigures = {
  cutoffMetres: number;
  unsnappedCount: number;
  totalLengthM: number;
  coveredLengthM: number;
  lengthShare: number;
  totalWeight: number | null;
  coveredWeight: number | null;
  weightShare: number | null;
  isochrones: {
    type: 'FeatureCollection';
    features: {
      type: 'Feature';
      properties: Record<string, unknown>;
      geometry: MultiPolygon;
    }[];
  };
  uncovered: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: { type: 'MultiLineString'; coordinates: LngLat[][] };
  };
  candidates: StoredCandidate[];
  timingsMs: Record<string, number>;
};

/** Farther than this from any walkable street, a position is left out of the run (and counted). */
export const MAX_POSITION_SNAP_METRES = 500;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const roundLine = (line: readonly LngLat[]): LngLat[] => line.map(([x, y]) => [round6(x), round6(y)]);

// Progress share of each phase: candidates dominate on big networks.
const AFTER: Record<Exclude<CoveragePhase, 'done'>, number> = {
  snap: 0.05,
  reach: 0.15,
  weights: 0.25,
  isochrones: 0.45,
  uncovered: 0.55,
  candidates: 1,
};

export async function computeCoverage(g: WalkGraph, input: CoverageInputs, onPhase: PhaseFn = () => undefined): Promise<CoverageFigures> {
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(phase: Exclude<CoveragePhase, 'done'>, f: () => T): Promise<T> => {
    const t0 = performance.now();
    const r = f();
    timingsMs[phase] = Math.round((performance.now() - t0) * 10) / 10;
    await onPhase(AFTER[phase], phase);
    return r;
  };
  const cutoff = minutesToMetres(input.minutes, input.speedKmh);
  await onPhase(0, 'snap');
  const snapped = await timed('snap', () => input.positions.map((p) => snapToGraph(g, p.lng, p.lat, MAX_POSITION_SNAP_METRES)));
  const sources = snapped.filter((s): s is SnappedPoint => s !== null);
  const { coverage } = await timed('reach', () => computeEdgeCoverage(g, sources, cutoff));
  const covered = measureCoveredLength(g, coverage);
  const weights = await timed('weights', () =>
    input.points
      ? measurePointCoverage(g, sources, cutoff, input.points, {
          maxSnapMetres: MAX_POSITION_SNAP_METRES,
        })
      : null,
  );
  const isochrone = await timed('isochrones', () => buildIsochrone(listReachedSegments(g, coverage)));
  const uncovered = await timed('uncovered', () => listUncoveredStreets(g, coverage));
  // Junctions (degree ≠ 2) as candidate sites: a station goes on a corner, and it is 5–20× faster.
  const sites = await timed('candidates', () =>
    input.candidateCount > 0
      ? findCandidateSites(g, coverage, cutoff, input.candidateCount, {
          candidateNodes: listJunctionNodes(g),
        })
      : [],
  );
  await onPhase(1, 'done');
  const total = g.totalLength;
  return {
    cutoffMetres: cutoff,
    unsnappedCount: snapped.length - sources.length,
    totalLengthM: total,
    coveredLengthM: covered,
    lengthShare: total > 0 ? covered / total : 0,
    totalWeight: weights?.totalWeight ?? null,
    coveredWeight: weights?.coveredWeight ?? null,
    weightShare: weights ? weights.share : null,
    isochrones: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { minutes: input.minutes },
          geometry: {
            type: 'MultiPolygon',
            coordinates: isochrone.coordinates.map((poly) => poly.map(roundLine)),
          },
        },
      ],
    },
    uncovered: {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiLineString',
        coordinates: uncovered.coordinates.map(roundLine),
      },
    },
    candidates: sites.map((s, i) => ({
      rank: i + 1,
      lng: round6(s.lng),
      lat: round6(s.lat),
      gainMetres: Math.round(s.gainMetres),
      gainShare: total > 0 ? s.gainMetres / total : 0,
    })),
    timingsMs,
  };
}
