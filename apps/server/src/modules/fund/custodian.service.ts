import type { CreateCustodianTransfer, CustodianStatement, CustodianTransfer, Page, Reconciliation, ReportRangeQuery } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, MAX_LISTED_ERRORS, type FieldError } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { readCsv, type SpreadsheetLimits } from '../../platform/spreadsheet';
import { shanghaiDay, shanghaiDayStart } from './contribution';
import { postEntries, rowsOf } from './ledger';
import { rangeOf } from './reports.service';
import type { Ctx } from './shops.service';

export const STATEMENT_HEADER = ['date', 'reference', 'amount_fen', 'description'];
/** The Chinese header a bank's export carries, as the upload hint and the header error name it. */
export const STATEMENT_HEADER_ZH = ['交易日期', '流水号', '金额（元）', '摘要'];
const MAX_LINES = 50_000;
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;
/** A bank's statement is a few thousand short lines; only the first problems are kept (the rest counted). */
const STATEMENT_LIMITS: Partial<SpreadsheetLimits> = { maxFileBytes: MAX_STATEMENT_BYTES, maxRows: MAX_LINES, maxColumns: 16, maxCellChars: 500, maxProblems: MAX_LISTED_ERRORS };
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export type StatementLine = { line: number; date: string; reference: string; amountFen: number; description: string };

/**
 * The statement's columns by header name, in any order: the plain header (amounts in fen) or the
 * Chinese headers of a bank's export (amounts in yuan, or 收入/支出 in two columns). Names are
 * compared without spaces, case or the width of brackets; columns not named here are ignored.
 */
const COLUMN_NAMES = {
  date: ['date', '日期', '交易日期', '记账日期', '入账日期', '交易时间'],
  reference: ['reference', '流水号', '交易流水号', '流水号码', '凭证号', '交易参考号', '参考号'],
  fen: ['amount_fen'],
  yuan: ['金额', '金额(元)', '交易金额', '交易金额(元)', '发生额', '发生额(元)'],
  credit: ['收入金额', '收入金额(元)', '收入', '贷方金额', '贷方发生额', '存入金额'],
  debit: ['支出金额', '支出金额(元)', '支出', '借方金额', '借方发生额', '支取金额'],
  description: ['description', '摘要', '备注', '用途', '附言', '交易摘要'],
} as const;
type Column = keyof typeof COLUMN_NAMES;
const headerKey = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

function columnsOf(header: string[]): Partial<Record<Column, number>> | undefined {
  const keys = header.map(headerKey);
  const at: Partial<Record<Column, number>> = {};
  // The first name in each list wins (交易日期 over a 交易时间 column that holds only the time).
  for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, readonly string[]][]) {
    const i = names.map((n) => keys.indexOf(n)).find((k) => k >= 0);
    if (i !== undefined) at[column] = i;
  }
  const hasAmount = at.fen !== undefined || at.yuan !== undefined || at.credit !== undefined || at.debit !== undefined;
  return at.date !== undefined && at.reference !== undefined && hasAmount ? at : undefined;
}

/** 2026-11-03, 2026/11/3, 20261103 or 2026年11月3日, with or without a time after it → 2026-11-03. */
export function statementDate(s: string): string | undefined {
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const day = `${m[1]}-${(m[2] ?? m[4])!.padStart(2, '0')}-${(m[3] ?? m[5])!.padStart(2, '0')}`;
  return isRealDate(day) ? day : undefined;
}

/** A yuan amount as banks print it (¥1,234.50, -12.3, +8) → whole fen, exactly (no floating point). */
export function yuanToFen(s: string): number | undefined {
  const m = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s.replace(/[¥￥,，\s]/g, ''));
  if (!m) return undefined;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/**
 * Reads a custodian statement through the bounded reader: the lines, and every problem with its
 * line and column in the caller's language — the first MAX_LISTED_ERRORS of them are kept and all
 * are counted (a megabyte of bad lines must not become a huge answer).
 */
export async function readStatementCsv(file: Buffer, lang: Lang): Promise<{ lines: StatementLine[]; errors: FieldError[]; errorCount: number }> {
  const { rows, problems, problemCount } = await readCsv(file, STATEMENT_LIMITS);
  const errors: FieldError[] = [];
  let errorCount = 0;
  const add = (line: number, column: number | null, code: string, params: Record<string, string | number> = {}) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ path: column === null ? `line ${line}` : `line ${line}, column ${column}`, message: t(lang, code, params), code });
  };
  for (const p of problems) add(p.line, p.column, p.code);
  errorCount += problemCount - problems.length;
  const header = rows[0]?.fields;
  const at = header && columnsOf(header);
  if (!header || !at) {
    add(1, null, 'FUND_CSV_HEADER', { header: STATEMENT_HEADER.join(','), headerZh: STATEMENT_HEADER_ZH.join(',') });
    return { lines: [], errors, errorCount };
  }
  const lines: StatementLine[] = [];
  const seen = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const cell = (column: Column) => (at[column] === undefined ? '' : (r.fields[at[column]] ?? '').trim());
    const col = (column: Column) => at[column]! + 1;
    if (r.fields.length !== header.length) add(r.line, Math.min(r.fields.length + 1, header.length + 1), 'FUND_CSV_FIELD_COUNT', { n: header.length });
    for (const column of r.tooLong) add(r.line, column + 1, 'IMPORT_CELL_TOO_LONG');
    const date = statementDate(cell('date'));
    if (!date) add(r.line, col('date'), 'FUND_CSV_DATE');
    const reference = cell('reference');
    if (!reference || reference.length > 60) add(r.line, col('reference'), 'FUND_CSV_REFERENCE');
    let amountFen: number | undefined;
    if (at.fen !== undefined) {
      amountFen = /^-?\d{1,15}$/.test(cell('fen')) ? Number(cell('fen')) : undefined;
      if (amountFen === undefined) add(r.line, col('fen'), 'FUND_CSV_AMOUNT');
    } else if (at.yuan !== undefined) {
      amountFen = yuanToFen(cell('yuan'));
      if (amountFen === undefined) add(r.line, col('yuan'), 'FUND_CSV_AMOUNT_YUAN');
    } else {
      // 收入 and 支出 in two columns: one of them on each line.
      const credit = cell('credit') ? yuanToFen(cell('credit')) : 0;
      const debit = cell('debit') ? yuanToFen(cell('debit')) : 0;
      if (credit === undefined) add(r.line, col('credit'), 'FUND_CSV_AMOUNT_YUAN');
      else if (debit === undefined) add(r.line, col('debit'), 'FUND_CSV_AMOUNT_YUAN');
      else if ((credit !== 0) === (debit !== 0)) add(r.line, col(at.credit !== undefined ? 'credit' : 'debit'), 'FUND_CSV_AMOUNT_ONE_SIDE');
      else amountFen = credit - debit;
    }
    const first = seen.get(reference);
    if (reference && first !== undefined) add(r.line, col('reference'), 'FUND_CSV_REFERENCE_REPEATED', { line: first });
    else seen.set(reference, r.line);
    lines.push({ line: r.line, date: date ?? '', reference, amountFen: amountFen ?? 0, description: cell('description') });
  }
  return { lines, errors, errorCount };
}

export function createCustodianService({ db }: { db: Db }) {
  const transferOut = (r: Record<string, unknown>): CustodianTransfer => ({
    id: r.id as string,
    amountFen: Number(r.amount_fen),
    transferredOn: r.day as string,
    reference: r.reference as string,
    note: (r.note as string | null) ?? null,
    entryId: r.entry_id as string,
    createdByName: (r.created_by_name as string | null) ?? null,
    createdAt: iso(r.created_at),
  });

  return {
    async recordTransfer(fundId: string, input: CreateCustodianTransfer, ctx: Ctx, now = new Date()): Promise<CustodianTransfer> {
      // The bank's value day: today at the latest.
      if (input.transferredOn > shanghaiDay(now)) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'transferredOn', message: 'FUND_TRANSFER_IN_FUTURE' }] });
      return db.transaction(async (tx) => {
        const taken = rowsOf(await tx.execute(sql`select 1 from custodian_transfer where fund_id = ${fundId} and reference = ${input.reference}`));
        if (taken.length) throw new AppError('CONFLICT', { status: 409, detail: 'FUND_TRANSFER_REFERENCE_TAKEN', errors: [{ path: 'reference', message: 'FUND_TRANSFER_REFERENCE_TAKEN' }] });
        // The collected account's row is locked: two transfers at once cannot both pass the check.
        const accounts = rowsOf<{ id: string; kind: string; balance_fen: number }>(
          await tx.execute(sql`select id, kind, balance_fen from fund_account where fund_id = ${fundId} and kind in ('collected','custodian') order by id for update`),
        );
        const collectedRow = accounts.find((a) => a.kind === 'collected')!;
        const collected = collectedRow.id;
        const custodian = accounts.find((a) => a.kind === 'custodian')!.id;
        // Only money the fund has collected (and not yet handed over) can go to the custodian.
        const available = Number(collectedRow.balance_fen);
        if (input.amountFen > available) {
          throw new AppError('FUND_TRANSFER_EXCEEDS_COLLECTED', { status: 409, params: { available: (Math.max(0, available) / 100).toFixed(2) }, errors: [{ path: 'amountFen', message: 'FUND_TRANSFER_EXCEEDS_COLLECTED' }] });
        }
        const {
          ids: [entryId],
        } = await postEntries(
          tx,
          fundId,
          [
            {
              kind: 'transfer',
              occurredAt: shanghaiDayStart(input.transferredOn),
              memo: `transfer ${input.reference}`,
              amountFen: input.amountFen,
              postings: [
                { accountId: custodian, amountFen: input.amountFen },
                { accountId: collected, amountFen: -input.amountFen },
              ],
            },
          ],
          { transferredFen: input.amountFen },
          now,
        );
        const [row] = rowsOf<Record<string, unknown>>(
          await tx.execute(sql`insert into custodian_transfer (fund_id, amount_fen, transferred_on, reference, note, entry_id, created_by_name)
            values (${fundId}, ${input.amountFen}, ${input.transferredOn}, ${input.reference}, ${input.note ?? null}, ${entryId!}, ${ctx.audit.actorName}) returning *, transferred_on::text as day`),
        );
        await recordAudit(tx, ctx.audit, { action: 'custodian.transfer', entityType: 'custodian_transfer', entityId: row!.id as string, after: input });
        return transferOut(row!);
      });
    },

    async listTransfers(fundId: string, q: { page: number; pageSize: number; from?: string | undefined; to?: string | undefined }): Promise<Page<CustodianTransfer>> {
      const where = sql`fund_id = ${fundId} and ${q.from ? sql`transferred_on >= ${q.from}` : sql`true`} and ${q.to ? sql`transferred_on <= ${q.to}` : sql`true`}`;
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from custodian_transfer where ${where}`));
      const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select *, transferred_on::text as day from custodian_transfer where ${where} order by transferred_on desc, created_at desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`));
      return { items: rows.map(transferOut), total: n, page: q.page, pageSize: q.pageSize };
    },

    async importStatement(fundId: string, file: Buffer, fileName: string | null, ctx: Ctx, lang: Lang): Promise<CustodianStatement> {
      const { lines, errors, errorCount } = await readStatementCsv(file, lang);
      if (errorCount) throw new AppError('FUND_CSV_INVALID', { status: 400, errors, extras: { errorCount } });
      if (!lines.length) throw new AppError('FUND_CSV_INVALID', { status: 400, errors: [{ path: 'file', message: 'IMPORT_EMPTY' }] });
      return db.transaction(async (tx) => {
        const dates = lines.map((l) => l.date).sort();
        const total = lines.reduce((s, l) => s + l.amountFen, 0);
        const [st] = rowsOf<Record<string, unknown>>(
          await tx.execute(sql`insert into custodian_statement (fund_id, file_name, line_count, from_date, to_date, total_fen) values (${fundId}, ${fileName}, ${lines.length}, ${dates[0]!}, ${dates[dates.length - 1]!}, ${total})
            returning *, from_date::text as f, to_date::text as t`),
        );
        await tx.execute(sql`insert into custodian_statement_line (statement_id, line_no, value_date, reference, amount_fen, description)
          select ${st!.id as string}::uuid, * from unnest(${sql.param(lines.map((l) => l.line))}::int[], ${sql.param(lines.map((l) => l.date))}::date[], ${sql.param(lines.map((l) => l.reference))}::text[],
            ${sql.param(lines.map((l) => l.amountFen))}::bigint[], ${sql.param(lines.map((l) => l.description))}::text[])`);
        await recordAudit(tx, ctx.audit, { action: 'custodian.statement', entityType: 'custodian_statement', entityId: st!.id as string, after: { fileName, lines: lines.length, totalFen: total } });
        return { id: st!.id as string, fileName, lineCount: lines.length, fromDate: st!.f as string, toDate: st!.t as string, totalFen: total, createdAt: iso(st!.created_at) };
      });
    },

    async listStatements(fundId: string, q: { page: number; pageSize: number }): Promise<Page<CustodianStatement>> {
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from custodian_statement where fund_id = ${fundId}`));
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`select *, from_date::text as f, to_date::text as t from custodian_statement where fund_id = ${fundId} order by created_at desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
      );
      return {
        items: rows.map((r) => ({ id: r.id as string, fileName: (r.file_name as string | null) ?? null, lineCount: Number(r.line_count), fromDate: (r.f as string | null) ?? null, toDate: (r.t as string | null) ?? null, totalFen: Number(r.total_fen), createdAt: iso(r.created_at) })),
        total: n,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /**
     * Transfers recorded in the ledger against the custodian's statement lines, matched by
     * reference. Every difference is listed with the ledger entries behind it. When a reference
     * appears in several statements, the latest import counts.
     */
    async reconcile(fundId: string, q: ReportRangeQuery): Promise<Reconciliation> {
      rangeOf(q);
      const transfers = rowsOf<{ reference: string; day: string; amount: number; entry_id: string; occurred_at: string; memo: string }>(
        await db.execute(sql`select t.reference, t.transferred_on::text as day, t.amount_fen as amount, t.entry_id, e.occurred_at, e.memo from custodian_transfer t join fund_entry e on e.id = t.entry_id
          where t.fund_id = ${fundId} and t.transferred_on between ${q.from} and ${q.to} order by t.transferred_on, t.reference`),
      );
      const lines = rowsOf<{ reference: string; day: string; amount: number; line_no: number }>(
        await db.execute(sql`select distinct on (l.reference) l.reference, l.value_date::text as day, l.amount_fen as amount, l.line_no from custodian_statement_line l join custodian_statement s on s.id = l.statement_id
          where s.fund_id = ${fundId} and l.value_date between ${q.from} and ${q.to} order by l.reference, s.created_at desc`),
      );
      const byRef = new Map(lines.map((l) => [l.reference, l]));
      const differences: Reconciliation['differences'] = [];
      let matched = 0;
      for (const t of transfers) {
        const l = byRef.get(t.reference);
        byRef.delete(t.reference);
        const entries = [{ id: t.entry_id, postedAt: iso(t.occurred_at), memo: t.memo, amountFen: Number(t.amount) }];
        const base = { reference: t.reference, ledgerDate: t.day, ledgerAmountFen: Number(t.amount), entries };
        if (!l) differences.push({ kind: 'missing_in_statement', ...base, statementDate: null, statementAmountFen: null, statementLine: null });
        else if (Number(l.amount) !== Number(t.amount)) differences.push({ kind: 'amount_mismatch', ...base, statementDate: l.day, statementAmountFen: Number(l.amount), statementLine: l.line_no });
        else if (l.day !== t.day) differences.push({ kind: 'date_mismatch', ...base, statementDate: l.day, statementAmountFen: Number(l.amount), statementLine: l.line_no });
        else matched++;
      }
      for (const l of byRef.values()) {
        differences.push({ kind: 'missing_in_ledger', reference: l.reference, ledgerDate: null, statementDate: l.day, ledgerAmountFen: null, statementAmountFen: Number(l.amount), entries: [], statementLine: l.line_no });
      }
      return {
        from: q.from,
        to: q.to,
        ledgerTotalFen: transfers.reduce((s, t) => s + Number(t.amount), 0),
        statementTotalFen: lines.reduce((s, l) => s + Number(l.amount), 0),
        matchedCount: matched,
        differences,
      };
    },
  };
}

export type CustodianService = ReturnType<typeof createCustodianService>;
