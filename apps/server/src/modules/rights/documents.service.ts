import { createHash, randomBytes } from 'node:crypto';
import type { DocumentAudience, DocumentKind, SignerRole, SignTask } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { checkUpload } from '../../platform/uploads';
import { fieldError } from '../../platform/validation';
import { loadCase } from './cases.service';
import * as repo from './cases.repository';
import * as docsRepo from './documents.repository';
import { contentHashOf, specFor, specLines, type DocumentData, type DocumentSpec } from './documents.templates';
import { findDistrictOf, type RightsStaff } from './rights.shared';
import { maskPhone } from '../../platform/logger';

/** Draws a document spec as a PDF with the captured signatures in their slots (platform/pdf). */
export type PdfRender = (spec: DocumentSpec, signatures: { role: SignerRole; partyId: string | null; image: Buffer; signedAt: Date }[]) => Promise<Buffer>;

const SIGN_LINK_MINUTES = 30;
const MAX_SIGNATURE_BYTES = 512 * 1024;

export function createDocumentsService({ db, render, clock = () => new Date() }: { db: Db; render: PdfRender; clock?: () => Date }) {
  /** The data every template reads, from the case as it is now (ID numbers masked). */
  async function dataOf(tx: Db, caseId: string): Promise<DocumentData> {
    const found = (await repo.findCase(tx, caseId))!;
    const c = found.case;
    // One after another: a transaction is one connection (pg warns on concurrent queries on a client).
    const parties = await repo.listParties(tx, [caseId]);
    const claims = await repo.listClaims(tx, caseId);
    const installments = await repo.listInstallments(tx, caseId);
    const district = await findDistrictOf(tx, found.orgPath);
    const unionName = found.orgName;
    return {
      caseNumber: c.number,
      committee: `${unionName}劳动争议调解委员会`,
      unionName: district.name === unionName ? unionName : `${district.name} ${unionName}`,
      summary: c.summary,
      receivedOn: c.receivedOn,
      acceptedOn: c.acceptedOn,
      mediationDueOn: c.mediationDueOn,
      outcomeOn: c.outcomeOn,
      mediatorName: found.mediatorName,
      isComplainantSealed: c.isComplainantSealed,
      parties: parties.map((p) => ({ id: p.id, role: p.role as 'applicant' | 'respondent', name: p.name, idNumberMasked: p.idNumberMasked, phoneMasked: maskPhone(p.phone), creditCode: p.creditCode, legalRepresentative: p.legalRepresentative, address: p.address, agentName: p.agentName })),
      claims: claims.map((x) => ({ type: x.type as DocumentData['claims'][number]['type'], description: x.description, amountFen: x.amountFen, agreedFen: x.agreedFen })),
      agreedFen: c.agreedFen,
      terms: c.agreementTerms,
      installments: installments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen, note: i.note })),
    };
  }

  function checkReady(status: string, kind: DocumentKind) {
    if (kind === 'agreement' && status !== 'agreed') throw new AppError('RIGHTS_DOCUMENT_NOT_READY', { status: 409, params: { state: 'RIGHTS_STATE_agreed' } });
    if (kind === 'acceptance_notice' && !['accepted', 'agreed', 'failed'].includes(status)) throw new AppError('RIGHTS_DOCUMENT_NOT_READY', { status: 409, params: { state: 'RIGHTS_STATE_accepted' } });
  }

  /** The hash signatures of a kind are bound to: the file copy's content. */
  const bindingHash = (kind: DocumentKind, data: DocumentData) => contentHashOf(specFor(kind, 'file', data));

  return {
    contentHashOf: async (caseId: string, kind: DocumentKind) => bindingHash(kind, await dataOf(db, caseId)),

    /**
     * Makes the PDF of a document from the case as it is now, with the signatures given for this
     * content. Unchanged content and signatures return the latest version; anything else is
     * stored as the next version (the earlier ones stay, with their hashes).
     */
    async generate(caseId: string, input: { kind: DocumentKind; audience: DocumentAudience }, viewer: RightsStaff) {
      return db.transaction(async (tx) => {
        const found = await loadCase(tx, caseId, viewer, 'write', true);
        checkReady(found.case.status, input.kind);
        const audience = input.kind === 'agreement' ? 'file' : input.audience;
        const data = await dataOf(tx, caseId);
        const spec = specFor(input.kind, audience, data);
        const hash = bindingHash(input.kind, data);
        const signatures = await docsRepo.signaturesFor(tx, caseId, input.kind, hash);
        const signatureIds = signatures.map((s) => s.id).sort();
        const latest = await docsRepo.findLatestDocument(tx, caseId, input.kind, audience);
        if (latest && latest.contentHash === contentHashOf(spec) && [...latest.signatureIds].sort().join() === signatureIds.join()) return { id: latest.id, version: latest.version, sha256: latest.sha256, isNew: false };
        const pdf = await render(
          spec,
          signatures.map((s) => ({ role: s.signerRole as SignerRole, partyId: s.partyId, image: s.image, signedAt: s.signedAt })),
        );
        const sha256 = createHash('sha256').update(pdf).digest('hex');
        const row = await docsRepo.insertDocument(tx, { caseId, kind: input.kind, audience, version: (latest?.version ?? 0) + 1, contentHash: contentHashOf(spec), sha256, size: pdf.length, data: pdf, spec, signatureIds, createdBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'rights_document.create', entityType: 'rights_case', entityId: caseId, orgId: found.case.orgId, after: { kind: input.kind, audience, version: row.version, sha256, signatures: signatureIds.length } });
        return { ...row, isNew: true };
      });
    },

    /** A stored PDF, for those who may read the case; every read is audited. */
    async pdf(caseId: string, documentId: string, viewer: RightsStaff) {
      const found = await loadCase(db, caseId, viewer, 'read');
      const doc = await docsRepo.findDocument(db, documentId);
      if (!doc || doc.caseId !== caseId) throw notFound('ENTITY_rights_document');
      await recordAudit(db, viewer.audit, { action: 'rights_document.read', entityType: 'rights_case', entityId: caseId, orgId: found.case.orgId, after: { kind: doc.kind, audience: doc.audience, version: doc.version } });
      return { data: doc.data, fileName: `${doc.kind === 'agreement' ? '调解协议书' : '受理通知书'}-${found.case.number}-v${doc.version}.pdf`, sha256: doc.sha256 };
    },

    /** A single-use link (30 minutes) for one signer to sign on a phone or tablet. */
    async createSignRequest(caseId: string, input: { kind: DocumentKind; signerRole: SignerRole; partyId?: string | undefined }, viewer: RightsStaff) {
      return db.transaction(async (tx) => {
        const found = await loadCase(tx, caseId, viewer, 'write');
        checkReady(found.case.status, input.kind);
        let signerName: string;
        let partyId: string | null = null;
        if (input.signerRole === 'mediator') {
          if (!found.case.mediatorId || !found.mediatorName) throw fieldError('signerRole', 'RIGHTS_MEDIATOR_INVALID');
          signerName = found.mediatorName;
        } else {
          const party = (await repo.listParties(tx, [caseId])).find((p) => p.role === input.signerRole && (!input.partyId || p.id === input.partyId));
          if (!party) throw fieldError('partyId', 'RIGHTS_SIGNER_PARTY');
          signerName = party.name;
          partyId = party.id;
        }
        const token = randomBytes(24).toString('base64url');
        const expiresAt = new Date(clock().getTime() + SIGN_LINK_MINUTES * 60_000);
        const row = await docsRepo.insertSignRequest(tx, { caseId, kind: input.kind, signerRole: input.signerRole, partyId, signerName, contentHash: bindingHash(input.kind, await dataOf(tx, caseId)), tokenHash: hashToken(token), expiresAt, createdBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'rights_sign_request.create', entityType: 'rights_case', entityId: caseId, orgId: found.case.orgId, after: { kind: input.kind, signerRole: input.signerRole } });
        return { id: row.id, url: `/m/sign/${token}`, expiresAt: expiresAt.toISOString() };
      });
    },

    /** What the signer reads before signing: the document's text, nothing else of the case. */
    async signTask(token: string): Promise<SignTask> {
      const request = await openRequest(db, token, false);
      const data = await dataOf(db, request.caseId);
      const spec = specFor(request.kind as DocumentKind, request.signerRole === 'respondent' ? 'respondent' : request.signerRole === 'applicant' ? 'applicant' : 'file', data);
      return { caseNumber: data.caseNumber, kind: request.kind as DocumentKind, signerRole: request.signerRole as SignerRole, signerName: request.signerName, title: spec.title, lines: specLines(spec).slice(1), expiresAt: request.expiresAt.toISOString() };
    },

    /** Stores a signature (a PNG drawn on the screen) bound to the content the signer was shown. */
    async sign(token: string, body: unknown, contentType: string | undefined, ctx: AuditContext) {
      const image = checkUpload(body, contentType, { allowed: ['image/png'] as const, maxBytes: MAX_SIGNATURE_BYTES, code: 'RIGHTS_SIGNATURE_TYPE' });
      return db.transaction(async (tx) => {
        const request = await openRequest(tx, token, true);
        const at = clock();
        const row = await docsRepo.insertSignature(tx, { caseId: request.caseId, kind: request.kind, signerRole: request.signerRole, partyId: request.partyId, signerName: request.signerName, contentHash: request.contentHash, image: image.data, sha256: image.sha256, requestId: request.id, ip: ctx.ip, signedAt: at });
        await docsRepo.markSignRequestUsed(tx, request.id, at);
        const c = (await repo.findCase(tx, request.caseId))!;
        await recordAudit(tx, { ...ctx, actorName: ctx.actorName ?? `签名人 ${request.signerName}` }, { action: 'rights_signature.create', entityType: 'rights_case', entityId: request.caseId, orgId: c.case.orgId, after: { kind: request.kind, signerRole: request.signerRole, sha256: image.sha256 } });
        return { id: row.id, signedAt: row.signedAt.toISOString() };
      });
    },
  };

  /** A live sign request whose content is still what the case says now (a changed agreement needs a new link). */
  async function openRequest(tx: Db, token: string, forUpdate: boolean) {
    const request = await docsRepo.findOpenSignRequest(tx, hashToken(token), clock(), forUpdate);
    if (!request) throw new AppError('RIGHTS_SIGN_LINK_INVALID', { status: 404 });
    const data = await dataOf(tx, request.caseId);
    if (bindingHash(request.kind as DocumentKind, data) !== request.contentHash) throw new AppError('RIGHTS_SIGN_LINK_INVALID', { status: 404 });
    return request;
  }
}

const hashToken = (token: string) => createHash('sha256').update(`rights-sign:${token}`).digest('base64url');

export type DocumentsService = ReturnType<typeof createDocumentsService>;
