import { systemStatusSchema, verifyJobSchema } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { requireActor } from '../../platform/auth';
import { listSeriesState, seriesHash, verifySeries, type Catalogue } from '../../platform/indicators';
import type { JobRunner } from '../../platform/jobs';
import { countJobsByStatus } from './figures.repository';

export const VERIFY_JOB = 'indicators.verify';
const started = Date.now();

/**
 * The system page (系统状态, administrators): service health, database kind and latency, version,
 * the job queue, and each indicator series (built, last verified, differences found). A
 * verification compares every rollup with a count from the records and, asked to, rebuilds a
 * series that differs; it runs as a job, on demand and every night (02:30 Beijing time, once across
 * instances; differences show on this page, repair stays a person's decision).
 */
export const systemRoutes: FastifyPluginAsyncZod<{ database: Database; catalogue: Catalogue; jobs: JobRunner; version: string }> = async (app, { database, catalogue, jobs, version }) => {
  jobs.register(VERIFY_JOB, async (ctx) => {
    const { job } = ctx;
    const repair = (job.payload as { repair?: boolean } | null)?.repair === true;
    const series = [...catalogue.series.values()];
    const results: { key: string; mismatches: number }[] = [];
    for (const [i, def] of series.entries()) {
      results.push({ key: def.key, mismatches: await verifySeries(database.db, def, repair) });
      await ctx.progress((i + 1) / series.length, `${i + 1} / ${series.length}`);
    }
    return { repair, series: results };
  });
  jobs.schedule({ name: VERIFY_JOB, kind: VERIFY_JOB, cron: '30 2 * * *', payload: { repair: false } });

  app.get(
    '/system/status',
    { config: { permission: 'system.read' }, schema: { tags: ['system'], summary: 'Health, database, version, jobs and indicator series', response: { 200: systemStatusSchema } } },
    async () => {
      const t0 = performance.now();
      await database.db.execute(sql`select 1`);
      const dbLatencyMs = Math.round((performance.now() - t0) * 100) / 100;
      const state = new Map((await listSeriesState(database.db)).map((r) => [r.key, r]));
      return {
        status: 'ok' as const,
        db: database.kind,
        version,
        dbLatencyMs,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        jobs: await countJobsByStatus(database.db),
        series: [...catalogue.series.values()].map((def) => {
          const s = state.get(def.key);
          return {
            key: def.key,
            isSynced: s?.hash === seriesHash(def),
            rows: Number(s?.rows ?? 0),
            builtAt: s ? new Date(s.built_at).toISOString() : null,
            verifiedAt: s?.verified_at ? new Date(s.verified_at).toISOString() : null,
            verifyMismatches: s?.verify_mismatches ?? null,
          };
        }),
        now: new Date().toISOString(),
      };
    },
  );

  app.post(
    '/system/indicator-verifications',
    { config: { permission: 'system.read' }, schema: { tags: ['system'], summary: 'Verify every rollup against the records (a job); repair=true rebuilds what differs', body: z.object({ repair: z.boolean().default(false) }), response: { 202: verifyJobSchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await jobs.enqueue(database.db, { kind: VERIFY_JOB, payload: { repair: request.body.repair }, createdBy: actor.userId });
      return reply.code(202).send({ jobId: row.id });
    },
  );
};
