import { DEFAULT_ACCEPTANCE_WORKING_DAYS, DEFAULT_REPORT_DUE_DAY, DEFAULT_THRESHOLDS, type Threshold } from '@niangjia/contracts/rights-domain';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { shanghaiDateOf, type IsoDate } from '../../platform/holidays';
import { fieldError } from '../../platform/validation';
import { org } from '../orgs';
import { rightsCounter, rightsSetting } from './documents.tables';
import './rights.errors';
export { rowsOf } from '../../db/rows';

/** A staff member acting in the rights module, with the scopes of its three permissions. */
export type RightsStaff = { userId: string; name: string; read: Scope; write: Scope; manage: Scope; audit: AuditContext };
export type RightsWorker = { userId: string; audit: AuditContext };

export const ID_PURPOSE = 'rights_party.id_number';

export const today = (clock: () => Date): IsoDate => shanghaiDateOf(clock());

export type OrgBrief = { id: string; code: string; name: string; type: string; path: string; shortName: string | null };

export async function findOrgBrief(db: Db, id: string): Promise<OrgBrief | undefined> {
  return (await db.select({ id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, shortName: org.shortName }).from(org).where(eq(org.id, id)).limit(1))[0];
}

/** The orgs on a path, root first. */
export async function listOrgsOnPath(db: Db, path: string): Promise<OrgBrief[]> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = await db.select({ id: org.id, code: org.code, name: org.name, type: org.type, path: org.path, shortName: org.shortName }).from(org).where(inArray(org.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is OrgBrief => !!r);
}

/** Unions that take rights work: districts, streets/towns, parks, industry unions and federations. */
export const DESK_TYPES = ['federation', 'district', 'street', 'park', 'industry'];

/** A desk org the actor may act for (scope), or a 404/400 on `path`. */
export async function getDeskOrg(db: Db, orgId: string, scope: Scope, path = 'orgId'): Promise<OrgBrief> {
  const o = await findOrgBrief(db, orgId);
  if (!o || !isInScope(scope, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path, message: 'NOT_FOUND' }] });
  if (!DESK_TYPES.includes(o.type)) throw fieldError(path, 'RIGHTS_ORG_NOT_DESK');
  return o;
}

/** The path of an org filter the viewer may use (undefined: none given); outside their scope it does not exist (404). */
export async function underPathOf(db: Db, orgId: string | undefined, scope: Scope) {
  if (!orgId) return undefined;
  const o = await findOrgBrief(db, orgId);
  if (!o || !isInScope(scope, o.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
  return o.path;
}

/** The district (or else the top federation) above an org: numbering and settings live there. */
export async function findDistrictOf(db: Db, path: string): Promise<OrgBrief> {
  const chain = await listOrgsOnPath(db, path);
  return [...chain].reverse().find((o) => o.type === 'district') ?? chain[0]!;
}

/** The next value of a per-org, per-year counter (one upsert; safe under concurrency). */
export async function nextNumber(db: Db, orgId: string, kind: string, year: number): Promise<number> {
  const rows = await db
    .insert(rightsCounter)
    .values({ orgId, kind, year, value: 1 })
    .onConflictDoUpdate({ target: [rightsCounter.orgId, rightsCounter.kind, rightsCounter.year], set: { value: sql`${rightsCounter.value} + 1` } })
    .returning({ value: rightsCounter.value });
  return rows[0]!.value;
}

/** "江北区总工会" → "江北区": the prefix of a case number (江北区劳调〔2026〕7号). */
export const numberPrefix = (district: OrgBrief): string => (district.shortName ?? district.name).replace(/总工会$/, '').replace(/工会$/, '');

export type EffectiveSettings = { orgId: string | null; acceptanceWorkingDays: number; reportDueDay: number; thresholds: Threshold[]; version: number | null };

/** The settings of the nearest org on the path that has its own, else the statutory defaults. */
export async function settingsFor(db: Db, path: string): Promise<EffectiveSettings> {
  const ids = path.split('/').filter(Boolean);
  const rows = ids.length ? await db.select().from(rightsSetting).where(inArray(rightsSetting.orgId, ids)) : [];
  for (const id of [...ids].reverse()) {
    const row = rows.find((r) => r.orgId === id);
    if (row)
      return { orgId: row.orgId, acceptanceWorkingDays: row.acceptanceWorkingDays, reportDueDay: row.reportDueDay, thresholds: (row.thresholds as Threshold[] | null) ?? [...DEFAULT_THRESHOLDS], version: row.version };
  }
  return { orgId: null, acceptanceWorkingDays: DEFAULT_ACCEPTANCE_WORKING_DAYS, reportDueDay: DEFAULT_REPORT_DUE_DAY, thresholds: [...DEFAULT_THRESHOLDS], version: null };
}

export function caseStatusError(status: string): AppError {
  return new AppError('RIGHTS_CASE_STATUS', { status: 409, params: { status: `RIGHTS_STATUS_${status}` }, detail: 'RIGHTS_CASE_STATUS_DETAIL' });
}

export function versionConflict(sent: number, current: number): AppError {
  return new AppError('VERSION_CONFLICT', { params: { sent, current } });
}

/** A date a person entered: not after today (Asia/Shanghai). */
export function checkNotFuture(date: string | undefined | null, now: IsoDate, path: string): void {
  if (date && date > now) throw fieldError(path, 'RIGHTS_DATE_FUTURE');
}

export const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

