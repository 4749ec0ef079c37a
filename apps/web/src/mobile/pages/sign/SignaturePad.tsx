import { Button, Toast } from 'antd-mobile';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../ErrorNotice';

type Props = {
  /** The line above the pad ("请在下方框内用手指签名"). */
  prompt: string;
  clearLabel: string;
  confirmLabel: string;
  /** Shown when the person confirms without drawing anything. */
  emptyMessage: string;
  busy: boolean;
  error: unknown;
  /** The drawn signature as a PNG. */
  onConfirm: (png: Blob) => void;
  /** Under the buttons (an expiry, a note). */
  children?: ReactNode;
};

/**
 * A signature drawn with a finger on the phone screen, sent as a PNG: one component for every
 * signing screen (a mediation document, a hardship file's consent), so the pad behaves the same
 * everywhere. Pointer events cover touch, pen and mouse; the canvas keeps the device's pixel ratio.
 */
export function SignaturePad({ prompt, clearLabel, confirmLabel, emptyMessage, busy, error, onConfirm, children }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hasInk, setInk] = useState(false);

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
  }, []);

  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    setInk(false);
  };

  const confirm = async () => {
    if (!hasInk || !canvas.current) {
      Toast.show({ content: emptyMessage });
      return;
    }
    const blob = await new Promise<Blob>((resolve, reject) => canvas.current!.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
    onConfirm(blob);
  };

  return (
    <section className="nj-section" style={{ margin: '12px 0 0', padding: 16 }}>
      <p style={{ margin: '0 0 8px', fontSize: 16 }}>{prompt}</p>
      <canvas ref={canvas} data-testid="sign-pad" style={{ width: '100%', height: 200, border: '2px dashed #c8102e', borderRadius: 8, touchAction: 'none', background: '#fff' }} />
      {error ? <ErrorNotice error={error} /> : null}
      <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
        <Button size="large" onClick={clear} style={{ flex: 1 }}>
          {clearLabel}
        </Button>
        <Button size="large" color="primary" loading={busy} onClick={() => void confirm()} style={{ flex: 2 }} data-testid="sign-submit">
          {confirmLabel}
        </Button>
      </div>
      {children}
    </section>
  );
}
