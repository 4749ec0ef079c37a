import type { Roadshow, RoadshowEvent } from '@niangjia/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { openLiveStream, type Connection } from '../live-stream';

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
    let isClosed = false;
    const onVote = (m: MessageEvent<string>) => {
      try {
        const e = JSON.parse(m.data) as RoadshowEvent;
        if (e.kind === 'vote') setData((d) => (d ? applyVote(d, e) : d));
        setUpdatedAt(Date.now());
      } catch {
        // A malformed event is dropped; the next read corrects the figures.
      }
    };
    const stream = openLiveStream(`/api/v1/public/market/roadshow/${seasonId}/stream`, { events: { vote: onVote, state: () => void load() }, onOpen: () => void load(), setConnection });
    void load();
    const poll = setInterval(() => void load().then((ok) => !ok && !isClosed && (setConnection('reconnecting'), stream.restart())), POLL_MS);
    const onOnline = () => stream.restart();
    window.addEventListener('online', onOnline);
    return () => {
      isClosed = true;
      window.removeEventListener('online', onOnline);
      stream.close();
      clearInterval(poll);
    };
  }, [seasonId, load]);

  return { data, error, connection, updatedAt };
}
