import type { MapContext, MapLayers, Place } from '@niangjia/contracts';
import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromWgs84, toWgs84, type Crs } from '../../../shared/coords';
import { LazyMap, locateOnce, measureDistanceToNearestSegment } from '../../../shared/map';
import { AddressSearch } from './AddressSearch';

/** The location as the form holds it: a point and the datum it is in; the server converts to WGS-84. */
export type LocationValue = { lng: number; lat: number; crs: Crs };

const CRS_LIST: Crs[] = ['wgs84', 'gcj02', 'bd09'];
const fixed = (v: number) => (Math.round(v * 1e6) / 1e6).toFixed(6);
/** Farther than this from every street of the imported network, a picked point gets a warning. */
export const FAR_FROM_STREET_METRES = 150;

/**
 * 位置: click the map (gives WGS-84), or type coordinates with their datum named (WGS-84, GCJ-02
 * or BD-09, as picked on a GPS device, AMap or Baidu). The pin shows where typed ones land.
 */
export function CoordinateInput({
  layers,
  context,
  orgId,
  value,
  onChange,
}: {
  layers: MapLayers | undefined;
  context?: MapContext | undefined;
  orgId?: string | undefined;
  value?: LocationValue | undefined;
  onChange?: (v: LocationValue) => void;
}) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<{ points: { lng: number; lat: number }[]; maxZoom: number } | null>(null);
  const [found, setFound] = useState<Place | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateProblem, setLocateProblem] = useState<string | null>(null);
  const [crs, setCrs] = useState<Crs>(value?.crs ?? 'gcj02');
  const [lngText, setLngText] = useState('');
  const [latText, setLatText] = useState('');
  const [problem, setProblem] = useState(false);
  const wgs = value ? toWgs84(value.lng, value.lat, value.crs) : null;
  // How far the point is from the imported streets (none imported: no check).
  const streetMetres = useMemo(
    () => (wgs && context?.network ? measureDistanceToNearestSegment({ lng: wgs[0], lat: wgs[1] }, context.network.segments) : null),
    [wgs?.[0], wgs?.[1], context],
  );

  const useMyLocation = async () => {
    setLocating(true);
    setLocateProblem(null);
    const at = await locateOnce();
    setLocating(false);
    if (!at.ok) {
      setLocateProblem(t('positionsForm.locateFailed', { reason: t(`positionsForm.locateReasons.${at.problem}`) }));
      return;
    }
    const point = { lng: Math.round(at.lng * 1e6) / 1e6, lat: Math.round(at.lat * 1e6) / 1e6 };
    setFocus({ points: [point], maxZoom: 17 });
    onChange?.({ ...point, crs: 'wgs84' });
  };

  // A click on the map shows the point in the datum chosen for typing.
  useEffect(() => {
    if (!value) return;
    const [lng, lat] = value.crs === crs ? [value.lng, value.lat] : fromWgs84(...toWgs84(value.lng, value.lat, value.crs), crs);
    setLngText(fixed(lng));
    setLatText(fixed(lat));
    // Only when the value changes from outside (a click, a reset), not while typing.
  }, [value?.lng, value?.lat, value?.crs]);

  const apply = (nextCrs = crs) => {
    const lng = Number(lngText.trim());
    const lat = Number(latText.trim());
    if (!lngText.trim() || !latText.trim() || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      setProblem(true);
      return;
    }
    setProblem(false);
    onChange?.({ lng, lat, crs: nextCrs });
  };

  return (
    <div>
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <AddressSearch
          orgId={orgId}
          onPick={(place) => {
            setFound(place);
            setFocus({ points: [{ lng: place.lng, lat: place.lat }], maxZoom: place.kind === 'division' ? 15 : 17 });
          }}
        />
        <Button icon={<AimOutlined />} loading={locating} onClick={() => void useMyLocation()} data-testid="use-my-location">
          {locating ? t('positionsForm.locating') : t('positionsForm.myLocation')}
        </Button>
      </Space.Compact>
      {found && !value && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 6px' }} data-testid="address-moved">
          {t('positionsForm.search.moved', { name: found.name })}
        </Typography.Paragraph>
      )}
      {locateProblem && <Alert type="warning" showIcon style={{ marginBottom: 6 }} title={locateProblem} />}
      <LazyMap
        layers={layers}
        context={context}
        focus={focus}
        pin={wgs ? { lng: wgs[0], lat: wgs[1] } : null}
        height={320}
        testId="location-map"
        onMapClick={(lng, lat) => onChange?.({ lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6, crs: 'wgs84' })}
      />
      <div style={{ marginTop: 8 }} data-testid="coordinate-input">
        <Typography.Text strong style={{ fontSize: 13 }}>{t('positionsForm.coords.title')}</Typography.Text>
        <Space.Compact style={{ width: '100%', marginTop: 4 }}>
          <Select
            aria-label={t('positionsForm.coords.crs')}
            value={crs}
            style={{ width: 190 }}
            onChange={(next: Crs) => {
              setCrs(next);
              // The typed numbers are read again in the newly named datum.
              if (lngText.trim() && latText.trim()) apply(next);
            }}
            options={CRS_LIST.map((c) => ({ value: c, label: t(`positionsForm.coords.crsLabels.${c}`) }))}
          />
          <Input aria-label={t('positionsForm.coords.lng')} placeholder={t('positionsForm.coords.lng')} value={lngText} onChange={(e) => setLngText(e.target.value)} onPressEnter={() => apply()} />
          <Input aria-label={t('positionsForm.coords.lat')} placeholder={t('positionsForm.coords.lat')} value={latText} onChange={(e) => setLatText(e.target.value)} onPressEnter={() => apply()} />
          <Button onClick={() => apply()}>{t('positionsForm.coords.apply')}</Button>
        </Space.Compact>
        {problem && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('positionsForm.coords.invalid')}</Typography.Text>}
        {streetMetres !== null && streetMetres > FAR_FROM_STREET_METRES && (
          <Alert type="warning" showIcon style={{ marginTop: 6 }} data-testid="far-from-street" title={t('positionsForm.farFromStreet', { metres: Math.round(streetMetres) })} />
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>{t('positionsForm.coords.hint')}</Typography.Paragraph>
      </div>
    </div>
  );
}
