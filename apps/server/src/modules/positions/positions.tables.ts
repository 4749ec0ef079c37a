import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';

/**
 * A service position (服务阵地): centre, point, rest station, workers' home, mothers' room,
 * drivers' home or canteen. Coordinates are WGS-84 (lng, lat); GCJ-02 only at the edges.
 */
export const position = pgTable(
  'position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    address: text('address').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    is24h: boolean('is_24h').notNull().default(false),
    weeklyHours: jsonb('weekly_hours').notNull(),
    exceptions: jsonb('exceptions').notNull().default([]),
    serves: text('serves').array().notNull().default(sql`'{}'::text[]`),
    facilities: text('facilities').array().notNull().default(sql`'{}'::text[]`),
    areaM2: doublePrecision('area_m2'),
    buildMode: text('build_mode'),
    partner: text('partner'),
    investmentFen: bigint('investment_fen', { mode: 'number' }),
    operator: text('operator'),
    contactPhone: text('contact_phone'),
    status: text('status').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('position_code_unique').on(t.code),
    index('position_org_idx').on(t.orgId),
    index('position_lat_lng_idx').on(t.lat, t.lng),
    // The nearest search reads positions in planar-distance order through this (core KNN, no PostGIS).
    index('position_point_gist').using('gist', sql`point(${t.lng}, ${t.lat})`),
    check('position_type_check', sql`${t.type} in ('service_center','service_point','rest_station','workers_home','mothers_room','driver_home','canteen','joining_point')`),
    check('position_status_check', sql`${t.status} in ('planned','building','open','suspended','closed')`),
    check('position_lat_check', sql`${t.lat} between -90 and 90 and ${t.lng} between -180 and 180`),
  ],
);
