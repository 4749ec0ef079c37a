// The body of the coverage worker thread (coverage.worker.ts starts it through
// coverage.worker-entry.mjs): one computeCoverage over the graph and inputs it is given, posting
// each phase as it is reached and then the figures, or the error. The thread ends with the run.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { lowerThisThreadsPriority } from '../../platform/thread-priority';
import { computeCoverage } from './coverage.compute';
import type { CoverageWorkerData, FromCoverageWorker } from './coverage.worker';

const port = parentPort!;
const post = (message: FromCoverageWorker) => port.postMessage(message);
const { graph, input } = workerData as CoverageWorkerData;
// Background work: the instance's requests and the database come first on the cores.
const nice = lowerThisThreadsPriority();

computeCoverage(graph, input, (fraction, phase) => post({ type: 'phase', fraction, phase }))
  .then(({ isochrones, uncovered, ...figures }) =>
    // The layers leave as JSON text: one flat string to hand over instead of millions of small
    // arrays for the main thread to rebuild and serialize again.
    post({ type: 'done', figures, layers: { isochrones: JSON.stringify(isochrones), uncovered: JSON.stringify(uncovered) }, threadId, nice }),
  )
  .catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', name: e.name, message: e.message, stack: e.stack ?? '' });
  });
