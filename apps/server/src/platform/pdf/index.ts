import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

/**
 * Server-side PDF documents in Chinese (A4): reports, mediation agreements, acceptance notices,
 * certificates. Built on pdfkit with Noto Sans (Simplified Chinese) from the npm package
 * `@embedpdf/fonts-sc` (OFL-1.1, whole OTF files, GB2312 and more); only the glyphs a document
 * uses are embedded (subset), so a 10-page report is ~100 kB and opens anywhere, printed or not.
 * No browser: the server draws everything itself.
 *
 * ```ts
 * const doc = createPdf({ title: '劳动争议调解协议书', author: '江北区总工会' });
 * doc.heading('劳动争议调解协议书', 1);
 * doc.keyValues([['申请人', '张三'], ['被申请人', '某某科技有限公司']]);
 * doc.paragraph('经调解，双方自愿达成如下协议：……');
 * doc.table({ columns: [{ header: '项目' }, { header: '金额（元）', align: 'right' }], rows: [['工资', '12,000.00']] });
 * doc.signatures([{ label: '申请人（签字）' }, { label: '调解员（签字）', image: pngBuffer, date: '2026-12-05' }]);
 * const pdf: Buffer = await doc.finish();
 * ```
 * Every string is drawn as text (never interpreted as markup), whatever a user typed.
 */

const require = createRequire(import.meta.url);
let fontDir: string | undefined;
/** The OTF files inside the npm package (resolved from its entry point: the package exports nothing else). */
function fontPath(weight: 'Regular' | 'Bold'): string {
  fontDir ??= path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return path.join(fontDir, `NotoSansHans-${weight}.otf`);
}
const fontCache = new Map<string, Buffer>();
function fontBytes(weight: 'Regular' | 'Bold'): Buffer {
  let bytes = fontCache.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(fontPath(weight));
    fontCache.set(weight, bytes);
  }
  return bytes;
}

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 60, right: 60 };
const COLORS = { text: '#1f1f1f', muted: '#666666', line: '#d9d9d9', accent: '#c8102e', headFill: '#f5f5f5', bar: '#c8102e', barCompare: '#bfbfbf' };

export type Align = 'left' | 'right' | 'center';
export type TableColumn = { header: string; width?: number; align?: Align };
export type Table = { columns: TableColumn[]; rows: string[][]; totalRow?: string[] };
export type Bar = { label: string; value: number; compare?: number | null };
export type BarChart = { title: string; bars: Bar[]; format?: (v: number) => string; legend?: [current: string, compare: string] };
export type Signature = { label: string; name?: string; date?: string; image?: Buffer };

export type PdfOptions = { title: string; author?: string; subject?: string; /** Small text at the top of every page after the first. */ runningHeader?: string };

export type PdfBuilder = {
  heading(text: string, level?: 1 | 2 | 3): void;
  paragraph(text: string, opts?: { isBold?: boolean; size?: number; color?: string; align?: Align | 'justify' }): void;
  keyValues(rows: [string, string][]): void;
  table(t: Table): void;
  barChart(c: BarChart): void;
  image(data: Buffer, opts?: { width?: number; height?: number }): void;
  signatures(items: Signature[]): void;
  spacer(height?: number): void;
  pageBreak(): void;
  finish(): Promise<Buffer>;
};

export function createPdf(opts: PdfOptions): PdfBuilder {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, info: { Title: opts.title, Author: opts.author ?? '', Subject: opts.subject ?? '', Creator: 'Niangjia 娘家' }, lang: 'zh-CN', displayTitle: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', fontBytes('Regular'));
  doc.registerFont('cjk-bold', fontBytes('Bold'));
  doc.font('cjk').fontSize(10.5).fillColor(COLORS.text);

  const contentWidth = A4.width - MARGIN.left - MARGIN.right;
  const bottom = () => A4.height - MARGIN.bottom;
  const ensureSpace = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };

  function heading(text: string, level: 1 | 2 | 3 = 2) {
    const size = level === 1 ? 20 : level === 2 ? 14 : 12;
    ensureSpace(size * 3);
    if (level > 1) doc.moveDown(0.6);
    doc.font('cjk-bold').fontSize(size).fillColor(level === 1 ? COLORS.text : COLORS.accent);
    doc.text(text, MARGIN.left, doc.y, { width: contentWidth, align: level === 1 ? 'center' : 'left' });
    doc.moveDown(level === 1 ? 0.8 : 0.4);
    doc.font('cjk').fontSize(10.5).fillColor(COLORS.text);
  }

  function paragraph(text: string, p: Parameters<PdfBuilder['paragraph']>[1] = {}) {
    doc.font(p.isBold ? 'cjk-bold' : 'cjk').fontSize(p.size ?? 10.5).fillColor(p.color ?? COLORS.text);
    ensureSpace(doc.currentLineHeight(true) * 2);
    doc.text(text, MARGIN.left, doc.y, { width: contentWidth, align: p.align ?? 'justify', lineGap: 3 });
    doc.moveDown(0.4);
    doc.font('cjk').fontSize(10.5).fillColor(COLORS.text);
  }

  function keyValues(rows: [string, string][]) {
    const labelWidth = 110;
    for (const [label, value] of rows) {
      doc.fontSize(10.5);
      const h = Math.max(doc.heightOfString(value, { width: contentWidth - labelWidth }), 14);
      ensureSpace(h + 4);
      const y = doc.y;
      doc.font('cjk').fillColor(COLORS.muted).text(label, MARGIN.left, y, { width: labelWidth - 8 });
      doc.fillColor(COLORS.text).text(value, MARGIN.left + labelWidth, y, { width: contentWidth - labelWidth });
      doc.y = y + h + 4;
    }
    doc.moveDown(0.3);
  }

  function table(t: Table) {
    const fixed = t.columns.reduce((s, c) => s + (c.width ?? 0), 0);
    const flexible = t.columns.filter((c) => !c.width).length;
    const widths = t.columns.map((c) => c.width ?? (contentWidth - fixed) / Math.max(flexible, 1));
    const pad = 4;
    const drawRow = (cells: string[], kind: 'head' | 'body' | 'total') => {
      doc.font(kind === 'body' ? 'cjk' : 'cjk-bold').fontSize(9.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - pad * 2 }))) + pad * 2;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (kind !== 'head') drawRow(t.columns.map((c) => c.header), 'head');
        doc.font(kind === 'body' ? 'cjk' : 'cjk-bold').fontSize(9.5);
      }
      const y = doc.y;
      if (kind !== 'body') doc.rect(MARGIN.left, y, contentWidth, h).fill(COLORS.headFill);
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        doc.fillColor(COLORS.text).text(c, x + pad, y + pad, { width: widths[i]! - pad * 2, align: t.columns[i]?.align ?? 'left' });
        x += widths[i]!;
      });
      doc
        .moveTo(MARGIN.left, y + h)
        .lineTo(MARGIN.left + contentWidth, y + h)
        .lineWidth(0.5)
        .strokeColor(COLORS.line)
        .stroke();
      doc.y = y + h;
    };
    ensureSpace(60);
    drawRow(
      t.columns.map((c) => c.header),
      'head',
    );
    for (const r of t.rows) drawRow(r, 'body');
    if (t.totalRow) drawRow(t.totalRow, 'total');
    doc.x = MARGIN.left;
    doc.moveDown(0.8);
    doc.font('cjk').fontSize(10.5);
  }

  /** Horizontal bars (one per label), with an optional comparison bar (e.g. last year) under each. */
  function barChart(c: BarChart) {
    const fmt = c.format ?? ((v: number) => v.toLocaleString('zh-CN'));
    const labelWidth = 120;
    const valueWidth = 90;
    const barArea = contentWidth - labelWidth - valueWidth;
    const hasCompare = c.bars.some((b) => b.compare !== undefined && b.compare !== null);
    const rowH = hasCompare ? 20 : 14;
    ensureSpace(40 + Math.min(c.bars.length, 10) * rowH);
    doc.font('cjk-bold').fontSize(10.5).fillColor(COLORS.text).text(c.title, MARGIN.left, doc.y);
    if (hasCompare && c.legend) {
      doc.font('cjk').fontSize(8.5).fillColor(COLORS.muted);
      doc.rect(MARGIN.left, doc.y + 3, 8, 6).fill(COLORS.bar);
      doc.fillColor(COLORS.muted).text(c.legend[0], MARGIN.left + 12, doc.y, { continued: false });
      doc.rect(MARGIN.left, doc.y + 3, 8, 6).fill(COLORS.barCompare);
      doc.fillColor(COLORS.muted).text(c.legend[1], MARGIN.left + 12, doc.y);
    }
    doc.moveDown(0.3);
    const max = Math.max(1, ...c.bars.flatMap((b) => [b.value, b.compare ?? 0]));
    for (const b of c.bars) {
      ensureSpace(rowH + 2);
      const y = doc.y;
      doc.font('cjk').fontSize(9).fillColor(COLORS.text).text(b.label, MARGIN.left, y + 1, { width: labelWidth - 6, height: 12, ellipsis: true, lineBreak: false });
      const w = Math.max(0.5, (b.value / max) * barArea);
      doc.rect(MARGIN.left + labelWidth, y + 1, w, 8).fill(COLORS.bar);
      if (hasCompare) doc.rect(MARGIN.left + labelWidth, y + 10, Math.max(0.5, ((b.compare ?? 0) / max) * barArea), 6).fill(COLORS.barCompare);
      doc.fillColor(COLORS.text).text(fmt(b.value), MARGIN.left + labelWidth + barArea + 4, y + 1, { width: valueWidth - 4, align: 'right', lineBreak: false });
      doc.y = y + rowH;
    }
    doc.x = MARGIN.left;
    doc.moveDown(0.8);
  }

  function image(data: Buffer, o: { width?: number; height?: number } = {}) {
    const height = o.height ?? 80;
    ensureSpace(height + 10);
    doc.image(data, MARGIN.left, doc.y, { fit: [o.width ?? contentWidth, height] });
    doc.y += height + 6;
  }

  /** Signature blocks side by side: label, the signature image (a scanned PNG/JPEG) or a line, name and date. */
  function signatures(items: Signature[]) {
    const blockWidth = contentWidth / Math.max(items.length, 1);
    ensureSpace(110);
    const y = doc.y + 10;
    items.forEach((s, i) => {
      const x = MARGIN.left + i * blockWidth;
      doc.font('cjk').fontSize(10.5).fillColor(COLORS.text).text(s.label, x, y, { width: blockWidth - 10 });
      if (s.image) doc.image(s.image, x, y + 18, { fit: [blockWidth - 20, 44] });
      else
        doc
          .moveTo(x, y + 58)
          .lineTo(x + blockWidth - 30, y + 58)
          .lineWidth(0.6)
          .strokeColor(COLORS.text)
          .stroke();
      if (s.name) doc.text(s.name, x, y + 64, { width: blockWidth - 10 });
      if (s.date) doc.fillColor(COLORS.muted).text(s.date, x, y + 80, { width: blockWidth - 10 });
    });
    doc.y = y + 100;
    doc.x = MARGIN.left;
  }

  return {
    heading,
    paragraph,
    keyValues,
    table,
    barChart,
    image,
    signatures,
    spacer: (h = 12) => {
      doc.y += h;
    },
    pageBreak: () => doc.addPage(),
    async finish() {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        // Footers sit in the bottom margin; writing there must not add a page.
        const saved = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.font('cjk').fontSize(8.5).fillColor(COLORS.muted);
        doc.text(`第 ${i + 1 - range.start} 页 / 共 ${range.count} 页`, MARGIN.left, A4.height - 40, { width: contentWidth, align: 'center', lineBreak: false });
        if (opts.runningHeader && i > range.start) doc.text(opts.runningHeader, MARGIN.left, 30, { width: contentWidth, align: 'right', lineBreak: false });
        doc.page.margins.bottom = saved;
      }
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
