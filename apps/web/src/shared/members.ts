// Member rules the browser checks as people type. The ID-number rule comes from the contracts'
// zod-free file, so the browser and the server agree on every case; the server stays the judge.
import { employmentForms, isGigEmployment, membershipStatuses } from '@niangjia/contracts/domain';
import type { EmploymentForm, MembershipStatus } from '@niangjia/contracts/domain';
import { checkIdNumber, normaliseIdNumber } from '@niangjia/contracts/id-number';
import { isMobilePhone, normalizeMobilePhone } from '@niangjia/contracts/phone';
import { formatDate } from './format';
import { translate } from './i18n';

export { employmentForms as EMPLOYMENT_FORMS, membershipStatuses as MEMBERSHIP_STATUSES, isGigEmployment, normaliseIdNumber };
export type { EmploymentForm, MembershipStatus };

/**
 * A form rule for a mainland mobile number as people type it ("+86 138-0000-0001", "0086…",
 * spaces, dashes): the one reading the server and every import use (contracts/phone). The form
 * sends what was typed; the server stores the 11 digits.
 */
export const phoneRule = (message: string) => ({
  validator: (_rule: unknown, value?: string | null) => (!value || isMobilePhone(value) ? Promise.resolve() : Promise.reject(new Error(message))),
});
export { isMobilePhone, normalizeMobilePhone };
/** Long enough for "+86 138-0000-0001". */
export const PHONE_INPUT_MAX = 20;

/** Today in Asia/Shanghai as YYYY-MM-DD: the day the birth-date rules count from. */
export const shanghaiToday = (): string => formatDate(new Date());

/** The message for what is wrong with an ID number, or null when it passes GB 11643 and the age rule. */
export function idNumberProblem(value: string | undefined | null): string | null {
  const text = normaliseIdNumber(value ?? '');
  if (!text) return translate('members.idNumber.required');
  const result = checkIdNumber(text, shanghaiToday());
  return result.ok ? null : translate(`members.idNumber.${result.problem}`);
}

/** For rc-field-form rules (antd and antd-mobile): rejects with the exact message of the problem. */
export async function validateIdNumber(_: unknown, value: string | undefined): Promise<void> {
  const problem = idNumberProblem(value);
  if (problem) throw new Error(problem);
}

/**
 * The two rules of an ID-number field. While typing it speaks up only once all 18 characters are
 * in (a check on every keystroke would shout "应为18位" from the first digit); leaving the field or
 * submitting also reports a number that is too short. Each value fails at most one of the two, so
 * a message never shows twice. `optional`: an empty field is fine (an edit form's "leave empty").
 */
export function idNumberRules(optional = false) {
  const complete = (v: string | undefined) => normaliseIdNumber(v ?? '').length >= 18;
  return [
    { validateTrigger: 'onChange', validator: (r: unknown, v: string | undefined) => (complete(v) ? validateIdNumber(r, v) : Promise.resolve()) },
    {
      validateTrigger: 'onBlur',
      validator: (r: unknown, v: string | undefined) => (complete(v) || (optional && !v?.trim()) ? Promise.resolve() : validateIdNumber(r, v)),
    },
  ];
}

export const employmentFormLabel = (form: string): string => translate(`members.employmentForms.${form}`);
export const memberStatusLabel = (status: string): string => translate(`members.status.${status}`);

export const STATUS_COLORS: Record<MembershipStatus, string> = {
  applied: 'processing',
  active: 'success',
  suspended: 'warning',
  left: 'default',
  rejected: 'error',
  withdrawn: 'default',
};
