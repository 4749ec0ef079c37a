import type { Division } from '@niangjia/contracts';
import { Cascader, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

type Option = { value: string; label: string; isLeaf: boolean; children?: Option[]; loading?: boolean };

type Props = {
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** district unions take a county (6 digits); street unions a street or town (9 digits). */
  level: 'county' | 'street';
  /** A code to open the picker at, usually the parent org's division (e.g. 500105 for 江北区). */
  hint?: string | null;
  id?: string;
  status?: '' | 'error' | 'warning';
};

const toOptions = (items: Division[], leaf: boolean): Option[] =>
  items.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）`, isLeaf: leaf }));

function pathOf(code: string | null | undefined): string[] {
  if (!code) return [];
  const path = [code.slice(0, 2)];
  if (code.length >= 6) path.push(code.slice(0, 6));
  if (code.length === 9) path.push(code);
  return path;
}

/** Picks a statistical division code level by level from GET /divisions. */
export function DivisionPicker({ value, onChange, level, hint, id, status }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // Open at the current value or the parent's division so the usual choice is one click away.
    const seed = value || hint || '';
    void (async () => {
      try {
        const provinces = toOptions(await api.get<Division[]>('/divisions'), false);
        const provinceCode = seed.slice(0, 2);
        const province = provinces.find((p) => p.value === provinceCode);
        if (province && seed.length >= 2) {
          province.children = toOptions(await api.get<Division[]>('/divisions', { parent: provinceCode }), level === 'county');
          const county = province.children.find((c) => c.value === seed.slice(0, 6));
          if (county && level === 'street' && seed.length >= 6) {
            county.children = toOptions(await api.get<Division[]>('/divisions', { parent: county.value }), true);
          }
        }
        if (!cancelled) setOptions(provinces);
      } catch {
        if (!cancelled) setLoadError(true);
      }
    })();
    return () => {
      cancelled = true;
    };
    // Only the first seed matters; later changes come from the picker itself.
  }, [level, hint]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    const isProvince = selected.length === 1;
    try {
      const items = await api.get<Division[]>('/divisions', { parent: target.value });
      target.children = toOptions(items, isProvince ? level === 'county' : true);
    } catch {
      target.children = [];
      setLoadError(true);
    }
    setOptions((prev) => [...prev]);
  };

  const path = pathOf(value);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Cascader<Option>
        id={id}
        status={status}
        options={options}
        loadData={loadData}
        value={path.length ? path : undefined}
        onChange={(v) => {
          const codes = v ?? [];
          const last = codes[codes.length - 1];
          onChange?.(last ?? null);
        }}
        changeOnSelect={false}
        placeholder={level === 'county' ? t('orgs.division.pickCounty') : t('orgs.division.pickStreet')}
        showSearch={{ filter: (input, opts) => opts.some((o) => String(o.label).includes(input)) }}
        displayRender={(labels) => labels.map((l) => String(l).replace(/（\d+）$/, '')).join(' / ')}
        style={{ width: '100%' }}
        allowClear
      />
      {value ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('orgs.division.code', { code: value })}
        </Typography.Text>
      ) : null}
      {loadError ? (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('orgs.division.loadFailed')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
