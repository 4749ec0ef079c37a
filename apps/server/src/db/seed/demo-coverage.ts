import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../client';
import { org } from '../../modules/orgs';
import { boundsOf, buildSyntheticGrid, computeCoverage, coverageRun, position, runValuesOf, serializeWalkGraph, streetNetwork } from '../../modules/positions';
import { loadJiangbeiOutline } from '../../modules/positions/geo';

export const SYNTHETIC_NETWORK_NAME = '江北区合成路网（演示，非真实街道）';

/**
 * The demo's 15-minute circle: Jiangbei's real streets are not shipped, so the district gets a
 * synthetic street grid (coverage.synthetic.ts, marked is_synthetic: never used for a worker's
 * walking minutes) and two stored runs over it — one dated three months back without the ten
 * most recently coded stations, one now — so the runs table has something to compare.
 */
export async function seedDemoCoverage(tx: Db, jb: { id: string; path: string }): Promise<void> {
  const graph = buildSyntheticGrid(loadJiangbeiOutline().geometry.coordinates);
  const [network] = await tx
    .insert(streetNetwork)
    .values({
      orgId: jb.id,
      name: SYNTHETIC_NETWORK_NAME,
      sourceFile: 'synthetic',
      format: 'synthetic',
      nodeCount: graph.nodeCount,
      edgeCount: graph.edgeCount,
      lengthM: graph.totalLength,
      ...boundsOf(graph),
      graph: serializeWalkGraph(graph),
      isSynthetic: true,
    })
    .returning({ id: streetNetwork.id });
  const stations = await tx
    .select({
      id: position.id,
      code: position.code,
      name: position.name,
      lng: position.lng,
      lat: position.lat,
    })
    .from(position)
    .innerJoin(org, eq(org.id, position.orgId))
    .where(and(eq(position.status, 'open'), like(org.path, `${jb.path}%`)))
    .orderBy(position.code);
  const now = Date.now();
  const earlier = stations.filter((_, i) => i % Math.ceil(stations.length / 10) !== 3);
  for (const [list, daysAgo] of [
    [earlier, 90],
    [stations, 0],
  ] as const) {
    const inputs = { minutes: 15, speedKmh: 4.5, candidateCount: 10 };
    const figures = await computeCoverage(graph, {
      positions: list,
      ...inputs,
    });
    const at = new Date(now - daysAgo * 86_400_000);
    await tx.insert(coverageRun).values({
      orgId: jb.id,
      networkId: network!.id,
      networkName: SYNTHETIC_NETWORK_NAME,
      networkKind: 'synthetic',
      minutes: inputs.minutes,
      speedKmh: inputs.speedKmh,
      candidateCount: inputs.candidateCount,
      positions: list,
      stationCount: list.length,
      ...runValuesOf(figures),
      createdAt: at,
      finishedAt: at,
    });
  }
}
