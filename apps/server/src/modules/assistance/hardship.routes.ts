import {
  addHardshipDocumentSchema,
  addHouseholdMemberSchema,
  addObjectionSchema,
  decideObjectionSchema,
  exitHardshipSchema,
  hardshipDetailSchema,
  hardshipFileSchema,
  hardshipThresholdSchema,
  idParamsSchema,
  listHardshipQuerySchema,
  memberParamsSchema,
  objectionParamsSchema,
  openHardshipFileSchema,
  pageOf,
  returnHardshipSchema,
  reviewHardshipSchema,
  saveThresholdSchema,
  startNoticeSchema,
  thresholdQuerySchema,
  updateHardshipFileSchema,
  verifyHardshipSchema,
  versionBodySchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireActor, requireScope, scopeOf } from '../../platform/auth';
import type { HardshipService, StaffCtx, WorkerCtx } from './hardship.service';

const tags = ['assistance'];
const read = { config: { permission: 'assistance.read' as const } };
const write = { config: { permission: 'assistance.write' as const } };
const reveal = { config: { permission: 'assistance.reveal' as const } };
const signedIn = { config: { permission: 'authenticated' as const } };
const detail = { 200: hardshipDetailSchema };

function staffOf(request: FastifyRequest, permission: 'assistance.read' | 'assistance.write' | 'assistance.reveal'): StaffCtx {
  const { actor } = requireScope(request, permission);
  return {
    userId: actor.userId,
    displayName: actor.displayName,
    read: scopeOf(actor, 'assistance.read'),
    write: scopeOf(actor, 'assistance.write'),
    reveal: scopeOf(actor, 'assistance.reveal'),
    audit: auditContextOf(request),
  };
}
function workerOf(request: FastifyRequest): WorkerCtx {
  return { userId: requireActor(request).userId, audit: auditContextOf(request) };
}

/** 困难职工档案: the worker's own file on the phone, the union's work on files in the console. */
export const hardshipRoutes: FastifyPluginAsyncZod<{ hardship: HardshipService }> = async (app, { hardship }) => {
  // The consent's signature arrives as the PNG itself (no multipart); checked by its bytes too.
  app.addContentTypeParser(['image/png', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 512 * 1024 }, (_request, body, done) => done(null, body));

  // ---- the worker's side ----
  app.get('/assistance/hardship/mine', { ...signedIn, schema: { tags, summary: 'My hardship files (household ID numbers masked)', response: { 200: z.object({ items: z.array(hardshipDetailSchema) }) } } }, async (request) => ({
    items: await hardship.mine(workerOf(request)),
  }));
  app.post(
    '/assistance/hardship/mine',
    { ...signedIn, schema: { tags, summary: 'Open my hardship file (an active member only); I am its first household member', body: openHardshipFileSchema.omit({ membershipId: true }), response: { 201: hardshipDetailSchema } } },
    async (request, reply) => reply.status(201).send(await hardship.openMine(request.body, workerOf(request))),
  );
  app.patch('/assistance/hardship/mine/:id', { ...signedIn, schema: { tags, summary: 'Change the causes of my draft file', params: idParamsSchema, body: updateHardshipFileSchema, response: detail } }, async (request) =>
    hardship.updateMine(request.params.id, request.body, workerOf(request)),
  );
  app.post('/assistance/hardship/mine/:id/household', { ...signedIn, schema: { tags, summary: 'Add a household member to my draft file', params: idParamsSchema, body: addHouseholdMemberSchema, response: detail } }, async (request) =>
    hardship.addMyHousehold(request.params.id, request.body, workerOf(request)),
  );
  app.post(
    '/assistance/hardship/mine/:id/household/:memberId/remove',
    { ...signedIn, schema: { tags, summary: 'Remove a household member from my draft file', params: memberParamsSchema, body: versionBodySchema, response: detail } },
    async (request) => hardship.removeMyHousehold(request.params.id, request.params.memberId, request.body.version, workerOf(request)),
  );
  app.post(
    '/assistance/hardship/mine/:id/documents',
    { ...signedIn, schema: { tags, summary: 'Attach a supporting document (a photo I uploaded) to my draft file', params: idParamsSchema, body: addHardshipDocumentSchema, response: detail } },
    async (request) => hardship.addMyDocument(request.params.id, request.body, workerOf(request)),
  );
  app.post(
    '/assistance/hardship/mine/:id/consent',
    { ...signedIn, bodyLimit: 512 * 1024, schema: { tags, summary: 'Sign the consent (授权书): body = the PNG drawn on the phone screen', params: idParamsSchema, response: detail } },
    async (request) => hardship.signConsent(request.params.id, request.body, request.headers['content-type'], workerOf(request)),
  );
  app.post('/assistance/hardship/mine/:id/submit', { ...signedIn, schema: { tags, summary: 'Submit my file for verification', params: idParamsSchema, body: versionBodySchema, response: detail } }, async (request) =>
    hardship.submitMine(request.params.id, request.body.version, workerOf(request)),
  );

  // ---- the staff's side ----
  app.get('/assistance/hardship/files', { ...read, schema: { tags, summary: 'Hardship files in scope, by status, tier and org', querystring: listHardshipQuerySchema, response: { 200: pageOf(hardshipFileSchema) } } }, async (request) =>
    hardship.list(request.query, staffOf(request, 'assistance.read')),
  );
  app.post('/assistance/hardship/files', { ...write, schema: { tags, summary: 'Open a file for a member of a union in scope', body: openHardshipFileSchema, response: { 201: hardshipDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await hardship.open(request.body, staffOf(request, 'assistance.write'))),
  );
  app.get('/assistance/hardship/files/:id', { ...read, schema: { tags, summary: 'A file with its household (masked), documents, verifications, notice and reviews', params: idParamsSchema, response: detail } }, async (request) =>
    hardship.get(request.params.id, staffOf(request, 'assistance.read')),
  );
  app.patch('/assistance/hardship/files/:id', { ...write, schema: { tags, summary: 'Change a draft file’s causes', params: idParamsSchema, body: updateHardshipFileSchema, response: detail } }, async (request) =>
    hardship.update(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/household', { ...write, schema: { tags, summary: 'Add a household member', params: idParamsSchema, body: addHouseholdMemberSchema, response: detail } }, async (request) =>
    hardship.addHousehold(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post(
    '/assistance/hardship/files/:id/household/:memberId/remove',
    { ...write, schema: { tags, summary: 'Remove a household member', params: memberParamsSchema, body: versionBodySchema, response: detail } },
    async (request) => hardship.removeHousehold(request.params.id, request.params.memberId, request.body.version, staffOf(request, 'assistance.write')),
  );
  app.post(
    '/assistance/hardship/files/:id/household/:memberId/reveal',
    { ...reveal, schema: { tags, summary: 'Show a household member’s full ID number (audited)', params: memberParamsSchema, response: { 200: z.object({ idNumber: z.string().nullable() }) } } },
    async (request) => hardship.reveal(request.params.id, request.params.memberId, staffOf(request, 'assistance.reveal')),
  );
  app.post('/assistance/hardship/files/:id/documents', { ...write, schema: { tags, summary: 'Attach a supporting document (a photo the caller uploaded)', params: idParamsSchema, body: addHardshipDocumentSchema, response: detail } }, async (request) =>
    hardship.addDocument(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/submit', { ...write, schema: { tags, summary: 'Submit a draft (consent signed) for verification', params: idParamsSchema, body: versionBodySchema, response: detail } }, async (request) =>
    hardship.submit(request.params.id, request.body.version, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/verify', { ...write, schema: { tags, summary: 'Verify (核实): two different staff, not the opener; the second sets the tier', params: idParamsSchema, body: verifyHardshipSchema, response: detail } }, async (request) =>
    hardship.verify(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/return', { ...write, schema: { tags, summary: 'Return a file to the worker to complete (verifications are cleared)', params: idParamsSchema, body: returnHardshipSchema, response: detail } }, async (request) =>
    hardship.returnToDraft(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/notice', { ...write, schema: { tags, summary: 'Start the public notice (公示) with its dates', params: idParamsSchema, body: startNoticeSchema, response: detail } }, async (request) =>
    hardship.startNotice(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/objections', { ...write, schema: { tags, summary: 'Record an objection raised during the notice', params: idParamsSchema, body: addObjectionSchema, response: detail } }, async (request) =>
    hardship.addObjection(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post(
    '/assistance/hardship/files/:id/objections/:objectionId/decide',
    { ...write, schema: { tags, summary: 'Decide an objection: upheld or dismissed, with a note', params: objectionParamsSchema, body: decideObjectionSchema, response: detail } },
    async (request) => hardship.decideObjection(request.params.id, request.params.objectionId, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/close-notice', { ...write, schema: { tags, summary: 'End the notice after its last day: 在档, or rejected on an upheld objection', params: idParamsSchema, body: versionBodySchema, response: detail } }, async (request) =>
    hardship.closeNotice(request.params.id, request.body.version, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/review', { ...write, schema: { tags, summary: 'Yearly review: continue (maybe another tier) or exit as resolved', params: idParamsSchema, body: reviewHardshipSchema, response: detail } }, async (request) =>
    hardship.review(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.post('/assistance/hardship/files/:id/exit', { ...write, schema: { tags, summary: 'Exit: 解困 (resolved, from 在档) or 撤档 (withdrawn), with a reason', params: idParamsSchema, body: exitHardshipSchema, response: detail } }, async (request) =>
    hardship.exit(request.params.id, request.body, staffOf(request, 'assistance.write')),
  );
  app.get(
    '/assistance/hardship/threshold',
    { ...read, schema: { tags, summary: 'The income-per-head threshold that applies at an org (its district’s)', querystring: thresholdQuerySchema, response: { 200: hardshipThresholdSchema.nullable() } } },
    async (request) => hardship.getThreshold(request.query.orgId, staffOf(request, 'assistance.read')),
  );
  app.put(
    '/assistance/hardship/threshold',
    { ...write, schema: { tags, summary: 'Set a district’s threshold (fen a month per head)', querystring: thresholdQuerySchema, body: saveThresholdSchema, response: { 200: hardshipThresholdSchema } } },
    async (request) => hardship.saveThreshold(request.query.orgId, request.body.monthlyFenPerHead, staffOf(request, 'assistance.write')),
  );
};
