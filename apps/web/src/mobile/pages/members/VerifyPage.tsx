import type { CardVerification } from '@niangjia/contracts';
import { Button, NavBar, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** What a scan of a member card opens: valid or not, big, with only the name and union. No sign-in. */
export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const result = useRequest(
    async (signal) => {
      const r = await api.get<CardVerification>('/members/verify', { token }, { signal, skipAuthRedirect: true });
      setCheckedAt(new Date());
      return r;
    },
    [token],
    token.length > 0 && token.length <= 200,
  );
  const v = result.data;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f6f8' }}>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('verify.title')}
      </NavBar>
      <main style={{ padding: 12 }}>
        {!token || token.length > 200 ? (
          <div className="nj-verify nj-verify-bad" data-testid="verify-result" data-valid="false">
            <div className="nj-verify-mark" aria-hidden="true">✕</div>
            <div className="nj-verify-title">{t('verify.invalid')}</div>
            <p>{t('verify.noToken')}</p>
          </div>
        ) : result.error ? (
          <>
            <ErrorNotice error={result.error} />
            <Button block size="large" onClick={result.reload}>{t('actions.retry')}</Button>
          </>
        ) : !v ? (
          <section className="nj-section" style={{ padding: 20 }} aria-label={t('verify.checking')}>
            <Skeleton.Title animated />
            <Skeleton.Paragraph lineCount={3} animated />
          </section>
        ) : (
          <div className={`nj-verify ${v.valid ? 'nj-verify-ok' : 'nj-verify-bad'}`} data-testid="verify-result" data-valid={String(v.valid)} role="status">
            <div className="nj-verify-mark" aria-hidden="true">{v.valid ? '✓' : '✕'}</div>
            <div className="nj-verify-title">{v.valid ? t('verify.valid') : v.isExpired ? t('verify.expired') : t('verify.invalid')}</div>
            {v.name || v.union ? (
              <dl className="nj-verify-fields">
                {v.name && (<div><dt>{t('verify.name')}</dt><dd data-testid="verify-name">{v.name}</dd></div>)}
                {v.union && (<div><dt>{t('verify.union')}</dt><dd data-testid="verify-union">{v.union}</dd></div>)}
              </dl>
            ) : null}
            {!v.valid && (v.isExpired ? <p>{t('verify.expiredText')}</p> : v.status ? <p>{t('verify.notActive', { status: t(`members.status.${v.status}`) })}</p> : <p>{t('verify.invalidText')}</p>)}
            {checkedAt && <p className="nj-verify-time">{t('verify.checkedAt', { time: formatDateTime(checkedAt, true) })}</p>}
          </div>
        )}
        <p className="nj-muted" style={{ fontSize: 14, textAlign: 'center', marginTop: 16 }}>{t('verify.privacy')}</p>
      </main>
    </div>
  );
}
