import { createHash } from 'node:crypto';
import type { ClaimType, DocumentAudience, DocumentKind, SignerRole } from '@niangjia/contracts/rights-domain';
import { chineseDate, yuan, yuanInWords } from './money';

/**
 * The documents of a case as data: a list of blocks that map one to one onto the shared PDF
 * builder (heading, paragraph, key-values, table, signatures). Templates are pure functions of
 * the case data, so the same data always gives the same content hash — the hash the parties'
 * signatures are bound to.
 */
export type DocBlock =
  | { type: 'heading'; text: string; level: 1 | 2 | 3 }
  | { type: 'paragraph'; text: string; align?: 'left' | 'right' | 'center' | 'justify'; isBold?: boolean }
  | { type: 'keyValues'; rows: [string, string][] }
  | { type: 'table'; columns: { header: string; align?: 'left' | 'right' | 'center' }[]; rows: string[][]; totalRow?: string[] }
  | { type: 'signatures'; slots: { role: SignerRole; label: string; name: string; /** Which party signs here (several applicants may sign one agreement). */ partyId?: string }[] }
  | { type: 'spacer'; height?: number };

export type DocumentSpec = { kind: DocumentKind; audience: DocumentAudience; title: string; author: string; caseNumber: string; blocks: DocBlock[] };

export type DocParty = { id: string; role: 'applicant' | 'respondent'; name: string; idNumberMasked: string | null; phoneMasked: string | null; creditCode: string | null; legalRepresentative: string | null; address: string | null; agentName: string | null };
export type DocumentData = {
  caseNumber: string;
  committee: string;
  unionName: string;
  summary: string;
  receivedOn: string;
  acceptedOn: string | null;
  mediationDueOn: string | null;
  outcomeOn: string | null;
  mediatorName: string | null;
  isComplainantSealed: boolean;
  parties: DocParty[];
  claims: { type: ClaimType; description: string | null; amountFen: number; agreedFen: number | null }[];
  agreedFen: number;
  terms: string | null;
  installments: { dueOn: string; amountFen: number; note: string | null }[];
};

const CLAIM_NAMES: Record<ClaimType, string> = {
  back_pay: '拖欠工资',
  overtime: '加班费',
  double_wage: '未签订书面劳动合同二倍工资差额',
  severance: '经济补偿',
  illegal_termination: '违法解除劳动合同赔偿金',
  social_insurance: '社会保险相关损失',
  work_injury: '工伤待遇',
  annual_leave: '未休年休假工资',
  other: '其他',
};
export const claimName = (type: ClaimType) => CLAIM_NAMES[type];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SEALED = '申请人（身份信息依申请保密）';

function applicantLines(p: DocParty): [string, string][] {
  const detail = [p.name, p.idNumberMasked ? `身份证号 ${p.idNumberMasked}` : null, p.phoneMasked ? `联系电话 ${p.phoneMasked}` : null].filter(Boolean).join('，');
  return [['申请人', detail], ...(p.agentName ? ([['委托代理人', p.agentName]] as [string, string][]) : [])];
}

function respondentLines(p: DocParty): [string, string][] {
  const rows: [string, string][] = [['被申请人', p.name]];
  if (p.creditCode) rows.push(['统一社会信用代码', p.creditCode]);
  if (p.legalRepresentative) rows.push(['法定代表人', p.legalRepresentative]);
  if (p.address) rows.push(['住所', p.address]);
  if (p.agentName) rows.push(['委托代理人', p.agentName]);
  return rows;
}

/** 劳动争议调解协议书 (劳动争议调解仲裁法 第十四条): the parties, the claims as settled, the plan, signatures. */
export function agreementSpec(d: DocumentData): DocumentSpec {
  const applicants = d.parties.filter((p) => p.role === 'applicant');
  const respondent = d.parties.find((p) => p.role === 'respondent');
  const respondentName = respondent?.name ?? '';
  const blocks: DocBlock[] = [
    { type: 'heading', text: '劳动争议调解协议书', level: 1 },
    { type: 'paragraph', text: d.caseNumber, align: 'right' },
    { type: 'keyValues', rows: [...applicants.flatMap(applicantLines), ...(respondent ? respondentLines(respondent) : [])] },
    { type: 'paragraph', text: `争议事项：${d.summary}` },
    { type: 'paragraph', text: `申请人于${chineseDate(d.receivedOn)}向${d.committee}申请调解${d.acceptedOn ? `，本委员会于${chineseDate(d.acceptedOn)}受理` : ''}。经调解员${d.mediatorName ?? ''}主持调解，双方在平等自愿的基础上达成如下协议：` },
  ];
  const agreed = d.claims.filter((c) => (c.agreedFen ?? 0) > 0);
  blocks.push({
    type: 'table',
    columns: [{ header: '项目' }, { header: '请求金额', align: 'right' }, { header: '协议金额', align: 'right' }],
    rows: d.claims.map((c) => [c.description ? `${claimName(c.type)}（${c.description}）` : claimName(c.type), yuan(c.amountFen), yuan(c.agreedFen ?? 0)]),
    totalRow: ['合计', yuan(d.claims.reduce((s, c) => s + c.amountFen, 0)), yuan(d.agreedFen)],
  });
  const items: string[] = [
    `被申请人${respondentName}同意向申请人${applicants.map((a) => a.name).join('、')}支付${agreed.map((c) => `${claimName(c.type)}${yuan(c.agreedFen ?? 0)}`).join('、') || '款项'}，合计人民币${yuan(d.agreedFen)}（大写：${yuanInWords(d.agreedFen)}）。`,
  ];
  if (d.installments.length === 1) items.push(`被申请人于${chineseDate(d.installments[0]!.dueOn)}前一次性付清上述款项。`);
  else if (d.installments.length > 1)
    items.push(`被申请人按以下期限分期支付：${d.installments.map((i, n) => `第${NUMERALS[n] ?? n + 1}期于${chineseDate(i.dueOn)}前支付${yuan(i.amountFen)}${i.note ? `（${i.note}）` : ''}`).join('；')}。`);
  if (d.terms) items.push(d.terms);
  items.push('双方就本劳动争议再无其他争议。');
  items.forEach((text, i) => blocks.push({ type: 'paragraph', text: `${NUMERALS[i] ?? i + 1}、${text}` }));
  blocks.push(
    { type: 'paragraph', text: '本协议书自双方当事人签名或者盖章、经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行。一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁。因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（《中华人民共和国劳动争议调解仲裁法》第十四条至第十六条）。' },
    { type: 'paragraph', text: '本协议书一式三份，双方当事人各执一份，调解委员会存档一份。' },
    {
      type: 'signatures',
      slots: [
        ...applicants.map((a) => ({ role: 'applicant' as const, label: '申请人（签名）', name: a.name, partyId: a.id })),
        { role: 'respondent', label: '被申请人（签名或盖章）', name: respondentName, ...(respondent ? { partyId: respondent.id } : {}) },
        { role: 'mediator', label: '调解员（签名）', name: d.mediatorName ?? '' },
      ],
    },
    { type: 'paragraph', text: `${d.committee}（印章）`, align: 'right' },
    { type: 'paragraph', text: d.outcomeOn ? chineseDate(d.outcomeOn) : '', align: 'right' },
  );
  return { kind: 'agreement', audience: 'file', title: '劳动争议调解协议书', author: d.unionName, caseNumber: d.caseNumber, blocks };
}

/**
 * 受理通知书: one to the worker, one to the employer. When the complainant asked to be sealed,
 * the employer's copy does not name them (issue #15 point 6).
 */
export function acceptanceNoticeSpec(d: DocumentData, audience: DocumentAudience): DocumentSpec {
  const applicants = d.parties.filter((p) => p.role === 'applicant');
  const respondent = d.parties.find((p) => p.role === 'respondent');
  const isSealed = d.isComplainantSealed && audience === 'respondent';
  const applicantText = isSealed ? SEALED : applicants.map((a) => a.name).join('、');
  const addressee = audience === 'respondent' ? (respondent?.name ?? '') : audience === 'applicant' ? applicants.map((a) => a.name).join('、') : `${applicantText}、${respondent?.name ?? ''}`;
  const claims = d.claims.map((c) => [claimName(c.type), yuan(c.amountFen)]);
  const blocks: DocBlock[] = [
    { type: 'heading', text: '劳动争议调解受理通知书', level: 1 },
    { type: 'paragraph', text: d.caseNumber, align: 'right' },
    { type: 'paragraph', text: `${addressee}：`, isBold: true },
    {
      type: 'paragraph',
      text:
        audience === 'respondent'
          ? `${applicantText}于${chineseDate(d.receivedOn)}向本委员会提出与你单位之间的劳动争议调解申请。经审查，该申请属于劳动争议调解受理范围，本委员会决定于${chineseDate(d.acceptedOn ?? d.receivedOn)}予以受理。`
          : `你于${chineseDate(d.receivedOn)}提出的与${respondent?.name ?? ''}之间的劳动争议调解申请，经审查，属于劳动争议调解受理范围，本委员会决定于${chineseDate(d.acceptedOn ?? d.receivedOn)}予以受理。`,
    },
    { type: 'table', columns: [{ header: '请求事项' }, { header: '金额', align: 'right' }], rows: claims, totalRow: ['合计', yuan(d.claims.reduce((s, c) => s + c.amountFen, 0))] },
    {
      type: 'paragraph',
      text: `本案调解员：${d.mediatorName ?? '（待指派）'}。调解应当自受理之日起十五日内结束，即${d.mediationDueOn ? chineseDate(d.mediationDueOn) : ''}前；双方当事人同意延期的可以延长，延长期限最长不超过十五日（《企业劳动争议协商调解规定》第二十五条）。调解不成或期满未达成协议的，当事人可以依法申请劳动争议仲裁。`,
    },
    { type: 'paragraph', text: '请按调解员通知的时间、地点参加调解，并携带身份证明及相关证据材料。' },
    { type: 'signatures', slots: [{ role: 'mediator', label: '调解员（签名）', name: d.mediatorName ?? '' }] },
    { type: 'paragraph', text: `${d.committee}（印章）`, align: 'right' },
    { type: 'paragraph', text: chineseDate(d.acceptedOn ?? d.receivedOn), align: 'right' },
  ];
  return { kind: 'acceptance_notice', audience, title: '劳动争议调解受理通知书', author: d.unionName, caseNumber: d.caseNumber, blocks };
}

export function specFor(kind: DocumentKind, audience: DocumentAudience, d: DocumentData): DocumentSpec {
  return kind === 'agreement' ? agreementSpec(d) : acceptanceNoticeSpec(d, audience);
}

/** The hash signatures are bound to: the agreement's content (one per kind, whichever copy). */
export function contentHashOf(spec: DocumentSpec): string {
  return createHash('sha256').update(JSON.stringify({ kind: spec.kind, blocks: spec.blocks })).digest('hex');
}

/** The plain text of a spec, line by line (for the signing page and for tests). */
export function specLines(spec: DocumentSpec): string[] {
  return spec.blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        return [b.text];
      case 'keyValues':
        return b.rows.map(([k, v]) => `${k}：${v}`);
      case 'table':
        return [...b.rows, ...(b.totalRow ? [b.totalRow] : [])].map((r) => r.join('  '));
      case 'signatures':
      case 'spacer':
        return [];
    }
  });
}
