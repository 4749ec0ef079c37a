import type {
  ApplyCanteenCertification,
  ApproveCanteenCertification,
  Canteen,
  CanteenCertification,
  CanteenCertificationsQuery,
  CanteenFigures,
  CanteenFiguresQuery,
  CanteenGround,
  CanteenMeal,
  CanteenMealsQuery,
  CanteenTerminal,
  CanteenTerminalMealResult,
  CreateCanteenTerminal,
  CreatedCanteenTerminal,
  MyCanteen,
  Page,
  RefuseCanteenCertification,
  SaveCanteen,
  StaffApplyCanteenCertification,
} from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { announceTodoChange, notify } from '../../platform/notifications';
import { decryptField, encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { recordTerminalNonce, sweepTerminalNonces, type TerminalVerifier } from '../../platform/terminal-auth';
import { generateTerminalKeyPair } from '../../platform/terminal-signing';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser, findMembershipOfCard, findPersonIdsOfUser, isCardTokenExpired, verifyCardToken } from '../members';
import { assertOwnPhotos, pdfIdsAmong } from '../stars';
import * as campaigns from './campaign.repository';
import { applicableTier, maskName, shanghaiDay } from './canteen.pricing';
import * as repo from './canteen.repository';
import { iso, isoOrNull } from './mutualaid.repository';
import './canteen.errors';

export type CanteenStaff = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type CanteenWorker = { userId: string; audit: AuditContext };
/** The terminal a signed request came from. */
export type CanteenCaller = { terminalId: string; canteenId: string; orgId: string };

export const CANTEEN_TERMINAL_SECRET_PURPOSE = 'canteen_terminal.secret';
/** A certification holds three years at most (the issue: staff certify with an expiry). */
const MAX_CERTIFICATION_DAYS = 3 * 366;

export function createCanteenService({ db, dataKeys, secrets, clock = () => new Date() }: { db: Db; dataKeys: DataKeys; secrets: Secrets; clock?: () => Date }) {
  const toTier = (t: repo.TierRow) => ({ id: t.id, name: t.name, priceFen: t.price_fen, grounds: t.grounds as CanteenGround[], needsCertification: t.needs_certification, isActive: t.is_active });

  async function toCanteens(tx: Db, rows: repo.CanteenRow[]): Promise<Canteen[]> {
    const tiers = await repo.listTiers(tx, rows.flatMap((r) => (r.canteen_id ? [r.canteen_id] : [])));
    return rows.map((r) => ({
      positionId: r.position_id,
      positionName: r.position_name,
      orgId: r.org_id,
      orgName: r.org_name,
      canteenId: r.canteen_id,
      normalPriceFen: r.normal_price_fen,
      maxReducedPerDay: r.max_reduced_per_day ?? 2,
      tiers: tiers.filter((t) => t.canteen_id === r.canteen_id).map(toTier),
      version: r.version,
    }));
  }

  const toCertification = (r: repo.CertificationRow, pdfs: Set<string>): CanteenCertification => ({
    id: r.id,
    canteenId: r.canteen_id,
    positionName: r.position_name,
    tierId: r.tier_id,
    tierName: r.tier_name,
    tierPriceFen: r.tier_price_fen,
    personName: r.person_name,
    ground: r.ground as CanteenGround,
    note: r.note,
    photoIds: r.photo_ids ?? [],
    pdfIds: (r.photo_ids ?? []).filter((id) => pdfs.has(id)),
    status: r.status,
    expiresOn: r.expires_on,
    isExpired: r.status === 'approved' && !!r.expires_on && r.expires_on < shanghaiDay(clock()),
    refusalReason: r.refusal_reason,
    decidedAt: isoOrNull(r.decided_at),
    createdAt: iso(r.created_at),
    version: r.version,
  });
  /** Certifications with which of their documents are PDFs (one look-up for the lot). */
  const toCertifications = async (rows: repo.CertificationRow[]): Promise<CanteenCertification[]> => {
    const pdfs = await pdfIdsAmong(db, rows.flatMap((r) => r.photo_ids ?? []));
    return rows.map((r) => toCertification(r, pdfs));
  };
  const certificationById = async (id: string) => (await toCertifications([(await repo.findCertification(db, id))!]))[0]!;

  const toTerminal = (t: repo.TerminalRow): CanteenTerminal => ({ id: t.id, name: t.name, keyId: t.key_id, status: t.status, lastSeenAt: isoOrNull(t.last_seen_at), createdAt: iso(t.created_at) });

  /** A canteen position the staff manage (write: in their subtree) or see (read: related). */
  async function canteenOf(tx: Db, positionId: string, scope: Scope, write: boolean, lock = false) {
    const c = await repo.findCanteenByPosition(tx, positionId, lock);
    if (!c || !(write ? isInScope(scope, c.org_path) : isRelated(scope, c.org_path))) throw notFound('ENTITY_position');
    if (c.type !== 'canteen') throw new AppError('CANTEEN_NOT_A_CANTEEN', { status: 409 });
    return c;
  }

  async function certificationInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const r = await repo.findCertification(tx, id, lock);
    if (!r || !isInScope(scope, r.org_path)) throw notFound('ENTITY_canteen_certification');
    return r;
  }

  async function terminalInScope(tx: Db, id: string, scope: Scope) {
    const t = await repo.findTerminal(tx, id);
    const c = t && (await repo.findCanteen(tx, t.canteen_id));
    if (!t || !c || !isInScope(scope, c.org_path)) throw notFound('ENTITY_canteen_terminal');
    return { t, c };
  }

  /** Files an application for a member (by the worker or by staff), in one transaction. */
  async function apply(tx: Db, membershipId: string, input: ApplyCanteenCertification, applicantId: string | null, photoIds: string[], audit: AuditContext): Promise<string> {
    const member = await campaigns.findActiveMember(tx, membershipId);
    if (!member) throw new AppError('CANTEEN_NOT_A_MEMBER', { status: 403 });
    const [tier] = (await repo.listTiersById(tx, input.tierId)) ?? [];
    if (!tier) throw fieldError('tierId', 'CANTEEN_TIER_UNKNOWN');
    if (!tier.is_active) throw fieldError('tierId', 'CANTEEN_TIER_INACTIVE');
    if (!tier.grounds.includes(input.ground)) throw fieldError('ground', 'CANTEEN_TIER_GROUND');
    const c = (await repo.findCanteen(tx, tier.canteen_id))!;
    const id = await repo
      .insertCertification(tx, { canteenId: tier.canteen_id, tierId: tier.id, orgId: c.org_id, personId: member.person_id, membershipId, personName: member.real_name, applicantId, ground: input.ground, note: input.note, photoIds })
      .catch((error: unknown) => {
        if (uniqueViolationOf(error) === 'canteen_certification_pending_unique') throw new AppError('CANTEEN_ALREADY_PENDING', { status: 409 });
        throw error;
      });
    await recordAudit(tx, audit, { action: 'canteen_certification.apply', entityType: 'canteen_certification', entityId: id, orgId: c.org_id, after: { tier: tier.name, ground: input.ground, documents: photoIds.length } });
    await announceTodoChange(tx, c.org_id);
    return id;
  }

  async function notifyDecision(tx: Db, r: repo.CertificationRow) {
    await announceTodoChange(tx, r.org_id);
    const userIds = [r.applicant_id, ...(await repo.userIdsOfPerson(tx, r.person_id))];
    const approved = r.status === 'approved';
    await notify(tx, {
      to: { userIds: [...new Set(userIds.filter(Boolean))] },
      kind: 'canteen.certification',
      title: { key: approved ? 'CANTEEN_CERTIFICATION_APPROVED' : 'CANTEEN_CERTIFICATION_REFUSED' },
      body: { key: approved ? 'CANTEEN_CERTIFICATION_APPROVED_BODY' : 'CANTEEN_CERTIFICATION_REFUSED_BODY', params: { canteen: r.position_name, tier: r.tier_name, expiresOn: r.expires_on ?? '', reason: r.refusal_reason ?? '' } },
      orgId: r.org_id,
      entity: { type: 'canteen_certification', id: r.id },
    });
  }

  async function decide(id: string, actor: CanteenStaff, version: number, v: { status: 'approved' | 'refused'; expiresOn: string | null; reason: string | null }): Promise<CanteenCertification> {
    await db.transaction(async (tx) => {
      const r = await certificationInScope(tx, id, actor.scope, true);
      if (r.status !== 'pending') throw new AppError('CANTEEN_CERTIFICATION_STATE', { status: 409 });
      if (r.version !== version) throw versionConflict(version, r.version);
      if (!(await repo.decideCertification(tx, id, version, { ...v, by: actor.userId }))) throw versionConflict(version);
      await recordAudit(tx, actor.audit, {
        action: v.status === 'approved' ? 'canteen_certification.approve' : 'canteen_certification.refuse',
        entityType: 'canteen_certification',
        entityId: id,
        orgId: r.org_id,
        after: v.status === 'approved' ? { expiresOn: v.expiresOn } : { reason: v.reason },
      });
      await notifyDecision(tx, (await repo.findCertification(tx, id))!);
    });
    return certificationById(id);
  }

  /** The terminal verifier (platform/terminal-auth): canteen terminals sign like the fund's POS, with x-canteen-* headers. */
  const verifier: TerminalVerifier<repo.TerminalRow> = {
    headers: 'x-canteen',
    codes: 'CANTEEN',
    findKey: async (keyId) => {
      const t = await repo.findTerminalByKey(db, keyId);
      if (!t) return undefined;
      return { status: t.status, row: t, get secret() { return decryptField(dataKeys, CANTEEN_TERMINAL_SECRET_PURPOSE, t.secret_enc); } };
    },
  };

  return {
    verifier,

    // ---- staff: settings ----
    async listCanteens(scope: Scope): Promise<Canteen[]> {
      return toCanteens(db, await repo.listCanteens(db, scope));
    },

    async saveCanteen(positionId: string, input: SaveCanteen, actor: CanteenStaff): Promise<Canteen> {
      input.tiers.forEach((t, i) => {
        if (t.priceFen >= input.normalPriceFen) throw fieldError(`tiers.${i}.priceFen`, 'CANTEEN_TIER_PRICE');
      });
      await db.transaction(async (tx) => {
        const c = await canteenOf(tx, positionId, actor.scope, true, true);
        let canteenId = c.canteen_id;
        if (!canteenId) {
          canteenId = await repo.insertCanteen(tx, positionId, c.org_id, input.normalPriceFen, input.maxReducedPerDay);
        } else {
          if (input.version !== undefined && input.version !== c.version) throw versionConflict(input.version, c.version ?? undefined);
          if (!(await repo.updateCanteen(tx, canteenId, c.version!, input.normalPriceFen, input.maxReducedPerDay))) throw versionConflict(input.version ?? 0);
        }
        const existing = await repo.listTiers(tx, [canteenId]);
        const keep: string[] = [];
        for (const [i, t] of input.tiers.entries()) {
          const values = { name: t.name, priceFen: t.priceFen, grounds: [...new Set(t.grounds)], needsCertification: t.needsCertification, isActive: t.isActive };
          if (t.id) {
            if (!existing.some((e) => e.id === t.id)) throw fieldError(`tiers.${i}.id`, 'CANTEEN_TIER_UNKNOWN');
            await repo.updateTier(tx, t.id, values);
            keep.push(t.id);
          } else {
            await repo.insertTier(tx, canteenId, c.org_id, values);
          }
        }
        // A tier left out is deactivated, never deleted: meals and certifications name it.
        await repo.deactivateTiers(tx, canteenId, [...keep, ...(await repo.listTiers(tx, [canteenId])).filter((t) => !existing.some((e) => e.id === t.id)).map((t) => t.id)]);
        await recordAudit(tx, actor.audit, {
          action: c.canteen_id ? 'canteen.update' : 'canteen.create',
          entityType: 'canteen',
          entityId: canteenId,
          orgId: c.org_id,
          after: { normalPriceFen: input.normalPriceFen, maxReducedPerDay: input.maxReducedPerDay, tiers: input.tiers.map((t) => `${t.name} ${t.priceFen}`) },
        });
      });
      const [row] = await toCanteens(db, [(await repo.findCanteenByPosition(db, positionId))!]);
      return row!;
    },

    // ---- certifications ----
    async listCertifications(q: CanteenCertificationsQuery, scope: Scope): Promise<Page<CanteenCertification>> {
      const { rows, total } = await repo.listCertifications(db, q, scope);
      return { items: await toCertifications(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async staffApply(input: StaffApplyCanteenCertification, actor: CanteenStaff): Promise<CanteenCertification> {
      const id = await db.transaction(async (tx) => {
        const [tier] = await repo.listTiersById(tx, input.tierId);
        const c = tier && (await repo.findCanteen(tx, tier.canteen_id));
        if (!tier || !c || !isInScope(actor.scope, c.org_path)) throw fieldError('tierId', 'CANTEEN_TIER_UNKNOWN');
        const m = await repo.findActiveMemberByNumber(tx, input.memberNumber);
        if (!m) throw fieldError('memberNumber', 'CANTEEN_MEMBER_NOT_FOUND');
        const photoIds = await assertOwnPhotos(tx, input.photoIds, actor.userId, 'photoIds', { documents: true });
        return apply(tx, m.membership_id, input, actor.userId, photoIds, actor.audit);
      });
      return certificationById(id);
    },

    async approve(id: string, input: ApproveCanteenCertification, actor: CanteenStaff): Promise<CanteenCertification> {
      const today = shanghaiDay(clock());
      if (input.expiresOn < today) throw fieldError('expiresOn', 'CANTEEN_EXPIRY_PAST');
      if ((Date.parse(input.expiresOn) - Date.parse(today)) / 86_400_000 > MAX_CERTIFICATION_DAYS) throw fieldError('expiresOn', 'CANTEEN_EXPIRY_TOO_FAR');
      return decide(id, actor, input.version, { status: 'approved', expiresOn: input.expiresOn, reason: null });
    },

    async refuse(id: string, input: RefuseCanteenCertification, actor: CanteenStaff): Promise<CanteenCertification> {
      return decide(id, actor, input.version, { status: 'refused', expiresOn: null, reason: input.reason });
    },

    // ---- the worker ----
    async mine(userId: string): Promise<MyCanteen> {
      const m = await findActiveMembershipOfUser(db, userId);
      const canteens = m ? await toCanteens(db, (await repo.listCanteens(db, 'all')).filter((c) => c.canteen_id)) : [];
      const personIds = await findPersonIdsOfUser(db, userId);
      return {
        canteens: canteens.map((c) => ({ positionId: c.positionId, positionName: c.positionName, canteenId: c.canteenId, normalPriceFen: c.normalPriceFen, tiers: c.tiers.filter((t) => t.isActive) })),
        certifications: await toCertifications(await repo.listCertificationsOfPersons(db, personIds)),
      };
    },

    async workerApply(input: ApplyCanteenCertification, actor: CanteenWorker): Promise<CanteenCertification> {
      const id = await db.transaction(async (tx) => {
        const m = await findActiveMembershipOfUser(tx, actor.userId);
        if (!m) throw new AppError('CANTEEN_NOT_A_MEMBER', { status: 403 });
        const photoIds = await assertOwnPhotos(tx, input.photoIds, actor.userId, 'photoIds', { documents: true });
        return apply(tx, m.membershipId, input, actor.userId, photoIds, actor.audit);
      });
      return certificationById(id);
    },

    // ---- terminals ----
    async listTerminals(positionId: string, scope: Scope): Promise<CanteenTerminal[]> {
      const c = await canteenOf(db, positionId, scope, false);
      return c.canteen_id ? (await repo.listTerminals(db, c.canteen_id)).map(toTerminal) : [];
    },

    async createTerminal(positionId: string, input: CreateCanteenTerminal, actor: CanteenStaff): Promise<CreatedCanteenTerminal> {
      return db.transaction(async (tx) => {
        const c = await canteenOf(tx, positionId, actor.scope, true);
        if (!c.canteen_id) throw new AppError('CANTEEN_NOT_SET_UP', { status: 409 });
        const key = generateTerminalKeyPair('ck', 'csk');
        const t = await repo.insertTerminal(tx, c.canteen_id, c.org_id, input.name, key.keyId, encryptField(dataKeys, CANTEEN_TERMINAL_SECRET_PURPOSE, key.secret));
        await recordAudit(tx, actor.audit, { action: 'canteen_terminal.create', entityType: 'canteen_terminal', entityId: t.id, orgId: c.org_id, after: { name: t.name, keyId: t.key_id } });
        return { terminal: toTerminal(t), secret: key.secret };
      });
    },

    async revokeTerminal(id: string, actor: CanteenStaff): Promise<CanteenTerminal> {
      return db.transaction(async (tx) => {
        const { t } = await terminalInScope(tx, id, actor.scope);
        const revoked = await repo.revokeTerminal(tx, id);
        if (!revoked) throw new AppError('CANTEEN_TERMINAL_REVOKED', { status: 409 });
        await recordAudit(tx, actor.audit, { action: 'canteen_terminal.revoke', entityType: 'canteen_terminal', entityId: id, orgId: t.org_id, after: { name: t.name } });
        return toTerminal(revoked);
      });
    },

    // ---- meals and figures ----
    async listMeals(q: CanteenMealsQuery, scope: Scope): Promise<Page<CanteenMeal>> {
      const { rows, total } = await repo.listMeals(db, q, scope);
      return {
        items: rows.map((m) => ({ id: m.id, positionName: m.position_name, tierName: m.tier_name, priceFen: m.price_fen, isReduced: m.reduced_slot != null, personName: m.person_name, servedAt: iso(m.served_at) })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async figures(q: CanteenFiguresQuery, scope: Scope): Promise<CanteenFigures> {
      const to = q.to ?? shanghaiDay(clock());
      const from = q.from ?? shanghaiDay(new Date(Date.parse(to) - 29 * 86_400_000));
      const { rows, days } = await repo.mealFigures(db, { positionId: q.positionId, from, to }, scope);
      return {
        from,
        to,
        rows: rows.map((r) => ({ positionId: r.position_id, positionName: r.position_name, tierName: r.tier_name, meals: r.meals, amountFen: Number(r.amount), isReduced: r.is_reduced })),
        days: days.map((d) => ({ day: d.day, meals: d.meals, reducedMeals: d.reduced })),
      };
    },

    /**
     * A meal at a signed terminal: the member card's QR names the membership; the tier that
     * applies today is priced (canteen.pricing.ts) and the meal recorded, with the request's nonce,
     * in one transaction. A reduced meal takes one of the person's reduced slots of the day
     * (the unique index holds the limit under concurrency); past them the normal price applies.
     */
    async recordMeal(caller: CanteenCaller, nonce: string, card: string): Promise<CanteenTerminalMealResult> {
      const now = clock();
      const day = shanghaiDay(now);
      const result = await db.transaction(async (tx) => {
        if (!(await recordTerminalNonce(tx, 'canteen_terminal_nonce', caller.terminalId, nonce))) throw new AppError('CANTEEN_NONCE_REPLAYED', { status: 401 });
        const claims = verifyCardToken(secrets.key, card);
        if (!claims) throw new AppError('CANTEEN_CARD_INVALID', { status: 422 });
        if (isCardTokenExpired(claims, now)) throw new AppError('CANTEEN_CARD_EXPIRED', { status: 422 });
        const brief = await findMembershipOfCard(tx, secrets.key, card);
        const member = brief && (await campaigns.findActiveMember(tx, brief.membershipId));
        if (!member) throw new AppError('CANTEEN_CARD_NOT_ACTIVE', { status: 422 });
        const c = await repo.findCanteen(tx, caller.canteenId);
        if (!c || c.normal_price_fen == null) throw new AppError('CANTEEN_NOT_SET_UP', { status: 409 });
        const tiers = (await repo.listTiers(tx, [caller.canteenId])).map(toTier);
        const held = await repo.heldCertifications(tx, caller.canteenId, member.person_id);
        const applied = applicableTier(c.normal_price_fen, tiers, { birthDate: member.birth_date, employmentForm: member.employment_form }, held, day);
        const base = { canteenId: caller.canteenId, orgId: c.org_id, terminalId: caller.terminalId, personId: member.person_id, membershipId: member.membership_id, personName: member.real_name, serviceDay: day, servedAt: now };
        const maxSlots = c.max_reduced_per_day ?? 2;
        const answer = { personName: maskName(member.real_name), normalPriceFen: c.normal_price_fen };
        if (applied) {
          const reduced = await repo.insertReducedMeal(tx, { ...base, tierId: applied.tier.id, tierName: applied.tier.name, priceFen: applied.tier.priceFen }, maxSlots);
          if (reduced) return { ...answer, mealId: reduced.id, tierName: applied.tier.name, priceFen: applied.tier.priceFen, isReduced: true, isReducedLimitReached: false, reducedLeftToday: maxSlots - reduced.slot };
        }
        const mealId = await repo.insertNormalMeal(tx, { ...base, priceFen: c.normal_price_fen });
        return { ...answer, mealId, tierName: null, priceFen: c.normal_price_fen, isReduced: false, isReducedLimitReached: !!applied, reducedLeftToday: 0 };
      });
      await repo.touchTerminal(db, caller.terminalId);
      await sweepTerminalNonces(db, 'canteen_terminal_nonce');
      return result;
    },
  };
}

export type CanteenService = ReturnType<typeof createCanteenService>;
