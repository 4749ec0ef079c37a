import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  convertCoord,
  gcj02ToBd09,
  gcj02ToWgs84,
  haversineMetres,
  isOutsideMainlandChina,
  wgs84ToBd09,
  wgs84ToGcj02,
  type LngLat,
} from './coords';

const metresBetween = (a: LngLat, b: LngLat) => haversineMetres(a[0], a[1], b[0], b[1]);

// Published reference pairs: Tiananmen from wandergis/coordtransform (the formula itself, to 1e-14),
// and city points from gcoord's test fixtures, which come from a map service rather than the formula
// and differ from it by ~0.7 m (gcoord's own tests allow 5e-5°, ~5 m); we allow 1 m.
const CITIES: { name: string; wgs: LngLat; gcj: LngLat; bd: LngLat }[] = [
  { name: '泸州', wgs: [105.4386655, 28.8748404], gcj: [105.4422659, 28.871815], bd: [105.4487888, 28.8776874] },
  { name: '郑州', wgs: [113.6192856, 34.7478004], gcj: [113.6253334, 34.7466173], bd: [113.6317519, 34.7528605] },
  { name: '沈阳', wgs: [123.4253306, 41.8032629], gcj: [123.4314787, 41.8057023], bd: [123.438095, 41.8114013] },
  { name: '酒泉', wgs: [98.4937175, 39.7319946], gcj: [98.4943595, 39.7328234], bd: [98.5008441, 39.7388949] },
  { name: '那曲', wgs: [92.0499619, 31.4784436], gcj: [92.0512438, 31.4762063], bd: [92.0576832, 31.4824421] },
];

describe('WGS-84 ⇄ GCJ-02 ⇄ BD-09', () => {
  it('matches the published Beijing pairs', () => {
    const gcj = wgs84ToGcj02(116.404, 39.915);
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 12);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 12);
    const bd = gcj02ToBd09(116.404, 39.915);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 12);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 12);
    // The published BD-09 inverse is approximate; ours is exact, so it agrees to ~0.1 m only.
    const back = bd09ToGcj02(116.404, 39.915);
    expect(metresBetween(back, [116.39762729119315, 39.90865673957631])).toBeLessThan(0.2);
    expect(metresBetween(gcj02ToBd09(...back), [116.404, 39.915])).toBeLessThan(0.001);
  });

  it.each(CITIES)('matches the published pair for $name', ({ wgs, gcj, bd }) => {
    expect(metresBetween(wgs84ToGcj02(...wgs), gcj)).toBeLessThan(1);
    expect(metresBetween(gcj02ToWgs84(...gcj), wgs)).toBeLessThan(1);
    expect(metresBetween(gcj02ToBd09(...gcj), bd)).toBeLessThan(0.05);
    expect(metresBetween(bd09ToWgs84(...bd), wgs)).toBeLessThan(1);
    expect(metresBetween(wgs84ToBd09(...wgs), bd)).toBeLessThan(1);
  });

  it('inverts GCJ-02 by iteration, not by the one-step approximation', () => {
    // Chongqing, Jiefangbei: the one-step inverse is off by about a metre here; ours by < 1 mm.
    const wgs: LngLat = [106.5767, 29.5572];
    const gcj = wgs84ToGcj02(...wgs);
    expect(metresBetween(wgs, gcj)).toBeGreaterThan(300);
    const oneStep: LngLat = [2 * gcj[0] - wgs84ToGcj02(...gcj)[0], 2 * gcj[1] - wgs84ToGcj02(...gcj)[1]];
    expect(metresBetween(oneStep, wgs)).toBeGreaterThan(0.05);
    const back = gcj02ToWgs84(...gcj);
    expect(Math.abs(back[0] - wgs[0])).toBeLessThan(1e-7);
    expect(Math.abs(back[1] - wgs[1])).toBeLessThan(1e-7);
  });

  it('round-trips a grid over mainland China to < 0.5 m (in fact < 1 cm)', () => {
    let worst = 0;
    for (let lng = 75; lng <= 134; lng += 2.9) {
      for (let lat = 21; lat <= 53; lat += 1.7) {
        if (isOutsideMainlandChina(lng, lat)) continue;
        for (const crs of ['gcj02', 'bd09'] as const) {
          const there = convertCoord([lng, lat], 'wgs84', crs);
          worst = Math.max(worst, metresBetween(convertCoord(there, crs, 'wgs84'), [lng, lat]));
        }
      }
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('does not shift points outside mainland China', () => {
    const outside: LngLat[] = [
      [7.4246, 43.7384], // Monaco
      [139.6917, 35.6895], // Tokyo
      [126.978, 37.5665], // Seoul
      [106.9057, 47.8864], // Ulaanbaatar
      [121.5654, 25.033], // Taipei
      [114.1694, 22.3193], // Hong Kong, Kowloon
      [114.0, 22.45], // Hong Kong, Yuen Long
      [113.5439, 22.1987], // Macao
      [105.8342, 21.0278], // Hanoi
      [183, 45],
    ];
    for (const p of outside) {
      expect(isOutsideMainlandChina(...p)).toBe(true);
      expect(wgs84ToGcj02(...p)).toEqual(p);
      expect(gcj02ToWgs84(...p)).toEqual(p);
      expect(convertCoord(p, 'bd09', 'wgs84')).toEqual(p);
    }
    const inside: LngLat[] = [
      [106.5516, 29.563], // Chongqing
      [113.93, 22.49], // Shenzhen, Shekou
      [114.06, 22.545], // Shenzhen, Futian
      [113.54, 22.14], // Zhuhai, Hengqin
      [109.5, 18.25], // Sanya
      [87.6168, 43.8256], // Ürümqi
      [126.6424, 45.7567], // Harbin
    ];
    for (const p of inside) expect(isOutsideMainlandChina(...p), String(p)).toBe(false);
  });

  // Issue 9: the rectangle cover left parts of Heilongjiang along the Amur and the South China Sea
  // islands unshifted (~550 m off on GCJ-02 maps, ~1.3 km on BD-09), and shifted towns across the
  // borders. Points on both sides of each border, each at least 1 km from it.
  it.each([
    ['黑河 Heihe', 127.49, 50.245],
    ['瑷珲 Aihui', 127.46, 49.98],
    ['逊克 Xunke', 128.47, 49.58],
    ['嘉荫 Jiayin', 130.4, 48.89],
    ['同江 Tongjiang', 132.51, 47.65],
    ['抚远 Fuyuan', 134.29, 48.36],
    ['饶河 Raohe', 134.02, 46.8],
    ['虎林 Hulin', 132.98, 45.77],
    ['绥芬河 Suifenhe', 131.16, 44.4],
    ['珲春 Hunchun', 130.36, 42.87],
    ['漠河 Mohe', 122.54, 52.97],
    ['满洲里 Manzhouli', 117.43, 49.59],
    ['海拉尔 Hailar', 119.77, 49.21],
    ['阿尔山 Arxan', 119.94, 47.18],
    ['二连浩特 Erenhot', 111.98, 43.65],
    ['延吉 Yanji', 129.51, 42.89],
    ['长春 Changchun', 125.32, 43.82],
    ['大连 Dalian', 121.61, 38.91],
    ['三沙 永兴岛 Sansha, Woody Island', 112.338, 16.834],
    ['黄岩岛 Huangyan Island', 117.76, 15.16],
    ['永暑礁 Yongshu Reef', 112.89, 9.55],
    ['美济礁 Meiji Reef', 115.53, 9.91],
    ['曾母暗沙 Zengmu Ansha', 112.28, 3.97],
    ['三亚 Sanya', 109.5, 18.25],
  ])('shifts %s (mainland China)', (_name, lng, lat) => {
    expect(isOutsideMainlandChina(lng, lat)).toBe(false);
    expect(haversineMetres(lng, lat, ...wgs84ToGcj02(lng, lat))).toBeGreaterThan(300);
  });

  it.each([
    ['Благовещенск Blagoveshchensk', 127.533, 50.267],
    ['Хабаровск Khabarovsk', 135.07, 48.48],
    ['Бикин Bikin', 134.27, 46.8],
    ['Дальнереченск Dalnerechensk', 133.73, 45.93],
    ['Лесозаводск Lesozavodsk', 133.42, 45.47],
    ['Биробиджан Birobidzhan', 132.93, 48.79],
    ['Пограничный Pogranichny', 131.38, 44.4],
    ['Уссурийск Ussuriysk', 131.95, 43.8],
    ['Владивосток Vladivostok', 131.89, 43.12],
    ['Сковородино Skovorodino', 123.93, 53.99],
    ['Choibalsan', 114.5, 48.07],
    ['Zamyn-Üüd', 111.9, 43.72],
    ['평양 Pyongyang', 125.75, 39.03],
    ['청진 Chongjin', 129.78, 41.8],
    ['Da Nang', 108.22, 16.07],
    ['Cam Ranh', 109.16, 11.92],
    ['Puerto Princesa', 118.74, 9.74],
    ['Iba, Luzon', 119.97, 15.33],
    ['Kota Kinabalu', 116.07, 5.98],
    ['Bandar Seri Begawan', 114.94, 4.89],
    ['Miri', 113.99, 4.4],
    ['Ranai, Natuna', 108.38, 3.94],
    ['Singapore', 103.82, 1.35],
  ])('leaves %s alone (across the border)', (_name, lng, lat) => {
    expect(isOutsideMainlandChina(lng, lat)).toBe(true);
    expect(wgs84ToGcj02(lng, lat)).toEqual([lng, lat]);
  });

  it('measures haversine distances', () => {
    expect(haversineMetres(0, 0, 0, 1)).toBeCloseTo(111195, -1);
    expect(haversineMetres(7.42, 43.73, 7.42, 43.73)).toBe(0);
    // Paris – London, 343.5 km by great circle.
    expect(haversineMetres(2.3522, 48.8566, -0.1276, 51.5072) / 1000).toBeCloseTo(343.5, 0);
  });
});
