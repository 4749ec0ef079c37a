import {
  checkCreditCode,
  checkIdNumber,
  MEMBER_ORG_TYPES,
  type EmploymentForm,
  type IdNumberInfo,
  type Member,
  type MembershipStatus,
  type OrgRef,
  type OrgType,
  type Person,
  type UpdateMember,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import type { AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import type { DataKeys } from '../../platform/pii';
import { keyedHash, type Secrets } from '../../platform/secrets';
import { fieldError } from '../../platform/validation';
import { findDivision } from '../orgs';
import * as repo from './members.repository';
import './members.errors';

export type MembersDeps = {
  db: Db;
  secrets: Secrets;
  dataKeys: DataKeys;
  clock?: () => Date;
  /** The union an application's `via` tag (`ceremony:CODE`, `point:CODE`) presets, or null (organizing provides it). */
  joinViaUnion?: (db: Db, via: string) => Promise<string | null>;
};
/** A staff member acting in their scope. */
export type MembersActor = { scope: Scope; audit: AuditContext };

/** Associated data of the ID number's ciphertext: it only decrypts in this column. */
export const ID_NUMBER_PURPOSE = 'person.id_number';
/** Associated data of a member photo's ciphertext. */
export const PHOTO_PURPOSE = 'person.photo';

// China has had no daylight saving time since 1991: Asia/Shanghai is always UTC+8.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai at an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** GB 11643 check with a field error on `idNumber` saying exactly what is wrong. */
export function parseIdNumber(input: string, now: Date, path = 'idNumber'): IdNumberInfo {
  const result = checkIdNumber(input, shanghaiDate(now));
  if (!result.ok) throw fieldError(path, result.problem);
  return result.info;
}

/** Keyed hash of a normalised ID number: exact lookup without decrypting any row. */
export function hashIdNumber(secrets: Secrets, normalised: string): string {
  return keyedHash(secrets, 'id_number', normalised);
}

export function checkPersonFields(fields: { homeStreetCode?: string | null | undefined; employerCreditCode?: string | null | undefined }): void {
  if (fields.homeStreetCode) {
    const division = findDivision(fields.homeStreetCode);
    if (!division || division.level !== 'street') throw fieldError('homeStreetCode', 'STREET_CODE_UNKNOWN', { code: fields.homeStreetCode });
  }
  if (fields.employerCreditCode) {
    const problem = checkCreditCode(fields.employerCreditCode);
    if (problem) throw fieldError('employerCreditCode', problem);
  }
}

/** The register's fields a request gave (those left out stay as they are: the phone form does not ask for them). */
export function registerFieldsOf(input: Pick<UpdateMember, 'ethnicity' | 'politicalStatus' | 'education' | 'hukouPlace' | 'isHardship'>) {
  const fields = { ethnicity: input.ethnicity, politicalStatus: input.politicalStatus, education: input.education, hukouPlace: input.hukouPlace || (input.hukouPlace === undefined ? undefined : null), isHardship: input.isHardship };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<{ ethnicity: string | null; politicalStatus: string | null; education: string | null; hukouPlace: string | null; isHardship: boolean }>;
}

export const orgRefOf = (o: { id: string; code: string; name: string; type: string }): OrgRef => ({ id: o.id, code: o.code, name: o.name, type: o.type as OrgType });

export function toPerson(row: repo.PersonRow): Person {
  return {
    id: row.id,
    realName: row.realName,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: maskPhone(row.phone),
    sex: row.sex as Person['sex'],
    employerName: row.employerName,
    employerCreditCode: row.employerCreditCode,
    industry: row.industry,
    employmentForm: row.employmentForm as EmploymentForm,
    isMigrant: row.isMigrant,
    homeStreetCode: row.homeStreetCode,
    ethnicity: row.ethnicity as Person['ethnicity'],
    politicalStatus: row.politicalStatus as Person['politicalStatus'],
    education: row.education as Person['education'],
    hukouPlace: row.hukouPlace,
    isHardship: row.isHardship,
    isRealNameVerified: row.verifiedAt !== null,
    hasAccount: row.userId !== null,
    version: row.version,
  };
}

export function toMember(row: repo.MemberRow): Member {
  const m = row.membership;
  return {
    id: m.id,
    memberNumber: m.memberNumber,
    status: m.status as MembershipStatus,
    org: orgRefOf(row.org),
    person: toPerson(row.person),
    source: m.source,
    via: m.via,
    appliedAt: m.appliedAt.toISOString(),
    joinedAt: m.joinedAt?.toISOString() ?? null,
    leftAt: m.leftAt?.toISOString() ?? null,
    rejectedReason: m.rejectedReason,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a member: personal data masked only. */
export function snapshotOf(row: { membership: repo.MembershipRow; person: repo.PersonRow }) {
  const p = row.person;
  return {
    status: row.membership.status,
    orgId: row.membership.orgId,
    memberNumber: row.membership.memberNumber,
    realName: p.realName,
    idNumber: p.idNumberMasked,
    phone: maskPhone(p.phone),
    employerName: p.employerName,
    employerCreditCode: p.employerCreditCode,
    industry: p.industry,
    employmentForm: p.employmentForm,
    isMigrant: p.isMigrant,
    homeStreetCode: p.homeStreetCode,
    ethnicity: p.ethnicity,
    politicalStatus: p.politicalStatus,
    education: p.education,
    hukouPlace: p.hukouPlace,
    isHardship: p.isHardship,
    version: row.membership.version,
  };
}

export { versionConflict } from '../../platform/errors';

export function statusInvalid(status: string, action: string): AppError {
  return new AppError('MEMBERSHIP_STATUS_INVALID', { status: 409, params: { status: `MEMBER_STATUS_${status}`, action: `MEMBER_ACTION_${action}` } });
}

/** A member the actor may see; outside their scope it is "not found" (existence is not leaked). */
export async function getScopedMember(db: Db, id: string, scope: Scope): Promise<repo.MemberRow> {
  const row = await repo.findMember(db, id);
  if (!row || !isInScope(scope, row.org.path)) throw notFound('ENTITY_member');
  return row;
}

/** A union that takes members: grassroots or joint, open, and (for staff) in scope. */
export async function getMemberUnion(db: Db, orgId: string, scope: Scope, path = 'orgId'): Promise<repo.OrgBrief> {
  const target = await repo.findOrgBrief(db, orgId);
  if (!target || !isInScope(scope, target.path)) {
    throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path, message: 'NOT_FOUND' }] });
  }
  if (!MEMBER_ORG_TYPES.includes(target.type as OrgType)) throw fieldError(path, 'MEMBER_ORG_NOT_ALLOWED');
  if (target.status !== 'active') throw new AppError('MEMBER_ORG_CLOSED', { status: 409, errors: [{ path, message: 'MEMBER_ORG_CLOSED' }] });
  return target;
}

/** `500105` + an 8-digit sequence per district: unique in the district, and across districts. */
export async function assignMemberNumber(db: Db, orgPath: string): Promise<string> {
  const district = await repo.findDistrictOf(db, orgPath);
  const sequence = await repo.nextMemberSequence(db, district.id);
  return `${district.divisionCode ?? district.code}${String(sequence).padStart(8, '0')}`;
}
