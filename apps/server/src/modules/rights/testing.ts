import { idNumberCheckChar } from '@niangjia/contracts';
import { creditCodeCheckChar } from '../orgs';

/** A GB 11643-valid ID number for tests: Jiangbei, born on the day given, sequence `seq`. */
export function testIdNumber(birth = '19900307', seq = '001'): string {
  const first17 = `500105${birth}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

/** A GB 32100-valid credit code for tests. */
export function testCreditCode(body = '91500105MA5U0TEXT'): string {
  return body + creditCodeCheckChar(body);
}

/** A tiny valid PNG (1×1), as a signature pad sends. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function caseInput(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    category: 'wages',
    summary: '公司拖欠三个月工资，且未签订书面劳动合同。',
    limitationStartOn: '2026-06-30',
    parties: [
      { role: 'applicant', name: '王小红', idNumber: testIdNumber(), phone: '13912345678' },
      { role: 'respondent', name: '重庆某某科技有限公司', creditCode: testCreditCode(), legalRepresentative: '李总' },
    ],
    claims: [
      { type: 'back_pay', amountFen: 1_500_000 },
      { type: 'double_wage', amountFen: 1_000_000 },
    ],
    ...overrides,
  };
}
