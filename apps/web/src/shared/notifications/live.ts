import { useEffect, useRef } from 'react';

export type LiveChange = 'notifications' | 'todos';
type Listener = (change: LiveChange) => void;

const STREAM_URL = '/api/v1/me/notifications/stream';
/** After the server refused the stream (signed out) or the browser gave up, try again this much later. */
const RETRY_MS = 15_000;

let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<Listener>();

function emit(change: LiveChange) {
  for (const l of listeners) l(change);
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(STREAM_URL, { withCredentials: true });
  source = es;
  // `ready` comes first on every (re)connection: fetch everything again, which catches up on
  // whatever happened while the connection was down.
  es.addEventListener('ready', () => {
    emit('notifications');
    emit('todos');
  });
  es.addEventListener('notifications', () => emit('notifications'));
  es.addEventListener('todos', () => emit('todos'));
  es.onerror = () => {
    // The browser reconnects by itself unless the answer was not a stream (401 after sign-out).
    if (es.readyState !== EventSource.CLOSED) return;
    es.close();
    source = null;
    if (listeners.size && !retry) retry = setTimeout(() => ((retry = null), listeners.size && open()), RETRY_MS);
  };
}

function close() {
  source?.close();
  source = null;
  if (retry) clearTimeout(retry);
  retry = null;
}

/**
 * Calls `onChange` when the signed-in person's messages or 待办 change on any server instance
 * (one shared Server-Sent-Events connection per page, however many components listen).
 */
export function useLiveNotifications(onChange: Listener, enabled = true): void {
  const ref = useRef(onChange);
  ref.current = onChange;
  useEffect(() => {
    if (!enabled) return;
    const listener: Listener = (change) => ref.current(change);
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (!listeners.size) close();
    };
  }, [enabled]);
}
