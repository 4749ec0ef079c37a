import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, capList, MAX_LISTED_ERRORS, type FieldError } from './errors';
import { hasMessage, pickLang, t, type Lang } from './i18n';
import { errorForLog } from './logger';
import { RequestValidationError, translateIssues } from './validation';

const PROBLEM_BASE = 'https://niangjia.org/problems/';

type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
  requestId: string;
  [extra: string]: unknown;
};

const uniqueFields = new Map<string, string>();

/** Names the request field behind a unique index, so a duplicate becomes 409 on that field. */
export function registerUniqueField(constraint: string, field: string): void {
  uniqueFields.set(constraint, field);
}

/** PostgreSQL's unique_violation (23505), possibly wrapped by drizzle in `cause`. */
export function uniqueViolationOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (e.code === '23505') return typeof e.constraint === 'string' ? e.constraint : 'unknown';
    current = e.cause;
  }
  return undefined;
}

export function langOf(request: FastifyRequest): Lang {
  return pickLang(request.headers['accept-language']);
}

/** Every error becomes RFC 9457 problem+json in the caller's language; stacks stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang = langOf(request);
    const problem = toProblem(error, request, lang);
    if (problem.status >= 500) {
      request.log.error({ err: errorForLog(error) }, 'request failed');
    } else if (problem.status !== 404 && problem.status !== 401) {
      request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    }
    if (error instanceof AppError) {
      for (const [k, v] of Object.entries(error.headers)) void reply.header(k, v);
    }
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = langOf(request);
    return sendProblem(reply, {
      type: PROBLEM_BASE + 'route-not-found',
      title: t(lang, 'ROUTE_NOT_FOUND'),
      status: 404,
      detail: t(lang, 'ROUTE_NOT_FOUND_DETAIL', { method: request.method, url: request.url.split('?')[0] ?? '' }),
      code: 'ROUTE_NOT_FOUND',
      requestId: request.id,
    });
  });
}

/**
 * An error list as it leaves the server: at most MAX_LISTED_ERRORS entries; when some are left out,
 * a last entry says how many and `errorCount` gives the whole count (issue 9: an 84 MB answer to a
 * 1 MB file of bad lines).
 */
function listOf<T>(errors: readonly T[], total: unknown, lang: Lang, out: (e: T) => FieldError): { errors: FieldError[]; errorCount?: number } {
  const count = typeof total === 'number' ? total : errors.length;
  const { items, notListed } = capList(errors, MAX_LISTED_ERRORS, Math.max(count, errors.length));
  const listed = items.map(out);
  if (!notListed) return { errors: listed };
  listed.push({ path: '', message: t(lang, 'ERRORS_NOT_LISTED', { notListed: notListed.toLocaleString('en') }), code: 'ERRORS_NOT_LISTED' });
  return { errors: listed, errorCount: Math.max(count, errors.length) };
}

function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

function typeUri(code: string): string {
  return PROBLEM_BASE + code.toLowerCase().replace(/_/g, '-');
}

function toProblem(error: unknown, request: FastifyRequest, lang: Lang): Problem {
  const requestId = request.id;
  if (error instanceof RequestValidationError) {
    return {
      type: typeUri('VALIDATION_FAILED'),
      title: t(lang, 'VALIDATION_FAILED'),
      status: 400,
      detail: t(lang, 'VALIDATION_FAILED_DETAIL'),
      code: 'VALIDATION_FAILED',
      ...listOf(translateIssues(error.part, error.issues.slice(0, MAX_LISTED_ERRORS), lang), error.issues.length, lang, (e) => e),
      requestId,
    };
  }
  if (error instanceof AppError) {
    const detailKey = error.detailKey ?? `${error.code}_DETAIL`;
    // Parameters may themselves be message keys (an entity or type name): translate them too.
    const params = Object.fromEntries(
      Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' && hasMessage(v) ? t(lang, v) : v]),
    );
    const detail = t(lang, detailKey, { ...params, requestId });
    return {
      type: typeUri(error.code),
      // A title may name values too ({number}); unfilled braces never reach a screen.
      title: t(lang, error.code, params),
      status: error.status,
      // A detail still holding a {placeholder} was thrown without its values: better none than braces on a screen.
      ...(detail !== detailKey && !/\{[A-Za-z]\w*\}/.test(detail) ? { detail } : {}),
      code: error.code,
      ...(error.errors ? listOf(error.errors, error.extras.errorCount, lang, (e) => ({ path: e.path, message: t(lang, e.message, params), ...(e.code ? { code: e.code } : {}) })) : {}),
      ...error.extras,
      requestId,
    };
  }
  const unique = uniqueViolationOf(error);
  if (unique) {
    const field = uniqueFields.get(unique) ?? unique;
    return {
      type: typeUri('DUPLICATE_VALUE'),
      title: t(lang, 'DUPLICATE_VALUE'),
      status: 409,
      detail: t(lang, 'DUPLICATE_VALUE_DETAIL', { field }),
      code: 'DUPLICATE_VALUE',
      errors: [{ path: field, message: t(lang, 'DUPLICATE_VALUE') }],
      requestId,
    };
  }
  const fe = error as FastifyError;
  // Fastify's own client errors: malformed JSON, body too large, wrong content type.
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe instanceof SyntaxError && fe.statusCode === 400)) {
    return simple('MALFORMED_JSON', 400, lang, requestId, {});
  }
  if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { ...simple('MALFORMED_JSON', 400, lang, requestId, {}), detail: t(lang, 'EMPTY_BODY_DETAIL') };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return simple('PAYLOAD_TOO_LARGE', 413, lang, requestId, { limit: request.routeOptions.bodyLimit ?? 0 });
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return simple('UNSUPPORTED_MEDIA_TYPE', 415, lang, requestId, {});
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return simple(fe.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', fe.statusCode, lang, requestId, {});
  }
  return simple('INTERNAL', 500, lang, requestId, {});
}

function simple(code: string, status: number, lang: Lang, requestId: string, params: Record<string, string | number>): Problem {
  const detail = t(lang, `${code}_DETAIL`, { ...params, requestId });
  return {
    type: typeUri(code),
    title: t(lang, code),
    status,
    ...(detail !== `${code}_DETAIL` ? { detail } : {}),
    code,
    requestId,
  };
}
