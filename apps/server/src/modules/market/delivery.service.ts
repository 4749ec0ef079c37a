import type { Order } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { findActiveMembershipOfUser, findMembershipOfCard } from '../members';
import { attendToken, isAttendToken } from './attend-token';
import type { FilesService } from './files.service';
import * as repo from './orders.repository';
import { toOrder } from './orders.service';
import { findProviderOfUser } from './providers.repository';
import { shanghaiDay, stateError, versionConflict, type MarketDeps, type UserCtx } from './shared';

/**
 * The provider's side of an order: confirm or decline with a reason, count attendance (members'
 * cards scanned at the door, or workers signing in with the service's QR code), record the
 * delivery with photos.
 */
export function createDeliveryService({ db, secrets, notifier, files, publicUrl, clock = () => new Date() }: MarketDeps & { files: FilesService; publicUrl: string }) {
  async function providerOrder(tx: Db, id: string, userId: string) {
    const provider = await findProviderOfUser(tx, userId);
    const o = await repo.findOrder(tx, id, true);
    if (!provider || !o || o.providerId !== provider.id) throw notFound('ENTITY_market_order');
    return { o, provider };
  }

  const statusError = (status: string) => new AppError('MARKET_ORDER_STATUS', { status: 409, params: { status: `ORDER_${status}` } });

  return {
    async confirm(id: string, version: number, ctx: UserCtx): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const { o, provider } = await providerOrder(tx, id, ctx.userId);
        if (o.version !== version) throw versionConflict(version, o.version);
        if (provider.status !== 'approved') throw new AppError('MARKET_PROVIDER_NOT_APPROVED', { status: 409 });
        if (o.status !== 'placed') throw statusError(o.status);
        await repo.updateOrder(tx, id, o.version, { status: 'confirmed', confirmedAt: clock() });
        await recordAudit(tx, ctx.audit, { action: 'market.order.confirm', entityType: 'market_order', entityId: id, orgId: o.orderingOrgId ?? o.districtOrgId, before: { status: o.status }, after: { status: 'confirmed' } });
        const changed = (await repo.findOrder(tx, id))!;
        await notifier.tell(tx, { kind: 'order_changed', order: changed, status: 'confirmed' });
        return changed;
      });
      return toOrder(result);
    },

    /** Declining gives the subsidy back to the union's cap and the budget. */
    async decline(id: string, input: { version: number; reason: string }, ctx: UserCtx): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const { o } = await providerOrder(tx, id, ctx.userId);
        if (o.version !== input.version) throw versionConflict(input.version, o.version);
        if (o.status !== 'placed') throw statusError(o.status);
        if (o.ruleId && o.orderingOrgId && o.subsidyFen > 0) await repo.releaseSubsidy(tx, o.ruleId, o.orderingOrgId, o.subsidyFen);
        await repo.updateOrder(tx, id, o.version, { status: 'declined', declineReason: input.reason, closedAt: clock() });
        await recordAudit(tx, ctx.audit, { action: 'market.order.decline', entityType: 'market_order', entityId: id, orgId: o.orderingOrgId ?? o.districtOrgId, before: { status: o.status }, after: { status: 'declined', reason: input.reason, released: o.subsidyFen } });
        const changed = (await repo.findOrder(tx, id))!;
        await notifier.tell(tx, { kind: 'order_changed', order: changed, status: 'declined' });
        return changed;
      });
      return toOrder(result);
    },

    /** A member's card scanned at the service: genuine, active, counted once per order. */
    async scanCard(id: string, token: string, ctx: UserCtx) {
      return db.transaction(async (tx) => {
        const { o } = await providerOrder(tx, id, ctx.userId);
        if (o.status !== 'confirmed') throw statusError(o.status);
        if (shanghaiDay(clock()) < o.serviceDate) throw stateError('MARKET_ATTEND_NOT_TODAY', { date: o.serviceDate });
        const m = await findMembershipOfCard(tx, secrets.key, token);
        if (!m) throw new AppError('MARKET_CARD_INVALID', { status: 400, errors: [{ path: 'token', message: 'MARKET_CARD_INVALID' }] });
        if (m.status !== 'active') throw stateError('MARKET_CARD_NOT_ACTIVE');
        const added = await repo.insertAttendance(tx, { orderId: id, membershipId: m.membershipId, userId: null, method: 'card', recordedBy: ctx.userId });
        const count = await repo.recountAttendance(tx, id);
        if (added) await recordAudit(tx, ctx.audit, { action: 'market.attendance.card', entityType: 'market_order', entityId: id, orgId: m.orgId, after: { membershipId: m.membershipId } });
        return { count, added, name: m.realName, union: m.orgName };
      });
    },

    /** The service's sign-in QR for workers' phones, valid on the service day only. */
    async attendanceQr(id: string, userId: string) {
      const { o } = await providerOrder(db, id, userId);
      if (o.status !== 'confirmed') throw statusError(o.status);
      const token = attendToken(secrets.key, o.id, o.serviceDate);
      return { token, url: `${publicUrl}/m/market/attend/${o.id}?t=${token}`, validOn: o.serviceDate };
    },

    /** A worker signs in at the service with its QR; a member is counted once however they come in. */
    async attend(orderId: string, token: string, ctx: UserCtx) {
      return db.transaction(async (tx) => {
        const o = await repo.findOrder(tx, orderId, true);
        if (!o || !isAttendToken(secrets.key, o.id, o.serviceDate, token)) throw new AppError('MARKET_ATTEND_TOKEN_INVALID', { status: 400 });
        if (o.status !== 'confirmed') throw statusError(o.status);
        if (shanghaiDay(clock()) !== o.serviceDate) throw stateError('MARKET_ATTEND_NOT_TODAY', { date: o.serviceDate });
        const m = await findActiveMembershipOfUser(tx, ctx.userId);
        const isNew = await repo.insertAttendance(tx, { orderId, membershipId: m?.membershipId ?? null, userId: ctx.userId, method: 'qr', recordedBy: ctx.userId });
        await repo.recountAttendance(tx, orderId);
        if (isNew) await recordAudit(tx, ctx.audit, { action: 'market.attendance.qr', entityType: 'market_order', entityId: orderId, orgId: o.orderingOrgId ?? o.districtOrgId, after: { userId: ctx.userId, membershipId: m?.membershipId ?? null } });
        return { project: o.title, provider: o.providerName, serviceDate: o.serviceDate, isNew };
      });
    },

    /** Delivered: on or after the service day, with photos; the attendance counted so far is the 人次. */
    async deliver(id: string, input: { version: number; photoIds: string[]; note?: string | null | undefined }, ctx: UserCtx): Promise<Order> {
      const result = await db.transaction(async (tx) => {
        const { o, provider } = await providerOrder(tx, id, ctx.userId);
        if (o.version !== input.version) throw versionConflict(input.version, o.version);
        if (o.status !== 'confirmed') throw statusError(o.status);
        if (shanghaiDay(clock()) < o.serviceDate) throw stateError('MARKET_DELIVERY_TOO_EARLY');
        await files.checkOwnFiles(tx, input.photoIds, { userId: ctx.userId, providerId: provider.id }, { path: 'photoIds', imagesOnly: true });
        const count = await repo.recountAttendance(tx, id);
        await repo.updateOrder(tx, id, o.version, { status: 'delivered', deliveredAt: clock(), deliveryPhotoIds: input.photoIds, deliveryNote: input.note ?? null });
        await recordAudit(tx, ctx.audit, { action: 'market.order.deliver', entityType: 'market_order', entityId: id, orgId: o.orderingOrgId ?? o.districtOrgId, before: { status: o.status }, after: { status: 'delivered', attendance: count, photos: input.photoIds.length } });
        const changed = (await repo.findOrder(tx, id))!;
        await notifier.tell(tx, { kind: 'order_changed', order: changed, status: 'delivered' });
        return changed;
      });
      return toOrder(result);
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
