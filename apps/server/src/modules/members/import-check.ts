import { checkCreditCode, checkIdNumber, EDUCATION_LEVELS, employmentForms, ETHNICITIES, POLITICAL_STATUSES, registerCodeOf, maskIdNumber, MEMBER_ORG_TYPES, normalizeMobilePhone, type EmploymentForm, type OrgType } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { isInScope, type Scope } from '../../platform/auth';
import type { Secrets } from '../../platform/secrets';
import { findDivision } from '../orgs';
import type { CellText } from '../../platform/spreadsheet';
import { EMPLOYMENT_FORM_LABELS, type ImportColumnKey, type SheetRow } from './import-xlsx';
import * as repo from './import.repository';
import { hashIdNumber, shanghaiDate } from './members.shared';

/** Errors kept in the batch (and listed in the report); beyond that they are only counted. */
const MAX_STORED_ERRORS = 20_000;

export type CheckedRow = {
  row: number;
  realName: string;
  idNumber: string;
  idHash: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  orgId: string;
  orgPath: string;
  employmentForm: EmploymentForm;
  employerName: string | null;
  employerCreditCode: string | null;
  industry: string | null;
  isMigrant: boolean;
  homeStreetCode: string | null;
  /** An existing person (left or rejected before) who joins again. */
  personId: string | null;
  /** The register fields as codes; null where the cell was empty (an existing person's value stays). */
  registers: Registers;
};
export type Registers = { ethnicity: string | null; politicalStatus: string | null; education: string | null; hukouPlace: string | null; isHardship: boolean | null };
const YES = ['是', 'Y', 'y', 'true'];
const YES_NO = [...YES, '否', 'N', 'n', 'false'];
/** 户籍所在地 as the member form takes it. */
const MAX_HUKOU_CHARS = 60;
export type StoredError = {
  row: number;
  column: ImportColumnKey | null;
  code: string;
  params?: Record<string, string | number>;
  name: string | null;
  idNumberMasked: string | null;
};

const FORM_BY_LABEL = new Map<string, EmploymentForm>([
  ...employmentForms.map((f) => [f, f] as const),
  ...Object.entries(EMPLOYMENT_FORM_LABELS).map(([f, label]) => [label, f as EmploymentForm] as const),
]);
/**
 * Checks rows as the reader streams them (nothing of the sheet is held but the rows found valid):
 * required fields, ID, phone, union code, form, duplicates in the file; then against the members.
 */
export function createRowChecker({ db, secrets }: { db: Db; secrets: Secrets }, target: { path: string }, scope: Scope, now: Date) {
  const today = shanghaiDate(now);
  const unions = new Map<string, Awaited<ReturnType<typeof repo.findOrgsByCodes>>[number] | null>();
  const errors: StoredError[] = [];
  let errorRows = 0;
  let totalRows = 0;
  // Valid rows as compact tuples (not objects): 100,000 of them stay small until they are encrypted.
  const candidates: PackedRow[] = [];
  const candidateHashes: string[] = [];
  const seen = new Map<string, number>();
  const findUnion = async (code: string) => {
    if (!unions.has(code)) unions.set(code, (await repo.findOrgsByCodes(db, [code]))[0] ?? null);
    return unions.get(code) ?? undefined;
  };
  const checkRow = async ({ row, cells }: SheetRow): Promise<void> => {
    totalRows++;
    const rowErrors: StoredError[] = [];
    const name = cells.realName?.text || null;
    const fail = (column: ImportColumnKey | null, code: string, params?: Record<string, string | number>) =>
      rowErrors.push({
        row,
        column,
        code,
        ...(params ? { params } : {}),
        name,
        idNumberMasked: null,
      });
    const text = (key: ImportColumnKey, required = false): string | null => {
      const cell: CellText | undefined = cells[key];
      if (cell?.problem) return (fail(key, cell.problem), null);
      if (!cell?.text) return required ? (fail(key, 'FIELD_REQUIRED'), null) : null;
      return cell.text;
    };
    const realName = text('realName', true);
    if (realName && (realName.length < 2 || realName.length > 40)) fail('realName', 'IMPORT_NAME_LENGTH');
    const idText = text('idNumber', true);
    const id = idText ? checkIdNumber(idText, today) : undefined;
    if (id && !id.ok) fail('idNumber', id.problem);
    const masked = id?.ok ? maskIdNumber(id.info.value) : null;
    const phoneText = text('phone');
    const phone = phoneText ? normalizeMobilePhone(phoneText) : null;
    if (phoneText && !phone) fail('phone', 'PHONE_INVALID');
    const code = text('orgCode', true)?.toUpperCase();
    const union = code ? await findUnion(code) : undefined;
    if (code && (!union || !union.path.startsWith(target.path) || !isInScope(scope, union.path))) fail('orgCode', 'IMPORT_UNION_UNKNOWN', { code });
    else if (union && !MEMBER_ORG_TYPES.includes(union.type as OrgType)) fail('orgCode', 'MEMBER_ORG_NOT_ALLOWED');
    else if (union && union.status !== 'active') fail('orgCode', 'MEMBER_ORG_CLOSED');
    const formText = text('employmentForm', true);
    const form = formText ? FORM_BY_LABEL.get(formText) : undefined;
    if (formText && !form)
      fail('employmentForm', 'IMPORT_FORM_UNKNOWN', {
        values: Object.values(EMPLOYMENT_FORM_LABELS).join('、'),
      });
    const credit = text('employerCreditCode')?.toUpperCase() ?? null;
    const creditProblem = credit ? checkCreditCode(credit) : null;
    if (creditProblem) fail('employerCreditCode', creditProblem);
    const migrantText = text('isMigrant');
    if (migrantText && !YES_NO.includes(migrantText)) fail('isMigrant', 'IMPORT_YES_NO');
    const street = text('homeStreetCode');
    if (street && findDivision(street)?.level !== 'street') fail('homeStreetCode', 'STREET_CODE_UNKNOWN', { code: street });
    const registers = checkRegisters(text, fail);
    let hash: string | undefined;
    if (id?.ok) {
      hash = hashIdNumber(secrets, id.info.value);
      const first = seen.get(hash);
      if (first !== undefined) fail('idNumber', 'IMPORT_DUPLICATE_IN_FILE', { row: first });
      else seen.set(hash, row);
    }
    if (rowErrors.length) {
      errorRows++;
      for (const e of rowErrors) if (errors.length < MAX_STORED_ERRORS) errors.push({ ...e, idNumberMasked: masked });
      return;
    }
    if (!id?.ok || !union || !form || !realName || !hash) return;
    const packed: PackedRow = [row, realName, id.info.value, phone, union.id, form, text('employerName'), credit, text('industry'), migrantText && YES.includes(migrantText) ? 1 : 0, street, null];
    // Only rows that carry register fields get the tail, so a file without them packs as before.
    if (registers) packed.push(registers.ethnicity, registers.politicalStatus, registers.education, registers.hukouPlace, registers.isHardship === null ? null : registers.isHardship ? 1 : 0);
    candidates.push(packed);
    candidateHashes.push(hash);
  };
  const finish = async () => {
    seen.clear();
    // Against the records: a current member (or applicant) is not added again; a person who left may rejoin.
    const existing = new Map((await repo.findPersonsByHashes(db, candidateHashes)).map((p) => [p.idNumberHash, p]));
    const valid: PackedRow[] = [];
    candidates.forEach((c, i) => {
      const p = existing.get(candidateHashes[i]!);
      const code = p?.hasOpen ? 'IMPORT_ALREADY_MEMBER' : p && p.realName !== c[1] ? 'ID_NUMBER_TAKEN' : null;
      if (code) {
        errorRows++;
        if (errors.length < MAX_STORED_ERRORS) errors.push({ row: c[0], column: 'idNumber', code, name: c[1], idNumberMasked: maskIdNumber(c[2]) });
        return;
      }
      c[11] = p?.id ?? null;
      valid.push(c);
    });
    candidates.length = 0;
    candidateHashes.length = 0;
    return {
      valid,
      errors: errors.sort((a, b) => a.row - b.row),
      errorRows,
      totalRows,
    };
  };
  return { checkRow, finish, count: () => totalRows };
}

/**
 * The register columns of one row as codes, each refused with its reason; null when the row has none
 * (the common case: nothing more to pack).
 */
function checkRegisters(text: (key: ImportColumnKey) => string | null, fail: (column: ImportColumnKey, code: string, params?: Record<string, string | number>) => void): Registers | null {
  const coded = (key: 'ethnicity' | 'politicalStatus' | 'education', list: typeof ETHNICITIES | typeof POLITICAL_STATUSES | typeof EDUCATION_LEVELS, code: string) => {
    const value = text(key);
    if (!value) return null;
    const found = registerCodeOf(list, value);
    if (!found) fail(key, code, { value, values: list.map(([, zh]) => zh).join('、') });
    return found;
  };
  const ethnicity = coded('ethnicity', ETHNICITIES, 'IMPORT_ETHNICITY_UNKNOWN');
  const politicalStatus = coded('politicalStatus', POLITICAL_STATUSES, 'IMPORT_POLITICAL_STATUS_UNKNOWN');
  const education = coded('education', EDUCATION_LEVELS, 'IMPORT_EDUCATION_UNKNOWN');
  let hukouPlace = text('hukouPlace');
  if (hukouPlace && hukouPlace.length > MAX_HUKOU_CHARS) {
    fail('hukouPlace', 'IMPORT_HUKOU_LENGTH', { max: MAX_HUKOU_CHARS });
    hukouPlace = null;
  }
  const hardshipText = text('isHardship');
  if (hardshipText && !YES_NO.includes(hardshipText)) fail('isHardship', 'IMPORT_YES_NO');
  const isHardship = hardshipText && YES_NO.includes(hardshipText) ? YES.includes(hardshipText) : null;
  if (!ethnicity && !politicalStatus && !education && !hukouPlace && isHardship === null) return null;
  return { ethnicity, politicalStatus, education, hukouPlace, isHardship };
}

/** A valid row as a tuple; the register tail (民族, 政治面貌, 文化程度, 户籍所在地, 困难职工) only when the row has any. */
export type PackedRow = [number, string, string, string | null, string, EmploymentForm, string | null, string | null, string | null, 0 | 1, string | null, string | null, (string | null)?, (string | null)?, (string | null)?, (string | null)?, (0 | 1 | null)?];

/** The valid rows as compact JSON (tuples, nothing derivable), to be encrypted until commit. */
export function packRows(rows: PackedRow[]): string {
  return JSON.stringify(rows);
}

export function parsePackedRows(json: string): PackedRow[] {
  return JSON.parse(json) as PackedRow[];
}

/** One packed row back as a checked row; the hash, sex and birth date are derived again (orgPath is left to the caller). */
export function unpackRow(
  [row, realName, idNumber, phone, orgId, employmentForm, employerName, employerCreditCode, industry, isMigrant, homeStreetCode, personId, ethnicity = null, politicalStatus = null, education = null, hukouPlace = null, isHardship = null]: PackedRow,
  secrets: Secrets,
  idHash?: string,
): CheckedRow {
  return {
    row,
    realName,
    idNumber,
    idHash: idHash ?? hashIdNumber(secrets, idNumber),
    // GB 11643: the 17th character is odd for men; characters 7–14 are the birth date.
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    phone,
    orgId,
    orgPath: '',
    employmentForm,
    employerName,
    employerCreditCode,
    industry,
    isMigrant: isMigrant === 1,
    homeStreetCode,
    personId,
    registers: { ethnicity, politicalStatus, education, hukouPlace, isHardship: isHardship === null ? null : isHardship === 1 },
  };
}
