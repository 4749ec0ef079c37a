// The Leaflet map, loaded as its own chunk (LazyMap). Data arrives in WGS-84; with GCJ-02 tiles it
// is shifted onto them for display and clicked points are shifted back. Without tiles the outline
// and markers are drawn on a plain background.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import markerIcon2x from 'leaflet/dist/images/marker-icon-2x.png';
import markerIcon from 'leaflet/dist/images/marker-icon.png';
import markerShadow from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef } from 'react';
import { gcj02ToWgs84, wgs84ToGcj02, type LngLat } from '../coords';
import { textContent } from './text-content';
import type { MapViewProps } from './types';

const pinIcon = L.icon({ iconUrl: markerIcon, iconRetinaUrl: markerIcon2x, shadowUrl: markerShadow, iconSize: [25, 41], iconAnchor: [12, 41], shadowSize: [41, 41] });
const JIANGBEI_CENTRE: L.LatLngExpression = [29.61, 106.6];

export default function LeafletMap({ layers, points = [], pin, onPointClick, onMapClick, fitPoints, height = 420, testId }: MapViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const dataLayer = useRef<L.LayerGroup | null>(null);
  const outlineLayer = useRef<L.LayerGroup | null>(null);
  const pinLayer = useRef<L.LayerGroup | null>(null);
  const handlers = useRef({ onPointClick, onMapClick });
  handlers.current = { onPointClick, onMapClick };
  const gcj = Boolean(layers?.tiles.url) && layers?.tiles.crs === 'gcj02';
  const toDisplay = (lng: number, lat: number): L.LatLngTuple => {
    const [x, y]: LngLat = gcj ? wgs84ToGcj02(lng, lat) : [lng, lat];
    return [y, x];
  };

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { center: JIANGBEI_CENTRE, zoom: 11, zoomControl: true, attributionControl: true });
    m.attributionControl.setPrefix('Leaflet');
    outlineLayer.current = L.layerGroup().addTo(m);
    dataLayer.current = L.layerGroup().addTo(m);
    pinLayer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  // Tiles and outline when the layers arrive; clicks converted back with the current datum.
  useEffect(() => {
    const m = map.current;
    if (!m || !layers) return;
    let tiles: L.TileLayer | undefined;
    if (layers.tiles.url) tiles = L.tileLayer(layers.tiles.url, { maxZoom: 18, subdomains: '1234' }).addTo(m);
    outlineLayer.current?.clearLayers();
    const rings = layers.outline.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(([lng, lat]) => toDisplay(lng, lat))));
    const outline = L.polygon(rings, { color: '#c8102e', weight: 2, fillColor: '#c8102e', fillOpacity: 0.04, interactive: false });
    outlineLayer.current?.addLayer(outline);
    if (!fitPoints || points.length === 0) m.fitBounds(outline.getBounds(), { padding: [8, 8] });
    const onClick = (e: L.LeafletMouseEvent) => {
      const [lng, lat] = gcj ? gcj02ToWgs84(e.latlng.lng, e.latlng.lat) : [e.latlng.lng, e.latlng.lat];
      handlers.current.onMapClick?.(lng, lat);
    };
    m.on('click', onClick);
    return () => {
      m.off('click', onClick);
      tiles?.remove();
    };
  }, [layers]);

  useEffect(() => {
    const group = dataLayer.current;
    const m = map.current;
    if (!group || !m) return;
    group.clearLayers();
    const bounds: L.LatLngTuple[] = [];
    for (const p of points) {
      const at = toDisplay(p.lng, p.lat);
      bounds.push(at);
      const marker = L.circleMarker(at, { radius: 7, color: p.color, weight: 2, fillColor: p.filled ? p.color : '#fff', fillOpacity: p.filled ? 0.85 : 1 });
      marker.bindTooltip(textContent(p.title, p.label));
      marker.on('click', (e) => {
        L.DomEvent.stopPropagation(e);
        handlers.current.onPointClick?.(p.id);
      });
      group.addLayer(marker);
    }
    if (fitPoints && bounds.length) m.fitBounds(L.latLngBounds(bounds), { padding: [24, 24], maxZoom: 16 });
  }, [points, gcj]);

  useEffect(() => {
    const group = pinLayer.current;
    if (!group) return;
    group.clearLayers();
    if (pin) group.addLayer(L.marker(toDisplay(pin.lng, pin.lat), { icon: pinIcon, interactive: false }));
  }, [pin?.lng, pin?.lat, gcj]);

  return <div ref={box} data-testid={testId ?? 'leaflet-map'} className="nj-map" style={{ height, width: '100%', background: '#f3f1ec', borderRadius: 8, zIndex: 0 }} />;
}
