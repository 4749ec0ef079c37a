import type { ApplyMembership, MyMembership, PublicCeremony, PublicJoiningPoint, UnionSuggestion } from '@niangjia/contracts';
import { Button, CheckList, Form, NavBar, SearchBar, Skeleton, Steps, Tag, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { isValidCreditCode } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { normaliseIdNumber } from '../../../shared/members';
import { useRequest } from '../../../shared/use-request';
import { PageLoading } from '../../MobileApp';
import { ErrorNotice } from '../ErrorNotice';
import { REAL_NAME_FIELDS as INFO_FIELDS, RealNameForm, type RealNameValues as InfoValues } from './RealNameForm';

const OPEN = new Set(['applied', 'active', 'suspended']);

/** 入会: real-name details, then the union (the employer's, or the street's joint union for gig workers). */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal }), []);
  // A joining ceremony's QR (建会入会) names the union to preselect: /m/join?ceremony=CODE.
  const [params] = useSearchParams();
  const ceremonyCode = params.get('ceremony')?.trim() ?? '';
  const ceremony = useRequest((signal) => api.get<PublicCeremony>(`/public/ceremonies/${encodeURIComponent(ceremonyCode)}`, undefined, { signal }), [ceremonyCode], /^[A-Za-z0-9]{6,16}$/.test(ceremonyCode));
  // A joining point's QR (入会点) presets its union the same way: /m/join?point=CODE.
  const pointCode = ceremonyCode ? '' : (params.get('point')?.trim() ?? '');
  const point = useRequest((signal) => api.get<PublicJoiningPoint>(`/public/joining-points/${encodeURIComponent(pointCode)}`, undefined, { signal }), [pointCode], /^[A-Za-z0-9-]{1,40}$/.test(pointCode));
  const presetUnion = ceremony.data?.union ?? point.data?.union ?? null;
  const [form] = Form.useForm<InfoValues>();
  const [step, setStep] = useState<0 | 1>(0);
  const [info, setInfo] = useState<InfoValues | null>(null);

  if (mine.loading && !mine.data) return <PageLoading />;
  const status = mine.data?.membership?.status;
  if (status && OPEN.has(status)) return <Navigate to="/me/membership" replace />;

  return (
    <>
      <NavBar onBack={() => (step === 1 ? setStep(0) : navigate(-1))} style={{ background: '#fff' }}>
        {t('join.title')}
      </NavBar>
      <Steps current={step} style={{ '--title-font-size': '15px', background: '#fff', padding: '8px 0' }}>
        <Steps.Step title={t('join.stepInfo')} />
        <Steps.Step title={t('join.stepUnion')} />
      </Steps>
      {ceremony.data ? (
        <p className="nj-muted" style={{ padding: '8px 16px 0', margin: 0, fontSize: 16 }} data-testid="join-ceremony">
          {t('join.ceremony', { title: ceremony.data.title, union: ceremony.data.union.name })}
        </p>
      ) : point.data ? (
        <p className="nj-muted" style={{ padding: '8px 16px 0', margin: 0, fontSize: 16 }} data-testid="join-ceremony">
          {t('join.point', { name: point.data.name, union: point.data.union.name })}
        </p>
      ) : ceremony.error || point.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={ceremony.error ?? point.error} />
        </div>
      ) : null}
      {mine.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={mine.error} />
        </div>
      ) : null}
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <RealNameForm
          form={form}
          prefill={mine.data?.person ?? null}
          onFinish={(values) => {
            setInfo(values);
            setStep(1);
            window.scrollTo(0, 0);
          }}
        />
      </div>
      {step === 1 && info && (
        <UnionStep
          info={info}
          preset={presetUnion ? { ...presetUnion, reason: 'street_joint' } : null}
          via={ceremony.data ? `ceremony:${ceremony.data.code}` : point.data ? `point:${point.data.code}` : undefined}
          presetTitle={ceremony.data ? t('join.ceremonyUnion') : t('join.pointUnion')}
          onBack={() => setStep(0)}
          onFieldErrors={(error) => {
            setStep(0);
            applyServerErrors(form, error, INFO_FIELDS);
          }}
          onDone={() => {
            Toast.show({ icon: 'success', content: t('join.submitted') });
            void navigate('/me/membership', { replace: true });
          }}
        />
      )}
    </>
  );
}

function UnionStep({
  info,
  preset,
  presetTitle,
  via,
  onBack,
  onFieldErrors,
  onDone,
}: {
  info: InfoValues;
  preset: UnionSuggestion | null;
  presetTitle: string;
  /** The QR that brought the worker: kept on the application when they join its union. */
  via: string | undefined;
  onBack: () => void;
  onFieldErrors: (e: unknown) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<UnionSuggestion | null>(preset);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const creditCode = info.employerCreditCode && isValidCreditCode(info.employerCreditCode) ? info.employerCreditCode : undefined;

  const suggestions = useRequest(
    (signal) =>
      api.get<UnionSuggestion[]>(
        '/members/union-suggestions',
        {
          employmentForm: info.employmentForm,
          street: info.homeStreetCode,
          creditCode,
          q: info.employerName && info.employerName.trim().length >= 2 ? info.employerName.trim().slice(0, 50) : undefined,
        },
        { signal },
      ),
    [JSON.stringify(info)],
  );
  const searched = useRequest(
    (signal) => {
      const q = search.trim();
      const isCode = /^[0-9A-Z]{18}$/i.test(q);
      return api.get<UnionSuggestion[]>('/members/union-suggestions', isCode ? { creditCode: q.toUpperCase() } : { q }, { signal });
    },
    [search],
    search.trim().length >= 2,
  );

  // Pick the first suggestion (for a gig worker, the street's joint union) so one tap submits.
  useEffect(() => {
    if (!chosen && suggestions.data?.[0]) setChosen(suggestions.data[0]);
  }, [suggestions.data]);

  const all = useMemo(() => [...(preset ? [preset] : []), ...(suggestions.data ?? []), ...(searched.data ?? [])], [preset, suggestions.data, searched.data]);

  const submit = async () => {
    if (!chosen || submitting) return;
    setSubmitting(true);
    setError(null);
    const body: ApplyMembership = {
      realName: info.realName.trim(),
      idNumber: normaliseIdNumber(info.idNumber),
      employmentForm: info.employmentForm,
      isMigrant: info.isMigrant,
      orgId: chosen.id,
      ...(via && preset && chosen.id === preset.id ? { via } : {}),
      ...(info.phone ? { phone: info.phone } : {}),
      ...(info.employerName?.trim() ? { employerName: info.employerName.trim() } : {}),
      ...(info.employerCreditCode ? { employerCreditCode: info.employerCreditCode } : {}),
      ...(info.homeStreetCode ? { homeStreetCode: info.homeStreetCode } : {}),
    };
    try {
      await api.post<MyMembership>('/members/applications', body);
      onDone();
    } catch (e) {
      // A problem with the details themselves goes back to the field it is about.
      if (e instanceof ApiError && e.errors.some((fe) => INFO_FIELDS.includes(fe.path.replace(/^\/?body[./]/, '').split(/[./]/)[0] ?? ''))) {
        onFieldErrors(e);
      } else setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const renderList = (items: UnionSuggestion[]) => (
    <CheckList
      value={chosen ? [chosen.id] : []}
      onChange={(v) => setChosen(all.find((u) => u.id === v[0]) ?? null)}
      style={{ '--font-size': '16px' }}
    >
      {items.map((u) => (
        <CheckList.Item key={u.id} value={u.id} description={u.address ?? undefined} data-testid="union-option">
          <div style={{ lineHeight: 1.5 }}>{u.name}</div>
          <Tag color={u.reason === 'street_joint' ? 'primary' : 'default'} fill="outline" style={{ marginTop: 4, fontSize: 12 }}>
            {t(`join.reason.${u.reason}`)}
          </Tag>
        </CheckList.Item>
      ))}
    </CheckList>
  );

  return (
    <div style={{ paddingBottom: 24 }}>
      {preset ? (
        <section className="nj-section">
          <h2 className="nj-section-title">{presetTitle}</h2>
          <CheckList value={chosen ? [chosen.id] : []} onChange={(v) => setChosen(all.find((u) => u.id === v[0]) ?? null)} style={{ '--font-size': '16px' }}>
            <CheckList.Item value={preset.id} description={preset.address ?? undefined} data-testid="union-option">
              {preset.name}
            </CheckList.Item>
          </CheckList>
        </section>
      ) : null}
      <section className="nj-section">
        <h2 className="nj-section-title">{t('join.suggested')}</h2>
        {suggestions.loading ? (
          <div style={{ padding: '0 16px 16px' }}>
            <Skeleton.Paragraph lineCount={3} animated />
          </div>
        ) : suggestions.error ? (
          <div style={{ padding: '0 12px' }}><ErrorNotice error={suggestions.error} /></div>
        ) : suggestions.data?.length ? (
          renderList(suggestions.data)
        ) : (
          <p className="nj-muted" style={{ padding: '0 16px 16px', margin: 0 }}>{t('join.noSuggestions')}</p>
        )}
      </section>
      <section className="nj-section">
        <h2 className="nj-section-title">{t('join.search')}</h2>
        <div style={{ padding: '0 12px 12px' }}>
          <SearchBar placeholder={t('join.searchPlaceholder')} onSearch={setSearch} onClear={() => setSearch('')} style={{ '--height': '44px' }} />
        </div>
        {search.trim().length >= 2 &&
          (searched.loading ? (
            <div style={{ padding: '0 16px 16px' }}><Skeleton.Paragraph lineCount={2} animated /></div>
          ) : searched.data?.length ? (
            renderList(searched.data.filter((u) => !suggestions.data?.some((s) => s.id === u.id)))
          ) : (
            <p className="nj-muted" style={{ padding: '0 16px 16px', margin: 0 }}>{t('join.noResults', { q: search.trim() })}</p>
          ))}
      </section>
      <div style={{ padding: '0 12px' }}>
        {error ? <ErrorNotice error={error} /> : null}
        {chosen && <p style={{ fontSize: 16, margin: '4px 4px 12px' }} data-testid="join-chosen">{t('join.chosen', { name: chosen.name })}</p>}
        <Button block color="primary" size="large" disabled={!chosen} loading={submitting} onClick={() => void submit()}>
          {chosen ? t('join.submit') : t('join.pickRequired')}
        </Button>
        <Button block size="large" fill="none" onClick={onBack} style={{ marginTop: 8 }}>
          {t('join.back')}
        </Button>
      </div>
    </div>
  );
}
