import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openBrowser, type BrowserSession } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * The usual journey setup: the real server (demo data) and one browser at a viewport, started
 * before the file's tests and stopped after them. Read `server` and `session` inside the tests.
 */
export function useJourney(browser: Omit<Parameters<typeof openBrowser>[0], 'baseURL'>): { readonly server: RunningServer; readonly session: BrowserSession } {
  let server: RunningServer | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    server = await startServer();
    session = await openBrowser({ baseURL: server.baseURL, ...browser });
    // The server's first start seeds the demo: minutes on a busy machine (see server.ts).
  }, 900_000);
  // A failed journey keeps the server's log beside its screenshot: a crash shows in the browser only
  // as "connection refused".
  afterEach((context) => {
    if (context.task.result?.state !== 'fail' || !server) return;
    const dir = path.resolve('test-results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${path.basename(context.task.file.name).replace(/\.e2e\.test\.ts$/, '')}-server.log`);
    writeFileSync(file, server.output());
    console.error(`server log: ${file}; its end:\n${server.output().split('\n').slice(-25).join('\n')}`);
  });
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the journey server is not started yet');
      return server;
    },
    get session() {
      if (!session) throw new Error('the journey browser is not open yet');
      return session;
    },
  };
}
