import { projectVersionInputSchema, type ListProjectsQuery, type Page, type Project, type ProjectDetail, type ProjectVersion, type ProjectVersionInput, type ReviewVersion, type SaveProjectDraft } from '@niangjia/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { fieldError } from '../../platform/validation';
import { findOrgById } from '../orgs';
import type { FilesService } from './files.service';
import * as repo from './projects.repository';
import { actsForProvider, findProviderOfUser, type ProviderRow } from './providers.repository';
import type { ProvidersService } from './providers.service';
import { iso, isoOrNull, isRelated, nextNumber, ownProviderError, relatedSql, stateError, versionConflict, type MarketDeps, type StaffCtx, type UserCtx } from './shared';
import { yuan } from './subsidy';

export function toVersion(v: repo.VersionRow): ProjectVersion {
  return {
    id: v.id,
    number: v.number,
    status: v.status as ProjectVersion['status'],
    title: v.title,
    category: v.category as ProjectVersion['category'],
    description: v.description,
    targetGroups: v.targetGroups as ProjectVersion['targetGroups'],
    formats: v.formats as ProjectVersion['formats'],
    priceFen: Number(v.priceFen),
    priceUnit: v.priceUnit as ProjectVersion['priceUnit'],
    capacity: v.capacity,
    durationMinutes: v.durationMinutes,
    allowsSelfOrder: v.allowsSelfOrder,
    photoIds: v.photoIds,
    attachmentIds: v.attachmentIds,
    reviewReason: v.reviewReason,
    reviewedAt: isoOrNull(v.reviewedAt),
    submittedAt: isoOrNull(v.submittedAt),
    createdAt: iso(v.createdAt),
  };
}

const versionValues = (input: ReturnType<typeof projectVersionInputSchema.parse>) => ({
  title: input.title,
  category: input.category,
  description: input.description,
  targetGroups: input.targetGroups,
  formats: input.formats,
  priceFen: input.priceFen,
  priceUnit: input.priceUnit,
  capacity: input.capacity,
  durationMinutes: input.durationMinutes,
  allowsSelfOrder: input.allowsSelfOrder,
  photoIds: input.photoIds,
  attachmentIds: input.attachmentIds,
});

/** Service projects: the provider's drafts and versions, the staff's review, admission to the library. */
export function createProjectsService({ db, notifier, files, providers, clock = () => new Date() }: MarketDeps & { files: FilesService; providers: ProvidersService }) {
  async function toProjects(rows: repo.ProjectRow[], tx: Db = db): Promise<Project[]> {
    const versions = await repo.listVersionsByIds(tx, rows.flatMap((r) => [r.currentVersionId, r.latestVersionId].filter((v): v is string => Boolean(v))));
    const byId = new Map(versions.map((v) => [v.id, v]));
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      provider: { id: r.providerId, name: r.providerName },
      org: { id: r.orgId, name: r.orgName },
      status: r.status as Project['status'],
      isListed: r.isListed,
      current: r.currentVersionId ? toVersion(byId.get(r.currentVersionId)!) : null,
      latest: toVersion(byId.get(r.latestVersionId!)!),
      openOrders: r.openOrders,
      version: r.version,
      updatedAt: iso(r.updatedAt),
    }));
  }

  async function detail(row: repo.ProjectRow, withTrackRecord: boolean, tx: Db = db): Promise<ProjectDetail> {
    const [project] = await toProjects([row], tx);
    const versions = await repo.listVersionsOfProject(tx, row.id);
    return { ...project!, versions: versions.map(toVersion), ...(withTrackRecord ? { trackRecord: await providers.trackRecord(row.providerId, tx) } : {}) };
  }

  async function myProvider(tx: Db, userId: string): Promise<ProviderRow> {
    const p = await findProviderOfUser(tx, userId);
    if (!p) throw new AppError('MARKET_NO_PROVIDER', { status: 404 });
    return p;
  }

  async function myProject(tx: Db, id: string, provider: ProviderRow, lock = false) {
    const row = await repo.findProject(tx, id, lock);
    if (!row || row.providerId !== provider.id) throw notFound('ENTITY_market_project');
    return row;
  }

  async function checkFiles(tx: Db, input: { photoIds: string[]; attachmentIds: string[] }, userId: string, provider: ProviderRow) {
    const who = { userId, providerId: provider.id };
    await files.checkOwnFiles(tx, input.photoIds, who, { path: 'photoIds', imagesOnly: true });
    await files.checkOwnFiles(tx, input.attachmentIds, who, { path: 'attachmentIds' });
  }

  /** A price change while placed or confirmed orders exist is refused (the issue's rule, point 8). */
  async function checkPriceLock(tx: Db, project: repo.ProjectRow, next: { priceFen: number; priceUnit: string }) {
    if (!project.currentVersionId || project.openOrders === 0) return;
    const current = (await repo.findVersion(tx, project.currentVersionId))!;
    if (Number(current.priceFen) === next.priceFen && current.priceUnit === next.priceUnit) return;
    throw new AppError('MARKET_PRICE_LOCKED', { status: 409, params: { orders: project.openOrders, price: yuan(Number(current.priceFen)) }, errors: [{ path: 'priceFen', message: 'MARKET_PRICE_LOCKED' }] });
  }

  async function staffProject(tx: Db, id: string, scope: Scope, lock = false) {
    const row = await repo.findProject(tx, id, lock);
    if (!row || !isInScope(scope, row.orgPath)) throw notFound('ENTITY_market_project');
    return row;
  }

  return {
    toProjects,

    async listMine(userId: string): Promise<Project[]> {
      const provider = await myProvider(db, userId);
      const { items } = await repo.listProjects(db, { where: [sql`p.provider_id = ${provider.id}`], page: 1, pageSize: 200 });
      return toProjects(items);
    },

    async getMine(id: string, userId: string): Promise<ProjectDetail> {
      const provider = await myProvider(db, userId);
      return detail(await myProject(db, id, provider), false);
    },

    async createMine(raw: ProjectVersionInput, ctx: UserCtx): Promise<ProjectDetail> {
      const input = projectVersionInputSchema.parse(raw);
      return db.transaction(async (tx) => {
        const provider = await myProvider(tx, ctx.userId);
        if (provider.status === 'suspended') throw stateError('MARKET_PROVIDER_STATUS', { status: 'PROVIDER_suspended', decision: 'DECISION_approve' });
        await checkFiles(tx, input, ctx.userId, provider);
        const year = clock().getUTCFullYear();
        const code = `XM${year}${String(await nextNumber(tx, `project:${year}`)).padStart(4, '0')}`;
        const id = await repo.insertProject(tx, { code, providerId: provider.id, orgId: provider.orgId, status: 'draft' });
        const v = await repo.insertVersion(tx, { projectId: id, number: 1, status: 'draft', ...versionValues(input), createdBy: ctx.userId });
        await repo.updateProject(tx, id, 1, { latestVersionId: v.id });
        await recordAudit(tx, ctx.audit, { action: 'market.project.create', entityType: 'market_project', entityId: id, orgId: provider.orgId, after: { code, title: input.title, priceFen: input.priceFen } });
        return detail((await repo.findProject(tx, id))!, false, tx);
      });
    },

    /**
     * Saves what the provider typed: into the draft or returned version, or — for an approved
     * project — as a new version that staff review while the approved one stays in the library.
     */
    async saveDraft(id: string, raw: SaveProjectDraft, ctx: UserCtx): Promise<ProjectDetail> {
      const { version, ...rest } = raw;
      const input = projectVersionInputSchema.parse(rest);
      return db.transaction(async (tx) => {
        const provider = await myProvider(tx, ctx.userId);
        const project = await myProject(tx, id, provider, true);
        if (project.version !== version) throw versionConflict(version, project.version);
        await checkFiles(tx, input, ctx.userId, provider);
        await checkPriceLock(tx, project, input);
        const latest = (await repo.findVersion(tx, project.latestVersionId!))!;
        if (latest.status === 'pending') throw stateError('MARKET_PROJECT_STATUS');
        let versionId = latest.id;
        if (latest.status === 'draft' || latest.status === 'returned') {
          await repo.updateVersion(tx, latest.id, { ...versionValues(input), status: 'draft', reviewReason: latest.status === 'returned' ? latest.reviewReason : null });
        } else {
          const next = await repo.insertVersion(tx, { projectId: id, number: latest.number + 1, status: 'draft', ...versionValues(input), createdBy: ctx.userId });
          versionId = next.id;
        }
        await repo.updateProject(tx, id, project.version, { latestVersionId: versionId });
        await recordAudit(tx, ctx.audit, { action: 'market.project.save', entityType: 'market_project', entityId: id, orgId: project.orgId, after: { versionId, title: input.title, priceFen: input.priceFen } });
        return detail((await repo.findProject(tx, id))!, false, tx);
      });
    },

    async submitMine(id: string, version: number, ctx: UserCtx): Promise<ProjectDetail> {
      return db.transaction(async (tx) => {
        const provider = await myProvider(tx, ctx.userId);
        if (provider.status !== 'approved') throw new AppError('MARKET_PROVIDER_NOT_APPROVED', { status: 409 });
        const project = await myProject(tx, id, provider, true);
        if (project.version !== version) throw versionConflict(version, project.version);
        const latest = (await repo.findVersion(tx, project.latestVersionId!))!;
        if (latest.status !== 'draft' && latest.status !== 'returned') throw stateError('MARKET_PROJECT_STATUS');
        await checkPriceLock(tx, project, { priceFen: Number(latest.priceFen), priceUnit: latest.priceUnit });
        await repo.updateVersion(tx, latest.id, { status: 'pending', submittedAt: clock() });
        await repo.updateProject(tx, id, project.version, { status: project.currentVersionId ? project.status : 'pending' });
        await recordAudit(tx, ctx.audit, { action: 'market.project.submit', entityType: 'market_project', entityId: id, orgId: project.orgId, after: { versionId: latest.id, number: latest.number } });
        await notifier.tell(tx, { kind: 'version_submitted', projectId: id, title: latest.title, orgId: project.orgId, actorId: ctx.userId });
        return detail((await repo.findProject(tx, id))!, false, tx);
      });
    },

    async list(q: ListProjectsQuery, scope: Scope): Promise<Page<Project>> {
      const where = [relatedSql(scope, sql`o.path`)];
      if (q.orgId) {
        const o = await findOrgById(db, q.orgId);
        if (!o) throw notFound('ENTITY_org');
        where.push(sql`o.path like ${`${o.path}%`}`);
      }
      if (q.providerId) where.push(sql`p.provider_id = ${q.providerId}`);
      if (q.status) where.push(sql`p.status = ${q.status}`);
      if (q.isPending) where.push(sql`exists (select 1 from market_project_version v where v.project_id = p.id and v.status = 'pending')`);
      if (q.isListed) where.push(sql`p.is_listed = ${q.isListed === 'true'}`);
      if (q.category) where.push(sql`(select category from market_project_version v where v.id = p.latest_version_id) = ${q.category}`);
      if (q.q) where.push(sql`(p.code = ${q.q.toUpperCase()} or pr.name ilike ${`%${q.q}%`} or exists (select 1 from market_project_version v where v.project_id = p.id and v.title ilike ${`%${q.q}%`}))`);
      const { items, total } = await repo.listProjects(db, { where, page: q.page, pageSize: q.pageSize });
      return { items: await toProjects(items), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string, scope: Scope): Promise<ProjectDetail> {
      const row = await repo.findProject(db, id);
      if (!row || !isRelated(scope, row.orgPath)) throw notFound('ENTITY_market_project');
      return detail(row, true);
    },

    /** Approve a pending version (it becomes what the library shows and new orders use) or return it with reasons. */
    async review(id: string, input: ReviewVersion, ctx: StaffCtx): Promise<ProjectDetail> {
      if (input.decision === 'return' && !input.reason?.trim()) throw fieldError('reason', 'MARKET_REASON_REQUIRED');
      const result = await db.transaction(async (tx) => {
        const project = await staffProject(tx, id, ctx.scope, true);
        if (await actsForProvider(tx, project.providerId, ctx.actor.userId)) throw ownProviderError();
        const v = await repo.findVersion(tx, input.versionId);
        if (!v || v.projectId !== id) throw notFound('ENTITY_market_project');
        if (v.status !== 'pending') throw stateError('MARKET_VERSION_NOT_PENDING');
        const reviewed = { reviewReason: input.reason?.trim() || null, reviewedBy: ctx.actor.userId, reviewedAt: clock() };
        if (input.decision === 'approve') {
          if (project.currentVersionId) await repo.updateVersion(tx, project.currentVersionId, { status: 'superseded' });
          await repo.updateVersion(tx, v.id, { status: 'approved', ...reviewed });
          await repo.updateProject(tx, id, project.version, { status: 'approved', currentVersionId: v.id });
        } else {
          await repo.updateVersion(tx, v.id, { status: 'returned', ...reviewed });
          await repo.updateProject(tx, id, project.version, { status: project.currentVersionId ? 'approved' : 'returned' });
        }
        await recordAudit(tx, ctx.audit, {
          action: `market.project.${input.decision}`,
          entityType: 'market_project',
          entityId: id,
          orgId: project.orgId,
          before: { currentVersionId: project.currentVersionId },
          after: { versionId: v.id, number: v.number, reason: input.reason ?? null },
        });
        await notifier.tell(tx, { kind: 'version_reviewed', providerId: project.providerId, projectId: id, title: v.title, orgId: project.orgId, decision: input.decision, reason: input.reason?.trim() || null });
        return detail((await repo.findProject(tx, id))!, true, tx);
      });
      return result;
    },

    /** Admit a project with an approved version to the district's library, or take it out. */
    async setListing(id: string, input: { version: number; isListed: boolean }, ctx: StaffCtx): Promise<ProjectDetail> {
      return db.transaction(async (tx) => {
        const project = await staffProject(tx, id, ctx.scope, true);
        if (project.version !== input.version) throw versionConflict(input.version, project.version);
        if (input.isListed && !project.currentVersionId) throw stateError('MARKET_PROJECT_NOT_APPROVED');
        await repo.updateProject(tx, id, project.version, { isListed: input.isListed, listedAt: input.isListed ? clock() : null });
        await recordAudit(tx, ctx.audit, { action: input.isListed ? 'market.project.list' : 'market.project.unlist', entityType: 'market_project', entityId: id, orgId: project.orgId, before: { isListed: project.isListed }, after: { isListed: input.isListed } });
        return detail((await repo.findProject(tx, id))!, true, tx);
      });
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
