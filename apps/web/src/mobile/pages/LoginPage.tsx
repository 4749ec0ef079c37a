import type { Me } from '@niangjia/contracts';
import { Button, Input, NavBar, Toast, type InputRef } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PRIVACY_POLICY_VERSION } from './shell/privacy-version';
import { api, ApiError, safeNext } from '../../shared/api';
import { isMobilePhone, normalizeMobilePhone, PHONE_INPUT_MAX } from '../../shared/members';
import { useSession } from '../../shared/session';
import { ErrorNotice } from './ErrorNotice';
import { LanguageToggle } from './LanguageToggle';

const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;

const CONSENT_KEY = 'niangjia.privacyConsent';
const readConsent = () => {
  try {
    return localStorage.getItem(CONSENT_KEY);
  } catch {
    return null;
  }
};
const saveConsent = (version: string | null) => {
  try {
    if (version) localStorage.setItem(CONSENT_KEY, version);
    else localStorage.removeItem(CONSENT_KEY);
  } catch {
    // Private mode: asked again next time.
  }
};

/** Counts down once a second to zero. */
function useCountdown() {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft] as const;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { acceptSession } = useSession();
  const next = safeNext(params.get('next'), '/m', '/me');
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [resendIn, setResendIn] = useCountdown();
  const codeRef = useRef<InputRef>(null);
  const [validMinutes, setValidMinutes] = useState(5);
  // PIPL: consent to the privacy policy before the first code is sent (remembered on this phone).
  const [consented, setConsented] = useState(() => readConsent() === PRIVACY_POLICY_VERSION);
  const [consentMissing, setConsentMissing] = useState(false);

  const phoneValid = isMobilePhone(phone);
  // What was typed ("+86 138 0000 0001") as the 11 digits the server keeps.
  const phoneDigits = normalizeMobilePhone(phone) ?? phone;

  useEffect(() => {
    if (step === 'code') setTimeout(() => codeRef.current?.focus(), 50);
  }, [step]);

  const sendCode = async () => {
    if (!consented) {
      setConsentMissing(true);
      return;
    }
    if (!phoneValid || sending) return;
    setSending(true);
    setError(null);
    try {
      const result = await api.post<{ resendAfterSeconds: number; expiresInSeconds: number }>('/auth/sms-code', { phone: phoneDigits }, { skipAuthRedirect: true });
      setResendIn(result.resendAfterSeconds || 60);
      setValidMinutes(Math.max(1, Math.round((result.expiresInSeconds || 300) / 60)));
      setStep('code');
      setCode('');
      Toast.show({ content: t('login.codeSent') });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429 && e.retryAfterSeconds) setResendIn(e.retryAfterSeconds);
      // A rate limit after the code was already sent still lets the user type the code they have.
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const verify = async (value = code) => {
    if (!/^\d{6}$/.test(value) || verifying) return;
    setVerifying(true);
    setError(null);
    try {
      const me = await api.post<Me>('/auth/sms-login', { phone: phoneDigits, code: value, privacyPolicyVersion: PRIVACY_POLICY_VERSION }, { skipAuthRedirect: true });
      acceptSession(me);
      // A position's public page (/p/CODE, opened from the QR code at the door) is another face.
      const outside = params.get('next');
      if (outside && /^\/p\/[A-Za-z0-9-]{2,32}$/.test(outside)) window.location.replace(outside);
      else void navigate(next, { replace: true });
    } catch (e) {
      setError(e);
      setCode('');
      codeRef.current?.focus();
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#fff' }}>
      <NavBar onBack={() => (step === 'code' ? setStep('phone') : navigate('/'))} right={<LanguageToggle />}>
        {t('login.title')}
      </NavBar>
      <main className="nj-login">
        {step === 'phone' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void sendCode();
            }}
          >
            <h1>{t('login.phoneTitle')}</h1>
            <p className="nj-muted">{t('login.phoneHint')}</p>
            <div className="nj-field">
              <Input
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                placeholder={t('login.phonePlaceholder')}
                maxLength={PHONE_INPUT_MAX}
                value={phone}
                onChange={setPhone}
                clearable
                autoFocus
                aria-label={t('login.phone')}
                name="phone"
              />
            </div>
            {phone.replace(/\D/g, '').length >= 11 && !phoneValid && <div className="nj-error">{t('login.phoneInvalid')}</div>}
            <label className="nj-consent">
              <input
                type="checkbox"
                checked={consented}
                onChange={(e) => {
                  setConsented(e.target.checked);
                  setConsentMissing(false);
                  saveConsent(e.target.checked ? PRIVACY_POLICY_VERSION : null);
                }}
                data-testid="privacy-consent"
              />
              <span>
                {t('privacy.consent')}
                <Link to="/privacy">{t('privacy.policyLink')}</Link>
              </span>
            </label>
            {consentMissing && <div className="nj-error" role="alert">{t('privacy.consentNeeded')}</div>}
            {error ? <ErrorNotice error={error} /> : null}
            <Button block color="primary" size="large" type="submit" loading={sending} disabled={!phoneValid || resendIn > 0}>
              {resendIn > 0 ? t('login.resendIn', { seconds: resendIn }) : t('login.getCode')}
            </Button>
            {resendIn > 0 && (
              <button type="button" className="nj-link-button" onClick={() => setStep('code')} style={{ width: '100%' }}>
                {t('login.haveCode')}
              </button>
            )}
          </form>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void verify();
            }}
          >
            <h1>{t('login.codeTitle')}</h1>
            <p className="nj-muted">{t('login.codeSentTo', { phone: maskPhone(phoneDigits), minutes: validMinutes })}</p>
            <div className="nj-field nj-code">
              <Input
                ref={codeRef}
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder={t('login.codePlaceholder')}
                maxLength={6}
                value={code}
                onChange={(v) => {
                  const digits = v.replace(/\D/g, '').slice(0, 6);
                  setCode(digits);
                  if (digits.length === 6) void verify(digits);
                }}
                autoFocus
                aria-label={t('login.code')}
                name="code"
              />
            </div>
            {error ? <ErrorNotice error={error} /> : null}
            <Button block color="primary" size="large" type="submit" loading={verifying} disabled={code.length !== 6}>
              {t('login.signIn')}
            </Button>
            <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
              <button type="button" className="nj-link-button" onClick={() => { setStep('phone'); setError(null); }}>
                {t('login.changePhone')}
              </button>
              <button type="button" className="nj-link-button" disabled={resendIn > 0 || sending} onClick={() => void sendCode()}>
                {resendIn > 0 ? t('login.resendIn', { seconds: resendIn }) : t('login.resend')}
              </button>
            </div>
          </form>
        )}
      </main>
    </div>
  );
}
