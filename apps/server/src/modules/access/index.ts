/**
 * Smart 24-hour stations (智慧驿站): door controllers over MQTT (embedded broker or external),
 * scan to open, entry log, alarms, usage figures. Protocol: docs/door-protocol.md.
 */
import './access.errors';
import type { Db } from '../../db/client';
import { buildUsage } from './console.service';

export { createAccessService, type AccessService } from './console.service';
export { createDoorsService, type DoorsService } from './doors.service';
export { createDoorGateway, type DoorGateway } from './gateway';
export { createDoorCache, type DoorCache } from './door-cache';
export { accessRoutes, doorsRoutes } from './access.routes';
export { doorAlarmTodos } from './access.notify';
export { startDoorSimulator, type DoorSimulator } from './simulator';
export { simulateDevice, writeMosquittoFiles, mosquittoPasswordHash } from './device-cli';
export { seedDemoDoors, demoDoorsText, DEMO_DOORS } from './demo-doors';
export { doorController, doorPolicy, doorEntry, doorAlarm } from './access.tables';

export type PositionUsageYear = { visits: number; uniqueVisitors: number; afterHoursVisits: number; afterHoursShare: number; refused: number; hoursKept: number };

/**
 * A station's door usage in a calendar year (Asia/Shanghai), for the positions star rating:
 * visits (opened scans), unique visitors, the after-hours share, and hours kept (distinct local
 * hours in which the door opened at least once: how many hours the station was really used).
 */
export async function getPositionUsage(db: Db, positionId: string, year: number): Promise<PositionUsageYear> {
  const from = new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
  const to = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000);
  const [yearly, hourly] = await Promise.all([buildUsage(db, positionId, 'month', from, to), buildUsage(db, positionId, 'hour', from, to)]);
  return { ...yearly.totals, hoursKept: hourly.buckets.length };
}
export { accessIndicators } from './access.indicators';
