import crypto from 'node:crypto';
import { normalizeMobilePhone, type BreakfastCardImport, type ImportRowError } from '@niangjia/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, capList, notFound, versionConflict } from '../../platform/errors';
import { t, type Lang } from '../../platform/i18n';
import { maskPhone } from '../../platform/logger';
import { keyedHash, type Secrets } from '../../platform/secrets';
import { cellText, readTemplateRows, type SpreadsheetLimits } from '../../platform/spreadsheet';
import { PHONE_HASH_PURPOSE, type CardsService } from './cards.service';
import { rowsOf } from './ledger';
import { scopeSql, type Ctx } from './shops.service';

/** Columns of the card template; a list of sanitation workers is small (a district has a few thousand). */
export const CARD_COLUMNS = [
  { key: 'holderName', header: '姓名', required: true },
  { key: 'phone', header: '手机号', required: true },
  { key: 'employer', header: '单位', required: false },
  { key: 'validUntil', header: '有效期至', required: false },
] as const;
const MAX_ROWS = 5000;
export const MAX_CARD_IMPORT_BYTES = 5 * 1024 * 1024;
type Key = (typeof CARD_COLUMNS)[number]['key'];
type ValidRow = { row: number; holderName: string; phoneHash: string; phoneMasked: string; employer: string | null; validUntil: string | null };
type StoredError = { row: number; column: string | null; code: string; params?: Record<string, string>; name: string | null };

const isRealDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
/** A district's list of sanitation workers is a few thousand rows of four short columns. */
const CARD_SHEET_LIMITS: Partial<SpreadsheetLimits> = { maxFileBytes: MAX_CARD_IMPORT_BYTES, maxUnpackedBytes: 20 * 1024 * 1024, maxRows: MAX_ROWS, maxColumns: 64, maxCellChars: 500 };

/** Reads and checks the sheet (through the bounded reader): the valid rows (phones kept only as keyed hash and mask) and every row's problems. */
export async function checkCardSheet(file: Buffer, secrets: Secrets): Promise<{ valid: ValidRow[]; errors: StoredError[]; total: number }> {
  const valid: ValidRow[] = [];
  const errors: StoredError[] = [];
  const phones = new Map<string, number>();
  let total = 0;
  for await (const { row: n, cells: raw } of readTemplateRows(file, CARD_COLUMNS, CARD_SHEET_LIMITS)) {
    total++;
    const before = errors.length;
    const texts: Partial<Record<Key, string>> = {};
    const name = cellText(raw.holderName, { formulas: 'result' }).text ?? '';
    const err = (column: string, code: string, params?: Record<string, string>) => errors.push({ row: n, column, code, name: name || null, ...(params ? { params } : {}) });
    for (const c of CARD_COLUMNS) {
      const cell = cellText(raw[c.key], { formulas: 'result' });
      if (cell.problem) err(c.header, cell.problem);
      else texts[c.key] = cell.text;
    }
    if (errors.length === before) {
      if (name.length < 2 || name.length > 30) err('姓名', 'FUND_IMPORT_NAME');
      const phone = normalizeMobilePhone(texts.phone ?? '');
      if (!phone) err('手机号', 'PHONE_INVALID');
      else if (phones.has(phone)) err('手机号', 'FUND_IMPORT_PHONE_REPEATED', { row: String(phones.get(phone)) });
      else phones.set(phone, n);
      const until = texts.validUntil ?? '';
      if (until && !isRealDate(until)) err('有效期至', 'FIELD_FORMAT');
      if (errors.length === before && phone) valid.push({ row: n, holderName: name, phoneHash: keyedHash(secrets, PHONE_HASH_PURPOSE, phone), phoneMasked: maskPhone(phone) ?? '', employer: texts.employer || null, validUntil: until || null });
    }
  }
  return { valid, errors, total };
}

/** Rows whose phone already holds a live card of the fund become errors naming that card. */
async function refuseHeldCards(tx: Db, fundId: string, valid: ValidRow[], errors: StoredError[]): Promise<{ valid: ValidRow[]; errors: StoredError[] }> {
  if (!valid.length) return { valid, errors };
  const held = new Map(
    rowsOf<{ phone_hash: string; number: string }>(
      await tx.execute(sql`select phone_hash, number from breakfast_card where fund_id = ${fundId} and status <> 'replaced' and phone_hash = any(${sql.param(valid.map((v) => v.phoneHash))}::text[])`),
    ).map((r) => [r.phone_hash, r.number]),
  );
  if (!held.size) return { valid, errors };
  const refused = valid.filter((v) => held.has(v.phoneHash)).map((v): StoredError => ({ row: v.row, column: '手机号', code: 'FUND_IMPORT_HAS_CARD', params: { number: held.get(v.phoneHash) ?? '' }, name: v.holderName }));
  return { valid: valid.filter((v) => !held.has(v.phoneHash)), errors: [...errors, ...refused].sort((a, b) => a.row - b.row) };
}

export function createCardImportService({ db, secrets, cards }: { db: Db; secrets: Secrets; cards: CardsService }) {
  const out = (r: Record<string, unknown>, lang: Lang): BreakfastCardImport => {
    const status = r.status as BreakfastCardImport['status'];
    const stored = r.errors as StoredError[];
    const errors = capList(stored).items.map(
      (e): ImportRowError => ({ row: e.row, column: e.column, code: e.code, message: t(lang, e.code, e.params ?? {}), name: e.name, idNumberMasked: null }),
    );
    return {
      id: r.id as string,
      fileName: (r.file_name as string | null) ?? null,
      status,
      // Checked and committed in the request (a card list is small), so the job is already done.
      job: { id: r.id as string, kind: status === 'committed' ? 'commit' : 'check', status: 'succeeded', progress: 1, progressText: null, error: null },
      mode: (r.mode as BreakfastCardImport['mode']) ?? null,
      totalRows: Number(r.total_rows),
      validRows: Number(r.valid_rows),
      errorRows: Number(r.error_rows),
      committedRows: Number(r.committed_rows),
      isRepeat: Boolean(r.is_repeat),
      errors,
      errorCount: stored.length,
      createdByName: (r.created_by_name as string | null) ?? null,
      createdAt: new Date(r.created_at as string).toISOString(),
      committedAt: r.committed_at ? new Date(r.committed_at as string).toISOString() : null,
      version: Number(r.version),
    };
  };

  /** A batch of a fund in the caller's scope (any of them, not only the nearest). */
  async function load(id: string, ctx: Ctx, tx: Db = db, lock = false) {
    // A batch of a fund in the caller's scope, or (a street admin working in a slice of the fund above) one they uploaded themselves.
    const near = await cards.fundFor(tx, ctx.scope).catch(() => null);
    const sliceFund = near?.slice ? near.id : null;
    const [row] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`select i.* from breakfast_card_import i join fund f on f.id = i.fund_id join org o on o.id = f.org_id where i.id = ${id} and (${scopeSql(ctx.scope, sql`o.path`)} or (i.fund_id = ${sliceFund}::uuid and i.created_by_id = ${ctx.audit.actorId})) ${lock ? sql`for update of i` : sql``}`,
      ),
    );
    if (!row) throw notFound('card_import');
    return row;
  }

  return {
    async upload(file: Buffer, fileName: string | null, ctx: Ctx, lang: Lang, orgId?: string): Promise<{ batch: BreakfastCardImport; isNew: boolean }> {
      // The fund the request names (in scope), else the caller's own (a street admin: the one above).
      const fund = orgId ? await cards.fundInScope(db, ctx.scope, orgId) : await cards.fundFor(db, ctx.scope);
      const hash = crypto.createHash('sha256').update(file).digest('hex');
      // The same file again is the same batch — only one of the caller's own when they work in a slice (another street's list is not theirs to see).
      const onlyOwn = 'slice' in fund && fund.slice ? sql`and created_by_id = ${ctx.audit.actorId}` : sql``;
      const [prior] = rowsOf<Record<string, unknown>>(await db.execute(sql`select *, true as is_repeat from breakfast_card_import where fund_id = ${fund.id} and file_hash = ${hash} ${onlyOwn} order by created_at desc limit 1`));
      if (prior) return { batch: out(prior, lang), isNew: false };
      const checked = await checkCardSheet(file, secrets);
      const { valid, errors } = await refuseHeldCards(db, fund.id, checked.valid, checked.errors);
      const total = checked.total;
      const errorRows = new Set(errors.map((e) => e.row)).size;
      const [row] = rowsOf<Record<string, unknown>>(
        await db.execute(sql`insert into breakfast_card_import (fund_id, file_name, file_hash, status, rows, errors, total_rows, valid_rows, error_rows, created_by_id, created_by_name)
          values (${fund.id}, ${fileName}, ${hash}, 'checked', ${JSON.stringify(valid)}::jsonb, ${JSON.stringify(errors)}::jsonb, ${total}, ${valid.length}, ${errorRows}, ${ctx.audit.actorId}, ${ctx.audit.actorName}) returning *`),
      );
      return { batch: out(row!, lang), isNew: true };
    },

    get: async (id: string, ctx: Ctx, lang: Lang) => out(await load(id, ctx), lang),

    async commit(id: string, input: { version: number; mode: 'only_valid' | 'all_or_nothing' }, ctx: Ctx, lang: Lang): Promise<BreakfastCardImport> {
      return db.transaction(async (tx) => {
        const row = await load(id, ctx, tx, true);
        if (Number(row.version) !== input.version) throw versionConflict(input.version, Number(row.version));
        if (row.status !== 'checked') throw new AppError('CONFLICT', { status: 409 });
        if (input.mode === 'all_or_nothing' && Number(row.error_rows) > 0) throw new AppError('IMPORT_HAS_ERRORS', { status: 409 });
        // The batch's own fund (a platform admin may have uploaded it to any fund), as the caller works with it.
        const fund = await cards.fundById(tx, String(row.fund_id), ctx.scope);
        const orgId = await cards.issuingOrg(tx, fund, ctx.scope);
        const fallback = cards.defaultValidUntil(fund);
        // A card issued since the check (by hand, or another list) wins: that row is left out.
        const { valid } = await refuseHeldCards(tx, fund.id, row.rows as ValidRow[], []);
        for (const v of valid) {
          await cards.insertCard(tx, { fundId: fund.id, orgId, holderName: v.holderName, phoneHash: v.phoneHash, phoneMasked: v.phoneMasked, employer: v.employer, validUntil: v.validUntil ?? fallback, importId: id });
        }
        const n = valid.length;
        const [after] = rowsOf<Record<string, unknown>>(
          await tx.execute(sql`update breakfast_card_import set status = 'committed', mode = ${input.mode}, committed_rows = ${n}, committed_at = now(), version = version + 1, rows = '[]'::jsonb where id = ${id} returning *`),
        );
        await recordAudit(tx, ctx.audit, { action: 'breakfast_card.import', entityType: 'breakfast_card_import', entityId: id, after: { cards: n, mode: input.mode } });
        return out(after!, lang);
      });
    },

    async template(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('爱心早餐卡');
      ws.addRow(CARD_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))).font = { bold: true };
      ws.addRow(['张建华', '13900001234', '江北区城市管理局 观音桥环卫所', '2026-12-31']);
      ws.columns.forEach((c) => (c.width = 24));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async report(id: string, ctx: Ctx, lang: Lang): Promise<Buffer> {
      const row = await load(id, ctx);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('检查结果');
      ws.addRow(['行号', '列', '姓名', '问题']).font = { bold: true };
      for (const e of row.errors as StoredError[]) ws.addRow([e.row, e.column ?? '', e.name ?? '', t(lang, e.code, e.params ?? {})]);
      ws.columns.forEach((c) => (c.width = 20));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}

export type CardImportService = ReturnType<typeof createCardImportService>;
