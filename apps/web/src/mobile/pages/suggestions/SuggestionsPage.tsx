import type { MyMembership, MySuggestion } from '@niangjia/contracts';
import { SUGGESTION_CATEGORIES } from '@niangjia/contracts';
import { Button, Dialog, Input, NavBar, Selector, Skeleton, Steps, Tabs, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { PhotoList, usePhotoUploads } from '../../PhotoPicker';
import { ErrorNotice } from '../ErrorNotice';

const STATUS_COLOR: Record<string, 'primary' | 'success' | 'warning' | 'default'> = { submitted: 'warning', reviewing: 'primary', forwarded: 'primary', adopted: 'success', declined: 'default' };

/**
 * 合理化建议 on the phone (/m/suggestions): a member makes a suggestion to the union of their
 * membership, and follows each of theirs — every step with the union's note, the benefit and reward.
 * `?tab=mine` opens the list (the link of the messages about it).
 */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'mine' ? 'mine' : 'new';
  const mine = useRequest((signal) => api.get<{ items: MySuggestion[] }>('/voice/suggestions/mine', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('suggestM.title')}
      </NavBar>
      <Tabs activeKey={tab} onChange={(k) => setSearch(k === 'mine' ? { tab: 'mine' } : {}, { replace: true })} style={{ background: '#fff' }}>
        <Tabs.Tab title={t('suggestM.newTitle')} key="new" />
        <Tabs.Tab title={`${t('suggestM.mine')}${mine.data?.items.length ? `（${mine.data.items.length}）` : ''}`} key="mine" />
      </Tabs>
      {tab === 'new' ? (
        <NewSuggestion
          onDone={() => {
            mine.reload();
            setSearch({ tab: 'mine' }, { replace: true });
          }}
        />
      ) : (
        <MySuggestions data={mine.data?.items} error={mine.error} />
      )}
    </>
  );
}

function NewSuggestion({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const membership = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal }), []);
  const [category, setCategory] = useState<string>();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const photos = usePhotoUploads();
  const [sending, setSending] = useState(false);
  const m = membership.data?.membership;
  if (!membership.data) return membership.error ? <ErrorNotice error={membership.error} /> : <Skeleton.Paragraph lineCount={6} animated style={{ margin: 12 }} />;
  if (m?.status !== 'active') {
    return (
      <section className="nj-section" style={{ padding: 16 }} data-testid="suggest-join">
        <p style={{ fontSize: 16 }}>{t('suggestM.joinFirst')}</p>
        <Button block color="primary" size="large" onClick={() => navigate(m ? '/me/membership' : '/join')}>
          {t(m ? 'services.membership' : 'services.join')}
        </Button>
      </section>
    );
  }
  const send = async () => {
    const problem = !category ? t('suggestM.needCategory') : !title.trim() ? t('suggestM.needTitle') : body.trim().length < 2 ? t('suggestM.needBody') : null;
    if (problem) return void Toast.show({ content: problem });
    setSending(true);
    try {
      const made = await api.post<MySuggestion>('/voice/suggestions', { category, title: title.trim(), body: body.trim(), photoIds: photos.photoIds });
      Toast.show({ icon: 'success', content: t('suggestM.submitted', { org: made.orgName }) });
      setCategory(undefined);
      setTitle('');
      setBody('');
      onDone();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    } finally {
      setSending(false);
    }
  };
  return (
    <div style={{ padding: '12px 12px 24px', display: 'grid', gap: 12 }}>
      <p className="nj-muted" style={{ margin: '0 4px' }} data-testid="suggest-to">
        {t('suggestM.toUnion', { org: m.org.name })}
      </p>
      <section className="nj-section" style={{ margin: 0, padding: 16 }}>
        <h3 style={{ margin: '0 0 8px' }}>{t('suggestM.category')}</h3>
        <Selector
          className="nj-selector"
          columns={3}
          value={category ? [category] : []}
          onChange={(v) => setCategory(v[0])}
          options={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: t(`suggestM.category_.${c}`) }))}
          data-testid="suggest-category"
        />
      </section>
      <section className="nj-section" style={{ margin: 0, padding: 16 }}>
        <h3 style={{ margin: '0 0 8px' }}>{t('suggestM.titleLabel')}</h3>
        <Input value={title} onChange={setTitle} maxLength={100} placeholder={t('suggestM.titlePlaceholder')} clearable data-testid="suggest-title" style={{ '--font-size': '16px' }} />
        <h3 style={{ margin: '16px 0 8px' }}>{t('suggestM.body')}</h3>
        <TextArea value={body} onChange={setBody} rows={5} maxLength={4000} showCount placeholder={t('suggestM.bodyPlaceholder')} data-testid="suggest-body" />
        <h3 style={{ margin: '12px 0 8px' }}>{t('suggestM.photos')}</h3>
        <PhotoList uploads={photos} max={6} addLabel={t('suggestM.addPhoto')} uploadingLabel={t('suggestM.uploading')} testId="suggest-photo" />
      </section>
      <Button block color="primary" size="large" loading={sending || photos.isUploading} onClick={() => void send()} data-testid="suggest-submit">
        {t('suggestM.submit')}
      </Button>
    </div>
  );
}

function MySuggestions({ data, error }: { data: MySuggestion[] | undefined; error: unknown }) {
  const { t } = useTranslation();
  if (!data) return error ? <ErrorNotice error={error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} />;
  if (!data.length)
    return (
      <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>
        {t('suggestM.mineEmpty')}
      </p>
    );
  return (
    <>
      {data.map((s) => (
        <section key={s.id} className="nj-section" style={{ padding: 16 }} data-testid="suggest-mine">
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Tag color={STATUS_COLOR[s.status] ?? 'default'} data-testid="suggest-mine-status">
              {t(`suggestM.status.${s.status}`)}
            </Tag>
            <span className="nj-muted">
              {t(`suggestM.category_.${s.category}`)} · {s.number}
            </span>
          </div>
          <p style={{ fontSize: 17, fontWeight: 600, margin: '8px 0 4px', overflowWrap: 'anywhere' }} data-testid="suggest-mine-title">
            {s.title}
          </p>
          <p className="nj-muted" style={{ margin: 0 }}>
            {s.orgName}
          </p>
          {s.status === 'adopted' && (s.benefitFen || s.rewardFen) ? (
            <p style={{ margin: '8px 0 0' }}>
              {[s.benefitFen ? t('suggestM.benefit', { money: formatMoney(s.benefitFen) }) : null, s.rewardFen ? t('suggestM.reward', { money: formatMoney(s.rewardFen) }) : null].filter(Boolean).join('　')}
            </p>
          ) : null}
          <Steps direction="vertical" current={s.steps.length - 1}>
            {s.steps.map((st, i) => (
              <Steps.Step key={i} title={`${t(`suggestM.step.${st.kind}`)} · ${formatDateTime(st.at)}`} description={st.note ?? undefined} />
            ))}
          </Steps>
        </section>
      ))}
    </>
  );
}
