// @ts-check
// Entry of the coverage worker thread (coverage.worker.ts starts it). Plain JavaScript, so Node
// starts it with no TypeScript loader: a worker has its own module loader, and the hooks `tsx`
// installed in the main thread do not reach it in every setting (under vitest they are absent;
// Node rejects a .ts worker entry outright, tsx issue #354). It registers tsx's ESM hooks in this
// thread (a second registration under `tsx main.ts` is harmless: the body is then compiled once by
// whichever hook sees it first) and loads the TypeScript body. A build that compiled the server
// to JavaScript would ship coverage.worker-thread.js beside this file, and that is loaded instead.
import { existsSync } from 'node:fs';

const body = new URL('./coverage.worker-thread.ts', import.meta.url);
if (existsSync(body)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(body.href);
} else {
  await import(new URL('./coverage.worker-thread.js', import.meta.url).href);
}
