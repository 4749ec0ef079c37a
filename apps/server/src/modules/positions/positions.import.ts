import type { CommitPositionImport, PositionImport } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError, capList, notFound } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { createDeferredProgress, isJobFailed, type JobContext, type JobRow, type JobRunner } from '../../platform/jobs';
import { looksLikeXlsx } from '../../platform/spreadsheet';
import { checkPositionRows, type CheckedPositionRow, type StoredPositionError } from './positions.import-check';
import * as importRepo from './positions.import.repository';
import * as repo from './positions.repository';
import { buildPositionTemplate, headerOf, readPositionSheet, writePositionWorkbook } from './positions.xlsx';
import './positions.errors';
import { positionImportNotice } from './positions.notify';

export const POSITION_IMPORT_CHECK_JOB = 'position_import.check';
export const POSITION_IMPORT_COMMIT_JOB = 'position_import.commit';
/** Positions come by the hundred, not the hundred thousand: the sheet is read whole. */
export const MAX_POSITION_IMPORT_ROWS = 5000;
export const MAX_POSITION_IMPORT_BYTES = 5 * 1024 * 1024;

type Actor = { scope: Scope; audit: AuditContext };
type CheckPayload = { file?: string; fileName: string | null; scope: Scope; audit: AuditContext };
type CheckResult = { totalRows: number; validRows: number; errorRows: number; errors: StoredPositionError[]; rows: CheckedPositionRow[] };
type CommitPayload = { importId: string; mode: CommitPositionImport['mode']; scope: Scope; audit: AuditContext };
type CommitResult = { committedRows: number; created: number; updated: number; unchanged: number };

function snapshot(row: repo.PositionRow) {
  const { createdAt: _c, updatedAt: _u, statusChangedAt: _s, ...rest } = row;
  return rest;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Positions from Excel, as two jobs (any instance may run them; the file waits in the job's
 * payload, never on a local disk): the check reads the sheet and keeps a per-row report and the
 * valid rows; the commit writes them in one transaction — every row or none. An existing code in the
 * importer's scope updates that position (audited as position.update with the diff); the commit
 * refuses the whole batch if any of those positions changed since the check.
 * A batch is visible to the person who uploaded it.
 */
export function createPositionImportService({ db, jobs, clock = () => new Date() }: { db: Db; jobs: JobRunner; clock?: () => Date }) {
  function jobView(row: JobRow, lang: Lang): PositionImport['job'] {
    const params = (row.errorParams ?? {}) as Record<string, string | number>;
    const detailKey = `${row.errorCode}_DETAIL`;
    const detail = row.errorCode ? t(lang, detailKey, params) : null;
    return {
      kind: row.kind === POSITION_IMPORT_COMMIT_JOB ? 'commit' : 'check',
      status: (isJobFailed(row.status) ? 'failed' : row.status) as PositionImport['job']['status'],
      progress: row.progress,
      progressText: row.progressText,
      error: row.errorCode ? { code: row.errorCode, title: t(lang, row.errorCode, params), detail: detail === detailKey ? null : detail } : null,
    };
  }

  async function toImport(check: JobRow, lang: Lang): Promise<PositionImport> {
    const commit = await importRepo.findCommitJob(db, check.id, POSITION_IMPORT_COMMIT_JOB);
    const result = check.result as CheckResult | null;
    const committed = commit?.status === 'succeeded' ? (commit.result as CommitResult) : null;
    const status: PositionImport['status'] =
      isJobFailed(check.status)
        ? 'failed'
        : check.status !== 'succeeded'
          ? 'checking'
          : !commit || isJobFailed(commit.status)
            ? 'checked'
            : commit.status === 'succeeded'
              ? 'committed'
              : 'committing';
    const rows = result?.rows ?? [];
    return {
      id: check.id,
      fileName: (check.payload as CheckPayload).fileName,
      status,
      job: jobView(commit ?? check, lang),
      totalRows: result?.totalRows ?? 0,
      validRows: result?.validRows ?? 0,
      errorRows: result?.errorRows ?? 0,
      createRows: rows.filter((r) => r.action === 'create').length,
      updateRows: rows.filter((r) => r.action === 'update').length,
      committedRows: committed?.committedRows ?? 0,
      mode: commit ? (commit.payload as CommitPayload).mode : null,
      errorCount: result?.errors.length ?? 0,
      errors: capList(result?.errors ?? []).items.map((e) => ({ row: e.row, column: headerOf(e.column), code: e.code, message: t(lang, e.code, e.params ?? {}), positionCode: e.positionCode, name: e.name })),
      createdAt: check.createdAt.toISOString(),
    };
  }

  async function getOwnCheck(tx: Db, id: string, actor: Actor): Promise<JobRow> {
    const row = await importRepo.findCheckJob(tx, id, POSITION_IMPORT_CHECK_JOB);
    if (!row || row.createdBy !== actor.audit.actorId) throw notFound('ENTITY_position_import');
    return row;
  }

  async function runCheck(ctx: JobContext): Promise<CheckResult> {
    const payload = ctx.job.payload as CheckPayload;
    if (!payload.file) throw new AppError('IMPORT_EMPTY');
    await ctx.progress(0.1, '正在读取文件', true);
    let rows;
    try {
      rows = await readPositionSheet(Buffer.from(payload.file, 'base64'), MAX_POSITION_IMPORT_ROWS, MAX_POSITION_IMPORT_BYTES);
    } catch (error) {
      await importRepo.dropFile(db, ctx.job.id);
      throw error;
    }
    await ctx.progress(0.5, `正在检查 ${rows.length} 行`, true);
    const { valid, errors, errorRows } = await checkPositionRows(db, rows, payload.scope);
    await importRepo.dropFile(db, ctx.job.id);
    await recordAudit(db, payload.audit, { action: 'position.import_check', entityType: 'position_import', entityId: ctx.job.id, after: { fileName: payload.fileName, totalRows: rows.length, validRows: valid.length, errorRows } });
    await ctx.progress(1, `已检查 ${rows.length} 行：${valid.length} 行可导入，${errorRows} 行有错误`, true);
    return { totalRows: rows.length, validRows: valid.length, errorRows, errors, rows: valid };
  }

  async function runCommit(ctx: JobContext): Promise<CommitResult> {
    const { importId, audit } = ctx.job.payload as CommitPayload;
    const now = clock();
    const progress = createDeferredProgress(ctx);
    const result = await db.transaction(async (tx) => {
      await importRepo.lockJob(tx, importId);
      const check = await importRepo.findCheckJob(tx, importId, POSITION_IMPORT_CHECK_JOB);
      const rows = (check?.result as CheckResult | null)?.rows ?? [];
      // What the check saw must still hold: no new position under a "create" code, no update since.
      const current = new Map((await importRepo.findPositionsByCodes(tx, rows.map((r) => r.code))).map((p) => [p.code, p]));
      const moved = rows.filter((r) => {
        const found = current.get(r.code);
        return r.action === 'create' ? Boolean(found) : !found || found.id !== r.positionId || found.version !== r.version;
      });
      if (moved.length) throw new AppError('POSITION_IMPORT_CHANGED', { status: 409, params: { codes: moved.slice(0, 5).map((r) => r.code).join('、'), count: moved.length } });
      const before = new Map((await importRepo.findPositionRowsByIds(tx, rows.flatMap((r) => (r.positionId ? [r.positionId] : [])))).map((p) => [p.id, p]));
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      for (const r of rows) {
        if (r.action === 'create') {
          const row = await repo.insertPosition(tx, { code: r.code, ...r.values, statusChangedAt: now });
          await recordAudit(tx, audit, { action: 'position.create', entityType: 'position', entityId: row.id, orgId: row.orgId, after: { ...snapshot(row), importId } });
          created++;
          if (created % 100 === 0) progress.report((created + updated + unchanged) / rows.length, `已写入 ${created + updated} / ${rows.length} 行`);
          continue;
        }
        const old = before.get(r.positionId!)!;
        const changes = Object.fromEntries(Object.entries(r.values).filter(([k, v]) => !sameJson(v, (old as Record<string, unknown>)[k])));
        if (Object.keys(changes).length === 0) {
          unchanged++;
          continue;
        }
        if ('status' in changes) Object.assign(changes, { statusChangedAt: now });
        const row = await repo.updatePositionIfVersion(tx, old.id, old.version, changes);
        if (!row) throw new AppError('POSITION_IMPORT_CHANGED', { status: 409, params: { codes: r.code, count: 1 } });
        await recordAudit(tx, audit, { action: 'position.update', entityType: 'position', entityId: row.id, orgId: row.orgId, ...diffSnapshots(snapshot(old), snapshot(row)) });
        updated++;
        if (updated % 100 === 0) progress.report((created + updated + unchanged) / rows.length, `已写入 ${created + updated} / ${rows.length} 行`);
      }
      await recordAudit(tx, audit, { action: 'position.import_commit', entityType: 'position_import', entityId: importId, after: { created, updated, unchanged } });
      return { committedRows: created + updated + unchanged, created, updated, unchanged };
    }).finally(() => progress.settle());
    await ctx.progress(1, `已写入 ${result.created + result.updated} / ${result.committedRows} 行`, true);
    return result;
  }

  jobs.register(POSITION_IMPORT_CHECK_JOB, runCheck, { onSettled: positionImportNotice('check') });
  jobs.register(POSITION_IMPORT_COMMIT_JOB, runCommit, { onSettled: positionImportNotice('commit') });

  return {
    template: () => buildPositionTemplate(),

    /** Stores the upload in its check job and queues it. */
    async uploadFile(file: Buffer, fileName: string | undefined, actor: Actor, lang: Lang): Promise<PositionImport> {
      if (!looksLikeXlsx(file)) throw new AppError('IMPORT_NOT_XLSX', { status: 400 });
      const payload: CheckPayload = { file: file.toString('base64'), fileName: fileName ?? null, scope: actor.scope, audit: actor.audit };
      const queued = await jobs.enqueue(db, { kind: POSITION_IMPORT_CHECK_JOB, payload, createdBy: actor.audit.actorId, maxAttempts: 1 });
      jobs.kick();
      return toImport(queued, lang);
    },

    async getImport(id: string, actor: Actor, lang: Lang): Promise<PositionImport> {
      return toImport(await getOwnCheck(db, id, actor), lang);
    },

    /** Queues the commit (true) — or answers a batch already committed or committing as it is (false). */
    async commit(id: string, input: CommitPositionImport, actor: Actor, lang: Lang): Promise<{ batch: PositionImport; isQueued: boolean }> {
      const isQueued = await db.transaction(async (tx) => {
        await importRepo.lockJob(tx, id);
        const check = await getOwnCheck(tx, id, actor);
        const previous = await importRepo.findCommitJob(tx, id, POSITION_IMPORT_COMMIT_JOB);
        if (previous && !isJobFailed(previous.status)) return false;
        if (check.status !== 'succeeded') throw new AppError('IMPORT_NOT_READY', { status: 409, params: { status: isJobFailed(check.status) ? 'failed' : 'checking' } });
        const result = check.result as CheckResult;
        if (input.mode === 'all_or_nothing' && result.errorRows > 0) throw new AppError('IMPORT_HAS_ERRORS', { status: 409, params: { count: result.errorRows } });
        if (result.validRows === 0) throw new AppError('POSITION_IMPORT_NOTHING_VALID', { status: 409 });
        const payload: CommitPayload = { importId: id, mode: input.mode, scope: actor.scope, audit: actor.audit };
        await jobs.enqueue(tx, { kind: POSITION_IMPORT_COMMIT_JOB, payload, createdBy: actor.audit.actorId, maxAttempts: 1 });
        return true;
      });
      if (isQueued) jobs.kick();
      return { batch: await toImport((await importRepo.findCheckJob(db, id, POSITION_IMPORT_CHECK_JOB))!, lang), isQueued };
    },

    /** The whole report as .xlsx: each error with its column and reason, then the rows found valid. */
    async reportXlsx(id: string, actor: Actor, lang: Lang): Promise<{ file: Buffer; fileName: string }> {
      const check = await getOwnCheck(db, id, actor);
      const result = check.result as CheckResult | null;
      const lines: (string | number | null)[][] = (result?.errors ?? []).map((e) => [e.row, e.positionCode, e.name, '错误', headerOf(e.column), t(lang, e.code, e.params ?? {})]);
      for (const r of result?.rows ?? []) lines.push([r.row, r.code, r.values.name, r.action === 'create' ? '可导入（新增）' : '可导入（更新）', null, null]);
      lines.sort((a, b) => Number(a[0]) - Number(b[0]));
      const columns = [
        { header: '行号', width: 8 },
        { header: '编码', width: 16 },
        { header: '名称', width: 28 },
        { header: '结果', width: 16 },
        { header: '错误列', width: 16 },
        { header: '原因', width: 60 },
      ];
      return { file: await writePositionWorkbook('检查结果', columns, lines), fileName: `阵地导入检查结果_${id.slice(0, 8)}.xlsx` };
    },
  };
}

export type PositionImportService = ReturnType<typeof createPositionImportService>;
