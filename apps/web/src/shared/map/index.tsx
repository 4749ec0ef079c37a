import type { MapContext, MapLayers, MapPoints } from '@niangjia/contracts';
import { lazy, Suspense } from 'react';
import { api } from '../api';
import { useRequest } from '../use-request';
import type { MapViewProps } from './types';

export type { MapPoint, MapViewProps } from './types';
export { clusterByPixels, listNearestTo, measureDistanceToNearestSegment, measureMetres, type Segment } from './geometry';
export { locateOnce, type LocateProblem } from './locate';

const LeafletMap = lazy(() => import('./LeafletMap'));

let layersPromise: Promise<MapLayers> | undefined;
/** The outline and tile settings (public, cached for the page's life). */
export function useMapLayers() {
  return useRequest(() => {
    layersPromise ??= api.get<MapLayers>('/positions/map-layers').catch((e: unknown) => {
      layersPromise = undefined;
      throw e;
    });
    return layersPromise;
  }, []);
}

const contexts = new Map<string, Promise<MapContext>>();
/** The scope's outline and street network (signed-in maps; cached per org for the page's life). */
export function useMapContext(orgId: string | undefined, enabled = true) {
  return useRequest(
    () => {
      const key = orgId ?? '';
      let promise = contexts.get(key);
      if (!promise) {
        promise = api.get<MapContext>('/positions/map-context', orgId ? { orgId } : undefined).catch((e: unknown) => {
          contexts.delete(key);
          throw e;
        });
        contexts.set(key, promise);
      }
      return promise;
    },
    [orgId, enabled],
    enabled,
  );
}

let pointsPromise: Promise<MapPoints> | undefined;
/** Every open position (public): the worker map before locating, the neighbours on a position's mini-map. */
export function useMapPoints(enabled = true) {
  return useRequest(
    () => {
      pointsPromise ??= api.get<MapPoints>('/positions/map-points').catch((e: unknown) => {
        pointsPromise = undefined;
        throw e;
      });
      return pointsPromise;
    },
    [enabled],
    enabled,
  );
}

/** The map, fetched as its own chunk the first time it is shown. */
export function LazyMap(props: MapViewProps & { fallback?: React.ReactNode }) {
  const { fallback, ...rest } = props;
  const height = rest.height ?? 420;
  return (
    <Suspense fallback={fallback ?? <div style={{ height, background: '#f3f1ec', borderRadius: 8 }} />}>
      <LeafletMap {...rest} />
    </Suspense>
  );
}
