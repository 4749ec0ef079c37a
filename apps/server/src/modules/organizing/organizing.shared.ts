import type { Enterprise, OrgType } from '@niangjia/contracts';
import type { AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { EnterpriseRow, EnterpriseWithRefs, OrgBrief } from './organizing.repository';
import './organizing.errors';

/** The staff member at work: scopes to read and to write, and who they are for the audit log. */
export type OrganizingActor = { userId: string; name: string; read: Scope; write: Scope; audit: AuditContext };

/** The Asia/Shanghai calendar day of an instant. */
export const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const orgRef = (o: OrgBrief) => ({ id: o.id, code: o.code, name: o.name, type: o.type as OrgType });

/** Areas an enterprise can be registered in (not a grassroots union, which *is* an employer's union). */
export const ENTERPRISE_AREA_TYPES = ['district', 'street', 'park', 'industry', 'joint', 'community'];

export function toEnterprise(r: EnterpriseWithRefs): Enterprise {
  const e = r.e;
  return {
    id: e.id,
    org: orgRef(r.org),
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    lng: e.lng,
    lat: e.lat,
    industry: e.industry,
    sizeBand: e.sizeBand as Enterprise['sizeBand'],
    ownership: e.ownership as Enterprise['ownership'],
    headcount: e.headcount,
    gigWorkers: e.gigWorkers,
    gigKind: e.gigKind as Enterprise['gigKind'],
    unionStatus: e.unionStatus as Enterprise['unionStatus'],
    contactStatus: e.contactStatus as Enterprise['contactStatus'],
    unionOrg: r.union ? orgRef(r.union) : null,
    foundedOn: e.foundedOn,
    cadre: e.cadreId && r.cadreName ? { id: e.cadreId, name: r.cadreName } : null,
    overdueSteps: r.overdueSteps,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** What the audit log and the import's change report compare. */
export const COMPARED_FIELDS = ['name', 'address', 'lng', 'lat', 'industry', 'sizeBand', 'ownership', 'headcount', 'gigWorkers', 'gigKind'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export function snapshotOf(e: EnterpriseRow) {
  return {
    orgId: e.orgId,
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    industry: e.industry,
    sizeBand: e.sizeBand,
    ownership: e.ownership,
    headcount: e.headcount,
    gigWorkers: e.gigWorkers,
    gigKind: e.gigKind,
    unionStatus: e.unionStatus,
    contactStatus: e.contactStatus,
    unionOrgId: e.unionOrgId,
    cadreId: e.cadreId,
  };
}

/** An enterprise the actor may see with the given scope; anything else is "not found". */
export function assertVisible(r: EnterpriseWithRefs | undefined, scope: Scope): EnterpriseWithRefs {
  if (!r || !isInScope(scope, r.org.path)) throw notFound('ENTITY_enterprise');
  return r;
}
