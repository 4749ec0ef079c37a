import { Worker } from 'node:worker_threads';
import { createSlots } from '../../platform/slots';
import type { CoverageFigures, CoverageInputs, CoveragePhase, PhaseFn } from './coverage.compute';
import type { LayersJson } from './coverage.repository';
import type { WalkGraph } from './geo';

// A coverage run over a city's network computes for seconds to minutes (bench: ~20 s for a
// million edges). On the main thread that stops the instance from answering anything meanwhile, so
// the job computes in a worker thread and the main thread only relays its phases and stores the
// figures (ARCHITECTURE.md, decisions).

export type CoverageWorkerData = { graph: WalkGraph; input: CoverageInputs };
/** The figures without their two big layers, which come as JSON text. */
export type CoverageSummary = Omit<CoverageFigures, 'isochrones' | 'uncovered'>;
/** `nice`: the worker thread's scheduling priority (null where it cannot be set; see platform/thread-priority). */
export type CoverageAnswer = { figures: CoverageSummary; layers: LayersJson; threadId: number; nice?: number | null };
export type FromCoverageWorker =
  | { type: 'phase'; fraction: number; phase: CoveragePhase }
  | ({ type: 'done' } & CoverageAnswer)
  | { type: 'error'; name: string; message: string; stack: string };

/**
 * Coverage workers one instance runs at once; later runs wait their turn. A city run takes a core
 * and ~700 MB at its peak (bench), and the instance needs the other core for its requests: several
 * at once would only share the same cores more slowly and multiply the memory.
 */
export const MAX_COVERAGE_WORKERS = 1;
const slots = createSlots(MAX_COVERAGE_WORKERS);

export type CoverageWorkerOptions = {
  /** Cap of the worker's JavaScript heap (the graph's arrays are outside it); none by default. */
  maxHeapMb?: number;
};

/**
 * computeCoverage in a worker thread. The graph's typed arrays are shared with the thread when they
 * live in a SharedArrayBuffer (a graph loaded from the database, network.service.ts) and copied
 * once otherwise; nothing is cloned element by element. Each phase the worker reaches is passed to
 * `onPhase` in order, one at a time, and the figures (the two big layers as JSON text) are returned
 * only after the last phase was written. An error in the worker rejects with the same message; a
 * worker that crashes or exits before its answer rejects too; if `onPhase` throws (a cancelled
 * job), the worker is stopped and that error is thrown. The worker is terminated when the run
 * ends, whichever way.
 */
export async function computeCoverageInWorker(graph: WalkGraph, input: CoverageInputs, onPhase: PhaseFn = () => undefined, options: CoverageWorkerOptions = {}): Promise<CoverageAnswer> {
  const release = await slots.take();
  let worker: Worker | undefined;
  try {
    const data: CoverageWorkerData = { graph, input };
    const started = new Worker(new URL('./coverage.worker-entry.mjs', import.meta.url), {
      workerData: data,
      ...(options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } } : {}),
    });
    worker = started;
    return await new Promise((resolve, reject) => {
      let isSettled = false;
      let isAnswered = false;
      let phases: Promise<void> = Promise.resolve();
      const fail = (error: unknown) => {
        if (isSettled) return;
        isSettled = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      started.on('message', (m: FromCoverageWorker) => {
        if (isSettled) return;
        if (m.type === 'phase') {
          phases = phases.then(() => onPhase(m.fraction, m.phase));
          phases.catch(fail);
        } else if (m.type === 'done') {
          isAnswered = true;
          phases.then(() => {
            if (isSettled) return;
            isSettled = true;
            resolve({ figures: m.figures, layers: m.layers, threadId: m.threadId, nice: m.nice });
          }, fail);
        } else fail(Object.assign(new Error(m.message), { name: m.name, stack: m.stack }));
      });
      // An uncaught error, the heap cap reached, or the entry failing to load.
      started.on('error', fail);
      started.on('exit', (code) => {
        if (!isAnswered) fail(new Error(`the coverage worker stopped before its run was done (exit code ${code})`));
      });
    });
  } finally {
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      await worker.terminate();
    }
    release();
  }
}
