import type { ScreenMap, ScreenSummary } from '@niangjia/contracts';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../shared/api';

export type Connection = 'connecting' | 'live' | 'stale';

const STREAM_PATH = '/api/v1/public/screen/stream';
// The server pings every 10 s: three missed pings and the screen says it is stale.
const STALE_AFTER_MS = 30_000;
const MAP_REFRESH_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The district screen's figures, live: the SSE stream sends a full summary on connect and after
 * every committed change (≤ 1/s), and a ping every 10 s. No message for 30 s, an error or the
 * browser going offline marks the screen stale (it keeps the last figures, dimmed, with their
 * time); the stream reconnects by itself and the first summary after it catches up.
 */
export function useDistrictLive(org: string) {
  const [summary, setSummary] = useState<ScreenSummary | null>(null);
  const [map, setMap] = useState<ScreenMap | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const lastMessage = useRef(Date.now());

  useEffect(() => {
    let closed = false;
    const loadMap = () =>
      api
        .get<ScreenMap>('/public/screen/map', org ? { org } : undefined, { skipAuthRedirect: true })
        .then((m) => !closed && setMap(m))
        .catch(() => undefined);
    // The first read tells an unknown org apart from a dead network (EventSource cannot).
    api
      .get<ScreenSummary>('/public/screen', org ? { org } : undefined, { skipAuthRedirect: true })
      .then((s) => {
        if (closed) return;
        setSummary(s);
        setUpdatedAt(Date.now());
      })
      .catch((e: unknown) => {
        if (!closed && e instanceof ApiError && e.status === 404) setError(e);
      });
    void loadMap();
    const mapTimer = setInterval(() => void loadMap(), MAP_REFRESH_MS);

    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let backoff = 1_000;
    const connect = () => {
      if (closed) return;
      source = new EventSource(STREAM_PATH + (org ? `?org=${encodeURIComponent(org)}` : ''));
      source.addEventListener('summary', (event) => {
        try {
          setSummary(JSON.parse((event as MessageEvent<string>).data) as ScreenSummary);
        } catch {
          return;
        }
        lastMessage.current = Date.now();
        backoff = 1_000;
        setUpdatedAt(Date.now());
        setConnection('live');
      });
      source.addEventListener('ping', () => {
        lastMessage.current = Date.now();
        setConnection('live');
      });
      source.onerror = () => {
        setConnection('stale');
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
      };
    };
    const restart = () => {
      source?.close();
      if (retry) clearTimeout(retry);
      connect();
    };
    const watchdog = setInterval(() => {
      if (Date.now() - lastMessage.current > STALE_AFTER_MS) {
        setConnection('stale');
        lastMessage.current = Date.now();
        restart();
      }
    }, 5_000);
    const onOffline = () => setConnection('stale');
    const onOnline = () => restart();
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    connect();
    return () => {
      closed = true;
      source?.close();
      if (retry) clearTimeout(retry);
      clearInterval(watchdog);
      clearInterval(mapTimer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
    };
  }, [org]);

  return { summary, map, error, connection, updatedAt };
}
