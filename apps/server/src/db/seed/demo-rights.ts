import { randomUUID } from 'node:crypto';
import { idNumberCheckChar, maskIdNumber, type ClaimType } from '@niangjia/contracts';
import { DEFAULT_THRESHOLDS, LAW_CATALOGUE, monitoringIndicators, type DisputeCategory } from '@niangjia/contracts/rights-domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service';
import { addDays, createHolidaysService, shanghaiDateOf, shanghaiStartOf } from '../../platform/holidays';
import { encryptField } from '../../platform/pii';
import { keyedHash } from '../../platform/secrets';
import { appUser } from '../../modules/accounts';
import type { OrgRow } from '../../modules/orgs';
import {
  DEMO_INFORMANT_PHONE,
  refreshClocks,
  rightsCase,
  rightsCaseClaim,
  rightsCaseMember,
  rightsCaseParty,
  rightsClockEvent,
  rightsConsultation,
  rightsCounter,
  rightsInstallment,
  rightsMonitoringPoint,
  rightsMonitoringReport,
  rightsPayment,
  rightsRatingApplication,
  rightsReferral,
  rightsTeamMember,
  rightsWarning,
} from '../../modules/rights';
import type { DemoPii } from './demo-members';

/** Deterministic generator (mulberry32), as the other demo seeds use. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞斌宇浩凯健俊帆帅旭宁琳欣悦晨阳雪梅婷琴云峰林波亮鑫';
/** Fictitious employers (the reports name none in disputes); credit codes are made up but check-valid. */
const EMPLOYERS = ['重庆鑫达物流有限公司', '重庆江北某餐饮管理有限公司', '重庆观音桥某商贸有限公司', '重庆嘉穗建筑劳务有限公司', '重庆五里店某家政服务有限公司', '重庆大石坝某装饰工程有限公司', '重庆某网络科技有限公司', '重庆寸滩某仓储有限公司', '重庆华新街某美容美发店', '重庆某物业服务有限公司', '重庆鱼嘴某机械加工厂', '重庆复盛某建材有限公司'];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let body = '91500105';
  for (let i = 0; i < 9; i++) {
    body += ALPHABET[(h >>> (i * 3)) % 31];
    h = Math.imul(h ^ i, 2654435761) >>> 0;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]!) * WEIGHTS[i]!;
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

const SUMMARIES: Record<DisputeCategory, string[]> = {
  wages: ['用人单位拖欠三个月工资未支付。', '工程完工后包工头拖欠农民工工资。', '公司以经营困难为由拖延发放工资。'],
  contract: ['入职三个月公司仍未签订书面劳动合同。', '试用期超过法定期限，公司拒绝转正。'],
  dismissal: ['公司单方解除劳动合同，未支付经济补偿。', '以“末位淘汰”为由辞退，职工认为违法解除。'],
  work_injury: ['送餐途中受伤，公司不配合申报工伤。', '工伤认定后公司拒付停工留薪期工资。'],
  social_insurance: ['公司未为职工缴纳社会保险。', '离职时公司未办理社保转移手续。'],
  rest_leave: ['长期加班未支付加班费，未休年休假。', '法定节假日安排工作未支付三倍工资。'],
  other: ['离职时公司扣押押金不退。'],
};
const CLAIMS_OF: Record<DisputeCategory, ClaimType[]> = {
  wages: ['back_pay'],
  contract: ['double_wage'],
  dismissal: ['severance', 'back_pay'],
  work_injury: ['work_injury'],
  social_insurance: ['social_insurance'],
  rest_leave: ['overtime', 'annual_leave'],
  other: ['other'],
};
const REJECT_NOTES = ['被申请人不同意调解，已告知职工依法申请劳动仲裁。', '不属于劳动争议受理范围（劳务关系），已引导至人民调解。', '申请人已向仲裁委员会申请仲裁，本会不再受理调解。', '双方自行协商解决，申请人撤回调解申请前不予受理。'];
const QUESTIONS: { category: DisputeCategory; q: string; a: string; law: number[] }[] = [
  { category: 'contract', q: '入职快三个月了，公司一直不签劳动合同，我该怎么办？', a: '用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。建议保留工资流水、考勤等证据，先与单位协商补签，协商不成可申请调解或仲裁。', law: [0, 9] },
  { category: 'wages', q: '公司拖欠两个月工资，老板说下个月再发，可以去哪里投诉？', a: '用人单位应当按月足额支付劳动报酬。可向劳动保障监察部门投诉，也可向工会劳动争议调解委员会申请调解，或直接申请劳动仲裁；拖欠工资的，劳动者可以依法向人民法院申请支付令。', law: [2, 14, 18] },
  { category: 'dismissal', q: '公司说我业绩不好要辞退我，不给补偿，合法吗？', a: '以不能胜任工作为由解除劳动合同，需经过培训或调整工作岗位后仍不能胜任，并提前三十日书面通知或额外支付一个月工资，并依法支付经济补偿；否则属违法解除，可主张赔偿金。', law: [5, 6, 7, 11] },
  { category: 'work_injury', q: '送外卖路上摔伤了，平台说我不是员工，能算工伤吗？', a: '是否认定工伤首先取决于是否存在劳动关系或新就业形态的用工关系。建议保留接单记录、收入记录，尽快就医并保存病历；工伤认定申请应在事故伤害发生之日起一年内提出。可到工会驿站或来电 12351 进一步咨询。', law: [21, 22] },
  { category: 'rest_leave', q: '每天加班到晚上十点，周末也要上班，加班费怎么算？', a: '延长工作时间一般每日不得超过一小时，特殊原因每日不得超过三小时、每月不得超过三十六小时。工作日加班支付不低于工资的150%，休息日不能补休的支付不低于200%，法定休假日支付不低于300%。', law: [12, 13] },
  { category: 'social_insurance', q: '公司不给交社保，说每个月多给我两百块，这样可以吗？', a: '依法参加社会保险、缴纳社会保险费是用人单位和劳动者的法定义务，不能以补贴代替。职工可以要求补缴，也可以向社保经办机构投诉；单位未依法缴纳社会保险费的，职工可以解除劳动合同并要求经济补偿。', law: [15, 3] },
  { category: 'rest_leave', q: '工作满一年了，可以休年假吗？公司说没有年假。', a: '职工连续工作1年以上的，享受带薪年休假：累计工作满1年不满10年的，年休假5天。单位确因工作需要不能安排年休假的，应按日工资收入的300%支付未休年休假工资报酬。', law: [23] },
  { category: 'other', q: '离职时公司扣了我一千块押金不退，怎么办？', a: '用人单位招用劳动者，不得要求劳动者提供担保或者以其他名义向劳动者收取财物。可以要求退还，协商不成可申请调解或向劳动保障监察部门投诉。', law: [16] },
];

/**
 * Rights protection in the Jiangbei demo, at the reports' scale (issue #15 point 10): since 2022,
 * 109 dispute cases received, 26 accepted for mediation (25 settled, one being mediated now),
 * 172,300 yuan agreed; 10 petitions and 60-odd consultations; the 三员 teams (100 each); 20
 * monitoring points filing quarterly with one warning; harmonious-enterprise ratings (2022's 11
 * A/AA and 2 AAA, as the report names, and this year's). Everyone here is fictitious.
 */
export async function seedDemoRights(tx: Db, byCode: Map<string, OrgRow>, pii: DemoPii | undefined, now = new Date()): Promise<void> {
  const random = rng(20221109);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const name = () => pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
  const today = shanghaiDateOf(now);
  const jb = byCode.get('JB')!;
  const user = async (username: string) => (await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, username)).limit(1))[0]?.id ?? null;
  const mediatorId = await user('jb.mediator');
  const lawyerId = await user('jb.lawyer');
  const adminId = await user('jb.admin');
  const usedIds = new Set<string>();
  const idNumber = () => {
    for (;;) {
      const birth = `${1965 + Math.floor(random() * 38)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const first17 = `500105${birth}${String(Math.floor(random() * 1000)).padStart(3, '0')}`;
      const value = first17 + idNumberCheckChar(first17);
      if (!usedIds.has(value)) {
        usedIds.add(value);
        return value;
      }
    }
  };
  const dayBetween = (from: string, to: string) => addDays(from, Math.floor(random() * (Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1)));

  // ---- cases ----
  // 109 received: 25 settled, 1 in mediation now, 2 waiting for the acceptance decision, 5 withdrawn, 76 not accepted.
  const kinds = [...Array(25).fill('agreed'), ...Array(76).fill('rejected'), ...Array(5).fill('withdrawn')] as string[];
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  // Agreed amounts: 25 figures that add up to exactly 172,300 yuan (案涉金额 17.23 万元).
  const weights = Array.from({ length: 25 }, () => 0.4 + random());
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const agreedYuan = weights.map((w) => Math.round((w / totalWeight) * 172_300 / 100) * 100);
  agreedYuan[0]! += 172_300 - agreedYuan.reduce((s, v) => s + v, 0);
  let agreedIndex = 0;

  const holders = ['JB', 'JB', 'JB', 'JB', 'JB-GYQ', 'JB-WLD', 'JB-DSB'].map((c) => byCode.get(c)!);
  const rows: (typeof rightsCase.$inferInsert)[] = [];
  const parties: (typeof rightsCaseParty.$inferInsert)[] = [];
  const claims: (typeof rightsCaseClaim.$inferInsert)[] = [];
  const members: (typeof rightsCaseMember.$inferInsert)[] = [];
  const events: (typeof rightsClockEvent.$inferInsert)[] = [];
  const installments: (typeof rightsInstallment.$inferInsert)[] = [];
  const payments: (typeof rightsPayment.$inferInsert)[] = [];
  const referrals: (typeof rightsReferral.$inferInsert)[] = [];
  const seqByYear = new Map<number, number>();
  const addCase = (kind: string, receivedOn: string, extra: { holder?: OrgRow; category?: DisputeCategory; workers?: number } = {}) => {
    const id = randomUUID();
    const year = Number(receivedOn.slice(0, 4));
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const holder = extra.holder ?? pick(holders);
    const category = extra.category ?? pick(['wages', 'wages', 'wages', 'contract', 'dismissal', 'dismissal', 'work_injury', 'social_insurance', 'rest_leave', 'other'] as DisputeCategory[]);
    const workers = extra.workers ?? (random() < 0.12 ? 2 + Math.floor(random() * 4) : 1);
    const employer = pick(EMPLOYERS);
    for (let w = 0; w < workers; w++) {
      const value = pii ? idNumber() : null;
      parties.push({ caseId: id, role: 'applicant', name: name(), phone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, sortOrder: w, ...(value && pii ? { idNumberEnc: encryptField(pii.dataKeys, 'rights_party.id_number', value), idNumberHash: keyedHash(pii.secrets, 'id_number', value), idNumberMasked: maskIdNumber(value) } : {}) });
    }
    parties.push({ caseId: id, role: 'respondent', name: employer, creditCode: creditCode(employer), legalRepresentative: name(), sortOrder: 0 });
    const types = CLAIMS_OF[category];
    const agreedTotal = kind === 'agreed' ? agreedYuan[agreedIndex++]! * 100 : 0;
    let claimed = 0;
    types.forEach((type, k) => {
      const share = types.length === 1 ? 1 : k === 0 ? 0.6 : 0.4;
      const agreed = kind === 'agreed' ? (k === types.length - 1 ? agreedTotal - Math.round(agreedTotal * 0.6) * (types.length - 1) : Math.round(agreedTotal * share)) : null;
      const amount = kind === 'agreed' ? Math.round((agreed ?? 0) * (1.1 + random() * 0.5) / 100) * 100 : Math.round((3000 + random() * 30000) * share) * 100;
      claimed += amount;
      claims.push({ caseId: id, type, amountFen: amount, agreedFen: agreed, sortOrder: k });
    });
    const isOpen = kind === 'received' || kind === 'accepted';
    const acceptedOn = kind === 'agreed' || kind === 'accepted' ? addDays(receivedOn, 1 + Math.floor(random() * 2)) : null;
    const outcomeOn = kind === 'agreed' ? addDays(acceptedOn!, 3 + Math.floor(random() * 11)) : kind === 'rejected' || kind === 'withdrawn' ? addDays(receivedOn, 1 + Math.floor(random() * 3)) : null;
    rows.push({
      id,
      number: `江北区劳调〔${year}〕${seq}号`,
      orgId: holder.id,
      source: pick(['walk_in', 'walk_in', 'hotline', 'online', 'consultation'] as const),
      category,
      summary: pick(SUMMARIES[category]),
      status: kind,
      stage: 'mediation',
      receivedOn,
      acceptanceDueOn: receivedOn,
      acceptedOn,
      decisionNote: kind === 'rejected' ? pick(REJECT_NOTES) : kind === 'agreed' ? '符合受理条件，予以受理。' : null,
      mediatorId: acceptedOn ? mediatorId : null,
      assignedAt: acceptedOn ? shanghaiStartOf(acceptedOn) : null,
      limitationStartOn: addDays(receivedOn, -(10 + Math.floor(random() * 120))),
      outcomeOn,
      outcomeNote: kind === 'agreed' ? '双方达成调解协议。' : kind === 'withdrawn' ? '申请人与单位自行和解，撤回申请。' : null,
      agreementTerms: kind === 'agreed' ? '被申请人按期足额支付上述款项，双方劳动关系依法解除（或继续履行）。' : null,
      claimedFen: claimed,
      agreedFen: agreedTotal,
      paidFen: 0,
      createdBy: adminId,
      createdAt: shanghaiStartOf(receivedOn),
      updatedAt: shanghaiStartOf(outcomeOn ?? receivedOn),
    });
    if (adminId) members.push({ caseId: id, userId: adminId, role: 'intake', addedBy: adminId, addedAt: shanghaiStartOf(receivedOn) });
    if (acceptedOn && mediatorId) members.push({ caseId: id, userId: mediatorId, role: 'mediator', addedBy: adminId, addedAt: shanghaiStartOf(acceptedOn) });
    events.push({ caseId: id, kind: 'interrupt', onDate: receivedOn, reason: 'relief_requested', note: '申请调解（登记时自动记录）', createdBy: adminId, createdAt: shanghaiStartOf(receivedOn) });
    if (kind === 'agreed') {
      events.push({ caseId: id, kind: 'interrupt', onDate: outcomeOn!, reason: 'agreed_to_perform', note: '达成调解协议（自动记录）', createdBy: mediatorId, createdAt: shanghaiStartOf(outcomeOn!) });
      const split = agreedTotal >= 800_000 && random() < 0.5;
      const parts = split ? [Math.round(agreedTotal / 200) * 100, agreedTotal - Math.round(agreedTotal / 200) * 100] : [agreedTotal];
      parts.forEach((amount, k) => {
        const dueOn = addDays(outcomeOn!, 15 + k * 30);
        installments.push({ caseId: id, dueOn, amountFen: amount });
        // Paid on time, except what is not due yet.
        if (dueOn <= today) payments.push({ caseId: id, receivedOn: addDays(dueOn, -Math.floor(random() * 5)), amountFen: amount, method: 'transfer', note: '银行转账', recordedBy: mediatorId, createdAt: shanghaiStartOf(dueOn) });
      });
    }
    if (kind === 'rejected' && random() < 0.3) {
      const toArbitration = random() < 0.7;
      referrals.push({ caseId: id, kind: toArbitration ? 'arbitration' : 'legal_aid', fromOrgId: holder.id, targetName: toArbitration ? '江北区劳动人事争议仲裁委员会' : '江北区法律援助中心', referredOn: outcomeOn!, referredBy: adminId, hasWorkerConsent: true, consentNote: '职工当面同意', status: 'accepted', respondedOn: addDays(outcomeOn!, 3), responseNote: '已立案', result: toArbitration ? '仲裁裁决支持申请人主要请求' : '已指派律师提供法律援助', resultOn: addDays(outcomeOn!, 50) });
    }
    void isOpen;
    return id;
  };

  // The closed cases, spread from January 2022 to last month.
  const lastClosed = addDays(today, -40);
  const dates = kinds.map(() => dayBetween('2022-01-04', lastClosed)).sort();
  kinds.forEach((kind, i) => addCase(kind, dates[i]!));
  // The live ones: one being mediated (due in three days), one waiting past its acceptance deadline, one just received.
  const cal = await createHolidaysService({ db: tx }).calendar(tx);
  const mediating = addCase('accepted', addDays(today, -14), { holder: jb, category: 'wages', workers: 3 });
  const late = addCase('received', addDays(today, -9), { holder: byCode.get('JB-GYQ')!, category: 'dismissal', workers: 1 });
  const fresh = addCase('received', cal.isWorkingDay(today) ? today : addDays(today, -1), { holder: jb, category: 'contract', workers: 1 });
  // The one in mediation was accepted 12 days ago: its 15 days end in three.
  const m = rows.find((r) => r.id === mediating)!;
  m.acceptedOn = addDays(today, -12);
  m.mediatorId = mediatorId;
  m.decisionNote = '符合受理条件，予以受理。';
  for (const [year, value] of seqByYear) await tx.insert(rightsCounter).values({ orgId: jb.id, kind: 'case', year, value });
  await tx.insert(rightsCase).values(rows);
  await tx.insert(rightsCaseParty).values(parties);
  await tx.insert(rightsCaseClaim).values(claims);
  if (members.length) await tx.insert(rightsCaseMember).values(members);
  await tx.insert(rightsClockEvent).values(events);
  if (installments.length) await tx.insert(rightsInstallment).values(installments);
  if (payments.length) await tx.insert(rightsPayment).values(payments);
  if (referrals.length) await tx.insert(rightsReferral).values(referrals);
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.caseId, (paid.get(p.caseId) ?? 0) + p.amountFen);
  for (const [caseId, fen] of paid) await tx.update(rightsCase).set({ paidFen: fen }).where(eq(rightsCase.id, caseId));
  for (const r of rows) await refreshClocks(tx, r.id!, cal, today);
  void late;
  void fresh;

  // ---- consultations: 10 petitions and 64 consultations since 2022, a few waiting now ----
  const workerId = (await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.phone, '13800000001')).limit(1))[0]?.id ?? null;
  const consultations: (typeof rightsConsultation.$inferInsert)[] = [];
  let zx = 0;
  const desks = ['JB', 'JB', 'JB-GYQ', 'JB-WLD', 'JB-DSB', 'JB-HXJ'].map((c) => byCode.get(c)!);
  for (let i = 0; i < 74; i++) {
    const channel = i < 10 ? 'petition' : pick(['walk_in', 'walk_in', 'hotline', 'hotline', 'hotline', 'online', 'online'] as const);
    const q = pick(QUESTIONS);
    const askedOn = i >= 70 ? addDays(today, -(i - 69)) : dayBetween('2022-01-05', addDays(today, -10));
    const isOpen = i >= 72;
    const askedAt = new Date(shanghaiStartOf(askedOn).getTime() + (9 + Math.floor(random() * 8)) * 3600_000);
    consultations.push({
      number: `JB-ZX${askedOn.slice(0, 4)}${String(++zx).padStart(5, '0')}`,
      orgId: pick(desks).id,
      channel,
      category: q.category,
      question: q.q,
      isAnonymous: channel === 'online' && random() < 0.3,
      askerName: name(),
      askerPhone: `137${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      status: isOpen ? 'open' : random() < 0.8 ? 'closed' : 'answered',
      answer: isOpen ? null : q.a,
      citations: isOpen ? [] : q.law.map((k) => ({ law: LAW_CATALOGUE[k]!.law, article: LAW_CATALOGUE[k]!.article })),
      answeredBy: isOpen ? null : lawyerId,
      answererName: isOpen ? null : '陈律师（法律志愿者）',
      answeredAt: isOpen ? null : new Date(askedAt.getTime() + 5 * 3600_000),
      createdBy: channel === 'online' ? null : lawyerId,
      askedAt,
      createdAt: askedAt,
    });
  }
  // The demo rider asked online last week and has an answer waiting under 我的.
  if (workerId) {
    const askedAt = new Date(shanghaiStartOf(addDays(today, -6)).getTime() + 22 * 3600_000);
    consultations.push({ number: `JB-ZX${today.slice(0, 4)}${String(++zx).padStart(5, '0')}`, orgId: byCode.get('JB-GYQ')!.id, channel: 'online', category: 'work_injury', question: QUESTIONS[3]!.q, isAnonymous: false, askerUserId: workerId, askerName: '骑手小王', askerPhone: '13800000001', employerName: '饿了么重庆江北站点', status: 'answered', answer: QUESTIONS[3]!.a, citations: [{ law: LAW_CATALOGUE[21]!.law, article: LAW_CATALOGUE[21]!.article }, { law: LAW_CATALOGUE[22]!.law, article: LAW_CATALOGUE[22]!.article }], answeredBy: lawyerId, answererName: '陈律师（法律志愿者）', answeredAt: new Date(askedAt.getTime() + 14 * 3600_000), askerSeenAt: askedAt, askedAt, createdAt: askedAt });
  }
  for (const year of new Set(consultations.map((c) => Number(c.number.slice('JB-ZX'.length, 'JB-ZX'.length + 4))))) await tx.insert(rightsCounter).values({ orgId: jb.id, kind: 'consultation', year, value: zx }).onConflictDoNothing();
  await tx.insert(rightsConsultation).values(consultations);

  // ---- 三员: 100 supervisors, 100 informants, 100 legal supervisors across the streets and parks ----
  const teamOrgs = [...byCode.values()].filter((o) => o.type === 'street' || o.type === 'park');
  const team: (typeof rightsTeamMember.$inferInsert)[] = [];
  for (const role of ['supervisor', 'informant', 'legal_supervisor'] as const)
    for (let i = 0; i < 100; i++) team.push({ orgId: teamOrgs[i % teamOrgs.length]!.id, role, name: name(), phone: `136${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, employerName: pick(EMPLOYERS), sinceOn: dayBetween('2022-03-01', '2024-06-30') });
  // The demo informant signs in with a known number.
  const informantIndex = team.findIndex((m) => m.role === 'informant' && m.orgId === byCode.get('JB-GYQ')!.id);
  team[informantIndex]!.phone = DEMO_INFORMANT_PHONE;
  team[informantIndex]!.name = '周信息员';
  const teamRows = await tx.insert(rightsTeamMember).values(team).returning({ id: rightsTeamMember.id, orgId: rightsTeamMember.orgId, role: rightsTeamMember.role, phone: rightsTeamMember.phone });

  // ---- 20 monitoring points (每季度20个劳动关系监测点), the last four quarters filed, one warning ----
  const pointOrgs = ['JB-GYQ', 'JB-GYQ', 'JB-WLD', 'JB-DSB', 'JB-HXJ', 'JB-JBC', 'JB-SMH', 'JB-CT', 'JB-GJT', 'JB-TSP', 'JB-YZ', 'JB-FS', 'JB-WB', 'JB-YFGY', 'JB-YFGY', 'JB-HEGY', 'JB-HEGY', 'JB-GYQ', 'JB-WLD', 'JB-DSB'];
  const pointNames = ['重庆北城天街商业管理有限公司', '重庆观音桥物业服务有限公司', '重庆五里店农贸市场管理有限公司', '重庆大石坝商贸有限公司', '重庆华新街餐饮管理有限公司', '江北嘴金融城物业管理有限公司', '重庆石马河家政服务有限公司', '重庆寸滩港口物流有限公司', '重庆郭家沱机械制造有限公司', '铁山坪森林公园管理处', '重庆鱼嘴港务有限公司', '重庆复盛建材有限公司', '五宝镇农业专业合作社联合社', '重庆鱼复汽车零部件有限公司', '重庆鱼复智能装备有限公司', '海尔电器（重庆）有限公司', '重庆海尔洗衣机有限公司', '重庆嘉穗建筑劳务有限公司', '重庆鑫达物流有限公司', '延锋伟世通（重庆）汽车电子有限公司'];
  const quarters: string[] = [];
  for (let d = today, k = 0; k < 4; k++) {
    const month = Number(d.slice(5, 7));
    const startOfQuarter = `${d.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
    d = addDays(startOfQuarter, -1);
    quarters.push(`${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`);
  }
  const warnedPoint = 18; // 重庆嘉穗建筑劳务有限公司 reported wage arrears last quarter
  for (let i = 0; i < pointNames.length; i++) {
    const o = byCode.get(pointOrgs[i]!)!;
    const informant = i === 0 ? teamRows[informantIndex]! : teamRows.filter((t) => t.role === 'informant')[i]!;
    const [point] = await tx.insert(rightsMonitoringPoint).values({ orgId: o.id, enterpriseName: pointNames[i]!, creditCode: creditCode(pointNames[i]!), industry: pick(['制造业', '建筑业', '批发零售', '物流', '物业服务', '餐饮']), informantId: informant.id, sinceOn: '2022-03-01' }).returning();
    const headcount = 40 + Math.floor(random() * 900);
    // The two points not yet in for the last quarter (the overdue list) and the demo informant's, left for the phone.
    const skipLatest = i === 0 || i === 7 || i === 12;
    for (const [k, quarter] of quarters.entries()) {
      if (k === 0 && skipLatest) continue;
      const isWarned = i === warnedPoint && k === 0;
      const values = Object.fromEntries(monitoringIndicators.map((key) => [key, 0])) as Record<(typeof monitoringIndicators)[number], number>;
      Object.assign(values, {
        headcount,
        new_hires: Math.floor(headcount * random() * 0.05),
        layoffs: Math.floor(headcount * random() * 0.03),
        contract_signed: headcount - Math.floor(random() * 2),
        social_insurance_covered: headcount - Math.floor(random() * 3),
        wage_arrears_workers: isWarned ? 12 : 0,
        wage_arrears_fen: isWarned ? 8_640_000 : 0,
        avg_monthly_overtime_hours: Math.round(10 + random() * 20),
        disputes: isWarned ? 2 : Math.floor(random() * 1.3),
        collective_incidents: 0,
      });
      const submittedAt = shanghaiStartOf(addDays(quarterEndOf(quarter), 3 + Math.floor(random() * 5)));
      const [report] = await tx.insert(rightsMonitoringReport).values({ pointId: point!.id, quarter, values, submittedBy: null, submittedVia: random() < 0.7 ? 'phone' : 'console', submittedAt }).returning();
      if (isWarned) {
        const t = DEFAULT_THRESHOLDS.find((x) => x.measure === 'wage_arrears_workers')!;
        await tx.insert(rightsWarning).values({ pointId: point!.id, reportId: report!.id, orgId: o.id, quarter, measure: t.measure, value: 12, op: t.op, threshold: t.value, level: t.level, createdAt: submittedAt });
      }
    }
  }

  // ---- harmonious-enterprise ratings: 2022 as the report tells it, and this year's applications ----
  const allCriteria = { contracts_signed: true, wages_on_time: true, social_insurance_full: true, working_hours_legal: true, collective_bargaining: true, workers_congress: true, open_affairs: true, safety_no_major_accident: true, union_established: true, no_serious_violation: true };
  const ratings2022 = ['重庆嘉益房地产开发有限公司', '重庆北城天街商业管理有限公司', '重庆观音桥物业服务有限公司', '江北嘴金融城物业管理有限公司', '重庆寸滩港口物流有限公司', '重庆郭家沱机械制造有限公司', '重庆鱼嘴港务有限公司', '重庆鱼复汽车零部件有限公司', '重庆鱼复智能装备有限公司', '重庆海尔洗衣机有限公司', '海尔电器（重庆）有限公司'];
  const ratingRows: (typeof rightsRatingApplication.$inferInsert)[] = ratings2022.map((enterpriseName, i) => ({ year: 2022, orgId: jb.id, enterpriseName, creditCode: creditCode(enterpriseName), levelApplied: i % 3 === 0 ? 'AA' : 'A', criteria: allCriteria, status: 'approved', levelGranted: i % 3 === 0 ? 'AA' : 'A', reviewNote: '经审核，符合和谐劳动关系企业评定标准。', reviewedBy: adminId, reviewedAt: shanghaiStartOf('2022-12-20'), createdBy: adminId }));
  for (const enterpriseName of ['延锋伟世通（重庆）汽车电子有限公司', '鸿恩寺公园管理有限公司']) ratingRows.push({ year: 2022, orgId: jb.id, enterpriseName, creditCode: creditCode(enterpriseName), levelApplied: 'AAA', criteria: allCriteria, statement: '推荐申报 2022 年度 AAA 级和谐劳动关系企业。', status: 'approved', levelGranted: 'AAA', reviewedBy: adminId, reviewedAt: shanghaiStartOf('2022-12-28'), createdBy: adminId });
  const thisYear = Number(today.slice(0, 4));
  ratingRows.push({ year: thisYear, orgId: byCode.get('JB-GYQ')!.id, enterpriseName: '重庆北城天街商业管理有限公司', creditCode: creditCode('重庆北城天街商业管理有限公司'), levelApplied: 'AA', criteria: { ...allCriteria, collective_bargaining: false }, statement: '职代会、厂务公开制度健全。', status: 'submitted', createdBy: adminId });
  // The enterprise that raised the warning applied too: disqualified for the year.
  const warnedName = pointNames[warnedPoint]!;
  ratingRows.push({ year: thisYear, orgId: byCode.get('JB-WLD')!.id, enterpriseName: warnedName, creditCode: creditCode(warnedName), levelApplied: 'A', criteria: allCriteria, status: quarters[0]!.startsWith(String(thisYear)) ? 'disqualified' : 'submitted', disqualifiedReasons: quarters[0]!.startsWith(String(thisYear)) ? [{ kind: 'warning', ref: `${quarters[0]} wage_arrears_workers`, on: today }] : null, createdBy: adminId });
  await tx.insert(rightsRatingApplication).values(ratingRows);

  await recordAudit(tx, systemAuditContext('seed --demo'), { action: 'rights.seed', entityType: 'rights', orgId: jb.id, after: { cases: rows.length, consultations: consultations.length, team: team.length, points: pointNames.length, ratings: ratingRows.length } });
}

function quarterEndOf(q: string): string {
  const year = Number(q.slice(0, 4));
  const n = Number(q.slice(5));
  return addDays(n === 4 ? `${year + 1}-01-01` : `${year}-${String(n * 3 + 1).padStart(2, '0')}-01`, -1);
}
