import type { PositionType } from '@niangjia/contracts';
import { useTranslation } from 'react-i18next';
import { FACILITIES, POSITION_TYPES, type Facility } from '../../../shared/positions';

export type StationFilter = { type: PositionType | ''; facility: Facility | ''; openOnly: boolean };
export const DEFAULT_STATION_FILTER: StationFilter = { type: '', facility: '', openOnly: true };

/** 类型 / 设施 / 只看现在开放: native controls (big, fast, work in WeChat's browser) above the list. */
export function StationFilters({ value, onChange }: { value: StationFilter; onChange: (v: StationFilter) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="nj-station-filters" aria-label={t('stationFilters.label')} data-testid="station-filters">
      <select aria-label={t('stationFilters.type')} value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value as StationFilter['type'] })}>
        <option value="">{t('stationFilters.allTypes')}</option>
        {POSITION_TYPES.map((type) => (
          <option key={type} value={type}>{t(`positions.types.${type}`)}</option>
        ))}
      </select>
      <select aria-label={t('stationFilters.facility')} value={value.facility} onChange={(e) => onChange({ ...value, facility: e.target.value as StationFilter['facility'] })}>
        <option value="">{t('stationFilters.anyFacility')}</option>
        {FACILITIES.map((f) => (
          <option key={f} value={f}>{t(`positions.facilities.${f}`)}</option>
        ))}
      </select>
      <label className="nj-station-open">
        <input type="checkbox" checked={value.openOnly} onChange={(e) => onChange({ ...value, openOnly: e.target.checked })} />
        {t('stationFilters.openOnly')}
      </label>
    </fieldset>
  );
}
