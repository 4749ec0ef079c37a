/**
 * Service positions (服务阵地): stations, centres, workers' homes, mothers' rooms; their hours,
 * the nearest-open-station search, and (geo/) walking networks and the 15-minute circle.
 */
export { createPositionsService, type PositionsService } from './positions.service';
export { positionsRoutes } from './positions.routes';
export { createMapContextService, type MapContextService } from './map-context.service';
export { isOpenAt, hoursText, type Schedule } from './schedule';
export { position } from './positions.tables';
export { createNetworkService, NetworkFileError, type NetworkService } from './network.service';
export { streetNetwork } from './network.tables';
export { createPositionImportService, type PositionImportService } from './positions.import';
export { createPositionExportService } from './positions.export';
export { positionsXlsxRoutes } from './positions.import.routes';
export { wgs84ToGcj02 } from './geo';
export { createCoverageService, type CoverageService } from './coverage.service';
export { coverageRoutes } from './coverage.routes';
export { createStandardsService, type StandardsService } from './standards.service';
export { standardsRoutes } from './standards.routes';
export { positionShortfallTodos, positionImportTodos } from './positions.notify';
export { coverageRun } from './coverage.tables';
export { computeCoverage } from './coverage.compute';
export { runValuesOf } from './coverage.service';
export { buildSyntheticGrid } from './coverage.synthetic';
export { boundsOf, serializeWalkGraph } from './network.service';
export { convertCoord, haversineMetres, type Crs } from './geo/coords';
export { positionsIndicators } from './positions.indicators';
export { loadJiangbeiOutline } from './geo/boundary';
