import type { Permission, TodoGroup, Todos } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { isInScope, scopeOf, type Actor, type Scope } from '../auth';
import { notFound } from '../errors';
import type { Lang } from '../i18n';
import { renderBoth, type NotifyText } from './notify';
import * as repo from './notifications.repository';

/** One thing waiting for a staff member: an application, a report, an alarm, a station below standard. */
export type TodoItem = {
  /** The underlying item's id (the to-do is that item while it waits). */
  id: string;
  title: NotifyText;
  orgName: string | null;
  /** Since when it waits (its age). */
  at: Date;
  /** Where it is handled, in the console (`/admin/…`). */
  link: string;
};

export type TodoQuery = {
  /** The actor's scope for the source's permission (never empty). */
  scope: Scope;
  /** Only items under this org path (the console's header scope), already checked against `scope`. */
  underPath: string | undefined;
  userId: string;
  /** Items to return (oldest first); `count` covers them all. */
  limit: number;
  /** The server's now (the app's clock: a test's fake clock moves due dates into the past). */
  now: Date;
};

/**
 * A kind of to-do, computed from the module's own records on each read: nothing is stored, so a
 * to-do disappears the moment its item is handled (approved, resolved, brought up to standard)
 * and can never drift from it. A module adds one by passing a source to buildApp's list.
 */
export type TodoSource = {
  /** `member_application`, `feedback`, `door_alarm`, `position_below_standard`, `import_ready`. */
  kind: string;
  /** Whose work it is: staff holding this permission see the items in their scope. */
  permission: Permission;
  list(db: Db, query: TodoQuery): Promise<{ count: number; oldestAt: Date | null; items: TodoItem[] }>;
};

/** The 待办 of one staff member, by kind, within the console's header scope (an org) when given. */
export async function listTodos(db: Db, sources: readonly TodoSource[], actor: Actor, opts: { orgId?: string | undefined; limit: number; lang: Lang; now: Date }): Promise<Todos> {
  let underOrgPath: string | undefined;
  if (opts.orgId) {
    const target = await repo.findOrgPath(db, opts.orgId);
    // The org must be one the actor can see at all; each source then narrows to its own scope.
    const isVisible = target && actor.grants.some((g) => g.orgPath === null || target.path.startsWith(g.orgPath) || g.orgPath.startsWith(target.path));
    if (!target || !isVisible) throw notFound('ENTITY_org');
    underOrgPath = target.path;
  }
  const groups: TodoGroup[] = [];
  for (const source of sources) {
    const scope = scopeOf(actor, source.permission);
    if (scope !== 'all' && scope.length === 0) continue;
    const narrowed = narrow(scope, underOrgPath);
    if (!narrowed) continue;
    const found = await source.list(db, { ...narrowed, userId: actor.userId, limit: opts.limit, now: opts.now });
    if (!found.count) continue;
    const items = found.items.map((i) => ({ kind: source.kind, id: i.id, title: renderBoth(i.title)[opts.lang], orgName: i.orgName, at: i.at.toISOString(), link: i.link }));
    const oldestAt = found.oldestAt?.toISOString() ?? null;
    // Two sources of one kind (members' and positions' imports) make one group.
    const same = groups.find((g) => g.kind === source.kind);
    if (same) {
      same.count += found.count;
      same.oldestAt = [same.oldestAt, oldestAt].filter((v): v is string => !!v).sort()[0] ?? null;
      same.items = [...same.items, ...items].sort((a, b) => a.at.localeCompare(b.at)).slice(0, opts.limit);
    } else groups.push({ kind: source.kind, count: found.count, oldestAt, items });
  }
  return { total: groups.reduce((n, g) => n + g.count, 0), groups };
}

/** Scope ∩ subtree: the subtree when it lies inside the scope, the scope's paths inside the subtree otherwise. */
function narrow(scope: Scope, underPath: string | undefined): { scope: Scope; underPath: string | undefined } | null {
  if (!underPath) return { scope, underPath: undefined };
  if (isInScope(scope, underPath)) return { scope, underPath };
  const inside = (scope as string[]).filter((p) => p.startsWith(underPath));
  return inside.length ? { scope: inside, underPath: undefined } : null;
}

/** A source's two answers together: how many and since when (one aggregate row), and the oldest few. */
export async function collectTodos<R>(
  summary: Promise<{ n: number; oldest: Date | string | null }[]>,
  rows: Promise<R[]>,
  toItem: (row: R) => TodoItem,
): Promise<{ count: number; oldestAt: Date | null; items: TodoItem[] }> {
  const [[s], items] = await Promise.all([summary, rows]);
  return { count: Number(s?.n ?? 0), oldestAt: s?.oldest ? new Date(s.oldest) : null, items: items.map(toItem) };
}
