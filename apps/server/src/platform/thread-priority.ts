import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread only (Linux: a thread is a task with its
 * own nice value, named by /proc/thread-self). Background work in a worker thread — a coverage run
 * over a city, a spreadsheet being parsed — then takes the cores only when the instance's requests
 * and the database leave them idle: on a 2-core machine a worker at the same priority doubled the
 * p99 of a light route (bench cityjob). Returns the thread's nice value, or null where threads
 * cannot be told apart (other systems) or the change is refused; the work runs either way.
 * (A process already at the lowest priority stays there: nothing is below it.)
 */
export function lowerThisThreadsPriority(by = 10): number | null {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return null;
    // Relative to the process's own (inherited by the thread), capped at the lowest priority, 19.
    os.setPriority(tid, Math.min(19, os.getPriority(tid) + by));
    return os.getPriority(tid);
  } catch {
    return null;
  }
}
