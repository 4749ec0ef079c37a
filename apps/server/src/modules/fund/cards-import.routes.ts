import { breakfastCardImportSchema, commitCardImportSchema, idParamsSchema, uploadCardImportQuerySchema } from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import { AppError } from '../../platform/errors';
import type { CardImportService } from './cards-import.service';
import { sendXlsx, XLSX_TYPE as XLSX } from '../../platform/xlsx-reply';

const tags = ['fund'];
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Breakfast cards from an Excel list: the same flow and answers as the members import (check, then commit). */
export const cardImportRoutes: FastifyPluginAsyncZod<{ imports: CardImportService }> = async (app, { imports }) => {
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
  const ctx = (request: Parameters<typeof auditContextOf>[0]) => ({ scope: requireScope(request, 'fund.write').scope, audit: auditContextOf(request) });

  app.get('/breakfast-cards/imports/template', { config: { permission: 'fund.write' }, schema: { tags, summary: 'The card list template (.xlsx)' } }, async (_request, reply) =>
    sendXlsx(reply, await imports.template(), '爱心早餐卡导入模板.xlsx'),
  );
  app.post(
    '/breakfast-cards/imports',
    { config: { permission: 'fund.write' }, bodyLimit: MAX_UPLOAD_BYTES, schema: { tags, summary: 'Upload a card list (.xlsx body): checked at once; the same file again answers 200 with its batch', querystring: uploadCardImportQuerySchema, response: { 200: breakfastCardImportSchema, 202: breakfastCardImportSchema } } },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
      const { batch, isNew } = await imports.upload(request.body, request.query.fileName ?? null, ctx(request), langOf(request), request.query.orgId);
      return reply.status(isNew ? 202 : 200).send(batch);
    },
  );
  app.get('/breakfast-cards/imports/:id', { config: { permission: 'fund.write' }, schema: { tags, params: idParamsSchema, response: { 200: breakfastCardImportSchema } } }, async (request) =>
    imports.get(request.params.id, ctx(request), langOf(request)),
  );
  app.post('/breakfast-cards/imports/:id/commit', { config: { permission: 'fund.write' }, schema: { tags, params: idParamsSchema, body: commitCardImportSchema, response: { 202: breakfastCardImportSchema } } }, async (request, reply) =>
    reply.status(202).send(await imports.commit(request.params.id, request.body, ctx(request), langOf(request))),
  );
  app.get('/breakfast-cards/imports/:id/report', { config: { permission: 'fund.write' }, schema: { tags, params: idParamsSchema } }, async (request, reply) =>
    sendXlsx(reply, await imports.report(request.params.id, ctx(request), langOf(request)), '早餐卡导入检查结果.xlsx'),
  );
};
