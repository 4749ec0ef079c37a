/**
 * The bounded spreadsheet reader (apps/server/src/platform/spreadsheet) against exceljs's streaming
 * reader, the baseline it replaced, on the same generated 100,000-row collective-join sheet in one
 * run; and how fast and with how much memory it refuses zip bombs (a 1.6 MB file of 400 MB of XML).
 * `npm run bench -- spreadsheet`; `BENCH_SHEET_ROWS` sets the rows (100000).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { readSheetRows } from "../apps/server/src/platform/spreadsheet";
import { xlsxBomb } from "../apps/server/src/platform/spreadsheet/testing";
import { generateImportFile } from "./members";

export type SpreadsheetFigures = { rows: number; fileMb: number; baselineS: number; oursS: number; baselinePeakMb: number; oursPeakMb: number; bombs: { label: string; fileMb: number; seconds: number; code: string; rssGrowthMb: number }[] };

const MB = 1024 * 1024;

async function measure(work: () => Promise<unknown>): Promise<{ result: unknown; seconds: number; peakGrowthMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  let result: unknown;
  try {
    result = await work();
  } catch (error) {
    result = error;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  return { result, seconds, peakGrowthMb: (Math.max(peak, process.memoryUsage().rss) - start) / MB };
}

export async function benchSpreadsheet(log: (m: string) => void): Promise<SpreadsheetFigures> {
  const rows = Number(process.env.BENCH_SHEET_ROWS ?? 100_000);
  log(`spreadsheet: generating a ${rows.toLocaleString("en")}-row sheet`);
  const file = await generateImportFile(rows);
  const baseline = await measure(async () => {
    let n = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "emit" });
    for await (const sheet of reader) {
      for await (const _row of sheet) n++;
      break;
    }
    return n;
  });
  log(`spreadsheet: exceljs ${baseline.seconds.toFixed(2)} s`);
  const ours = await measure(async () => {
    let n = 0;
    for await (const _row of readSheetRows(file, { maxFileBytes: 20 * MB, maxUnpackedBytes: 200 * MB, maxRows: rows, maxHeapMb: 128 })) n++;
    return n;
  });
  log(`spreadsheet: ours ${ours.seconds.toFixed(2)} s`);
  if (baseline.result !== ours.result) throw new Error(`row counts differ: exceljs ${String(baseline.result)}, ours ${String(ours.result)}`);
  const bombs: SpreadsheetFigures["bombs"] = [];
  for (const lie of [false, true]) {
    const bomb = await xlsxBomb(400, { lie });
    const m = await measure(() => (async () => {
      for await (const _row of readSheetRows(bomb, { maxFileBytes: 20 * MB, maxUnpackedBytes: 200 * MB, maxRows: 100_000 })) void _row;
    })());
    bombs.push({ label: lie ? "declares 1 MB, inflates to 400 MB" : "declares its 400 MB", fileMb: bomb.length / MB, seconds: m.seconds, code: (m.result as { code?: string })?.code ?? "accepted?!", rssGrowthMb: m.peakGrowthMb });
  }
  return { rows, fileMb: file.length / MB, baselineS: baseline.seconds, oursS: ours.seconds, baselinePeakMb: baseline.peakGrowthMb, oursPeakMb: ours.peakGrowthMb, bombs };
}

export function spreadsheetMarkdown(f: SpreadsheetFigures, command: string): string {
  const fmt = (n: number, d = 2) => n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d });
  return [
    "## Spreadsheets: the bounded reader",
    "",
    `\`${command}\`: the first sheet of a generated ${f.rows.toLocaleString("en")}-row collective-join .xlsx (${fmt(f.fileMb)} MB, shared strings) read to the end, exceljs's streaming reader (the baseline, in this process) against ours (zip and SAX in a worker thread with a capped heap; growth of this process's RSS).`,
    "",
    "| reader | seconds | rows/s | RSS growth MB | ÷ baseline |",
    "| --- | --- | --- | --- | --- |",
    `| exceljs WorkbookReader (baseline) | ${fmt(f.baselineS)} | ${fmt(f.rows / f.baselineS, 0)} | ${fmt(f.baselinePeakMb, 0)} | 1.00 |`,
    `| platform/spreadsheet readSheetRows | ${fmt(f.oursS)} | ${fmt(f.rows / f.oursS, 0)} | ${fmt(f.oursPeakMb, 0)} | ${fmt(f.oursS / f.baselineS)} |`,
    "",
    "Zip bombs (limit 200 MB unpacked, as the members import):",
    "",
    "| bomb | file MB | refused in s | code | RSS growth MB |",
    "| --- | --- | --- | --- | --- |",
    ...f.bombs.map((b) => `| ${b.label} | ${fmt(b.fileMb)} | ${fmt(b.seconds)} | ${b.code} | ${fmt(b.rssGrowthMb, 0)} |`),
    "",
  ].join("\n");
}
