import type { Db } from '../../db/client';
import { notify, type LocalText } from '../../platform/notifications';

export const reportNumber = (seq: number) => `SP${String(seq).padStart(6, '0')}`;

type Ref = { id: string; seq: number; orgId: string; category: LocalText };

/** A new report (or one moved here by reassignment or escalation): the answering org's staff hear of it. */
export async function notifyStaff(tx: Db, r: Ref, why: 'new' | 'reassigned' | 'escalated' | 'reopened', exceptUserId: string | null = null): Promise<void> {
  const number = reportNumber(r.seq);
  const title: Record<typeof why, LocalText> = {
    new: { 'zh-CN': '新的随手拍反映', en: 'New hazard or community report' },
    reassigned: { 'zh-CN': '一条随手拍反映转给了本单位', en: 'A report was reassigned to your union' },
    escalated: { 'zh-CN': '一条随手拍反映逾期上报到本单位', en: 'An overdue report was escalated to your union' },
    reopened: { 'zh-CN': '反映人表示问题仍未解决，已重新办理', en: 'The reporter says it is not fixed: the report is open again' },
  };
  await notify(tx, {
    to: { staffWith: 'voice.write', inScopeOf: r.orgId },
    kind: `voice.${why}`,
    title: title[why],
    body: { 'zh-CN': `${r.category['zh-CN']}（${number}）`, en: `${r.category.en} (${number})` },
    link: `/admin/voice?report=${r.id}`,
    entity: { type: 'voice_report', id: r.id },
    exceptUserId,
  });
}

const STEP: Record<string, LocalText> = {
  accepted: { 'zh-CN': '您反映的问题已受理', en: 'Your report was accepted' },
  progress: { 'zh-CN': '您反映的问题有新进展', en: 'There is news on your report' },
  reply: { 'zh-CN': '工会回复了您反映的问题', en: 'The union replied to your report' },
  resolved: { 'zh-CN': '您反映的问题已解决，请确认', en: 'Your report was resolved: please confirm' },
  reassigned: { 'zh-CN': '您反映的问题已转交其他单位办理', en: 'Your report was passed to another union' },
  escalated: { 'zh-CN': '您反映的问题已上报上级工会督办', en: 'Your report was escalated to the union above' },
  merged: { 'zh-CN': '您反映的问题已与同一问题合并办理', en: 'Your report was merged with one about the same problem' },
};

/** A staff step on a report: the worker who filed it and every "我也遇到了" joiner hear of it (SMS if they chose it). */
export async function notifyWorkers(tx: Db, r: Ref & { userIds: string[]; note: string | null }, step: keyof typeof STEP): Promise<void> {
  const number = reportNumber(r.seq);
  const title = STEP[step]!;
  await notify(tx, {
    to: { userIds: r.userIds },
    kind: `voice.${step}`,
    orgId: r.orgId,
    title,
    body: r.note
      ? { 'zh-CN': `${r.category['zh-CN']}（${number}）：${r.note}`, en: `${r.category.en} (${number}): ${r.note}` }
      : { 'zh-CN': `${r.category['zh-CN']}（${number}）`, en: `${r.category.en} (${number})` },
    link: `/m/voice/mine`,
    entity: { type: 'voice_report', id: r.id },
    sms: step === 'resolved',
  });
}
