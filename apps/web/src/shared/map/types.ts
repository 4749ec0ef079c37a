import type { MapContext, MapLayers } from '@niangjia/contracts';

/** A point to draw, in WGS-84 (as the API gives it). */
export type MapPoint = { id: string; lng: number; lat: number; color: string; filled: boolean; title: string; label?: string };

export type MapViewProps = {
  layers: MapLayers | undefined;
  /** The scope's outline and street network (signed-in maps); without it the district outline of `layers` is drawn. */
  context?: MapContext | undefined;
  points?: readonly MapPoint[];
  /** Overlapping points become one numbered circle (the phone's and the console's maps of many stations). */
  cluster?: boolean;
  /** A pin (WGS-84): the picked location of a form, or the worker's position. */
  pin?: { lng: number; lat: number } | null;
  onPointClick?: (id: string) => void;
  /** A click on the map, converted back to WGS-84. */
  onMapClick?: (lng: number, lat: number) => void;
  /** Fit the view to the points (else to the outline). */
  fitPoints?: boolean;
  /** Places to show (the worker and the nearest stations, a found address): fitted whenever they change. */
  focus?: { points: readonly { lng: number; lat: number }[]; maxZoom?: number } | null;
  /** The centre of the view (WGS-84) after every move: the phone lists the stations near it. */
  onViewChange?: (centre: { lng: number; lat: number }) => void;
  height?: number | string;
  testId?: string;
};
