import type { SignTask } from '@niangjia/contracts';
import { Button, NavBar, Result, Skeleton, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/**
 * /m/sign/:token — a party signs a mediation document on a phone or tablet: the document's text,
 * then a signature drawn with a finger. The link is single-use and expires; no sign-in.
 */
export function SignPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const task = useRequest((signal) => api.get<SignTask>(`/rights/sign/${token}`, undefined, { signal, skipAuthRedirect: true }), [token]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hasInk, setInk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [isDone, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = el.clientWidth * ratio;
    el.height = el.clientHeight * ratio;
    const ctx = el.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    let drawing = false;
    const point = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top] as const;
    };
    const down = (e: PointerEvent) => {
      drawing = true;
      el.setPointerCapture(e.pointerId);
      const [x, y] = point(e);
      ctx.beginPath();
      ctx.moveTo(x, y);
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      const [x, y] = point(e);
      ctx.lineTo(x, y);
      ctx.stroke();
      setInk(true);
    };
    const up = () => {
      drawing = false;
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  }, [task.data]);

  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    setInk(false);
  };

  const submit = async () => {
    if (!hasInk || !canvas.current) {
      Toast.show({ content: t('legal.sign.empty') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const blob = await new Promise<Blob>((resolve, reject) => canvas.current!.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
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
            <section className="nj-section" style={{ margin: '12px 0 0', padding: 16 }}>
              <p style={{ margin: '0 0 8px', fontSize: 16 }}>{t('legal.sign.pad')}</p>
              <canvas ref={canvas} data-testid="sign-pad" style={{ width: '100%', height: 200, border: '2px dashed #c8102e', borderRadius: 8, touchAction: 'none', background: '#fff' }} />
              {error ? <ErrorNotice error={error} /> : null}
              <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
                <Button size="large" onClick={clear} style={{ flex: 1 }}>
                  {t('legal.sign.clear')}
                </Button>
                <Button size="large" color="primary" loading={busy} onClick={() => void submit()} style={{ flex: 2 }} data-testid="sign-submit">
                  {t('legal.sign.confirm')}
                </Button>
              </div>
              <p className="nj-muted" style={{ margin: '8px 0 0', fontSize: 13 }}>
                {t('legal.sign.expires', { time: formatDateTime(d.expiresAt) })}
              </p>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
