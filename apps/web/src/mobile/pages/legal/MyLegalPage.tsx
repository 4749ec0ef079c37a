import type { Consultation } from '@niangjia/contracts';
import { Badge, Button, NavBar, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

const STATUS = { open: ['primary', 'legal.waiting'], answered: ['success', 'legal.answered'], closed: ['default', 'legal.closed'] } as const;

/** 我的 ▸ 法律咨询 (/m/me/legal): my questions; a new answer is marked. */
export function MyLegalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<Consultation[]>('/rights/my/consultations', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }} right={<button type="button" className="nj-link-button" onClick={() => navigate('/legal')}>{t('legal.ask')}</button>}>
        {t('legal.mine')}
      </NavBar>
      <div style={{ padding: '4px 12px 16px' }}>
        {mine.error ? <ErrorNotice error={mine.error} /> : null}
        {!mine.data ? (
          <div className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
            <Skeleton.Paragraph lineCount={4} animated />
          </div>
        ) : mine.data.length === 0 ? (
          <div className="nj-section nj-muted" style={{ margin: '8px 0', padding: 16 }}>
            {t('legal.mineEmpty')}
          </div>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {mine.data.map((c) => (
              <li key={c.id} className="nj-section" style={{ margin: '8px 0' }}>
                <button type="button" onClick={() => navigate(`/me/legal/${c.id}`)} style={{ display: 'block', width: '100%', textAlign: 'left', background: 'none', border: 0, padding: 16, font: 'inherit', color: 'inherit', cursor: 'pointer' }} data-testid="my-consultation">
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <strong style={{ fontSize: 17 }}>{t(`legal.categories.${c.category}`)}</strong>
                    <span>
                      {c.hasUnread && <Badge content={t('legal.newAnswer')} style={{ marginRight: 6 }} />}
                      <Tag color={STATUS[c.status][0]} fill="outline" style={{ fontSize: 13 }}>
                        {t(STATUS[c.status][1])}
                      </Tag>
                    </span>
                  </div>
                  <p style={{ margin: '6px 0 0', fontSize: 16, lineHeight: 1.5, overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }}>{c.question}</p>
                  <p className="nj-muted" style={{ margin: '4px 0 0', fontSize: 14 }}>
                    {formatDateTime(c.askedAt)} · {c.number}
                  </p>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/** 我的 ▸ 法律咨询 ▸ one (/m/me/legal/:id): the answer with the law it rests on; ask more. */
export function LegalDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const item = useRequest((signal) => api.get<Consultation>(`/rights/my/consultations/${id}`, undefined, { signal }), [id]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const c = item.data;
  const send = async () => {
    if (text.trim().length < 2) return;
    setBusy(true);
    setError(null);
    try {
      item.setData(await api.post<Consultation>(`/rights/my/consultations/${id}/messages`, { body: text.trim() }));
      setText('');
      Toast.show({ content: t('legal.submitted') });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <NavBar onBack={() => navigate('/me/legal')} style={{ background: '#fff' }}>
        {t('legal.title')}
      </NavBar>
      <div style={{ padding: '4px 12px 24px' }}>
        {item.error ? <ErrorNotice error={item.error} /> : null}
        {!c ? (
          <div className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
            <Skeleton.Paragraph lineCount={5} animated />
          </div>
        ) : (
          <>
            <section className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
              <p className="nj-muted" style={{ margin: 0, fontSize: 14 }}>
                {t(`legal.categories.${c.category}`)} · {formatDateTime(c.askedAt)} · {c.number}
              </p>
              <p style={{ margin: '8px 0 0', fontSize: 17, lineHeight: 1.6, whiteSpace: 'pre-wrap' }}>{c.question}</p>
            </section>
            {c.answer ? (
              <section className="nj-section" style={{ margin: '8px 0', padding: 16, background: '#f6ffed' }} data-testid="my-answer">
                <h2 className="nj-section-title" style={{ padding: '0 0 8px' }}>
                  {t('legal.answer')}
                </h2>
                <p style={{ margin: 0, fontSize: 17, lineHeight: 1.7, whiteSpace: 'pre-wrap' }}>{c.answer}</p>
                {c.citations.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    <strong style={{ fontSize: 15 }}>{t('legal.citations')}</strong>
                    <ul style={{ margin: '6px 0 0', paddingLeft: 20, fontSize: 15, lineHeight: 1.6 }} data-testid="my-citations">
                      {c.citations.map((x, i) => (
                        <li key={i}>
                          《{x.law}》{x.article}
                          {x.note ? `：${x.note}` : ''}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <p className="nj-muted" style={{ margin: '10px 0 0', fontSize: 14 }}>
                  {t('legal.answeredBy', { name: c.answererName ?? '' })} · {formatDateTime(c.answeredAt)}
                </p>
              </section>
            ) : (
              <section className="nj-section nj-muted" style={{ margin: '8px 0', padding: 16 }}>
                {t('legal.waiting')}
              </section>
            )}
            {c.messages.map((m) => (
              <section key={m.id} className="nj-section" style={{ margin: '8px 0', padding: 14, background: m.kind === 'question' ? '#fff' : '#f6ffed' }}>
                <strong style={{ fontSize: 15 }}>{m.kind === 'question' ? t('legal.you') : t('legal.union')}</strong>
                <p style={{ margin: '4px 0 0', fontSize: 16, lineHeight: 1.6, whiteSpace: 'pre-wrap' }}>{m.body}</p>
                <p className="nj-muted" style={{ margin: '4px 0 0', fontSize: 13 }}>
                  {formatDateTime(m.createdAt)}
                </p>
              </section>
            ))}
            {c.status !== 'closed' && c.answer && (
              <section className="nj-section" style={{ margin: '8px 0', padding: 16 }}>
                {error ? <ErrorNotice error={error} /> : null}
                <TextArea value={text} onChange={setText} rows={3} maxLength={2000} placeholder={t('legal.followUpPlaceholder')} style={{ '--font-size': '17px' }} />
                <Button block color="primary" style={{ marginTop: 12 }} size="large" loading={busy} disabled={text.trim().length < 2} onClick={() => void send()}>
                  {t('legal.followUp')}
                </Button>
              </section>
            )}
          </>
        )}
      </div>
    </>
  );
}
