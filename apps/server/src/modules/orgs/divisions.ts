import fs from 'node:fs';
import type { Division } from '@niangjia/contracts';

type DivisionIndex = { byCode: Map<string, Division>; children: Map<string, Division[]> };

let index: DivisionIndex | undefined;

function readCsv(file: string): string[][] {
  const text = fs.readFileSync(new URL(`./divisions/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/** Loaded on first use: ~44,000 rows, about 40 ms. */
function load(): DivisionIndex {
  if (index) return index;
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const add = (parent: string, d: Division) => {
    byCode.set(d.code, d);
    const list = children.get(parent) ?? [];
    list.push(d);
    children.set(parent, list);
  };
  for (const [code = '', name = ''] of readCsv('provinces.csv')) add('', { code, name, level: 'province' });
  for (const [code = '', name = '', , province = ''] of readCsv('areas.csv')) add(province, { code, name, level: 'county' });
  for (const [code = '', name = '', area = ''] of readCsv('streets.csv')) add(area, { code, name, level: 'street' });
  index = { byCode, children };
  return index;
}

export function findDivision(code: string): Division | undefined {
  return load().byCode.get(code);
}

/** Provinces (no parent), the counties of a province (2 digits) or the streets of a county (6 digits). */
export function listDivisions(parent?: string): Division[] {
  return load().children.get(parent ?? '') ?? [];
}
