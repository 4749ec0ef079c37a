import crypto from 'node:crypto';
import { checkIdNumber, makeCardNumber, normaliseIdNumber } from '@niangjia/contracts';
import type { BreakfastCard, BreakfastRedemption, CardReason, IssueBreakfastCard, ListBreakfastCardsQuery, MyBreakfastCard, Page, ReissueCard } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { keyedHash, type Secrets } from '../../platform/secrets';
import { cardCheckCode, makeCardQr } from './breakfast-qr';
import { shanghaiDay } from './contribution';
import { rowsOf } from './ledger';
import { findFundById, findFundFor, nextCardValidUntil, type FundAccess } from './fund-access';
import { scopeSql, type Ctx } from './shops.service';
import { notifyCardIssued } from './cards.notify';

export const PHONE_HASH_PURPOSE = 'breakfast_card.phone';

export const ID_NUMBER_HASH_PURPOSE = 'breakfast_card.id_number';

/** A fresh card number in the one format (contracts/card-number): this year and a random serial. */
export const newCardNumber = (now = new Date()): string => makeCardNumber(now.getUTCFullYear(), crypto.randomInt(0, 10_000_000));

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function createCardsService({ db, secrets }: { db: Db; secrets: Secrets }) {
  const today = () => shanghaiDay(new Date());
  const cardSelect = (where: SQL) => sql`select c.*, c.valid_until::text as valid_until, r.number as replaced_by_number, o.path as org_path, o.name as org_name,
      (select count(*)::int from breakfast_redemption b where b.card_id = c.id and b.status = 'approved' and b.service_day = ${today()}::date) as today_used,
      (select count(*)::int from breakfast_redemption b where b.card_id = c.id and b.status = 'approved') as total_used
    from breakfast_card c join org o on o.id = c.org_id left join breakfast_card r on r.id = c.replaced_by_id where ${where}`;
  const cardOut = (r: Record<string, unknown>): BreakfastCard => ({
    id: r.id as string,
    number: r.number as string,
    fundId: r.fund_id as string,
    org: { id: r.org_id as string, name: r.org_name as string },
    holderName: r.holder_name as string,
    holderPhoneMasked: (r.phone_masked as string | null) ?? null,
    employer: (r.employer as string | null) ?? null,
    status: r.status as BreakfastCard['status'],
    validUntil: r.valid_until as string,
    isExpired: (r.valid_until as string) < today(),
    suspendedReason: (r.suspended_reason as string | null) ?? null,
    replacedByNumber: (r.replaced_by_number as string | null) ?? null,
    checkCode: cardCheckCode(secrets, r.number as string),
    redeemedToday: Number(r.today_used),
    totalRedemptions: Number(r.total_used),
    issuedAt: iso(r.issued_at),
    version: Number(r.version),
  });

  async function getCard(id: string, scope: Scope, tx: Db = db): Promise<BreakfastCard> {
    const [row] = rowsOf<Record<string, unknown>>(await tx.execute(cardSelect(sql`c.id = ${id} and ${scopeSql(scope, sql`o.path`)}`)));
    if (!row) throw notFound('breakfast_card');
    return cardOut(row);
  }

  /**
   * The fund the caller works on: the one nearest their grant, or — when the request names an org
   * (`orgId`) — the fund of that org (its own or its nearest ancestor's, else the nearest below
   * it). The org must be in scope: out of scope is "not found", as everywhere (issue 9: `orgId`
   * was accepted and ignored, so a platform admin only ever reached the first fund).
   */
  async function fundInScope(tx: Db, scope: Scope, orgId?: string | null): Promise<{ id: string; defaultValidUntil: string | null; orgId: string }> {
    let near = sql`true`;
    let order = sql`length(o.path), f.code`;
    if (orgId) {
      const [target] = rowsOf<{ path: string }>(await tx.execute(sql`select path from org where id = ${orgId}`));
      if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
      near = sql`(${target.path} like o.path || '%' or o.path like ${target.path} || '%')`;
      const isAbove = sql`${target.path} like o.path || '%'`;
      order = sql`case when ${isAbove} then 0 else 1 end, case when ${isAbove} then -length(o.path) else length(o.path) end, f.code`;
    }
    const [f] = rowsOf<{ id: string; d: string | null; org_id: string }>(
      await tx.execute(sql`select f.id, f.default_card_valid_until::text as d, f.org_id from fund f join org o on o.id = f.org_id where ${scopeSql(scope, sql`o.path`)} and ${near} order by ${order} limit 1`),
    );
    if (!f) throw notFound('fund');
    return { id: f.id, defaultValidUntil: f.d, orgId: f.org_id };
  }

  const fundFor = (tx: Db, scope: Scope) => findFundFor(tx, scope);
  const fundById = (tx: Db, fundId: string, scope: Scope) => findFundById(tx, fundId, scope);

  /**
   * The org a new card belongs to (its issuer's unit, which scopes who sees it): the one named if
   * it is in the caller's scope and under the fund, else the caller's own root (the fund's org for
   * a platform admin).
   */
  async function issuingOrg(tx: Db, fund: FundAccess, scope: Scope, orgId?: string): Promise<string> {
    if (orgId) {
      const [o] = rowsOf<{ id: string }>(await tx.execute(sql`select id from org where id = ${orgId} and path like ${`${fund.orgPath}%`} and ${scopeSql(scope, sql`path`)}`));
      if (!o) throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'orgId', message: 'FUND_CARD_ORG_INVALID' }] });
      return o.id;
    }
    if (scope === 'all' || !fund.slice) return fund.orgId;
    const [o] = rowsOf<{ id: string }>(await tx.execute(sql`select id from org where path = any(${sql.param(scope)}::text[]) order by length(path) limit 1`));
    return o?.id ?? fund.orgId;
  }

  const defaultValidUntil = (fund: FundAccess) => nextCardValidUntil(fund, today());

  /**
   * One card per person per fund (active or suspended): a second card for the same phone or ID
   * number is refused, naming the card the person holds. The partial unique indexes hold the rule
   * under races; this check gives the answer a name.
   */
  async function refuseSecondCard(tx: Db, fundId: string, holder: { phoneHash: string | null; idNumberHash: string | null }, exceptId?: string): Promise<void> {
    if (!holder.phoneHash && !holder.idNumberHash) return;
    const [held] = rowsOf<{ number: string; holder_name: string; by_phone: boolean }>(
      await tx.execute(sql`select number, holder_name, phone_hash = ${holder.phoneHash} as by_phone from breakfast_card
        where fund_id = ${fundId} and status <> 'replaced' and (phone_hash = ${holder.phoneHash} or id_number_hash = ${holder.idNumberHash}) ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`),
    );
    if (held) {
      throw new AppError('FUND_CARD_HOLDER_HAS_CARD', {
        status: 409,
        params: { number: held.number, name: held.holder_name },
        errors: [{ path: held.by_phone ? 'phone' : 'idNumber', message: 'FUND_CARD_HOLDER_HAS_CARD' }],
      });
    }
  }

  /** Inserts a card with a fresh number (a clash of random numbers is retried). */
  async function insertCard(
    tx: Db,
    values: { fundId: string; orgId: string; holderName: string; phoneHash: string | null; phoneMasked: string | null; idNumberHash?: string | null; employer: string | null; validUntil: string; importId?: string | null },
  ): Promise<string> {
    await refuseSecondCard(tx, values.fundId, { phoneHash: values.phoneHash, idNumberHash: values.idNumberHash ?? null });
    for (let attempt = 0; ; attempt++) {
      const rows = rowsOf<{ id: string }>(
        await tx.execute(sql`insert into breakfast_card (fund_id, org_id, number, holder_name, phone_hash, phone_masked, id_number_hash, employer, valid_until, import_id)
          values (${values.fundId}, ${values.orgId}, ${newCardNumber()}, ${values.holderName}, ${values.phoneHash}, ${values.phoneMasked}, ${values.idNumberHash ?? null}, ${values.employer}, ${values.validUntil}, ${values.importId ?? null})
          on conflict (number) do nothing returning id`),
      );
      if (rows[0]) return rows[0].id;
      if (attempt > 5) throw new Error('could not find a free card number');
    }
  }

  /** A holder's ID number, checked (GB 11643) and normalised; only its keyed hash is kept. */
  function checkedIdNumber(value: string): string {
    const checked = checkIdNumber(value, today());
    // A card is not a membership: the union's minimum age does not apply.
    if (!checked.ok && checked.problem !== 'ID_NUMBER_UNDER_16') throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'idNumber', message: checked.problem }] });
    return checked.ok ? checked.info.value : normaliseIdNumber(value);
  }

  async function changeStatus(id: string, version: number, ctx: Ctx, action: string, from: string[], set: SQL, tx: Db): Promise<BreakfastCard> {
    const before = await getCard(id, ctx.scope, tx);
    if (!from.includes(before.status)) throw new AppError('FUND_CARD_STATUS_INVALID', { status: 409 });
    const res = rowsOf(await tx.execute(sql`update breakfast_card set ${set}, version = version + 1, updated_at = now() where id = ${id} and version = ${version} returning id`));
    if (!res.length) throw versionConflict(version, before.version);
    const after = await getCard(id, ctx.scope, tx);
    await recordAudit(tx, ctx.audit, { action: `breakfast_card.${action}`, entityType: 'breakfast_card', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return after;
  }

  return {
    getCard,
    fundInScope,
    fundFor,
    fundById,
    issuingOrg,
    defaultValidUntil,
    insertCard,

    async listCards(q: ListBreakfastCardsQuery, scope: Scope): Promise<Page<BreakfastCard>> {
      const where = sql`${scopeSql(scope, sql`o.path`)} and ${q.status ? sql`c.status = ${q.status}` : sql`true`} and ${q.q ? sql`(c.number like ${`%${q.q.toUpperCase()}%`} or c.holder_name like ${`%${q.q}%`} or c.employer like ${`%${q.q}%`})` : sql`true`}`;
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from breakfast_card c join org o on o.id = c.org_id where ${where}`));
      const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`${cardSelect(where)} order by c.issued_at desc, c.number limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`));
      return { items: rows.map(cardOut), total: n, page: q.page, pageSize: q.pageSize };
    },

    async issueCard(input: IssueBreakfastCard, ctx: Ctx): Promise<BreakfastCard> {
      return db.transaction(async (tx) => {
        const fund = await fundFor(tx, ctx.scope);
        const orgId = await issuingOrg(tx, fund, ctx.scope, input.orgId);
        const id = await insertCard(tx, {
          fundId: fund.id,
          orgId,
          holderName: input.holderName,
          phoneHash: keyedHash(secrets, PHONE_HASH_PURPOSE, input.phone),
          phoneMasked: maskPhone(input.phone),
          idNumberHash: input.idNumber ? keyedHash(secrets, ID_NUMBER_HASH_PURPOSE, checkedIdNumber(input.idNumber)) : null,
          employer: input.employer ?? null,
          validUntil: input.validUntil ?? defaultValidUntil(fund),
        });
        const card = await getCard(id, ctx.scope, tx);
        await recordAudit(tx, ctx.audit, { action: 'breakfast_card.issue', entityType: 'breakfast_card', entityId: id, orgId, after: { number: card.number, holderName: card.holderName, phone: card.holderPhoneMasked } });
        await notifyCardIssued(tx, { cardId: id, number: card.number, validUntil: card.validUntil, phone: input.phone, orgId });
        return card;
      });
    },

    suspendCard: (id: string, input: CardReason, ctx: Ctx) => db.transaction((tx) => changeStatus(id, input.version, ctx, 'suspend', ['active'], sql`status = 'suspended', suspended_reason = ${input.reason}`, tx)),
    resumeCard: (id: string, version: number, ctx: Ctx) => db.transaction((tx) => changeStatus(id, version, ctx, 'resume', ['suspended'], sql`status = 'active', suspended_reason = null`, tx)),

    async reissueCard(id: string, input: ReissueCard, ctx: Ctx): Promise<BreakfastCard> {
      return db.transaction(async (tx) => {
        const old = await getCard(id, ctx.scope, tx);
        if (old.status === 'replaced') throw new AppError('FUND_CARD_STATUS_INVALID', { status: 409 });
        const [row] = rowsOf<{ phone_hash: string | null; phone_masked: string | null; id_number_hash: string | null }>(await tx.execute(sql`select phone_hash, phone_masked, id_number_hash from breakfast_card where id = ${id}`));
        // The old card is void first, so the holder's new card (same phone and ID: only their hashes
        // and mask were ever stored) is their one card of the fund.
        await changeStatus(id, input.version, ctx, 'replace', ['active', 'suspended'], sql`status = 'replaced', suspended_reason = ${input.reason}`, tx);
        const newId = await insertCard(tx, {
          fundId: old.fundId,
          orgId: old.org.id,
          holderName: old.holderName,
          phoneHash: row?.phone_hash ?? null,
          phoneMasked: row?.phone_masked ?? null,
          idNumberHash: row?.id_number_hash ?? null,
          employer: old.employer,
          validUntil: input.validUntil ?? old.validUntil,
        });
        await tx.execute(sql`update breakfast_card set replaced_by_id = ${newId} where id = ${id}`);
        return getCard(newId, ctx.scope, tx);
      });
    },

    async listRedemptions(cardId: string, q: { page: number; pageSize: number }, scope: Scope): Promise<Page<BreakfastRedemption>> {
      await getCard(cardId, scope);
      const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from breakfast_redemption where card_id = ${cardId}`));
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`select b.*, b.service_day::text as day, s.name as shop_name, p.name as station_name from breakfast_redemption b join fund_shop s on s.id = b.shop_id join position p on p.id = s.position_id
          where b.card_id = ${cardId} order by b.redeemed_at desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
      );
      return {
        items: rows.map((r) => ({
          id: r.id as string,
          cardNumber: r.card_number as string,
          stationName: r.station_name as string,
          shopName: r.shop_name as string,
          redeemedAt: iso(r.redeemed_at),
          serviceDay: r.day as string,
          status: r.status as 'approved' | 'refused',
          code: (r.code as string | null) ?? null,
          priceFen: r.price_fen == null ? null : Number(r.price_fen),
        })),
        total: n,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** The signed-in worker's cards, found by their phone's keyed hash. */
    async myCards(userId: string): Promise<MyBreakfastCard[]> {
      const [user] = rowsOf<{ phone: string | null }>(await db.execute(sql`select phone from app_user where id = ${userId}`));
      const phone = user?.phone;
      if (!phone) return [];
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`${cardSelect(sql`c.phone_hash = ${keyedHash(secrets, PHONE_HASH_PURPOSE, phone)} and c.status <> 'replaced'`)} order by c.issued_at desc`),
      );
      const funds = new Map(rowsOf<{ id: string; name: string; per_day: number }>(await db.execute(sql`select id, name, breakfasts_per_day as per_day from fund`)).map((f) => [f.id, f]));
      return rows.map((r) => {
        const card = cardOut(r);
        const { qr, expiresAt } = makeCardQr(secrets, card.number);
        const fund = funds.get(card.fundId);
        return { number: card.number, holderName: card.holderName, checkCode: card.checkCode, status: card.status, validUntil: card.validUntil, isExpired: card.isExpired, fundName: fund?.name ?? '', today: { used: card.redeemedToday, allowed: Number(fund?.per_day ?? 1) }, qr, qrExpiresAt: expiresAt.toISOString() };
      });
    },
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
