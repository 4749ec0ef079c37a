import type { Issue, IssueCategory, IssueStatus, PublicPosition, Rate, ReportIssue } from '@niangjia/contracts';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { AppError, notFound } from '../../platform/errors';
import { maskPhone } from '../../platform/logger';
import { enforceRateLimit } from '../../platform/rate-limit';
import { fieldError } from '../../platform/validation';
import { hoursText, isOpenAt, position, wgs84ToGcj02, type Schedule } from '../positions';
import { notifyIssueAssigned, notifyIssueReported, notifyIssueResolved } from './feedback.notify';
import * as repo from './feedback.repository';
import { assertOwnPhotos, shanghaiDate, type StarsService } from './stars.service';
import * as starsRepo from './stars.repository';
import './stars.errors';

export type WorkerActor = { userId: string; audit: AuditContext };
export type StaffActor = { userId: string; scope: Scope; audit: AuditContext };

/** Roles that handle reports at a position (the people an issue can be assigned to). */
const HANDLER_ROLES = ['union_admin', 'union_staff', 'station_operator'];
/** A worker may file this many reports an hour (all positions together). */
const REPORTS_PER_HOUR = 10;

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function toIssue(r: repo.IssueWithRefs, withReporter: boolean): Issue {
  const i = r.issue;
  return {
    id: i.id,
    number: i.number,
    position: { id: i.positionId, code: r.code, name: r.name },
    category: i.category as IssueCategory,
    text: i.text,
    photoId: i.photoId,
    status: i.status as IssueStatus,
    assignee: i.assigneeId ? { id: i.assigneeId, name: r.assigneeName ?? '' } : null,
    resolutionNote: i.resolutionNote,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    ...(withReporter
      ? {
          reporter: {
            name: r.reporterName,
            phoneMasked: maskPhone(r.reporterPhone),
          },
        }
      : {}),
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export function createFeedbackService({ db, stars, clock = () => new Date() }: { db: Db; stars: StarsService; clock?: () => Date }) {
  async function byCode(tx: Db, code: string) {
    const row = await starsRepo.findRatedPosition(tx, eq(position.code, code));
    // Planned and building positions have nobody to rate or to report to yet.
    if (!row || row.status === 'planned' || row.status === 'building') throw notFound('ENTITY_position');
    return row;
  }

  async function scopedIssue(tx: Db, id: string, scope: Scope) {
    const row = await repo.findIssue(tx, id);
    if (!row || !isInScope(scope, row.orgPath)) throw notFound('ENTITY_issue');
    return row;
  }

  return {
    /** The public page and the sign: what the position offers and when; nothing about any person. */
    async publicPosition(code: string): Promise<PublicPosition> {
      const found = await byCode(db, code);
      const full = (await starsRepo.findPositionRow(db, found.id))!;
      const schedule: Schedule = {
        is24h: full.is24h,
        weekly: full.weeklyHours as Schedule['weekly'],
        exceptions: (full.exceptions ?? []) as Schedule['exceptions'],
      };
      const now = clock();
      const year = stars.currentYear();
      const current = (await stars.summaryOf(found.id, year))!;
      let lastYear: PublicPosition['rating']['lastYear'] = null;
      if (current.stars === null) {
        const last = await stars.summaryOf(found.id, year - 1);
        if (last?.stars) lastYear = { year: year - 1, stars: last.stars };
      }
      const [gLng, gLat] = wgs84ToGcj02(full.lng, full.lat);
      return {
        code: full.code,
        name: full.name,
        type: full.type,
        orgName: found.orgName,
        address: full.address,
        location: { lng: full.lng, lat: full.lat },
        locationGcj02: { lng: round6(gLng), lat: round6(gLat) },
        status: full.status,
        is24h: full.is24h,
        weekly: schedule.weekly,
        todayHours: full.status === 'open' ? hoursText(schedule, now).ranges : [],
        isOpenNow: full.status === 'open' && isOpenAt(schedule, now),
        serves: full.serves,
        facilities: full.facilities,
        contactPhone: full.contactPhone,
        rating: {
          year,
          stars: current.stars,
          lastYear,
          average: current.ratingAverage,
          count: current.ratingCount,
        },
      };
    },

    async myRatingAt(code: string, userId: string) {
      const p = await byCode(db, code);
      const month = shanghaiDate(clock()).slice(0, 7);
      const row = await repo.findRating(db, p.id, userId, month);
      return row
        ? {
            month,
            stars: row.stars,
            comment: row.comment,
            updatedAt: row.updatedAt.toISOString(),
          }
        : null;
    },

    /** One rating per worker, position and month (Asia/Shanghai); rating again that month replaces it. */
    async rate(code: string, input: Rate, actor: WorkerActor) {
      return db.transaction(async (tx) => {
        const p = await byCode(tx, code);
        const month = shanghaiDate(clock()).slice(0, 7);
        const before = await repo.findRating(tx, p.id, actor.userId, month);
        const row = await repo.upsertRating(tx, {
          positionId: p.id,
          userId: actor.userId,
          month,
          stars: input.stars,
          comment: input.comment || null,
        });
        await recordAudit(tx, actor.audit, {
          action: before ? 'rating.update' : 'rating.create',
          entityType: 'position',
          entityId: p.id,
          orgId: p.orgId,
          before: before ? { stars: before.stars } : null,
          after: { month, stars: row.stars },
        });
        return {
          month,
          stars: row.stars,
          comment: row.comment,
          updatedAt: row.updatedAt.toISOString(),
        };
      });
    },

    async report(code: string, input: ReportIssue, actor: WorkerActor): Promise<Issue> {
      await enforceRateLimit(
        db,
        {
          key: `issue-report:${actor.userId}`,
          limit: REPORTS_PER_HOUR,
          windowSeconds: 3600,
        },
        clock(),
      );
      const id = await db.transaction(async (tx) => {
        const p = await byCode(tx, code);
        if (input.photoId) await assertOwnPhotos(tx, [input.photoId], actor.userId, 'photoId');
        const number = `FK${shanghaiDate(clock()).replace(/-/g, '')}${randomBytes(3).toString('hex').toUpperCase()}`;
        const row = await repo.insertIssue(tx, {
          number,
          positionId: p.id,
          reporterId: actor.userId,
          category: input.category,
          text: input.text,
          photoId: input.photoId ?? null,
        });
        await recordAudit(tx, actor.audit, {
          action: 'issue.report',
          entityType: 'position_issue',
          entityId: row.id,
          orgId: p.orgId,
          after: {
            number,
            category: row.category,
            position: p.code,
            photo: !!row.photoId,
          },
        });
        await notifyIssueReported(tx, { id: row.id, number, category: row.category, positionName: p.name, orgId: p.orgId });
        return row.id;
      });
      return toIssue((await repo.findIssue(db, id))!, false);
    },

    async mine(userId: string) {
      const [issues, ratings] = await Promise.all([repo.listIssuesOfUser(db, userId), repo.listRatingsOfUser(db, userId)]);
      return {
        issues: issues.map((r) => toIssue(r, false)),
        ratings: ratings.map((r) => ({
          month: r.rating.month,
          stars: r.rating.stars,
          comment: r.rating.comment,
          updatedAt: r.rating.updatedAt.toISOString(),
          position: { code: r.code, name: r.name },
        })),
      };
    },

    async listIssues(query: repo.IssueFilter & { page: number; pageSize: number }) {
      const { items, total } = await repo.pageIssues(db, query, {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: items.map((r) => toIssue(r, true)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async getIssue(id: string, scope: Scope): Promise<Issue> {
      return toIssue(await scopedIssue(db, id, scope), true);
    },

    async assignees(id: string, scope: Scope) {
      const issue = await scopedIssue(db, id, scope);
      return repo.listStaffCovering(db, issue.orgPath, HANDLER_ROLES);
    },

    async assign(id: string, input: { userId: string; version: number }, actor: StaffActor): Promise<Issue> {
      await db.transaction(async (tx) => {
        const current = await scopedIssue(tx, id, actor.scope);
        if (current.issue.status === 'resolved') throw new AppError('ISSUE_ALREADY_RESOLVED', { status: 409 });
        const allowed = await repo.listStaffCovering(tx, current.orgPath, HANDLER_ROLES);
        if (!allowed.some((u) => u.id === input.userId)) throw fieldError('userId', 'ISSUE_ASSIGNEE_INVALID');
        const updated = await repo.updateIssueIfVersion(tx, id, input.version, {
          assigneeId: input.userId,
          status: 'assigned',
        });
        if (!updated)
          throw new AppError('VERSION_CONFLICT', {
            params: { sent: input.version, current: current.issue.version },
          });
        await recordAudit(tx, actor.audit, {
          action: 'issue.assign',
          entityType: 'position_issue',
          entityId: id,
          orgId: current.orgId,
          before: {
            status: current.issue.status,
            assigneeId: current.issue.assigneeId,
          },
          after: { status: 'assigned', assigneeId: input.userId },
        });
        await notifyIssueAssigned(tx, { id, number: current.issue.number, category: current.issue.category, positionName: current.name, orgId: current.orgId, assigneeId: input.userId, actorId: actor.userId });
      });
      return this.getIssue(id, actor.scope);
    },

    async resolve(id: string, input: { note: string; version: number }, actor: StaffActor): Promise<Issue> {
      await db.transaction(async (tx) => {
        const current = await scopedIssue(tx, id, actor.scope);
        if (current.issue.status === 'resolved') throw new AppError('ISSUE_ALREADY_RESOLVED', { status: 409 });
        const updated = await repo.updateIssueIfVersion(tx, id, input.version, {
          status: 'resolved',
          resolutionNote: input.note,
          resolvedAt: clock(),
          resolvedBy: actor.userId,
        });
        if (!updated)
          throw new AppError('VERSION_CONFLICT', {
            params: { sent: input.version, current: current.issue.version },
          });
        await recordAudit(tx, actor.audit, {
          action: 'issue.resolve',
          entityType: 'position_issue',
          entityId: id,
          orgId: current.orgId,
          before: { status: current.issue.status },
          after: { status: 'resolved', note: input.note },
        });
        await notifyIssueResolved(tx, { id, number: current.issue.number, category: current.issue.category, positionName: current.name, orgId: current.orgId, reporterId: current.issue.reporterId, note: input.note });
      });
      return this.getIssue(id, actor.scope);
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
