import { checkCreditCode, checkIdNumber, employmentForms, maskIdNumber, MEMBER_ORG_TYPES, normalizeMobilePhone, type EmploymentForm, type OrgType } from '@niangjia/contracts';
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
};
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
    if (migrantText && !['是', '否', 'Y', 'N', 'y', 'n', 'true', 'false'].includes(migrantText)) fail('isMigrant', 'IMPORT_YES_NO');
    const street = text('homeStreetCode');
    if (street && findDivision(street)?.level !== 'street') fail('homeStreetCode', 'STREET_CODE_UNKNOWN', { code: street });
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
    candidates.push([row, realName, id.info.value, phone, union.id, form, text('employerName'), credit, text('industry'), migrantText && ['是', 'Y', 'y', 'true'].includes(migrantText) ? 1 : 0, street, null]);
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

export type PackedRow = [number, string, string, string | null, string, EmploymentForm, string | null, string | null, string | null, 0 | 1, string | null, string | null];

/** The valid rows as compact JSON (tuples, nothing derivable), to be encrypted until commit. */
export function packRows(rows: PackedRow[]): string {
  return JSON.stringify(rows);
}

export function parsePackedRows(json: string): PackedRow[] {
  return JSON.parse(json) as PackedRow[];
}

/** One packed row back as a checked row; the hash, sex and birth date are derived again (orgPath is left to the caller). */
export function unpackRow([row, realName, idNumber, phone, orgId, employmentForm, employerName, employerCreditCode, industry, isMigrant, homeStreetCode, personId]: PackedRow, secrets: Secrets, idHash?: string): CheckedRow {
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
  };
}
