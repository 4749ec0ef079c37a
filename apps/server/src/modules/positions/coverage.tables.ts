import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';
import { streetNetwork } from './network.tables';

/**
 * A point layer of population or workplaces for an area (GeoJSON points with a `weight`), used by
 * coverage runs for the share of weight within reach. Points are stored as [lng, lat, weight]
 * triples (WGS-84): a run reads them whole, nothing queries single points.
 */
export const coverageWeightLayer = pgTable(
  'coverage_weight_layer',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    pointCount: integer('point_count').notNull(),
    totalWeight: doublePrecision('total_weight').notNull(),
    points: jsonb('points').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coverage_weight_layer_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * One run of the 15-minute service circle for an area: its inputs, the job that computes it, and
 * (once succeeded) the figures and the GeoJSON layers. Kept forever so runs compare over time.
 * `positions` lists the open positions the run started from ([{id, code, name}]), so a later run
 * can say which stations were added or removed.
 */
export const coverageRun = pgTable(
  'coverage_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    jobId: uuid('job_id'),
    networkId: uuid('network_id').references(() => streetNetwork.id, {
      onDelete: 'set null',
    }),
    networkName: text('network_name').notNull(),
    networkKind: text('network_kind').notNull().default('osm'),
    weightLayerId: uuid('weight_layer_id').references(() => coverageWeightLayer.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('queued'),
    minutes: doublePrecision('minutes').notNull(),
    speedKmh: doublePrecision('speed_kmh').notNull(),
    candidateCount: integer('candidate_count').notNull(),
    positions: jsonb('positions').notNull().default([]),
    stationCount: integer('station_count').notNull().default(0),
    unsnappedCount: integer('unsnapped_count'),
    totalLengthM: doublePrecision('total_length_m'),
    coveredLengthM: doublePrecision('covered_length_m'),
    lengthShare: doublePrecision('length_share'),
    totalWeight: doublePrecision('total_weight'),
    coveredWeight: doublePrecision('covered_weight'),
    weightShare: doublePrecision('weight_share'),
    isochrones: jsonb('isochrones'),
    uncovered: jsonb('uncovered'),
    candidates: jsonb('candidates'),
    timingsMs: jsonb('timings_ms'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('coverage_run_org_idx').on(t.orgId, t.createdAt),
    check('coverage_run_status_check', sql`${t.status} in ('queued','running','succeeded','failed')`),
    check('coverage_run_network_kind_check', sql`${t.networkKind} in ('osm','synthetic')`),
  ],
);
export type CoverageRunRow = typeof coverageRun.$inferSelect;
