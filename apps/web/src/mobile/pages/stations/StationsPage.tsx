import type { NearestQuery } from '@niangjia/contracts';
import { Button, NavBar, Skeleton, Tag } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { LazyMap, listNearestTo, locateOnce, useMapLayers, useMapPoints, type MapPoint } from '../../../shared/map';
import { formatDistance, SEVEN_STANDARD, TYPE_COLORS } from '../../../shared/positions';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { DEFAULT_STATION_FILTER, StationFilters, type StationFilter } from './StationFilters';

type NearestItem = {
  position: {
    id: string; code: string; name: string; type: keyof typeof TYPE_COLORS; address: string;
    location: { lng: number; lat: number }; locationGcj02: { lng: number; lat: number };
    contactPhone: string | null; isOpenNow: boolean; todayHours: string[]; facilities: string[]; serves: string[];
  };
  distanceMeters: number;
  walkMinutes: number;
  estimated: boolean;
};
type NearestResult = { items: NearestItem[]; origin: { lng: number; lat: number } };
type Origin = { lng: number; lat: number; source: 'gps' | 'tap' };

/** AMap wants GCJ-02 (coordinate=gaode); Apple Maps takes WGS-84. */
export const amapUrl = (p: NearestItem['position']) =>
  `https://uri.amap.com/marker?position=${p.locationGcj02.lng},${p.locationGcj02.lat}&name=${encodeURIComponent(p.name)}&coordinate=gaode&callnative=1`;
export const appleMapsUrl = (p: NearestItem['position']) => `https://maps.apple.com/?ll=${p.location.lat},${p.location.lng}&q=${encodeURIComponent(p.name)}`;

/** 驿站 tab (/m/stations): every station on the map and the ones near its centre; after locating, the nearest open ones. Public. */
export function StationsPage() {
  const { t, i18n } = useTranslation();
  const layers = useMapLayers();
  const all = useMapPoints();
  const [origin, setOrigin] = useState<Origin | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState<StationFilter>(DEFAULT_STATION_FILTER);
  const [viewCentre, setViewCentre] = useState<{ lng: number; lat: number } | null>(null);

  const nearest = useRequest(
    (signal) => {
      const query: Partial<Record<keyof NearestQuery, string | number>> = { lat: origin!.lat, lng: origin!.lng, crs: 'wgs84', limit: 10, openNow: String(filter.openOnly) };
      if (filter.type) query.type = filter.type;
      if (filter.facility) query.facility = filter.facility;
      return api.get<NearestResult>('/positions/nearest', query, { signal });
    },
    [origin?.lng, origin?.lat, filter.type, filter.facility, filter.openOnly],
    origin !== null,
  );

  const locate = async () => {
    setLocating(true);
    setProblem(null);
    const found = await locateOnce();
    setLocating(false);
    if (found.ok) setOrigin({ lng: found.lng, lat: found.lat, source: 'gps' });
    else setProblem(t('stations.denied', { reason: t(`stations.deniedReason.${found.problem}`) }));
  };

  // The same filters as the nearest search, applied to the whole map before locating.
  const shown = useMemo(
    () => (all.data?.items ?? []).filter((p) => (!filter.type || p.type === filter.type) && (!filter.facility || p.facilities.includes(filter.facility)) && (!filter.openOnly || p.isOpenNow)),
    [all.data, filter.type, filter.facility, filter.openOnly],
  );
  const points = useMemo<MapPoint[]>(
    () => shown.map((p) => ({ id: p.id, lng: p.location.lng, lat: p.location.lat, color: TYPE_COLORS[p.type], filled: p.isOpenNow, title: p.name })),
    [shown],
  );
  // Before locating: the stations nearest the middle of the map (the district's middle at first).
  const nearCentre = useMemo(() => {
    const centre = viewCentre ?? centreOf(layers.data?.outline.geometry.coordinates);
    return centre ? listNearestTo(shown, centre, 6).map(({ item }) => item) : [];
  }, [shown, viewCentre, layers.data]);
  // After locating: the worker and the three nearest stations fill the map.
  const focus = useMemo(() => {
    if (!origin || !nearest.data) return null;
    return { points: [origin, ...nearest.data.items.slice(0, 3).map((i) => i.position.location)], maxZoom: 17 };
  }, [origin, nearest.data]);

  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }}>{t('stations.title')}</NavBar>
      <div className="nj-section" style={{ padding: 16 }}>
        <p style={{ margin: '0 0 12px', lineHeight: 1.5 }}>{t('stations.intro')}</p>
        <Button block color="primary" size="large" loading={locating} loadingText={t('stations.locating')} onClick={() => void locate()} style={{ minHeight: 48 }}>
          {origin?.source === 'gps' ? t('stations.relocate') : t('stations.locate')}
        </Button>
        {problem && <p role="alert" style={{ color: '#ad4e00', margin: '12px 0 0', lineHeight: 1.5 }}>{problem}</p>}
        <p style={{ color: '#666', fontSize: 14, margin: '10px 0 8px' }}>{t('stations.tapHint')}</p>
        <div aria-label={t('stations.mapLabel')}>
          <LazyMap
            layers={layers.data}
            points={points}
            cluster
            pin={origin}
            focus={focus}
            height={280}
            testId="stations-map"
            onViewChange={setViewCentre}
            onMapClick={(lng, lat) => {
              setProblem(null);
              setOrigin({ lng, lat, source: 'tap' });
            }}
          />
        </div>
        <StationFilters value={filter} onChange={setFilter} />
      </div>
      {origin ? (
        <div style={{ padding: '0 12px 16px' }}>
          <p style={{ color: '#666', fontSize: 14, margin: '4px 4px 8px' }}>{origin.source === 'gps' ? t('stations.fromGps') : t('stations.fromTapped')}</p>
          {nearest.error ? <ErrorNotice error={nearest.error} /> : null}
          {nearest.loading && !nearest.data ? (
            <CardSkeletons />
          ) : nearest.data && nearest.data.items.length === 0 ? (
            <div className="nj-section" style={{ margin: 0, padding: 16, lineHeight: 1.5 }}>{filter.type || filter.facility || !filter.openOnly ? t('stationFilters.noneFiltered') : t('stations.none')}</div>
          ) : (
            <ol style={{ listStyle: 'none', margin: 0, padding: 0, opacity: nearest.loading ? 0.6 : 1 }} data-testid="nearest-list">
              {nearest.data?.items.map((item) => <StationCard key={item.position.id} position={item.position} distance={item} lang={i18n.language} />)}
            </ol>
          )}
        </div>
      ) : (
        <div style={{ padding: '0 12px 16px' }}>
          <p style={{ color: '#666', fontSize: 14, margin: '4px 4px 8px' }} data-testid="near-centre-note">
            {t('stations.nearCentre', { count: shown.length })}
          </p>
          {all.error ? <ErrorNotice error={all.error} /> : null}
          {all.loading && !all.data ? (
            <CardSkeletons />
          ) : nearCentre.length === 0 ? (
            <div className="nj-section" style={{ margin: 0, padding: 16, lineHeight: 1.5 }}>{t('stationFilters.noneFiltered')}</div>
          ) : (
            <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="near-centre-list">
              {nearCentre.map((p) => <StationCard key={p.id} position={p} lang={i18n.language} />)}
            </ol>
          )}
        </div>
      )}
    </>
  );
}

function CardSkeletons() {
  return (
    <>
      {[0, 1, 2].map((k) => (
        <div key={k} className="nj-section" style={{ margin: '0 0 12px', padding: 16 }}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={3} animated />
        </div>
      ))}
    </>
  );
}

/** The middle of the district's outline box (where the list starts before the map reports its view). */
function centreOf(polys: [number, number][][][] | undefined): { lng: number; lat: number } | null {
  const ring = polys?.[0]?.[0];
  if (!ring?.length) return null;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return { lng: (Math.min(...lngs) + Math.max(...lngs)) / 2, lat: (Math.min(...lats) + Math.max(...lats)) / 2 };
}

function StationCard({ position: p, distance, lang }: { position: NearestItem['position']; distance?: Omit<NearestItem, 'position'>; lang: string }) {
  const { t } = useTranslation();
  const standard = SEVEN_STANDARD.filter((f) => p.facilities.includes(f));
  const others = p.facilities.filter((f) => !(SEVEN_STANDARD as readonly string[]).includes(f));
  return (
    <li className="nj-section nj-station" style={{ margin: '0 0 12px', padding: 16 }} data-testid="station-card">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
        <h3 style={{ margin: 0, fontSize: 18, lineHeight: 1.35 }}>{p.name}</h3>
        {p.isOpenNow ? <Tag color="success" fill="solid" style={{ flex: 'none', fontSize: 13 }}>{t('positions.openNow')}</Tag> : <Tag color="default" style={{ flex: 'none', fontSize: 13 }}>{t('positions.closedNow')}</Tag>}
      </div>
      {distance && (
        <p style={{ margin: '6px 0', fontSize: 16 }}>
          <strong style={{ color: '#c8102e' }}>{formatDistance(distance.distanceMeters, lang)}</strong> ·{' '}
          {distance.estimated ? t('stations.walkEstimated', { minutes: distance.walkMinutes }) : t('stations.walk', { minutes: distance.walkMinutes })}
        </p>
      )}
      <p style={{ margin: '0 0 6px', color: '#555', fontSize: 15 }}>
        {p.todayHours.length ? t('stations.today', { hours: p.todayHours.join(', ') }) : t('stations.todayClosed')} · {t(`positions.types.${p.type}`)}
      </p>
      <p style={{ margin: '0 0 8px', color: '#555', fontSize: 15 }}>{p.address}</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 12 }}>
        {[...standard, ...others].map((f) => (
          <Tag key={f} color="primary" fill="outline" style={{ fontSize: 13, padding: '2px 6px' }}>{t(`positions.facilities.${f}`)}</Tag>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <a className="nj-nav-button nj-nav-primary" href={amapUrl(p)} target="_blank" rel="noopener noreferrer" data-testid="navigate-amap">
          {t('stations.navigate')}
        </a>
        <a className="nj-nav-button" href={appleMapsUrl(p)} target="_blank" rel="noopener noreferrer">
          {t('stations.appleMaps')}
        </a>
        {p.contactPhone && (
          <a className="nj-nav-button" href={`tel:${p.contactPhone}`}>
            {t('stations.call')}
          </a>
        )}
      </div>
    </li>
  );
}
