import { MARKET_FILE_TYPES, MARKET_IMAGE_TYPES, MAX_MARKET_FILE_BYTES, type MarketFile } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { checkUpload, enforceUploadQuota } from '../../platform/uploads';
import * as repo from './files.repository';
import { findProviderOfUser } from './providers.repository';
import { iso, type UserCtx } from './shared';

export const toMarketFile = (f: repo.FileBrief): MarketFile => ({ id: f.id, name: f.name, contentType: f.contentType, size: f.size, createdAt: iso(f.createdAt) });

/** A provider uploads a catalogue's photos and documents in one sitting: more than a worker's photos. */
export const MARKET_FILES_PER_HOUR = 60;
export const MARKET_FILE_BYTES_PER_DAY = 100 * 1024 * 1024;

export type FileViewer = { userId: string | null; staffScope: Scope };

/** Photos and documents of the marketplace: checked by content (platform/uploads.ts), visible only to whom they concern. */
export function createFilesService({ db }: { db: Db }) {
  return {
    async upload(data: unknown, declaredType: string | undefined, name: string | undefined, ctx: UserCtx): Promise<MarketFile> {
      const file = checkUpload(data, declaredType, { allowed: MARKET_FILE_TYPES, maxBytes: MAX_MARKET_FILE_BYTES, code: 'MARKET_FILE_TYPE' });
      // Any signed-in user may upload (a worker's order photos, a provider's documents): files live in the database.
      await enforceUploadQuota(db, {
        kind: 'market-files',
        userId: ctx.userId,
        size: file.size,
        code: 'MARKET_FILE_QUOTA_EXCEEDED',
        perHour: MARKET_FILES_PER_HOUR,
        bytesPerDay: MARKET_FILE_BYTES_PER_DAY,
        bytesSince: (since) => repo.sumBytesSince(db, ctx.userId, since),
      });
      return db.transaction(async (tx) => {
        const provider = await findProviderOfUser(tx, ctx.userId);
        const row = await repo.insertFile(tx, { ...file, name: name ?? null, uploadedBy: ctx.userId, providerId: provider?.id ?? null });
        await recordAudit(tx, ctx.audit, {
          action: 'market.file.upload',
          entityType: 'market_file',
          entityId: row.id,
          orgId: provider?.orgId ?? null,
          after: { contentType: row.contentType, size: row.size },
        });
        return toMarketFile(row);
      });
    },

    /**
     * A file for: anyone (a photo of a listed project), its uploader, its provider's accounts,
     * staff in scope of the provider's district or of the ordering union, judges of the entry,
     * the worker whose own order it documents. Everyone else gets 404.
     */
    async getFile(id: string, viewer: FileViewer) {
      const file = await repo.findFileData(db, id);
      if (!file) throw notFound('ENTITY_market_file');
      if (await repo.isLibraryPhoto(db, id)) return file;
      if (viewer.userId) {
        if (file.uploadedBy === viewer.userId) return file;
        if (file.providerId && (await findProviderOfUser(db, viewer.userId))?.id === file.providerId) return file;
        if (await repo.isFileInStaffScope(db, id, viewer.staffScope)) return file;
        if (await repo.isFileOfJudgedEntry(db, id, viewer.userId)) return file;
        if (await repo.isFileOfOwnOrder(db, id, viewer.userId)) return file;
      }
      throw notFound('ENTITY_market_file');
    },

    /**
     * The ids name files the actor uploaded (or their provider owns); photos must be images.
     * Field errors on `path.<i>` otherwise.
     */
    async checkOwnFiles(tx: Db, ids: readonly string[], who: { userId: string; providerId: string | null }, opts: { path: string; imagesOnly?: boolean }): Promise<repo.FileBrief[]> {
      const files = await repo.listFileBriefs(tx, ids);
      const errors = ids.flatMap((id, i) => {
        const f = files.find((x) => x.id === id);
        if (!f || !(f.uploadedBy === who.userId || (who.providerId && f.providerId === who.providerId))) return [{ path: `${opts.path}.${i}`, message: 'MARKET_FILE_NOT_YOURS' }];
        if (opts.imagesOnly && !(MARKET_IMAGE_TYPES as readonly string[]).includes(f.contentType)) return [{ path: `${opts.path}.${i}`, message: 'MARKET_FILE_NOT_IMAGE' }];
        return [];
      });
      if (errors.length) throw new AppError('VALIDATION_FAILED', { detail: 'VALIDATION_FAILED_DETAIL', errors });
      return files;
    },

    /** Files uploaded before the provider existed (registration) now belong to it. */
    setProvider: (tx: Db, ids: readonly string[], providerId: string) => repo.setFilesProvider(tx, ids, providerId),

    briefs: async (ids: readonly string[], tx: Db = db) => (await repo.listFileBriefs(tx, ids)).map(toMarketFile),
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
