import type { ImportReport } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope } from '../../platform/auth';
import { AppError, MAX_LISTED_ERRORS, notFound } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { cellText, looksLikeXlsx, normaliseHeader, readCsv, readTemplateRows, type SpreadsheetLimits } from '../../platform/spreadsheet';
import { checkCreditCode, findOrgById } from '../orgs';
import * as repo from './organizing.repository';
import { COMPARED_FIELDS, ENTERPRISE_AREA_TYPES, snapshotOf, type OrganizingActor } from './organizing.shared';
import { rowsOf } from './organizing.repository';
import { sql } from 'drizzle-orm';

export const MAX_ENTERPRISE_IMPORT_BYTES = 5 * 1024 * 1024;
const LIMITS: Partial<SpreadsheetLimits> = { maxFileBytes: MAX_ENTERPRISE_IMPORT_BYTES, maxRows: 5000, maxColumns: 40, maxCellChars: 500 };

/** The columns of a bureau's list (交通、税务、人社 lists carry at least the first two). */
export const ENTERPRISE_COLUMNS = [
  { key: 'name', header: '企业名称', required: true },
  { key: 'creditCode', header: '统一社会信用代码', required: true },
  { key: 'street', header: '所属街道', required: false },
  { key: 'address', header: '地址', required: false },
  { key: 'lng', header: '经度', required: false },
  { key: 'lat', header: '纬度', required: false },
  { key: 'industry', header: '行业', required: false },
  { key: 'sizeBand', header: '规模', required: false },
  { key: 'ownership', header: '经济类型', required: false },
  { key: 'headcount', header: '职工人数', required: false },
  { key: 'gigWorkers', header: '新就业形态劳动者人数', required: false },
  { key: 'gigKind', header: '新就业形态类型', required: false },
] as const;
type Key = (typeof ENTERPRISE_COLUMNS)[number]['key'];

const SIZE: Record<string, string> = { 微型: 'micro', 小型: 'small', 中型: 'medium', 大型: 'large', micro: 'micro', small: 'small', medium: 'medium', large: 'large' };
const OWNERSHIP: Record<string, string> = {
  国有: 'state',
  集体: 'collective',
  私营: 'private',
  民营: 'private',
  外资: 'foreign',
  外商投资: 'foreign',
  港澳台: 'hmt',
  其他: 'other',
  state: 'state',
  collective: 'collective',
  private: 'private',
  foreign: 'foreign',
  hmt: 'hmt',
  other: 'other',
};
const GIG_KIND: Record<string, string> = {
  平台: 'platform',
  平台企业: 'platform',
  配送站点: 'delivery_station',
  站点: 'delivery_station',
  车队: 'fleet',
  platform: 'platform',
  delivery_station: 'delivery_station',
  fleet: 'fleet',
};

type Line = { row: number; values: Partial<Record<Key, string>>; problems: { path: string; code: string }[] };

/** Rows of an .xlsx or a CSV (UTF-8 or GB 18030), read only through the bounded reader. */
async function readLines(file: Buffer): Promise<Line[]> {
  const lines: Line[] = [];
  if (looksLikeXlsx(file)) {
    for await (const { row, cells } of readTemplateRows(file, ENTERPRISE_COLUMNS, LIMITS)) {
      const line: Line = { row, values: {}, problems: [] };
      for (const c of ENTERPRISE_COLUMNS) {
        const got = cellText(cells[c.key], { formulas: 'result', longNumbers: 'refuse' });
        if (got.problem) line.problems.push({ path: c.key, code: got.problem });
        else if (got.text.trim()) line.values[c.key] = got.text.trim();
      }
      lines.push(line);
    }
    return lines;
  }
  const { rows } = await readCsv(file, LIMITS);
  const header = rows[0]?.fields.map((h) => normaliseHeader(h));
  const at = new Map<Key, number>();
  for (const c of ENTERPRISE_COLUMNS) {
    const i = header?.indexOf(normaliseHeader(c.header)) ?? -1;
    if (i >= 0) at.set(c.key, i);
  }
  if (!at.has('name') || !at.has('creditCode')) throw new AppError('ORGANIZING_IMPORT_HEADER', { status: 400 });
  for (const r of rows.slice(1)) {
    const line: Line = { row: r.line, values: {}, problems: [] };
    for (const [key, i] of at) {
      const v = r.fields[i]?.trim();
      if (v) line.values[key] = v;
    }
    if (Object.keys(line.values).length) lines.push(line);
  }
  if (!lines.length) throw new AppError('IMPORT_EMPTY', { status: 400 });
  return lines;
}

type Parsed = { name: string; creditCode: string; street?: string | undefined; fields: Partial<Record<(typeof COMPARED_FIELDS)[number], string | number | null>> };

function parseLine(line: Line): { parsed?: Parsed; errors: { path: string; code: string; params?: Record<string, string> }[] } {
  const errors: { path: string; code: string; params?: Record<string, string> }[] = [...line.problems];
  const v = line.values;
  if (!v.name) errors.push({ path: 'name', code: 'ORGANIZING_IMPORT_NAME_REQUIRED' });
  const code = v.creditCode?.toUpperCase().replace(/\s/g, '');
  if (!code) errors.push({ path: 'creditCode', code: 'ORGANIZING_IMPORT_CODE_REQUIRED' });
  else {
    const problem = checkCreditCode(code);
    if (problem) errors.push({ path: 'creditCode', code: problem });
  }
  const fields: Parsed['fields'] = {};
  if (v.address) fields.address = v.address.slice(0, 200);
  if (v.industry) fields.industry = v.industry.slice(0, 50);
  const num = (key: 'lng' | 'lat' | 'headcount' | 'gigWorkers', isInt: boolean, min: number, max: number) => {
    const text = v[key];
    if (!text) return;
    const n = Number(text);
    if (!Number.isFinite(n) || n < min || n > max || (isInt && !Number.isInteger(n))) errors.push({ path: key, code: 'ORGANIZING_IMPORT_NUMBER' });
    else fields[key] = n;
  };
  num('lng', false, 73, 136);
  num('lat', false, 3, 54);
  num('headcount', true, 0, 10_000_000);
  num('gigWorkers', true, 0, 10_000_000);
  const pick = (key: 'sizeBand' | 'ownership' | 'gigKind', table: Record<string, string>) => {
    const text = v[key];
    if (!text) return;
    const value = table[text];
    if (!value) errors.push({ path: key, code: 'ORGANIZING_IMPORT_VALUE', params: { value: text } });
    else fields[key] = value;
  };
  pick('sizeBand', SIZE);
  pick('ownership', OWNERSHIP);
  pick('gigKind', GIG_KIND);
  if (errors.length || !v.name || !code) return { errors };
  return { parsed: { name: v.name.slice(0, 100), creditCode: code, street: v.street, fields: { name: v.name.slice(0, 100), ...fields } }, errors };
}

const show = (x: string | number | boolean | Date | null | undefined) => (x === null || x === undefined ? null : x instanceof Date ? x.toISOString() : String(x));

/**
 * A bureau's list of enterprises into the register, idempotent by credit code: a new code is
 * created in the area (or the row's 所属街道 below it), a known one in the importer's scope is
 * updated with the cells the row fills (an empty cell keeps the stored value) and the report says
 * what changed; a code registered outside the importer's scope is refused on its row. A dry run
 * writes nothing; a real run writes every good row in one transaction.
 */
export async function importEnterprises(db: Db, file: Buffer, q: { orgId: string; dryRun: boolean }, actor: OrganizingActor, lang: Lang, now: Date): Promise<ImportReport> {
  const area = await findOrgById(db, q.orgId);
  if (!area || !isInScope(actor.write, area.path)) throw notFound('ENTITY_org');
  if (!ENTERPRISE_AREA_TYPES.includes(area.type)) throw new AppError('ENTERPRISE_ORG_TYPE', { status: 400 });
  const lines = await readLines(file);
  // Streets and parks below the area, by name, short name or division code, for 所属街道.
  const below = rowsOf<{ id: string; name: string; short_name: string | null; division_code: string | null; type: string }>(
    await db.execute(
      sql`select id, name, short_name, division_code, type from org where path like ${`${area.path}%`} and status = 'active' and type in ('street','park','industry','community','joint') limit 2000`,
    ),
  );
  const streetOf = (text: string | undefined) => {
    if (!text) return area.id;
    return below.find((o) => o.name === text || o.short_name === text || o.division_code === text || o.name.startsWith(text))?.id;
  };
  const parsed = lines.map((l) => ({ line: l, ...parseLine(l) }));
  const codes = parsed.flatMap((p) => (p.parsed ? [p.parsed.creditCode] : []));
  const existing = new Map((await repo.findEnterprisesByCodes(db, [...new Set(codes)])).map((e) => [e.creditCode, e]));
  const firstRow = new Map<string, number>();
  const report: ImportReport = { dryRun: q.dryRun, counts: { created: 0, updated: 0, unchanged: 0, error: 0 }, rows: [], rowCount: lines.length };
  type Plan = { kind: 'create'; orgId: string; p: Parsed } | { kind: 'update'; id: string; version: number; before: repo.EnterpriseRow; set: Record<string, unknown> };
  const plans: Plan[] = [];
  for (const { line, parsed: p, errors } of parsed) {
    const out: ImportReport['rows'][number] = {
      row: line.row,
      creditCode: p?.creditCode ?? line.values.creditCode ?? null,
      name: p?.name ?? line.values.name ?? null,
      outcome: 'error',
      changes: [],
      errors: [],
    };
    const errs = [...errors];
    let orgId: string | undefined;
    if (p) {
      const seen = firstRow.get(p.creditCode);
      if (seen !== undefined) errs.push({ path: 'creditCode', code: 'ORGANIZING_IMPORT_CODE_TWICE', params: { row: String(seen) } });
      else firstRow.set(p.creditCode, line.row);
      orgId = streetOf(p.street);
      if (!orgId) errs.push({ path: 'street', code: 'ORGANIZING_IMPORT_VALUE', params: { value: p.street ?? '' } });
      const known = existing.get(p.creditCode);
      if (known && !isInScope(actor.write, known.orgPath)) errs.push({ path: 'creditCode', code: 'ORGANIZING_IMPORT_OTHER_AREA' });
    }
    if (errs.length || !p || !orgId) {
      out.errors = errs.map((e) => ({ path: e.path, message: t(lang, e.code, e.params ?? {}) }));
      report.counts.error++;
      report.rows.push(out);
      continue;
    }
    const known = existing.get(p.creditCode);
    if (!known) {
      out.outcome = 'created';
      report.counts.created++;
      plans.push({ kind: 'create', orgId, p });
    } else {
      const set: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(p.fields)) {
        const before = known[field as (typeof COMPARED_FIELDS)[number]];
        if (show(before) !== show(value)) {
          set[field] = value;
          out.changes.push({ field, from: show(before), to: show(value) });
        }
      }
      if (p.street && orgId !== known.orgId) {
        set.orgId = orgId;
        out.changes.push({ field: 'orgId', from: known.orgId, to: orgId });
      }
      if (set.gigWorkers !== undefined) set.hasGigWorkers = Number(set.gigWorkers) > 0;
      out.outcome = out.changes.length ? 'updated' : 'unchanged';
      report.counts[out.outcome]++;
      if (out.changes.length) plans.push({ kind: 'update', id: known.id, version: known.version, before: known, set });
    }
    report.rows.push(out);
  }
  if (!q.dryRun && plans.length) {
    await db.transaction(async (tx) => {
      for (const plan of plans) {
        if (plan.kind === 'create') {
          const f = plan.p.fields;
          const gig = typeof f.gigWorkers === 'number' ? f.gigWorkers : 0;
          const row = await repo.insertEnterprise(tx, {
            orgId: plan.orgId,
            name: plan.p.name,
            creditCode: plan.p.creditCode,
            address: (f.address as string | undefined) ?? null,
            lng: (f.lng as number | undefined) ?? null,
            lat: (f.lat as number | undefined) ?? null,
            industry: (f.industry as string | undefined) ?? null,
            sizeBand: (f.sizeBand as string | undefined) ?? null,
            ownership: (f.ownership as string | undefined) ?? null,
            headcount: (f.headcount as number | undefined) ?? null,
            gigWorkers: gig,
            hasGigWorkers: gig > 0,
            gigKind: (f.gigKind as string | undefined) ?? null,
            source: 'import',
          });
          await repo.insertEvent(tx, { enterpriseId: row.id, kind: 'imported', actorId: actor.userId, actorName: actor.name, at: now });
          await recordAudit(tx, actor.audit, { action: 'enterprise.import', entityType: 'enterprise', entityId: row.id, orgId: row.orgId, after: snapshotOf(row) });
        } else {
          const row = await repo.updateEnterpriseIfVersion(tx, plan.id, plan.version, plan.set);
          if (!row) throw new AppError('VERSION_CONFLICT', { params: { sent: plan.version, current: plan.version + 1 } });
          await repo.insertEvent(tx, { enterpriseId: row.id, kind: 'imported', note: Object.keys(plan.set).join(','), actorId: actor.userId, actorName: actor.name, at: now });
          await recordAudit(tx, actor.audit, { action: 'enterprise.import', entityType: 'enterprise', entityId: row.id, orgId: row.orgId, ...diffSnapshots(snapshotOf(plan.before), snapshotOf(row)) });
        }
      }
    });
  }
  // The answer lists rows with something to say first (errors, then changes), up to the cap.
  const rank = { error: 0, updated: 1, created: 2, unchanged: 3 } as const;
  report.rows = [...report.rows].sort((a, b) => rank[a.outcome] - rank[b.outcome] || a.row - b.row).slice(0, MAX_LISTED_ERRORS * 5);
  return report;
}
