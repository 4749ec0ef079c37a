import type { SurveyCrossTab, SurveyQuestion, SurveyQuestionResult } from '@niangjia/contracts';
import ExcelJS from 'exceljs';

const KIND: Record<string, string> = { single: '单选', multi: '多选', scale: '量表', rank: '排序', text: '填空' };

/**
 * 需求调研 export: each question's results, the cross-tabs by union and by employment form, and the
 * written answers (sorted, never in the order answered). No answer sheet row by row: on an anonymous
 * survey the union, form and day of one sheet could point to a person.
 */
export async function surveyWorkbook(title: string, responses: number, questions: readonly SurveyQuestion[], results: SurveyQuestionResult[], tabs: SurveyCrossTab[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结果汇总');
  ws.addRow(['调研', title]);
  ws.addRow(['答卷数', responses]);
  ws.addRow([]);
  ws.addRow(['题目', '题型', '回答人数', '选项', '人数', '占比', '平均值', '平均名次']).font = { bold: true };
  for (const r of results) {
    ws.addRow([r.title, KIND[r.kind], r.answered]);
    for (const o of r.options) ws.addRow([null, null, null, o.label, o.count, r.answered ? o.count / r.answered : null]);
    if (r.kind === 'scale') {
      ws.addRow([null, null, null, '平均', null, null, r.average]);
      for (const d of r.distribution) ws.addRow([null, null, null, `${d.value} 分`, d.count, r.answered ? d.count / r.answered : null]);
    }
    for (const k of r.ranks) ws.addRow([null, null, null, k.label, null, null, null, k.averagePosition]);
  }
  ws.getColumn(6).numFmt = '0.0%';
  ws.getColumn(1).width = 36;
  ws.getColumn(4).width = 24;
  const choice = questions.filter((q) => q.kind === 'single' || q.kind === 'multi');
  for (const tab of tabs) {
    const sheet = wb.addWorksheet(tab.by === 'union' ? '交叉分析（工会）' : '交叉分析（用工形式）');
    const head = ['题目', '选项', ...tab.groups.map((g) => `${g.label}（${g.isWithheld ? '不足5人' : g.responses}）`)];
    sheet.addRow(head).font = { bold: true };
    for (const q of choice) {
      for (const o of q.options) sheet.addRow([q.title, o.label, ...tab.groups.map((g) => (g.isWithheld ? null : (g.counts[q.id]?.[o.id] ?? 0)))]);
    }
    sheet.getColumn(1).width = 36;
    sheet.getColumn(2).width = 20;
  }
  const texts = wb.addWorksheet('文字回答');
  texts.addRow(['题目', '回答']).font = { bold: true };
  for (const r of results) for (const x of r.texts) texts.addRow([r.title, x]);
  texts.getColumn(1).width = 36;
  texts.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
