import type { MapLayers } from '@niangjia/contracts';
import { lazy, Suspense } from 'react';
import { api } from '../api';
import { useRequest } from '../use-request';
import type { MapViewProps } from './types';

export type { MapPoint, MapViewProps } from './types';

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
