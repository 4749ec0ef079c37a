import {
  indicatorBreakdownQuerySchema,
  indicatorBreakdownSchema,
  indicatorCatalogueSchema,
  indicatorKeyParamsSchema,
  indicatorTargetSchema,
  indicatorTargetsQuerySchema,
  indicatorTrendSchema,
  indicatorValuesQuerySchema,
  indicatorValuesSchema,
  periodQuerySchema,
  putIndicatorTargetSchema,
  yearlyReportQuerySchema,
} from '@niangjia/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../../platform/audit/audit.service';
import { requireScope } from '../../platform/auth';
import { langOf } from '../../platform/error-handler';
import { sendDownload } from '../../platform/xlsx-reply';
import type { FiguresService } from './figures.service';
import { renderYearlyReport } from './report';
import type { TargetsService } from './targets.service';
import { breakdownWorkbook, valuesWorkbook } from './xlsx';

const tags = ['indicators'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const trendQuerySchema = periodQuerySchema.extend({ org: z.string().min(1).max(80).optional(), filter: indicatorValuesQuerySchema.shape.filter });

/** A download with a Chinese file name (RFC 6266 filename* with an ASCII fallback). */
export const sendFile = sendDownload;

/**
 * The integrators' and 数据中心's API: the catalogue, values for any period and org subtree with
 * 环比/同比 and targets, drill-down, trends, Excel exports and the yearly report. Same numbers
 * as the console, the screen and the report: one service computes them all.
 */
export const indicatorsRoutes: FastifyPluginAsyncZod<{ figures: FiguresService; targets: TargetsService }> = async (app, { figures, targets }) => {
  const scopeOf = (request: Parameters<typeof requireScope>[0]) => requireScope(request, 'figures.read').scope;

  app.get(
    '/indicators',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'The indicator catalogue, by section (module)', response: { 200: indicatorCatalogueSchema } } },
    async () => figures.getCatalogue(),
  );

  app.get(
    '/indicators/values',
    {
      config: { permission: 'figures.read' },
      schema: { tags, summary: 'Values of indicators for an org subtree and a period, with 环比, 同比 and targets', querystring: indicatorValuesQuerySchema, response: { 200: indicatorValuesSchema } },
    },
    async (request) => figures.getValues(request.query, scopeOf(request), langOf(request)),
  );

  app.get(
    '/indicators/values.xlsx',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'The same values as an Excel file (Chinese headers, numbers as numbers)', querystring: indicatorValuesQuerySchema } },
    async (request, reply) => {
      const values = await figures.getValues(request.query, scopeOf(request), 'zh-CN');
      return sendFile(reply, XLSX, await valuesWorkbook(values), `${values.org.name}-${values.period.label}-指标.xlsx`, 'indicators.xlsx');
    },
  );

  app.get(
    '/indicators/:key/breakdown',
    {
      config: { permission: 'figures.read' },
      schema: { tags, summary: 'One indicator by child org (with 本级) or by a dimension; child rows add up to the total', params: indicatorKeyParamsSchema, querystring: indicatorBreakdownQuerySchema, response: { 200: indicatorBreakdownSchema } },
    },
    async (request) => figures.getBreakdown(request.params.key, request.query, scopeOf(request), langOf(request)),
  );

  app.get(
    '/indicators/:key/breakdown.xlsx',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'The breakdown as an Excel file', params: indicatorKeyParamsSchema, querystring: indicatorBreakdownQuerySchema } },
    async (request, reply) => {
      const b = await figures.getBreakdown(request.params.key, request.query, scopeOf(request), 'zh-CN');
      return sendFile(reply, XLSX, await breakdownWorkbook(b), `${b.org.name}-${b.indicator.name}-${b.period.label}.xlsx`, 'breakdown.xlsx');
    },
  );

  app.get(
    '/indicators/:key/trend',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'One indicator per month (or day) through the period, beside a year earlier', params: indicatorKeyParamsSchema, querystring: trendQuerySchema, response: { 200: indicatorTrendSchema } } },
    async (request) => figures.getTrend(request.params.key, request.query, scopeOf(request), langOf(request)),
  );

  app.get(
    '/indicators/:key/targets',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'Yearly targets of an indicator in the caller’s scope', params: indicatorKeyParamsSchema, querystring: indicatorTargetsQuerySchema, response: { 200: z.array(indicatorTargetSchema) } } },
    async (request) => targets.list(request.params.key, request.query, scopeOf(request)),
  );

  app.put(
    '/indicators/:key/targets',
    { config: { permission: 'figures.write' }, schema: { tags, summary: 'Set an org’s yearly target (audited; send the version to replace one)', params: indicatorKeyParamsSchema, body: putIndicatorTargetSchema, response: { 200: indicatorTargetSchema } } },
    async (request) => targets.put(request.params.key, request.body, requireScope(request, 'figures.write').scope, auditContextOf(request)),
  );

  app.get(
    '/figures/yearly-report.pdf',
    { config: { permission: 'figures.read' }, schema: { tags, summary: 'The yearly work report (年度工作报告) of an org as a PDF', querystring: yearlyReportQuerySchema } },
    async (request, reply) => {
      const org = await figures.resolveOrg(request.query.org, scopeOf(request));
      const year = request.query.year ?? Number(figures.today().slice(0, 4));
      const pdf = await renderYearlyReport(figures, org, year);
      return sendFile(reply, 'application/pdf', pdf, `${org.name}${year}年度工作报告.pdf`, `yearly-report-${year}.pdf`);
    },
  );
};
