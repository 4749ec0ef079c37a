import { createHash } from 'node:crypto';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import { AppError } from '../../platform/errors';

export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Uploads per user and hour: a report or an inspection takes a few (issue 9: there was no limit). */
export const PHOTOS_PER_HOUR = 30;
/** Bytes a user may upload in 24 hours: ten full-size phone photos. */
export const PHOTO_BYTES_PER_DAY = 50 * 1024 * 1024;

/** The image type its first bytes say, or null: a declared type alone is not trusted. */
export function sniffImageType(data: Buffer): PhotoType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Checks an uploaded photo (declared type, real type, size) and returns what to store. */
export function checkPhoto(data: unknown, declaredType: string | undefined): { contentType: PhotoType; size: number; sha256: string; data: Buffer } {
  const declared = (declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!Buffer.isBuffer(data) || !(PHOTO_TYPES as readonly string[]).includes(declared))
    throw new AppError('PHOTO_TYPE', {
      status: 415,
      detail: 'PHOTO_TYPE_DETAIL',
    });
  if (data.length > MAX_PHOTO_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', {
      status: 413,
      params: { limit: MAX_PHOTO_BYTES },
    });
  const actual = sniffImageType(data);
  if (!actual)
    throw new AppError('PHOTO_TYPE', {
      status: 415,
      detail: 'PHOTO_TYPE_DETAIL',
    });
  return {
    contentType: actual,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
  };
}
