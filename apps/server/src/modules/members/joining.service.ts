import {
  isGigEmployment,
  maskIdNumber,
  type ApplyMembership,
  type CardVerification,
  type MemberCard,
  type MembershipStatus,
  type MyMembership,
  type RegisterPerson,
  type UnionSuggestion,
  type UnionSuggestionsQuery,
} from '@niangjia/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { AppError, notFound } from '../../platform/errors';
import { encryptField } from '../../platform/pii';
import { enforceRateLimit } from '../../platform/rate-limit';
import { CARD_TOKEN_TTL_SECONDS, isCardTokenExpired, signCardToken, verifyCardToken } from './card-token';
import * as repo from './members.repository';
import { notifyApplication } from './members.notify';
import {
  checkPersonFields,
  getMemberUnion,
  hashIdNumber,
  ID_NUMBER_PURPOSE,
  orgRefOf,
  registerFieldsOf,
  parseIdNumber,
  snapshotOf,
  statusInvalid,
  toPerson,
  versionConflict,
  type MembersDeps,
} from './members.shared';
import { isUuid } from '../../platform/validation';

/** A signed-in worker acting for themselves. */
export type WorkerActor = { userId: string; audit: AuditContext };

const OPEN_STATUSES = ['applied', 'active', 'suspended'];

/**
 * Real-name submissions per account and day. Each answers "is this ID number registered to someone
 * else?" (409 ID_NUMBER_TAKEN), so an unlimited account could test candidate numbers (issue 9).
 */
export const ID_SUBMISSIONS_PER_DAY = 10;

/**
 * Online joining (入会): a worker's real-name application, their own status and card, the union
 * suggestions of the joining form, and the public check of a scanned card.
 */
export function createJoiningService({ db, secrets, dataKeys, clock = () => new Date(), joinViaUnion = async () => null }: MembersDeps) {
  async function getMine(userId: string, tx = db): Promise<MyMembership> {
    const person = await repo.findPersonByUser(tx, userId);
    if (!person) return { person: null, membership: null };
    const latest = await repo.findLatestMembershipOfPerson(tx, person.id);
    return {
      person: toPerson(person),
      membership: latest
        ? {
            id: latest.membership.id,
            status: latest.membership.status as MembershipStatus,
            memberNumber: latest.membership.memberNumber,
            org: orgRefOf(latest.org),
            appliedAt: latest.membership.appliedAt.toISOString(),
            joinedAt: latest.membership.joinedAt?.toISOString() ?? null,
            rejectedReason: latest.membership.rejectedReason,
            version: latest.membership.version,
          }
        : null,
    };
  }

  /** Counted once the number is well-formed, before anything is looked up with it. */
  async function limitIdSubmissions(userId: string): Promise<void> {
    await enforceRateLimit(db, { key: `members:id-submit:${userId}`, limit: ID_SUBMISSIONS_PER_DAY, windowSeconds: 86_400 }, clock());
  }

  return {
    getMine: (userId: string) => getMine(userId),

    /** Submits a real-name application; re-applying after a rejection or after leaving is allowed. */
    async apply(input: ApplyMembership, actor: WorkerActor): Promise<{ mine: MyMembership; isClaim: boolean }> {
      const now = clock();
      const id = parseIdNumber(input.idNumber, now);
      checkPersonFields(input);
      await limitIdSubmissions(actor.userId);
      return db.transaction(async (tx) => {
        const union = await getMemberUnion(tx, input.orgId, 'all');
        const hash = hashIdNumber(secrets, id.value);
        const mine = await repo.findPersonByUser(tx, actor.userId);
        const holder = await repo.findPersonByIdHash(tx, hash);
        const accountPhone = await repo.findUserPhone(tx, actor.userId);
        let person = mine;
        let isClaim = false;
        if (holder && holder.id !== mine?.id) {
          // A record entered by staff or an import (no account yet) is claimed by the worker whose real
          // name matches and, when the record has a phone, whose account has that phone.
          if (holder.userId || mine || holder.realName !== input.realName || (holder.phone && holder.phone !== accountPhone)) {
            throw new AppError('ID_NUMBER_TAKEN', { status: 409, errors: [{ path: 'idNumber', message: 'ID_NUMBER_TAKEN' }] });
          }
          person = holder;
          isClaim = true;
        }
        if (person) {
          const latest = await repo.findLatestMembershipOfPerson(tx, person.id);
          if (latest && OPEN_STATUSES.includes(latest.membership.status)) {
            if (!isClaim) {
              throw new AppError('MEMBERSHIP_ALREADY_OPEN', { status: 409, params: { status: `MEMBER_STATUS_${latest.membership.status}` } });
            }
            // Already a member through the union (集中入会): the account is linked, nothing is applied for.
            await repo.updatePerson(tx, person.id, { userId: actor.userId });
            await recordAudit(tx, actor.audit, { action: 'member.claim', entityType: 'member', entityId: latest.membership.id, orgId: latest.org.id, after: { userId: actor.userId } });
            return { mine: await getMine(actor.userId, tx), isClaim: true };
          }
        }
        const phone = input.phone ?? accountPhone;
        const isSameIdentity = person !== undefined && person.idNumberHash === hash && person.realName === input.realName;
        const values = {
          orgId: union.id,
          realName: input.realName,
          idNumberEnc: isSameIdentity ? person!.idNumberEnc : encryptField(dataKeys, ID_NUMBER_PURPOSE, id.value),
          idNumberHash: hash,
          idNumberMasked: maskIdNumber(id.value),
          phone,
          sex: id.sex,
          birthDate: id.birthDate,
          employerName: input.employerName ?? null,
          employerCreditCode: input.employerCreditCode ?? null,
          industry: input.industry ?? null,
          employmentForm: input.employmentForm,
          isMigrant: input.isMigrant ?? false,
          homeStreetCode: input.homeStreetCode ?? null,
          ...registerFieldsOf(input),
          userId: actor.userId,
          // A changed name or ID number has to be verified again by staff.
          verifiedAt: isSameIdentity ? person!.verifiedAt : null,
        };
        const saved = person ? await repo.updatePerson(tx, person.id, values) : await repo.insertPerson(tx, values);
        // The QR's tag is kept only when it names the union applied to (a typed or stale tag is dropped, not refused).
        const tag = input.via?.toUpperCase().replace(/^(CEREMONY|POINT):/, (k) => k.toLowerCase());
        const via = tag && (await joinViaUnion(tx, tag)) === union.id ? tag : null;
        const created = await repo.insertMembership(tx, { personId: saved.id, orgId: union.id, status: 'applied', appliedAt: now, source: 'online', via });
        await repo.insertEvent(tx, { membershipId: created.id, orgId: union.id, kind: 'applied', toOrgId: union.id, actorId: actor.userId, actorName: actor.audit.actorName, at: now });
        await recordAudit(tx, actor.audit, { action: 'member.apply', entityType: 'member', entityId: created.id, orgId: union.id, after: snapshotOf({ membership: created, person: saved }) });
        await notifyApplication(tx, { membershipId: created.id, orgId: union.id, orgName: union.name, name: saved.realName });
        return { mine: await getMine(actor.userId, tx), isClaim: false };
      });
    },

    /** Unions a worker may join: the employer's (by credit code or name) and, for gig workers, the street's joint union. */
    async suggestUnions(query: UnionSuggestionsQuery): Promise<UnionSuggestion[]> {
      const found = new Map<string, UnionSuggestion>();
      const add = (rows: { id: string; code: string; name: string; type: string; address: string | null }[], reason: UnionSuggestion['reason']) => {
        for (const r of rows) if (!found.has(r.id)) found.set(r.id, { ...r, type: r.type as UnionSuggestion['type'], reason });
      };
      const isGig = query.employmentForm ? isGigEmployment(query.employmentForm) : false;
      const streetJoints = async () => {
        if (!query.street) return;
        const street = /^\d{9}$/.test(query.street) ? { divisionCode: query.street } : isUuid(query.street) ? { orgId: query.street } : undefined;
        if (street) add(await repo.findJointUnionsOfStreet(db, street), 'street_joint');
      };
      if (query.creditCode) add(await repo.findUnionsByCreditCode(db, query.creditCode), 'credit_code');
      if (isGig) await streetJoints();
      if (query.q && query.q.length >= 2) add(await repo.searchUnionsByName(db, query.q, 10), 'employer_name');
      if (!isGig) await streetJoints();
      return [...found.values()].slice(0, 20);
    },

    /** The electronic membership card; only for an active membership. */
    async getCard(userId: string): Promise<MemberCard> {
      const person = await repo.findPersonByUser(db, userId);
      const latest = person ? await repo.findLatestMembershipOfPerson(db, person.id) : undefined;
      if (!latest || latest.membership.status !== 'active' || !latest.membership.memberNumber || !latest.membership.joinedAt) {
        throw new AppError('NOT_A_MEMBER', { status: 404 });
      }
      const issuedAt = clock();
      const token = signCardToken(secrets.key, { membershipId: latest.membership.id, memberNumber: latest.membership.memberNumber, issuedAt });
      return {
        name: latest.person.realName,
        union: { id: latest.org.id, code: latest.org.code, name: latest.org.name },
        memberNumber: latest.membership.memberNumber,
        joinedAt: latest.membership.joinedAt.toISOString(),
        token,
        issuedAt: issuedAt.toISOString(),
        expiresAt: new Date(issuedAt.getTime() + CARD_TOKEN_TTL_SECONDS * 1000).toISOString(),
      };
    },

    /**
     * Takes back my application while it waits for staff (the worker changed their mind or chose the
     * wrong union). The record stays, marked withdrawn, so staff see what happened; applying again is open.
     */
    async withdraw(version: number, actor: WorkerActor): Promise<MyMembership> {
      return db.transaction(async (tx) => {
        const person = await repo.findPersonByUser(tx, actor.userId);
        const latest = person ? await repo.findLatestMembershipOfPerson(tx, person.id) : undefined;
        if (!person || !latest) throw notFound('ENTITY_member');
        if (latest.membership.status !== 'applied') throw statusInvalid(latest.membership.status, 'withdraw');
        const now = clock();
        const row = await repo.updateMembershipIfVersion(tx, latest.membership.id, version, { status: 'withdrawn' });
        if (!row) throw versionConflict(version, latest.membership.version);
        await repo.insertEvent(tx, { membershipId: row.id, orgId: row.orgId, kind: 'withdrawn', actorId: actor.userId, actorName: actor.audit.actorName, at: now });
        await recordAudit(tx, actor.audit, { action: 'member.withdraw', entityType: 'member', entityId: row.id, orgId: row.orgId, before: { status: 'applied' }, after: { status: 'withdrawn' } });
        return getMine(actor.userId, tx);
      });
    },

    /**
     * Saves the worker's real name without joining a union (a smart station's door needs a real
     * name, not membership). `orgId` is the org that holds the record (the station's union).
     */
    async registerPerson(input: RegisterPerson, actor: WorkerActor): Promise<MyMembership> {
      const id = parseIdNumber(input.idNumber, clock());
      checkPersonFields(input);
      await limitIdSubmissions(actor.userId);
      return db.transaction(async (tx) => {
        const owner = await repo.findOrgBrief(tx, input.orgId);
        if (!owner) throw new AppError('NOT_FOUND', { detail: 'NOT_FOUND_ENTITY', params: { entity: 'ENTITY_org' }, errors: [{ path: 'orgId', message: 'NOT_FOUND' }] });
        const hash = hashIdNumber(secrets, id.value);
        const mine = await repo.findPersonByUser(tx, actor.userId);
        const holder = await repo.findPersonByIdHash(tx, hash);
        let person = mine;
        if (holder && holder.id !== mine?.id) {
          // Same claim rule as apply(): an unlinked record with the same real name (and phone, when it has one).
          const accountPhone = await repo.findUserPhone(tx, actor.userId);
          if (holder.userId || mine || holder.realName !== input.realName || (holder.phone && holder.phone !== accountPhone)) {
            throw new AppError('ID_NUMBER_TAKEN', { status: 409, errors: [{ path: 'idNumber', message: 'ID_NUMBER_TAKEN' }] });
          }
          person = holder;
        }
        if (person && person.idNumberHash === hash && person.realName === input.realName) {
          if (!person.userId) await repo.updatePerson(tx, person.id, { userId: actor.userId });
          return getMine(actor.userId, tx);
        }
        const values = {
          orgId: person?.orgId ?? owner.id,
          realName: input.realName,
          idNumberEnc: encryptField(dataKeys, ID_NUMBER_PURPOSE, id.value),
          idNumberHash: hash,
          idNumberMasked: maskIdNumber(id.value),
          phone: input.phone ?? (await repo.findUserPhone(tx, actor.userId)),
          sex: id.sex,
          birthDate: id.birthDate,
          employerName: input.employerName ?? null,
          employerCreditCode: input.employerCreditCode ?? null,
          industry: input.industry ?? null,
          employmentForm: input.employmentForm,
          isMigrant: input.isMigrant ?? false,
          homeStreetCode: input.homeStreetCode ?? null,
          ...registerFieldsOf(input),
          userId: actor.userId,
          verifiedAt: null,
        };
        const saved = person ? await repo.updatePerson(tx, person.id, values) : await repo.insertPerson(tx, values);
        await recordAudit(tx, actor.audit, {
          action: 'person.register',
          entityType: 'person',
          entityId: saved.id,
          orgId: saved.orgId,
          after: { realName: saved.realName, idNumberMasked: saved.idNumberMasked },
        });
        return getMine(actor.userId, tx);
      });
    },

    /** What a scan shows: valid or not, the name and the union only. */
    async verifyCard(token: string): Promise<CardVerification> {
      const invalid: CardVerification = { valid: false, name: null, union: null, status: null, isExpired: false };
      const claims = verifyCardToken(secrets.key, token);
      if (!claims) return invalid;
      // An old token names nobody: whoever holds a screenshot learns nothing from it.
      if (isCardTokenExpired(claims, clock())) return { ...invalid, isExpired: true };
      const row = await repo.findMember(db, claims.membershipId);
      if (!row || row.membership.memberNumber !== claims.memberNumber) return invalid;
      const status = row.membership.status as CardVerification['status'];
      return { valid: status === 'active', name: row.person.realName, union: row.org.name, status, isExpired: false };
    },
  };
}

export type JoiningService = ReturnType<typeof createJoiningService>;
