import type { TournamentDetail, TournamentMatch } from '@niangjia/contracts';
import { Button, Input, NavBar, Selector, Skeleton, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type Filter = 'ready' | 'played';

/**
 * 比分录入 (/m/tournament/:id) for staff at the courts: the matches ready to play, a big score pad
 * per side, and the winner moves on by itself. A score already entered is corrected with a reason
 * (audited), until the next round's match is played.
 */
export function TournamentResultsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tournamentId = '' } = useParams();
  const detail = useRequest((signal) => api.get<TournamentDetail>(`/tournaments/${tournamentId}`, undefined, { signal }), [tournamentId]);
  const [data, setData] = useState<TournamentDetail | null>(null);
  const [filter, setFilter] = useState<Filter>('ready');
  const [open, setOpen] = useState<TournamentMatch | null>(null);
  const [score, setScore] = useState<[number, number]>([0, 0]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const current = data ?? detail.data ?? null;

  const matches = (current?.matches ?? [])
    .filter((m) => (filter === 'ready' ? m.status === 'scheduled' : m.status === 'played'))
    .sort((a, b) => (filter === 'ready' ? 1 : -1) * ((a.startsAt ? Date.parse(a.startsAt) : 0) - (b.startsAt ? Date.parse(b.startsAt) : 0)));

  const choose = (m: TournamentMatch) => {
    setOpen(m);
    setScore([m.homeScore ?? 0, m.awayScore ?? 0]);
    setReason('');
    setError(null);
  };
  const bump = (side: 0 | 1, by: number) => setScore((s) => (side === 0 ? [Math.max(0, s[0] + by), s[1]] : [s[0], Math.max(0, s[1] + by)]));

  const save = async () => {
    if (!open) return;
    setSaving(true);
    setError(null);
    try {
      const body = { homeScore: score[0], awayScore: score[1], version: open.version, ...(open.status === 'played' ? { reason } : {}) };
      const next = await api.post<TournamentDetail>(`/tournaments/${tournamentId}/matches/${open.id}/result`, body);
      setData(next);
      setOpen(null);
      Toast.show({ content: next.tournament.champion ? t('tournamentResults.champion', { team: next.tournament.champion.name }) : t('tournamentResults.saved') });
    } catch (e) {
      setError(e);
      Toast.show({ content: errorText(e) });
    } finally {
      setSaving(false);
    }
  };

  const label = (m: TournamentMatch) => (m.stage === 'group' ? t('tournamentResults.groupRound', { g: m.group ?? '', n: m.round }) : t('tournamentResults.knockoutRound', { n: m.round }));

  return (
    <div className="nj-page tr-page">
      <NavBar onBack={() => (open ? setOpen(null) : navigate('/'))}>{current?.tournament.title ?? t('tournamentResults.title')}</NavBar>
      {detail.loading && !current ? <Skeleton.Paragraph lineCount={6} animated /> : null}
      {detail.error && !current ? <ErrorNotice error={detail.error} /> : null}
      {current && !open ? (
        <>
          {current.tournament.champion ? (
            <div className="tr-champion" data-testid="tournament-champion">
              {t('tournamentResults.champion', { team: current.tournament.champion.name })}
            </div>
          ) : null}
          <Selector
            columns={2}
            value={[filter]}
            onChange={(v) => v[0] && setFilter(v[0])}
            options={[
              { label: t('tournamentResults.ready'), value: 'ready' },
              { label: t('tournamentResults.played'), value: 'played' },
            ]}
          />
          {matches.length === 0 ? <p className="tr-empty">{t(filter === 'ready' ? 'tournamentResults.noneReady' : 'tournamentResults.nonePlayed')}</p> : null}
          <ul className="tr-list">
            {matches.slice(0, 60).map((m) => (
              <li key={m.id}>
                <button type="button" className="tr-match" onClick={() => choose(m)} data-testid="tournament-match">
                  <span className="tr-when">
                    {label(m)} · {m.startsAt ? formatDateTime(m.startsAt).slice(5) : ''} · {m.court ?? ''}
                  </span>
                  <span className="tr-teams">
                    <span>{m.home?.name}</span>
                    <strong>{m.status === 'played' ? `${m.homeScore} : ${m.awayScore}` : 'vs'}</strong>
                    <span>{m.away?.name}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? (
        <div className="tr-pad">
          <div className="tr-when">
            {label(open)} · {open.court ?? ''}
          </div>
          {([0, 1] as const).map((side) => (
            <div key={side} className="tr-side">
              <div className="tr-side-name">{side === 0 ? open.home?.name : open.away?.name}</div>
              <div className="tr-side-row">
                <button type="button" className="tr-big" onClick={() => bump(side, -1)} aria-label={t('tournamentResults.minus')}>
                  −
                </button>
                <input
                  className="tr-score"
                  inputMode="numeric"
                  value={score[side]}
                  data-testid={side === 0 ? 'score-home' : 'score-away'}
                  onChange={(e) => {
                    const v = Math.min(999, Math.max(0, Number(e.target.value.replace(/\D/g, '')) || 0));
                    setScore((s) => (side === 0 ? [v, s[1]] : [s[0], v]));
                  }}
                />
                <button type="button" className="tr-big tr-plus" onClick={() => bump(side, 1)} aria-label={t('tournamentResults.plus')}>
                  +
                </button>
              </div>
            </div>
          ))}
          {open.status === 'played' ? <Input className="tr-reason" placeholder={t('tournamentResults.reason')} value={reason} onChange={setReason} data-testid="correction-reason" /> : null}
          {error ? <ErrorNotice error={error} /> : null}
          <Button block color="primary" size="large" loading={isSaving} onClick={() => void save()} data-testid="save-score">
            {open.status === 'played' ? t('tournamentResults.correct') : t('tournamentResults.save')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
