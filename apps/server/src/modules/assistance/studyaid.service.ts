import { checkIdNumber, maskIdNumber, type ApplyStudyaid, type CreateStudyaid, type Nomination, type OpenStudyaid, type Page, type PutStudyaidPlacement, type PutStudyaidSettings, type StudyaidApplication, type StudyaidLevel, type StudyaidSettings } from '@niangjia/contracts';
import type { Db } from '../../db/client';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service';
import { isInScope, isRelated, type Scope } from '../../platform/auth';
import { uniqueViolationOf } from '../../platform/error-handler';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { shanghaiDateOf } from '../../platform/holidays/dates';
import { decryptField, DecryptError, encryptField, type DataKeys } from '../../platform/pii';
import type { Secrets } from '../../platform/secrets';
import { fieldError } from '../../platform/validation';
import { findActiveMembershipOfUser, findPersonIdsOfUser, hashIdNumber } from '../members';
import { assertOwnPhotos, pdfIdsAmong } from '../stars';
import * as campaigns from './campaign.repository';
import { createCampaignService, type CampaignStaff } from './campaign.service';
import { iso } from './mutualaid.repository';
import * as repo from './studyaid.repository';
import './campaign.errors';
import './studyaid.errors';

export type StudyaidStaff = { userId: string; displayName: string; scope: Scope; audit: AuditContext };
export type StudyaidWorker = { userId: string; audit: AuditContext };

/** The child's ID number at rest: its own purpose, so the ciphertext never decrypts as another column's. */
export const STUDYAID_CHILD_ID_PURPOSE = 'studyaid.child.id_number';

const num = (v: string | number | null | undefined) => Number(v ?? 0);

/** The amount a level gets under a campaign's settings (fen). */
export function amountOfLevel(s: repo.SettingRow, level: StudyaidLevel): number {
  return num(level === 'undergraduate' ? s.undergraduate_fen : level === 'junior_college' ? s.junior_college_fen : s.high_school_fen);
}

const toSettings = (s: repo.SettingRow): StudyaidSettings => ({
  campaignId: s.campaign_id,
  benefitKey: s.benefit_key,
  amounts: { undergraduate: num(s.undergraduate_fen), junior_college: num(s.junior_college_fen), high_school: num(s.high_school_fen) },
  version: s.version,
});

export function createStudyaidService({ db, secrets, dataKeys, clock = () => new Date() }: { db: Db; secrets: Secrets; dataKeys: DataKeys; clock?: () => Date }) {
  const campaignService = createCampaignService({ db, clock });

  /** A campaign of kind autumn: managed (write) by its owner's subtree and above, read by any related scope. */
  async function autumnCampaign(tx: Db, id: string, scope: Scope, write: boolean) {
    const c = await campaigns.findCampaign(tx, id);
    if (!c || !(write ? isInScope(scope, c.org_path) : isRelated(scope, c.org_path))) throw notFound('ENTITY_campaign');
    if (c.kind !== 'autumn') throw new AppError('STUDYAID_NOT_AUTUMN_CAMPAIGN', { status: 409 });
    return c;
  }

  async function studentInScope(tx: Db, id: string, scope: Scope, lock = false) {
    const s = await repo.findStudent(tx, id, lock);
    // Staff over the applying union see it (every approving union is above it).
    if (!s || !isInScope(scope, s.org_path)) throw notFound('ENTITY_studyaid_student');
    return s;
  }

  async function toApplications(rows: repo.StudentRow[]): Promise<StudyaidApplication[]> {
    const nominations = await campaignService.describeNominations(rows.map((r) => r.nomination_id));
    const byId = new Map<string, Nomination>(nominations.map((n) => [n.id, n]));
    const pdfs = await pdfIdsAmong(db, rows.map((r) => r.letter_photo_id));
    return rows.map((s) => ({
      id: s.id,
      campaignId: s.campaign_id,
      campaignName: s.campaign_name,
      parentName: s.parent_name,
      orgName: s.org_name,
      childName: s.child_name,
      childIdMasked: s.child_id_masked,
      relation: s.relation,
      school: s.school,
      level: s.level,
      admissionYear: s.admission_year,
      year: s.year,
      amountFen: num(s.amount_fen),
      letterPhotoId: s.letter_photo_id,
      letterIsPdf: !!s.letter_photo_id && pdfs.has(s.letter_photo_id),
      placement:
        s.placement_place && s.placement_starts_on && s.placement_ends_on
          ? { place: s.placement_place, org: s.placement_org ?? '', startsOn: s.placement_starts_on, endsOn: s.placement_ends_on, hours: s.placement_hours ?? 0 }
          : null,
      nomination: byId.get(s.nomination_id)!,
      createdAt: iso(s.created_at),
      version: s.version,
    }));
  }

  async function oneApplication(id: string): Promise<StudyaidApplication> {
    const [a] = await toApplications([(await repo.findStudent(db, id))!]);
    return a!;
  }

  /**
   * One application, staff's or the worker's: the campaign open with amounts set, the child's ID
   * valid (a child under 16 too), no live aid of the child in the campaign's year in any campaign
   * (under a lock on the child), the letter the caller's own upload; then the parent's nomination
   * through the campaign's own path (eligibility, share, duplicates, yearly limit) at the level's
   * amount, and the student row, in one transaction.
   */
  async function createIn(campaignId: string, input: ApplyStudyaid & { membershipId: string }, actor: CampaignStaff): Promise<string> {
    const now = clock();
    const checked = checkIdNumber(input.childIdNumber, shanghaiDateOf(now));
    if (!checked.ok && checked.problem !== 'ID_NUMBER_UNDER_16') throw fieldError('childIdNumber', checked.problem);
    const idValue = checked.ok ? checked.info.value : input.childIdNumber.trim().toUpperCase();
    const hash = hashIdNumber(secrets, idValue);
    return db
      .transaction(async (tx) => {
        const c = await campaigns.findCampaign(tx, campaignId);
        if (!c || c.kind !== 'autumn') throw new AppError('STUDYAID_NOT_AUTUMN_CAMPAIGN', { status: 409 });
        const settings = await repo.findSetting(tx, campaignId);
        if (!settings) throw new AppError('STUDYAID_NO_SETTINGS', { status: 409 });
        const year = Number(c.starts_on.slice(0, 4));
        await repo.lockChild(tx, hash);
        const aided = await repo.findChildAid(tx, hash, year);
        if (aided) throw new AppError('STUDYAID_CHILD_AIDED', { status: 409, params: { campaign: aided.campaign_name } });
        const [letterPhotoId] = await assertOwnPhotos(tx, [input.letterPhotoId], actor.userId, 'letterPhotoId', { documents: true });
        const amount = amountOfLevel(settings, input.level);
        const nominationId = await createCampaignService({ db: tx, clock }).nominateIn(campaignId, { membershipId: input.membershipId, benefitKey: settings.benefit_key, attestations: {}, note: input.note }, actor, now, { valueFen: amount });
        const n = (await campaigns.findNomination(tx, nominationId))!;
        const id = await repo.insertStudent(
          tx,
          {
            nominationId,
            campaignId,
            orgId: n.org_id,
            parentPersonId: n.person_id,
            childName: input.childName,
            childIdEnc: encryptField(dataKeys, STUDYAID_CHILD_ID_PURPOSE, idValue),
            childIdHash: hash,
            childIdMasked: maskIdNumber(idValue),
            relation: input.relation,
            school: input.school,
            level: input.level,
            admissionYear: input.admissionYear,
            year,
            amountFen: amount,
            letterPhotoId: letterPhotoId!,
            createdBy: actor.userId,
          },
          now,
        );
        await recordAudit(tx, actor.audit, {
          action: 'studyaid.create',
          entityType: 'studyaid_student',
          entityId: id,
          orgId: n.org_id,
          after: { campaignId, nominationId, childName: input.childName, childIdNumber: maskIdNumber(idValue), school: input.school, level: input.level, admissionYear: input.admissionYear, amountFen: amount },
        });
        return id;
      })
      .catch((error: unknown) => {
        if (uniqueViolationOf(error) === 'campaign_nomination_person_unique') throw new AppError('CAMPAIGN_ALREADY_NOMINATED', { status: 409, params: { org: '—' } });
        throw error;
      });
  }

  return {
    async getSettings(campaignId: string, scope: Scope): Promise<StudyaidSettings | null> {
      await autumnCampaign(db, campaignId, scope, false);
      const s = await repo.findSetting(db, campaignId);
      return s ? toSettings(s) : null;
    },

    /** 助学金标准: the owner's staff set the amount per level and the cash benefit it is paid under; a closed campaign is final. */
    async putSettings(campaignId: string, input: PutStudyaidSettings, actor: StudyaidStaff): Promise<StudyaidSettings> {
      await db.transaction(async (tx) => {
        const c = await autumnCampaign(tx, campaignId, actor.scope, true);
        if (c.status === 'closed') throw new AppError('CAMPAIGN_CLOSED', { status: 409 });
        const benefit = input.benefitKey ? c.benefits.find((b) => b.key === input.benefitKey) : c.benefits.find((b) => b.kind === 'cash');
        if (!benefit || benefit.kind !== 'cash') throw fieldError('benefitKey', 'STUDYAID_BENEFIT_NOT_CASH');
        const values = { benefitKey: benefit.key, undergraduate: input.amounts.undergraduate, juniorCollege: input.amounts.junior_college, highSchool: input.amounts.high_school };
        const now = clock();
        const existing = await repo.findSetting(tx, campaignId);
        if (existing) {
          if (input.version !== existing.version) throw versionConflict(input.version ?? 0, existing.version);
          if (!(await repo.updateSetting(tx, campaignId, existing.version, values, now))) throw versionConflict(existing.version);
        } else if (!(await repo.insertSetting(tx, campaignId, c.org_id, values, now))) throw versionConflict(input.version ?? 0);
        await recordAudit(tx, actor.audit, { action: 'studyaid.settings', entityType: 'campaign', entityId: campaignId, orgId: c.org_id, ...(existing ? { before: toSettings(existing).amounts } : {}), after: { benefitKey: benefit.key, amounts: input.amounts } });
      });
      return toSettings((await repo.findSetting(db, campaignId))!);
    },

    /** A campaign's applications of unions in the caller's subtree (all of them for the owner), filtered by level and status. */
    async list(campaignId: string, q: { level?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number }, scope: Scope): Promise<Page<StudyaidApplication>> {
      const c = await autumnCampaign(db, campaignId, scope, false);
      const { items, total } = await repo.listStudents(db, campaignId, { scope: isInScope(scope, c.org_path) ? 'all' : scope, ...q });
      return { items: await toApplications(items), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string, scope: Scope): Promise<StudyaidApplication> {
      await studentInScope(db, id, scope);
      return oneApplication(id);
    },

    /** Staff apply for a member's child (the member in their scope, nominated by the deepest union with a share in it). */
    async create(campaignId: string, input: CreateStudyaid, actor: StudyaidStaff): Promise<StudyaidApplication> {
      const c = await autumnCampaign(db, campaignId, actor.scope, false);
      if (c.status !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN', { status: 409 });
      return oneApplication(await createIn(campaignId, input, actor));
    },

    /** The full ID number of the student: its own permission, always audited (PIPL). */
    async reveal(id: string, actor: StudyaidStaff): Promise<{ childIdNumber: string }> {
      return db.transaction(async (tx) => {
        const s = await studentInScope(tx, id, actor.scope);
        let value: string;
        try {
          value = decryptField(dataKeys, STUDYAID_CHILD_ID_PURPOSE, s.child_id_enc);
        } catch (error) {
          if (error instanceof DecryptError) throw new AppError('PERSONAL_DATA_UNREADABLE', { status: 500, cause: error });
          throw error;
        }
        await recordAudit(tx, actor.audit, { action: 'personal_data.read', entityType: 'studyaid_student', entityId: id, orgId: s.org_id, after: { field: 'childIdNumber' } });
        return { childIdNumber: value };
      });
    },

    /** 暑期公益岗位: arranged for a student whose aid is approved or paid, by staff over the applying union. */
    async setPlacement(id: string, input: PutStudyaidPlacement, actor: StudyaidStaff): Promise<StudyaidApplication> {
      if (input.endsOn < input.startsOn) throw fieldError('endsOn', 'STUDYAID_PLACEMENT_DATES');
      await db.transaction(async (tx) => {
        const s = await studentInScope(tx, id, actor.scope, true);
        if (!['approved', 'disbursed', 'acknowledged'].includes(s.nomination_status)) throw new AppError('STUDYAID_PLACEMENT_NOT_AIDED', { status: 409 });
        if (s.version !== input.version) throw versionConflict(input.version, s.version);
        const placement = { place: input.place, org: input.org, startsOn: input.startsOn, endsOn: input.endsOn, hours: input.hours };
        if (!(await repo.setPlacement(tx, id, input.version, placement, clock()))) throw versionConflict(input.version);
        await recordAudit(tx, actor.audit, { action: 'studyaid.placement', entityType: 'studyaid_student', entityId: id, orgId: s.org_id, after: placement });
      });
      return oneApplication(id);
    },

    // ---- the worker's side ----

    /** Open autumn campaigns above the worker's union with amounts set, and the worker's own applications. */
    async listOpen(userId: string): Promise<OpenStudyaid> {
      const m = await findActiveMembershipOfUser(db, userId);
      const mine = await toApplications(await repo.listStudentsOfPersons(db, await findPersonIdsOfUser(db, userId)));
      if (!m) return { items: [], mine };
      const items: OpenStudyaid['items'] = [];
      for (const c of await repo.listOpenStudyaidCampaigns(db, m.orgPath)) {
        const s = (await repo.findSetting(db, c.id))!;
        items.push({ id: c.id, name: c.name, orgName: c.org_name, endsOn: c.ends_on, amounts: toSettings(s).amounts });
      }
      return { items, mine };
    },

    /**
     * 申请助学: the worker applies for their own child as their own member identity; the nomination
     * is made by the deepest union with a share above theirs and checked against the campaign's rules.
     */
    async apply(campaignId: string, input: ApplyStudyaid, actor: StudyaidWorker): Promise<StudyaidApplication> {
      const m = await findActiveMembershipOfUser(db, actor.userId);
      if (!m) throw new AppError('STUDYAID_NOT_A_MEMBER', { status: 403 });
      const c = await campaigns.findCampaign(db, campaignId);
      if (!c || c.kind !== 'autumn' || c.status === 'draft' || !m.orgPath.startsWith(c.org_path)) throw notFound('ENTITY_campaign');
      if (c.status !== 'open') throw new AppError('CAMPAIGN_NOT_OPEN', { status: 409 });
      // The member identity is the caller's own, never from the request: scope 'all' only lets the campaign path find the share above it.
      const id = await createIn(campaignId, { ...input, membershipId: m.membershipId }, { userId: actor.userId, displayName: m.realName, scope: 'all', audit: actor.audit });
      return oneApplication(id);
    },
  };
}

export type StudyaidService = ReturnType<typeof createStudyaidService>;
