import { commitImportSchema, exportMembersQuerySchema, idParamsSchema, listImportsQuerySchema, memberImportPageSchema, memberImportSchema, uploadImportQuerySchema } from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope, scopeOf, requireActor } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { langOf } from '../../platform/error-handler';
import type { ExportService } from './export.service';
import type { ImportService } from './import.service';
import type { MembersActor } from './members.shared';
import { sendXlsx, XLSX_TYPE as XLSX } from '../../platform/xlsx-reply';

const tags = ['members'];
/** An .xlsx of 100,000 rows is ~5 MB; the streaming reader caps rows as well. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const actorOf = (request: FastifyRequest, permission: 'member.read' | 'member.write' | 'member.reveal'): MembersActor => ({
  scope: requireScope(request, permission).scope,
  audit: auditContextOf(request),
});


/** Excel in and out: the collective-join template, upload (dry run), report, commit; and the member export. */
export const xlsxRoutes: FastifyPluginAsyncZod<{ imports: ImportService; exports: ExportService }> = async (app, { imports, exports }) => {
  // The upload body is the .xlsx file itself (no multipart): the browser sends the File as it is.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/members/imports/template',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'The collective-join .xlsx template: Chinese headers, an example row, drop-down lists, and the caller\'s unions and streets' } },
    async (request, reply) => sendXlsx(reply, await imports.template(requireScope(request, 'member.write').scope), '集中入会导入模板.xlsx'),
  );

  app.post(
    '/members/imports',
    {
      config: { permission: 'member.write' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Upload an .xlsx (body = the file): 202 with the batch and its check job (poll GET /members/imports/:id); the same file again answers 200 with its batch',
        querystring: uploadImportQuerySchema,
        response: { 200: memberImportSchema, 202: memberImportSchema },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
      const { batch, isNew } = await imports.uploadFile(request.body, request.query, actorOf(request, 'member.write'), langOf(request));
      return reply.status(isNew ? 202 : 200).send(batch);
    },
  );

  app.get(
    '/members/imports',
    {
      config: { permission: 'member.write' },
      schema: { tags, summary: '导入记录: past batches in the caller’s scope (or under orgId), newest first: file, who, when, status, totals', querystring: listImportsQuerySchema, response: { 200: memberImportPageSchema } },
    },
    async (request) => imports.listImports(request.query, requireScope(request, 'member.write').scope),
  );

  app.get(
    '/members/imports/:id',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'An import batch: status, its job (progress 0..1 and text), totals and the first errors', params: idParamsSchema, response: { 200: memberImportSchema } } },
    async (request) => imports.getImport(request.params.id, requireScope(request, 'member.write').scope, langOf(request)),
  );

  app.get(
    '/members/imports/:id/report',
    { config: { permission: 'member.write' }, schema: { tags, summary: 'The per-row check report as .xlsx (row, column, reason, status)', params: idParamsSchema } },
    async (request, reply) => {
      const { file, fileName } = await imports.reportXlsx(request.params.id, requireScope(request, 'member.write').scope, langOf(request));
      return sendXlsx(reply, file, fileName);
    },
  );

  app.post(
    '/members/imports/:id/commit',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: 'Queue the commit of a checked batch (202 with its job): only valid rows, or all or nothing (atomic, idempotent); 200 when already committed or committing',
        params: idParamsSchema,
        body: commitImportSchema,
        response: { 200: memberImportSchema, 202: memberImportSchema },
      },
    },
    async (request, reply) => {
      const { batch, isQueued } = await imports.commit(request.params.id, request.body, actorOf(request, 'member.write'), langOf(request));
      return reply.status(isQueued ? 202 : 200).send(batch);
    },
  );

  app.get(
    '/members/export',
    { config: { permission: 'member.read' }, schema: { tags, summary: 'The filtered member list as .xlsx (masked unless reveal=true with member.reveal); audited', querystring: exportMembersQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      // Revealing exports only what the caller may reveal: the query runs in the reveal scope.
      const permission = request.query.reveal ? 'member.reveal' : 'member.read';
      if (request.query.reveal) {
        const scope = scopeOf(actor, 'member.reveal');
        if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
      }
      const { file, fileName } = await exports.exportMembers(request.query, actorOf(request, permission));
      return sendXlsx(reply, file, fileName);
    },
  );
};
