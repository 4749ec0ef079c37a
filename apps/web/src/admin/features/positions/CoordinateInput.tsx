import type { MapLayers } from '@niangjia/contracts';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromWgs84, toWgs84, type Crs } from '../../../shared/coords';
import { LazyMap } from '../../../shared/map';

/** The location as the form holds it: a point and the datum it is in; the server converts to WGS-84. */
export type LocationValue = { lng: number; lat: number; crs: Crs };

const CRS_LIST: Crs[] = ['wgs84', 'gcj02', 'bd09'];
const fixed = (v: number) => (Math.round(v * 1e6) / 1e6).toFixed(6);

/**
 * 位置: click the map (gives WGS-84), or type coordinates with their datum named (WGS-84, GCJ-02
 * or BD-09, as picked on a GPS device, AMap or Baidu). The pin shows where typed ones land.
 */
export function CoordinateInput({ layers, value, onChange }: { layers: MapLayers | undefined; value?: LocationValue | undefined; onChange?: (v: LocationValue) => void }) {
  const { t } = useTranslation();
  const [crs, setCrs] = useState<Crs>(value?.crs ?? 'gcj02');
  const [lngText, setLngText] = useState('');
  const [latText, setLatText] = useState('');
  const [problem, setProblem] = useState(false);
  const wgs = value ? toWgs84(value.lng, value.lat, value.crs) : null;

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
      <LazyMap
        layers={layers}
        pin={wgs ? { lng: wgs[0], lat: wgs[1] } : null}
        height={340}
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
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>{t('positionsForm.coords.hint')}</Typography.Paragraph>
      </div>
    </div>
  );
}
