import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { streetNetwork } from './network.tables';

export type StreetNetworkRow = typeof streetNetwork.$inferSelect;
export type StreetNetworkMeta = Omit<StreetNetworkRow, 'graph'>;

const { graph: _graph, ...metaColumns } = getTableColumns(streetNetwork);

/** Replaces the area's network (call inside a transaction). */
export async function replaceNetwork(db: Db, values: typeof streetNetwork.$inferInsert): Promise<StreetNetworkMeta> {
  await db.delete(streetNetwork).where(eq(streetNetwork.orgId, values.orgId));
  return (await db.insert(streetNetwork).values(values).returning(metaColumns))[0]!;
}

/** Networks whose bounding box contains the point, smallest box first (no graph bytes). */
export async function listNetworksCovering(db: Db, lng: number, lat: number): Promise<StreetNetworkMeta[]> {
  return db
    .select(metaColumns)
    .from(streetNetwork)
    .where(
      and(
        sql`${streetNetwork.minLng} <= ${lng} and ${streetNetwork.maxLng} >= ${lng}`,
        sql`${streetNetwork.minLat} <= ${lat} and ${streetNetwork.maxLat} >= ${lat}`,
        // A synthetic network must not tell a worker how many minutes a walk takes.
        eq(streetNetwork.isSynthetic, false),
      ),
    )
    .orderBy(sql`(${streetNetwork.maxLng} - ${streetNetwork.minLng}) * (${streetNetwork.maxLat} - ${streetNetwork.minLat})`);
}

export async function findNetworkForOrg(db: Db, orgId: string): Promise<StreetNetworkMeta | undefined> {
  return (await db.select(metaColumns).from(streetNetwork).where(eq(streetNetwork.orgId, orgId)).limit(1))[0];
}

/** A stored graph's version and size, without its bytes. */
export async function findNetworkGraphSize(db: Db, id: string): Promise<{ importedAt: Date; bytes: number } | undefined> {
  return (
    await db
      .select({ importedAt: streetNetwork.importedAt, bytes: sql`octet_length(${streetNetwork.graph})`.mapWith(Number) })
      .from(streetNetwork)
      .where(eq(streetNetwork.id, id))
      .limit(1)
  )[0];
}

/** `length` bytes of a stored graph from `offset` (0-based), with the version they belong to. */
export async function loadNetworkGraphPiece(db: Db, id: string, offset: number, length: number): Promise<{ importedAt: Date; piece: Buffer } | undefined> {
  return (
    await db
      .select({ importedAt: streetNetwork.importedAt, piece: sql`substring(${streetNetwork.graph} from ${offset + 1} for ${length})`.mapWith(streetNetwork.graph) })
      .from(streetNetwork)
      .where(eq(streetNetwork.id, id))
      .limit(1)
  )[0];
}

export async function loadNetworkGraph(db: Db, id: string): Promise<{ importedAt: Date; graph: Buffer } | undefined> {
  return (await db.select({ importedAt: streetNetwork.importedAt, graph: streetNetwork.graph }).from(streetNetwork).where(eq(streetNetwork.id, id)).limit(1))[0];
}
