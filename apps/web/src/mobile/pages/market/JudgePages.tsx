import type { MarketRubricCriterion, ScoreSheet, TrackRecord } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Result, Skeleton, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { priceLine } from './ServicesPage';
import './market.css';

type Overview = { seasons: { id: string; title: string; stage: string; isScoringOpen: boolean; rubric: MarketRubricCriterion[]; entries: { id: string; number: number; title: string; provider: string; pitchOrder: number | null; state: 'none' | 'draft' | 'sealed' | 'recused'; total: number | null }[] }[] };
type EntryView = {
  season: { id: string; title: string; isScoringOpen: boolean; rubric: MarketRubricCriterion[] };
  entry: { id: string; number: number; title: string; category: string; description: string; formats: string[]; targetGroups: string[]; priceFen: number; priceUnit: string; capacity: number; durationMinutes: number; photoIds: string[]; provider: { id: string; name: string; type: string } };
  trackRecord: TrackRecord;
  sheet: ScoreSheet;
  recusal: { by: 'judge' | 'staff'; reason: string } | null;
};
const STATE_COLOR = { none: 'default', draft: 'warning', sealed: 'success', recused: 'default' } as const;

/** /m/judge: the judge's seasons and the finalists assigned to them, in pitching order. */
export function JudgeHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const data = useRequest((signal) => api.get<Overview>('/market/judging', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/market')} style={{ background: '#fff' }}>
        {t('judge.title')}
      </NavBar>
      {data.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={data.error} />
        </div>
      ) : null}
      {!data.data && !data.error ? <Skeleton.Paragraph lineCount={6} animated style={{ margin: 12 }} /> : null}
      {data.data?.seasons.map((s) => (
        <List key={s.id} mode="card" header={`${s.title}${s.isScoringOpen ? '' : ` · ${t('judge.closed')}`}`} style={{ margin: 12 }}>
          {s.entries.length === 0 ? <List.Item>{t('judge.empty')}</List.Item> : null}
          {s.entries.map((e) => (
            <List.Item key={e.id} onClick={() => navigate(`/judge/${e.id}`)} description={e.provider} extra={<Tag color={STATE_COLOR[e.state]}>{e.total !== null && e.state !== 'recused' ? e.total.toFixed(1) : t(`judge.state.${e.state}`)}</Tag>}>
              <span data-testid="judge-entry">
                {e.pitchOrder ?? e.number}. {e.title}
              </span>
            </List.Item>
          ))}
        </List>
      ))}
    </>
  );
}

/** /m/judge/:entryId: the project, the provider's record, and a stepper per criterion; save, then seal. */
export function JudgeEntryPage() {
  const { t } = useTranslation();
  const { entryId } = useParams();
  const navigate = useNavigate();
  const view = useRequest((signal) => api.get<EntryView>(`/market/judging/entries/${entryId}`, undefined, { signal }), [entryId]);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = view.data;
  useEffect(() => {
    if (!v) return;
    setPoints(Object.fromEntries(v.season.rubric.map((c) => [c.key, v.sheet.points[c.key] ?? 0])));
    setComment(v.sheet.comment ?? '');
  }, [v]);
  if (view.error) {
    return (
      <>
        <NavBar onBack={() => navigate('/judge')}>{t('judge.title')}</NavBar>
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={view.error} />
        </div>
      </>
    );
  }
  if (!v) return <Skeleton.Paragraph lineCount={8} animated style={{ margin: 12 }} />;
  const total = v.season.rubric.reduce((s, c) => s + ((points[c.key] ?? 0) / c.max) * c.weight, 0);
  const isSealed = v.sheet.status === 'sealed';
  const canScore = v.season.isScoringOpen && !isSealed && !v.recusal;

  const save = async (seal: boolean) => {
    if (seal && !(await Dialog.confirm({ content: t('judge.sealConfirm'), confirmText: t('judge.seal'), cancelText: t('actions.cancel') }))) return;
    setBusy(true);
    setError(null);
    try {
      const sheet = await api.put<ScoreSheet>(`/market/judging/entries/${v.entry.id}/score`, { points, comment: comment || null, seal, version: v.sheet.version });
      view.setData({ ...v, sheet });
      Toast.show({ icon: 'success', content: seal ? t('judge.sealed') : t('judge.save') });
      if (seal) void navigate('/judge');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const recuse = () => {
    let reason = '';
    void Dialog.confirm({
      title: t('judge.recuseTitle'),
      content: <TextArea placeholder={t('judge.recuseReason')} maxLength={300} onChange={(x) => (reason = x)} />,
      confirmText: t('judge.recuse'),
      cancelText: t('actions.cancel'),
      onConfirm: async () => {
        try {
          await api.post(`/market/judging/entries/${v.entry.id}/recuse`, { reason });
          view.reload();
        } catch (e) {
          Toast.show({ content: errorText(e) });
        }
      },
    });
  };
  const tr = v.trackRecord;
  return (
    <>
      <NavBar onBack={() => navigate('/judge')} style={{ background: '#fff' }}>
        {v.entry.number}. {v.entry.title}
      </NavBar>
      {v.recusal && <Result status="info" title={t('judge.recused', { reason: v.recusal.reason })} className="nj-result" />}
      {isSealed && <Result status="success" title={t('judge.sealed')} description={t('judge.sealedNote')} className="nj-result" />}
      <section className="nj-section" style={{ paddingBottom: 4 }}>
        <h2 className="nj-section-title">{v.season.title}</h2>
        {v.season.rubric.map((c) => (
          <div key={c.key} className="nj-criterion">
            <div>
              <div className="nj-criterion-name">{c.name}</div>
              <div className="nj-criterion-max">{t('judge.max', { n: c.max })}</div>
            </div>
            <Stepper min={0} max={c.max} step={0.5} digits={1} value={points[c.key] ?? 0} disabled={!canScore} onChange={(x) => setPoints((p) => ({ ...p, [c.key]: x ?? 0 }))} aria-label={c.name} data-testid={`criterion-${c.key}`} />
          </div>
        ))}
        <div className="nj-total" data-testid="judge-total">
          {t('judge.total', { n: Math.round(total * 100) / 100 })}
        </div>
        <div style={{ padding: '0 16px 12px' }}>
          <TextArea placeholder={t('judge.comment')} value={comment} onChange={setComment} maxLength={1000} rows={2} disabled={!canScore} />
        </div>
      </section>
      {error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={error} />
        </div>
      ) : null}
      {canScore && (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 12, padding: '0 12px 12px' }}>
          <Button size="large" loading={busy} onClick={() => void save(false)}>
            {t('judge.save')}
          </Button>
          <Button size="large" color="primary" loading={busy} onClick={() => void save(true)}>
            {t('judge.seal')}
          </Button>
        </div>
      )}
      <List mode="card" header={t('judge.project')} style={{ margin: 12 }}>
        <List.Item description={v.entry.provider.name}>{t(`marketTerms.category.${v.entry.category}`)} · {priceLine(t, v.entry.priceFen, v.entry.priceUnit)}</List.Item>
        <List.Item>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>{v.entry.description}</div>
        </List.Item>
      </List>
      <List mode="card" header={t('judge.record')} style={{ margin: 12 }}>
        <List.Item>{t('judge.recordText', { orders: tr.deliveredOrders, attendance: tr.attendance, rating: tr.ratingAverage ?? '—' })}</List.Item>
        {tr.entries.map((e) => (
          <List.Item key={e.seasonId + e.projectTitle} description={e.seasonTitle}>
            {e.year} · {e.projectTitle} {e.prize ? <Tag color="danger">{t(`marketTerms.prize.${e.prize}`)}</Tag> : null}
          </List.Item>
        ))}
      </List>
      {canScore && (
        <div style={{ padding: '0 12px 24px' }}>
          <Button block fill="none" onClick={recuse}>
            {t('judge.recuse')}
          </Button>
        </div>
      )}
    </>
  );
}
