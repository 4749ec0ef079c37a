import { randomUUID } from 'node:crypto';
import { idNumberCheckChar, maskIdNumber, HARDSHIP_CONSENT_VERSION } from '@niangjia/contracts';
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addDays, addYears, shanghaiDateOf } from '../../platform/holidays/dates';
import { decryptField, encryptField, type DataKeys } from '../../platform/pii';
import { appUser } from '../accounts';
import { ID_NUMBER_PURPOSE, membership, person } from '../members';
import { org } from '../orgs';
import { hardshipConsent, hardshipFile, hardshipHouseholdMember, hardshipObjection, hardshipReview, hardshipThreshold, hardshipVerification } from './assistance.tables';
import { consentTextHash, HOUSEHOLD_ID_PURPOSE } from './hardship.service';

/** A 1×1 PNG standing in for the demo's drawn signatures. */
const SIGNATURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Status mix of the ~300 files: most 在档, some in each step, a few closed. */
const PLAN: [string, number][] = [
  ['active', 205],
  ['notice', 14],
  ['verified', 6],
  ['verifying', 10],
  ['submitted', 15],
  ['draft', 12],
  ['exited', 28],
  ['rejected', 10],
];
const CAUSE_SETS = [['illness'], ['illness', 'child_in_school'], ['disability'], ['single_parent', 'child_in_school'], ['disaster'], ['illness', 'disability'], ['child_in_school'], ['other']];
const CAUSE_NOTES: Record<string, string> = {
  illness: '家庭成员患重大疾病，医疗支出大',
  disability: '本人或家属残疾，劳动能力受限',
  disaster: '遭遇意外事故或自然灾害致困',
  single_parent: '单亲家庭，独自抚养子女',
  child_in_school: '子女在校就读，教育支出大',
  other: '企业停产，收入骤降',
};
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国';
const RELATIONS: [string, number][] = [
  ['spouse', 0.8],
  ['child', 0.9],
  ['parent', 0.4],
  ['child', 0.3],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * About 300 困难职工档案 across Jiangbei's unions for the demo (issue 14 point 10): members of the
 * seeded unions in every step — most 在档 with a yearly review coming (a few due within 30 days),
 * some on 公示 with an objection, some waiting for their first or second verifier, a few returned,
 * rejected or closed (解困/撤档). Staff opened them (the demo's members have no accounts; the
 * consent was signed on the union's tablet); the demo worker's own member has none, so the phone
 * journey can open one. Jiangbei's threshold is 1,000 yuan a month per head. Batch inserts.
 */
export async function seedDemoHardship(tx: Db, opts: { dataKeys?: DataKeys; excludePhone?: string; now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const today = shanghaiDateOf(now);
  const random = rng(20261206);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const [jb] = await tx.select({ id: org.id, path: org.path }).from(org).where(eq(org.code, 'JB')).limit(1);
  if (!jb) return 0;
  await tx.insert(hardshipThreshold).values({ orgId: jb.id, monthlyFenPerHead: 100_000 }).onConflictDoNothing();

  const staff = await tx
    .select({ id: appUser.id, username: appUser.username, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.username, ['jb.admin', 'jb.staff', 'jb.mediator', 'gyq.admin', 'wld.admin']));
  const byName = new Map(staff.map((s) => [s.username, s]));
  const jbAdmin = byName.get('jb.admin');
  const jbStaff = byName.get('jb.staff');
  if (!jbAdmin || !jbStaff) return 0;
  const total = PLAN.reduce((s, [, n]) => s + n, 0);
  const members = await tx
    .select({ membershipId: membership.id, personId: person.id, orgId: membership.orgId, orgPath: org.path, name: person.realName, idEnc: person.idNumberEnc, idMasked: person.idNumberMasked })
    .from(membership)
    .innerJoin(person, eq(person.id, membership.personId))
    .innerJoin(org, eq(org.id, membership.orgId))
    .where(and(eq(membership.status, 'active'), isNotNull(membership.memberNumber), sql`${org.path} like ${`${jb.path}%`}`, opts.excludePhone ? ne(sql`coalesce(${person.phone}, '')`, opts.excludePhone) : undefined))
    .orderBy(asc(membership.memberNumber))
    .limit(total * 7);
  // Every seventh member, so the files spread over the unions.
  const chosen = members.filter((_, i) => i % 7 === 3).slice(0, total);
  const streets = await tx
    .select({ code: org.code, path: org.path })
    .from(org)
    .where(inArray(org.code, ['JB-GYQ', 'JB-WLD']));
  const admins = streets.map((s) => ({ path: s.path, user: byName.get(s.code === 'JB-GYQ' ? 'gyq.admin' : 'wld.admin') })).filter((a) => a.user);
  const streetAdmin = (path: string) => admins.find((a) => path.startsWith(a.path))?.user ?? null;

  const files: (typeof hardshipFile.$inferInsert)[] = [];
  const household: (typeof hardshipHouseholdMember.$inferInsert)[] = [];
  const consents: (typeof hardshipConsent.$inferInsert)[] = [];
  const verifications: (typeof hardshipVerification.$inferInsert)[] = [];
  const objections: (typeof hardshipObjection.$inferInsert)[] = [];
  const reviews: (typeof hardshipReview.$inferInsert)[] = [];
  const textHash = consentTextHash();
  const encrypt = (value: string) => (opts.dataKeys ? encryptField(opts.dataKeys, HOUSEHOLD_ID_PURPOSE, value) : null);
  let n = 0;
  for (const [status, count] of PLAN) {
    for (let k = 0; k < count && n < chosen.length; k++, n++) {
      const m = chosen[n]!;
      const id = randomUUID();
      const street = streetAdmin(m.orgPath);
      // The street's admin opens it where there is one; the district's verifiers then are its staff and admin.
      const opener = street ?? jbStaff;
      // Two different verifiers, neither the opener (the district's staff opens where no street admin is seeded).
      const verifiers = street ? [jbStaff, jbAdmin] : [jbAdmin, byName.get('jb.mediator') ?? jbAdmin];
      const tierRoll = random();
      const tier = tierRoll < 0.25 ? 'deep' : tierRoll < 0.85 ? 'relative' : 'accident';
      const causes = pick(CAUSE_SETS);
      // Household: the worker and up to four others; incomes so most fall below the threshold.
      let size = 1;
      let income = Math.round(random() * 260_000);
      let selfEnc: string | null = null;
      if (opts.dataKeys) {
        try {
          selfEnc = encrypt(decryptField(opts.dataKeys, ID_NUMBER_PURPOSE, m.idEnc));
        } catch {
          selfEnc = null;
        }
      }
      household.push({ fileId: id, name: m.name, relation: 'self', idNumberEnc: selfEnc, idNumberMasked: selfEnc ? m.idMasked : null, monthlyIncomeFen: income });
      for (const [relation, chance] of RELATIONS) {
        if (random() > chance) continue;
        const isChild = relation === 'child';
        const y = isChild ? 2008 + Math.floor(random() * 16) : relation === 'parent' ? 1945 + Math.floor(random() * 15) : 1968 + Math.floor(random() * 30);
        const first17 = `500105${y}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
        const idNumber = first17 + idNumberCheckChar(first17);
        const earns = relation === 'spouse' ? Math.round(random() * 200_000) : relation === 'parent' ? Math.round(random() * 120_000) : 0;
        const enc = encrypt(idNumber);
        household.push({ fileId: id, name: m.name.slice(0, 1) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : ''), relation, idNumberEnc: enc, idNumberMasked: enc ? maskIdNumber(idNumber) : null, monthlyIncomeFen: earns });
        size++;
        income += earns;
      }
      const openedDaysAgo = status === 'active' || status === 'exited' ? 60 + Math.floor(random() * 1000) : status === 'rejected' ? 30 + Math.floor(random() * 300) : 2 + Math.floor(random() * 40);
      const openedOn = addDays(today, -openedDaysAgo);
      const createdAt = new Date(`${openedOn}T09:${String(10 + (n % 40)).padStart(2, '0')}:00+08:00`);
      const isPastDraft = status !== 'draft';
      const hasVerified = ['verified', 'notice', 'active', 'exited', 'rejected'].includes(status) ? 2 : status === 'verifying' ? 1 : 0;
      const verifiedOn = addDays(openedOn, 10);
      let noticeStartsOn: string | null = null;
      let noticeEndsOn: string | null = null;
      let admittedOn: string | null = null;
      let nextReviewOn: string | null = null;
      let exitKind: string | null = null;
      let exitReason: string | null = null;
      let exitedOn: string | null = null;
      if (status === 'notice') {
        noticeStartsOn = addDays(today, -Math.floor(random() * 5));
        noticeEndsOn = addDays(noticeStartsOn, 6);
      } else if (['active', 'exited', 'rejected'].includes(status)) {
        noticeStartsOn = addDays(verifiedOn, 2);
        noticeEndsOn = addDays(noticeStartsOn, 6);
      }
      if (status === 'active' || status === 'exited') {
        admittedOn = addDays(noticeEndsOn!, 1);
        // The next anniversary from 20 days ago: a few fall due within the month.
        let next = addYears(admittedOn, 1);
        while (next < addDays(today, -20)) next = addYears(next, 1);
        nextReviewOn = next;
        for (let r = addYears(admittedOn, 1); r < next && r < today; r = addYears(r, 1)) {
          reviews.push({ fileId: id, reviewedOn: r, reviewerId: opener.id, reviewerName: opener.name, outcome: 'continue', tier, note: '入户复核，家庭情况无明显变化' });
        }
      }
      if (status === 'exited') {
        const isResolved = random() < 0.75;
        exitKind = isResolved ? 'resolved' : 'withdrawn';
        exitReason = isResolved ? pick(['子女毕业就业，家庭收入超过标准', '配偶重新就业，已脱困', '病情稳定，医疗支出减少']) : pick(['本人调离本单位', '本人申请撤档']);
        exitedOn = addDays(today, -Math.floor(random() * 200));
        if (exitedOn < admittedOn!) exitedOn = admittedOn;
        nextReviewOn = null;
      }
      files.push({
        id,
        orgId: m.orgId,
        membershipId: m.membershipId,
        personId: m.personId,
        applicantName: m.name,
        openedBy: opener.id,
        openedVia: 'staff',
        status,
        tier: hasVerified ? tier : null,
        causes,
        causeNote: CAUSE_NOTES[causes[0]!] ?? '',
        householdSize: size,
        incomePerHeadFen: Math.floor(income / size),
        returnNote: status === 'draft' && k % 3 === 0 ? '请补充医疗费用票据' : null,
        submittedAt: isPastDraft ? new Date(createdAt.getTime() + 2 * 86_400_000) : null,
        verifiedAt: hasVerified === 2 ? new Date(`${verifiedOn}T15:00:00+08:00`) : null,
        noticeStartsOn,
        noticeEndsOn,
        admittedOn,
        nextReviewOn,
        exitKind,
        exitReason,
        exitedOn,
        createdAt,
        updatedAt: createdAt,
      });
      if (isPastDraft || k % 2 === 0) consents.push({ fileId: id, signedBy: null, textVersion: HARDSHIP_CONSENT_VERSION, textHash, image: SIGNATURE, signedAt: new Date(createdAt.getTime() + 3_600_000) });
      for (let v = 0; v < hasVerified; v++) {
        const who = verifiers[v]!;
        verifications.push({ fileId: id, verifierId: who.id, verifierName: who.name, tier, note: v === 0 ? '入户核实，情况属实' : '复核一致', createdAt: new Date(`${addDays(openedOn, 5 + v * 5)}T15:00:00+08:00`) });
      }
      if (status === 'rejected') objections.push({ fileId: id, text: '群众反映其家庭有经营性收入', raisedOn: addDays(noticeStartsOn!, 2), recordedBy: opener.id, outcome: 'upheld', outcomeNote: '经核实属实', decidedBy: jbAdmin.id, decidedAt: new Date(`${noticeEndsOn}T10:00:00+08:00`) });
      if (status === 'notice' && k % 4 === 0) objections.push({ fileId: id, text: '有职工反映其配偶在外务工收入较高', raisedOn: noticeStartsOn!, recordedBy: opener.id });
    }
  }
  const CHUNK = 200;
  const insertAll = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
  };
  await insertAll(files, (c) => tx.insert(hardshipFile).values(c));
  await insertAll(household, (c) => tx.insert(hardshipHouseholdMember).values(c));
  await insertAll(consents, (c) => tx.insert(hardshipConsent).values(c));
  await insertAll(verifications, (c) => tx.insert(hardshipVerification).values(c));
  await insertAll(objections, (c) => tx.insert(hardshipObjection).values(c));
  await insertAll(reviews, (c) => tx.insert(hardshipReview).values(c));
  // 在档 marks the member as 困难职工 on their record, as the service does when a notice closes.
  await tx.execute(sql`update person set is_hardship = true where id in (select person_id from hardship_file where status = 'active')`);
  return files.length;
}
