import { boolean, customType, doublePrecision, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { org } from '../orgs/orgs.tables';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * The walking network of an area (an org node), imported from an OpenStreetMap extract. One
 * current network per area: a re-import replaces it. `graph` is the serialized WalkGraph
 * (network.service.ts: serializeWalkGraph); the bbox (WGS-84, of the graph's nodes) decides which
 * network answers a nearest query.
 */
export const streetNetwork = pgTable(
  'street_network',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => org.id),
    name: text('name').notNull(),
    sourceFile: text('source_file').notNull(),
    format: text('format').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    nodeCount: integer('node_count').notNull(),
    edgeCount: integer('edge_count').notNull(),
    lengthM: doublePrecision('length_m').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    graph: bytea('graph').notNull(),
    /** A generated stand-in (the demo's Jiangbei grid): used for coverage demos, never for a worker's walking minutes. */
    isSynthetic: boolean('is_synthetic').notNull().default(false),
  },
  (t) => [uniqueIndex('street_network_org_unique').on(t.orgId)],
);
