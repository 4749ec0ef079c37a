import type { PositionType } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import type { CellText } from '../../platform/spreadsheet';
import { isInScope, type Scope } from '../../platform/auth';
import { convertCoord } from './geo';
import * as repo from './positions.import.repository';
import { validateSchedule, type ScheduleException, type WeeklyHours } from './schedule';
import { parseExceptionsText, parseWeeklyText, ScheduleTextError } from './schedule-text';
import {
  AUDIENCE_LABELS,
  BUILD_MODE_LABELS,
  crsOfLabel,
  FACILITY_LABELS,
  keyOfLabel,
  splitList,
  STATUS_LABELS,
  TYPE_LABELS,
  type PositionColumnKey,
  type SheetRow,
} from './positions.xlsx';

/** A valid row, ready to write: WGS-84, keys instead of labels, fen instead of yuan. */
export type CheckedPositionRow = {
  row: number;
  code: string;
  action: 'create' | 'update';
  /** For an update: the position and the version the check saw (the commit refuses if it moved). */
  positionId: string | null;
  version: number | null;
  values: {
    name: string;
    type: PositionType;
    orgId: string;
    address: string;
    lng: number;
    lat: number;
    is24h: boolean;
    weeklyHours: WeeklyHours;
    exceptions: ScheduleException[];
    serves: string[];
    facilities: string[];
    areaM2: number | null;
    buildMode: string | null;
    partner: string | null;
    investmentFen: number | null;
    operator: string | null;
    contactPhone: string | null;
    status: string;
  };
};
export type StoredPositionError = { row: number; column: PositionColumnKey | null; code: string; params?: Record<string, string | number>; positionCode: string | null; name: string | null };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

/** Checks every row of the sheet, then the codes against the positions already stored. */
export async function checkPositionRows(db: Db, rows: SheetRow[], scope: Scope): Promise<{ valid: CheckedPositionRow[]; errors: StoredPositionError[]; errorRows: number }> {
  const orgCodes = [...new Set(rows.map((r) => r.cells.orgCode?.text?.toUpperCase()).filter((c): c is string => Boolean(c)))];
  const orgs = new Map((await repo.findOrgsByCodes(db, orgCodes)).map((o) => [o.code, o]));
  const errors: StoredPositionError[] = [];
  const candidates: CheckedPositionRow[] = [];
  const seen = new Map<string, number>();
  let errorRows = 0;

  for (const { row, cells } of rows) {
    const rowErrors: StoredPositionError[] = [];
    const positionCode = cells.code?.text?.toUpperCase() || null;
    const name = cells.name?.text || null;
    const fail = (column: PositionColumnKey | null, code: string, params?: Record<string, string | number>) => rowErrors.push({ row, column, code, ...(params ? { params } : {}), positionCode, name });
    const text = (key: PositionColumnKey, required = false): string | null => {
      const cell: CellText | undefined = cells[key];
      if (cell?.problem) return (fail(key, cell.problem), null);
      if (!cell?.text) return required ? (fail(key, 'FIELD_REQUIRED'), null) : null;
      return cell.text;
    };
    const labelled = <K extends string>(key: PositionColumnKey, labels: Record<K, string>, required: boolean): K | null => {
      const value = text(key, required);
      if (value === null) return null;
      const found = keyOfLabel(labels, value);
      if (!found) fail(key, 'IMPORT_VALUE_UNKNOWN', { value, values: Object.values<string>(labels).join('、') });
      return found ?? null;
    };
    const listed = <K extends string>(key: PositionColumnKey, labels: Record<K, string>): K[] => {
      const value = text(key);
      if (!value) return [];
      const out: K[] = [];
      for (const item of splitList(value)) {
        const found = keyOfLabel(labels, item);
        if (!found) fail(key, 'IMPORT_VALUE_UNKNOWN', { value: item, values: Object.values<string>(labels).join('、') });
        else if (!out.includes(found)) out.push(found);
      }
      return out;
    };
    const limited = (key: PositionColumnKey, min: number, max: number, required = false) => {
      const value = text(key, required);
      if (value !== null && (value.length < min || value.length > max)) fail(key, 'IMPORT_TEXT_LENGTH', { min, max });
      return value;
    };
    const number = (key: PositionColumnKey, min: number, max: number, required = false): number | null => {
      const value = text(key, required);
      if (value === null) return null;
      const n = Number(value.replace(/[,，\s]/g, ''));
      if (!Number.isFinite(n) || n < min || n > max) return (fail(key, 'IMPORT_NUMBER_RANGE', { min, max }), null);
      return n;
    };

    if (positionCode && !CODE.test(positionCode)) fail('code', 'POSITION_CODE_FORMAT');
    else if (!positionCode) fail('code', 'FIELD_REQUIRED');
    else if (seen.has(positionCode)) fail('code', 'IMPORT_POSITION_DUPLICATE_IN_FILE', { row: seen.get(positionCode)! });
    else seen.set(positionCode, row);
    limited('name', 2, 100, true);
    const type = labelled('type', TYPE_LABELS, true);
    const orgCode = text('orgCode', true)?.toUpperCase();
    const owner = orgCode ? orgs.get(orgCode) : undefined;
    if (orgCode && (!owner || !isInScope(scope, owner.path) || owner.status !== 'active')) fail('orgCode', 'IMPORT_POSITION_ORG_UNKNOWN', { code: orgCode });
    const address = limited('address', 2, 200, true);
    const lng = number('lng', -180, 180, true);
    const lat = number('lat', -90, 90, true);
    const crsText = text('crs', true);
    const crs = crsText ? crsOfLabel(crsText) : undefined;
    if (crsText && !crs) fail('crs', 'IMPORT_CRS_UNKNOWN', { value: crsText });
    let weekly: { is24h: boolean; weekly: WeeklyHours } | undefined;
    const hoursText = text('hours', true);
    if (hoursText) {
      try {
        weekly = parseWeeklyText(hoursText);
      } catch (e) {
        if (!(e instanceof ScheduleTextError)) throw e;
        fail('hours', e.code, { part: e.part });
      }
    }
    let exceptions: ScheduleException[] = [];
    const exceptionsText = text('exceptions');
    if (exceptionsText) {
      try {
        exceptions = parseExceptionsText(exceptionsText);
      } catch (e) {
        if (!(e instanceof ScheduleTextError)) throw e;
        fail('exceptions', e.code, { part: e.part });
      }
    }
    if (weekly) {
      const problem = validateSchedule({ ...weekly, exceptions })[0];
      if (problem) fail(problem.path.startsWith('exceptions') ? 'exceptions' : 'hours', problem.problem);
    }
    const serves = listed('serves', AUDIENCE_LABELS);
    const facilities = listed('facilities', FACILITY_LABELS);
    const areaM2 = number('areaM2', 0, 100_000);
    const buildMode = labelled('buildMode', BUILD_MODE_LABELS, false);
    const partner = limited('partner', 1, 100);
    const yuan = number('investmentYuan', 0, 1e11);
    if (yuan !== null && Math.abs(Math.round(yuan * 100) - yuan * 100) > 1e-6) fail('investmentYuan', 'IMPORT_MONEY_CENTS');
    const operator = limited('operator', 1, 100);
    const phone = text('contactPhone');
    if (phone && !/^[\d-]{7,20}$/.test(phone)) fail('contactPhone', 'CONTACT_PHONE_FORMAT');
    const status = labelled('status', STATUS_LABELS, true);

    if (rowErrors.length) {
      errorRows++;
      errors.push(...rowErrors);
      continue;
    }
    const [wLng, wLat] = convertCoord([lng!, lat!], crs!, 'wgs84');
    candidates.push({
      row,
      code: positionCode!,
      action: 'create',
      positionId: null,
      version: null,
      values: {
        name: name!,
        type: type!,
        orgId: owner!.id,
        address: address!,
        lng: round6(wLng),
        lat: round6(wLat),
        is24h: weekly!.is24h,
        weeklyHours: weekly!.weekly,
        exceptions,
        serves,
        facilities,
        areaM2,
        buildMode,
        partner,
        investmentFen: yuan === null ? null : Math.round(yuan * 100),
        operator,
        contactPhone: phone,
        status: status!,
      },
    });
  }

  // Codes already stored: in scope → an update of that position; outside it → refused (without saying whose).
  const existing = new Map((await repo.findPositionsByCodes(db, candidates.map((c) => c.code))).map((p) => [p.code, p]));
  const valid: CheckedPositionRow[] = [];
  for (const c of candidates) {
    const found = existing.get(c.code);
    if (found && !isInScope(scope, found.orgPath)) {
      errorRows++;
      errors.push({ row: c.row, column: 'code', code: 'IMPORT_POSITION_CODE_TAKEN', params: { code: c.code }, positionCode: c.code, name: c.values.name });
      continue;
    }
    if (found) Object.assign(c, { action: 'update', positionId: found.id, version: found.version });
    valid.push(c);
  }
  return { valid, errors: errors.sort((a, b) => a.row - b.row), errorRows };
}
