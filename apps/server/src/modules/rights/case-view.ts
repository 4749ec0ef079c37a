import type { CaseDetail, CaseSummary, ClaimType, ClockState, Referral } from '@niangjia/contracts';
import type { CaseMemberRole, CaseSource, CaseStage, CaseStatus, DisputeCategory, DocumentAudience, DocumentKind, PaymentMethod, PartyRole, ReferralKind, ReferralStatus, SignerRole } from '@niangjia/contracts/rights-domain';
import { maskPhone } from '../../platform/logger';
import type * as repo from './cases.repository';

export function toSummary(row: repo.CaseWithOrg, parties: repo.PartyRow[], nextDue: ClockState | null): CaseSummary {
  const c = row.case;
  const mine = parties.filter((p) => p.caseId === c.id);
  return {
    id: c.id,
    number: c.number,
    org: { id: c.orgId, code: row.orgCode, name: row.orgName },
    source: c.source as CaseSource,
    category: c.category as DisputeCategory,
    status: c.status as CaseStatus,
    stage: c.stage as CaseStage,
    externalBody: c.externalBody,
    applicantNames: mine.filter((p) => p.role === 'applicant').map((p) => p.name),
    respondentName: mine.find((p) => p.role === 'respondent')?.name ?? null,
    mediator: c.mediatorId ? { id: c.mediatorId, name: row.mediatorName ?? '' } : null,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    outcomeOn: c.outcomeOn,
    claimedFen: c.claimedFen,
    agreedFen: c.agreedFen,
    paidFen: c.paidFen,
    workers: mine.filter((p) => p.role === 'applicant').length,
    nextDue,
    isComplainantSealed: c.isComplainantSealed,
    version: c.version,
  };
}

export function toParty(p: repo.PartyRow): CaseDetail['parties'][number] {
  return {
    id: p.id,
    role: p.role as PartyRole,
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    phoneMasked: maskPhone(p.phone),
    isMember: p.personId !== null,
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    address: p.address,
    agentName: p.agentName,
  };
}

export function toReferral(r: repo.ReferralWithRefs): Referral {
  const x = r.referral;
  return {
    id: x.id,
    caseId: x.caseId,
    caseNumber: r.caseNumber,
    kind: x.kind as ReferralKind,
    fromOrg: { id: x.fromOrgId, code: r.fromCode, name: r.fromName },
    targetOrg: x.targetOrgId ? { id: x.targetOrgId, code: r.targetCode ?? '', name: x.targetName } : null,
    targetName: x.targetName,
    referredOn: x.referredOn,
    referredByName: r.referredByName,
    hasWorkerConsent: x.hasWorkerConsent,
    consentNote: x.consentNote,
    note: x.note,
    status: x.status as ReferralStatus,
    respondedOn: x.respondedOn,
    responseNote: x.responseNote,
    referenceNo: x.referenceNo,
    result: x.result,
    resultOn: x.resultOn,
    category: r.category as DisputeCategory,
    claimedFen: r.claimedFen,
    version: x.version,
  };
}

export const asClaimType = (t: string) => t as ClaimType;
export const asMemberRole = (r: string) => r as CaseMemberRole;
export const asPaymentMethod = (m: string) => m as PaymentMethod;
export const asDocKind = (k: string) => k as DocumentKind;
export const asAudience = (a: string) => a as DocumentAudience;
export const asSignerRole = (r: string) => r as SignerRole;

/** What the audit log keeps of a case: no ID numbers or phones, names only as the count of workers. */
export function caseSnapshot(c: repo.CaseRow) {
  return {
    number: c.number,
    status: c.status,
    stage: c.stage,
    orgId: c.orgId,
    category: c.category,
    mediatorId: c.mediatorId,
    claimedFen: c.claimedFen,
    agreedFen: c.agreedFen,
    acceptedOn: c.acceptedOn,
    outcomeOn: c.outcomeOn,
    limitationStartOn: c.limitationStartOn,
    isComplainantSealed: c.isComplainantSealed,
    version: c.version,
  };
}
