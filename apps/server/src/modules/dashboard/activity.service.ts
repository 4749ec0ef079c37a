import type { ActivityItem, ActivityQuery } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { SEED_ACTOR } from '../../platform/audit/audit.service';
import { isInScope, type Scope } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { findOrgById } from '../orgs';
import * as repo from './activity.repository';

/** Where each kind of item is handled in the console. */
const LINKS: Record<string, (id: string, after: Record<string, unknown>) => string | null> = {
  member: (id) => `/admin/members/${id}`,
  org: (id) => `/admin/orgs/${id}`,
  position: (id) => `/admin/positions/${id}`,
  position_issue: (id) => `/admin/positions/feedback?issue=${id}`,
  user: (id) => `/admin/users/${id}`,
  notice: () => '/admin/notices',
  member_import: (id) => `/admin/members/imports?id=${id}`,
  breakfast_card: (id) => `/admin/fund/cards/${id}`,
  job: () => '/admin/jobs',
};

/** Names kept in a snapshot, for items that have no row to look up (or lost it). */
function nameInSnapshot(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  for (const key of ['realName', 'name', 'title', 'holderName', 'fileName', 'displayName', 'username']) if (typeof v[key] === 'string') return v[key];
  return null;
}

/**
 * Who is shown as having done it: a person by their display name; the demo data as 系统初始化
 * (the seed); anything else without a person (jobs, devices, the command line) as the system —
 * never the command that ran.
 */
function actorOf(entry: { actorId: string | null; actorName: string | null }, displayName: string | null): ActivityItem['actor'] {
  if (entry.actorId) return { kind: 'user', name: displayName ?? entry.actorName };
  // 系统初始化 since the seed names itself; `seed …` in databases seeded before that.
  if (entry.actorName === SEED_ACTOR || entry.actorName?.startsWith('seed')) return { kind: 'seed', name: null };
  return { kind: 'system', name: null };
}

/** The 工作台's recent activity: the audit log of the scope, written for people. */
export function createActivityService({ db }: { db: Db }) {
  return {
    async listRecent(q: ActivityQuery, scope: Scope): Promise<ActivityItem[]> {
      let underPath: string | undefined;
      if (q.orgId) {
        const target = await findOrgById(db, q.orgId);
        if (!target || !isInScope(scope, target.path)) throw notFound('ENTITY_org');
        underPath = target.path;
      }
      const rows = await repo.listRecentEntries(db, { scope, underPath, limit: q.limit });
      const idsByType = new Map<string, string[]>();
      for (const { entry } of rows) if (entry.entityId) idsByType.set(entry.entityType, [...(idsByType.get(entry.entityType) ?? []), entry.entityId]);
      const names = await repo.findSubjects(db, idsByType);
      return rows.map(({ entry, actorDisplayName, orgName }) => {
        const after = (entry.after ?? {}) as Record<string, unknown>;
        const subject = (entry.entityId ? names.get(`${entry.entityType}:${entry.entityId}`) : undefined) ?? nameInSnapshot(entry.after) ?? nameInSnapshot(entry.before);
        return {
          id: entry.id,
          at: entry.at.toISOString(),
          actor: actorOf(entry, actorDisplayName),
          action: entry.action,
          entityType: entry.entityType,
          subject,
          orgName,
          link: entry.entityId ? (LINKS[entry.entityType]?.(entry.entityId, after) ?? null) : null,
        };
      });
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
