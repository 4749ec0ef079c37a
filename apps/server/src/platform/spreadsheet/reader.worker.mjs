// @ts-check
// The bounded reader's worker thread (see read.ts): parses an .xlsx or a CSV with the limits it is
// given and posts the rows in batches, waiting for "more" after each batch, so a slow consumer (a
// job checking rows against the database) holds at most one batch here. The thread's heap is capped
// by the parent (resourceLimits); whatever the parser allocates goes away with the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { decodeCsv, parseCsvText } from './csv.mjs';
import { readFirstSheet } from './xlsx.mjs';
import { SpreadsheetError } from './zip.mjs';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {{ kind: 'xlsx' | 'csv'; file: Uint8Array; limits: { maxUnpackedBytes: number; maxRows: number; maxColumns: number; maxCellChars: number; maxProblems: number } }} */
const { kind, file, limits } = workerData;

/** @type {(() => void) | undefined} */
let resume;
port.on('message', (msg) => {
  if (msg === 'more' && resume) {
    const r = resume;
    resume = undefined;
    r();
  }
});

/** @type {{ lastRow?: number }} */
const info = {};

/** @param {unknown[]} rows */
async function send(rows) {
  port.postMessage({ type: 'rows', rows, lastRow: info.lastRow });
  await new Promise((r) => (resume = /** @type {() => void} */ (r)));
}

async function run() {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (kind === 'xlsx') {
    for await (const rows of readFirstSheet(buffer, limits, info)) await send(rows);
    port.postMessage({ type: 'end', problems: [], problemCount: 0 });
    return;
  }
  /** @type {import('./csv.mjs').CsvProblem[]} */
  const problems = [];
  let problemCount = 0;
  const text = decodeCsv(buffer);
  for (const rows of parseCsvText(text, limits, (p) => {
    problemCount++;
    if (problems.length < limits.maxProblems) problems.push(p);
  }))
    await send(rows);
  port.postMessage({ type: 'end', problems, problemCount });
}

run().catch((error) => {
  if (error instanceof SpreadsheetError) port.postMessage({ type: 'error', code: error.code, params: error.params });
  else port.postMessage({ type: 'error', code: kind === 'xlsx' ? 'IMPORT_NOT_XLSX' : 'IMPORT_FILE_UNREADABLE', params: {}, message: error instanceof Error ? error.message : String(error) });
});
