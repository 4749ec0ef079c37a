import { calendarYearSchema, holidayOverrideSchema, saveHolidayOverrideSchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../audit/audit.service';
import { requireActor } from '../auth';
import type { HolidaysService } from './holidays.service';

const tags = ['holidays'];

/** 节假日日历: any staff member reads it; staff with calendar.write correct days. */
export const holidaysRoutes: FastifyPluginAsyncZod<{ holidays: HolidaysService }> = async (app, { holidays }) => {
  app.get(
    '/holidays/:year',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: 'Every day of a year: working day or rest day, from the bundled notice, a staff override or the weekday',
        params: z.object({ year: z.coerce.number().int().min(2004).max(2100) }),
        response: { 200: calendarYearSchema },
      },
    },
    async (request) => holidays.year(request.params.year),
  );

  app.put(
    '/holidays/overrides/:date',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: 'Make a day a rest day or a working day (e.g. the next year’s notice before the bundled calendar has it)',
        params: z.object({ date: z.string() }),
        body: saveHolidayOverrideSchema.omit({ date: true }),
        response: { 200: holidayOverrideSchema },
      },
    },
    async (request) => holidays.setOverride({ ...request.body, date: request.params.date }, { userId: requireActor(request).userId, audit: auditContextOf(request) }),
  );

  app.delete(
    '/holidays/overrides/:date',
    {
      config: { permission: 'calendar.write' },
      schema: { tags, summary: 'Remove a staff override (the bundled calendar applies again)', params: z.object({ date: z.string() }) },
    },
    async (request, reply) => {
      await holidays.removeOverride(request.params.date, { audit: auditContextOf(request) });
      return reply.status(204).send();
    },
  );
};
