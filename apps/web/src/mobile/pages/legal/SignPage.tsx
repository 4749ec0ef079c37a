import type { SignTask } from '@niangjia/contracts';
import { NavBar, Result, Skeleton } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { SignaturePad } from '../sign/SignaturePad';

/**
 * /m/sign/:token — a party signs a mediation document on a phone or tablet: the document's text,
 * then a signature drawn with a finger. The link is single-use and expires; no sign-in.
 */
export function SignPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const task = useRequest((signal) => api.get<SignTask>(`/rights/sign/${token}`, undefined, { signal, skipAuthRedirect: true }), [token]);
  const [busy, setBusy] = useState(false);
  const [isDone, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (blob: Blob) => {
    setBusy(true);
    setError(null);
    try {
      await api.sendFile(`/rights/sign/${token}`, blob);
      setDone(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const d = task.data;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <NavBar backIcon={false} style={{ background: '#fff' }}>
        {t('legal.sign.title')}
      </NavBar>
      <div style={{ padding: 12, maxWidth: 720, margin: '0 auto' }}>
        {task.error ? <ErrorNotice error={task.error} /> : null}
        {isDone ? (
          <Result status="success" title={t('legal.sign.done')} style={{ borderRadius: 12 }} />
        ) : !d ? (
          !task.error && (
            <div className="nj-section" style={{ margin: 0, padding: 16 }}>
              <Skeleton.Paragraph lineCount={6} animated />
            </div>
          )
        ) : (
          <>
            <section className="nj-section" style={{ margin: 0, padding: 16 }}>
              <h1 style={{ fontSize: 20, margin: '0 0 4px', textAlign: 'center' }}>{d.title}</h1>
              <p className="nj-muted" style={{ margin: '0 0 12px', fontSize: 14 }}>
                {t('legal.sign.intro', { name: d.signerName, title: d.title })}
              </p>
              <div data-testid="sign-text" style={{ fontSize: 16, lineHeight: 1.7, maxHeight: '45vh', overflowY: 'auto', borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
                {d.lines.map((line, i) => (
                  <p key={i} style={{ margin: '0 0 6px', whiteSpace: 'pre-wrap' }}>
                    {line}
                  </p>
                ))}
              </div>
            </section>
            <SignaturePad prompt={t('legal.sign.pad')} clearLabel={t('legal.sign.clear')} confirmLabel={t('legal.sign.confirm')} emptyMessage={t('legal.sign.empty')} busy={busy} error={error} onConfirm={(blob) => void submit(blob)}>
              <p className="nj-muted" style={{ margin: '8px 0 0', fontSize: 13 }}>
                {t('legal.sign.expires', { time: formatDateTime(d.expiresAt) })}
              </p>
            </SignaturePad>
          </>
        )}
      </div>
    </div>
  );
}
