import type { OpenSurvey, SurveyAnswers, SurveyForm, SurveyQuestion } from '@niangjia/contracts';
import { visibleSurveyQuestions } from '@niangjia/contracts';
import { Button, Card, Dialog, List, NavBar, ProgressBar, Result, Selector, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** 需求调研 on the phone (/m/surveys): the surveys asking me, and those I answered. */
export function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useRequest((signal) => api.get<{ items: OpenSurvey[] }>('/voice/surveys/mine', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('surveyM.title')}
      </NavBar>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data && !list.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {list.data && !list.data.items.length ? <Result status="info" title={t('surveyM.empty')} /> : null}
      {list.data?.items.length ? (
        <List>
          {list.data.items.map((s) => (
            <List.Item
              key={s.id}
              onClick={() => navigate(`/surveys/${s.id}`)}
              description={`${s.orgName} · ${t('surveyM.questions', { n: s.questionCount })}`}
              extra={s.hasAnswered ? <Tag color="success">{t('surveyM.answered')}</Tag> : s.status === 'closed' ? <Tag>{t('surveyM.closed')}</Tag> : <Tag color="primary">{t('surveyM.toAnswer')}</Tag>}
              data-testid={`survey-item-${s.id}`}
            >
              <span style={{ fontSize: 16 }}>{s.title}</span>
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

/** One survey (/m/surveys/:id, `?token=` from a QR code): the form with its conditions, then "已提交", the published results and the follow-ups. */
export function SurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token') ?? undefined;
  const form = useRequest((signal) => api.get<SurveyForm>(`/voice/surveys/${id}/form`, { token }, { signal }), [id, token]);
  const [done, setDone] = useState<SurveyForm | null>(null);
  const s = done ?? form.data;
  return (
    <>
      <NavBar onBack={() => navigate('/surveys')} style={{ background: '#fff' }}>
        {t('surveyM.title')}
      </NavBar>
      {form.error ? <ErrorNotice error={form.error} /> : null}
      {!s && !form.error ? <Skeleton.Paragraph lineCount={8} animated style={{ margin: 12 }} /> : null}
      {s ? (
        <div style={{ padding: 12 }}>
          <h2 style={{ fontSize: 20, margin: '4px 0 8px' }} data-testid="survey-title">{s.title}</h2>
          <div style={{ color: '#666', fontSize: 14, marginBottom: 8 }}>{s.orgName}</div>
          {s.intro ? <p style={{ fontSize: 16, lineHeight: 1.6, margin: '0 0 8px', whiteSpace: 'pre-wrap' }}>{s.intro}</p> : null}
          {s.hasAnswered ? <Answered s={s} /> : <AnswerForm s={s} token={token} onDone={setDone} />}
        </div>
      ) : null}
    </>
  );
}

function QuestionInput({ q, value, onChange }: { q: SurveyQuestion; value: SurveyAnswers[string] | undefined; onChange: (v: SurveyAnswers[string] | undefined) => void }) {
  const { t } = useTranslation();
  if (q.kind === 'single' || q.kind === 'multi') {
    const picked = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    return (
      <Selector
        columns={1}
        multiple={q.kind === 'multi'}
        value={picked}
        onChange={(v) => {
          if (q.kind === 'multi' && q.maxChoices && v.length > q.maxChoices) return;
          onChange(q.kind === 'multi' ? v : v[0]);
        }}
        options={q.options.map((o) => ({ value: o.id, label: o.label }))}
        style={{ '--padding': '12px 14px' }}
      />
    );
  }
  if (q.kind === 'scale' && q.scale) {
    const values = Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => q.scale!.min + i);
    return (
      <>
        <Selector columns={values.length > 6 ? 6 : values.length} value={typeof value === 'number' ? [String(value)] : []} onChange={(v) => onChange(v[0] === undefined ? undefined : Number(v[0]))} options={values.map((v) => ({ value: String(v), label: String(v) }))} />
        <div style={{ fontSize: 14, color: '#666', marginTop: 4 }}>{t('surveyM.scaleHint', { min: q.scale.min, minLabel: q.scale.minLabel, max: q.scale.max, maxLabel: q.scale.maxLabel })}</div>
      </>
    );
  }
  if (q.kind === 'rank') {
    const order = Array.isArray(value) ? value : [];
    return (
      <>
        <div style={{ fontSize: 14, color: '#666', marginBottom: 6 }}>{t('surveyM.rankHint')}</div>
        {q.options.map((o) => {
          const at = order.indexOf(o.id);
          return (
            <Button key={o.id} block style={{ marginBottom: 6, minHeight: 44, textAlign: 'left' }} color={at >= 0 ? 'primary' : 'default'} fill={at >= 0 ? 'solid' : 'outline'} onClick={() => {
                if (at < 0) onChange([...order, o.id]);
              }}>
              {at >= 0 ? `${at + 1}. ` : ''}
              {o.label}
            </Button>
          );
        })}
        {order.length ? (
          <Button size="small" fill="none" onClick={() => onChange(undefined)}>
            {t('surveyM.rankReset')}
          </Button>
        ) : null}
      </>
    );
  }
  return <TextArea placeholder={t('surveyM.textPlaceholder')} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 6 }} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || undefined)} style={{ fontSize: 16 }} />;
}

function AnswerForm({ s, token, onDone }: { s: SurveyForm; token: string | undefined; onDone: (f: SurveyForm) => void }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [sending, setSending] = useState(false);
  const visible = visibleSurveyQuestions(s.questions, answers);
  const shown = s.questions.filter((q) => visible.has(q.id));
  const isComplete = (q: SurveyQuestion) => {
    const a = answers[q.id];
    if (a === undefined || a === '' || (Array.isArray(a) && !a.length)) return !q.required;
    return q.kind !== 'rank' || (Array.isArray(a) && a.length === q.options.length);
  };
  const submit = async () => {
    if (!shown.every(isComplete)) {
      Toast.show({ content: t('surveyM.missing') });
      return;
    }
    if (!(await Dialog.confirm({ content: t('surveyM.confirm') }))) return;
    setSending(true);
    try {
      // Only the questions shown: a hidden question's earlier answer is dropped, as the server requires.
      const sent = Object.fromEntries(Object.entries(answers).filter(([k]) => visible.has(k)));
      const res = await api.post<SurveyForm>(`/voice/surveys/${s.id}/answers`, { answers: sent, token });
      Toast.show({ icon: 'success', content: t('surveyM.submitted') });
      onDone(res);
    } catch (e) {
      Toast.show({ content: errorText(e) });
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      {s.isAnonymous ? <div style={{ background: '#fff7e6', padding: 10, borderRadius: 6, fontSize: 14, marginBottom: 8 }}>{t('surveyM.anonymousNote')}</div> : null}
      {shown.map((q, i) => (
        <Card key={q.id} style={{ marginBottom: 10 }} data-testid={`survey-q-${q.id}`}>
          <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>
            {i + 1}. {q.title}
            {q.required ? <span style={{ color: '#c8102e', marginLeft: 4 }}>*</span> : null}
          </div>
          <QuestionInput q={q} value={answers[q.id]} onChange={(v) => setAnswers((a) => ({ ...Object.fromEntries(Object.entries(a).filter(([k]) => k !== q.id)), ...(v === undefined ? {} : { [q.id]: v }) }))} />
        </Card>
      ))}
      <Button block color="primary" size="large" loading={sending} onClick={() => void submit()} data-testid="survey-submit">
        {t('surveyM.submit')}
      </Button>
    </>
  );
}

function Answered({ s }: { s: SurveyForm }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Result status="success" title={t('surveyM.answered')} data-testid="survey-answered" />
      {s.followUps.length ? (
        <>
          <h3 style={{ fontSize: 18, margin: '12px 0 8px' }}>{t('surveyM.followUps')}</h3>
          {s.followUps.map((f, i) => (
            <Card key={i} style={{ marginBottom: 8, borderLeft: '4px solid #c8102e' }} data-testid="survey-follow-up">
              <div style={{ fontSize: 16, marginBottom: 6 }}>{f.note}</div>
              {f.optionLabel ? <Tag color="primary" fill="outline" style={{ marginBottom: 6 }}>{f.optionLabel}</Tag> : null}
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                {f.marketCategory ? (
                  <Button size="small" color="primary" fill="outline" onClick={() => navigate(`/market?category=${f.marketCategory}`)}>
                    {t('surveyM.toMarket')}：{t(`surveyM.category.${f.marketCategory}`)}
                  </Button>
                ) : null}
                {f.event ? (
                  <Button size="small" color="primary" onClick={() => navigate(`/events/${f.event!.id}`)}>
                    {t('surveyM.toEvent')}：{f.event.title}
                  </Button>
                ) : null}
              </div>
            </Card>
          ))}
        </>
      ) : null}
      <h3 style={{ fontSize: 18, margin: '12px 0 8px' }}>{t('surveyM.results')}</h3>
      {!s.results.length ? <div style={{ color: '#666', fontSize: 16 }}>{t('surveyM.noResults')}</div> : null}
      {s.results.map((r) => {
        const rows = r.kind === 'scale' ? r.distribution.map((d) => ({ key: String(d.value), label: String(d.value), count: d.count })) : r.kind === 'rank' ? [] : r.options.map((o) => ({ key: o.id, label: o.label, count: o.count }));
        const max = Math.max(1, r.answered);
        return (
          <Card key={r.id} title={r.title} style={{ marginBottom: 8 }} data-testid={`survey-public-result-${r.id}`}>
            {r.kind === 'scale' && r.average !== null ? <div style={{ fontSize: 16, marginBottom: 6 }}>{t('surveyM.average', { v: r.average })}</div> : null}
            {rows.map((o) => (
              <div key={o.key} style={{ marginBottom: 8 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 15 }}>
                  <span>{o.label}</span>
                  <span>{t('surveyM.people', { n: o.count })}</span>
                </div>
                <ProgressBar percent={(o.count / max) * 100} style={{ '--fill-color': '#c8102e' }} />
              </div>
            ))}
            {r.ranks.map((k, i) => (
              <div key={k.id} style={{ fontSize: 16, padding: '4px 0' }}>
                {i + 1}. {k.label}
              </div>
            ))}
          </Card>
        );
      })}
    </>
  );
}
