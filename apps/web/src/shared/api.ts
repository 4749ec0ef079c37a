import type { Me, Problem } from '@niangjia/contracts';
import { currentLanguage, translate } from './i18n';

export type FieldError = { path: string; message: string };

/** A failed API call, carrying the server's RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isConflict(): boolean {
    return this.status === 409 && (this.code === 'CONFLICT' || this.code.endsWith('VERSION_CONFLICT'));
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token from /auth/me or a login response. */
export function rememberSession(me: Pick<Me, 'csrfToken'> | null): void {
  csrfToken = me?.csrfToken ?? null;
}

/** What to do when the server says the session is gone (each face sends the user to its sign-in page). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type RequestOptions = { query?: Query; body?: unknown; signal?: AbortSignal; skipAuthRedirect?: boolean };

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  const url = (path.startsWith('/api/') ? path : `/api/v1${path}`) + toQueryString(options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      type: 'about:blank',
      title: translate('errors.network.title'),
      detail: translate('errors.network.detail'),
      status: 0,
      code: 'NETWORK',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const problem = toProblem(data, response.status);
    const retryAfter = Number(response.headers.get('retry-after'));
    const error = new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    if (response.status === 401 && !options.skipAuthRedirect && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  return data as T;
}

function toProblem(data: unknown, status: number): Problem {
  if (data && typeof data === 'object' && 'title' in data && 'code' in data) return data as Problem;
  return {
    type: 'about:blank',
    title: translate(status >= 500 ? 'errors.server.title' : 'errors.unknown.title'),
    detail: translate(status >= 500 ? 'errors.server.detail' : 'errors.unknown.detail', { status }),
    status,
    code: status >= 500 ? 'INTERNAL' : 'UNKNOWN',
  };
}

/** Sends a file as the request body (the server reads e.g. an .xlsx as it is, no multipart). */
async function sendFile<T>(path: string, file: Blob, query?: Query, extraHeaders: Record<string, string> = {}, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    accept: 'application/json',
    'accept-language': currentLanguage(),
    'content-type': file.type || 'application/octet-stream',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(query)}`, { method, headers, credentials: 'same-origin', body: file });
  } catch {
    throw new ApiError({ type: 'about:blank', title: translate('errors.network.title'), detail: translate('errors.network.detail'), status: 0, code: 'NETWORK' });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (response.status === 401 && onUnauthenticated) onUnauthenticated();
    throw new ApiError(toProblem(data, response.status));
  }
  return data as T;
}

/** Fetches a file (an Excel export or report) and hands it to the browser to save; problems come back as ApiError. */
async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(query)}`, { headers: { 'accept-language': currentLanguage() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: translate('errors.network.title'), detail: translate('errors.network.detail'), status: 0, code: 'NETWORK' });
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined);
    if (response.status === 401 && onUnauthenticated) onUnauthenticated();
    throw new ApiError(toProblem(data, response.status));
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  sendFile,
  download,
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query' | 'body'>) =>
    request<T>('GET', path, { ...options, ...(query ? { query } : {}) }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A sentence for the user: the server's own title and detail, in the language we asked for. */
export function describeError(error: unknown): { title: string; detail: string | undefined } {
  if (error instanceof ApiError) {
    const detail = error.detail && error.detail !== error.title ? error.detail : undefined;
    return { title: error.title, detail };
  }
  if (error instanceof Error) return { title: translate('errors.unknown.title'), detail: error.message };
  return { title: translate('errors.unknown.title'), detail: undefined };
}

export function errorText(error: unknown): string {
  const { title, detail } = describeError(error);
  return detail ? `${title}：${detail}` : title;
}

/** Where to come back to after signing in: path + query within the current face. */
export function safeNext(next: string | null, basename: string, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return fallback;
  // Only paths inside this face; an outside address could be a phishing redirect.
  if (next === basename || next.startsWith(`${basename}/`) || next.startsWith(`${basename}?`)) {
    return next.slice(basename.length) || '/';
  }
  return fallback;
}
