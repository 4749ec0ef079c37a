/**
 * The shared holiday calendar (节假日与调休): Chinese statutory holidays and the 调休 working
 * Saturdays/Sundays, in Asia/Shanghai dates ('YYYY-MM-DD').
 *
 * - Bundled: the State Council's yearly notices from the `chinese-days` package (2004 onwards;
 *   its JSON file is read from node_modules, nothing is downloaded).
 * - Overrides: staff enter a year the package does not cover yet (or correct a day) in the console
 *   (系统管理 ▸ 节假日日历; `PUT /api/v1/holidays/overrides/:date`, permission `calendar.write`).
 *   They live in `holiday_override` and are read on each `calendar()` call, so every instance agrees.
 *
 * Use from a module (rights, activities, assistance …):
 * ```ts
 * const cal = await holidays.calendar();            // HolidaysService, built once in app.ts
 * cal.addWorkingDays('2026-09-30', 3);              // '2026-10-12': 国庆 and 调休 counted
 * cal.isWorkingDay('2026-09-27');                   // false (中秋); a 调休 Sunday would be true
 * cal.nextWorkingDayOnOrAfter(due);                 // a period ending on a rest day moves (民法典 第203条)
 * ```
 * Pure helpers for tests and rules: `createCalendar(overrides)` (no database) and the date
 * functions in dates.ts (`shanghaiDateOf`, `addDays`, `addYears`, `daysBetween`).
 */
export { createCalendar, loadBundledCalendar, type DayInfo, type DayKind, type DaySource, type HolidayCalendar, type HolidayOverride } from './calendar';
export { addDays, addYears, daysBetween, isIsoDate, shanghaiDateOf, shanghaiStartOf, weekdayOf, yearOf, type IsoDate } from './dates';
export { createHolidaysService, type HolidaysService } from './holidays.service';
export { holidaysRoutes } from './holidays.routes';
export { holidayOverride } from './holidays.tables';
