import type { Provider } from '@niangjia/contracts';
import { Button, Card, Form, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { PhoneCodeForm } from '../../auth/PhoneCodeForm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { PROVIDER_FIELDS, ProviderFormFields, type ProviderValues } from './portal/ProviderForm';

/** 服务商入驻 (/admin/register, public): phone code, then the organisation; staff review it. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { status, acceptSession, refresh } = useSession();
  const [form] = Form.useForm<ProviderValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Provider | null>(null);
  const signedIn = status === 'signedIn';
  const districts = useRequest((signal) => api.get<{ items: { id: string; name: string }[] }>('/market/districts', undefined, { signal }), []);
  const mine = useRequest((signal) => api.get<{ provider: Provider | null }>('/market/my-provider', undefined, { signal, skipAuthRedirect: true }), [signedIn], signedIn);

  const submit = async (v: ProviderValues) => {
    setBusy(true);
    setError(null);
    try {
      const p = await api.post<Provider>('/market/providers/register', { ...v, address: v.address || null, intro: v.intro || null, qualificationFileIds: v.qualificationFileIds ?? [] });
      await refresh();
      setDone(p);
    } catch (e) {
      const unplaced = applyServerErrors(form, e, PROVIDER_FIELDS);
      if (!(e instanceof ApiError) || !e.errors.length || unplaced.length) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const existing = mine.data?.provider;
  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #fdf2f3 0%, #f5f7fa 55%)', padding: '32px 16px' }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ maxWidth: 640, margin: '0 auto' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('market.register.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('market.register.subtitle')}</Typography.Paragraph>
        <Steps size="small" current={done ? 2 : signedIn ? 1 : 0} items={[{ title: t('market.register.step1') }, { title: t('market.register.step2') }, { title: t('market.register.done') }]} style={{ marginBottom: 24 }} />
        {done || existing ? (
          <Result status="success" title={t('market.register.done')} subTitle={t('market.register.doneText')} extra={<Button type="primary" onClick={() => navigate('/portal')}>{t('market.register.toPortal')}</Button>} />
        ) : !signedIn ? (
          <>
            <PhoneCodeForm onSignedIn={acceptSession} submitText={t('market.register.verify')} />
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
              <a onClick={() => navigate('/login')}>{t('market.register.login')}</a>
            </Typography.Paragraph>
          </>
        ) : (
          <>
            {error ? <ErrorAlert error={error} /> : null}
            <Form form={form} layout="vertical" initialValues={{ type: 'social_org', orgId: districts.data?.items[0]?.id }} onFinish={(v) => void submit(v)} key={districts.data?.items[0]?.id}>
              <ProviderFormFields districts={districts.data?.items ?? []} />
              <Button type="primary" htmlType="submit" block size="large" loading={busy}>
                {t('market.register.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
