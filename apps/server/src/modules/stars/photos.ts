import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import { checkUpload } from '../../platform/uploads';

/** Checks an uploaded photo (declared type, real type by its bytes, size) and returns what to store. */
export function checkPhoto(data: unknown, declaredType: string | undefined) {
  return checkUpload(data, declaredType, { allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES, errorCode: 'PHOTO_TYPE', errorDetail: 'PHOTO_TYPE_DETAIL' });
}
