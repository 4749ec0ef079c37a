import type { JobApplication, JobEmploymentForm, OpenJob } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Selector, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { wgs84ToGcj02 } from '../../../shared/coords';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { locateOnce } from '../../../shared/map/locate';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

type OpenJobs = { items: OpenJob[]; total: number; page: number; pageSize: number; areas: { id: string; name: string }[] };
type MyApplications = { items: (JobApplication & { jobStatus: string })[] };

const STATUS_COLOR: Record<string, string> = { applied: 'primary', viewed: 'primary', interview: 'warning', hired: 'success', rejected: 'default', withdrawn: 'default' };
const FORMS: JobEmploymentForm[] = ['full_time', 'part_time', 'flexible', 'internship'];
const PAYS = [300_000, 500_000, 800_000];

/** ¥4,500.00–¥6,500.00/月, without the cents when whole. */
function payText(j: { payMinFen: number; payMaxFen: number; payPeriod: string }, period: string): string {
  const m = (fen: number) => formatMoney(fen).replace(/\.00$/, '');
  return `${j.payMinFen === j.payMaxFen ? m(j.payMinFen) : `${m(j.payMinFen)}–${m(j.payMaxFen)}`}${period}`;
}

function distanceText(t: (k: string, o?: Record<string, unknown>) => string, m: number | null): string | null {
  if (m === null) return null;
  return m < 1000 ? t('springJobs.distanceM', { m }) : t('springJobs.distance', { km: (m / 1000).toFixed(1) });
}

/** 春送岗位 (/m/jobs): open jobs, filtered by area, kind and pay, nearest first once the phone gives its place. */
export function SpringJobsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [area, setArea] = useState<string | undefined>();
  const [form, setForm] = useState<JobEmploymentForm | undefined>();
  const [pay, setPay] = useState<number | undefined>();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'ok' | 'failed'>('idle');
  // 显示更多 asks for a longer first page (the API's pages hold up to 200).
  const [shown, setShown] = useState(30);
  const jobs = useRequest(
    (signal) =>
      api.get<OpenJobs>(
        '/assistance/jobs/open',
        { pageSize: shown, ...(area ? { areaId: area } : {}), ...(form ? { employmentForm: form } : {}), ...(pay ? { minPayFen: pay } : {}), ...(point ? { lng: point.lng, lat: point.lat, crs: 'wgs84' } : {}) },
        { signal },
      ),
    [area, form, pay, point?.lng, point?.lat, shown],
  );

  async function locate() {
    setLocating('busy');
    const got = await locateOnce();
    if (got.ok) {
      setPoint({ lng: got.lng, lat: got.lat });
      setLocating('ok');
    } else setLocating('failed');
  }

  return (
    <>
      <NavBar onBack={() => navigate('/services')} right={<a onClick={() => navigate('/jobs/mine')} data-testid="jobs-mine-link" style={{ fontSize: 15 }}>{t('springJobs.mine')}</a>} style={{ background: '#fff' }}>
        {t('springJobs.title')}
      </NavBar>
      <section className="nj-section" style={{ padding: '12px 12px 4px' }}>
        <Selector
          columns={3}
          value={[form ?? '']}
          onChange={(v) => setForm((v[0] || undefined))}
          options={[{ value: '', label: t('springJobs.allForms') }, ...FORMS.map((f) => ({ value: f, label: t(`springJobs.forms.${f}`) }))]}
          data-testid="jobs-filter-form"
        />
        <div style={{ height: 8 }} />
        <Selector
          columns={2}
          value={[pay ? String(pay) : '']}
          onChange={(v) => setPay(v[0] ? Number(v[0]) : undefined)}
          options={[{ value: '', label: t('springJobs.anyPay') }, ...PAYS.map((p) => ({ value: String(p), label: t('springJobs.payAtLeast', { yuan: p / 100 }) }))]}
          data-testid="jobs-filter-pay"
        />
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0', flexWrap: 'wrap' }}>
          <select
            value={area ?? ''}
            onChange={(e) => setArea(e.target.value || undefined)}
            aria-label={t('springJobs.allAreas')}
            data-testid="jobs-filter-area"
            style={{ fontSize: 16, padding: '8px 4px', minHeight: 44, flex: '1 1 140px', borderRadius: 6, border: '1px solid #ddd', background: '#fff' }}
          >
            <option value="">{t('springJobs.allAreas')}</option>
            {(jobs.data?.areas ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <Button size="middle" onClick={() => void locate()} loading={locating === 'busy'} data-testid="jobs-nearest" style={{ minHeight: 44 }}>
            {t('springJobs.nearest')}
          </Button>
        </div>
        {locating === 'ok' ? <p className="nj-muted" style={{ margin: '0 0 4px' }}>{t('springJobs.located')}</p> : null}
        {locating === 'failed' ? <p className="nj-muted" style={{ margin: '0 0 4px' }}>{t('springJobs.locateFailed')}</p> : null}
      </section>
      {!jobs.data ? jobs.error ? <ErrorNotice error={jobs.error} /> : <Skeleton.Paragraph lineCount={6} animated style={{ margin: 12 }} /> : null}
      {jobs.data ? (
        <List header={t('springJobs.total', { total: jobs.data.total })} mode="card" style={{ margin: 12 }} data-testid="jobs-list">
          {jobs.data.items.length ? null : <List.Item>{t('springJobs.empty')}</List.Item>}
          {jobs.data.items.map((j) => (
            <List.Item
              key={j.id}
              onClick={() => navigate(`/jobs/${j.id}`)}
              data-testid="jobs-item"
              description={[j.employerName, j.areaName, distanceText(t, j.distanceM)].filter(Boolean).join(' · ')}
              extra={j.myApplication ? <Tag color={STATUS_COLOR[j.myApplication.status] ?? 'default'}>{t(`springJobs.status.${j.myApplication.status}`)}</Tag> : null}
            >
              <div style={{ fontSize: 16, fontWeight: 600 }}>{j.title}</div>
              <div style={{ color: 'var(--adm-color-primary)', fontSize: 15 }}>{payText(j, t(`springJobs.periods.${j.payPeriod}`))}</div>
              <div className="nj-muted" style={{ fontSize: 14 }}>
                {t(`springJobs.forms.${j.employmentForm}`)} · {t('springJobs.places', { n: j.headcount })}
                {j.fair ? ` · ${t('springJobs.fair')}` : ''}
              </div>
            </List.Item>
          ))}
        </List>
      ) : null}
      {jobs.data && jobs.data.total > jobs.data.items.length && shown < 200 ? (
        <div style={{ padding: '0 12px 24px' }}>
          <Button block onClick={() => setShown((n) => Math.min(200, n + 30))} data-testid="jobs-more">
            {t('springJobs.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** One job (/m/jobs/:id): pay, place, requirements, its fair; apply once with a short note. */
export function SpringJobPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const job = useRequest((signal) => api.get<OpenJob>(`/assistance/jobs/open/${id}`, undefined, { signal }), [id]);
  const [note, setNote] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const j = job.data;

  async function send() {
    setBusy(true);
    try {
      await api.post(`/assistance/jobs/open/${id}/apply`, { note: note.trim() });
      setAsking(false);
      Toast.show({ icon: 'success', content: t('springJobs.sent') });
      job.reload();
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
      job.reload();
    } finally {
      setBusy(false);
    }
  }

  const gcj = j ? wgs84ToGcj02(j.lng, j.lat) : null;
  return (
    <>
      <NavBar onBack={() => navigate('/jobs')} style={{ background: '#fff' }}>
        {t('springJobs.title')}
      </NavBar>
      {!j ? job.error ? <ErrorNotice error={job.error} /> : <Skeleton.Paragraph lineCount={8} animated style={{ margin: 12 }} /> : null}
      {j && gcj ? (
        <>
          <section className="nj-section" style={{ padding: 16 }} data-testid="job-detail">
            <h2 style={{ margin: '0 0 4px', fontSize: 20 }} data-testid="job-title">
              {j.title}
            </h2>
            <p style={{ color: 'var(--adm-color-primary)', fontSize: 20, fontWeight: 600, margin: '4px 0' }} data-testid="job-pay">
              {payText(j, t(`springJobs.periods.${j.payPeriod}`))}
            </p>
            <p style={{ margin: '4px 0', fontSize: 16 }}>{j.employerName}</p>
            <p className="nj-muted" style={{ margin: '4px 0' }}>
              {t(`springJobs.forms.${j.employmentForm}`)} · {t('springJobs.placesLeft', { n: j.placesLeft })} · {t('springJobs.validUntil', { date: j.validUntil })}
            </p>
            {j.status !== 'open' ? <Tag color="default">{t(`springJobs.jobStatus.${j.status}`)}</Tag> : null}
          </section>
          {j.fair ? (
            <section className="nj-section" style={{ padding: 16, margin: '12px 0' }} data-testid="job-fair">
              <h3 style={{ margin: '0 0 4px' }}>{t('springJobs.fair')}</h3>
              <p style={{ margin: 0, fontSize: 16 }}>{j.fair.title}</p>
              <p className="nj-muted" style={{ margin: '4px 0 0' }}>{t('springJobs.fairAt', { time: formatDateTime(j.fair.startsAt), address: j.fair.address ?? j.fair.orgName })}</p>
            </section>
          ) : null}
          <section className="nj-section" style={{ padding: 16, margin: '12px 0' }}>
            {j.description ? (
              <>
                <h3 style={{ margin: '0 0 4px' }}>{t('springJobs.description')}</h3>
                <p style={{ margin: '0 0 12px', fontSize: 16, whiteSpace: 'pre-wrap' }}>{j.description}</p>
              </>
            ) : null}
            {j.requirements ? (
              <>
                <h3 style={{ margin: '0 0 4px' }}>{t('springJobs.requirements')}</h3>
                <p style={{ margin: '0 0 12px', fontSize: 16, whiteSpace: 'pre-wrap' }}>{j.requirements}</p>
              </>
            ) : null}
            <h3 style={{ margin: '0 0 4px' }}>{t('springJobs.address')}</h3>
            <p style={{ margin: 0, fontSize: 16 }}>{j.address}</p>
            <a href={`https://uri.amap.com/marker?position=${gcj[0]},${gcj[1]}&name=${encodeURIComponent(j.employerName)}&coordinate=gaode&callnative=1`} target="_blank" rel="noreferrer" style={{ display: 'inline-block', padding: '10px 0', fontSize: 16 }}>
              {t('springJobs.openMap')}
            </a>
          </section>
          <div style={{ padding: '0 12px 24px' }}>
            {j.myApplication ? (
              <Button block size="large" disabled data-testid="job-applied">
                {t('springJobs.applied', { status: t(`springJobs.status.${j.myApplication.status}`) })}
              </Button>
            ) : j.status === 'open' ? (
              <Button block color="primary" size="large" onClick={() => setAsking(true)} data-testid="job-apply">
                {t('springJobs.apply')}
              </Button>
            ) : (
              <p className="nj-muted">{t('springJobs.notOpen')}</p>
            )}
          </div>
          {asking ? (
            <section className="nj-section" style={{ padding: 16, margin: '0 0 24px' }} data-testid="job-apply-form">
              <h3 style={{ margin: '0 0 8px' }}>{t('springJobs.applyTitle', { title: j.title })}</h3>
              <p style={{ margin: '0 0 4px', fontSize: 15 }}>{t('springJobs.note')}</p>
              <TextArea value={note} onChange={setNote} rows={3} maxLength={300} placeholder={t('springJobs.notePlaceholder')} data-testid="job-note" />
              <Button block color="primary" size="large" loading={busy} onClick={() => void send()} data-testid="job-send" style={{ marginTop: 12 }}>
                {t('springJobs.send')}
              </Button>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** 我的求职 (/m/jobs/mine): each application and where it stands; withdraw before a decision. */
export function MySpringJobsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyApplications>('/assistance/jobs/mine', undefined, { signal }), []);

  async function withdraw(a: JobApplication) {
    if (!(await Dialog.confirm({ content: t('springJobs.withdrawConfirm'), confirmText: t('springJobs.withdraw'), cancelText: t('actions.cancel') }))) return;
    try {
      await api.post(`/assistance/jobs/mine/${a.id}/withdraw`, { version: a.version });
      Toast.show(t('springJobs.withdrawn'));
      mine.reload();
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    }
  }

  return (
    <>
      <NavBar onBack={() => navigate('/jobs')} style={{ background: '#fff' }}>
        {t('springJobs.mine')}
      </NavBar>
      {!mine.data ? mine.error ? <ErrorNotice error={mine.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {mine.data && !mine.data.items.length ? (
        <div style={{ padding: 24 }}>
          <p className="nj-muted" style={{ fontSize: 16 }}>
            {t('springJobs.noApplications')}
          </p>
          <Button color="primary" onClick={() => navigate('/jobs')}>
            {t('springJobs.browse')}
          </Button>
        </div>
      ) : null}
      {mine.data?.items.length ? (
        <List mode="card" style={{ margin: 12 }} data-testid="jobs-mine">
          {mine.data.items.map((a) => (
            <List.Item
              key={a.id}
              data-testid="jobs-mine-item"
              onClick={() => navigate(`/jobs/${a.postingId}`)}
              description={
                <>
                  <div>{`${a.employerName} · ${t('springJobs.appliedAt', { time: formatDate(a.createdAt) })}`}</div>
                  {['applied', 'viewed', 'interview'].includes(a.status) ? (
                    <a
                      onClick={(e) => {
                        e.stopPropagation();
                        void withdraw(a);
                      }}
                      style={{ display: 'inline-block', padding: '8px 0', fontSize: 15 }}
                      data-testid="jobs-withdraw"
                    >
                      {t('springJobs.withdraw')}
                    </a>
                  ) : null}
                </>
              }
              extra={
                <Tag color={STATUS_COLOR[a.status] ?? 'default'} data-testid="jobs-mine-status">
                  {t(`springJobs.status.${a.status}`)}
                </Tag>
              }
            >
              {a.title}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
