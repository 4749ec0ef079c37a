// The coverage result on a Leaflet map: the 15-minute isochrones (green), the uncovered streets
// (red), the open positions and the numbered candidate sites. Data is WGS-84; with GCJ-02 tiles it
// is shifted onto them. Loaded as its own chunk (Leaflet stays out of the console's first load).
import type { CoverageLayers, MapLayers } from '@niangjia/contracts';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { wgs84ToGcj02 } from '../../../shared/coords';
import { textContent } from '../../../shared/map/text-content';

/** The candidate's number in its orange badge, as an element (divIcon would parse a string as HTML). */
function rankBadge(rank: number): HTMLElement {
  const badge = document.createElement('span');
  badge.textContent = String(rank);
  return badge;
}

export type CoverageMapProps = {
  layers: MapLayers | undefined;
  coverage: CoverageLayers | undefined;
  /** Tooltip text of candidate n (1-based). */
  candidateLabel: (rank: number, gainMetres: number, gainShare: number) => string;
  height?: number;
};

export default function CoverageMap({ layers, coverage, candidateLabel, height = 500 }: CoverageMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const base = useRef<L.LayerGroup | null>(null);
  const data = useRef<L.LayerGroup | null>(null);
  const gcj = Boolean(layers?.tiles.url) && layers?.tiles.crs === 'gcj02';
  const at = ([lng, lat]: readonly [number, number]): L.LatLngTuple => {
    const [x, y] = gcj ? wgs84ToGcj02(lng, lat) : [lng, lat];
    return [y, x];
  };

  useEffect(() => {
    if (!box.current) return;
    // Quarter zoom steps: the long, thin district fills the frame instead of a third of it.
    const m = L.map(box.current, {
      center: [29.61, 106.6],
      zoom: 11,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
    });
    m.attributionControl.setPrefix('Leaflet');
    base.current = L.layerGroup().addTo(m);
    data.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !layers) return;
    const tiles = layers.tiles.url
      ? L.tileLayer(layers.tiles.url, {
          maxZoom: 18,
          subdomains: '1234',
        }).addTo(m)
      : undefined;
    base.current?.clearLayers();
    const outline = L.polygon(
      layers.outline.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(at))),
      {
        color: '#8c8c8c',
        weight: 1.5,
        fill: false,
        interactive: false,
        className: 'nj-outline',
      },
    );
    base.current?.addLayer(outline);
    m.fitBounds(outline.getBounds(), { padding: [4, 4] });
    return () => void tiles?.remove();
  }, [layers]);

  useEffect(() => {
    const group = data.current;
    if (!group) return;
    group.clearLayers();
    if (!coverage) return;
    for (const f of coverage.isochrones.features) {
      group.addLayer(
        L.polygon(
          f.geometry.coordinates.map((poly) => poly.map((ring) => ring.map(at))),
          {
            color: '#389e0d',
            weight: 1,
            fillColor: '#52c41a',
            fillOpacity: 0.45,
            interactive: false,
            className: 'nj-isochrone',
          },
        ),
      );
    }
    if (coverage.uncovered.geometry.coordinates.length) {
      group.addLayer(
        L.polyline(
          coverage.uncovered.geometry.coordinates.map((line) => line.map(at)),
          {
            color: '#cf1322',
            weight: 1,
            opacity: 0.8,
            interactive: false,
            className: 'nj-uncovered',
          },
        ),
      );
    }
    for (const p of coverage.positions.features) {
      group.addLayer(
        L.circleMarker(at(p.geometry.coordinates), {
          radius: 4,
          color: '#1677ff',
          weight: 1.5,
          fillColor: '#fff',
          fillOpacity: 1,
          className: 'nj-position',
        }).bindTooltip(textContent(p.properties.name)),
      );
    }
    for (const c of coverage.candidates.features) {
      const icon = L.divIcon({
        className: 'nj-candidate',
        html: rankBadge(c.properties.rank),
        iconSize: [24, 24],
        iconAnchor: [12, 12],
      });
      group.addLayer(L.marker(at(c.geometry.coordinates), { icon }).bindTooltip(textContent(candidateLabel(c.properties.rank, c.properties.gainMetres, c.properties.gainShare))));
    }
  }, [coverage, gcj]);

  return (
    <>
      <style>{`.nj-candidate span{display:flex;align-items:center;justify-content:center;width:24px;height:24px;border-radius:12px;background:#fa8c16;color:#fff;font-weight:600;font-size:13px;border:2px solid #fff;box-shadow:0 1px 3px rgba(0,0,0,.4)}`}</style>
      <div
        ref={box}
        data-testid="coverage-map"
        style={{
          height,
          width: '100%',
          background: '#f3f1ec',
          borderRadius: 8,
          zIndex: 0,
        }}
      />
    </>
  );
}
