import { describe, expect, it } from 'vitest';
import { createPdf } from '.';
import { extractPdfText } from './testing';

describe('server-side PDF documents', () => {
  it('writes Chinese text with an embedded, subsetted font that text extraction reads back', { timeout: 60_000 }, async () => {
    const doc = createPdf({ title: '劳动争议调解协议书', author: '江北区总工会' });
    doc.heading('劳动争议调解协议书', 1);
    doc.keyValues([
      ['申请人', '张三（外卖骑手）'],
      ['被申请人', '重庆某某科技有限公司'],
    ]);
    doc.paragraph('经江北区总工会劳动争议调解委员会调解，双方自愿达成如下协议：<b>不是标签</b>');
    doc.table({ columns: [{ header: '项目' }, { header: '金额（元）', align: 'right', width: 120 }], rows: [['拖欠工资', '12,000.00']], totalRow: ['合计', '12,000.00'] });
    doc.barChart({ title: '按月', bars: [{ label: '1月', value: 3 }, { label: '2月', value: 5, compare: 2 }], legend: ['今年', '去年'] });
    doc.signatures([{ label: '申请人（签字）', name: '张三', date: '2026-12-05' }, { label: '调解员（签字）' }]);
    const pdf = await doc.finish();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Two subsetted CJK fonts (regular, bold) keep a document small.
    expect(pdf.length).toBeLessThan(300_000);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile3|\/FontFile2/);
    const [page] = await extractPdfText(pdf);
    expect(page).toContain('劳动争议调解协议书');
    expect(page).toContain('重庆某某科技有限公司');
    expect(page).toContain('<b>不是标签</b>');
    expect(page).toContain('12,000.00');
    expect(page).toContain('第 1 页 / 共 1 页');
  });

  it('breaks long tables over pages and repeats the header row', { timeout: 60_000 }, async () => {
    const doc = createPdf({ title: '名单' });
    doc.table({ columns: [{ header: '序号', width: 60 }, { header: '姓名' }], rows: Array.from({ length: 120 }, (_, i) => [String(i + 1), `会员${i + 1}`]) });
    const pages = await extractPdfText(await doc.finish());
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('序号');
    expect(pages.at(-1)).toContain('会员120');
  });
});
