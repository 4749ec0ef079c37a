import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idNumberCheckChar, maskIdNumber } from './id-number';

const TODAY = '2026-05-20';
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const problem = (id: string, today = TODAY) => {
  const r = checkIdNumber(id, today);
  return r.ok ? null : r.problem;
};

describe('ID numbers (GB 11643)', () => {
  it('accepts the standard examples and derives sex and birth date', () => {
    // The example printed in GB 11643-1999 (check character X) and a common textbook one.
    const a = checkIdNumber('11010519491231002X', TODAY);
    expect(a).toEqual({ ok: true, info: { value: '11010519491231002X', sex: 'female', birthDate: '1949-12-31', kind: 'resident' } });
    const b = checkIdNumber('440524188001010014', TODAY);
    expect(b.ok).toBe(false); // born 1880: a real date, but the standard's example is older than any member
    expect(problem(withCheck('50010519900307001'))).toBeNull();
    const male = checkIdNumber(withCheck('50010519900307001'), TODAY);
    expect(male.ok && male.info.sex).toBe('male');
  });

  it('normalises a lower-case x and spaces', () => {
    const r = checkIdNumber(' 11010519491231002x ', TODAY);
    expect(r.ok && r.info.value).toBe('11010519491231002X');
  });

  it('says exactly what is wrong', () => {
    expect(problem('5001051990030700')).toBe('ID_NUMBER_LENGTH');
    expect(problem('50010519900307001A')).toBe('ID_NUMBER_CHARACTERS');
    expect(problem('X00105199003070011')).toBe('ID_NUMBER_CHARACTERS');
    const good = withCheck('50010519900307001');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(problem(wrongCheck)).toBe('ID_NUMBER_CHECK');
    expect(problem(withCheck('99010519900307001'))).toBe('ID_NUMBER_REGION');
    expect(problem(withCheck('00010519900307001'))).toBe('ID_NUMBER_REGION');
    expect(problem(withCheck('50010519900230001'))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(problem(withCheck('50010519901301001'))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(problem(withCheck('50010520300101001'))).toBe('ID_NUMBER_BIRTH_FUTURE');
    expect(problem(withCheck('50010520120101001'))).toBe('ID_NUMBER_UNDER_16');
  });

  it('counts the 16th birthday to the day, 29 February from 1 March', () => {
    expect(problem(withCheck('50010520100520001'))).toBeNull();
    expect(problem(withCheck('50010520100521001'))).toBe('ID_NUMBER_UNDER_16');
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(problem(withCheck('50010520000229001'))).toBeNull();
    expect(problem(withCheck('50010519000229001'))).toBe('ID_NUMBER_BIRTH_DATE'); // 1900 was not a leap year
  });

  it('accepts Hong Kong, Macao and Taiwan residence permits and 2023 foreigners’ permanent residence IDs', () => {
    for (const prefix of ['810000', '820000', '830000']) {
      const r = checkIdNumber(withCheck(`${prefix}19850615002`), TODAY);
      expect(r.ok && r.info.kind).toBe('hk_macao_taiwan');
    }
    const foreigner = checkIdNumber(withCheck('95084019850615002'), TODAY);
    expect(foreigner.ok && foreigner.info.kind).toBe('foreigner');
    expect(problem(withCheck('98084019850615002'))).toBe('ID_NUMBER_REGION');
    expect(problem(withCheck('84000019850615002'))).toBe('ID_NUMBER_REGION');
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdNumber('500105199003070011')).toBe('500105********0011');
  });
});
