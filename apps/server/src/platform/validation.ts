import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AppError, type FieldError } from './errors';
import { hasMessage, t, type Lang } from './i18n';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** A failed zod parse of a request part; translated into the caller's language by the error handler. */
export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: Issue[],
  ) {
    super('VALIDATION_FAILED');
  }
}

/**
 * Validates with zod and keeps the raw issues; input is reported only so that "missing" and
 * "wrong type" can be told apart — it never reaches the client or the log.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };

const partPrefix = (part: string): string => {
  if (part === 'querystring') return 'query';
  if (part === 'params') return 'params';
  if (part === 'headers') return 'headers';
  return '';
};

const joinPath = (prefix: string, path: readonly PropertyKey[]): string => [prefix, ...path.map(String)].filter(Boolean).join('.');

export function translateIssues(part: string, issues: Issue[], lang: Lang): FieldError[] {
  const prefix = partPrefix(part);
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: joinPath(prefix, [...issue.path, key]), message: t(lang, 'FIELD_UNKNOWN'), code: 'FIELD_UNKNOWN' });
      }
      continue;
    }
    const [code, params] = describeIssue(issue, lang);
    out.push({ path: joinPath(prefix, issue.path), message: t(lang, code, params), code });
  }
  return out;
}

function describeIssue(issue: Issue, lang: Lang): [string, Record<string, string | number>] {
  // A custom error key set in the schema ({ error: 'PHONE_INVALID' }) wins.
  if (issue.message && hasMessage(issue.message) && /^[A-Z_]+$/.test(issue.message)) return [issue.message, {}];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return ['FIELD_REQUIRED', {}];
      if (issue.expected === 'int') return ['FIELD_INTEGER', {}];
      return ['FIELD_TYPE', { expected: t(lang, `TYPE_${issue.expected}`) }];
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? ['FIELD_REQUIRED', {}] : ['FIELD_TOO_SHORT', { min }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['FIELD_ARRAY_TOO_SMALL', { min }];
      return ['FIELD_TOO_SMALL', { min }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return ['FIELD_TOO_LONG', { max }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['FIELD_ARRAY_TOO_BIG', { max }];
      return ['FIELD_TOO_BIG', { max }];
    }
    case 'invalid_value':
      return ['FIELD_ENUM', { values: issue.values.map(String).join(lang === 'en' ? ', ' : '、') }];
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return ['FIELD_UUID', {}];
      if (issue.format === 'datetime') return ['FIELD_DATETIME', {}];
      return ['FIELD_FORMAT', {}];
    default:
      return ['FIELD_FORMAT', {}];
  }
}

/** VALIDATION_FAILED for one field: for rules zod cannot see (check characters, existence). */
export function fieldError(path: string, messageKey: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION_FAILED', {
    status: 400,
    detail: 'VALIDATION_FAILED_DETAIL',
    errors: [{ path, message: messageKey, code: messageKey }],
    params,
  });
}

/** Deeper than any contract nests (the deepest, GeoJSON multipolygons, needs 6 below the body). */
export const MAX_INPUT_DEPTH = 32;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

export type BadInput = { path: string; code: 'FIELD_TEXT_INVALID' | 'FIELD_DATE_INVALID' | 'FIELD_TOO_DEEP' };

/**
 * A text that looks like an ISO date (or date-time) but names no real instant: 2026-02-30, year
 * 0000, 25:00, +24:00. PostgreSQL and `new Date` both choke on these (a 500, or a silently moved
 * day); free text that merely starts with digits and dashes is left to the field's own schema.
 */
export function isImpossibleDate(text: string): boolean {
  const m = DATE_PREFIX.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return true;
  if (day > new Date(Date.UTC(2000, month, 0)).getUTCDate() || (month === 2 && day === 29 && !isLeapYear(year))) return true;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return true;
  return m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59);
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** NUL cannot be stored in PostgreSQL text; a lone surrogate is not Unicode and cannot be encoded as UTF-8. */
export function isUnstorableText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** A path that is safe to echo back: the offending characters themselves are replaced. */
const printable = (segment: string) => segment.replace(/\u0000/g, '\ufffd').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');

/**
 * Walks a parsed request part (iteratively: a hostile body must not overflow the stack here) and
 * returns what no route can accept: unstorable text (in values and keys), impossible dates, and
 * nesting deeper than MAX_INPUT_DEPTH. Buffers (raw uploads) are the route's own business.
 */
export function findBadInput(value: unknown, prefix: string, limit = 10): BadInput[] {
  const found: BadInput[] = [];
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value, path: prefix ? [prefix] : [], depth: 0 }];
  while (stack.length && found.length < limit) {
    const { value: v, path, depth } = stack.pop()!;
    const at = () => path.map(printable).join('.');
    if (typeof v === 'string') {
      if (isUnstorableText(v)) found.push({ path: at(), code: 'FIELD_TEXT_INVALID' });
      else if (isImpossibleDate(v)) found.push({ path: at(), code: 'FIELD_DATE_INVALID' });
      continue;
    }
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ path: at(), code: 'FIELD_TOO_DEEP' });
      continue;
    }
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v as Record<string, unknown>);
    for (const [key, item] of entries.reverse()) {
      if (isUnstorableText(key)) {
        found.push({ path: [...path, key].map(printable).join('.'), code: 'FIELD_TEXT_INVALID' });
        continue;
      }
      stack.push({ value: item, path: [...path, key], depth: depth + 1 });
    }
  }
  return found;
}

/**
 * One check for every route, before its own schema runs (Fastify's preValidation): body, query
 * string and path parameters. Issue 9: these inputs gave HTTP 500 on 37 routes.
 */
export function rejectBadInput(request: { body?: unknown; query?: unknown; params?: unknown }): void {
  const found = [...findBadInput(request.params, 'params'), ...findBadInput(request.query, 'query'), ...findBadInput(request.body, '')];
  if (found.length === 0) return;
  throw new AppError('VALIDATION_FAILED', {
    status: 400,
    detail: 'VALIDATION_FAILED_DETAIL',
    errors: found.map((f) => ({ path: f.path, message: f.code, code: f.code })),
  });
}

/**
 * Whether raw JSON text nests deeper than `maxDepth`, found by one pass over the characters (no
 * parse, no recursion): for messages that arrive outside Fastify (MQTT) and must be measured
 * before anything recursive — a schema, a canonical form for a signature — touches them.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * A string PostgreSQL reads as a uuid. Where a parameter may be an id or a code, test with this, not
 * a looser pattern: a 36-character run of dashes and hex passed to a uuid column is a 22P02 (a 500).
 */
export function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
