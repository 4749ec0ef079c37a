import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import type { Me } from '@niangjia/contracts';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, describeError } from '../../shared/api';

/**
 * Sign-in by phone and SMS code in the console (providers and judges have no password). Two steps
 * in one form: the code is sent, the code field gets the focus, resending waits out the countdown.
 */
export function PhoneCodeForm({ onSignedIn, submitText }: { onSignedIn: (me: Me) => void; submitText?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [sent, setSent] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  const send = async () => {
    setError(null);
    try {
      const { phone } = await form.validateFields(['phone']);
      const r = await api.post<{ resendAfterSeconds: number }>('/auth/sms-code', { phone }, { skipAuthRedirect: true });
      setSent(true);
      setWait(r.resendAfterSeconds);
      setTimeout(() => form.getFieldInstance('code')?.focus?.(), 0);
    } catch (e) {
      if (e instanceof Error) setError(e);
    }
  };
  const submit = async (v: { phone: string; code: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<Me>('/auth/sms-login', v, { skipAuthRedirect: true }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const problem = error ? describeError(error) : null;
  return (
    <Form form={form} layout="vertical" requiredMark={false} size="large" onFinish={(v) => void submit(v)}>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.title} description={problem.detail} role="alert" />}
      <Form.Item name="phone" label={t('market.register.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('market.register.phone') }]}>
        <Input prefix={<MobileOutlined />} maxLength={11} inputMode="numeric" autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t('market.register.code')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: sent, pattern: /^\d{6}$/ }]}>
            <Input prefix={<SafetyOutlined />} maxLength={6} inputMode="numeric" autoComplete="one-time-code" disabled={!sent} data-testid="sms-code" />
          </Form.Item>
          <Button onClick={() => void send()} disabled={wait > 0}>
            {wait > 0 ? t('market.register.resend', { s: wait }) : t('market.register.send')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} disabled={!sent}>
        {submitText ?? t('actions.signIn')}
      </Button>
    </Form>
  );
}
