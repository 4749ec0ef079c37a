import type { CreateNotice, FeedNotice, ListNoticesQuery, Notice, NoticeFeed, NoticeFeedQuery, NoticeStatus, Page, UpdateNotice } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { systemClock, type Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import { findOrgById } from '../orgs';
import * as repo from './notices.repository';
import './notices.errors';

export type NoticesActor = { scope: Scope; audit: AuditContext };

/** In lists on the phone, a notice shows its first lines only. */
const EXCERPT_CHARS = 80;

const toNotice = (r: repo.NoticeWithOrg): Notice => ({
  id: r.notice.id,
  org: { id: r.notice.orgId, code: r.orgCode, name: r.orgName },
  title: r.notice.title,
  body: r.notice.body,
  status: r.notice.status as NoticeStatus,
  isPinned: r.notice.isPinned,
  publishedAt: r.notice.publishedAt?.toISOString() ?? null,
  createdByName: r.notice.createdByName,
  version: r.notice.version,
  createdAt: r.notice.createdAt.toISOString(),
  updatedAt: r.notice.updatedAt.toISOString(),
});

const stateError = (status: string) => new AppError('NOTICE_STATE', { status: 409, detail: 'NOTICE_STATE_DETAIL', params: { status: `NOTICE_STATUS_${status}` } });

/**
 * 通知公告: staff write notices for their union's subtree (draft → published → withdrawn);
 * workers read the published notices of every union from their own up to the root.
 */
export function createNoticesService({ db, clock = systemClock }: { db: Db; clock?: Clock }) {
  async function getScoped(tx: Db, id: string, scope: Scope) {
    const row = await repo.findNotice(tx, id);
    if (!row || !isInScope(scope, row.orgPath)) throw notFound('ENTITY_notice');
    return row;
  }

  async function change(id: string, version: number, actor: NoticesActor, action: string, from: readonly string[], values: Parameters<typeof repo.updateNoticeIfVersion>[3]): Promise<Notice> {
    return db.transaction(async (tx) => {
      const current = await getScoped(tx, id, actor.scope);
      if (!from.includes(current.notice.status)) throw stateError(current.notice.status);
      const updated = await repo.updateNoticeIfVersion(tx, id, version, values);
      if (!updated) throw new AppError('VERSION_CONFLICT', { detail: 'VERSION_CONFLICT_DETAIL', params: { sent: version, current: current.notice.version } });
      await recordAudit(tx, actor.audit, { action: `notice.${action}`, entityType: 'notice', entityId: id, orgId: updated.orgId, before: { status: current.notice.status, title: current.notice.title }, after: { status: updated.status, title: updated.title, isPinned: updated.isPinned } });
      return toNotice({ ...current, notice: updated });
    });
  }

  /** The orgs whose notices a worker sees (nearest first), or the roots for someone signed out. */
  async function chainOf(userId: string | null): Promise<string[]> {
    const path = userId ? await repo.findWorkerOrgPath(db, userId) : undefined;
    return path ? path.split('/').filter(Boolean).reverse() : await repo.listRootOrgIds(db);
  }

  return {
    async listNotices(q: ListNoticesQuery, scope: Scope): Promise<Page<Notice>> {
      let underPath: string | undefined;
      if (q.orgId) {
        const target = await findOrgById(db, q.orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
        underPath = target.path;
      }
      const { items, total } = await repo.listNotices(db, { scope, underPath, status: q.status, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      return { items: items.map(toNotice), total, page: q.page, pageSize: q.pageSize };
    },

    getNotice: async (id: string, scope: Scope) => toNotice(await getScoped(db, id, scope)),

    async createNotice(input: CreateNotice, actor: NoticesActor): Promise<Notice> {
      return db.transaction(async (tx) => {
        const target = await findOrgById(tx, input.orgId);
        if (!target || !isInScope(actor.scope, target.path)) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        const now = clock();
        const row = await repo.insertNotice(tx, {
          orgId: target.id,
          title: input.title,
          body: input.body,
          isPinned: input.isPinned ?? false,
          status: input.publish ? 'published' : 'draft',
          publishedAt: input.publish ? now : null,
          createdBy: actor.audit.actorId,
          createdByName: actor.audit.actorName,
        });
        await recordAudit(tx, actor.audit, { action: input.publish ? 'notice.publish' : 'notice.create', entityType: 'notice', entityId: row.id, orgId: target.id, after: { title: row.title, status: row.status, isPinned: row.isPinned } });
        return toNotice({ notice: row, orgCode: target.code, orgName: target.name, orgPath: target.path });
      });
    },

    updateNotice: (id: string, input: UpdateNotice, actor: NoticesActor) =>
      change(id, input.version, actor, 'update', ['draft', 'published'], {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(input.isPinned !== undefined ? { isPinned: input.isPinned } : {}),
      }),
    publishNotice: (id: string, version: number, actor: NoticesActor) => change(id, version, actor, 'publish', ['draft', 'withdrawn'], { status: 'published', publishedAt: clock(), withdrawnAt: null }),
    withdrawNotice: (id: string, version: number, actor: NoticesActor) => change(id, version, actor, 'withdraw', ['published'], { status: 'withdrawn', withdrawnAt: clock() }),

    /** The phone's notices: the worker's union chain (or the tops of the tree when signed out). */
    async feed(userId: string | null, q: NoticeFeedQuery): Promise<NoticeFeed> {
      const chain = await chainOf(userId);
      const rows = await repo.listPublishedOf(db, chain, { limit: q.limit, before: q.before ? new Date(q.before) : undefined });
      const names = userId ? await repo.findOrgNames(db, chain) : new Map<string, string>();
      return {
        items: rows.map((r) => feedItem(r, true)),
        chain: chain.map((id) => names.get(id)).filter((n): n is string => !!n),
      };
    },

    /** One notice in full, if it reaches this worker (404 otherwise). */
    async feedNotice(userId: string | null, id: string): Promise<FeedNotice> {
      const chain = await chainOf(userId);
      const row = await repo.findNotice(db, id);
      if (!row || row.notice.status !== 'published' || !chain.includes(row.notice.orgId)) throw notFound('ENTITY_notice');
      return feedItem({ notice: row.notice, orgName: row.orgName }, false);
    },
  };
}

function feedItem(r: { notice: repo.NoticeWithOrg['notice']; orgName: string }, isExcerpt: boolean): FeedNotice {
  const body = r.notice.body;
  return {
    id: r.notice.id,
    orgName: r.orgName,
    title: r.notice.title,
    body: isExcerpt && body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS)}…` : body,
    isPinned: r.notice.isPinned,
    publishedAt: r.notice.publishedAt!.toISOString(),
  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
