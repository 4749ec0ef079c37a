import { ageOn } from './campaign.eligibility';

/**
 * 户外劳动者 as the member record shows it: the new forms of employment that work outdoors
 * (delivery riders, couriers, ride-hailing and truck drivers). Anyone else (sanitation workers,
 * builders) is certified with documents.
 */
export const OUTDOOR_FORMS: readonly string[] = ['delivery_rider', 'courier', 'ride_hailing', 'truck_driver'];

export type PricingTier = { id: string; name: string; priceFen: number; grounds: readonly string[]; needsCertification: boolean; isActive: boolean };
/** The member's attributes the tiers read (campaign.eligibility's facts). */
export type PricingFacts = { birthDate: string; employmentForm: string };
/** An approved certification: the tier it is for and its last day (inclusive). */
export type HeldCertification = { tierId: string; expiresOn: string };

/** Whether the member record alone proves a ground on a day (over 60: full years, ageOn). */
export function isGroundOnRecord(ground: string, facts: PricingFacts, day: string): boolean {
  if (ground === 'over_60') return ageOn(facts.birthDate, day) >= 60;
  if (ground === 'outdoor_worker') return OUTDOOR_FORMS.includes(facts.employmentForm);
  return false;
}

/**
 * The tier that applies on a day: the cheapest active tier below the normal price that the worker
 * holds a certification for, unexpired on that day, or — for a tier needing no certification —
 * one of whose grounds the member record proves. An expired certification so falls back to the
 * next tier the worker still qualifies for, or to the normal price (null).
 */
export function applicableTier<T extends PricingTier>(normalPriceFen: number, tiers: readonly T[], facts: PricingFacts, held: readonly HeldCertification[], day: string): { tier: T; via: 'certification' | 'record' } | null {
  let best: { tier: T; via: 'certification' | 'record' } | null = null;
  for (const tier of tiers) {
    if (!tier.isActive || tier.priceFen >= normalPriceFen) continue;
    const isCertified = held.some((c) => c.tierId === tier.id && c.expiresOn >= day);
    const isOnRecord = !tier.needsCertification && tier.grounds.some((g) => isGroundOnRecord(g, facts, day));
    if (!isCertified && !isOnRecord) continue;
    if (!best || tier.priceFen < best.tier.priceFen) best = { tier, via: isCertified ? 'certification' : 'record' };
  }
  return best;
}

/** The Asia/Shanghai day of an instant (YYYY-MM-DD). */
export const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A name as the terminal's screen shows it to the queue: the family name and a star per other character. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}
