import { createHash } from 'node:crypto';
import { AppError } from './errors';

/**
 * Uploaded files whose type is decided by their first bytes, never by the declared Content-Type
 * alone (a renamed executable is not an image). One implementation for every upload: photos
 * (stars), evidence files and signatures (rights).
 */
export const SNIFFABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type SniffableType = (typeof SNIFFABLE_TYPES)[number];

/** The type the bytes say, or null. */
export function sniffFileType(data: Buffer): SniffableType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export type CheckedUpload<T extends SniffableType> = { contentType: T; size: number; sha256: string; data: Buffer };

/**
 * Checks a raw upload body: a declared type among `allowed`, at most `maxBytes`, and bytes that
 * really are one of `allowed`. `errorCode` names the module's message (415 with its detail).
 */
export function checkUpload<T extends SniffableType>(data: unknown, declaredType: string | undefined, opts: { allowed: readonly T[]; maxBytes: number; errorCode: string; errorDetail?: string }): CheckedUpload<T> {
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  const refuse = () => new AppError(opts.errorCode, { status: 415, ...(opts.errorDetail ? { detail: opts.errorDetail } : {}) });
  if (!Buffer.isBuffer(data) || !(opts.allowed as readonly string[]).includes(declared)) throw refuse();
  if (data.length > opts.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { limit: opts.maxBytes } });
  const actual = sniffFileType(data);
  if (!actual || !(opts.allowed as readonly string[]).includes(actual)) throw refuse();
  return { contentType: actual as T, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
}
