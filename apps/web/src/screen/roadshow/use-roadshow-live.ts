import type { Roadshow, RoadshowEvent } from '@niangjia/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';

export type Connection = 'connecting' | 'live' | 'reconnecting';
const MAX_BACKOFF_MS = 30_000;
const POLL_MS = 30_000;

/** One vote event applied: the entry's hall votes become the event's count (paper ballots kept). */
export function applyVote(r: Roadshow, e: Extract<RoadshowEvent, { kind: 'vote' }>): Roadshow {
  let delta = 0;
  const finalists = r.finalists.map((f) => {
    if (f.entryId !== e.entryId || e.votes <= f.onlineVotes) return f;
    delta += e.votes - f.onlineVotes;
    return { ...f, votes: f.votes + e.votes - f.onlineVotes, onlineVotes: e.votes };
  });
  return delta ? { ...r, finalists, totalVotes: r.totalVotes + delta } : r;
}

/**
 * The roadshow, live: a read of the season, then the SSE stream (LISTEN/NOTIFY across instances)
 * raises the counters as votes commit and asks for a re-read when the moderator changes anything.
 * The stream reconnects by itself and every (re)connection re-reads, so nothing missed stays
 * missing; the check-in code is re-read as it rotates.
 */
export function useRoadshowLive(seasonId: string, key: string | null) {
  const [data, setData] = useState<Roadshow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const ticket = useRef(0);

  const load = useCallback(async (): Promise<boolean> => {
    const mine = ++ticket.current;
    try {
      const next = await api.get<Roadshow>(`/api/v1/public/market/roadshow/${seasonId}`, key ? { k: key } : undefined, { skipAuthRedirect: true });
      if (mine !== ticket.current) return true;
      setData(next);
      setError(null);
      setUpdatedAt(Date.now());
      return true;
    } catch (e) {
      if (mine === ticket.current) setError(e);
      return false;
    }
  }, [seasonId, key]);

  // The code on the screen rotates: read again just after it expires.
  const expires = data?.checkin?.expiresInSeconds;
  useEffect(() => {
    if (!expires) return;
    const timer = setTimeout(() => void load(), (expires + 1) * 1000);
    return () => clearTimeout(timer);
  }, [data, expires, load]);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let backoff = 1_000;
    let closed = false;
    const onVote = (m: MessageEvent<string>) => {
      try {
        const e = JSON.parse(m.data) as RoadshowEvent;
        if (e.kind === 'vote') setData((d) => (d ? applyVote(d, e) : d));
        setUpdatedAt(Date.now());
      } catch {
        // A malformed event is dropped; the next read corrects the figures.
      }
    };
    const connect = () => {
      if (closed) return;
      source = new EventSource(`/api/v1/public/market/roadshow/${seasonId}/stream`);
      source.onopen = () => {
        backoff = 1_000;
        setConnection('live');
        void load();
      };
      source.onerror = () => {
        setConnection('reconnecting');
        if (source && source.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
      };
      source.addEventListener('vote', onVote as EventListener);
      source.addEventListener('state', () => void load());
    };
    const restart = () => {
      source?.close();
      if (retry) clearTimeout(retry);
      connect();
    };
    void load();
    connect();
    const poll = setInterval(() => void load().then((ok) => !ok && !closed && (setConnection('reconnecting'), restart())), POLL_MS);
    const onOnline = () => restart();
    window.addEventListener('online', onOnline);
    return () => {
      closed = true;
      window.removeEventListener('online', onOnline);
      source?.close();
      if (retry) clearTimeout(retry);
      clearInterval(poll);
    };
  }, [seasonId, load]);

  return { data, error, connection, updatedAt };
}
