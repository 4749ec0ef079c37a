// zod-free constants of the service marketplace (职工服务自选超市), safe for the browser bundle.

/** 社会组织, school, clinic, company, individual studio. */
export const providerTypes = ['social_org', 'school', 'clinic', 'company', 'studio'] as const;
export type ProviderType = (typeof providerTypes)[number];

/** pending → approved | returned (fix and resubmit → pending); approved ⇄ suspended. */
export const providerStatuses = ['pending', 'returned', 'approved', 'suspended'] as const;
export type ProviderStatus = (typeof providerStatuses)[number];

export const projectCategories = ['skills', 'culture', 'sports', 'team_building', 'health', 'other'] as const;
export type ProjectCategory = (typeof projectCategories)[number];

export const targetGroups = ['all_workers', 'new_employment', 'women', 'model_workers', 'migrant', 'hardship', 'young', 'retirees'] as const;
export type TargetGroup = (typeof targetGroups)[number];

/** At the employer's site, at a station (服务阵地), or online. */
export const projectFormats = ['on_site', 'station', 'online'] as const;
export type ProjectFormat = (typeof projectFormats)[number];

/** A price per session (a class, a match) or per person. */
export const priceUnits = ['session', 'person'] as const;
export type PriceUnit = (typeof priceUnits)[number];

/** A project: draft until first submitted; approved once a version is; suspended by staff. */
export const projectStatuses = ['draft', 'pending', 'approved', 'returned', 'suspended'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A version: draft (provider editing) → pending (staff review) → approved | returned; an approved one is superseded by the next. */
export const versionStatuses = ['draft', 'pending', 'approved', 'returned', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** The competition's stages in order (项目竞赛). */
export const seasonStages = ['draft', 'call', 'review', 'roadshow', 'final', 'published'] as const;
export type SeasonStage = (typeof seasonStages)[number];

/** submitted → passed | failed (初审); passed → finalist (路演); withdrawn by the provider before the call closes. */
export const entryStatuses = ['submitted', 'passed', 'failed', 'finalist', 'withdrawn'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

export const voteSessionStatuses = ['ready', 'open', 'closed'] as const;
export type VoteSessionStatus = (typeof voteSessionStatuses)[number];

/** placed → confirmed | declined | cancelled; confirmed → delivered → (rated). */
export const orderStatuses = ['placed', 'confirmed', 'declined', 'cancelled', 'delivered'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const placeKinds = ['position', 'address', 'online'] as const;
export type PlaceKind = (typeof placeKinds)[number];

/** The competition's default rubric (Jiangbei 2023): 目的明确、方案合理、可复制性高、创新性强, each 0–25. */
export const DEFAULT_MARKET_RUBRIC = [
  { key: 'purpose', name: '目的明确', nameEn: 'Clear purpose', weight: 25, max: 25 },
  { key: 'plan', name: '方案合理', nameEn: 'Sound plan', weight: 25, max: 25 },
  { key: 'replicable', name: '可复制性高', nameEn: 'Replicable', weight: 25, max: 25 },
  { key: 'innovative', name: '创新性强', nameEn: 'Innovative', weight: 25, max: 25 },
] as const;

/** Files a provider attaches: photos (JPEG/PNG/WebP) and documents (PDF), each at most 5 MB. */
export const MARKET_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MARKET_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_MARKET_FILE_BYTES = 5 * 1024 * 1024;

/** Seconds a check-in code shown on the hall screen stays current; the previous one is still accepted. */
export const CHECKIN_CODE_SECONDS = 30;

/** Subsidy share in basis points (10000 = the whole price). */
export const BPS = 10_000;

/** Sessions needed for a headcount, and the price the order carries (integer fen). */
export function orderPrice(p: { priceFen: number; unit: PriceUnit; capacity: number }, headcount: number): { sessions: number; totalFen: number } {
  const sessions = Math.max(1, Math.ceil(headcount / Math.max(1, p.capacity)));
  return { sessions, totalFen: p.unit === 'person' ? p.priceFen * headcount : p.priceFen * sessions };
}

/** The subsidy the rule pays on a price (rounded down to the fen), before caps and budget. */
export const subsidyShare = (totalFen: number, percentBps: number): number => Math.floor((totalFen * percentBps) / BPS);
