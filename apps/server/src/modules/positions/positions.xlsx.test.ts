import { describe, expect, it } from 'vitest';
import { crsOfLabel, FACILITY_LABELS, keyOfLabel, splitList, TYPE_LABELS } from './positions.xlsx';

describe('positions sheet labels', () => {
  it('reads the datum column however people write it, and nothing else', () => {
    expect(['WGS-84', 'wgs84', 'GPS', ' WGS 84 '].map(crsOfLabel)).toEqual(['wgs84', 'wgs84', 'wgs84', 'wgs84']);
    expect(['GCJ-02', 'gcj02', '高德', '火星'].map(crsOfLabel)).toEqual(['gcj02', 'gcj02', 'gcj02', 'gcj02']);
    expect(['BD-09', 'bd09', '百度'].map(crsOfLabel)).toEqual(['bd09', 'bd09', 'bd09']);
    expect(['北京54', 'CGCS2000', '', 'EPSG:3857'].map(crsOfLabel)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads Chinese labels (or the English keys) and lists separated by 、 , ， ;', () => {
    expect(keyOfLabel(TYPE_LABELS, '工会驿站')).toBe('rest_station');
    expect(keyOfLabel(TYPE_LABELS, 'mothers_room')).toBe('mothers_room');
    expect(keyOfLabel(TYPE_LABELS, '驿站')).toBeUndefined();
    expect(splitList('桌椅、微波炉，热水壶,急救箱; 风扇 / 充电器').map((l) => keyOfLabel(FACILITY_LABELS, l))).toEqual(['table_chairs', 'microwave', 'kettle', 'first_aid_kit', 'fan', 'phone_charger']);
  });
});
