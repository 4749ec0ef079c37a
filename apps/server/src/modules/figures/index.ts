/**
 * Figures (数据中心): the indicator catalogue's HTTP API (/api/v1/indicators), targets, Excel
 * exports, the yearly work report as PDF, the public district screen and the system page. The
 * catalogue itself (registration, rollups, periods) is platform/indicators.
 */
import './figures.errors';
export { createFiguresService, parseFilters, parsePeriod, type FiguresService } from './figures.service';
export { createTargetsService, setIndicatorTarget, type SetTargetInput, type TargetsService } from './targets.service';
export { indicatorsRoutes } from './indicators.routes';
export { figuresIndicators } from './figures.indicators';
export { renderYearlyReport } from './report';
export { indicatorTarget } from './figures.tables';
export type { OrgNode } from './figures.repository';
export { createScreenService, type ScreenService } from './screen.service';
export { screenRoutes } from './screen.routes';
export { systemRoutes, VERIFY_JOB } from './system.routes';
