import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { doorController, getPositionUsage, type PositionUsageYear } from '../access';
import type { AccessFigures } from './stars.service';

/** Full marks for usage: this many door openings a day on average over the year so far. */
export const FULL_USAGE_VISITS_PER_DAY = 20;
/** Full marks for hours kept: the door used in this many distinct hours a day on average (a 12-hour station). */
export const FULL_HOURS_KEPT_PER_DAY = 12;

/** Days of `year` up to `now` (Asia/Shanghai), at least 1: a young year is not held to a whole year's figures. */
export function daysSoFar(year: number, now: Date): number {
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const end = Math.min(now.getTime(), Date.UTC(year + 1, 0, 1) - 8 * 3600_000);
  return Math.max(1, Math.ceil((end - start) / 86_400_000));
}

/** The star rubric's `access` criteria as fractions 0..1 from a station's door figures. */
export function accessFractions(usage: Pick<PositionUsageYear, 'visits' | 'hoursKept'>, days: number): Record<string, number> {
  return {
    usage: Math.min(1, usage.visits / (days * FULL_USAGE_VISITS_PER_DAY)),
    hours_kept: Math.min(1, usage.hoursKept / (days * FULL_HOURS_KEPT_PER_DAY)),
  };
}

/**
 * Usage and hours kept from the smart doors, for stations that have a door controller and saw at
 * least one visit that year; every other station keeps the inspector's points.
 */
export function doorAccessFigures(db: Db, clock: () => Date = () => new Date()): AccessFigures {
  return async (positionIds, year) => {
    const figures = new Map<string, Record<string, number>>();
    if (!positionIds.length) return figures;
    const withDoors = await db.selectDistinct({ positionId: doorController.positionId }).from(doorController).where(inArray(doorController.positionId, positionIds));
    const days = daysSoFar(year, clock());
    for (const { positionId } of withDoors) {
      const usage = await getPositionUsage(db, positionId, year);
      if (usage.visits > 0) figures.set(positionId, accessFractions(usage, days));
    }
    return figures;
  };
}
