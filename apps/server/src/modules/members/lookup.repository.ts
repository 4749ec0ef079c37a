import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser } from '../accounts/accounts.tables';
import { org } from '../orgs/orgs.tables';
import { verifyCardToken } from './card-token';
import { membership, person } from './members.tables';

/**
 * Lookups other modules make of members (the marketplace: representatives, attendance by card):
 * the membership behind a card, the person behind a signed-in account. Nothing personal beyond
 * the real name and the union leaves here.
 */
export type MembershipBrief = { membershipId: string; personId: string; orgId: string; orgPath: string; orgName: string; realName: string; status: string };

const brief = {
  membershipId: membership.id,
  personId: membership.personId,
  orgId: membership.orgId,
  orgPath: org.path,
  orgName: org.name,
  realName: person.realName,
  status: membership.status,
};

export async function findMemberships(db: Db, ids: readonly string[]): Promise<MembershipBrief[]> {
  if (!ids.length) return [];
  return db.select(brief).from(membership).innerJoin(person, eq(person.id, membership.personId)).innerJoin(org, eq(org.id, membership.orgId)).where(inArray(membership.id, [...ids]));
}

/** The membership a scanned card names, when the card is genuine (its MAC) and still names it; else null. */
export async function findMembershipOfCard(db: Db, key: Buffer, token: string): Promise<MembershipBrief | null> {
  const claims = verifyCardToken(key, token);
  if (!claims) return null;
  const [row] = await db
    .select({ ...brief, memberNumber: membership.memberNumber })
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(eq(membership.id, claims.membershipId))
    .limit(1);
  if (!row || row.memberNumber !== claims.memberNumber) return null;
  const { memberNumber: _unused, ...rest } = row;
  return rest;
}

/**
 * The persons a signed-in account stands for: linked to it, or with the account's phone (the
 * phone was proven by the sign-in code; a member entered by staff or an import has no account yet).
 */
export async function findPersonIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const phone = db.select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, userId));
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(or(eq(person.userId, userId), and(sql`${person.phone} is not null`, eq(person.phone, sql`(${phone})`))));
  return rows.map((r) => r.id);
}

/** The account's active membership, if any (a worker signing in at a service). */
export async function findActiveMembershipOfUser(db: Db, userId: string): Promise<MembershipBrief | null> {
  const personIds = await findPersonIdsOfUser(db, userId);
  if (!personIds.length) return null;
  const [row] = await db
    .select(brief)
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(and(inArray(membership.personId, personIds), eq(membership.status, 'active')))
    .limit(1);
  return row ?? null;
}

/**
 * The phone to give someone the person agreed to be contacted by (a confirmed matchmaking match):
 * the member's phone, or the account's for a non-member. The caller records the access.
 */
export async function findContactPhone(db: Db, who: { personId: string | null; userId: string | null }): Promise<string | null> {
  if (who.personId) {
    const [row] = await db.select({ phone: person.phone }).from(person).where(eq(person.id, who.personId)).limit(1);
    if (row?.phone) return row.phone;
  }
  if (!who.userId) return null;
  const [u] = await db.select({ phone: appUser.phone }).from(appUser).where(eq(appUser.id, who.userId)).limit(1);
  return u?.phone ?? null;
}

/**
 * 困难职工: the person's flag follows their hardship file (the assistance module): set when a file
 * becomes 在档, cleared when it leaves it. One identity: the member's record, its list filter and
 * its export read the same flag the files set. A member form open meanwhile gets a version
 * conflict rather than writing the old flag back. Returns whether the flag changed.
 */
export async function setPersonHardship(tx: Db, personId: string, isHardship: boolean): Promise<boolean> {
  const changed = await tx
    .update(person)
    .set({ isHardship, version: sql`${person.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(person.id, personId), sql`${person.isHardship} is distinct from ${isHardship}`))
    .returning({ id: person.id });
  return changed.length > 0;
}
