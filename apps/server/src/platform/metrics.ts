import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client';

/**
 * Prometheus metrics of one instance (GET /metrics, text format). Counters and histograms count
 * what this process did; the job queue is read from the database at scrape time, so every
 * instance reports the same queue and a dashboard takes max() over instances, not sum().
 * One registry per app (tests build many apps in one process).
 */
export type Metrics = {
  contentType: string;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  countDoorCommand(outcome: 'done' | 'refused' | 'timeout' | 'error'): void;
  countDoorAck(result: 'done' | 'refused'): void;
  /** How many POS sale requests one group-commit transaction wrote. */
  observePosGroup(requests: number): void;
  countPosResults(kind: 'sale' | 'redemption' | 'refund', results: readonly { status: string }[]): void;
  render(): Promise<string>;
};

export type MetricsDeps = {
  instanceId: string;
  version: string;
  database: Database;
  /** Server-Sent-Events clients connected to this instance now. */
  sseClients: () => number;
};

// Seconds: from a cached read (~1 ms) to a long import upload.
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics({ instanceId, version, database, sseClients }: MetricsDeps): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: instanceId });
  collectDefaultMetrics({ register: registry, prefix: 'niangjia_process_' });

  new Gauge({ name: 'niangjia_build_info', help: 'Version of the running code (always 1).', labelNames: ['version', 'db'], registers: [registry] }).set({ version, db: database.kind }, 1);

  const requests = new Counter({ name: 'niangjia_http_requests_total', help: 'HTTP requests answered, by route pattern and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'niangjia_http_request_duration_seconds', help: 'Time to answer an HTTP request, by route pattern.', labelNames: ['method', 'route'], buckets: LATENCY_BUCKETS, registers: [registry] });
  const doorCommands = new Counter({ name: 'niangjia_door_commands_total', help: 'Unlock commands sent by this instance, by outcome (done/refused = acked by the controller).', labelNames: ['outcome'], registers: [registry] });
  const doorAcks = new Counter({ name: 'niangjia_door_acks_total', help: 'Controller acks received and recorded by this instance (any instance may have sent the command).', labelNames: ['result'], registers: [registry] });
  const posGroups = new Histogram({ name: 'niangjia_pos_sale_group_requests', help: 'POS sale requests written together in one transaction (group commit), per group.', buckets: [1, 2, 4, 8, 16, 32, 64, 128], registers: [registry] });
  const pos = new Counter({ name: 'niangjia_pos_items_total', help: 'POS items ingested by this instance (sales, redemptions, refunds), by result status.', labelNames: ['kind', 'status'], registers: [registry] });

  new Gauge({
    name: 'niangjia_sse_clients',
    help: 'Server-Sent-Events clients connected to this instance (live screens).',
    registers: [registry],
    collect() {
      this.set(sseClients());
    },
  });

  const pool = database.pool;
  if (pool) {
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    poolGauge('niangjia_db_pool_connections', 'Connections open in this instance’s pg pool.', () => pool.totalCount);
    poolGauge('niangjia_db_pool_idle', 'Idle connections in the pool.', () => pool.idleCount);
    poolGauge('niangjia_db_pool_waiting', 'Queries waiting for a pool connection (saturation).', () => pool.waitingCount);
  }

  // Jobs not yet finished, and failed ones, straight from the shared table: the queue as the
  // cluster sees it. Succeeded rows are left out (they only grow).
  const jobs = new Gauge({ name: 'niangjia_jobs', help: 'Jobs in the shared queue by kind and status (succeeded excluded); the same on every instance.', labelNames: ['kind', 'status'], registers: [registry] });
  const depth = new Gauge({ name: 'niangjia_job_queue_depth', help: 'Queued jobs waiting for a runner (all kinds).', registers: [registry] });
  const oldest = new Gauge({ name: 'niangjia_job_oldest_queued_seconds', help: 'Age of the oldest queued job (0 when none).', registers: [registry] });
  const dbUp = new Gauge({ name: 'niangjia_db_up', help: '1 when the database answered this scrape.', registers: [registry] });

  async function readJobs(): Promise<void> {
    try {
      const rows = await database.query<{ kind: string; status: string; n: number; oldest: number | null }>(
        "select kind, status, count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as oldest from job where status <> 'succeeded' group by kind, status",
      );
      jobs.reset();
      let queued = 0;
      let oldestQueued = 0;
      for (const r of rows) {
        jobs.set({ kind: r.kind, status: r.status }, Number(r.n));
        if (r.status === 'queued') {
          queued += Number(r.n);
          oldestQueued = Math.max(oldestQueued, Number(r.oldest ?? 0));
        }
      }
      depth.set(queued);
      oldest.set(oldestQueued);
      dbUp.set(1);
    } catch {
      dbUp.set(0);
    }
  }

  return {
    contentType: registry.contentType,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    countDoorCommand(outcome) {
      doorCommands.inc({ outcome });
    },
    countDoorAck(result) {
      doorAcks.inc({ result });
    },
    observePosGroup(requests) {
      posGroups.observe(requests);
    },
    countPosResults(kind, results) {
      const byStatus = new Map<string, number>();
      for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      for (const [status, n] of byStatus) pos.inc({ kind, status }, n);
    },
    async render() {
      await readJobs();
      return registry.metrics();
    },
  };
}
