import type { MapContext, Place } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { isInScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { findDivision, findOrgById, type OrgRow } from '../orgs';
import { boundsOfPolygons, isInRing, loadJiangbeiOutline, pickBoundaryOrg, splitOutlineByCentres, type DistrictOutline, type LngLat } from './geo';
import { toPosition } from './positions.service';
import * as repo from './map-context.repository';
import type { NetworkService } from './network.service';
import * as positionsRepo from './positions.repository';

/** Segments sent at most (the demo district's synthetic grid has 5,341, about 210 kB of JSON; a real city extract can hold far more). */
const MAX_SEGMENTS = 40_000;
/** Positions on the public map at most. */
const MAX_MAP_POINTS = 5000;
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

type Candidate = Place & { rank: number };

/**
 * Ranks a place name against the typed text: the whole name first, then a name that starts with
 * it, then one that contains it, then an address that contains it; divisions before positions on
 * a tie (the wider place is what a typed street name usually means), shorter names first.
 */
export function rankPlace(q: string, place: { kind: Place['kind']; name: string; aliases?: readonly string[]; detail: string }): number | null {
  const text = q.trim().toLowerCase();
  if (!text) return null;
  const names = [place.name, ...(place.aliases ?? [])].map((n) => n.toLowerCase());
  let score: number;
  if (names.some((n) => n === text)) score = 0;
  else if (names.some((n) => n.startsWith(text))) score = 1;
  else if (names.some((n) => n.includes(text))) score = 2;
  else if (place.detail.toLowerCase().includes(text)) score = 3;
  else return null;
  return score * 10 + (place.kind === 'division' ? 0 : 1);
}

export function sortPlaces<T extends Candidate>(places: T[]): T[] {
  return places.sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name, 'zh-CN'));
}

export function createMapContextService({ db, networks }: { db: Db; networks: NetworkService }) {
  let outline: DistrictOutline | undefined;
  const districtOutline = () => (outline ??= loadJiangbeiOutline());

  /** The org a request is about: the one asked for (in scope, else 404), or the scope's own root. */
  async function targetOf(orgId: string | undefined, scope: Scope): Promise<OrgRow | undefined> {
    if (orgId) {
      const target = await findOrgById(db, orgId);
      if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
      return target;
    }
    if (scope === 'all') return undefined;
    const rootId = scope[0]?.split('/').filter(Boolean).pop();
    return rootId ? findOrgById(db, rootId) : undefined;
  }

  async function areaOf(target: OrgRow | undefined) {
    const chain = target ? await repo.listOrgChain(db, target) : [];
    const picked = pickBoundaryOrg(chain);
    const district = chain.find((o) => o.type === 'district');
    const streets = district ? await repo.listStreetCentres(db, district.id) : [];
    return { picked, district, streets };
  }

  /** Whether a point lies in a MultiPolygon (inside an outer ring and outside its holes). */
  const isInMultiPolygon = (polys: LngLat[][][], [x, y]: LngLat) => polys.some((poly) => poly[0] !== undefined && isInRing(x, y, poly[0]) && !poly.slice(1).some((hole) => isInRing(x, y, hole)));

  return {
    /**
     * The org whose area holds a WGS-84 point: the street whose (approximate, 示意范围) area
     * contains it, else the district whose bundled outline contains it, else null. Used to route
     * a worker's report (voice module) to a first owner that staff can reassign; the street areas
     * are the same Voronoi cells the maps draw.
     */
    async findOrgAt(lng: number, lat: number): Promise<{ orgId: string; kind: 'street' | 'district' } | null> {
      const whole = districtOutline();
      const p: LngLat = [lng, lat];
      if (!isInMultiPolygon(whole.geometry.coordinates, p)) return null;
      const district = await repo.findDistrictByDivision(db, String(whole.adcode));
      if (!district) return null;
      const streets = await repo.listStreetCentres(db, district.id);
      const centres = streets.flatMap((s) => (s.lng != null && s.lat != null ? [{ key: s.id, lng: s.lng, lat: s.lat }] : []));
      for (const [id, cell] of splitOutlineByCentres(whole.geometry.coordinates, centres)) {
        if (isInMultiPolygon(cell, p)) return { orgId: id, kind: 'street' };
      }
      return { orgId: district.id, kind: 'district' };
    },

    async getMapContext(orgId: string | undefined, scope: Scope): Promise<MapContext> {
      const { picked, district, streets } = await areaOf(await targetOf(orgId, scope));
      const whole = districtOutline();
      let boundary: MapContext['boundary'] = { name: whole.name, kind: 'district', approximate: false, geometry: whole.geometry };
      if (picked.kind === 'street') {
        const centres = streets.flatMap((s) => (s.lng != null && s.lat != null ? [{ key: s.id, lng: s.lng, lat: s.lat }] : []));
        const cell = splitOutlineByCentres(whole.geometry.coordinates, centres).get(picked.org.id);
        if (cell) boundary = { name: streetName(picked.org), kind: 'street', approximate: true, geometry: { type: 'MultiPolygon', coordinates: cell } };
      }
      const round = (polys: typeof boundary.geometry.coordinates) => polys.map((p) => p.map((r) => r.map(([lng, lat]) => [round5(lng), round5(lat)] as [number, number])));
      boundary = { ...boundary, geometry: { type: 'MultiPolygon', coordinates: round(boundary.geometry.coordinates) } };

      let network: MapContext['network'] = null;
      const meta = district ? await networks.findNetworkForOrg(district.id) : undefined;
      const graph = meta ? await networks.loadGraph(meta.id) : null;
      if (meta && graph) {
        // A margin of ~300 m around the boundary: the streets just outside are context too.
        const [w, s, e, n] = boundsOfPolygons(boundary.geometry.coordinates);
        const mLng = 0.003, mLat = 0.003;
        const segments: [number, number, number, number][] = [];
        for (let i = 0; i < graph.edgeCount && segments.length < MAX_SEGMENTS; i++) {
          const u = graph.edgeU[i]!, v = graph.edgeV[i]!;
          const x1 = graph.lng[u]!, y1 = graph.lat[u]!, x2 = graph.lng[v]!, y2 = graph.lat[v]!;
          if (Math.max(x1, x2) < w - mLng || Math.min(x1, x2) > e + mLng || Math.max(y1, y2) < s - mLat || Math.min(y1, y2) > n + mLat) continue;
          segments.push([round5(x1), round5(y1), round5(x2), round5(y2)]);
        }
        network = { name: meta.name, isSynthetic: meta.isSynthetic, segments };
      }
      return { boundary, network };
    },

    /** Every open position, public (a worker's map before locating); capped, the map clusters them. */
    async listMapPoints() {
      const { items } = await positionsRepo.listPositions(db, { scope: 'all', status: 'open' }, { limit: MAX_MAP_POINTS, offset: 0 });
      const now = new Date();
      return {
        items: items.map((row) => {
          const p = toPosition(row, now);
          const { id, code, name, type, address, location, locationGcj02, contactPhone, isOpenNow, todayHours, facilities, serves } = p;
          return { id, code, name, type, address, location, locationGcj02, contactPhone, isOpenNow, todayHours, facilities, serves };
        }),
      };
    },

    /**
     * Places for the map-based add: the streets/towns of the scope's district (named by the
     * bundled division codes, placed at the centre of their positions) and positions in scope by
     * name or address.
     */
    async searchPlaces(q: string, orgId: string | undefined, scope: Scope): Promise<{ items: Place[] }> {
      const target = await targetOf(orgId, scope);
      const { streets, district } = await areaOf(target);
      const districtName = district ? (findDivision(district.divisionCode ?? '')?.name ?? district.name) : districtOutline().name;
      const found: Candidate[] = [];
      for (const s of streets) {
        if (s.lng == null || s.lat == null) continue;
        const division = s.divisionCode ? findDivision(s.divisionCode)?.name : undefined;
        const name = division ?? streetName(s);
        const rank = rankPlace(q, { kind: 'division', name, aliases: [s.name, s.shortName ?? ''].filter(Boolean), detail: districtName });
        if (rank !== null) found.push({ kind: 'division', name, detail: districtName, lng: round5(s.lng), lat: round5(s.lat), rank });
      }
      const underPath = target?.path;
      const { items } = await positionsRepo.listPositions(db, { scope, underPath, q }, { limit: 50, offset: 0 });
      for (const p of items) {
        const rank = rankPlace(q, { kind: 'position', name: p.name, detail: `${p.address} ${p.code}` });
        if (rank !== null) found.push({ kind: 'position', name: p.name, detail: p.address, lng: p.lng, lat: p.lat, rank });
      }
      return { items: sortPlaces(found).slice(0, 12).map(({ rank: _rank, ...place }) => place) };
    },
  };
}

function streetName(o: { name: string; shortName: string | null; divisionCode: string | null }): string {
  const division = o.divisionCode ? findDivision(o.divisionCode)?.name : undefined;
  return division ?? o.shortName ?? o.name;
}

export type MapContextService = ReturnType<typeof createMapContextService>;