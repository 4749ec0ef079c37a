import type { JudgeContest } from '@niangjia/contracts';
import { Button, Collapse, Dialog, NavBar, Skeleton, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type Entrant = JudgeContest['entrants'][number];

function SheetForm({ contest, entrant, onDone }: { contest: JudgeContest; entrant: Entrant; onDone: () => void }) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<Record<string, number>>(() => Object.fromEntries(contest.criteria.map((c) => [c.key, 0])));
  const [reason, setReason] = useState('');
  const send = async (path: 'sheets' | 'recusals', body: unknown) => {
    try {
      await api.post(`/events/contests/${contest.eventId}/${path}`, body);
      Toast.show({ icon: 'success', content: path === 'sheets' ? t('contestJudge.done') : t('contestJudge.recused') });
      onDone();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {contest.criteria.map((c) => (
        <label key={c.key} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, fontSize: 16 }}>
          <span>
            {c.name} <span className="nj-muted">{`${c.weight}% · ${t('contestJudge.max', { max: c.max })}`}</span>
          </span>
          <Stepper min={0} max={c.max} step={1} digits={0} value={points[c.key]} onChange={(v) => setPoints((p) => ({ ...p, [c.key]: v }))} data-testid="judge-points" />
        </label>
      ))}
      <Button color="primary" size="large" data-testid="judge-submit" onClick={() => void Dialog.confirm({ content: t('contestJudge.submitConfirm'), onConfirm: () => send('sheets', { registrationId: entrant.registrationId, points }) })}>
        {t('contestJudge.submit')}
      </Button>
      <TextArea value={reason} onChange={setReason} rows={2} maxLength={200} placeholder={t('contestJudge.recuseReason')} />
      <Button size="large" disabled={reason.trim().length < 2} onClick={() => void send('recusals', { registrationId: entrant.registrationId, reason: reason.trim() })}>
        {t('contestJudge.recuse')}
      </Button>
    </div>
  );
}

/** /m/contest-judging — a judge scores the entrants of the contests they judge, one sealed sheet each. */
export function ContestJudgePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useRequest((signal) => api.get<{ items: JudgeContest[] }>('/events/contests/judging', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('contestJudge.title')}
      </NavBar>
      {!list.data ? list.error ? <ErrorNotice error={list.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {list.data && !list.data.items.length ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('contestJudge.empty')}</p> : null}
      {list.data?.items.map((c) => (
        <section key={c.eventId} className="nj-card" data-testid="judge-contest">
          <strong style={{ fontSize: 17 }}>{c.title}</strong>
          <p className="nj-muted" style={{ margin: '6px 0' }}>{t('contestJudge.sealed')}</p>
          <Collapse accordion>
            {c.entrants.map((x) => (
              <Collapse.Panel
                key={x.registrationId}
                title={
                  <span style={{ fontSize: 16 }}>
                    {`${t('contestJudge.entry', { n: x.entryNo })} ${x.name}`}
                    {x.mine ? <Tag color={x.mine.isRecused ? 'default' : 'success'} style={{ marginLeft: 8 }}>{x.mine.isRecused ? t('contestJudge.recused') : t('contestJudge.submitted', { total: x.mine.total })}</Tag> : null}
                  </span>
                }
              >
                {x.mine ? null : <SheetForm contest={c} entrant={x} onDone={list.reload} />}
              </Collapse.Panel>
            ))}
          </Collapse>
        </section>
      ))}
    </>
  );
}
