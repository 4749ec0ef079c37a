import { z } from 'zod';

/** The shared holiday calendar (节假日与调休): a year of days and the staff overrides. */
export const dayKinds = ['holiday', 'workday'] as const;
export const daySources = ['override', 'bundled', 'weekday', 'weekend'] as const;

export const calendarDaySchema = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  source: z.enum(daySources),
  name: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const holidayOverrideSchema = z.object({
  date: z.string(),
  kind: z.enum(dayKinds),
  name: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type HolidayOverrideItem = z.infer<typeof holidayOverrideSchema>;

export const saveHolidayOverrideSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'HOLIDAY_DATE_INVALID' }),
  kind: z.enum(dayKinds),
  name: z.string().trim().max(30).optional(),
  note: z.string().trim().max(200).optional(),
});
export type SaveHolidayOverride = z.infer<typeof saveHolidayOverrideSchema>;

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** The bundled package has this year's notice. */
  isBundled: z.boolean(),
  /** Bundled, or staff entered overrides for it; otherwise only weekends are rest days. */
  isCovered: z.boolean(),
  days: z.array(calendarDaySchema),
  overrides: z.array(holidayOverrideSchema),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;
