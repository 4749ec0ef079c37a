import { describe, expect, it } from 'vitest';
import { rankPlace, sortPlaces } from './map-context.service';

describe('address search ranking', () => {
  const at = { lng: 106.5, lat: 29.5 };
  const places = [
    { kind: 'position' as const, name: '五红路工会户外劳动者服务站', detail: '重庆市江北区五红路', ...at },
    { kind: 'division' as const, name: '观音桥街道', aliases: ['观音桥街道总工会', '观音桥'], detail: '江北区', ...at },
    { kind: 'position' as const, name: '观音桥商圈工会驿站', detail: '重庆市江北区观音桥步行街', ...at },
    { kind: 'position' as const, name: '江北区职工服务中心', detail: '重庆市江北区观音桥', ...at },
    { kind: 'position' as const, name: '红旗河沟骑手之家工会驿站', detail: '重庆市江北区红旗河沟', ...at },
  ];
  const search = (q: string) =>
    sortPlaces(places.flatMap((p) => {
      const rank = rankPlace(q, p);
      return rank === null ? [] : [{ ...p, rank }];
    })).map((p) => p.name);

  it('puts the street itself first, then positions named after it, then addresses in it', () => {
    expect(search('观音桥')).toEqual(['观音桥街道', '观音桥商圈工会驿站', '江北区职工服务中心']);
  });

  it('finds a road by the addresses of the positions on it', () => {
    expect(search('五红路')).toEqual(['五红路工会户外劳动者服务站']);
    expect(search(' 红旗河沟 ')).toEqual(['红旗河沟骑手之家工会驿站']);
  });

  it('answers nothing for blank or unknown text', () => {
    expect(search('  ')).toEqual([]);
    expect(search('解放碑')).toEqual([]);
  });

  it('ranks an exact name over a prefix over a substring, divisions first on a tie', () => {
    expect(rankPlace('观音桥街道', places[1]!)).toBe(0);
    expect(rankPlace('观音', places[1]!)).toBe(10);
    expect(rankPlace('观音', places[2]!)).toBe(11);
    expect(rankPlace('桥', places[2]!)).toBe(21);
    expect(rankPlace('步行街', places[2]!)).toBe(31);
  });
});
