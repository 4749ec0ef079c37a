import type { Page, Position } from '@niangjia/contracts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';

/** Picks one station of the header scope (filters of the entry log and alarms). */
export function StationSelect({
  orgId,
  value,
  onChange,
  style,
}: {
  orgId: string | undefined;
  value?: string;
  onChange?: (v: string | undefined) => void;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation();
  const list = useRequest((signal) => api.get<Page<Position>>('/positions', { orgId, page: 1, pageSize: 200 }, { signal }), [orgId]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.loading}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      placeholder={t('access.entries.filters.stationPlaceholder')}
      style={{ width: 240, ...style }}
      options={(list.data?.items ?? []).map((p) => ({
        value: p.id,
        label: p.name,
      }))}
    />
  );
}
