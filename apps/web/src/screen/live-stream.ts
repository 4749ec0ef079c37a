export type Connection = 'connecting' | 'live' | 'reconnecting';

const MAX_BACKOFF_MS = 30_000;

/**
 * One Server-Sent-Events stream of a screen that keeps itself open: the browser's EventSource
 * retries on its own while CONNECTING; when the server closed it for good (CLOSED, e.g. a 5xx) a
 * fresh one starts after a doubling backoff. Every (re)connection calls `onOpen`, where the screen
 * re-reads its figures so that nothing missed meanwhile stays missing.
 */
export function openLiveStream(
  url: string,
  opts: { events: Record<string, (event: MessageEvent<string>) => void>; onOpen: () => void; setConnection: (c: Connection) => void },
): { restart(): void; pause(): void; close(): void } {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let backoff = 1_000;
  let isClosed = false;
  const connect = () => {
    if (isClosed) return;
    source = new EventSource(url);
    source.onopen = () => {
      backoff = 1_000;
      opts.setConnection('live');
      opts.onOpen();
    };
    source.onerror = () => {
      opts.setConnection('reconnecting');
      if (source && source.readyState === EventSource.CLOSED) {
        source.close();
        retry = setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    };
    for (const [name, handler] of Object.entries(opts.events)) source.addEventListener(name, handler as EventListener);
  };
  const stop = () => {
    source?.close();
    source = null;
    if (retry) clearTimeout(retry);
    retry = null;
  };
  connect();
  return {
    // A fresh stream now: after the network comes back, or when a re-read failed while the
    // stream still looked open (a half-dead connection sends nothing and raises no error).
    restart() {
      stop();
      backoff = 1_000;
      connect();
    },
    pause() {
      opts.setConnection('reconnecting');
      stop();
    },
    close() {
      isClosed = true;
      stop();
    },
  };
}
