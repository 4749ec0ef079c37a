import { and, desc, eq, inArray, like, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Scope } from '../../platform/auth';
import { auditEntry } from '../../platform/platform.tables';
import { appUser } from '../accounts/accounts.tables';
import { doorAlarm } from '../access/access.tables';
import { breakfastCard } from '../fund/fund.tables';
import { membership, memberImport, person } from '../members/members.tables';
import { notice } from '../notices/notices.tables';
import { org } from '../orgs/orgs.tables';
import { position } from '../positions/positions.tables';
import { positionIssue } from '../stars/stars.tables';
import { isUuid } from '../../platform/validation';

/** Bookkeeping that is not work anyone did for someone: sign-ins, reveals, ratings, preferences. */
const QUIET_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'personal_data.read',
  'rating.create',
  'rating.update',
  'notification_preference.update',
  'photo.upload',
  'position.export',
  'user.password_change',
];

/** The latest audit entries of orgs in scope (or under one org), with the actor's display name. */
export async function listRecentEntries(db: Db, f: { scope: Scope; underPath?: string | undefined; limit: number }) {
  const inScope: SQL | undefined = f.underPath ? like(org.path, `${f.underPath}%`) : f.scope === 'all' ? undefined : or(...f.scope.map((p) => like(org.path, `${p}%`)));
  return db
    .select({ entry: auditEntry, actorDisplayName: appUser.displayName, orgName: org.name })
    .from(auditEntry)
    .innerJoin(org, eq(org.id, auditEntry.orgId))
    .leftJoin(appUser, eq(appUser.id, auditEntry.actorId))
    .where(and(inScope, notInArray(auditEntry.action, QUIET_ACTIONS)))
    .orderBy(desc(auditEntry.at), desc(auditEntry.id))
    .limit(f.limit);
}

/**
 * The current names of the items the entries are about, one query per kind of item. Snapshots in
 * the log keep only what changed, so the name of an approved member is looked up, not read.
 */
export async function findSubjects(db: Db, idsByType: Map<string, string[]>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const uuids = (type: string) => (idsByType.get(type) ?? []).filter((id) => isUuid(id));
  const put = (type: string, rows: { id: string; name: string | null }[]) => rows.forEach((r) => r.name && names.set(`${type}:${r.id}`, r.name));
  const lookups: [string, (ids: string[]) => Promise<{ id: string; name: string | null }[]>][] = [
    ['member', (ids) => db.select({ id: membership.id, name: person.realName }).from(membership).innerJoin(person, eq(person.id, membership.personId)).where(inArray(membership.id, ids))],
    ['org', (ids) => db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, ids))],
    ['position', (ids) => db.select({ id: position.id, name: position.name }).from(position).where(inArray(position.id, ids))],
    [
      'position_issue',
      (ids) => db.select({ id: positionIssue.id, name: position.name }).from(positionIssue).innerJoin(position, eq(position.id, positionIssue.positionId)).where(inArray(positionIssue.id, ids)),
    ],
    ['door_alarm', (ids) => db.select({ id: doorAlarm.id, name: position.name }).from(doorAlarm).innerJoin(position, eq(position.id, doorAlarm.positionId)).where(inArray(doorAlarm.id, ids))],
    ['user', (ids) => db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, ids))],
    ['notice', (ids) => db.select({ id: notice.id, name: notice.title }).from(notice).where(inArray(notice.id, ids))],
    ['member_import', (ids) => db.select({ id: memberImport.id, name: memberImport.fileName }).from(memberImport).where(inArray(memberImport.id, ids))],
    ['breakfast_card', (ids) => db.select({ id: breakfastCard.id, name: breakfastCard.holderName }).from(breakfastCard).where(inArray(breakfastCard.id, ids))],
  ];
  await Promise.all(
    lookups.map(async ([type, find]) => {
      const ids = uuids(type);
      if (ids.length) put(type, await find(ids));
    }),
  );
  return names;
}
