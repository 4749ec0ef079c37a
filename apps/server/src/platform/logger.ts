import os from 'node:os';
import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyServerOptions } from 'fastify';

/**
 * Personal data and secrets never reach the log (PIPL; issue #2): these keys are censored wherever
 * they appear in a logged object, and URLs are logged without their query strings.
 */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.phone',
  '*.idNumber',
  'password',
  'phone',
  'token',
  'idNumber',
];

export function loggerOptions(level: string, instanceId?: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    // Every line names the instance that wrote it (several run behind the load balancer).
    base: { pid: process.pid, hostname: os.hostname(), ...(instanceId ? { instance: instanceId } : {}) },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { method: request.method, url: stripQuery(request.url), id: request.id, ip: request.ip };
      },
    },
  };
}

export function stripQuery(url: string): string {
  const i = url.indexOf('?');
  return i === -1 ? url : `${url.slice(0, i)}?…`;
}

/** 138****5678: the middle four digits hidden, as Chinese apps show a phone. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/**
 * What of an unexpected error goes to the log: drizzle wraps database errors with the query's
 * parameters in the message, and those can be phone or ID numbers — keep the SQL, drop the values.
 */
export function errorForLog(error: unknown): unknown {
  if (error instanceof DrizzleQueryError) {
    const e = error as { query: string; cause?: { message?: string; code?: string; stack?: string } };
    return { type: 'DrizzleQueryError', query: e.query, message: e.cause?.message, code: e.cause?.code, stack: e.cause?.stack };
  }
  return error;
}
