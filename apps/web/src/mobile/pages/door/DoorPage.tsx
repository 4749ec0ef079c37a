import type { MyMembership, OpenDoor, OpenDoorResult, PublicDoor, RegisterPerson } from '@niangjia/contracts';
import { Button, Form, Input, NavBar, Skeleton, SpinLoading } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ApiError, describeError } from '../../../shared/api';
import { applyServerErrors } from '../../../shared/form-errors';
import { normaliseIdNumber } from '../../../shared/members';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { REAL_NAME_FIELDS, RealNameForm, type RealNameValues } from '../members/RealNameForm';
import { forgetRequestId, locate, requestIdFor, type LocateProblem } from './door-helpers';
import './door.css';

type Phase =
  | { kind: 'idle' }
  | { kind: 'opening' }
  | { kind: 'opened'; result: OpenDoorResult }
  | { kind: 'refused'; error: unknown }
  | { kind: 'realName' }
  | { kind: 'location'; problem?: LocateProblem };

// Worth another tap as they are: the device or the network may answer next time.
const RETRYABLE = new Set(['DOOR_TOO_FAR', 'DOOR_NO_ACK', 'DOOR_CONTROLLER_OFFLINE', 'DOOR_DEVICE_REFUSED', 'DOOR_RATE_LIMITED', 'NETWORK', 'INTERNAL']);
// Fixed only by scanning the door's current code again.
const RESCAN = new Set(['DOOR_CODE_INVALID', 'DOOR_CODE_EXPIRED', 'DOOR_CODE_USED', 'DOOR_CODE_WRONG_DOOR']);

/** 扫码开门 (/m/door/:deviceId?c=CODE): sign in, real name once, then the door opens or says why not. */
export function DoorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { deviceId = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('c')?.trim() ?? '';
  const session = useSession();
  const door = useRequest((signal) => api.get<PublicDoor>(`/doors/${encodeURIComponent(deviceId)}`, undefined, { signal, skipAuthRedirect: true }), [deviceId]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const started = useRef(false);
  const d = door.data;

  const open = useCallback(
    async (fresh: boolean, location?: OpenDoor['location']) => {
      if (fresh) forgetRequestId(deviceId, code);
      setPhase({ kind: 'opening' });
      const body: OpenDoor = { code, requestId: requestIdFor(deviceId, code), ...(location ? { location } : {}) };
      try {
        const result = await api.post<OpenDoorResult>(`/doors/${encodeURIComponent(deviceId)}/open`, body, { skipAuthRedirect: true });
        setPhase({ kind: 'opened', result });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          await session.refresh();
          setPhase({ kind: 'idle' });
          started.current = false;
        } else if (e instanceof ApiError && e.code === 'DOOR_NEEDS_REAL_NAME') setPhase({ kind: 'realName' });
        else if (e instanceof ApiError && e.code === 'DOOR_LOCATION_REQUIRED') setPhase({ kind: 'location' });
        else setPhase({ kind: 'refused', error: e });
      }
    },
    [deviceId, code, session],
  );

  const openWithLocation = useCallback(async () => {
    setPhase({ kind: 'opening' });
    const found = await locate();
    if ('problem' in found) setPhase({ kind: 'location', problem: found.problem });
    else await open(true, found);
  }, [open]);

  // Signed in with a code: a rotating code opens at once (the scan was the tap); a printed one
  // needs a tap first, as the browser asks for location only after a user gesture.
  useEffect(() => {
    if (started.current || !d || !code || session.status !== 'signedIn') return;
    started.current = true;
    if (d.needsLocation) setPhase({ kind: 'location' });
    else void open(false);
  }, [d, code, session.status, open]);

  // The answer replaces a long form on a small screen: bring its top into view.
  useEffect(() => {
    if (phase.kind === 'opened' || phase.kind === 'refused') window.scrollTo(0, 0);
  }, [phase.kind]);

  const retry = () => (d?.needsLocation ? void openWithLocation() : void open(true));
  const doorPath = `/m/door/${encodeURIComponent(deviceId)}${code ? `?c=${encodeURIComponent(code)}` : ''}`;

  return (
    <div className="nj-door" style={{ minHeight: '100vh', background: '#f5f6f8', paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('door.title')}
      </NavBar>
      {door.error ? (
        <div className="nj-door-body">
          {door.error instanceof ApiError && door.error.status === 404 ? (
            <div className="nj-verify nj-verify-bad" role="alert">
              <div className="nj-verify-mark" aria-hidden="true">
                ✕
              </div>
              <div className="nj-verify-title" style={{ fontSize: 26 }}>
                {t('door.unknownDoor')}
              </div>
              <p>{t('door.unknownDoorText')}</p>
            </div>
          ) : (
            <>
              <ErrorNotice error={door.error} />
              <Button block size="large" onClick={door.reload}>
                {t('actions.retry')}
              </Button>
            </>
          )}
        </div>
      ) : !d || session.status === 'loading' ? (
        <section className="nj-door-station" aria-label={t('door.loading')}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={3} animated />
        </section>
      ) : (
        <>
          <section className="nj-door-station">
            <h1 data-testid="door-station">{d.station.name}</h1>
            <p>{t('door.doorName', { name: d.doorName })}</p>
            <p>{d.station.address}</p>
            {d.station.hoursText && <p>{t('door.hours', { hours: d.station.hoursText })}</p>}
            {d.whoMayEnter === 'members' && <p>{t('door.membersOnly')}</p>}
          </section>
          {d.isClosed && phase.kind !== 'opened' ? (
            <p className="nj-door-warn">{t('door.closed')}</p>
          ) : !d.isOnline && phase.kind === 'idle' ? (
            <p className="nj-door-warn">{t('door.offline')}</p>
          ) : null}
          <div className="nj-door-body">
            {session.status === 'error' ? (
              <ErrorNotice error={session.error} />
            ) : !code ? (
              <TypeCode onCode={(c) => navigate(`/door/${encodeURIComponent(deviceId)}?c=${encodeURIComponent(c)}`, { replace: true })} />
            ) : session.status === 'signedOut' ? (
              <div className="nj-door-panel">
                <h2>{t('door.signInTitle')}</h2>
                <p>{t('door.signInText')}</p>
                <Button block color="primary" size="large" onClick={() => navigate(`/login?next=${encodeURIComponent(doorPath)}`)} data-testid="door-sign-in">
                  {t('door.signIn')}
                </Button>
              </div>
            ) : phase.kind === 'realName' ? (
              <RealNameStep orgId={d.station.orgId} onDone={() => void (d.needsLocation ? openWithLocation() : open(true))} />
            ) : phase.kind === 'location' ? (
              <div className="nj-door-panel">
                <h2>{t('door.locationTitle')}</h2>
                <p>{t('door.locationText', { n: d.maxDistanceM })}</p>
                {phase.problem && (
                  <div className="nj-error" role="alert">
                    {t('door.locationFailed', { reason: t(`door.locationReasons.${phase.problem}`) })}
                  </div>
                )}
                <Button block color="primary" size="large" onClick={() => void openWithLocation()} data-testid="door-locate">
                  {t('door.locate')}
                </Button>
              </div>
            ) : phase.kind === 'opened' ? (
              <div className="nj-verify nj-verify-ok" role="status" data-testid="door-result" data-result="opened" data-command-id={phase.result.commandId}>
                <div className="nj-verify-mark" aria-hidden="true">
                  ✓
                </div>
                <div className="nj-verify-title">{t('door.opened')}</div>
                <p>{t('door.openedText')}</p>
                <p className="nj-verify-time">{t('door.openedStation', { name: phase.result.stationName })}</p>
              </div>
            ) : phase.kind === 'refused' ? (
              <Refused error={phase.error} phone={d.station.contactPhone} onRetry={retry} />
            ) : (
              <div className="nj-door-panel nj-door-opening" role="status" aria-live="polite">
                <SpinLoading color="primary" />
                <div>{t('door.opening')}</div>
                <p className="nj-muted" style={{ margin: '8px 0 0' }}>
                  {t('door.openingHint')}
                </p>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function Refused({ error, phone, onRetry }: { error: unknown; phone: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A code the server cannot even read (cut short, garbled by a scanner) is a bad code, in the same
  // plain words as an expired one, never the generic "check the fields" message.
  const code = error instanceof ApiError ? (error.code === 'VALIDATION_FAILED' && error.errors.some((f) => f.path === 'code') ? 'DOOR_CODE_INVALID' : error.code) : 'UNKNOWN';
  const known = t(`door.reasons.${code}`, { defaultValue: '' });
  const { title, detail } = describeError(error);
  const [wait, setWait] = useState(error instanceof ApiError && error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds) : 0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  return (
    <div className="nj-verify nj-verify-bad" role="alert" data-testid="door-result" data-result="refused" data-code={code}>
      <div className="nj-verify-mark" aria-hidden="true">
        ✕
      </div>
      <div className="nj-verify-title" style={{ fontSize: 28 }}>
        {t('door.refusedTitle')}
      </div>
      <p data-testid="door-reason" style={{ fontSize: 18 }}>
        {known || (detail ? `${title}：${detail}` : title)}
      </p>
      <div className="nj-door-actions">
        {RETRYABLE.has(code) && (
          <Button block color="primary" size="large" disabled={wait > 0} onClick={onRetry} data-testid="door-retry">
            {wait > 0 ? t('door.waitSeconds', { seconds: wait }) : t('door.retry')}
          </Button>
        )}
        {RESCAN.has(code) && <p style={{ fontWeight: 600, margin: 0 }}>{t('door.rescan')}</p>}
        {code === 'DOOR_MEMBERS_ONLY' && (
          <Button block color="primary" size="large" onClick={() => navigate('/join')}>
            {t('door.join')}
          </Button>
        )}
        {phone ? (
          <a className={`nj-door-call${RETRYABLE.has(code) ? '' : ' nj-door-call-primary'}`} href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="door-call">
            {t('door.callStation', { phone })}
          </a>
        ) : (
          <a className="nj-door-call" href="tel:12351">
            {t('door.callHotline')}
          </a>
        )}
      </div>
    </div>
  );
}

/** The members module's real-name form; saving it does not join a union. */
function RealNameStep({ orgId, onDone }: { orgId?: string | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RealNameValues>();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal }), []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: RealNameValues) => {
    setSaving(true);
    setError(null);
    const body = {
      realName: v.realName.trim(),
      idNumber: normaliseIdNumber(v.idNumber),
      employmentForm: v.employmentForm,
      isMigrant: v.isMigrant,
      ...(orgId ? { orgId } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.employerName?.trim() ? { employerName: v.employerName.trim() } : {}),
      ...(v.employerCreditCode ? { employerCreditCode: v.employerCreditCode } : {}),
      ...(v.homeStreetCode ? { homeStreetCode: v.homeStreetCode } : {}),
    } as RegisterPerson;
    try {
      await api.post<MyMembership>('/members/me/person', body);
      onDone();
    } catch (e) {
      applyServerErrors(form, e, REAL_NAME_FIELDS);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ margin: '0 -12px' }} data-testid="door-real-name">
      <h2 className="nj-section-title" style={{ padding: '4px 16px 0' }}>
        {t('door.realNameTitle')}
      </h2>
      <RealNameForm
        form={form}
        prefill={mine.data?.person ?? null}
        intro={t('door.realNameIntro')}
        submitLabel={t('door.realNameSubmit')}
        submitting={saving}
        notice={error ? <ErrorNotice error={error} /> : null}
        onFinish={(v) => void submit(v)}
      />
    </div>
  );
}

/** No code in the link (a damaged QR or a typed address): type the digits the door's screen shows. */
function TypeCode({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const valid = /^\d{6,10}$/.test(value);
  return (
    <form
      className="nj-door-panel"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onCode(value);
      }}
    >
      <h2>{t('door.noCode')}</h2>
      <p>{t('door.noCodeText')}</p>
      <div className="nj-field nj-code">
        <Input
          inputMode="numeric"
          maxLength={10}
          placeholder={t('door.codePlaceholder')}
          value={value}
          onChange={(v) => setValue(v.replace(/\D/g, ''))}
          aria-label={t('door.codeLabel')}
        />
      </div>
      <Button block color="primary" size="large" type="submit" disabled={!valid}>
        {t('door.openWithCode')}
      </Button>
    </form>
  );
}
