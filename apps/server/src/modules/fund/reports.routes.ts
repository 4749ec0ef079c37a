import {
  breakfastReportQuerySchema,
  breakfastReportSchema,
  contributionReportQuerySchema,
  contributionReportSchema,
  createCustodianTransferSchema,
  custodianStatementSchema,
  custodianTransferSchema,
  fundStatementSchema,
  listCustodianTransfersQuerySchema,
  pageOf,
  pageQuerySchema,
  reconciliationQuerySchema,
  reconciliationSchema,
  reportRangeQuerySchema,
} from '@niangjia/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import { AppError } from '../../platform/errors';
import type { CardsService } from './cards.service';
import { MAX_STATEMENT_BYTES, type CustodianService } from './custodian.service';
import { getBreakfastReport, getContributionReport, getFundStatement, reportWorkbook } from './reports.service';
import { sendXlsx } from '../../platform/xlsx-reply';

const tags = ['fund'];


/** Reports (JSON and .xlsx) and the custodian account: transfers, statements, reconciliation. */
export const fundReportsRoutes: FastifyPluginAsyncZod<{ db: Db; cards: CardsService; custodian: CustodianService }> = async (app, { db, cards, custodian }) => {
  // The fund of the org the request names (in scope), else the caller's own. Custodian work is the fund's own: only who runs it.
  const fundOf = async (request: FastifyRequest, permission: 'fund.read' | 'fund.write') => (await cards.fundInScope(db, requireScope(request, permission).scope, (request.query as { orgId?: string }).orgId)).id;
  // Reports also serve a street admin below the fund (their slice), unless the request names an org.
  const sliceOf = async (request: FastifyRequest) => {
    const scope = requireScope(request, 'fund.read').scope;
    const orgId = (request.query as { orgId?: string }).orgId;
    if (orgId) return { id: (await cards.fundInScope(db, scope, orgId)).id, slice: null };
    const fund = await cards.fundFor(db, scope);
    return { id: fund.id, slice: fund.slice };
  };
  const read = { config: { permission: 'fund.read' as const } };
  const write = { config: { permission: 'fund.write' as const } };

  app.get('/fund-reports/contributions', { ...read, schema: { tags, querystring: contributionReportQuerySchema, response: { 200: contributionReportSchema } } }, async (request) =>
    sliceOf(request).then((f) => getContributionReport(db, f.id, request.query, f.slice)),
  );
  app.get('/fund-reports/contributions.xlsx', { ...read, schema: { tags, querystring: contributionReportQuerySchema } }, async (request, reply) => {
    const f = await sliceOf(request);
    const r = await getContributionReport(db, f.id, request.query, f.slice);
    const rows = r.rows.map((x) => [x.key, x.label, x.sales, x.salesFen, x.contributionFen]);
    rows.push(['合计 Total', '', r.totals.sales, r.totals.salesFen, r.totals.contributionFen]);
    return sendXlsx(reply, await reportWorkbook('捐赠 Contributions', ['编码/日期', '名称', '笔数', '销售额（元）', '捐赠（元）'], rows, [3, 4]), `爱心基金捐赠报表_${r.from}至${r.to}.xlsx`);
  });

  app.get('/fund-reports/breakfasts', { ...read, schema: { tags, querystring: breakfastReportQuerySchema, response: { 200: breakfastReportSchema } } }, async (request) =>
    sliceOf(request).then((f) => getBreakfastReport(db, f.id, request.query, f.slice)),
  );
  app.get('/fund-reports/breakfasts.xlsx', { ...read, schema: { tags, querystring: breakfastReportQuerySchema } }, async (request, reply) => {
    const f = await sliceOf(request);
    const r = await getBreakfastReport(db, f.id, request.query, f.slice);
    const rows = r.rows.map((x) => [x.key, x.label, x.breakfasts, x.amountFen]);
    rows.push(['合计 Total', '', r.totals.breakfasts, r.totals.amountFen]);
    return sendXlsx(reply, await reportWorkbook('爱心早餐 Breakfasts', ['编码/日期', '名称', '份数', '金额（元）'], rows, [3]), `爱心早餐报表_${r.from}至${r.to}.xlsx`);
  });

  app.get('/fund-reports/statement', { ...read, schema: { tags, querystring: reportRangeQuerySchema, response: { 200: fundStatementSchema } } }, async (request) =>
    sliceOf(request).then((f) => getFundStatement(db, f.id, request.query)),
  );
  app.get('/fund-reports/statement.xlsx', { ...read, schema: { tags, querystring: reportRangeQuerySchema } }, async (request, reply) => {
    const s = await getFundStatement(db, (await sliceOf(request)).id, request.query);
    const rows: (string | number)[][] = [['期初余额 Opening', '', s.openingFen], ...s.lines.map((l) => [l.label, l.count, l.amountFen]), ['期末余额 Closing', '', s.closingFen], ['其中托管账户 At the custodian', '', s.custodianFen]];
    return sendXlsx(reply, await reportWorkbook(`${s.from}~${s.to}`, ['项目', '笔数/份数', '金额（元）'], rows, [2]), `爱心基金收支公示_${s.from}至${s.to}.xlsx`);
  });

  app.get('/fund-custodian/transfers', { ...read, schema: { tags, querystring: listCustodianTransfersQuerySchema, response: { 200: pageOf(custodianTransferSchema) } } }, async (request) =>
    custodian.listTransfers(await fundOf(request, 'fund.read'), request.query),
  );
  app.post('/fund-custodian/transfers', { ...write, schema: { tags, body: createCustodianTransferSchema, response: { 201: custodianTransferSchema } } }, async (request, reply) => {
    const fundId = await fundOf(request, 'fund.write');
    return reply.status(201).send(await custodian.recordTransfer(fundId, request.body, { scope: requireScope(request, 'fund.write').scope, audit: auditContextOf(request) }));
  });

  app.get('/fund-custodian/statements', { ...read, schema: { tags, querystring: pageQuerySchema, response: { 200: pageOf(custodianStatementSchema) } } }, async (request) =>
    custodian.listStatements(await fundOf(request, 'fund.read'), request.query),
  );
  await app.register(async (plain) => {
    const csv = plain.withTypeProvider<ZodTypeProvider>();
    // The bytes as sent: the bounded reader decodes them (UTF-8, or GB18030 as Chinese Excel writes CSV).
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: MAX_STATEMENT_BYTES }, (_request, body, done) => done(null, body));
    csv.post(
      '/fund-custodian/statements',
      { ...write, bodyLimit: MAX_STATEMENT_BYTES, schema: { tags, summary: 'Import a statement CSV (body = the file, text/csv)', querystring: z.strictObject({ fileName: z.string().trim().max(200).optional(), orgId: z.uuid().optional() }), response: { 201: custodianStatementSchema } } },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
        const fundId = await fundOf(request, 'fund.write');
        return reply.status(201).send(await custodian.importStatement(fundId, request.body, request.query.fileName ?? null, { scope: requireScope(request, 'fund.write').scope, audit: auditContextOf(request) }, langOf(request)));
      },
    );
  });
  app.get('/fund-custodian/reconciliation', { ...read, schema: { tags, querystring: reconciliationQuerySchema, response: { 200: reconciliationSchema } } }, async (request) =>
    custodian.reconcile(await fundOf(request, 'fund.read'), request.query),
  );
};
