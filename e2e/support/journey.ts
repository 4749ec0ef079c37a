import { afterAll, beforeAll } from 'vitest';
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
  }, 120_000);
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
