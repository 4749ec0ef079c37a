import type { CalendarDay, CalendarYear, SaveHolidayOverride } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../audit/audit.service';
import { AppError } from '../errors';
import { registerMessages } from '../i18n';
import { createCalendar, loadBundledCalendar, type HolidayCalendar } from './calendar';
import { addDays, isIsoDate } from './dates';
import * as repo from './holidays.repository';

registerMessages({
  HOLIDAY_DATE_INVALID: ['日期无效，应为 YYYY-MM-DD', 'not a valid date (YYYY-MM-DD)'],
  HOLIDAY_OVERRIDE_NOT_FOUND: ['这一天没有人工调整', 'this day has no override'],
  ENTITY_holiday_override: ['节假日调整', 'holiday override'],
});

export type HolidaysService = ReturnType<typeof createHolidaysService>;

/**
 * The calendar with the staff overrides as stored now. Overrides are read on every call (a
 * handful of rows) so every instance sees an edit at once; nothing is cached per process.
 */
export function createHolidaysService({ db }: { db: Db }) {
  async function calendar(tx: Db = db): Promise<HolidayCalendar> {
    const rows = await repo.listOverrides(tx);
    return createCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as 'holiday' | 'workday', name: r.name })));
  }

  return {
    calendar,

    /** Every day of a year with its kind and source, plus the overrides with who set them. */
    async year(year: number): Promise<CalendarYear> {
      const cal = await calendar();
      const overrides = await repo.listOverrides(db, { from: `${year}-01-01`, to: `${year}-12-31` });
      const days: CalendarDay[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const info = cal.dayInfo(d);
        days.push({ date: d, isWorkingDay: info.isWorkingDay, source: info.source, name: info.name });
      }
      return {
        year,
        isBundled: loadBundledCalendar().years.has(year),
        isCovered: cal.isYearCovered(year),
        days,
        overrides: overrides.map((o) => ({ date: o.date, kind: o.kind as 'holiday' | 'workday', name: o.name, note: o.note, updatedAt: o.updatedAt.toISOString() })),
      };
    },

    async setOverride(input: SaveHolidayOverride, actor: { userId: string; audit: AuditContext }) {
      if (!isIsoDate(input.date)) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'date', message: 'HOLIDAY_DATE_INVALID' }] });
      return db.transaction(async (tx) => {
        const before = await repo.findOverride(tx, input.date);
        const row = await repo.upsertOverride(tx, { date: input.date, kind: input.kind, name: input.name ?? null, note: input.note ?? null, updatedBy: actor.userId });
        await recordAudit(tx, actor.audit, {
          action: before ? 'holiday_override.update' : 'holiday_override.create',
          entityType: 'holiday_override',
          entityId: input.date,
          before: before ? { kind: before.kind, name: before.name } : null,
          after: { kind: row.kind, name: row.name, note: row.note },
        });
        return { date: row.date, kind: row.kind as 'holiday' | 'workday', name: row.name, note: row.note, updatedAt: row.updatedAt.toISOString() };
      });
    },

    async removeOverride(date: string, actor: { audit: AuditContext }) {
      if (!isIsoDate(date)) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'date', message: 'HOLIDAY_DATE_INVALID' }] });
      await db.transaction(async (tx) => {
        const before = await repo.findOverride(tx, date);
        if (!before || !(await repo.deleteOverride(tx, date))) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_holiday_override' } });
        await recordAudit(tx, actor.audit, { action: 'holiday_override.delete', entityType: 'holiday_override', entityId: date, before: { kind: before.kind, name: before.name } });
      });
    },
  };
}
