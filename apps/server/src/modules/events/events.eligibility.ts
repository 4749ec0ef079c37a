import type { Eligibility } from '@niangjia/contracts';
import { AppError } from '../../platform/errors';
import { hasMessage, registerMessages, t } from '../../platform/i18n';
import { shanghaiText } from './events.time';
import './events.errors';

/** What eligibility is judged on: the member's facts, or none for a signed-in non-member. */
export type Applicant = {
  isMember: boolean;
  unionName: string | null;
  unionPath: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  employmentForm: string | null;
};

export type QuotaLike = { id: string; kind: 'union' | 'group'; unionPath: string | null; unionName: string | null; groupKey: string | null };

const refuse = (code: string, params: Record<string, string | number> = {}) => new AppError(code, { status: 403, params });

/** A list of employment forms as one message key (the error handler translates a parameter that is a key). */
function formsText(forms: readonly string[]): string {
  const key = `EVENT_FORMS_${[...forms].sort().join('_')}`;
  if (!hasMessage(key)) registerMessages({ [key]: [forms.map((f) => t('zh-CN', `EVENT_FORM_${f}`)).join('、'), forms.map((f) => t('en', `EVENT_FORM_${f}`)).join(', ')] });
  return key;
}

/** Full years of age on a day (YYYY-MM-DD), from a birth date (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether the applicant may sign up, in the order a worker would want to hear it; throws the
 * refusal (403 problem+json with the reason in both languages). `orgPaths` are the paths of the
 * eligibility's unions. Quotas: when an event shares its places out among unions or groups, the
 * applicant must fall in one of each kind; the quotas they fall in are returned.
 */
export function checkEligibility(rule: Eligibility, orgPaths: readonly string[], who: Applicant, eventStartsAt: Date, quotas: readonly QuotaLike[]): string[] {
  const needsFacts = orgPaths.length > 0 || rule.employmentForms.length > 0 || rule.minAge !== null || rule.maxAge !== null || quotas.length > 0;
  if (!who.isMember) {
    if (rule.membersOnly) throw refuse('EVENT_MEMBERS_ONLY');
    if (needsFacts) throw refuse('EVENT_NEEDS_MEMBER_FACTS');
    return [];
  }
  if (orgPaths.length && !orgPaths.some((p) => who.unionPath!.startsWith(p))) throw refuse('EVENT_NOT_IN_ORG', { union: who.unionName ?? '' });
  if (rule.employmentForms.length && !rule.employmentForms.includes(who.employmentForm as never)) {
    throw refuse('EVENT_EMPLOYMENT_FORM', { forms: formsText(rule.employmentForms) });
  }
  if (rule.minAge !== null || rule.maxAge !== null) {
    const age = ageOn(who.birthDate!, shanghaiText(eventStartsAt).slice(0, 10));
    if ((rule.minAge !== null && age < rule.minAge) || (rule.maxAge !== null && age > rule.maxAge)) {
      throw refuse('EVENT_AGE', { range: `${rule.minAge ?? 0}–${rule.maxAge ?? 120}` });
    }
  }
  const unionQuotas = quotas.filter((q) => q.kind === 'union');
  const groupQuotas = quotas.filter((q) => q.kind === 'group');
  const mine = [...unionQuotas.filter((q) => who.unionPath!.startsWith(q.unionPath!)), ...groupQuotas.filter((q) => q.groupKey === who.sex)];
  if (unionQuotas.length && !mine.some((q) => q.kind === 'union')) throw refuse('EVENT_NO_QUOTA');
  if (groupQuotas.length && !mine.some((q) => q.kind === 'group')) throw refuse('EVENT_NO_QUOTA');
  return mine.map((q) => q.id);
}
