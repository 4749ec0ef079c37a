/**
 * The geographic core of the positions module: coordinate systems, OpenStreetMap import, the
 * walking graph, shortest paths and the 15-minute service-circle coverage. Pure functions and
 * typed arrays, no database. See README.md in this folder for methods and measured figures.
 */
export {
  bd09ToGcj02,
  bd09ToWgs84,
  convertCoord,
  gcj02ToBd09,
  gcj02ToWgs84,
  haversineMetres,
  isInRing,
  isOutsideMainlandChina,
  wgs84ToBd09,
  wgs84ToGcj02,
  type Crs,
  type LngLat,
} from './coords';
export { detectOsmFormat, readWalkNetwork, type OsmFormat } from './osm';
export { isWalkable, type OsmReadStats, type OsmTags, type WalkNetwork } from './osm-walkable';
export {
  buildWalkGraph,
  findNearestNode,
  pointOnEdge,
  snapToGraph,
  type BuildGraphOptions,
  type SnappedPoint,
  type WalkGraph,
} from './graph';
export { BoundedDijkstra, findReach, findWalkingDistance, minutesToMetres, seedsOf, type Reach, type Seed } from './routing';
export {
  computeEdgeCoverage,
  listUncoveredStreets,
  measureCoveredLength,
  measurePointCoverage,
  type CoverageOptions,
  type EdgeCoverage,
  type PointCoverage,
  type ProgressFn,
  type WeightedPoint,
} from './coverage';
export { findCandidateSites, listJunctionNodes, measureNodeGain, type CandidateOptions, type CandidateSite } from './candidates';
export { buildIsochrone, listReachedSegments, type IsochroneOptions, type MultiPolygon } from './isochrone';
export {
  runCoverageAnalysis,
  type CoverageRunInput,
  type CoverageRunResult,
  type IsochroneFeature,
} from './analysis';
export { convertOutlineToWgs84, loadJiangbeiOutline, type DistrictOutline } from './boundary';
export { boundsOfPolygons, pickBoundaryOrg, splitOutlineByCentres, type MultiPolygonCoords } from './scope-area';
