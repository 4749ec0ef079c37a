/**
 * One error class for the whole server (STYLE.md). Codes are stable SCREAMING_SNAKE strings;
 * their titles live in platform/messages.ts in every language we speak.
 */
export type FieldError = { path: string; message: string; code?: string };

export type AppErrorOptions = {
  status?: number;
  /** A message key or literal text for the detail; keys are translated, params fill {placeholders}. */
  detail?: string;
  params?: Record<string, string | number>;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members of the problem body (RFC 9457 §3.2), e.g. the station's phone on a refused scan. */
  extras?: Record<string, string | number | boolean | null>;
  cause?: unknown;
};

const DEFAULT_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly detailKey: string | undefined;
  readonly params: Record<string, string | number>;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extras: Record<string, string | number | boolean | null>;

  constructor(code: string, opts: AppErrorOptions = {}) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? DEFAULT_STATUS[code] ?? 400;
    this.detailKey = opts.detail;
    this.params = opts.params ?? {};
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
    this.extras = opts.extras ?? {};
  }
}

export const notFound = (entity?: string) =>
  new AppError('NOT_FOUND', entity ? { detail: 'NOT_FOUND_ENTITY', params: { entity } } : {});

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * 409 for an edit based on an old version: the message names both versions so the person knows
 * someone else saved in between (without the current one, a plain sentence).
 */
export const versionConflict = (sent: number, current?: number) =>
  new AppError('VERSION_CONFLICT', current === undefined ? { detail: 'VERSION_CONFLICT_DETAIL_PLAIN' } : { params: { sent, current } });

/** Error lists leave the server capped: the first ones, and how many there were (never a list as long as the input). */
export const MAX_LISTED_ERRORS = 100;

/** The first `max` items of a list and its length; `total` when only part of the list was kept while reading. */
export function capList<T>(items: readonly T[], max = MAX_LISTED_ERRORS, total = items.length): { items: T[]; total: number; notListed: number } {
  const kept = items.slice(0, max);
  return { items: kept, total, notListed: Math.max(0, total - kept.length) };
}
