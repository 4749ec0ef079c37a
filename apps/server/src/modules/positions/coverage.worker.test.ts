import os from 'node:os';
import { threadId } from 'node:worker_threads';

const mainNice = os.getPriority();
import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageInputs, type CoveragePhase } from './coverage.compute';
import { computeCoverageInWorker } from './coverage.worker';
import { buildWalkGraph, type WalkGraph } from './geo';
import { loadMonaco, makeNetwork } from './geo/testing';
import { deserializeWalkGraph, serializeWalkGraph } from './network.service';

const inMonaco: CoverageInputs = {
  positions: [
    { lng: 7.4246, lat: 43.7384 },
    { lng: 7.42, lat: 43.731 },
  ],
  minutes: 15,
  speedKmh: 4.5,
  candidateCount: 4,
};

/** A side × side street grid 40 m apart: heavy enough that its candidates phase takes a while. */
function buildGrid(side: number): WalkGraph {
  const coords: [number, number][] = [];
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) coords.push([106.5 + (c * 40) / 96_900, 29.5 + (r * 40) / 111_195]);
  const ways: number[][] = [];
  for (let a = 0; a < side; a++) {
    ways.push(Array.from({ length: side }, (_, b) => a * side + b));
    ways.push(Array.from({ length: side }, (_, b) => b * side + a));
  }
  return buildWalkGraph(makeNetwork(coords, ways));
}

const withoutTimings = <T extends { timingsMs: unknown }>(f: T) => ({ ...f, timingsMs: null });

describe('coverage in a worker thread', () => {
  it('computes on another thread exactly what the main thread computes, from a graph in shared memory', async () => {
    const { graph } = await loadMonaco();
    // A graph as the job loads it from the database: its arrays live in a SharedArrayBuffer.
    const stored = deserializeWalkGraph(serializeWalkGraph(graph));
    expect(stored.lng.buffer).toBeInstanceOf(SharedArrayBuffer);
    const phases: CoveragePhase[] = [];
    const { figures, layers, threadId: workerThread, nice } = await computeCoverageInWorker(stored, inMonaco, (_f, phase) => void phases.push(phase));
    expect(workerThread).not.toBe(threadId);
    // Background work: the worker thread, and only it, runs below the instance's priority (Linux).
    if (process.platform === 'linux') {
      expect(nice).toBeGreaterThan(os.getPriority());
      expect(os.getPriority()).toBe(mainNice);
    }
    const fromWorker = { ...figures, isochrones: JSON.parse(layers.isochrones) as unknown, uncovered: JSON.parse(layers.uncovered) as unknown };
    expect(withoutTimings(fromWorker)).toEqual(withoutTimings(await computeCoverage(graph, inMonaco)));
    expect(phases).toEqual(['snap', 'snap', 'reach', 'weights', 'isochrones', 'uncovered', 'candidates', 'done']);
  });

  it('leaves the main thread free while a heavy run computes', async () => {
    const graph = buildGrid(70);
    const input: CoverageInputs = { positions: [{ lng: 106.5, lat: 29.5 }], minutes: 15, speedKmh: 4.5, candidateCount: 3 };
    // Timer ticks between the first and the last phase the run reports. On the main thread the
    // whole run (reporting its phases included) is one stretch of synchronous work: none there.
    const countTicks = async (run: (onPhase: (f: number, phase: CoveragePhase) => void) => Promise<unknown>) => {
      let ticks = 0;
      let atFirst: number | undefined;
      let atDone = 0;
      const timer = setInterval(() => ticks++, 1);
      try {
        await run((_f, phase) => {
          atFirst ??= ticks;
          if (phase === 'done') atDone = ticks;
        });
      } finally {
        clearInterval(timer);
      }
      return atDone - atFirst!;
    };
    expect(await countTicks((onPhase) => computeCoverage(graph, input, onPhase))).toBe(0);
    expect(await countTicks((onPhase) => computeCoverageInWorker(graph, input, onPhase))).toBeGreaterThan(0);
  });

  it('fails with the error the computation threw, and a worker that dies fails the run instead of hanging it', async () => {
    const { graph } = await loadMonaco();
    const broken = { ...inMonaco, positions: { stored: 'not a list' } as unknown as CoverageInputs['positions'] };
    const inProcess: unknown = await computeCoverage(graph, broken).catch((e: unknown) => e);
    expect(inProcess).toBeInstanceOf(TypeError);
    await expect(computeCoverageInWorker(graph, broken)).rejects.toThrow((inProcess as TypeError).message);
    // A heap too small for the thread to even start: it dies, and the run fails.
    await expect(computeCoverageInWorker(graph, inMonaco, undefined, { maxHeapMb: 2 })).rejects.toThrow();
    // The slot was given back: the next run gets one.
    expect((await computeCoverageInWorker(graph, inMonaco)).figures.lengthShare).toBeGreaterThan(0);
  });

  it('stops the worker when reporting a phase fails (a cancelled job), and runs one at a time', async () => {
    const { graph } = await loadMonaco();
    const cancelled = new Error('cancelled by an administrator');
    const events: string[] = [];
    const first = computeCoverageInWorker(graph, inMonaco, (_f, phase) => {
      events.push(`first ${phase}`);
      if (phase === 'reach') throw cancelled;
    });
    const second = computeCoverageInWorker(graph, inMonaco, (_f, phase) => void events.push(`second ${phase}`));
    await expect(first).rejects.toBe(cancelled);
    await second;
    // The first stopped at the phase that threw; the second started only after the first had ended.
    expect(events.filter((e) => e.startsWith('first'))).toEqual(['first snap', 'first snap', 'first reach']);
    expect(events.indexOf('second snap')).toBeGreaterThan(events.indexOf('first reach'));
    expect(events.at(-1)).toBe('second done');
  });
});
