import type { Place } from '@niangjia/contracts';
import { AutoComplete, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api';

/**
 * 搜索地址: the streets/towns of the district (bundled division names) and positions in scope by
 * name or address (a road's name finds the stations on it). Picking one moves the map there; the
 * exact point is still clicked on the map. Options are React text, never HTML.
 */
export function AddressSearch({ orgId, onPick }: { orgId: string | undefined; onPick: (place: Place) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const [searched, setSearched] = useState('');

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setPlaces([]);
      setSearched('');
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing (an IME commits several characters at once).
    const timer = setTimeout(() => {
      api.get<{ items: Place[] }>('/positions/places', orgId ? { q, orgId } : { q }, { signal: controller.signal }).then(
        (res) => {
          setPlaces(res.items);
          setSearched(q);
        },
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, orgId]);

  const options = places.map((p, i) => ({
    value: String(i),
    label: (
      <div data-testid="place-option">
        <div>{p.name}</div>
        <div style={{ fontSize: 12, color: '#888' }}>
          {t(`positionsForm.search.kinds.${p.kind}`)} · {p.detail}
        </div>
      </div>
    ),
  }));

  return (
    <AutoComplete
      style={{ width: '100%' }}
      value={text}
      options={options}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => {
        const place = places[Number(v)];
        if (!place) return;
        setText(place.name);
        onPick(place);
      }}
      notFoundContent={searched && searched === text.trim() && places.length === 0 ? t('positionsForm.search.none', { q: searched }) : null}
    >
      <Input.Search aria-label={t('positionsForm.search.label')} placeholder={t('positionsForm.search.placeholder')} allowClear />
    </AutoComplete>
  );
}
