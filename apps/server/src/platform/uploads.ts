import { createHash } from 'node:crypto';
import type { Db } from '../db/client';
import { AppError } from './errors';
import { enforceRateLimit } from './rate-limit';

/**
 * Uploaded files are judged by their first bytes, never by the type the client declares (a
 * renamed script stays a script). One implementation for every module that takes photos or
 * documents: stars (inspection and report photos), the marketplace (project photos,
 * qualifications, delivery photos), rights (case evidence, drawn signatures).
 */
export const SNIFFABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type SniffedType = (typeof SNIFFABLE_TYPES)[number];

/** The type the file's first bytes say, or null. */
export function sniffFileType(data: Buffer): SniffedType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  // PDF 1.x/2.0: "%PDF-" at the start (ISO 32000-1 §7.5.2).
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export type CheckedUpload<T extends SniffedType> = { contentType: T; size: number; sha256: string; data: Buffer };

/**
 * Checks an upload (the request body as a Buffer): the declared type is one of `allowed`, the size
 * within `maxBytes`, and the real type (sniffed) is allowed too. `code` names the 415 error, whose
 * detail is `${code}_DETAIL`.
 */
export function checkUpload<T extends SniffedType>(data: unknown, declaredType: string | undefined, opts: { allowed: readonly T[]; maxBytes: number; code: string }): CheckedUpload<T> {
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const refuse = () => new AppError(opts.code, { status: 415, detail: `${opts.code}_DETAIL` });
  if (!Buffer.isBuffer(data) || !(opts.allowed as readonly string[]).includes(declared)) throw refuse();
  if (data.length > opts.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { limit: opts.maxBytes } });
  const actual = sniffFileType(data);
  if (!actual || !(opts.allowed as readonly string[]).includes(actual)) throw refuse();
  return { contentType: actual as T, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
}

/** Uploads per user and hour, and bytes per user and 24 hours, unless a caller says otherwise. */
export const UPLOADS_PER_HOUR = 30;
export const UPLOAD_BYTES_PER_DAY = 50 * 1024 * 1024;

/**
 * Files live in the database: one account must not be able to fill it. Refuses the upload when the
 * user has uploaded `perHour` files of this kind in the last hour (429 RATE_LIMITED, counted across
 * instances) or when `size` would take their last 24 hours past `bytesPerDay` (413 `code`, whose
 * detail `${code}_DETAIL` gets `{mb}`). `bytesSince` sums what the user stored of this kind.
 */
export async function enforceUploadQuota(
  db: Db,
  opts: { kind: string; userId: string; size: number; code: string; bytesSince: (since: Date) => Promise<number>; perHour?: number; bytesPerDay?: number },
  now = new Date(),
): Promise<void> {
  const bytesPerDay = opts.bytesPerDay ?? UPLOAD_BYTES_PER_DAY;
  await enforceRateLimit(db, { key: `${opts.kind}:upload:${opts.userId}`, limit: opts.perHour ?? UPLOADS_PER_HOUR, windowSeconds: 3600 }, now);
  const used = await opts.bytesSince(new Date(now.getTime() - 86_400_000));
  if (used + opts.size > bytesPerDay) throw new AppError(opts.code, { status: 413, detail: `${opts.code}_DETAIL`, params: { mb: bytesPerDay / 1024 / 1024 } });
}
