import type { EligibilityRules } from '@niangjia/contracts';

/**
 * What the eligibility rules are checked against: the member identity (person + membership), the
 * tier of their hardship file in 在档 (if any) and what the nominating staff attested.
 */
export type MemberFacts = {
  birthDate: string;
  sex: 'male' | 'female';
  employmentForm: string;
  industry: string | null;
  /** Materialised path of the member's union. */
  orgPath: string;
  hardshipTier: 'deep' | 'relative' | 'accident' | null;
  /** Not in the member record: attested by the nominating staff. */
  isModelWorker: boolean;
};

export type RuleKey = 'hardshipTiers' | 'employmentForms' | 'industries' | 'modelWorker' | 'orgSubtree' | 'age' | 'sex';

/** Full years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The rules the member fails (empty: eligible). Every rule given must hold; lists mean "one of".
 * Age is taken on the campaign's first day; orgSubtreePaths are the paths of orgSubtreeIds.
 */
export function failedRules(rules: EligibilityRules, facts: MemberFacts, ctx: { onDay: string; orgSubtreePaths: string[] }): RuleKey[] {
  const failed: RuleKey[] = [];
  if (rules.hardshipTiers && !(facts.hardshipTier && rules.hardshipTiers.includes(facts.hardshipTier))) failed.push('hardshipTiers');
  if (rules.employmentForms && !(rules.employmentForms as readonly string[]).includes(facts.employmentForm)) failed.push('employmentForms');
  if (rules.industries && !(facts.industry && rules.industries.includes(facts.industry))) failed.push('industries');
  if (rules.modelWorker && !facts.isModelWorker) failed.push('modelWorker');
  if (rules.orgSubtreeIds && !ctx.orgSubtreePaths.some((p) => facts.orgPath.startsWith(p))) failed.push('orgSubtree');
  const age = ageOn(facts.birthDate, ctx.onDay);
  if ((rules.ageMin !== undefined && age < rules.ageMin) || (rules.ageMax !== undefined && age > rules.ageMax)) failed.push('age');
  if (rules.sex && facts.sex !== rules.sex) failed.push('sex');
  return failed;
}

/**
 * The unions that approve a nomination, bottom up: every union above the nominating one, up to
 * and including the campaign's owner, that is a street-level union or higher (grassroots,
 * community and joint unions nominate; streets, parks, industries and districts approve). A
 * nomination by the owner itself is approved by the owner.
 */
export function approvalSteps(path: { id: string; type: string }[], ownerId: string): string[] {
  const ownerAt = path.findIndex((o) => o.id === ownerId);
  if (ownerAt < 0) return [];
  const nominating = path[path.length - 1]!;
  if (nominating.id === ownerId) return [ownerId];
  const above = path.slice(ownerAt, path.length - 1).reverse();
  return above.filter((o) => o.id === ownerId || !['grassroots', 'community', 'joint'].includes(o.type)).map((o) => o.id);
}
