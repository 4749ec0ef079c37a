import type { CheckinBatchResult, CheckinInfo, CheckinKind, CheckinResult } from '@niangjia/contracts';
import { Button, Input, NavBar, Selector, Skeleton, Tag, Toast } from 'antd-mobile';
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** A scan as the device keeps it until the server has it: its own id, so a re-upload counts once. */
type QueuedScan = { clientId: string; code: string; kind: CheckinKind; at: string };
type Shown = { key: string; name: string | null; text: string; ok: boolean; queued?: boolean };

const queueKey = (eventId: string) => `niangjia.checkin.queue.${eventId}`;
function readQueue(eventId: string): QueuedScan[] {
  try {
    const raw = localStorage.getItem(queueKey(eventId));
    return raw ? (JSON.parse(raw) as QueuedScan[]) : [];
  } catch {
    return [];
  }
}
function writeQueue(eventId: string, items: QueuedScan[]): void {
  try {
    localStorage.setItem(queueKey(eventId), JSON.stringify(items));
  } catch {
    // A full storage keeps the scans in memory only until the page closes.
  }
}
function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
const isNetworkError = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.code === 'NETWORK');

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorCtor = new (opts: { formats: string[] }) => Detector;
const BarcodeDetectorCtor = (globalThis as unknown as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;

/**
 * 活动签到 (/m/checkin/:event) for staff at the door: scan registrations' QR tickets with the
 * camera (BarcodeDetector where the browser has it) or type them; scans are kept on the phone and
 * uploaded in batches, so a bad connection loses nothing and a re-upload counts once. Walk-ins by
 * their membership card; the event's rotating code for attendees to scan themselves.
 */
export function CheckinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { eventId = '' } = useParams();
  const info = useRequest((signal) => api.get<CheckinInfo>(`/events/${eventId}/checkin`, undefined, { signal }), [eventId]);
  const [kind, setKind] = useState<CheckinKind>('entry');
  const [code, setCode] = useState('');
  const [card, setCard] = useState('');
  const [pending, setPending] = useState(() => readQueue(eventId).length);
  const [shown, setShown] = useState<Shown[]>([]);
  const [isShowingCode, setShowingCode] = useState(false);
  const [isScanning, setScanning] = useState(false);
  const uploading = useRef(false);
  const lastInfo = useRef<CheckinInfo | null>(null);
  if (info.data) lastInfo.current = info.data;
  const reloadInfo = info.reload;

  const show = useCallback((items: Shown[]) => setShown((old) => [...items, ...old].slice(0, 20)), []);
  const describe = useCallback(
    (r: CheckinResult): Shown => ({ key: r.clientId, name: r.name, text: r.message || t(`checkin.outcomes.${r.outcome}`), ok: r.outcome === 'recorded' || r.outcome === 'already_in' || r.outcome === 'duplicate' }),
    [t],
  );

  /** Uploads what waits on the device; what the server answered leaves the queue, a lost connection keeps it. */
  const flush = useCallback(async () => {
    if (uploading.current) return;
    const queue = readQueue(eventId);
    if (!queue.length) return;
    uploading.current = true;
    try {
      const batch = queue.slice(0, 500);
      const res = await api.post<CheckinBatchResult>(`/events/${eventId}/checkins`, { items: batch });
      const done = new Set(res.items.map((r) => r.clientId));
      writeQueue(
        eventId,
        readQueue(eventId).filter((q) => !done.has(q.clientId)),
      );
      setShown((old) => {
        const answered = new Map(res.items.map((r) => [r.clientId, describe(r)]));
        const replaced = old.map((s) => answered.get(s.key) ?? s);
        const fresh = res.items.filter((r) => !old.some((s) => s.key === r.clientId)).map(describe);
        return [...fresh, ...replaced].slice(0, 20);
      });
      reloadInfo();
    } catch (e) {
      if (!isNetworkError(e)) Toast.show({ content: errorText(e), icon: 'fail' });
    } finally {
      uploading.current = false;
      setPending(readQueue(eventId).length);
    }
  }, [eventId, describe, reloadInfo]);

  const enqueue = useCallback(
    (text: string) => {
      const value = text.trim();
      if (!value || value.length > 200) return;
      const scan: QueuedScan = { clientId: newClientId(), code: value, kind, at: new Date().toISOString() };
      writeQueue(eventId, [...readQueue(eventId), scan]);
      setPending(readQueue(eventId).length);
      show([{ key: scan.clientId, name: null, text: t('checkin.queued'), ok: true, queued: true }]);
      void flush();
    },
    [eventId, kind, flush, show, t],
  );

  // Upload when the connection comes back, and every 15 s while anything waits.
  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => void flush(), 15_000);
    void flush();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [flush]);

  // The rotating code changes every minute; fetch the next one when it is due.
  useEffect(() => {
    if (!info.data) return;
    const wait = Math.max(5_000, new Date(info.data.codeRefreshAt).getTime() - Date.now() + 1_000);
    const timer = window.setTimeout(reloadInfo, wait);
    return () => window.clearTimeout(timer);
  }, [info.data, reloadInfo]);

  const walkIn = async () => {
    const token = card.trim();
    if (!token) return;
    try {
      const r = await api.post<CheckinResult>(`/events/${eventId}/walk-ins`, { clientId: newClientId(), cardToken: token });
      show([describe(r)]);
      setCard('');
      reloadInfo();
    } catch (e) {
      Toast.show({ content: isNetworkError(e) ? t('checkin.walkInOffline') : errorText(e), icon: 'fail' });
    }
  };

  const e = info.data ?? lastInfo.current;
  return (
    <>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('checkin.title')}
      </NavBar>
      {!e && info.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={info.error} />
        </div>
      ) : null}
      {!e && !info.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {e ? (
        <>
          <section className="nj-section" style={{ margin: 12, padding: 16 }}>
            <strong style={{ fontSize: 17 }}>{e.title}</strong>
            <p className="nj-muted" style={{ margin: '6px 0' }}>{`${formatDateTime(e.startsAt)} · ${e.placeText ?? ''}`}</p>
            <p data-testid="checkin-counts">{t('checkin.attended', { attended: e.attended, registered: e.registered })}</p>
            {pending ? (
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <Tag color="warning" data-testid="checkin-pending">
                  {t('checkin.pending', { n: pending })}
                </Tag>
                <Button size="mini" onClick={() => void flush()}>
                  {t('checkin.upload')}
                </Button>
              </div>
            ) : null}
          </section>
          <section className="nj-section" style={{ margin: 12, padding: 16 }}>
            <Selector<CheckinKind>
              columns={2}
              value={[kind]}
              onChange={(v) => v[0] && setKind(v[0])}
              options={[
                { value: 'entry', label: t('checkin.entry') },
                { value: 'exit', label: t('checkin.exit') },
              ]}
            />
            <div style={{ marginTop: 12 }}>
              {BarcodeDetectorCtor ? (
                isScanning ? (
                  <>
                    <Scanner onCode={enqueue} />
                    <Button block onClick={() => setScanning(false)} style={{ marginTop: 8 }}>
                      {t('checkin.stopScan')}
                    </Button>
                  </>
                ) : (
                  <Button block color="primary" onClick={() => setScanning(true)}>
                    {t('checkin.scan')}
                  </Button>
                )
              ) : (
                <p className="nj-muted">{t('checkin.noCamera')}</p>
              )}
            </div>
            <label style={{ display: 'block', marginTop: 12 }}>
              <span className="nj-muted">{t('checkin.codeLabel')}</span>
              <Input aria-label={t('checkin.codeLabel')} placeholder={t('checkin.codePlaceholder')} value={code} onChange={setCode} clearable data-testid="checkin-code" style={{ border: '1px solid #ddd', borderRadius: 6, padding: '6px 8px', marginTop: 4 }} />
            </label>
            <Button
              block
              color="primary"
              style={{ marginTop: 8 }}
              disabled={!code.trim()}
              data-testid="checkin-submit"
              onClick={() => {
                enqueue(code);
                setCode('');
              }}
            >
              {t('checkin.submit')}
            </Button>
          </section>
          {shown.length ? (
            <section className="nj-section" style={{ margin: 12, padding: 16 }}>
              <strong>{t('checkin.recent')}</strong>
              {shown.map((s) => (
                <div key={s.key} data-testid="checkin-result" style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0', flexWrap: 'wrap' }}>
                  <span>{s.name ?? '—'}</span>
                  <Tag color={s.queued ? 'default' : s.ok ? 'success' : 'danger'}>{s.text}</Tag>
                </div>
              ))}
            </section>
          ) : null}
          <section className="nj-section" style={{ margin: 12, padding: 16 }}>
            <strong>{t('checkin.walkIn')}</strong>
            <label style={{ display: 'block', marginTop: 8 }}>
              <span className="nj-muted">{t('checkin.walkInLabel')}</span>
              <Input aria-label={t('checkin.walkInLabel')} placeholder={t('checkin.walkInPlaceholder')} value={card} onChange={setCard} clearable style={{ border: '1px solid #ddd', borderRadius: 6, padding: '6px 8px', marginTop: 4 }} />
            </label>
            <Button block style={{ marginTop: 8 }} disabled={!card.trim()} onClick={() => void walkIn()}>
              {t('checkin.walkInSubmit')}
            </Button>
          </section>
          <section className="nj-section" style={{ margin: 12, padding: 16, textAlign: 'center' }}>
            <Button block onClick={() => setShowingCode((v) => !v)}>
              {isShowingCode ? t('checkin.hideCode') : t('checkin.showCode')}
            </Button>
            {isShowingCode ? (
              <>
                <RotatingQr text={`${window.location.origin}/m/events/checkin?code=${encodeURIComponent(e.code)}`} label={t('checkin.codeAlt')} />
                <p className="nj-muted">{t('checkin.codeHint')}</p>
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

/** The camera, read by BarcodeDetector a few times a second; the same code is not taken twice in a row within 3 s. */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const { t } = useTranslation();
  const [error, setError] = useState(false);
  useEffect(() => {
    if (!BarcodeDetectorCtor) return;
    let stream: MediaStream | null = null;
    let timer = 0;
    let last = { text: '', at: 0 };
    const detector = new BarcodeDetectorCtor({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = window.setInterval(() => {
          if (!video.current) return;
          void detector
            .detect(video.current)
            .then((codes) => {
              const text = codes[0]?.rawValue;
              if (!text) return;
              const now = Date.now();
              if (text === last.text && now - last.at < 3_000) return;
              last = { text, at: now };
              onCode(text);
            })
            .catch(() => undefined);
        }, 300);
      } catch {
        setError(true);
      }
    })();
    return () => {
      window.clearInterval(timer);
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [onCode]);
  return error ? <p className="nj-muted">{t('checkin.noCamera')}</p> : <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 320, background: '#000', borderRadius: 8 }} />;
}

function RotatingQr({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, text, { width: 240, margin: 1, errorCorrectionLevel: 'M' });
  }, [text]);
  return <canvas ref={ref} role="img" aria-label={label} data-testid="checkin-rotating-qr" width={240} height={240} style={{ marginTop: 12 }} />;
}

/** /m/events/checkin?code=…: the attendee scanned the event's rotating code; their own place is checked in. */
export function SelfCheckinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const clientId = useRef(newClientId());
  const result = useRequest(async () => (code ? api.post<CheckinResult>('/events/my/checkin', { clientId: clientId.current, code }) : null), [code]);
  return (
    <>
      <NavBar onBack={() => navigate('/events/mine')} style={{ background: '#fff' }}>
        {t('checkin.selfTitle')}
      </NavBar>
      <section className="nj-section" style={{ margin: 12, padding: 16, textAlign: 'center' }}>
        {!code ? <p>{t('checkin.selfMissing')}</p> : null}
        {result.error ? <ErrorNotice error={result.error} /> : null}
        {result.data ? (
          <>
            <p style={{ fontSize: 20 }} data-testid="self-checkin-done">
              {t('checkin.selfDone')}
            </p>
            <p className="nj-muted">{`${result.data.name ?? ''} · ${result.data.message}`}</p>
          </>
        ) : null}
        {code && !result.data && !result.error ? <Skeleton.Paragraph lineCount={2} animated /> : null}
      </section>
    </>
  );
}
