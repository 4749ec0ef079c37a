import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { openLiveStream, type Connection } from '../live-stream';
import { applyFundEvent, type FundLiveEvent, type FundSummary, parseFundEvent } from './fund-live';

export type { Connection } from '../live-stream';

const SUMMARY_PATH = '/public/fund/summary';
const STREAM_PATH = '/api/v1/public/fund/stream';
// A full re-read now and then corrects whatever a missed event left behind (rankings, breakfasts).
const RESYNC_AFTER_EVENT_MS = 3_000;
const POLL_MS = 60_000;

/**
 * The fund's figures, live: one read of the summary, then the SSE stream applies each sale as it
 * comes. The stream reconnects by itself (the browser's EventSource, and a fresh one with backoff
 * when the server closed it for good) and every (re)connection re-reads the summary to catch up.
 */
export function useFundLive(org: string) {
  const [summary, setSummary] = useState<FundSummary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [lastEvent, setLastEvent] = useState<FundLiveEvent | null>(null);
  const resyncTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loading = useRef(0);
  // Event ids already applied (bounded): a replayed event must not count twice.
  const seen = useRef(new Set<string>());

  /** Re-reads the summary; false when the server could not be reached. */
  const load = useCallback(async (): Promise<boolean> => {
    const ticket = ++loading.current;
    try {
      const next = await api.get<FundSummary>(SUMMARY_PATH, org ? { org } : undefined, { skipAuthRedirect: true });
      // An older read finishing after a newer one must not roll the figures back.
      if (ticket !== loading.current) return true;
      setSummary(next);
      seen.current = new Set(next.recent.map((r) => r.id));
      setError(null);
      setUpdatedAt(Date.now());
      return true;
    } catch (e) {
      if (ticket === loading.current) setError(e);
      return false;
    }
  }, [org]);

  const scheduleResync = useCallback(() => {
    if (resyncTimer.current) return;
    resyncTimer.current = setTimeout(() => {
      resyncTimer.current = null;
      void load();
    }, RESYNC_AFTER_EVENT_MS);
  }, [load]);

  useEffect(() => {
    let isClosed = false;
    const onData = (event: MessageEvent<string>) => {
      const parsed = parseFundEvent(event.data);
      if (!parsed || seen.current.has(parsed.id)) return;
      seen.current.add(parsed.id);
      if (seen.current.size > 500) seen.current = new Set([...seen.current].slice(-200));
      setSummary((s) => (s ? applyFundEvent(s, parsed) : s));
      setUpdatedAt(Date.now());
      setLastEvent(parsed);
      scheduleResync();
    };
    const url = STREAM_PATH + (org ? `?org=${encodeURIComponent(org)}` : '');
    const stream = openLiveStream(url, { events: { message: onData, contribution: onData, breakfast: onData }, onOpen: () => void load(), setConnection });
    void load();
    const poll = setInterval(() => {
      void load().then((ok) => {
        if (!ok && !isClosed) {
          setConnection('reconnecting');
          stream.restart();
        }
      });
    }, POLL_MS);
    const onOffline = () => stream.pause();
    const onOnline = () => stream.restart();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    return () => {
      isClosed = true;
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      stream.close();
      if (resyncTimer.current) clearTimeout(resyncTimer.current);
      resyncTimer.current = null;
      clearInterval(poll);
    };
  }, [org, load, scheduleResync]);

  return { summary, error, connection, updatedAt, lastEvent };
}
