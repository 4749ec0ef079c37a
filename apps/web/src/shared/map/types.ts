import type { MapLayers } from '@niangjia/contracts';

/** A point to draw, in WGS-84 (as the API gives it). */
export type MapPoint = { id: string; lng: number; lat: number; color: string; filled: boolean; title: string; label?: string };

export type MapViewProps = {
  layers: MapLayers | undefined;
  points?: readonly MapPoint[];
  /** A pin (WGS-84): the picked location of a form, or the worker's position. */
  pin?: { lng: number; lat: number } | null;
  onPointClick?: (id: string) => void;
  /** A click on the map, converted back to WGS-84. */
  onMapClick?: (lng: number, lat: number) => void;
  /** Fit the view to the points (else to the outline). */
  fitPoints?: boolean;
  height?: number | string;
  /** Extra text under the map attribution, e.g. the no-tiles note. */
  testId?: string;
};
