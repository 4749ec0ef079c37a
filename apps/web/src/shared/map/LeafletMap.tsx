// The Leaflet map, loaded as its own chunk (LazyMap). Data arrives in WGS-84; with GCJ-02 tiles it
// is shifted onto them for display and clicked points are shifted back. Without tiles (a closed
// network, a deployment before AMap/Tianditu keys) it still draws what it knows: the scope's own
// outline, the imported street network, and the positions as labelled, clustered markers.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { gcj02ToWgs84, wgs84ToGcj02, type LngLat } from '../coords';
import { clusterByPixels } from './geometry';
import './map.css';
import { textContent } from './text-content';
import type { MapPoint, MapViewProps } from './types';

const pinIcon = L.icon({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow, iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41] });
const JIANGBEI_CENTRE: L.LatLngExpression = [29.61, 106.6];
/** From this zoom on (about 1:20,000) every single marker carries its name. */
const LABEL_ZOOM = 15;
/** Fewer single markers than this in the view: names shown at any zoom. */
const LABEL_FEW = 12;

/** The count in a cluster's circle, as an element (divIcon would parse a string as HTML). */
function countBadge(n: number): HTMLElement {
  const badge = document.createElement('span');
  badge.textContent = String(n);
  return badge;
}

export default function LeafletMap({ layers, context, points = [], cluster, pin, onPointClick, onMapClick, fitPoints, focus, onViewChange, height = 420, testId }: MapViewProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const dataLayer = useRef<L.LayerGroup | null>(null);
  const outlineLayer = useRef<L.LayerGroup | null>(null);
  const pinLayer = useRef<L.LayerGroup | null>(null);
  const legend = useRef<HTMLDivElement | null>(null);
  const outlineBounds = useRef<L.LatLngBounds | null>(null);
  const handlers = useRef({ onPointClick, onMapClick, onViewChange });
  handlers.current = { onPointClick, onMapClick, onViewChange };
  const gcj = Boolean(layers?.tiles.url) && layers?.tiles.crs === 'gcj02';
  const toDisplay = (lng: number, lat: number): L.LatLngTuple => {
    const [x, y]: LngLat = gcj ? wgs84ToGcj02(lng, lat) : [lng, lat];
    return [y, x];
  };
  const fromDisplay = (ll: L.LatLng) => {
    const [lng, lat] = gcj ? gcj02ToWgs84(ll.lng, ll.lat) : [ll.lng, ll.lat];
    return { lng, lat };
  };
  const boundsWith = (start: L.LatLngBounds | null, more: readonly MapPoint[]) => {
    const bounds = L.latLngBounds(more.map((p) => toDisplay(p.lng, p.lat)));
    if (start) bounds.extend(start);
    return bounds;
  };
  const boundaryName = context?.boundary.name ?? layers?.outline.properties.name;

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { center: JIANGBEI_CENTRE, zoom: 11, zoomControl: true, attributionControl: true, zoomSnap: 0.25 });
    m.attributionControl.setPrefix('Leaflet');
    outlineLayer.current = L.layerGroup().addTo(m);
    dataLayer.current = L.layerGroup().addTo(m);
    pinLayer.current = L.layerGroup().addTo(m);
    // What the plain background shows, in words (the outline's name, 示意范围, the network's name).
    const Legend = L.Control.extend({
      onAdd: () => {
        const el = L.DomUtil.create('div', 'nj-map-legend');
        legend.current = el;
        return el;
      },
    });
    new Legend({ position: 'bottomleft' }).addTo(m);
    const moved = () => handlers.current.onViewChange?.(fromDisplayRef.current(m.getCenter()));
    m.on('moveend', moved);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);
  const fromDisplayRef = useRef(fromDisplay);
  fromDisplayRef.current = fromDisplay;

  // Tiles, the outline (the scope's own when known) and the street network; clicks converted back with the current datum.
  useEffect(() => {
    const m = map.current;
    if (!m || !layers) return;
    let tiles: L.TileLayer | undefined;
    if (layers.tiles.url) tiles = L.tileLayer(layers.tiles.url, { maxZoom: 18, subdomains: '1234' }).addTo(m);
    const group = outlineLayer.current!;
    group.clearLayers();
    if (context?.network?.segments.length) {
      const lines = context.network.segments.map(([x1, y1, x2, y2]) => [toDisplay(x1, y1), toDisplay(x2, y2)]);
      // One canvas path for thousands of segments; drawn under the outline and markers.
      group.addLayer(L.polyline(lines, { color: '#b8b0a2', weight: 1.2, opacity: 0.9, interactive: false, renderer: L.canvas({ padding: 0.2 }) }));
    }
    const geometry = context?.boundary.geometry ?? layers.outline.geometry;
    const rings = geometry.coordinates.map((poly) => poly.map((ring) => ring.map(([lng, lat]) => toDisplay(lng, lat))));
    const approximate = context?.boundary.approximate ?? false;
    const outline = L.polygon(rings, { color: '#c8102e', weight: 2, dashArray: approximate ? '6 4' : undefined, fillColor: '#c8102e', fillOpacity: 0.04, interactive: false, className: 'nj-boundary' });
    group.addLayer(outline);
    outlineBounds.current = outline.getBounds();
    const onClick = (e: L.LeafletMouseEvent) => {
      const { lng, lat } = fromDisplay(e.latlng);
      handlers.current.onMapClick?.(lng, lat);
    };
    m.on('click', onClick);
    return () => {
      m.off('click', onClick);
      tiles?.remove();
    };
  }, [layers, context]);

  useEffect(() => {
    const el = legend.current;
    if (!el || !layers) return;
    const lines: string[] = [];
    if (boundaryName) lines.push(context?.boundary.approximate ? t('positions.map.approximateArea', { name: boundaryName }) : boundaryName);
    if (context?.network) lines.push(context.network.isSynthetic ? t('positions.map.syntheticNetwork') : t('positions.map.network', { name: context.network.name }));
    if (!layers.tiles.url) lines.push(t('positions.map.noTilesShort'));
    el.replaceChildren(textContent(...lines));
  }, [layers, context, boundaryName, t]);

  // Markers: single ones with their name (always when zoomed in or few), overlapping ones as a numbered circle.
  useEffect(() => {
    const group = dataLayer.current;
    const m = map.current;
    if (!group || !m) return;
    const single = (p: MapPoint, permanent: boolean) => {
      const marker = L.circleMarker(toDisplay(p.lng, p.lat), { radius: 7, color: p.color, weight: 2, fillColor: p.filled ? p.color : '#fff', fillOpacity: p.filled ? 0.85 : 1, className: 'nj-point' });
      if (permanent) marker.bindTooltip(textContent(p.title), { permanent: true, direction: 'right', offset: [8, 0], className: 'nj-map-label' });
      else marker.bindTooltip(textContent(p.title, p.label));
      marker.on('click', (e) => {
        L.DomEvent.stopPropagation(e);
        handlers.current.onPointClick?.(p.id);
      });
      return marker;
    };
    const draw = () => {
      group.clearLayers();
      const zoom = m.getZoom();
      const groups = cluster
        ? clusterByPixels(points.map((p) => ({ item: p, ...m.project(toDisplay(p.lng, p.lat), zoom) })))
        : points.map((p) => ({ items: [p], x: 0, y: 0 }));
      const singles = groups.filter((g) => g.items.length === 1).length;
      const permanent = zoom >= LABEL_ZOOM || singles <= LABEL_FEW;
      for (const g of groups) {
        if (g.items.length === 1) {
          group.addLayer(single(g.items[0]!, permanent));
          continue;
        }
        const bounds = L.latLngBounds(g.items.map((p) => toDisplay(p.lng, p.lat)));
        const marker = L.marker(m.unproject([g.x, g.y], zoom), {
          icon: L.divIcon({ className: 'nj-cluster', html: countBadge(g.items.length), iconSize: [34, 34], iconAnchor: [17, 17] }),
          keyboard: false,
        });
        marker.bindTooltip(textContent(t('positions.map.cluster', { count: g.items.length }), ...g.items.slice(0, 5).map((p) => p.title)));
        marker.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          m.fitBounds(bounds.pad(0.3), { maxZoom: Math.max(zoom + 2, LABEL_ZOOM) });
        });
        group.addLayer(marker);
      }
    };
    draw();
    m.on('zoomend', draw);
    return () => {
      m.off('zoomend', draw);
    };
  }, [points, gcj, cluster, t]);

  // The view: the places that matter now (the worker and the nearest stations, a found address),
  // else the whole area and any of its positions outside an approximate outline. Fitted again only
  // when what it is made of changes, not when a marker's colour does.
  const focusKey = focus ? JSON.stringify(focus) : '';
  const homeKey = `${context?.boundary.name ?? ''}|${layers ? 1 : 0}|${fitPoints ? points.length : 0}|${focusKey}|${gcj}`;
  const fitHome = useRef<() => void>(() => {});
  const userMoved = useRef(false);
  useEffect(() => {
    const m = map.current;
    if (!m || !layers) return;
    userMoved.current = false;
    fitHome.current = () => {
      // Leaflet keeps the container's size from when it was made; a map laid out since (a lazy tab, a
      // drawer still opening) would otherwise be fitted into the old size and land far too wide.
      m.invalidateSize({ animate: false });
      if (focus?.points.length) {
        m.fitBounds(L.latLngBounds(focus.points.map((p) => toDisplay(p.lng, p.lat))), { padding: [32, 32], maxZoom: focus.maxZoom ?? 16, animate: false });
        return;
      }
      const bounds = boundsWith(outlineBounds.current, fitPoints ? points : []);
      if (bounds.isValid()) m.fitBounds(bounds, { padding: [12, 12], maxZoom: 16, animate: false });
    };
    fitHome.current();
  }, [homeKey]);

  // The box may still change size after the fit (a drawer sliding open, a scrollbar appearing on a
  // busy machine): fit again, until the user has moved the map themselves.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const touched = () => {
      userMoved.current = true;
    };
    let last = `${el.clientWidth}x${el.clientHeight}`;
    const observer = new ResizeObserver(() => {
      const size = `${el.clientWidth}x${el.clientHeight}`;
      if (size === last || el.clientWidth === 0) return;
      last = size;
      if (userMoved.current) map.current?.invalidateSize({ animate: false });
      else fitHome.current();
    });
    observer.observe(el);
    el.addEventListener('pointerdown', touched);
    el.addEventListener('wheel', touched, { passive: true });
    el.addEventListener('keydown', touched);
    return () => {
      observer.disconnect();
      el.removeEventListener('pointerdown', touched);
      el.removeEventListener('wheel', touched);
      el.removeEventListener('keydown', touched);
    };
  }, []);

  useEffect(() => {
    const group = pinLayer.current;
    if (!group) return;
    group.clearLayers();
    if (pin) group.addLayer(L.marker(toDisplay(pin.lng, pin.lat), { icon: pinIcon, interactive: false }));
  }, [pin?.lng, pin?.lat, gcj]);

  return (
    <div
      ref={box}
      data-testid={testId ?? 'leaflet-map'}
      data-boundary-name={boundaryName}
      data-boundary-kind={context?.boundary.kind ?? (layers ? 'district' : undefined)}
      className="nj-map"
      style={{ height, width: '100%', background: '#f3f1ec', borderRadius: 8, zIndex: 0 }}
    />
  );
}
