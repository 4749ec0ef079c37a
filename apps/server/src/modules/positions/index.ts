/**
 * Service positions (服务阵地): stations, centres, workers' homes, mothers' rooms; their hours,
 * the nearest-open-station search, and (geo/) walking networks and the 15-minute circle.
 */
export { createPositionsService, type PositionsService } from './positions.service';
export { positionsRoutes } from './positions.routes';
export { isOpenAt, hoursText, type Schedule } from './schedule';
export { position } from './positions.tables';
export { createNetworkService, NetworkFileError, type NetworkService } from './network.service';
export { streetNetwork } from './network.tables';
export { convertCoord, haversineMetres, type Crs } from './geo/coords';
