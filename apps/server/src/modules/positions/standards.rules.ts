// Facility standards: which standard applies to an org, and what a position lacks against it.
import type { facilityKeys } from '@niangjia/contracts';

export type FacilityKey = (typeof facilityKeys)[number];
export type StandardItem = { key: FacilityKey; label: string | null };
export type StandardLike = {
  orgId: string;
  name: string;
  items: StandardItem[];
};

/**
 * "七个一" (issue 4): the standard wherever no federation or district has set its own. It comes
 * from Wushan county's station standard; the help text on the standards page says so, the name
 * staff see everywhere is just 七个一 (issue 10 point 8).
 */
export const DEFAULT_STANDARD = {
  name: '七个一',
  items: (['table_chairs', 'microwave', 'rice_cooker', 'kettle', 'fan', 'phone_charger', 'first_aid_kit'] as const).map((key) => ({ key, label: null })),
} satisfies { name: string; items: StandardItem[] };

/** Org ids of a materialised path ("/root/…/self/"), root first. */
export const idsOfPath = (path: string): string[] => path.split('/').filter(Boolean);

/** The standard of the nearest org on the path that has one (the org itself first), else null. */
export function pickStandard<T extends StandardLike>(path: string, byOrg: ReadonlyMap<string, T>): T | null {
  const ids = idsOfPath(path);
  for (let i = ids.length - 1; i >= 0; i--) {
    const found = byOrg.get(ids[i]!);
    if (found) return found;
  }
  return null;
}

/** The standard's items the position's facilities do not include, in the standard's order. */
export function listMissing(items: readonly StandardItem[], facilities: readonly string[]): FacilityKey[] {
  const have = new Set(facilities);
  return items.filter((i) => !have.has(i.key)).map((i) => i.key);
}
