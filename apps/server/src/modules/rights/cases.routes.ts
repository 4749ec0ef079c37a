import {
  acceptCaseSchema,
  addCaseMemberSchema,
  assignMediatorSchema,
  caseDetailSchema,
  caseSummarySchema,
  createCaseSchema,
  createClockEventSchema,
  createReferralSchema,
  createSessionSchema,
  createSignRequestSchema,
  evidenceInputSchema,
  fileSchema,
  generateDocumentSchema,
  idParamsSchema,
  listCasesQuerySchema,
  pageOf,
  recordOutcomeSchema,
  recordPaymentSchema,
  referralResultSchema,
  referralSchema,
  rejectCaseSchema,
  respondReferralSchema,
  signRequestSchema,
  signTaskSchema,
  updateCaseSchema,
  voidClockEventSchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import type { CaseWorkService } from './case-work.service';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from './case-work.service';
import type { CasesService } from './cases.service';
import type { DocumentsService } from './documents.service';
import type { RatingsService } from './ratings.service';
import { staffOf, tags } from './routes.shared';

const caseParams = z.object({ id: z.uuid() });
const userBrief = z.object({ id: z.uuid(), name: z.string() });

/** 劳动争议调解: intake to outcome, with clocks, referrals, payments, evidence and documents. */
export const casesRoutes: FastifyPluginAsyncZod<{ cases: CasesService; work: CaseWorkService; documents: DocumentsService; ratings: RatingsService }> = async (app, { cases, work, documents, ratings }) => {
  // Uploads (evidence, signatures) are the file itself as the body; the type is checked by its bytes.
  app.addContentTypeParser([...EVIDENCE_TYPES, 'image/gif', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES }, (_request, body, done) => done(null, body));

  app.get('/rights/cases', { config: { permission: 'rights.read' }, schema: { tags, summary: 'Cases the viewer may see (theirs, or all under the unions they manage); every listing is audited', querystring: listCasesQuerySchema, response: { 200: pageOf(caseSummarySchema) } } }, async (request) =>
    cases.list(request.query, staffOf(request)),
  );
  app.post('/rights/cases', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Take in a dispute case (登记)', body: createCaseSchema, response: { 201: caseDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await cases.create(request.body, staffOf(request))),
  );
  app.get('/rights/cases/:id', { config: { permission: 'rights.read' }, schema: { tags, summary: 'A case (404 unless its mediator, a manager above it or added to it); every read is audited', params: caseParams, response: { 200: caseDetailSchema } } }, async (request) =>
    cases.detail(request.params.id, staffOf(request)),
  );
  app.patch('/rights/cases/:id', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Edit the parties, claims, summary or limitation facts', params: caseParams, body: updateCaseSchema, response: { 200: caseDetailSchema } } }, async (request) =>
    cases.update(request.params.id, request.body, staffOf(request)),
  );
  app.post('/rights/cases/:id/accept', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'Accept (受理), optionally assigning the mediator', params: caseParams, body: acceptCaseSchema, response: { 200: caseDetailSchema } } }, async (request) =>
    cases.accept(request.params.id, request.body, staffOf(request)),
  );
  app.post('/rights/cases/:id/reject', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'Decline to accept (不予受理) with the reason', params: caseParams, body: rejectCaseSchema, response: { 200: caseDetailSchema } } }, async (request) =>
    cases.reject(request.params.id, request.body, staffOf(request)),
  );
  app.get('/rights/cases/:id/mediators', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'Staff who can mediate or be added', params: caseParams, response: { 200: z.array(userBrief) } } }, async (request) =>
    cases.mediatorCandidates(request.params.id, staffOf(request)),
  );
  app.post('/rights/cases/:id/assign', { config: { permission: 'rights.manage' }, schema: { tags, params: caseParams, body: assignMediatorSchema, response: { 200: caseDetailSchema } } }, async (request) => cases.assign(request.params.id, request.body, staffOf(request)));
  app.post('/rights/cases/:id/members', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'Let a staff member see and work on the case', params: caseParams, body: addCaseMemberSchema, response: { 200: caseDetailSchema } } }, async (request) =>
    cases.addMember(request.params.id, request.body.userId, staffOf(request)),
  );
  app.delete('/rights/cases/:id/members/:userId', { config: { permission: 'rights.manage' }, schema: { tags, params: z.object({ id: z.uuid(), userId: z.uuid() }) } }, async (request, reply) => {
    await cases.removeMember(request.params.id, request.params.userId, staffOf(request));
    return reply.status(204).send();
  });

  const thenDetail = async (id: string, request: Parameters<typeof staffOf>[0]) => cases.detail(id, staffOf(request));
  app.post('/rights/cases/:id/sessions', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Record a mediation session with notes', params: caseParams, body: createSessionSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.addSession(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/events', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Record 中断, 中止 (and its end) or an extension; the clocks are recomputed', params: caseParams, body: createClockEventSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.addEvent(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/events/:eventId/void', { config: { permission: 'rights.write' }, schema: { tags, params: z.object({ id: z.uuid(), eventId: z.uuid() }), body: voidClockEventSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.voidEvent(request.params.id, request.params.eventId, request.body.reason, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/outcome', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Agreement (amounts, payment plan), failure or withdrawal', params: caseParams, body: recordOutcomeSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.recordOutcome(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/payments', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Money received against the agreement', params: caseParams, body: recordPaymentSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.recordPayment(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/evidence', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Attach an uploaded file as evidence', params: caseParams, body: evidenceInputSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.addEvidence(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.post('/rights/cases/:id/referrals', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Refer along 商、调、裁、诉、援、执 (the worker consents); ownership moves when accepted', params: caseParams, body: createReferralSchema, response: { 200: caseDetailSchema } } }, async (request) => {
    await work.refer(request.params.id, request.body, staffOf(request));
    return thenDetail(request.params.id, request);
  });
  app.get('/rights/referrals/incoming', { config: { permission: 'rights.manage' }, schema: { tags, summary: 'Referrals waiting for the unions you manage (no party details before acceptance)', response: { 200: z.array(referralSchema) } } }, async (request) =>
    work.incoming(staffOf(request)),
  );
  app.post('/rights/referrals/:id/respond', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Accept or return a referral (receiving union, or the case staff for an outside body)', params: idParamsSchema, body: respondReferralSchema, response: { 200: z.object({ caseId: z.uuid(), canOpen: z.boolean() }) } } }, async (request) =>
    work.respond(request.params.id, request.body, staffOf(request)),
  );
  app.post('/rights/referrals/:id/result', { config: { permission: 'rights.write' }, schema: { tags, summary: 'The result at the receiving body (award, judgment, aid granted …)', params: idParamsSchema, body: referralResultSchema } }, async (request, reply) => {
    await work.recordReferralResult(request.params.id, request.body, staffOf(request));
    return reply.status(204).send();
  });

  app.post(
    '/rights/files',
    { config: { permission: 'rights.write' }, bodyLimit: MAX_EVIDENCE_BYTES, schema: { tags, summary: 'Upload an evidence file (body = a JPEG/PNG/WebP image or a PDF up to 10 MB; name in x-file-name, percent-encoded)', response: { 201: fileSchema } } },
    async (request, reply) => {
      const name = request.headers['x-file-name'];
      return reply.status(201).send(await work.uploadFile(request.body, request.headers['content-type'], typeof name === 'string' ? name : undefined, staffOf(request)));
    },
  );
  app.get('/rights/files/:id', { config: { permission: 'rights.read' }, schema: { tags, summary: 'An evidence file, for those who may read its case or rating (audited)', params: idParamsSchema } }, async (request, reply) => {
    const viewer = staffOf(request);
    const file = await work.readFile(request.params.id, viewer, (fileId) => ratings.canReadEvidence(fileId, viewer));
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(file.data);
  });

  app.post('/rights/cases/:id/documents', { config: { permission: 'rights.write' }, schema: { tags, summary: 'Make the PDF of the agreement or the acceptance notice (a change makes a new version)', params: caseParams, body: generateDocumentSchema, response: { 200: z.object({ id: z.uuid(), version: z.number().int(), sha256: z.string(), isNew: z.boolean() }) } } }, async (request) =>
    documents.generate(request.params.id, request.body, staffOf(request)),
  );
  app.get('/rights/cases/:id/documents/:documentId', { config: { permission: 'rights.read' }, schema: { tags, summary: 'A stored PDF (audited)', params: z.object({ id: z.uuid(), documentId: z.uuid() }) } }, async (request, reply) => {
    const doc = await documents.pdf(request.params.id, request.params.documentId, staffOf(request));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('x-content-sha256', doc.sha256)
      .header('cache-control', 'private, no-store')
      .send(doc.data);
  });
  app.post('/rights/cases/:id/sign-requests', { config: { permission: 'rights.write' }, schema: { tags, summary: 'A single-use 30-minute link for one signer to sign on a phone or tablet', params: caseParams, body: createSignRequestSchema, response: { 201: signRequestSchema } } }, async (request, reply) =>
    reply.status(201).send(await documents.createSignRequest(request.params.id, request.body, staffOf(request))),
  );

  // The signer holds only the link: public, the token is the credential.
  const tokenParams = z.object({ token: z.string().min(20).max(100) });
  app.get('/rights/sign/:token', { config: { permission: 'public' }, schema: { tags, summary: 'What a signing link asks to sign (its document’s text)', params: tokenParams, response: { 200: signTaskSchema } } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return documents.signTask(request.params.token);
  });
  app.post('/rights/sign/:token', { config: { permission: 'public' }, bodyLimit: MAX_EVIDENCE_BYTES, schema: { tags, summary: 'Submit the signature (body = the PNG drawn on the screen)', params: tokenParams, response: { 201: z.object({ id: z.uuid(), signedAt: z.string() }) } } }, async (request, reply) =>
    reply.status(201).send(await documents.sign(request.params.token, request.body, request.headers['content-type'], auditContextOf(request))),
  );
};
