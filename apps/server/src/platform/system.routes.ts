import { timingSafeEqual } from 'node:crypto';
import { healthSchema, readySchema } from '@niangjia/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { readMigrationStatus } from '../db/migrate';
import { AppError } from './errors';
import { registerMessages } from './i18n';
import type { Metrics } from './metrics';

registerMessages({
  NOT_READY: ['服务尚未就绪', 'The instance is not ready'],
  NOT_READY_DB: ['数据库无法连接', 'The database does not answer'],
  NOT_READY_MIGRATIONS: ['数据库结构落后于程序：尚有 {count} 个迁移未执行（{first}…）', 'The database schema is behind this code: {count} migration(s) not applied ({first}…)'],
  METRICS_TOKEN_REQUIRED: ['需要正确的监控令牌（Authorization: Bearer …）', 'A valid metrics token is required (Authorization: Bearer …)'],
  METRICS_DISABLED: ['未配置 NIANGJIA_METRICS_TOKEN，监控指标未开放', 'Metrics are off: set NIANGJIA_METRICS_TOKEN'],
});

/**
 * What operators and the load balancer ask of an instance: liveness (/api/health: the process
 * answers and reaches its database), readiness (/api/ready: database reachable and every
 * migration of this code applied, so a rolling upgrade sends traffic only to instances whose
 * schema is there) and Prometheus metrics (/metrics, behind a bearer token outside demo mode).
 */
export const systemRoutes: FastifyPluginAsync<{ config: Config; database: Database; metrics: Metrics }> = async (plain, { config, database, metrics }) => {
  const app = plain.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Liveness: the process answers and reaches its database', response: { 200: healthSchema } } },
    async () => {
      await database.query('select 1');
      return { status: 'ok' as const, db: database.kind, version: config.version, instance: config.instanceId };
    },
  );

  app.get(
    '/api/ready',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Readiness: database reachable and migrations current (503 otherwise)', response: { 200: readySchema } } },
    async () => {
      let status;
      try {
        status = await readMigrationStatus(database);
      } catch (error) {
        throw new AppError('NOT_READY', { status: 503, detail: 'NOT_READY_DB', cause: error });
      }
      if (status.pending.length) {
        throw new AppError('NOT_READY', { status: 503, detail: 'NOT_READY_MIGRATIONS', params: { count: status.pending.length, first: status.pending[0]! } });
      }
      // Migrations of a newer release (unknown here) are fine: they are backward compatible for one release.
      return { status: 'ready' as const, db: database.kind, version: config.version, instance: config.instanceId, schema: status.latest, newerMigrations: status.unknown.length };
    },
  );

  app.get('/metrics', { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Prometheus metrics (text); bearer token outside demo mode' } }, async (request, reply) => {
    if (!config.isDemo) {
      if (!config.metricsToken) throw new AppError('METRICS_DISABLED', { status: 404 });
      const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, config.metricsToken)) throw new AppError('METRICS_TOKEN_REQUIRED', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
    }
    const text = await metrics.render();
    return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(text);
  });
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
