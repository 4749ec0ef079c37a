import type { VotingView } from '@niangjia/contracts';
import { Button, Dialog, Input, List, NavBar, NoticeBar, Result, Skeleton, Tag, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import './market.css';

type MyVoting = { items: { seasonId: string; title: string; votesUsed: number; voteLimit: number; sessions: { id: string; venue: string; status: string; isCheckedIn: boolean }[] }[] };

/** /m/vote: the seasons where the worker represents their union, with the sessions to go to. */
export function VoteHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const data = useRequest((signal) => api.get<MyVoting>('/market/voting', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/market')} style={{ background: '#fff' }}>
        {t('vote.title')}
      </NavBar>
      {data.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={data.error} />
        </div>
      ) : null}
      {data.data && !data.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('vote.empty')}</p> : null}
      {data.data?.items.map((s) => (
        <List key={s.seasonId} mode="card" header={`${s.title} · ${t('vote.left', { n: s.voteLimit - s.votesUsed })}`} style={{ margin: 12 }}>
          {s.sessions.map((x) => (
            <List.Item key={x.id} onClick={() => navigate(`/vote/${x.id}`)} extra={x.isCheckedIn ? <Tag color="success">{t('vote.checkedIn')}</Tag> : undefined}>
              {x.venue}
            </List.Item>
          ))}
        </List>
      ))}
    </>
  );
}

/**
 * /m/vote/:sessionId?c=CODE — what the hall's QR code opens: checks in with the code it carries
 * (or one typed from the screen), then lists the finalists with a vote button each. The page
 * re-reads the session every few seconds so "voting open" and "pitching now" follow the moderator.
 */
export function VotePage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const view = useRequest((signal) => api.get<VotingView>(`/market/voting/sessions/${sessionId}`, undefined, { signal }), [sessionId]);
  const [code, setCode] = useState('');
  const [checkinError, setCheckinError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const tried = useRef(false);
  const v = view.data;

  const checkin = async (value: string) => {
    setBusy('checkin');
    setCheckinError(null);
    try {
      await api.post('/market/voting/checkin', { sessionId, code: value });
      setParams({}, { replace: true });
      view.reload();
    } catch (e) {
      setCheckinError(e);
    } finally {
      setBusy(null);
    }
  };
  // The QR carries the code: check in once, as soon as we know the worker is a representative.
  useEffect(() => {
    const fromQr = params.get('c');
    if (v && !v.isCheckedIn && fromQr && !tried.current) {
      tried.current = true;
      void checkin(fromQr);
    }
  }, [v, params]);
  useEffect(() => {
    const timer = setInterval(() => view.reload(), 5_000);
    return () => clearInterval(timer);
  }, [view.reload]);

  const vote = async (entry: VotingView['entries'][number]) => {
    if (!(await Dialog.confirm({ content: t('vote.confirm', { title: entry.title }), confirmText: t('vote.vote'), cancelText: t('actions.cancel') }))) return;
    setBusy(entry.id);
    try {
      await api.post(`/market/voting/sessions/${sessionId}/votes`, { entryId: entry.id });
      Toast.show({ icon: 'success', content: t('vote.done') });
      view.reload();
    } catch (e) {
      void Dialog.alert({ content: e instanceof ApiError && e.detail ? `${e.title}：${e.detail}` : errorText(e), confirmText: t('actions.confirm') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <NavBar onBack={() => navigate('/vote')} style={{ background: '#fff' }}>
        {v?.season.title ?? t('vote.title')}
      </NavBar>
      {view.error && !v ? (
        view.error instanceof ApiError && view.error.code === 'MARKET_REP_NOT_LISTED' ? (
          <Result status="warning" title={t('vote.none')} description={view.error.detail} className="nj-result" />
        ) : (
          <div style={{ padding: '0 12px' }}>
            <ErrorNotice error={view.error} />
          </div>
        )
      ) : null}
      {!v && !view.error ? <Skeleton.Paragraph lineCount={8} animated style={{ margin: 12 }} /> : null}
      {v && !v.isCheckedIn && (
        <section className="nj-section" style={{ padding: 16 }}>
          <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>
            {t('vote.checkin')} · {v.session.venue}
          </h2>
          <p className="nj-muted" style={{ margin: '0 0 12px' }}>
            {t('vote.checkinText')}
          </p>
          {checkinError ? <ErrorNotice error={checkinError} /> : null}
          <div className="nj-field nj-big-code">
            <Input value={code} onChange={(x) => setCode(x.replace(/\D/g, '').slice(0, 6))} inputMode="numeric" placeholder="000000" aria-label={t('vote.code')} data-testid="checkin-code" />
          </div>
          <Button block color="primary" size="large" loading={busy === 'checkin'} disabled={code.length !== 6} onClick={() => void checkin(code)}>
            {t('vote.checkin')}
          </Button>
        </section>
      )}
      {v && v.isCheckedIn && (
        <>
          <NoticeBar color={v.session.status === 'open' ? 'info' : 'alert'} content={`${v.session.venue} · ${v.session.status === 'open' ? t('vote.open') : t('vote.ready')} · ${t('vote.left', { n: v.votesLeft })}`} wrap />
          <section className="nj-section" data-testid="vote-list">
            {v.entries.map((e) => (
              <div key={e.id} className={`nj-vote-row${e.isPitching ? ' is-pitching' : ''}`}>
                <div className="nj-vote-num">{e.pitchOrder ?? e.number}</div>
                <div className="nj-vote-text">
                  <strong>{e.title}</strong>
                  <span>{e.provider}</span>
                  {e.isPitching && (
                    <Tag color="warning" style={{ marginLeft: 6 }}>
                      {t('vote.pitching')}
                    </Tag>
                  )}
                </div>
                {e.isVoted ? (
                  <Tag color="success">{t('vote.voted')}</Tag>
                ) : (
                  <Button color="primary" loading={busy === e.id} disabled={v.session.status !== 'open' || v.votesLeft <= 0} onClick={() => void vote(e)}>
                    {t('vote.vote')}
                  </Button>
                )}
              </div>
            ))}
          </section>
        </>
      )}
    </>
  );
}

/** /m/market/attend/:orderId?t=… — a worker signs in at a service with its QR (counts 人次). */
export function AttendPage() {
  const { t } = useTranslation();
  const { orderId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [state, setState] = useState<{ ok: boolean; text: string; title: string } | null>(null);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    api.post<{ project: string; provider: string; serviceDate: string; isNew: boolean }>('/market/attend', { orderId, token: params.get('t') ?? '' }).then(
      (r) => setState({ ok: true, title: r.isNew ? t('attend.ok') : t('attend.again'), text: t('attend.text', { project: r.project, provider: r.provider, date: r.serviceDate }) }),
      (e: unknown) => setState({ ok: false, title: t('attend.bad'), text: errorText(e) }),
    );
  }, [orderId, params, t]);
  return (
    <>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('attend.title')}
      </NavBar>
      {state ? <Result status={state.ok ? 'success' : 'error'} title={state.title} description={state.text} className="nj-result" /> : <Skeleton.Paragraph lineCount={3} animated style={{ margin: 12 }} />}
    </>
  );
}
