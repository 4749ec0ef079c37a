import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import { checkUpload } from '../../platform/uploads';

export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Checks an uploaded photo (declared type, real type by its first bytes, size) and returns what to store. */
export function checkPhoto(data: unknown, declaredType: string | undefined) {
  return checkUpload<PhotoType>(data, declaredType, { allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES, code: 'PHOTO_TYPE' });
}
