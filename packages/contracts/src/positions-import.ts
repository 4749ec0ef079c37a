import { z } from 'zod';
import { importModes } from './members';
import { listPositionsQuerySchema } from './positions';

/**
 * Positions from Excel (服务阵地导入): the upload is checked by a job (dry run, per-row report),
 * then the valid rows are committed by another job in one transaction. A code that exists in the
 * importer's scope updates that position (audited); a code outside it is refused.
 */
export const positionImportStatuses = ['checking', 'checked', 'committing', 'committed', 'failed'] as const;
export const positionImportRowErrorSchema = z.object({
  row: z.number().int(),
  /** The column's header as in the template (编码, 坐标系, 开放时间 …), null for the whole row. */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  /** The row's code and name as typed, to find it in the sheet. */
  positionCode: z.string().nullable(),
  name: z.string().nullable(),
});
export type PositionImportRowError = z.infer<typeof positionImportRowErrorSchema>;
export const positionImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string().nullable(),
  status: z.enum(positionImportStatuses),
  /** The check or commit job: progress 0..1 and its error in the caller's language. */
  job: z.object({
    kind: z.enum(['check', 'commit']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.number(),
    progressText: z.string().nullable(),
    error: z.object({ code: z.string(), title: z.string(), detail: z.string().nullable() }).nullable(),
  }),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** Of the valid rows: new codes, and codes that update a position in scope. */
  createRows: z.number().int(),
  updateRows: z.number().int(),
  committedRows: z.number().int(),
  mode: z.enum(importModes).nullable(),
  /** The first errors (row, column, reason), at most 100; the full list is in the .xlsx report. */
  errors: z.array(positionImportRowErrorSchema),
  /** How many errors the check found in all (the list above is capped). */
  errorCount: z.number().int(),
  createdAt: z.string(),
});
export type PositionImport = z.infer<typeof positionImportSchema>;
export const uploadPositionImportQuerySchema = z.strictObject({ fileName: z.string().trim().max(200).optional() });
export const commitPositionImportSchema = z.strictObject({ mode: z.enum(importModes) });
export type CommitPositionImport = z.infer<typeof commitPositionImportSchema>;
/** The export takes the list's filters (no paging). */
export const exportPositionsQuerySchema = listPositionsQuerySchema.omit({ page: true, pageSize: true });
export type ExportPositionsQuery = z.infer<typeof exportPositionsQuerySchema>;
