import type {
  ContributionRuleInput,
  CreateFundShop,
  CreatePosTerminal,
  Fund,
  FundShop,
  FundShopDetail,
  ListFundShopsQuery,
  Page,
  PosTerminal,
  PosTerminalKey,
  UpdateFund,
  UpdateFundShop,
} from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { scopeSql } from '../../platform/auth';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import type { Scope } from '../../platform/auth';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { encryptField, type DataKeys } from '../../platform/pii';
import { DEFAULT_FIXED_FEN, shanghaiDay } from './contribution';
import { findFundFor, nextCardValidUntil } from './fund-access';
import { rowsOf } from './ledger';
import { TERMINAL_SECRET_PURPOSE } from './pos-auth';
import { generateTerminalKey } from './pos-signing';

export type Ctx = { scope: Scope; audit: AuditContext };

export { scopeSql };

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

type RuleRow = { id: string; kind: 'fixed' | 'bps'; fixed_fen: number | null; bps: number | null; cap_fen: number | null; effective_from: string; created_at: string };
const ruleOut = (r: RuleRow) => ({
  id: r.id,
  kind: r.kind,
  fixedFen: r.fixed_fen == null ? null : Number(r.fixed_fen),
  bps: r.bps,
  capFen: r.cap_fen == null ? null : Number(r.cap_fen),
  effectiveFrom: String(r.effective_from),
  createdAt: iso(r.created_at),
});

export function createShopsService({ db, dataKeys }: { db: Db; dataKeys: DataKeys }) {
  const shopSelect = (where: SQL) => sql`select s.*, p.code as p_code, p.name as p_name, p.lng, p.lat, o.path as org_path,
      (select count(*)::int from pos_terminal t where t.shop_id = s.id and t.status = 'active') as terminal_count,
      coalesce((select -a.balance_fen from fund_account a where a.shop_id = s.id and a.kind = 'shop_contributions'), 0) as total_fen,
      (select row_to_json(r) from (select id, kind, fixed_fen, bps, cap_fen, effective_from::text, created_at from contribution_rule c where c.shop_id = s.id and c.effective_from <= ${shanghaiDay(new Date())}::date order by effective_from desc limit 1) r) as rule
    from fund_shop s join position p on p.id = s.position_id join org o on o.id = s.org_id where ${where}`;

  const shopOut = (r: Record<string, unknown>): FundShop => ({
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    fundId: r.fund_id as string,
    position: { id: r.position_id as string, code: r.p_code as string, name: r.p_name as string, lng: Number(r.lng), lat: Number(r.lat) },
    orgId: r.org_id as string,
    operatorName: r.operator_name as string,
    operatorCreditCode: (r.operator_credit_code as string | null) ?? null,
    status: r.status as FundShop['status'],
    currentRule: r.rule ? ruleOut(r.rule as RuleRow) : null,
    terminalCount: Number(r.terminal_count),
    totalContributionFen: Number(r.total_fen),
    version: Number(r.version),
    createdAt: iso(r.created_at),
  });

  async function getShop(id: string, scope: Scope, tx: Db = db): Promise<FundShopDetail> {
    const [row] = rowsOf<Record<string, unknown>>(await tx.execute(shopSelect(sql`s.id = ${id} and ${scopeSql(scope, sql`o.path`)}`)));
    if (!row) throw notFound('fund_shop');
    const rules = rowsOf<RuleRow>(
      await tx.execute(sql`select id, kind, fixed_fen, bps, cap_fen, effective_from::text, created_at from contribution_rule where shop_id = ${id} order by effective_from desc`),
    );
    return { ...shopOut(row), rules: rules.map(ruleOut) };
  }

  function checkRule(rule: ContributionRuleInput) {
    if ((rule.kind === 'fixed' && rule.fixedFen == null) || (rule.kind === 'bps' && rule.bps == null)) {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: rule.kind === 'fixed' ? 'fixedFen' : 'bps', message: 'FUND_RULE_INVALID' }] });
    }
  }

  async function insertRule(tx: Db, shopId: string, rule: ContributionRuleInput) {
    await tx.execute(sql`insert into contribution_rule (shop_id, kind, fixed_fen, bps, cap_fen, effective_from) values (${shopId}, ${rule.kind},
      ${rule.kind === 'fixed' ? (rule.fixedFen ?? DEFAULT_FIXED_FEN) : null}, ${rule.kind === 'bps' ? (rule.bps ?? null) : null}, ${rule.kind === 'bps' ? (rule.capFen ?? null) : null}, ${rule.effectiveFrom})
      on conflict (shop_id, effective_from) do update set kind = excluded.kind, fixed_fen = excluded.fixed_fen, bps = excluded.bps, cap_fen = excluded.cap_fen`);
  }

  const terminalOut = (r: Record<string, unknown>): PosTerminal => ({
    id: r.id as string,
    shopId: r.shop_id as string,
    name: r.name as string,
    keyId: r.key_id as string,
    status: r.status as PosTerminal['status'],
    keyCreatedAt: iso(r.key_created_at),
    lastSeenAt: r.last_seen_at ? iso(r.last_seen_at) : null,
    createdAt: iso(r.created_at),
  });

  async function terminalInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const [row] = rowsOf<Record<string, unknown>>(
      await tx.execute(
        sql`select t.* from pos_terminal t join fund_shop s on s.id = t.shop_id join org o on o.id = s.org_id where t.id = ${id} and ${scopeSql(scope, sql`o.path`)} ${lock ? sql`for update of t` : sql``}`,
      ),
    );
    if (!row) throw notFound('pos_terminal');
    return row;
  }

  const fundOut = (r: Record<string, unknown>): Fund => ({
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    orgId: r.org_id as string,
    orgName: r.org_name as string,
    breakfastsPerDay: Number(r.breakfasts_per_day),
    breakfastPriceFen: Number(r.breakfast_price_fen),
    minBalanceFen: Number(r.min_balance_fen),
    defaultCardValidUntil: (r.default_card_valid_until as string | null) ?? null,
    cardValidMonths: Number(r.card_valid_months),
    nextCardValidUntil: nextCardValidUntil({ defaultValidUntil: (r.default_card_valid_until as string | null) ?? null, validMonths: Number(r.card_valid_months) }, shanghaiDay(new Date())),
    balanceFen: Number(r.balance_fen),
    access: r.is_slice ? 'slice' : 'manage',
    version: Number(r.version),
  });
  const fundSelect = (where: SQL) =>
    sql`select f.*, o.name as org_name, f.default_card_valid_until::text as default_card_valid_until, (t.contributed_fen - t.breakfast_fen) as balance_fen from fund f join fund_total t on t.fund_id = f.id join org o on o.id = f.org_id where ${where} order by f.code`;

  return {
    getShop,

    async listShops(q: ListFundShopsQuery, scope: Scope): Promise<Page<FundShop>> {
      const where = sql.join(
        [
          scopeSql(scope, sql`o.path`),
          q.q ? sql`(s.name like ${`%${q.q}%`} or s.code like ${`%${q.q.toUpperCase()}%`} or p.name like ${`%${q.q}%`})` : sql`true`,
          q.positionId ? sql`s.position_id = ${q.positionId}` : sql`true`,
          q.status ? sql`s.status = ${q.status}` : sql`true`,
        ],
        sql` and `,
      );
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from fund_shop s join position p on p.id = s.position_id join org o on o.id = s.org_id where ${where}`),
      );
      const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`${shopSelect(where)} order by s.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`));
      return { items: rows.map(shopOut), total: n, page: q.page, pageSize: q.pageSize };
    },

    async createShop(input: CreateFundShop, ctx: Ctx): Promise<FundShopDetail> {
      if (input.rule) checkRule(input.rule);
      return db.transaction(async (tx) => {
        const [pos] = rowsOf<{ id: string; code: string; name: string; org_id: string; path: string }>(
          await tx.execute(sql`select p.id, p.code, p.name, p.org_id, o.path from position p join org o on o.id = p.org_id where p.id = ${input.positionId} and ${scopeSql(ctx.scope, sql`o.path`)}`),
        );
        if (!pos) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'positionId', message: 'FUND_POSITION_INVALID' }] });
        // The fund is the one of the nearest org above the position that has one.
        const [f] = rowsOf<{ id: string }>(await tx.execute(sql`select f.id from fund f join org o on o.id = f.org_id where ${pos.path} like o.path || '%' order by length(o.path) desc limit 1`));
        if (!f) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'positionId', message: 'FUND_POSITION_INVALID' }] });
        const [shop] = rowsOf<{ id: string }>(
          await tx.execute(sql`insert into fund_shop (code, name, fund_id, position_id, org_id, operator_name, operator_credit_code)
            values (${input.code}, ${input.name}, ${f.id}, ${pos.id}, ${pos.org_id}, ${input.operatorName}, ${input.operatorCreditCode ?? null}) returning id`),
        );
        await insertRule(tx, shop!.id, input.rule ?? { kind: 'fixed', fixedFen: DEFAULT_FIXED_FEN, effectiveFrom: shanghaiDay(new Date()) });
        await ensureShopAccounts(tx, f.id, { id: shop!.id, code: input.code, name: input.name }, pos);
        await recordAudit(tx, ctx.audit, {
          action: 'fund_shop.create',
          entityType: 'fund_shop',
          entityId: shop!.id,
          orgId: pos.org_id,
          after: { code: input.code, name: input.name, operatorName: input.operatorName },
        });
        return getShop(shop!.id, ctx.scope, tx);
      });
    },

    async updateShop(id: string, input: UpdateFundShop, ctx: Ctx): Promise<FundShopDetail> {
      return db.transaction(async (tx) => {
        const before = await getShop(id, ctx.scope, tx);
        const res = rowsOf(
          await tx.execute(sql`update fund_shop set name = coalesce(${input.name ?? null}, name), operator_name = coalesce(${input.operatorName ?? null}, operator_name),
            operator_credit_code = ${input.operatorCreditCode === undefined ? sql`operator_credit_code` : input.operatorCreditCode}, status = coalesce(${input.status ?? null}, status),
            version = version + 1, updated_at = now() where id = ${id} and version = ${input.version} returning id`),
        );
        if (!res.length) throw versionConflict(input.version, before.version);
        // A closed shop sells nothing and serves no breakfast: its terminals are suspended with it
        // (and resumed when it reopens; a revoked terminal stays revoked). Redemptions share-lock
        // the shop's row, so none is approved after this commits.
        let terminals: { id: string }[] = [];
        if (before.status !== 'closed' && input.status === 'closed') {
          terminals = rowsOf<{ id: string }>(await tx.execute(sql`update pos_terminal set status = 'suspended' where shop_id = ${id} and status = 'active' returning id`));
        } else if (before.status === 'closed' && input.status === 'active') {
          terminals = rowsOf<{ id: string }>(await tx.execute(sql`update pos_terminal set status = 'active' where shop_id = ${id} and status = 'suspended' returning id`));
        }
        const after = await getShop(id, ctx.scope, tx);
        await recordAudit(tx, ctx.audit, {
          action: 'fund_shop.update',
          entityType: 'fund_shop',
          entityId: id,
          orgId: after.orgId,
          before: { name: before.name, status: before.status, operatorName: before.operatorName },
          after: { name: after.name, status: after.status, operatorName: after.operatorName },
        });
        for (const t of terminals) {
          const status = input.status === 'closed' ? 'suspended' : 'active';
          await recordAudit(tx, ctx.audit, {
            action: `pos_terminal.${input.status === 'closed' ? 'suspend' : 'resume'}`,
            entityType: 'pos_terminal',
            entityId: t.id,
            orgId: after.orgId,
            after: { status, reason: 'fund_shop.status' },
          });
        }
        return after;
      });
    },

    async addRule(id: string, rule: ContributionRuleInput, ctx: Ctx): Promise<FundShopDetail> {
      checkRule(rule);
      return db.transaction(async (tx) => {
        const shop = await getShop(id, ctx.scope, tx);
        await insertRule(tx, id, rule);
        await recordAudit(tx, ctx.audit, { action: 'fund_shop.rule', entityType: 'fund_shop', entityId: id, orgId: shop.orgId, after: rule });
        return getShop(id, ctx.scope, tx);
      });
    },

    async listTerminals(q: { shopId?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<PosTerminal>> {
      const where = sql`${scopeSql(scope, sql`o.path`)} and ${q.shopId ? sql`t.shop_id = ${q.shopId}` : sql`true`}`;
      const from = sql`from pos_terminal t join fund_shop s on s.id = t.shop_id join org o on o.id = s.org_id where ${where}`;
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${from}`));
      const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`select t.* ${from} order by t.created_at limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`));
      return { items: rows.map(terminalOut), total: n, page: q.page, pageSize: q.pageSize };
    },

    async createTerminal(input: CreatePosTerminal, ctx: Ctx): Promise<PosTerminalKey> {
      return db.transaction(async (tx) => {
        const shop = await getShop(input.shopId, ctx.scope, tx);
        const key = generateTerminalKey();
        const [row] = rowsOf<Record<string, unknown>>(
          await tx.execute(
            sql`insert into pos_terminal (shop_id, name, key_id, secret_enc) values (${shop.id}, ${input.name}, ${key.keyId}, ${encryptField(dataKeys, TERMINAL_SECRET_PURPOSE, key.secret)}) returning *`,
          ),
        );
        await recordAudit(tx, ctx.audit, { action: 'pos_terminal.create', entityType: 'pos_terminal', entityId: row!.id as string, orgId: shop.orgId, after: { name: input.name, keyId: key.keyId } });
        return { terminal: terminalOut(row!), ...key };
      });
    },

    async rotateTerminal(id: string, ctx: Ctx): Promise<PosTerminalKey> {
      return db.transaction(async (tx) => {
        const before = await terminalInScope(tx, id, ctx.scope, true);
        if (before.status !== 'active') throw new AppError(before.status === 'suspended' ? 'FUND_TERMINAL_SUSPENDED' : 'FUND_TERMINAL_REVOKED', { status: 409 });
        const key = generateTerminalKey();
        const [row] = rowsOf<Record<string, unknown>>(
          await tx.execute(
            sql`update pos_terminal set key_id = ${key.keyId}, secret_enc = ${encryptField(dataKeys, TERMINAL_SECRET_PURPOSE, key.secret)}, key_created_at = now() where id = ${id} returning *`,
          ),
        );
        await recordAudit(tx, ctx.audit, { action: 'pos_terminal.rotate', entityType: 'pos_terminal', entityId: id, before: { keyId: before.key_id }, after: { keyId: key.keyId } });
        return { terminal: terminalOut(row!), ...key };
      });
    },

    async revokeTerminal(id: string, ctx: Ctx): Promise<PosTerminal> {
      return db.transaction(async (tx) => {
        await terminalInScope(tx, id, ctx.scope, true);
        const [row] = rowsOf<Record<string, unknown>>(await tx.execute(sql`update pos_terminal set status = 'revoked' where id = ${id} returning *`));
        await recordAudit(tx, ctx.audit, { action: 'pos_terminal.revoke', entityType: 'pos_terminal', entityId: id, after: { status: 'revoked' } });
        return terminalOut(row!);
      });
    },

    /** The funds the caller runs; for a street admin below a fund, that fund as a slice (read only). */
    async listFunds(scope: Scope): Promise<Page<Fund>> {
      let rows = rowsOf<Record<string, unknown>>(await db.execute(fundSelect(scopeSql(scope, sql`o.path`))));
      if (!rows.length) {
        const above = await findFundFor(db, scope).catch(() => null);
        if (above) rows = rowsOf<Record<string, unknown>>(await db.execute(fundSelect(sql`f.id = ${above.id}`))).map((r) => ({ ...r, is_slice: true }));
      }
      return { items: rows.map(fundOut), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
    },

    async getFund(id: string, scope: Scope, tx: Db = db): Promise<Fund> {
      const [row] = rowsOf<Record<string, unknown>>(await tx.execute(fundSelect(sql`f.id = ${id} and ${scopeSql(scope, sql`o.path`)}`)));
      if (!row) throw notFound('fund');
      return fundOut(row);
    },

    async updateFund(id: string, input: UpdateFund, ctx: Ctx): Promise<Fund> {
      return db.transaction(async (tx) => {
        const before = await this.getFund(id, ctx.scope, tx);
        const res = rowsOf(
          await tx.execute(sql`update fund set name = coalesce(${input.name ?? null}, name), breakfasts_per_day = coalesce(${input.breakfastsPerDay ?? null}, breakfasts_per_day),
            breakfast_price_fen = coalesce(${input.breakfastPriceFen ?? null}, breakfast_price_fen), min_balance_fen = coalesce(${input.minBalanceFen ?? null}, min_balance_fen),
            default_card_valid_until = ${input.defaultCardValidUntil === undefined ? sql`default_card_valid_until` : input.defaultCardValidUntil},
            card_valid_months = coalesce(${input.cardValidMonths ?? null}, card_valid_months), version = version + 1
            where id = ${id} and version = ${input.version} returning id`),
        );
        if (!res.length) throw versionConflict(input.version, before.version);
        const after = await this.getFund(id, ctx.scope, tx);
        await recordAudit(tx, ctx.audit, { action: 'fund.update', entityType: 'fund', entityId: id, orgId: after.orgId, before, after });
        return after;
      });
    },
  };
}

export type ShopsService = ReturnType<typeof createShopsService>;

/** The ledger accounts a shop needs: its contributions, and the breakfasts of its station. */
export async function ensureShopAccounts(tx: Db, fundId: string, shop: { id: string; code: string; name: string }, pos: { id: string; code: string; name: string }): Promise<void> {
  await tx.execute(
    sql`insert into fund_account (fund_id, code, kind, name, shop_id) values (${fundId}, ${`shop:${shop.code}`}, 'shop_contributions', ${`${shop.name} 捐赠`}, ${shop.id}) on conflict do nothing`,
  );
  await tx.execute(
    sql`insert into fund_account (fund_id, code, kind, name, position_id) values (${fundId}, ${`station:${pos.code}`}, 'station_breakfasts', ${`${pos.name} 早餐`}, ${pos.id}) on conflict do nothing`,
  );
}

/** A fund with its totals row and its money accounts. */
export async function createFundRow(tx: Db, values: { code: string; name: string; orgId: string; breakfastPriceFen?: number; defaultCardValidUntil?: string | null }): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(
      sql`insert into fund (code, name, org_id, breakfast_price_fen, default_card_valid_until) values (${values.code}, ${values.name}, ${values.orgId}, ${values.breakfastPriceFen ?? 800}, ${values.defaultCardValidUntil ?? null}) returning id`,
    ),
  );
  const id = row!.id;
  await tx.execute(sql`insert into fund_total (fund_id) values (${id})`);
  await tx.execute(
    sql`insert into fund_account (fund_id, code, kind, name) values (${id}, 'collected', 'collected', '待缴存（经营方代收）'), (${id}, 'custodian', 'custodian', '托管账户'), (${id}, 'adjustments', 'adjustments', '调整')`,
  );
  return id;
}
