import crypto, { randomUUID } from 'node:crypto';
import { maskIdNumber, type CommitImport, type ImportJob, type ImportRowError, type ListImportsQuery, type MemberImport, type MemberImportSummary, type Page } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { createDeferredProgress, findJob, isJobFailed, type JobContext, type JobRow, type JobRunner } from '../../platform/jobs';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, capList, notFound } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { decryptField, encryptField } from '../../platform/pii';
import { createRowChecker, packRows, parsePackedRows, unpackRow, type PackedRow, type Registers, type StoredError } from './import-check';
import { cellText, looksLikeXlsx, readTemplateRows, type Cell, type SpreadsheetLimits } from '../../platform/spreadsheet';
import { buildImportTemplate, EXAMPLE_NAME_PREFIX, type TemplateScope } from './import-template';
import { IMPORT_COLUMNS, writeWorkbook, type ImportColumnKey, type SheetRow } from './import-xlsx';
import * as repo from './import.repository';
import { importOutcomeNotice } from './members.notify';
import { findDistrictOf, findOrgBrief } from './members.repository';
import { findDivision, listDivisions } from '../orgs';
import { hashIdNumber, ID_NUMBER_PURPOSE, orgRefOf, versionConflict, type MembersActor, type MembersDeps } from './members.shared';

/** Rows beyond this are refused while reading (the reader streams, so a huge file is not loaded). */
export const MAX_IMPORT_ROWS = 100_000;
/** The upload limit of the route (a 100,000-row sheet is ~5 MB) and what its XML may unpack to (~60 MB for 100,000 rows). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const IMPORT_LIMITS: Partial<SpreadsheetLimits> = { maxFileBytes: MAX_IMPORT_BYTES, maxUnpackedBytes: 200 * 1024 * 1024, maxRows: MAX_IMPORT_ROWS, maxColumns: 64, maxCellChars: 1000, maxHeapMb: 128 };
const ROWS_PURPOSE = 'member_import.rows';

/** The register fields a row gives (an empty cell is left out, so an update keeps the stored value). */
const givenRegisters = (r: Registers) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as Partial<{ [K in keyof Registers]: NonNullable<Registers[K]> }>;

const headerOf = (key: ImportColumnKey | null) => (key ? (IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key) : null);

type JobAudit = AuditContext;
type CheckPayload = { importId: string; scope: Scope; audit: JobAudit };
type CommitPayload = { importId: string; mode: CommitImport['mode']; audit: JobAudit };
export const IMPORT_CHECK_JOB = 'member_import.check';
export const IMPORT_COMMIT_JOB = 'member_import.commit';
const JOB_KIND_OF: Record<string, ImportJob['kind']> = { [IMPORT_CHECK_JOB]: 'check', [IMPORT_COMMIT_JOB]: 'commit' };
const thousands = (n: number) => n.toLocaleString('en');

/**
 * Collective join drives (集中入会): the upload is stored in the batch row and checked by a job
 * (dry run, per-row report), then committed by another job (atomic, idempotent per file). Jobs run
 * on whichever instance claims them, so the file lives in the database, not on a local disk.
 */
export function createImportService({ db, secrets, dataKeys, jobs, clock = () => new Date() }: MembersDeps & { jobs: JobRunner }) {
  function toJob(row: JobRow | undefined, lang: Lang): ImportJob | null {
    if (!row) return null;
    const params = (row.errorParams ?? {}) as Record<string, string | number>;
    const detailKey = `${row.errorCode}_DETAIL`;
    const detail = row.errorCode ? t(lang, detailKey, params) : null;
    return {
      id: row.id,
      kind: JOB_KIND_OF[row.kind] ?? 'check',
      status: (isJobFailed(row.status) ? 'failed' : row.status) as ImportJob['status'],
      progress: row.progress,
      progressText: row.progressText,
      error: row.errorCode ? { code: row.errorCode, title: t(lang, row.errorCode, params), detail: detail === detailKey ? null : detail } : null,
    };
  }

  async function toImport(row: repo.ImportRow, org: { id: string; code: string; name: string; type: string }, lang: Lang, isRepeat = false): Promise<MemberImport> {
    let jobRow = row.jobId ? await findJob(db, row.jobId) : undefined;
    // A job is marked done after its handler wrote the batch: when it is done, read the batch again
    // so a poll never shows a finished job beside the batch as it was before.
    if (jobRow && (jobRow.status === 'succeeded' || isJobFailed(jobRow.status)) && ['queued', 'checking', 'committing'].includes(row.status)) {
      row = (await repo.findImport(db, row.id)) ?? row;
      jobRow = row.jobId ? await findJob(db, row.jobId) : undefined;
    }
    const report = row.report as StoredError[];
    const errors = capList(report).items.map((e): ImportRowError => ({
      row: e.row,
      column: headerOf(e.column),
      code: e.code,
      message: t(lang, e.code, e.params ?? {}),
      name: e.name,
      idNumberMasked: e.idNumberMasked,
    }));
    return {
      id: row.id,
      org: orgRefOf(org),
      fileName: row.fileName,
      status: row.status as MemberImport['status'],
      job: toJob(jobRow, lang),
      mode: row.mode as MemberImport['mode'],
      totalRows: row.totalRows,
      validRows: row.validRows,
      errorRows: row.errorRows,
      committedRows: row.committedRows,
      isRepeat,
      errors,
      errorCount: report.length,
      createdByName: row.createdByName,
      createdAt: row.createdAt.toISOString(),
      committedAt: row.committedAt?.toISOString() ?? null,
      version: row.version,
    };
  }

  async function getScopedImport(tx: Db, id: string, scope: Scope) {
    const row = await repo.findImport(tx, id);
    const org = row ? await findOrgBrief(tx, row.orgId) : undefined;
    if (!row || !org || !isInScope(scope, org.path)) throw notFound('ENTITY_member_import');
    return { row, org };
  }

  /** The dry run, as a job: streams the stored file through the row checker, keeps the report and (encrypted) the valid rows. */
  async function runCheck(ctx: JobContext): Promise<unknown> {
    const { importId, scope, audit } = ctx.job.payload as CheckPayload;
    const batch = await repo.findImportData(db, importId);
    if (!batch || !['queued', 'checking'].includes(batch.status) || !batch.file) return { skipped: true };
    const target = await findOrgBrief(db, batch.orgId);
    if (!target) throw notFound('ENTITY_org');
    await repo.updateImport(db, importId, { status: 'checking' });
    const checker = createRowChecker({ db, secrets }, target, scope, clock());
    let totalRows = 0;
    let examples = 0;
    try {
      const file: Buffer = batch.file;
      batch.file = null;
      batch.rowsEnc = null;
      // The last row Excel declares for the sheet (its header is row 1), for the progress line.
      let estimate: number | null = null;
      const of = (n: number) => (estimate && estimate >= n ? `${thousands(n)} / ${thousands(estimate)}` : thousands(n));
      const rows = readTemplateRows(file, IMPORT_COLUMNS, IMPORT_LIMITS, { onDimension: (lastRow) => (estimate = Math.max(0, lastRow - 1)) });
      for await (const { row, cells } of rows) {
        const texts: SheetRow['cells'] = {};
        for (const [key, cell] of Object.entries(cells) as [ImportColumnKey, Cell][]) texts[key] = cellText(cell, { formulas: 'refuse', longNumbers: 'refuse' });
        // The template's example row is neither checked nor counted.
        if (texts.realName?.text?.startsWith(EXAMPLE_NAME_PREFIX)) {
          examples++;
          continue;
        }
        await checker.checkRow({ row, cells: texts });
        totalRows++;
        if (totalRows % 500 === 0) await ctx.progress(0.9 * (estimate ? Math.min(1, totalRows / estimate) : 0.5), `已检查 ${of(totalRows)} 行`);
      }
      if (totalRows === 0 && examples > 0) throw new AppError('IMPORT_ONLY_EXAMPLE', { status: 400 });
    } catch (error) {
      // The file is read once: whatever the reason it could not be, the stored copy goes.
      await repo.updateImport(db, importId, { status: 'failed', file: null });
      throw error;
    }
    await ctx.progress(0.9, `已检查 ${thousands(totalRows)} / ${thousands(totalRows)} 行，正在核对已有会员`, true);
    const { valid, errors, errorRows } = await checker.finish();
    const validRows = valid.length;
    const rowsEnc = validRows ? encryptField(dataKeys, ROWS_PURPOSE, packRows(valid)) : null;
    valid.length = 0;
    await db.transaction(async (tx) => {
      const row = await repo.updateImport(tx, importId, { status: 'checked', totalRows, validRows, errorRows, report: errors, rowsEnc, file: null });
      await recordAudit(tx, audit, {
        action: 'member.import_check',
        entityType: 'member_import',
        entityId: row.id,
        orgId: target.id,
        after: { fileName: row.fileName, totalRows, validRows, errorRows },
      });
    });
    await ctx.progress(1, `已检查 ${thousands(totalRows)} 行：${thousands(validRows)} 行可导入，${thousands(errorRows)} 行有错误`, true);
    return { totalRows, validRows, errorRows };
  }

  /** The commit, as a job: one transaction, everything of the batch or nothing. */
  async function runCommit(ctx: JobContext): Promise<unknown> {
    const { importId: id, mode, audit } = ctx.job.payload as CommitPayload;
    const now = clock();
    // A union's district does not change within a commit: look it up once per union.
    const districts = new Map<string, Awaited<ReturnType<typeof findDistrictOf>>>();
    const findDistrictCached = async (tx: Db, orgId: string) => {
      let found = districts.get(orgId);
      if (!found) {
        const union = await findOrgBrief(tx, orgId);
        if (!union) throw notFound('ENTITY_org');
        found = await findDistrictOf(tx, union.path);
        districts.set(orgId, found);
      }
      return found;
    };
    const progress = createDeferredProgress(ctx);
    let committed = 0;
    try {
      const result = await db.transaction(async (tx) => {
        await repo.lockImport(tx, id);
        const row = await repo.findImportData(tx, id);
        if (!row || row.status !== 'committing') return null;
        const packed = row.rowsEnc ? parsePackedRows(decryptField(dataKeys, ROWS_PURPOSE, row.rowsEnc)) : [];
        row.rowsEnc = null;
        const total = packed.length;
        // Someone may have joined since the dry run: those rows are skipped, or the whole batch refused.
        const hashes = packed.map((p) => hashIdNumber(secrets, p[2]));
        const current = new Map((await repo.findPersonsByHashes(tx, hashes)).map((p) => [p.idNumberHash, p]));
        const fresh: number[] = [];
        packed.forEach((p, i) => {
          const person = current.get(hashes[i]!);
          if (!person?.hasOpen && (!person || person.realName === p[1]) && (person?.id ?? null) === p[11]) fresh.push(i);
        });
        if (fresh.length !== total && mode === 'all_or_nothing') throw new AppError('IMPORT_CHANGED_SINCE_CHECK', { status: 409, params: { count: total - fresh.length } });
        // Written in slices of 1,000 rows (column arrays, see insertCommitSlice) so memory stays flat for a 100,000-row batch; still one transaction.
        let slice = repo.emptyCommitSlice();
        const flush = async () => {
          await repo.insertCommitSlice(tx, slice, now, audit);
          committed += slice.membership.id.length;
          slice = repo.emptyCommitSlice();
          // Deferred: on PGlite this transaction holds the one connection (see createDeferredProgress).
          progress.report(committed / Math.max(1, fresh.length), `已导入 ${thousands(committed)} / ${thousands(fresh.length)} 行`);
        };
        const byDistrict = new Map<string, { prefix: string; rows: number[] }>();
        for (const i of fresh) {
          const district = await findDistrictCached(tx, packed[i]![4]);
          const group = byDistrict.get(district.id) ?? { prefix: district.divisionCode ?? district.code, rows: [] };
          group.rows.push(i);
          byDistrict.set(district.id, group);
        }
        for (const [districtId, group] of byDistrict) {
          let next = await repo.reserveMemberSequence(tx, districtId, group.rows.length);
          for (const i of group.rows) {
            const r = unpackRow(packed[i]!, secrets, hashes[i]);
            packed[i] = undefined as unknown as PackedRow;
            const idNumberEnc = encryptField(dataKeys, ID_NUMBER_PURPOSE, r.idNumber);
            const personId = r.personId ?? randomUUID();
            if (r.personId) {
              await repo.updateImportedPerson(tx, r.personId, {
                orgId: r.orgId,
                realName: r.realName,
                idNumberEnc,
                idNumberHash: r.idHash,
                idNumberMasked: maskIdNumber(r.idNumber),
                phone: r.phone,
                sex: r.sex,
                birthDate: r.birthDate,
                employerName: r.employerName,
                employerCreditCode: r.employerCreditCode,
                industry: r.industry,
                employmentForm: r.employmentForm,
                isMigrant: r.isMigrant,
                homeStreetCode: r.homeStreetCode,
                // Only the register fields the file gives: an empty cell keeps what staff recorded.
                ...givenRegisters(r.registers),
                verifiedAt: now,
              });
            } else {
              const p = slice.person;
              p.id.push(personId);
              p.orgId.push(r.orgId);
              p.realName.push(r.realName);
              p.idNumberEnc.push(idNumberEnc);
              p.idNumberHash.push(r.idHash);
              p.idNumberMasked.push(maskIdNumber(r.idNumber));
              p.phone.push(r.phone);
              p.sex.push(r.sex);
              p.birthDate.push(r.birthDate);
              p.employerName.push(r.employerName);
              p.employerCreditCode.push(r.employerCreditCode);
              p.industry.push(r.industry);
              p.employmentForm.push(r.employmentForm);
              p.isMigrant.push(r.isMigrant);
              p.homeStreetCode.push(r.homeStreetCode);
              p.ethnicity.push(r.registers.ethnicity);
              p.politicalStatus.push(r.registers.politicalStatus);
              p.education.push(r.registers.education);
              p.hukouPlace.push(r.registers.hukouPlace);
              p.isHardship.push(r.registers.isHardship ?? false);
            }
            const m = slice.membership;
            m.id.push(randomUUID());
            m.personId.push(personId);
            m.orgId.push(r.orgId);
            m.memberNumber.push(`${group.prefix}${String(next++).padStart(8, '0')}`);
            m.reason.push(`集中入会导入（第 ${r.row} 行）`);
            if (m.id.length >= 1000) await flush();
          }
        }
        await flush();
        await repo.updateImport(tx, id, { status: 'committed', mode, committedRows: committed, committedAt: now, rowsEnc: null });
        await recordAudit(tx, audit, {
          action: 'member.import_commit',
          entityType: 'member_import',
          entityId: id,
          orgId: row.orgId,
          after: { mode, committedRows: committed, skipped: total - fresh.length },
        });
        return { committedRows: committed, skipped: total - fresh.length, total: fresh.length };
      });
      await progress.settle();
      if (!result) return { skipped: true };
      // The final line, written after the commit and before the runner marks the job done: a poll
      // that sees the job succeeded always sees this text.
      await ctx.progress(1, `已导入 ${thousands(result.committedRows)} / ${thousands(result.total)} 行`, true);
      return { committedRows: result.committedRows, skipped: result.skipped };
    } catch (error) {
      await progress.settle();
      // The transaction left nothing behind; the batch is checked again and can be committed later.
      await repo.updateImport(db, id, { status: 'checked', mode: null });
      throw error;
    }
  }

  const fileNameOf = async (tx: Db, importId: string) => (await repo.findImport(tx, importId))?.fileName ?? null;
  jobs.register(IMPORT_CHECK_JOB, runCheck, { onSettled: importOutcomeNotice('check', fileNameOf) });
  // Not retried: a failed commit puts the batch back to checked, so a second run would find nothing to do.
  jobs.register(IMPORT_COMMIT_JOB, runCommit, { retry: false, onSettled: importOutcomeNotice('commit', fileNameOf) });

  return {
    /** The template, with the caller's unions and streets listed (a street admin sees their own only). */
    async template(scope: Scope): Promise<Buffer> {
      const unions = await repo.findScopeUnions(db, scope);
      const streets = new Map<string, string>();
      for (const d of await repo.findScopeDivisions(db, scope)) {
        const code = d.divisionCode!;
        // A district lists every street of its county; a street union its own street.
        if (d.type === 'district' && code.length === 6) for (const s of listDivisions(code)) streets.set(s.code, s.name);
        else if (code.length === 9) streets.set(code, findDivision(code)?.name ?? d.name);
      }
      const list: TemplateScope = { unions, streets: [...streets].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)) };
      return buildImportTemplate(list);
    },

    /**
     * Stores the upload and queues its dry run. The same file again (same org) returns its batch
     * (`isNew` false) — unless that batch failed, when it is checked again.
     */
    async uploadFile(file: Buffer, query: { orgId: string; fileName?: string | undefined }, actor: MembersActor, lang: Lang): Promise<{ batch: MemberImport; isNew: boolean }> {
      const target = await findOrgBrief(db, query.orgId);
      if (!target || !isInScope(actor.scope, target.path)) throw notFound('ENTITY_org');
      // Refused at once (no job): anything that is not a zip archive cannot be an .xlsx.
      if (!looksLikeXlsx(file)) throw new AppError('IMPORT_NOT_XLSX', { status: 400 });
      const fileHash = crypto.createHash('sha256').update(file).digest('hex');
      const payload = (importId: string): CheckPayload => ({ importId, scope: actor.scope, audit: actor.audit });
      const result = await db.transaction(async (tx) => {
        const previous = await repo.findImportByHash(tx, target.id, fileHash);
        if (previous && previous.status !== 'failed') return { row: previous, isNew: false };
        const row = previous
          ? await repo.updateImport(tx, previous.id, { status: 'queued', file, fileName: query.fileName ?? previous.fileName })
          : await repo.insertImport(tx, { orgId: target.id, fileHash, fileName: query.fileName ?? null, status: 'queued', file, createdBy: actor.audit.actorId, createdByName: actor.audit.actorName });
        const queued = await jobs.enqueue(tx, { kind: IMPORT_CHECK_JOB, orgId: target.id, payload: payload(row.id), createdBy: actor.audit.actorId });
        return { row: await repo.updateImport(tx, row.id, { jobId: queued.id }), isNew: true };
      });
      if (result.isNew) jobs.kick();
      return { batch: await toImport(result.row, target, lang, !result.isNew), isNew: result.isNew };
    },

    /** 导入记录: the caller's batches (or those under `orgId`, which must be in scope), newest first. */
    async listImports(query: ListImportsQuery, scope: Scope): Promise<Page<MemberImportSummary>> {
      let underPath: string | undefined;
      if (query.orgId) {
        const target = await findOrgBrief(db, query.orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
        underPath = target.path;
      }
      const { items, total } = await repo.listImports(db, { scope, underPath, page: query.page, pageSize: query.pageSize });
      return {
        items: items.map((r) => ({
          ...r,
          org: orgRefOf(r.org),
          status: r.status as MemberImportSummary['status'],
          mode: r.mode as MemberImportSummary['mode'],
          createdAt: r.createdAt.toISOString(),
          committedAt: r.committedAt?.toISOString() ?? null,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getImport(id: string, scope: Scope, lang: Lang): Promise<MemberImport> {
      const { row, org } = await getScopedImport(db, id, scope);
      return toImport(row, org, lang);
    },

    /** Queues the commit (`isQueued`); a committed batch answers as it is, a batch being committed with its job. */
    async commit(id: string, input: CommitImport, actor: MembersActor, lang: Lang): Promise<{ batch: MemberImport; isQueued: boolean }> {
      const result = await db.transaction(async (tx) => {
        await repo.lockImport(tx, id);
        const { row, org } = await getScopedImport(tx, id, actor.scope);
        if (row.status === 'committed' || row.status === 'committing') return { row, org, isQueued: false };
        if (row.status !== 'checked') throw new AppError('IMPORT_NOT_READY', { status: 409, params: { status: row.status } });
        if (row.version !== input.version) throw versionConflict(input.version, row.version);
        if (input.mode === 'all_or_nothing' && row.errorRows > 0) throw new AppError('IMPORT_HAS_ERRORS', { status: 409, params: { count: row.errorRows } });
        const payload: CommitPayload = { importId: id, mode: input.mode, audit: actor.audit };
        const queued = await jobs.enqueue(tx, { kind: IMPORT_COMMIT_JOB, orgId: org.id, payload, createdBy: actor.audit.actorId });
        return { row: await repo.updateImport(tx, id, { status: 'committing', mode: input.mode, jobId: queued.id }), org, isQueued: true };
      });
      if (result.isQueued) jobs.kick();
      return { batch: await toImport(result.row, result.org, lang, !result.isQueued && result.row.status === 'committed'), isQueued: result.isQueued };
    },

    /** The report as .xlsx: every error row with its column and reason, then the rows found valid. */
    async reportXlsx(id: string, scope: Scope, lang: Lang): Promise<{ file: Buffer; fileName: string }> {
      await getScopedImport(db, id, scope);
      const row = (await repo.findImportData(db, id))!;
      const errors = row.report as StoredError[];
      const lines: (string | number | null)[][] = errors.map((e) => [e.row, e.name, e.idNumberMasked, '错误', headerOf(e.column), t(lang, e.code, e.params ?? {})]);
      if (row.rowsEnc) {
        for (const v of parsePackedRows(decryptField(dataKeys, ROWS_PURPOSE, row.rowsEnc))) lines.push([v[0], v[1], maskIdNumber(v[2]), '可导入', null, null]);
      } else if (row.status === 'committed') {
        lines.push([null, null, null, `已导入 ${row.committedRows} 人`, null, null]);
      }
      lines.sort((a, b) => Number(a[0] ?? Infinity) - Number(b[0] ?? Infinity));
      const columns = [
        { header: '行号', width: 8 },
        { header: '姓名', width: 12 },
        { header: '身份证号', width: 22 },
        { header: '结果', width: 12 },
        { header: '错误列', width: 16 },
        { header: '原因', width: 48 },
      ];
      return {
        file: await writeWorkbook('检查结果', columns, lines),
        fileName: `集中入会检查结果_${row.id.slice(0, 8)}.xlsx`,
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
