import crypto, { randomUUID } from 'node:crypto';
import { maskIdNumber, type CommitImport, type ImportRowError, type MemberImport } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { decryptField, encryptField } from '../../platform/pii';
import { createRowChecker, packRows, unpackRows, type CheckedRow, type StoredError } from './import-check';
import { buildImportTemplate, IMPORT_COLUMNS, ImportFileError, readImportSheet, writeWorkbook, type ImportColumnKey } from './import-xlsx';
import * as repo from './import.repository';
import { findDistrictOf, findOrgBrief } from './members.repository';
import { ID_NUMBER_PURPOSE, orgRefOf, versionConflict, type MembersActor, type MembersDeps } from './members.shared';

/** Rows beyond this are refused while reading (the reader streams, so a huge file is not loaded). */
export const MAX_IMPORT_ROWS = 100_000;
const ROWS_PURPOSE = 'member_import.rows';

const headerOf = (key: ImportColumnKey | null) => (key ? (IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key) : null);

/** Collective join drives (集中入会): dry run with a per-row report, then an atomic, idempotent commit. */
export function createImportService({ db, secrets, dataKeys, clock = () => new Date() }: MembersDeps) {
  function toImport(row: repo.ImportRow, org: { id: string; code: string; name: string; type: string }, lang: Lang, isRepeat = false): MemberImport {
    const errors = (row.report as StoredError[]).slice(0, 1000).map((e): ImportRowError => ({
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
      mode: row.mode as MemberImport['mode'],
      totalRows: row.totalRows,
      validRows: row.validRows,
      errorRows: row.errorRows,
      committedRows: row.committedRows,
      isRepeat,
      errors,
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

  return {
    template: () => buildImportTemplate(),

    /** Dry run: reads and checks the file, keeps the report and (encrypted) the valid rows. The same file again returns its batch. */
    async checkFile(file: Buffer, query: { orgId: string; fileName?: string | undefined }, actor: MembersActor, lang: Lang): Promise<{ batch: MemberImport; isNew: boolean }> {
      const target = await findOrgBrief(db, query.orgId);
      if (!target || !isInScope(actor.scope, target.path)) throw notFound('ENTITY_org');
      const fileHash = crypto.createHash('sha256').update(file).digest('hex');
      const previous = await repo.findImportByHash(db, target.id, fileHash);
      if (previous) return { batch: toImport(previous, target, lang, true), isNew: false };
      const checker = createRowChecker({ db, secrets }, target, actor.scope, clock());
      try {
        await readImportSheet(file, MAX_IMPORT_ROWS, checker.checkRow);
      } catch (error) {
        if (error instanceof ImportFileError)
          throw new AppError(error.code, {
            status: error.code === 'IMPORT_TOO_MANY_ROWS' ? 413 : 400,
            params: error.params,
          });
        throw error;
      }
      const { valid, errors, errorRows, totalRows } = await checker.finish();
      if (totalRows === 0) throw new AppError('IMPORT_EMPTY', { status: 400 });
      return db.transaction(async (tx) => {
        const row = await repo.insertImport(tx, {
          orgId: target.id,
          fileHash,
          fileName: query.fileName ?? null,
          totalRows,
          validRows: valid.length,
          errorRows,
          report: errors,
          rowsEnc: valid.length ? encryptField(dataKeys, ROWS_PURPOSE, packRows(valid)) : null,
          createdBy: actor.audit.actorId,
          createdByName: actor.audit.actorName,
        });
        await recordAudit(tx, actor.audit, {
          action: 'member.import_check',
          entityType: 'member_import',
          entityId: row.id,
          orgId: target.id,
          after: {
            fileName: row.fileName,
            totalRows: row.totalRows,
            validRows: row.validRows,
            errorRows,
          },
        });
        return { batch: toImport(row, target, lang), isNew: true };
      });
    },

    async getImport(id: string, scope: Scope, lang: Lang): Promise<MemberImport> {
      const { row, org } = await getScopedImport(db, id, scope);
      return toImport(row, org, lang);
    },

    /** Commit in one transaction: everything of the batch or nothing. Committing a committed batch changes nothing. */
    async commit(id: string, input: CommitImport, actor: MembersActor, lang: Lang): Promise<MemberImport> {
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
      return db.transaction(async (tx) => {
        await repo.lockImport(tx, id);
        const { row, org } = await getScopedImport(tx, id, actor.scope);
        if (row.status === 'committed') return toImport(row, org, lang, true);
        if (row.version !== input.version) throw versionConflict(input.version, row.version);
        if (input.mode === 'all_or_nothing' && row.errorRows > 0)
          throw new AppError('IMPORT_HAS_ERRORS', {
            status: 409,
            params: { count: row.errorRows },
          });
        const rows = row.rowsEnc ? unpackRows(decryptField(dataKeys, ROWS_PURPOSE, row.rowsEnc), secrets) : [];
        // Someone may have joined since the dry run: those rows are skipped, or the whole batch refused.
        const current = new Map(
          (
            await repo.findPersonsByHashes(
              tx,
              rows.map((r) => r.idHash),
            )
          ).map((p) => [p.idNumberHash, p]),
        );
        const fresh = rows.filter((r) => {
          const p = current.get(r.idHash);
          return !p?.hasOpen && (!p || p.realName === r.realName) && (p?.id ?? null) === r.personId;
        });
        if (fresh.length !== rows.length && input.mode === 'all_or_nothing')
          throw new AppError('IMPORT_CHANGED_SINCE_CHECK', {
            status: 409,
            params: { count: rows.length - fresh.length },
          });
        // Written in slices of 1,000 rows so memory stays flat for a 100,000-row batch; still one transaction.
        let memberships: Parameters<typeof repo.insertMemberships>[1] = [];
        let events: Parameters<typeof repo.insertEvents>[1] = [];
        let newPersons: Parameters<typeof repo.insertPersons>[1] = [];
        let committed = 0;
        const flush = async () => {
          await repo.insertPersons(tx, newPersons);
          await repo.insertMemberships(tx, memberships);
          await repo.insertEvents(tx, events);
          committed += memberships.length;
          [newPersons, memberships, events] = [[], [], []];
        };
        const byDistrict = new Map<string, { prefix: string; rows: CheckedRow[] }>();
        for (const r of fresh) {
          const district = await findDistrictCached(tx, r.orgId);
          const group = byDistrict.get(district.id) ?? {
            prefix: district.divisionCode ?? district.code,
            rows: [],
          };
          group.rows.push(r);
          byDistrict.set(district.id, group);
        }
        for (const [districtId, group] of byDistrict) {
          let next = await repo.reserveMemberSequence(tx, districtId, group.rows.length);
          for (const r of group.rows) {
            const personValues = {
              orgId: r.orgId,
              realName: r.realName,
              idNumberEnc: encryptField(dataKeys, ID_NUMBER_PURPOSE, r.idNumber),
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
              verifiedAt: now,
            };
            const personId = r.personId ?? randomUUID();
            if (r.personId) await repo.updateImportedPerson(tx, r.personId, personValues);
            else newPersons.push({ id: personId, ...personValues });
            const membershipId = randomUUID();
            memberships.push({
              id: membershipId,
              personId,
              orgId: r.orgId,
              memberNumber: `${group.prefix}${String(next++).padStart(8, '0')}`,
              status: 'active',
              appliedAt: now,
              joinedAt: now,
              source: 'import',
            });
            events.push({
              membershipId,
              orgId: r.orgId,
              kind: 'approved',
              toOrgId: r.orgId,
              actorId: actor.audit.actorId,
              actorName: actor.audit.actorName,
              reason: `集中入会导入（第 ${r.row} 行）`,
              at: now,
            });
            if (memberships.length >= 1000) await flush();
          }
        }
        await flush();
        const updated = await repo.updateImport(tx, id, {
          status: 'committed',
          mode: input.mode,
          committedRows: committed,
          committedAt: now,
          rowsEnc: null,
        });
        await recordAudit(tx, actor.audit, {
          action: 'member.import_commit',
          entityType: 'member_import',
          entityId: id,
          orgId: org.id,
          after: {
            mode: input.mode,
            committedRows: committed,
            skipped: rows.length - fresh.length,
          },
        });
        return toImport(updated, org, lang);
      });
    },

    /** The report as .xlsx: every error row with its column and reason, then the rows found valid. */
    async reportXlsx(id: string, scope: Scope, lang: Lang): Promise<{ file: Buffer; fileName: string }> {
      const { row } = await getScopedImport(db, id, scope);
      const errors = row.report as StoredError[];
      const lines: (string | number | null)[][] = errors.map((e) => [e.row, e.name, e.idNumberMasked, '错误', headerOf(e.column), t(lang, e.code, e.params ?? {})]);
      if (row.rowsEnc) {
        const valid = unpackRows(decryptField(dataKeys, ROWS_PURPOSE, row.rowsEnc), secrets);
        for (const v of valid) lines.push([v.row, v.realName, maskIdNumber(v.idNumber), '可导入', null, null]);
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
        fileName: `import-report-${row.id.slice(0, 8)}.xlsx`,
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
