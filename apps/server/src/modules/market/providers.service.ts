import type { ListProvidersQuery, Page, Provider, ProviderDetail, RegisterProvider, ReviewProvider, TrackRecord, UpdateProvider } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { diffSnapshots, recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { fieldError } from '../../platform/validation';
import { ensureRoleGrant } from '../accounts';
import { checkCreditCode, findOrgById } from '../orgs';
import type { FilesService } from './files.service';
import * as repo from './providers.repository';
import { iso, isoOrNull, ownProviderError, stateError, versionConflict, type MarketDeps, type StaffCtx, type UserCtx } from './shared';

type ProviderFields = Omit<RegisterProvider, 'orgId'>;

/** What the audit log keeps of a provider (the contact phone masked). */
const snapshot = (p: repo.ProviderRow) => ({ name: p.name, creditCode: p.creditCode, type: p.type, contactName: p.contactName, contactPhone: maskPhone(p.contactPhone), status: p.status, serviceAreaOrgIds: p.serviceAreaOrgIds });

export function createProvidersService({ db, notifier, files }: MarketDeps & { files: FilesService }) {
  async function toProvider(p: repo.ProviderRow, isOwn: boolean, tx: Db = db): Promise<Provider> {
    const areas = await repo.listOrgRefs(tx, p.serviceAreaOrgIds);
    return {
      id: p.id,
      org: { id: p.orgId, name: p.orgName },
      name: p.name,
      creditCode: p.creditCode,
      type: p.type as Provider['type'],
      contactName: p.contactName,
      contactPhone: isOwn ? p.contactPhone : (maskPhone(p.contactPhone) ?? ''),
      address: p.address,
      intro: p.intro,
      serviceAreas: p.serviceAreaOrgIds.flatMap((id) => areas.filter((a) => a.id === id).map((a) => ({ id: a.id, name: a.name }))),
      qualifications: await files.briefs(p.qualificationFileIds, tx),
      status: p.status as Provider['status'],
      reviewReason: p.reviewReason,
      reviewedAt: isoOrNull(p.reviewedAt),
      projectCount: p.projectCount,
      version: p.version,
      createdAt: iso(p.createdAt),
    };
  }

  /** GB 32100, the service areas inside the district, the files the registrant's own. */
  async function checkFields(tx: Db, input: ProviderFields, districtPath: string, who: { userId: string; providerId: string | null }) {
    const problem = checkCreditCode(input.creditCode);
    if (problem) throw fieldError('creditCode', problem);
    const areas = await repo.listOrgRefs(tx, input.serviceAreaOrgIds ?? []);
    (input.serviceAreaOrgIds ?? []).forEach((id, i) => {
      const area = areas.find((a) => a.id === id);
      if (!area || !area.path.startsWith(districtPath)) throw fieldError(`serviceAreaOrgIds.${i}`, 'MARKET_AREA_OUTSIDE');
    });
    await files.checkOwnFiles(tx, input.qualificationFileIds ?? [], who, { path: 'qualificationFileIds' });
  }

  const values = (input: ProviderFields) => ({
    name: input.name,
    creditCode: input.creditCode,
    type: input.type,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    address: input.address ?? null,
    intro: input.intro ?? null,
    serviceAreaOrgIds: input.serviceAreaOrgIds ?? [],
    qualificationFileIds: input.qualificationFileIds ?? [],
  });

  async function trackRecord(providerId: string, tx: Db = db): Promise<TrackRecord> {
    const t = await repo.findTrackRecord(tx, providerId);
    return {
      deliveredOrders: Number(t.orders.delivered),
      attendance: Number(t.orders.attendance),
      ratingAverage: t.orders.rating_avg === null ? null : Math.round(Number(t.orders.rating_avg) * 10) / 10,
      ratingCount: Number(t.orders.rating_count),
      declinedOrders: Number(t.orders.declined),
      entries: t.entries.map((e) => ({ seasonId: e.season_id, seasonTitle: e.title, year: Number(e.year), projectTitle: e.project_title, status: e.status, prize: e.prize === null ? null : Number(e.prize) })),
      recentComments: t.comments.map((c) => ({ rating: Number(c.rating), comment: c.comment, union: c.union_name, at: iso(c.rated_at) })),
    };
  }

  async function inScope(id: string, scope: Scope, tx: Db = db, lock = false) {
    const p = await repo.findProvider(tx, id, lock);
    if (!p || !isInScope(scope, p.orgPath)) throw notFound('ENTITY_market_provider');
    return p;
  }

  return {
    trackRecord,
    listDistricts: async () => ({ items: await repo.listDistricts(db) }),

    /** Anyone signed in (by phone code) registers an organisation; staff of the district review it. */
    async register(input: RegisterProvider, ctx: UserCtx): Promise<Provider> {
      return db.transaction(async (tx) => {
        if (await repo.findProviderOfUser(tx, ctx.userId)) throw new AppError('MARKET_PROVIDER_EXISTS', { status: 409 });
        const district = await findOrgById(tx, input.orgId);
        if (!district || district.type !== 'district') throw fieldError('orgId', 'MARKET_NOT_A_DISTRICT');
        await checkFields(tx, input, district.path, { userId: ctx.userId, providerId: null });
        const id = await repo.insertProvider(tx, { ...values(input), orgId: district.id, status: 'pending', createdBy: ctx.userId });
        await repo.linkProviderUser(tx, id, ctx.userId);
        await files.setProvider(tx, input.qualificationFileIds ?? [], id);
        // The portal's menu and routes go by the provider role; what it may touch goes by the link above.
        await ensureRoleGrant(tx, { userId: ctx.userId, role: 'provider', orgId: district.id, grantedBy: null }, ctx.audit);
        const row = (await repo.findProvider(tx, id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.provider.register', entityType: 'market_provider', entityId: id, orgId: district.id, after: snapshot(row) });
        await notifier.tell(tx, { kind: 'provider_registered', providerId: id, name: row.name, orgId: district.id, actorId: ctx.userId });
        return toProvider(row, true, tx);
      });
    },

    async getMine(userId: string): Promise<{ provider: Provider | null }> {
      const p = await repo.findProviderOfUser(db, userId);
      return { provider: p ? await toProvider(p, true) : null };
    },

    /** Edits by the provider; a returned registration goes back to review, as does an approved one whose identity changed. */
    async updateMine(input: UpdateProvider, ctx: UserCtx): Promise<Provider> {
      return db.transaction(async (tx) => {
        const mine = await repo.findProviderOfUser(tx, ctx.userId);
        if (!mine) throw notFound('ENTITY_market_provider');
        if (mine.version !== input.version) throw versionConflict(input.version, mine.version);
        if (mine.status === 'suspended') throw new AppError('MARKET_PROVIDER_STATUS', { status: 409, params: { status: 'PROVIDER_suspended', decision: 'DECISION_return' } });
        await checkFields(tx, input, mine.orgPath, { userId: ctx.userId, providerId: mine.id });
        const identityChanged = input.name !== mine.name || input.creditCode !== mine.creditCode || input.type !== mine.type;
        const status = mine.status === 'returned' || (mine.status === 'approved' && identityChanged) ? 'pending' : mine.status;
        if (!(await repo.updateProvider(tx, mine.id, input.version, { ...values(input), status }))) throw versionConflict(input.version, mine.version + 1);
        await files.setProvider(tx, input.qualificationFileIds ?? [], mine.id);
        const row = (await repo.findProvider(tx, mine.id))!;
        await recordAudit(tx, ctx.audit, { action: 'market.provider.update', entityType: 'market_provider', entityId: mine.id, orgId: mine.orgId, ...diffSnapshots(snapshot(mine), snapshot(row)) });
        return toProvider(row, true, tx);
      });
    },

    async list(q: ListProvidersQuery, scope: Scope): Promise<Page<Provider>> {
      let underPath: string | undefined;
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o || !isInScope(scope, o.path)) throw notFound('ENTITY_org');
        underPath = o.path;
      }
      const { items, total } = await repo.listProviders(db, { scope, underPath, status: q.status, type: q.type, q: q.q, page: q.page, pageSize: q.pageSize });
      return { items: await Promise.all(items.map((p) => toProvider(p, false))), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string, scope: Scope): Promise<ProviderDetail> {
      const p = await inScope(id, scope);
      return { ...(await toProvider(p, false)), trackRecord: await trackRecord(id) };
    },

    /** approve (pending/returned → approved), return with reasons, suspend, reinstate. */
    async review(id: string, input: ReviewProvider, ctx: StaffCtx): Promise<ProviderDetail> {
      const next: Record<ReviewProvider['decision'], { from: string[]; to: string; needsReason: boolean }> = {
        approve: { from: ['pending', 'returned'], to: 'approved', needsReason: false },
        return: { from: ['pending'], to: 'returned', needsReason: true },
        suspend: { from: ['approved'], to: 'suspended', needsReason: true },
        reinstate: { from: ['suspended'], to: 'approved', needsReason: false },
      };
      const rule = next[input.decision];
      if (rule.needsReason && !input.reason?.trim()) throw fieldError('reason', 'MARKET_REASON_REQUIRED');
      const result = await db.transaction(async (tx) => {
        const p = await inScope(id, ctx.scope, tx, true);
        if (await repo.actsForProvider(tx, id, ctx.actor.userId)) throw ownProviderError();
        if (p.version !== input.version) throw versionConflict(input.version, p.version);
        if (!rule.from.includes(p.status)) throw stateError('MARKET_PROVIDER_STATUS', { status: `PROVIDER_${p.status}`, decision: `DECISION_${input.decision}` });
        await repo.updateProvider(tx, id, p.version, { status: rule.to, reviewReason: input.reason?.trim() || null, reviewedBy: ctx.actor.userId, reviewedAt: new Date() });
        await recordAudit(tx, ctx.audit, { action: `market.provider.${input.decision}`, entityType: 'market_provider', entityId: id, orgId: p.orgId, before: { status: p.status }, after: { status: rule.to, reason: input.reason ?? null } });
        await notifier.tell(tx, { kind: 'provider_reviewed', providerId: id, name: p.name, orgId: p.orgId, decision: input.decision, reason: input.reason?.trim() || null });
        return loadDetail(tx, id);
      });
      return result;
    },
  };

  async function loadDetail(tx: Db, id: string): Promise<ProviderDetail> {
    const p = (await repo.findProvider(tx, id))!;
    return { ...(await toProvider(p, false, tx)), trackRecord: await trackRecord(id, tx) };
  }
}

export type ProvidersService = ReturnType<typeof createProvidersService>;
