// Parses an .xlsx in a worker thread with a bounded heap (see readImportSheet in import-xlsx.ts):
// the streaming reader's garbage stays in this thread and is freed when it ends. Posts the first
// worksheet's rows as [rowNumber, values] in batches and waits for "more" before the next batch.
import { parentPort, workerData } from 'node:worker_threads';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

const BATCH = 500;
let resume;
parentPort.on('message', (msg) => {
  if (msg === 'more' && resume) {
    const r = resume;
    resume = undefined;
    r();
  }
});

async function run() {
  const file = Buffer.from(workerData.file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
  for await (const sheet of reader) {
    let batch = [];
    for await (const row of sheet) {
      batch.push([row.number, row.values]);
      if (batch.length >= BATCH) {
        parentPort.postMessage({ type: 'rows', rows: batch });
        batch = [];
        await new Promise((r) => (resume = r));
      }
    }
    parentPort.postMessage({ type: 'rows', rows: batch });
    break; // only the first worksheet
  }
  parentPort.postMessage({ type: 'end' });
}

run().catch((error) => parentPort.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
