import type { ApplyMembership, Division, MyMembership, UnionSuggestion } from '@niangjia/contracts';
import { Button, Checkbox, CheckList, Form, Input, NavBar, Popup, SearchBar, Selector, Skeleton, Steps, Tag, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { isValidCreditCode } from '../../../shared/domain';
import { applyServerErrors } from '../../../shared/form-errors';
import { EMPLOYMENT_FORMS, idNumberRules, isGigEmployment, normaliseIdNumber, PHONE_PATTERN, type EmploymentForm } from '../../../shared/members';
import { useMe } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { PageLoading } from '../../MobileApp';
import { ErrorNotice } from '../ErrorNotice';

/** The county whose streets the form offers (Jiangbei, the reference deployment). */
const COUNTY_CODE = '500105';
const OPEN = new Set(['applied', 'active', 'suspended']);
const INFO_FIELDS = ['realName', 'idNumber', 'phone', 'employmentForm', 'employerName', 'employerCreditCode', 'isMigrant', 'homeStreetCode'];

type InfoValues = {
  realName: string;
  idNumber: string;
  phone?: string;
  employmentForm: EmploymentForm;
  employerName?: string;
  employerCreditCode?: string;
  isMigrant: boolean;
  homeStreetCode?: string;
};

/** 入会: real-name details, then the union (the employer's, or the street's joint union for gig workers). */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal }), []);
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
      {mine.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={mine.error} />
        </div>
      ) : null}
      <div style={{ display: step === 0 ? 'block' : 'none' }}>
        <InfoStep
          form={form}
          prefill={mine.data?.person ?? null}
          onNext={(values) => {
            setInfo(values);
            setStep(1);
            window.scrollTo(0, 0);
          }}
        />
      </div>
      {step === 1 && info && (
        <UnionStep
          info={info}
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

function InfoStep({ form, prefill, onNext }: { form: ReturnType<typeof Form.useForm<InfoValues>>[0]; prefill: MyMembership['person']; onNext: (v: InfoValues) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const accountPhone = me.user.phoneMasked;
  const [otherPhone, setOtherPhone] = useState(!accountPhone);
  const employmentForm = Form.useWatch('employmentForm', form);
  const gig = employmentForm ? isGigEmployment(employmentForm) : false;
  const streets = useRequest((signal) => api.get<Division[]>('/divisions', { parent: COUNTY_CODE }, { signal }), []);

  useEffect(() => {
    if (!prefill) return;
    // A rejected or former member starts from what they sent last time (the ID number is never sent back in full).
    form.setFieldsValue({
      realName: prefill.realName,
      employmentForm: prefill.employmentForm,
      employerName: prefill.employerName ?? '',
      employerCreditCode: prefill.employerCreditCode ?? '',
      isMigrant: prefill.isMigrant,
      ...(prefill.homeStreetCode ? { homeStreetCode: prefill.homeStreetCode } : {}),
    });
  }, [prefill, form]);

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      initialValues={{ isMigrant: false }}
      onFinish={(v: InfoValues) => onNext(v)}
      footer={
        <>
          <Button block type="submit" color="primary" size="large">
            {t('join.next')}
          </Button>
          <p className="nj-muted" style={{ fontSize: 13, margin: '12px 4px 0' }}>{t('join.consent')}</p>
        </>
      }
    >
      <Form.Header>{t('join.intro')}</Form.Header>
      <Form.Item
        name="realName"
        label={t('join.realName')}
        rules={[
          { required: true, whitespace: true, message: t('join.realNameRequired') },
          { min: 2, max: 40, message: t('join.realNameLength') },
        ]}
      >
        <Input placeholder={t('join.realNamePlaceholder')} autoComplete="name" clearable />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('join.idNumber')}
        required
        description={t('join.idNumberHint')}
        validateTrigger={['onChange', 'onBlur']}
        rules={idNumberRules()}
      >
        <Input placeholder={t('join.idNumberPlaceholder')} maxLength={18} autoComplete="off" clearable />
      </Form.Item>
      {otherPhone ? (
        <Form.Item
          name="phone"
          label={t('join.phone')}
          rules={[{ required: true, pattern: PHONE_PATTERN, message: t('members.phoneFormat') }]}
          extra={
            accountPhone ? (
              <button type="button" className="nj-link-button" onClick={() => { setOtherPhone(false); form.setFieldValue('phone', undefined); }}>
                {t('join.phoneUseAccount')}
              </button>
            ) : undefined
          }
        >
          <Input type="tel" inputMode="numeric" maxLength={11} placeholder={t('join.phonePlaceholder')} clearable />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('join.phone')}
          extra={
            <button type="button" className="nj-link-button" onClick={() => setOtherPhone(true)}>
              {t('join.phoneOther')}
            </button>
          }
        >
          <span data-testid="join-phone" style={{ fontSize: 17 }}>{t('join.phoneFromAccount', { phone: accountPhone })}</span>
        </Form.Item>
      )}
      <Form.Item name="employmentForm" label={t('join.employmentForm')} rules={[{ required: true, message: t('join.employmentFormRequired') }]}>
        <EmploymentFormField />
      </Form.Item>
      <Form.Item name="employerName" label={t('join.employerName')} rules={[{ required: !gig && !!employmentForm, whitespace: true, message: t('join.employerNamePlaceholder') }, { max: 100 }]}>
        <Input placeholder={gig ? t('join.employerNameGigPlaceholder') : t('join.employerNamePlaceholder')} clearable />
      </Form.Item>
      <Form.Item
        name="employerCreditCode"
        label={t('join.employerCreditCode')}
        normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s+/g, '')}
        rules={[{ validator: async (_, v: string | undefined) => { if (v && !isValidCreditCode(v)) throw new Error(t('members.creditCodeFormat')); } }]}
      >
        <Input placeholder={t('join.employerCreditCodePlaceholder')} maxLength={18} autoComplete="off" clearable />
      </Form.Item>
      <Form.Item
        name="homeStreetCode"
        label={t('join.street')}
        description={gig ? t('join.streetHint') : undefined}
        rules={[{ required: gig, message: t('join.streetRequiredGig') }]}
      >
        <StreetField streets={streets.data ?? []} failed={!!streets.error} />
      </Form.Item>
      <Form.Item name="isMigrant" valuePropName="checked">
        <Checkbox className="nj-checkbox">{t('join.isMigrant')}</Checkbox>
      </Form.Item>
    </Form>
  );
}

function EmploymentFormField({ value, onChange }: { value?: EmploymentForm; onChange?: (v: EmploymentForm | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <Selector
      className="nj-selector"
      columns={2}
      options={EMPLOYMENT_FORMS.map((f) => ({ value: f, label: t(`members.employmentForms.${f}`) }))}
      value={value ? [value] : []}
      onChange={(v) => onChange?.(v[0])}
    />
  );
}

function StreetField({ value, onChange, streets, failed }: { value?: string; onChange?: (v: string | undefined) => void; streets: Division[]; failed: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = streets.find((s) => s.code === value)?.name;
  return (
    <>
      <button type="button" className="nj-picker-trigger" onClick={() => setOpen(true)} disabled={failed || !streets.length} data-testid="street-picker">
        {failed ? t('join.streetsFailed') : (name ?? <span style={{ color: '#999' }}>{t('join.streetPlaceholder')}</span>)}
        <span aria-hidden="true" style={{ color: '#999' }}>›</span>
      </button>
      {/* A plain list in a sheet: one tap picks, easier with one thumb than a wheel. */}
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '70vh', overflowY: 'auto' }}>
        <h2 className="nj-section-title" style={{ padding: '16px 16px 8px' }}>{t('join.street')}</h2>
        <CheckList
          value={value ? [value] : []}
          onChange={(v) => {
            onChange?.(v[0] as string | undefined);
            setOpen(false);
          }}
        >
          {streets.map((s) => (
            <CheckList.Item key={s.code} value={s.code}>
              {s.name}
            </CheckList.Item>
          ))}
        </CheckList>
      </Popup>
    </>
  );
}

function UnionStep({ info, onBack, onFieldErrors, onDone }: { info: InfoValues; onBack: () => void; onFieldErrors: (e: unknown) => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<UnionSuggestion | null>(null);
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

  const all = useMemo(() => [...(suggestions.data ?? []), ...(searched.data ?? [])], [suggestions.data, searched.data]);

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
