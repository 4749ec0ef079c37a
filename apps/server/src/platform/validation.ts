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

const joinPath = (prefix: string, path: readonly PropertyKey[]): string =>
  [prefix, ...path.map(String)].filter(Boolean).join('.');

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
