import type { ListOrdersQuery, Order, Page, PlaceOrder, PlaceSelfOrder, Quote } from '@niangjia/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser } from '../members';
import { findOrgById } from '../orgs';
import * as repo from './orders.repository';
import * as projects from './projects.repository';
import { actsForProvider, findProvider, findProviderOfUser } from './providers.repository';
import { iso, isoOrNull, nextNumber, ownProviderError, scopeSql, shanghaiDay, stateError, versionConflict, type MarketDeps, type StaffCtx, type UserCtx } from './shared';
import { quoteOrder, yuan, type QuoteFigures } from './subsidy';
import type { SubsidyService } from './subsidy.service';

/** Unions that order services for their workers. */
const ORDERING_TYPES = ['grassroots', 'joint', 'community'];
/** Which format a place needs: a position is a station, an address the employer's site. */
const FORMAT_OF_PLACE = { position: 'station', address: 'on_site', online: 'online' } as const;

export function toOrder(o: repo.OrderRow): Order {
  return {
    id: o.id,
    number: o.number,
    project: { id: o.projectId, code: o.projectCode, title: o.title },
    versionId: o.versionId,
    versionNumber: o.versionNumber,
    provider: { id: o.providerId, name: o.providerName },
    district: { id: o.districtOrgId, name: o.districtName },
    orderingOrg: o.orderingOrgId ? { id: o.orderingOrgId, name: o.orderingName ?? '' } : null,
    isSelf: o.isSelf,
    orderedBy: o.orderedByName,
    serviceDate: o.serviceDate,
    startTime: o.startTime,
    headcount: o.headcount,
    sessions: o.sessions,
    placeKind: o.placeKind as Order['placeKind'],
    position: o.positionId ? { id: o.positionId, name: o.positionName ?? '' } : null,
    address: o.address,
    note: o.note,
    unitPriceFen: o.unitPriceFen,
    priceUnit: o.priceUnit as Order['priceUnit'],
    totalFen: o.totalFen,
    subsidyFen: o.subsidyFen,
    payableFen: o.payableFen,
    status: o.status as Order['status'],
    declineReason: o.declineReason,
    cancelReason: o.cancelReason,
    confirmedAt: isoOrNull(o.confirmedAt),
    deliveredAt: isoOrNull(o.deliveredAt),
    deliveryNote: o.deliveryNote,
    deliveryPhotoIds: o.deliveryPhotoIds,
    attendanceCount: o.attendanceCount,
    rating: o.rating,
    ratingComment: o.ratingComment,
    ratedAt: isoOrNull(o.ratedAt),
    createdAt: iso(o.createdAt),
    version: o.version,
  };
}

/** Who may see an order: staff in scope of its district or its ordering union, its provider, the worker who placed it. */
export type OrderViewer = { userId: string; scope: Scope };
export function canSeeOrder(o: repo.OrderRow, v: OrderViewer, providerId: string | null): boolean {
  return isInScope(v.scope, o.districtPath) || (o.orderingPath !== null && isInScope(v.scope, o.orderingPath)) || o.providerId === providerId || o.orderedBy === v.userId;
}

/** Ordering (点单) from the library: quotes with the subsidy, placing, listing, cancelling and rating. */
export function createOrdersService({ db, notifier, subsidy, clock = () => new Date() }: MarketDeps & { subsidy: SubsidyService }) {
  /** The listed project's approved version, and the refusals that do not depend on the orderer. */
  async function orderable(tx: Db, projectId: string, expectedVersionId: string | undefined) {
    const project = await projects.findProject(tx, projectId);
    if (!project || !project.isListed || !project.currentVersionId || project.providerStatus !== 'approved') throw stateError('MARKET_NOT_IN_LIBRARY');
    if (expectedVersionId && expectedVersionId !== project.currentVersionId) throw stateError('MARKET_PROJECT_CHANGED');
    const version = (await projects.findVersion(tx, project.currentVersionId))!;
    const provider = (await findProvider(tx, project.providerId))!;
    return { project, version, provider };
  }

  /** The union may order (type, scope) and the project serves it (district, service areas). */
  async function orderingUnion(tx: Db, orgId: string, scope: Scope, provider: { orgPath: string; serviceAreaOrgIds: string[] }) {
    const union = await findOrgById(tx, orgId);
    if (!union || !isInScope(scope, union.path)) throw notFound('ENTITY_org');
    if (!ORDERING_TYPES.includes(union.type)) throw fieldError('orderingOrgId', 'MARKET_NOT_A_UNION');
    await assertServes(tx, union.path, provider);
    return union;
  }

  async function assertServes(tx: Db, path: string, provider: { orgPath: string; serviceAreaOrgIds: string[] }) {
    if (!path.startsWith(provider.orgPath)) throw stateError('MARKET_OUTSIDE_AREA');
    if (provider.serviceAreaOrgIds.length) {
      for (const id of provider.serviceAreaOrgIds) {
        const area = await findOrgById(tx, id);
        if (area && path.startsWith(area.path)) return;
      }
      throw stateError('MARKET_OUTSIDE_AREA');
    }
  }

  async function quoteFor(tx: Db, districtId: string, unionId: string | null, version: projects.VersionRow, headcount: number, serviceDate: string) {
    const rule = await subsidy.ruleFor(tx, districtId, Number(serviceDate.slice(0, 4)));
    const committed = rule && unionId ? await repo.unionCommitted(tx, rule.id, unionId) : null;
    const figures = quoteOrder({ priceFen: Number(version.priceFen), priceUnit: version.priceUnit as 'session', capacity: version.capacity }, headcount, rule ? { ...rule } : null, unionId ? committed : null);
    return { rule, figures };
  }

  function refusalError(figures: QuoteFigures, year: number): AppError {
    const r = figures.refusal!;
    return new AppError(r.code, { status: 409, params: { year, remaining: yuan(r.remaining), needed: yuan(r.needed) } });
  }

  function checkPlace(input: { serviceDate: string; placeKind: 'position' | 'address' | 'online'; positionId?: string | null | undefined; address?: string | null | undefined }, formats: string[]) {
    if (input.serviceDate < shanghaiDay(clock())) throw fieldError('serviceDate', 'MARKET_DATE_PAST');
    if (!formats.includes(FORMAT_OF_PLACE[input.placeKind])) throw fieldError('placeKind', 'MARKET_FORMAT_UNAVAILABLE');
    if (input.placeKind === 'position' && !input.positionId) throw fieldError('positionId', 'MARKET_PLACE_REQUIRED');
    if (input.placeKind === 'address' && !input.address) throw fieldError('address', 'MARKET_PLACE_REQUIRED');
  }

  /**
   * Writes the order and takes its subsidy from the union's cap and the district's budget in the
   * same transaction; a refusal leaves nothing behind.
   */
  async function writeOrder(tx: Db, o: { project: projects.ProjectRow; version: projects.VersionRow; providerId: string; unionId: string | null; figures: QuoteFigures; ruleId: string | null; year: number; input: PlaceSelfOrder & { headcount: number }; positionId: string | null; isSelf: boolean; userId: string }) {
    if (o.figures.subsidyFen > 0 && o.ruleId && o.unionId) {
      const taken = await repo.commitSubsidy(tx, o.ruleId, o.unionId, o.figures.subsidyFen);
      if (taken !== 'ok') {
        const rule = (await repo.findRule(tx, o.ruleId))!;
        const remaining = taken === 'cap' ? rule.capPerUnionFen - (await repo.unionCommitted(tx, o.ruleId, o.unionId)) : rule.budgetFen - rule.committedFen;
        throw new AppError(taken === 'cap' ? 'MARKET_SUBSIDY_CAP_EXCEEDED' : 'MARKET_SUBSIDY_BUDGET_EXCEEDED', { status: 409, params: { year: o.year, remaining: yuan(Math.max(0, remaining)), needed: yuan(o.figures.subsidyFen) } });
      }
    }
    const now = clock();
    const ym = shanghaiDay(now).slice(0, 7).replace('-', '');
    const number = `DD${ym}${String(await nextNumber(tx, `order:${ym}`)).padStart(5, '0')}`;
    return repo.insertOrder(tx, {
      number,
      projectId: o.project.id,
      versionId: o.version.id,
      providerId: o.providerId,
      districtOrgId: o.project.orgId,
      orderingOrgId: o.unionId,
      orderedBy: o.userId,
      isSelf: o.isSelf,
      serviceDate: o.input.serviceDate,
      startTime: o.input.startTime ?? null,
      headcount: o.input.headcount,
      sessions: o.figures.sessions,
      placeKind: o.input.placeKind,
      positionId: o.positionId,
      address: o.input.placeKind === 'address' ? (o.input.address ?? null) : null,
      note: o.input.note ?? null,
      unitPriceFen: Number(o.version.priceFen),
      priceUnit: o.version.priceUnit,
      totalFen: o.figures.totalFen,
      subsidyFen: o.figures.subsidyFen,
      payableFen: o.figures.payableFen,
      ruleId: o.figures.subsidyFen > 0 ? o.ruleId : null,
      status: 'placed',
    });
  }

  return {
    /** What an order would cost and why it would be refused, before it is placed. */
    async quote(q: { projectId: string; orderingOrgId?: string | undefined; headcount: number; serviceDate: string }, viewer: OrderViewer): Promise<Quote> {
      const { project, version, provider } = await orderable(db, q.projectId, undefined);
      const union = q.orderingOrgId ? await orderingUnion(db, q.orderingOrgId, viewer.scope, provider) : null;
      const { rule, figures } = await quoteFor(db, project.orgId, union?.id ?? null, version, q.headcount, q.serviceDate);
      const year = Number(q.serviceDate.slice(0, 4));
      return {
        versionId: version.id,
        sessions: figures.sessions,
        unitPriceFen: Number(version.priceFen),
        priceUnit: version.priceUnit as Quote['priceUnit'],
        totalFen: figures.totalFen,
        subsidyFen: figures.subsidyFen,
        payableFen: figures.payableFen,
        rule: rule ? { id: rule.id, year: rule.year, percentBps: rule.percentBps, budgetRemainingFen: figures.budgetRemainingFen, capRemainingFen: figures.capRemainingFen } : null,
        refusal: figures.refusal ? refusalError(figures, year).code : null,
      };
    },

    /** A union orders for its workers. */
    async place(input: PlaceOrder, ctx: StaffCtx): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const { project, version, provider } = await orderable(tx, input.projectId, input.versionId);
        if (await actsForProvider(tx, provider.id, ctx.actor.userId)) throw ownProviderError();
        const union = await orderingUnion(tx, input.orderingOrgId, ctx.scope, provider);
        checkPlace(input, version.formats);
        const position = input.placeKind === 'position' ? await repo.findPositionIn(tx, input.positionId!, provider.orgPath) : undefined;
        if (input.placeKind === 'position' && !position) throw fieldError('positionId', 'NOT_FOUND');
        const year = Number(input.serviceDate.slice(0, 4));
        const { rule, figures } = await quoteFor(tx, project.orgId, union.id, version, input.headcount, input.serviceDate);
        if (figures.refusal) throw refusalError(figures, year);
        const id = await writeOrder(tx, { project, version, providerId: provider.id, unionId: union.id, figures, ruleId: rule?.id ?? null, year, input, positionId: position?.id ?? null, isSelf: false, userId: ctx.actor.userId });
        const order = (await repo.findOrder(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.order.place', entityType: 'market_order', entityId: id, orgId: union.id, after: { number: order.number, projectId: project.id, versionId: version.id, headcount: input.headcount, totalFen: figures.totalFen, subsidyFen: figures.subsidyFen } });
        await notifier.tell(tx, { kind: 'order_placed', order, actorId: ctx.actor.userId });
        return order;
      });
      return toOrder(result);
    },

    /** A worker orders for themself where the project allows it; a member's union subsidy applies. */
    async placeSelf(input: PlaceSelfOrder, ctx: UserCtx): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const { project, version, provider } = await orderable(tx, input.projectId, input.versionId);
        if (!version.allowsSelfOrder) throw stateError('MARKET_SELF_ORDER_NOT_ALLOWED');
        if (await actsForProvider(tx, provider.id, ctx.userId)) throw ownProviderError();
        checkPlace(input, version.formats);
        const membership = await findActiveMembershipOfUser(tx, ctx.userId);
        const unionId = membership && membership.orgPath.startsWith(provider.orgPath) ? membership.orgId : null;
        if (unionId) await assertServes(tx, membership!.orgPath, provider);
        const position = input.placeKind === 'position' ? await repo.findPositionIn(tx, input.positionId!, provider.orgPath) : undefined;
        if (input.placeKind === 'position' && !position) throw fieldError('positionId', 'NOT_FOUND');
        const year = Number(input.serviceDate.slice(0, 4));
        const { rule, figures } = await quoteFor(tx, project.orgId, unionId, version, 1, input.serviceDate);
        if (figures.refusal) throw refusalError(figures, year);
        if (rule && figures.subsidyFen > 0) {
          const held = await repo.lockPersonSubsidy(tx, rule.id, ctx.userId);
          if (held + figures.subsidyFen > rule.capPerPersonFen)
            throw new AppError('MARKET_SUBSIDY_PERSON_CAP_EXCEEDED', { status: 409, params: { year, remaining: yuan(Math.max(0, rule.capPerPersonFen - held)), needed: yuan(figures.subsidyFen) } });
        }
        const id = await writeOrder(tx, { project, version, providerId: provider.id, unionId, figures, ruleId: rule?.id ?? null, year, input: { ...input, headcount: 1 }, positionId: position?.id ?? null, isSelf: true, userId: ctx.userId });
        const order = (await repo.findOrder(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.order.place_self', entityType: 'market_order', entityId: id, orgId: unionId ?? project.orgId, after: { number: order.number, projectId: project.id, totalFen: figures.totalFen, subsidyFen: figures.subsidyFen } });
        await notifier.tell(tx, { kind: 'order_placed', order, actorId: ctx.userId });
        return order;
      });
      return toOrder(result);
    },

    /** Where a library project can be held at a station: the open positions of its district. */
    async positionsFor(projectId: string) {
      const { provider } = await orderable(db, projectId, undefined);
      return { items: await repo.listPositionsIn(db, provider.orgPath) };
    },

    async list(q: ListOrdersQuery, scope: Scope): Promise<Page<Order>> {
      const where: SQL[] = [sql`(${scopeSql(scope, sql`d.path`)} or (u.path is not null and ${scopeSql(scope, sql`u.path`)}))`];
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o) throw notFound('ENTITY_org');
        where.push(sql`(u.path like ${`${o.path}%`} or d.path like ${`${o.path}%`})`);
      }
      if (q.providerId) where.push(sql`m.provider_id = ${q.providerId}`);
      if (q.status) where.push(sql`m.status = ${q.status}`);
      if (q.month) where.push(sql`to_char(m.service_date, 'YYYY-MM') = ${q.month}`);
      if (q.q) where.push(sql`(m.number = ${q.q.toUpperCase()} or v.title ilike ${`%${q.q}%`} or pr.name ilike ${`%${q.q}%`} or u.name ilike ${`%${q.q}%`})`);
      const { items, total } = await repo.listOrders(db, sql.join(where, sql` and `), q.page, q.pageSize);
      return { items: items.map(toOrder), total, page: q.page, pageSize: q.pageSize };
    },

    async listForProvider(userId: string, q: ListOrdersQuery): Promise<Page<Order>> {
      const provider = await findProviderOfUser(db, userId);
      if (!provider) throw new AppError('MARKET_NO_PROVIDER', { status: 404 });
      const where: SQL[] = [sql`m.provider_id = ${provider.id}`];
      if (q.status) where.push(sql`m.status = ${q.status}`);
      if (q.month) where.push(sql`to_char(m.service_date, 'YYYY-MM') = ${q.month}`);
      const { items, total } = await repo.listOrders(db, sql.join(where, sql` and `), q.page, q.pageSize);
      return { items: items.map(toOrder), total, page: q.page, pageSize: q.pageSize };
    },

    async listForWorker(userId: string): Promise<{ items: Order[] }> {
      const { items } = await repo.listOrders(db, sql`m.ordered_by = ${userId} and m.is_self`, 1, 100);
      return { items: items.map(toOrder) };
    },

    async get(id: string, viewer: OrderViewer): Promise<Order> {
      const o = await repo.findOrder(db, id);
      const provider = await findProviderOfUser(db, viewer.userId);
      if (!o || !canSeeOrder(o, viewer, provider?.id ?? null)) throw notFound('ENTITY_market_order');
      return toOrder(o);
    },

    /**
     * The orderer cancels before the provider delivers; the subsidy goes back. A worker's own order
     * spends their union's subsidy, so the union's staff who may order (market.order over it) may
     * cancel it too, with a reason the worker is told.
     */
    async cancel(id: string, input: { version: number; reason: string }, viewer: OrderViewer & { audit: UserCtx['audit']; orderScope: Scope }): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const o = await repo.findOrder(tx, id, true);
        const isOrderer = o && (o.orderedBy === viewer.userId || (o.orderingPath !== null && isInScope(o.isSelf ? viewer.orderScope : viewer.scope, o.orderingPath)));
        if (!o || !isOrderer) throw notFound('ENTITY_market_order');
        if (o.version !== input.version) throw versionConflict(input.version, o.version);
        if (!['placed', 'confirmed'].includes(o.status)) throw new AppError('MARKET_ORDER_STATUS', { status: 409, params: { status: `ORDER_${o.status}` } });
        if (o.ruleId && o.orderingOrgId && o.subsidyFen > 0) await repo.releaseSubsidy(tx, o.ruleId, o.orderingOrgId, o.subsidyFen);
        await repo.updateOrder(tx, id, o.version, { status: 'cancelled', cancelReason: input.reason, closedAt: clock() });
        await recordAudit(tx, viewer.audit, { action: 'market.order.cancel', entityType: 'market_order', entityId: id, orgId: o.orderingOrgId ?? o.districtOrgId, before: { status: o.status }, after: { status: 'cancelled', reason: input.reason, released: o.subsidyFen } });
        const cancelled = (await repo.findOrder(tx, id))!;
        await notifier.tell(tx, { kind: 'order_cancelled', order: cancelled, actorId: viewer.userId });
        return cancelled;
      });
      return toOrder(result);
    },

    /** The orderer rates a delivered service once (1–5 and a comment). */
    async rate(id: string, input: { version: number; rating: number; comment?: string | null | undefined }, viewer: OrderViewer & { audit: UserCtx['audit'] }): Promise<Order> {
      return db.transaction(async (tx) => {
        const o = await repo.findOrder(tx, id, true);
        const isOrderer = o && (o.orderedBy === viewer.userId || (o.orderingPath !== null && !o.isSelf && isInScope(viewer.scope, o.orderingPath)));
        if (!o || !isOrderer) throw notFound('ENTITY_market_order');
        if (o.version !== input.version) throw versionConflict(input.version, o.version);
        if (o.status !== 'delivered') throw new AppError('MARKET_ORDER_STATUS', { status: 409, params: { status: `ORDER_${o.status}` } });
        if (o.rating !== null) throw stateError('MARKET_ALREADY_RATED');
        await repo.updateOrder(tx, id, o.version, { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: clock(), ratedBy: viewer.userId });
        await recordAudit(tx, viewer.audit, { action: 'market.order.rate', entityType: 'market_order', entityId: id, orgId: o.orderingOrgId ?? o.districtOrgId, after: { rating: input.rating, comment: input.comment ?? null } });
        const rated = (await repo.findOrder(tx, id))!;
        await notifier.tell(tx, { kind: 'order_rated', order: rated, actorId: viewer.userId });
        return toOrder(rated);
      });
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
