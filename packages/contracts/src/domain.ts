/**
 * Plain domain constants and rules shared by server and web. No zod here: the web app imports
 * this file (`@niangjia/contracts/domain`) without pulling a validator into the phone bundle.
 */
export const roles = ['platform_admin', 'union_admin', 'union_staff', 'station_operator', 'provider', 'judge', 'worker'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'personal_data.reveal',
  'member.read',
  'member.write',
  'member.reveal',
  'position.read',
  'position.write',
  'position.inspect',
  'rubric.write',
  'access.read',
  'access.write',
  'fund.read',
  'fund.write',
  'calendar.write',
  'rights.read',
  'rights.write',
  'rights.manage',
  // The service marketplace: staff read and run it; unions order from it; providers and judges
  // reach only their own objects (the service checks which).
  'market.read',
  'market.write',
  'market.order',
  'market.provider',
  'market.judge',
  // Activities (文体活动): staff read events in and above their scope and run those of their subtree.
  // 建会入会: staff read and work the enterprise register; targets are set from the level above (the service checks where).
  'event.read',
  'organizing.read',
  'event.write',
  'organizing.write',
  // 随手拍 and the other workers'-voice records: staff read and answer those routed to their subtree.
  'voice.read',
  'voice.write',
  // 帮扶: staff read and work hardship files of their subtree; revealing an ID number is its own permission.
  'assistance.read',
  'assistance.write',
  'assistance.reveal',
  // 劳模工匠: staff read and record the honours, care and innovation studios of their subtree.
  'honours.read',
  'honours.write',
  'job.read',
  'job.write',
  'notice.write',
  'figures.read',
  'figures.write',
  'system.read',
] as const;
export type Permission = (typeof permissions)[number];

export const orgTypes = ['federation', 'district', 'street', 'park', 'industry', 'joint', 'community', 'grassroots'] as const;
export type OrgType = (typeof orgTypes)[number];

export const orgStatuses = ['active', 'closed'] as const;
export type OrgStatus = (typeof orgStatuses)[number];

/** Which node types may stand directly under which (PRODUCT.md part 1: the union tree). */
export const ALLOWED_PARENTS: Record<OrgType, readonly OrgType[]> = {
  federation: ['federation'],
  district: ['federation'],
  street: ['federation', 'district'],
  park: ['federation', 'district'],
  industry: ['federation', 'district', 'street'],
  joint: ['district', 'street', 'park', 'industry'],
  community: ['street'],
  grassroots: ['district', 'street', 'park', 'industry', 'joint', 'community'],
};

export function childTypesOf(parent: OrgType): OrgType[] {
  return orgTypes.filter((t) => ALLOWED_PARENTS[t].includes(parent));
}

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V); the last is a check character over the
 * first 17 with weights 3^i mod 31.
 */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARACTERS' | 'CREDIT_CODE_CHECK';

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'CREDIT_CODE_LENGTH';
  for (const ch of code) if (!CREDIT_ALPHABET.includes(ch)) return 'CREDIT_CODE_CHARACTERS';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'CREDIT_CODE_CHECK';
}

/** Employment forms of a member; all but `standard` are the "new employment forms" (新就业形态). */
export const employmentForms = ['standard', 'delivery_rider', 'courier', 'ride_hailing', 'truck_driver', 'domestic', 'other_flexible'] as const;
export type EmploymentForm = (typeof employmentForms)[number];
export const isGigEmployment = (form: EmploymentForm): boolean => form !== 'standard';

/** applied → active | rejected; active ⇄ suspended; active | suspended → left. */
// withdrawn: the applicant took back a pending application before staff decided.
export const membershipStatuses = ['applied', 'active', 'suspended', 'left', 'rejected', 'withdrawn'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export const membershipEventKinds = ['applied', 'approved', 'rejected', 'transferred', 'suspended', 'resumed', 'left', 'edited', 'withdrawn'] as const;
export type MembershipEventKind = (typeof membershipEventKinds)[number];

/** Only these org types take members directly (a membership ties a person to one of them). */
export const MEMBER_ORG_TYPES: readonly OrgType[] = ['grassroots', 'joint'];
