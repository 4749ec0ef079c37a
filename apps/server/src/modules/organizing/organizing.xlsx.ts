import type { Enterprise, Targets } from '@niangjia/contracts';
import ExcelJS from 'exceljs';

const UNION_STATUS: Record<string, string> = { none: '未建会', founding: '筹建中', founded: '已建会' };
const CONTACT: Record<string, string> = { not_contacted: '未联系', contacted: '已联系', founding: '筹建中', founded: '已建会' };
const SIZE: Record<string, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };
const OWNERSHIP: Record<string, string> = { state: '国有', collective: '集体', private: '私营', foreign: '外资', hmt: '港澳台', other: '其他' };
const KINDS = [
  ['new_unions', '新建工会'],
  ['new_members', '新发展会员'],
  ['new_gig_members', '新就业形态会员'],
  ['joining_points', '入会点'],
] as const;

/** 建会入会 export: targets against progress by child org, and the enterprises in scope (Chinese headers, numbers as numbers). */
export async function organizingWorkbook(targets: Targets, enterprises: Enterprise[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标完成情况');
  ws.addRow(['单位', ...KINDS.flatMap(([, label]) => [`${label}目标`, `${label}完成`, `${label}完成率`]), '进度滞后']).font = { bold: true };
  for (const r of [targets.org, ...targets.children]) {
    ws.addRow([r.org.name, ...KINDS.flatMap(([k]) => [r.targets[k], r.actual[k], r.percent[k] === null ? null : r.percent[k] / 100]), r.isLagging ? '是' : '']);
  }
  KINDS.forEach((_, i) => (ws.getColumn(4 + i * 3).numFmt = '0%'));
  ws.getColumn(1).width = 28;
  const es = wb.addWorksheet('企业名录');
  es.addRow(['企业名称', '统一社会信用代码', '所属组织', '地址', '行业', '规模', '经济类型', '职工人数', '新就业形态劳动者', '建会状态', '工作进展', '所建工会', '联系干部', '逾期事项']).font = {
    bold: true,
  };
  for (const e of enterprises) {
    es.addRow([
      e.name,
      e.creditCode,
      e.org.name,
      e.address,
      e.industry,
      e.sizeBand ? SIZE[e.sizeBand] : null,
      e.ownership ? OWNERSHIP[e.ownership] : null,
      e.headcount,
      e.gigWorkers,
      UNION_STATUS[e.unionStatus],
      CONTACT[e.contactStatus],
      e.unionOrg?.name ?? null,
      e.cadre?.name ?? null,
      e.overdueSteps,
    ]);
  }
  es.getColumn(1).width = 32;
  es.getColumn(2).width = 22;
  const about = wb.addWorksheet('说明');
  about.addRow(['年度', String(targets.year)]);
  about.addRow(['组织', targets.org.org.name]);
  about.addRow(['时间进度', `${targets.yearElapsedPercent}%`]);
  about.addRow(['口径', '完成数按记录计算：当年成立的基层工会、当年批准入会的会员（新就业形态按用工形式）、当年投入使用的入会点。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
