import { commitPositionImportSchema, exportPositionsQuerySchema, idParamsSchema, positionImportSchema, uploadPositionImportQuerySchema } from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { langOf } from '../../platform/error-handler';
import type { PositionExportService } from './positions.export';
import { MAX_POSITION_IMPORT_BYTES, type PositionImportService } from './positions.import';
import { sendXlsx, XLSX_TYPE as XLSX } from '../../platform/xlsx-reply';

const tags = ['positions'];

const actorOf = (request: FastifyRequest, permission: 'position.read' | 'position.write') => ({ scope: requireScope(request, permission).scope, audit: auditContextOf(request) });


/** Positions in and out of Excel: template, upload (checked by a job), report, commit; the export. */
export const positionsXlsxRoutes: FastifyPluginAsyncZod<{ imports: PositionImportService; exports: PositionExportService }> = async (app, { imports, exports }) => {
  // The upload body is the .xlsx file itself (no multipart), as for the members import.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_POSITION_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  app.get(
    '/positions/imports/template',
    { config: { permission: 'position.write' }, schema: { tags, summary: 'The positions .xlsx template (Chinese headers, one example row, a sheet of allowed values)' } },
    async (_request, reply) => sendXlsx(reply, await imports.template(), '阵地导入模板.xlsx'),
  );

  app.post(
    '/positions/imports',
    {
      config: { permission: 'position.write' },
      bodyLimit: MAX_POSITION_IMPORT_BYTES,
      schema: { tags, summary: 'Upload an .xlsx (body = the file): 202 with the batch; poll GET /positions/imports/:id until the check is done', querystring: uploadPositionImportQuerySchema, response: { 202: positionImportSchema } },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
      return reply.status(202).send(await imports.uploadFile(request.body, request.query.fileName, actorOf(request, 'position.write'), langOf(request)));
    },
  );

  app.get(
    '/positions/imports/:id',
    { config: { permission: 'position.write' }, schema: { tags, summary: 'A positions import: status, job progress, totals and the per-row errors', params: idParamsSchema, response: { 200: positionImportSchema } } },
    async (request) => imports.getImport(request.params.id, actorOf(request, 'position.write'), langOf(request)),
  );

  app.get(
    '/positions/imports/:id/report',
    { config: { permission: 'position.write' }, schema: { tags, summary: 'The per-row check report as .xlsx', params: idParamsSchema } },
    async (request, reply) => {
      const { file, fileName } = await imports.reportXlsx(request.params.id, actorOf(request, 'position.write'), langOf(request));
      return sendXlsx(reply, file, fileName);
    },
  );

  app.post(
    '/positions/imports/:id/commit',
    {
      config: { permission: 'position.write' },
      schema: {
        tags,
        summary: 'Queue the commit of a checked batch (202): only the valid rows, or all or nothing; one transaction; 200 when already committed or committing',
        params: idParamsSchema,
        body: commitPositionImportSchema,
        response: { 200: positionImportSchema, 202: positionImportSchema },
      },
    },
    async (request, reply) => {
      const { batch, isQueued } = await imports.commit(request.params.id, request.body, actorOf(request, 'position.write'), langOf(request));
      return reply.status(isQueued ? 202 : 200).send(batch);
    },
  );

  app.get(
    '/positions/export',
    { config: { permission: 'position.read' }, schema: { tags, summary: 'The filtered positions as .xlsx in the import layout (export → edit → import); audited', querystring: exportPositionsQuerySchema } },
    async (request, reply) => {
      const { file, fileName } = await exports.exportPositions(request.query, actorOf(request, 'position.read'));
      return sendXlsx(reply, file, fileName);
    },
  );
};
