import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@niangjia/contracts';
import { Alert, Button, Card, Form, Input, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, describeError, safeNext } from '../../shared/api';
import { useSession } from '../../shared/session';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { PhoneCodeForm } from './PhoneCodeForm';

type Values = { login: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { acceptSession, status } = useSession();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = safeNext(params.get('next'), '/admin', '/');

  useEffect(() => {
    if (status === 'signedIn') void navigate(next, { replace: true });
  }, [status, next, navigate]);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await api.post<Me>('/auth/login', values, { skipAuthRedirect: true });
      acceptSession(me);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(e);
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  const problem = error ? describeError(error) : null;
  const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : undefined;

  return (
    <div
      style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', padding: 16, background: 'linear-gradient(160deg, #fdf2f3 0%, #f5f7fa 55%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={problem.title}
            description={[problem.detail, retryAfter ? t('login.retryAfter', { seconds: retryAfter }) : undefined].filter(Boolean).join(' ') || undefined}
            role="alert"
          />
        )}
        <Tabs
          items={[
            {
              key: 'password',
              label: t('market.login.tabPassword'),
              children: (
                <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
                  <Form.Item name="login" label={t('login.login')} rules={[{ required: true, message: t('login.loginRequired') }]}>
                    <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('login.loginPlaceholder')} />
                  </Form.Item>
                  <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
                    <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" block loading={submitting}>
                    {t('actions.signIn')}
                  </Button>
                </Form>
              ),
            },
            {
              key: 'code',
              label: t('market.login.tabCode'),
              children: (
                <PhoneCodeForm
                  onSignedIn={(me: Me) => {
                    acceptSession(me);
                    void navigate(next, { replace: true });
                  }}
                />
              ),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('login.workerHint')} <a href="/m/login">{t('login.workerLink')}</a>
          <br />
          {t('market.login.codeHint')} · <a onClick={() => navigate('/register')}>{t('market.login.register')}</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
