import type { PublicTournament } from '@niangjia/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api';
import { formatDate, formatDateTime, formatTime } from '../../shared/format';
import { useNow, useStageTransform } from '../stage';
import './tournament.css';

const ID = window.location.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
const POLL_MS = 10_000;
const STALE_MS = 60_000;
const GROUPS_PER_PAGE = 8;

type Match = PublicTournament['matches'][number];

/** Polls the public view every 10 s (and at once when the tab comes back); keeps the last good copy when a read fails. */
function useTournament(id: string) {
  const [data, setData] = useState<PublicTournament | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api.get<PublicTournament>(`/public/tournaments/${encodeURIComponent(id)}`));
      setUpdatedAt(Date.now());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);
  return { data, error, updatedAt };
}

/** 赛事大屏 (/screen/tournament/:id): the bracket, the group standings with their tie-break rules, latest results and next matches. Public; team and union names only. */
export function TournamentScreen() {
  const { t } = useTranslation();
  const transform = useStageTransform();
  const now = useNow();
  const { data, error, updatedAt } = useTournament(ID);
  const isStale = updatedAt !== null && now.getTime() - updatedAt > STALE_MS;
  useEffect(() => {
    document.title = data ? `${data.title} · ${t('tournamentScreen.title')}` : t('tournamentScreen.title');
  }, [data, t]);
  const knockout = data?.matches.filter((m) => m.stage === 'knockout') ?? [];
  const played = (data?.matches ?? []).filter((m) => m.status === 'played' && m.startsAt).sort((a, b) => Date.parse(b.startsAt!) - Date.parse(a.startsAt!));
  const upcoming = (data?.matches ?? []).filter((m) => m.status === 'scheduled' && m.startsAt).sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!));
  const groupPages = Math.max(1, Math.ceil((data?.standings.length ?? 0) / GROUPS_PER_PAGE));
  const page = Math.floor(now.getTime() / 12_000) % groupPages;

  return (
    <div className="scr-viewport">
      <div className="scr-stage" style={{ transform }}>
        <header className="scr-header">
          <div>
            <div className="scr-clock">{formatTime(now)}</div>
            <div className="scr-date">{formatDate(now)}</div>
          </div>
          <div className="scr-title tn-title" data-testid="tournament-title">
            {data ? data.title : t('tournamentScreen.title')}
          </div>
          <div className="scr-meta">
            <div>{data ? `${data.orgName} · ${data.eventTitle}` : ''}</div>
            <div className={isStale || error ? 'scr-stale' : undefined}>{updatedAt ? t('tournamentScreen.updatedAt', { time: formatDateTime(updatedAt, true) }) : t('tournamentScreen.waiting')}</div>
          </div>
        </header>
        {!data && error ? <div className="tn-message">{t('tournamentScreen.notFound')}</div> : null}
        {data && (
          <div className="scr-body tn-body">
            <section className="scr-panel tn-standings">
              <h2>{data.standings.length ? t('tournamentScreen.standings') : t('tournamentScreen.teams', { n: data.teams.length })}</h2>
              {data.standings.length ? (
                <div className={data.standings.length > 1 ? 'tn-groups' : undefined}>
                  {data.standings.slice(page * GROUPS_PER_PAGE, (page + 1) * GROUPS_PER_PAGE).map((g) => (
                    <table key={g.group ?? '-'} className="tn-table" data-testid="tournament-standings">
                      <thead>
                        <tr>
                          <th>{g.group ? t('tournamentScreen.group', { g: g.group }) : '#'}</th>
                          <th>{t('tournamentScreen.played')}</th>
                          <th>{t('tournamentScreen.diff')}</th>
                          <th>{t('tournamentScreen.points')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {g.rows.map((r) => (
                          <tr key={r.teamId}>
                            <td className="tn-name">
                              {r.rank}. {r.name}
                            </td>
                            <td>{r.played}</td>
                            <td>{r.scoreFor - r.scoreAgainst}</td>
                            <td className="tn-points">{r.points}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ))}
                </div>
              ) : (
                <ul className="tn-list">
                  {data.teams.slice(0, 40).map((x) => (
                    <li key={x.id}>
                      {x.name} <span className="tn-dim">{x.union}</span>
                    </li>
                  ))}
                </ul>
              )}
              {data.standings.length ? (
                <div className="tn-rules" data-testid="tournament-tiebreaks">
                  <div>{t('tournamentScreen.tieBreaks')}</div>
                  <ol>
                    {data.tieBreaks.zh.map((line, i) => (
                      <li key={line}>
                        {line} <span className="tn-dim">{data.tieBreaks.en[i]}</span>
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
            </section>
            <section className="scr-panel tn-bracket-panel">
              <h2>{data.champion ? t('tournamentScreen.champion', { team: data.champion }) : knockout.length ? t('tournamentScreen.bracket') : t('tournamentScreen.schedule')}</h2>
              {knockout.length ? <Bracket matches={knockout} /> : <MatchList matches={upcoming.slice(0, 14)} />}
            </section>
            <section className="scr-panel tn-side">
              <h2>{t('tournamentScreen.latest')}</h2>
              <MatchList matches={played.slice(0, 7)} />
              <h2 className="tn-next">{t('tournamentScreen.next')}</h2>
              <MatchList matches={upcoming.slice(0, 7)} />
            </section>
          </div>
        )}
      </div>
    </div>
  );
}

function side(m: Match, which: 'home' | 'away', t: (k: string, o?: Record<string, unknown>) => string): string {
  const team = which === 'home' ? m.home : m.away;
  if (team) return team.name;
  const source = which === 'home' ? m.homeSource : m.awaySource;
  if (!source) return m.status === 'bye' ? t('tournamentScreen.bye') : '—';
  return source.startsWith('W') ? t('tournamentScreen.winnerOf', { n: source.slice(1) }) : t('tournamentScreen.placeOf', { g: source.slice(0, -1), n: source.slice(-1) });
}

function MatchList({ matches }: { matches: Match[] }) {
  const { t } = useTranslation();
  if (!matches.length) return <div className="tn-dim">{t('tournamentScreen.none')}</div>;
  return (
    <ul className="tn-matches">
      {matches.map((m) => (
        <li key={m.id}>
          <span className="tn-when">
            {m.startsAt ? formatDateTime(m.startsAt).slice(5) : ''} {m.court ?? ''}
          </span>
          <span className={m.winnerId && m.winnerId === m.home?.id ? 'tn-win' : undefined}>{side(m, 'home', t)}</span>
          <span className="tn-score">{m.status === 'played' ? `${m.homeScore} : ${m.awayScore}` : 'vs'}</span>
          <span className={m.winnerId && m.winnerId === m.away?.id ? 'tn-win' : undefined}>{side(m, 'away', t)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The knockout as columns of rounds; a bye shows its team going through. */
function Bracket({ matches }: { matches: Match[] }) {
  const { t } = useTranslation();
  const rounds = Math.max(...matches.map((m) => m.round));
  // A big bracket shows its last four rounds (the first is in the lists beside it).
  const first = Math.max(1, rounds - 3);
  const columns = Array.from({ length: rounds - first + 1 }, (_, i) => first + i);
  const names = ['tournamentScreen.final', 'tournamentScreen.semi', 'tournamentScreen.quarter', 'tournamentScreen.r16', 'tournamentScreen.r32'];
  return (
    <div className="tn-bracket" data-testid="tournament-bracket">
      {columns.map((r) => (
        <div key={r} className="tn-round">
          <div className="tn-round-name">{t(names[rounds - r] ?? 'tournamentScreen.round', { n: r })}</div>
          <div className="tn-round-matches">
            {matches
              .filter((m) => m.round === r)
              .sort((a, b) => a.index - b.index)
              .map((m) => (
                <div key={m.id} className={`tn-match tn-${m.status}`}>
                  {(['home', 'away'] as const).map((s) => {
                    const team = s === 'home' ? m.home : m.away;
                    const isWinner = !!team && m.winnerId === team.id;
                    return (
                      <div key={s} className={isWinner ? 'tn-line tn-win' : 'tn-line'}>
                        <span className="tn-line-name">{side(m, s, t)}</span>
                        <span className="tn-line-score">{m.status === 'played' ? (s === 'home' ? m.homeScore : m.awayScore) : ''}</span>
                      </div>
                    );
                  })}
                </div>
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}
