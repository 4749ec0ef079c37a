import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES, PHOTO_TYPES } from '@niangjia/contracts/stars-domain';
import { checkUpload } from '../../platform/uploads';

export type PhotoType = (typeof PHOTO_TYPES)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Uploads per user and hour: a report or an inspection takes a few (issue 9: there was no limit). */
export const PHOTOS_PER_HOUR = 30;
/** Bytes a user may upload in 24 hours: ten full-size phone photos. */
export const PHOTO_BYTES_PER_DAY = 50 * 1024 * 1024;

/** Checks an uploaded photo (declared type, real type by its first bytes, size) and returns what to store. */
export function checkPhoto(data: unknown, declaredType: string | undefined) {
  return checkUpload<PhotoType>(data, declaredType, { allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES, code: 'PHOTO_TYPE' });
}

/** Checks an uploaded document: a photo as above, or a PDF (its first bytes "%PDF-"), up to 10 MB. */
export function checkDocument(data: unknown, declaredType: string | undefined) {
  return checkUpload<DocumentType>(data, declaredType, { allowed: DOCUMENT_TYPES, maxBytes: MAX_DOCUMENT_BYTES, code: 'DOCUMENT_TYPE' });
}
