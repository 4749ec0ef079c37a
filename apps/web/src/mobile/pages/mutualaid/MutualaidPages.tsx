import type { MutualaidBenefit, MutualaidClaim, MyMutualaid } from '@niangjia/contracts';
import { Button, Dialog, Input, List, NavBar, Selector, Skeleton, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { PhotoList, usePhotoUploads } from '../../PhotoPicker';
import { ErrorNotice } from '../ErrorNotice';

const STATUS_COLOR: Record<string, string> = { submitted: 'warning', awaiting_second: 'warning', approved: 'primary', rejected: 'default', paid: 'success' };
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 互助保障 (/m/mutualaid): my cover this year with what is left, and my claims. */
export function MyMutualaidPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyMutualaid>('/assistance/mutualaid/mine', undefined, { signal }), []);
  const e = mine.data?.enrolments[0];
  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('mutualaid.title')}
      </NavBar>
      {!mine.data ? mine.error ? <ErrorNotice error={mine.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {mine.data && !e ? (
        <p className="nj-muted" style={{ padding: 24, fontSize: 16 }} data-testid="mutualaid-not-enrolled">
          {t('mutualaid.notEnrolled')}
        </p>
      ) : null}
      {e ? (
        <section className="nj-section" style={{ padding: 16 }} data-testid="mutualaid-cover">
          <h3 style={{ margin: '0 0 4px' }}>{e.planName}</h3>
          <p className="nj-muted" style={{ margin: 0 }}>
            {t('mutualaid.plan', { year: e.year })} · {e.orgName}
          </p>
          <p style={{ fontSize: 15, margin: '12px 0 4px' }}>{t('mutualaid.left')}</p>
          <p style={{ fontSize: 26, fontWeight: 600, margin: 0 }} data-testid="mutualaid-left">
            {formatMoney(e.capFen - e.committedFen)}
          </p>
          <p className="nj-muted">{t('mutualaid.used', { used: formatMoney(e.committedFen), cap: formatMoney(e.capFen) })}</p>
          <ul style={{ paddingLeft: 18, margin: '8px 0 12px', fontSize: 15, lineHeight: 1.6 }}>
            <li>{t('mutualaid.rules.hospital', { daily: formatMoney(e.benefits.hospital.dailyFen), cap: formatMoney(e.benefits.hospital.capFen) })}</li>
            <li>{t('mutualaid.rules.serious_illness', { lump: formatMoney(e.benefits.serious_illness.lumpSumFen) })}</li>
            <li>{t('mutualaid.rules.accident', { cap: formatMoney(e.benefits.accident.capFen) })}</li>
          </ul>
          {e.planStatus === 'open' ? (
            <Button block color="primary" size="large" onClick={() => navigate(`/mutualaid/new?enrolment=${e.id}`)} data-testid="mutualaid-new">
              {t('mutualaid.newClaim')}
            </Button>
          ) : (
            <p className="nj-muted" data-testid="mutualaid-plan-ended">
              {t('mutualaid.planEnded')}
            </p>
          )}
        </section>
      ) : null}
      {mine.data?.enrolments.length ? (
        <List header={t('mutualaid.myClaims')} mode="card" style={{ margin: 12 }}>
          {mine.data.claims.length ? null : <List.Item>{t('mutualaid.noClaims')}</List.Item>}
          {mine.data.claims.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/mutualaid/claims/${c.id}`)}
              description={`${c.number} · ${c.incidentDate}`}
              extra={<Tag color={STATUS_COLOR[c.status] ?? 'default'}>{t(`mutualaid.status.${c.status}`)}</Tag>}
              data-testid="mutualaid-my-claim"
            >
              {t(`mutualaid.benefits.${c.benefit}`)}
              {c.payoutFen !== null && c.status !== 'rejected' ? ` · ${formatMoney(c.payoutFen)}` : ''}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}

/** 申请互助金 (/m/mutualaid/new): the benefit, date, days or costs, a description and photos of the documents. */
export function NewMutualaidClaimPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enrolmentId = new URLSearchParams(window.location.search).get('enrolment') ?? '';
  const [benefit, setBenefit] = useState<MutualaidBenefit | undefined>();
  const [date, setDate] = useState(shanghaiToday());
  const [days, setDays] = useState('');
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const photos = usePhotoUploads({ documents: true });
  const { photoIds } = photos;
  const [isSending, setBusy] = useState(false);
  const isBusy = isSending || photos.isUploading;

  const submit = async () => {
    if (!benefit) return Toast.show(t('mutualaid.needBenefit'));
    if (!date) return Toast.show(t('mutualaid.needDate'));
    if (benefit === 'hospital' && !(Number(days) >= 1)) return Toast.show(t('mutualaid.needDays'));
    if (benefit === 'accident' && !(Number(amount) > 0)) return Toast.show(t('mutualaid.needAmount'));
    setBusy(true);
    try {
      const made = await api.post<MutualaidClaim>('/assistance/mutualaid/mine/claims', {
        enrolmentId,
        benefit,
        incidentDate: date,
        ...(benefit === 'hospital' ? { hospitalDays: Math.round(Number(days)) } : {}),
        ...(benefit === 'accident' ? { amountFen: Math.round(Number(amount) * 100) } : {}),
        description: text.trim(),
        photoIds,
      });
      Toast.show({ icon: 'success', content: t('mutualaid.submitted') });
      void navigate(`/mutualaid/claims/${made.id}`, { replace: true });
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <NavBar onBack={() => navigate('/mutualaid')} style={{ background: '#fff' }}>
        {t('mutualaid.newClaim')}
      </NavBar>
      <section className="nj-section" style={{ padding: 16 }}>
        <h3 style={{ margin: '0 0 8px' }}>{t('mutualaid.benefit')}</h3>
        <Selector
          columns={1}
          value={benefit ? [benefit] : []}
          onChange={(v) => setBenefit(v[0])}
          options={(['hospital', 'serious_illness', 'accident'] as const).map((b) => ({ value: b, label: t(`mutualaid.benefits.${b}`) }))}
          data-testid="mutualaid-benefit"
        />
        <h3 style={{ margin: '16px 0 8px' }}>{t('mutualaid.incidentDate')}</h3>
        <input type="date" value={date} max={shanghaiToday()} onChange={(e) => setDate(e.target.value)} style={{ width: '100%', fontSize: 16, padding: 8, boxSizing: 'border-box' }} aria-label={t('mutualaid.incidentDate')} data-testid="mutualaid-date" />
        {benefit === 'hospital' ? (
          <>
            <h3 style={{ margin: '16px 0 8px' }}>{t('mutualaid.hospitalDays')}</h3>
            <Input type="number" inputMode="numeric" value={days} onChange={setDays} aria-label={t('mutualaid.hospitalDays')} data-testid="mutualaid-days" style={{ '--font-size': '16px' }} />
          </>
        ) : null}
        {benefit === 'accident' ? (
          <>
            <h3 style={{ margin: '16px 0 8px' }}>{t('mutualaid.amount')}</h3>
            <Input type="number" inputMode="decimal" value={amount} onChange={setAmount} aria-label={t('mutualaid.amount')} data-testid="mutualaid-amount" style={{ '--font-size': '16px' }} />
          </>
        ) : null}
        <h3 style={{ margin: '16px 0 8px' }}>{t('mutualaid.description')}</h3>
        <TextArea value={text} onChange={setText} placeholder={t('mutualaid.descriptionPlaceholder')} rows={3} maxLength={1000} data-testid="mutualaid-text" />
        <h3 style={{ margin: '16px 0 8px' }}>{t('mutualaid.documents')}</h3>
        <PhotoList uploads={photos} max={6} addLabel={t('mutualaid.addPhoto')} uploadingLabel={t('mutualaid.uploading')} testId="mutualaid-photo" />
      </section>
      <div style={{ padding: '0 12px 24px' }}>
        <Button block color="primary" size="large" loading={isBusy} onClick={() => void submit()} data-testid="mutualaid-submit">
          {t('mutualaid.submit')}
        </Button>
      </div>
    </>
  );
}

/** 申请进度 (/m/mutualaid/claims/:id): the claim's steps, the amount approved within the caps, the payment. */
export function MutualaidClaimPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const claim = useRequest((signal) => api.get<MutualaidClaim>(`/assistance/mutualaid/mine/claims/${id}`, undefined, { signal }), [id]);
  const c = claim.data;
  const steps = c
    ? [
        { title: t('mutualaid.steps.submitted'), description: formatDateTime(c.createdAt), done: true },
        { title: t('mutualaid.steps.reviewed'), description: c.reviewedAt ? formatDateTime(c.reviewedAt) : '', done: !!c.reviewedAt },
        ...(c.status === 'awaiting_second' || c.secondAt ? [{ title: t('mutualaid.steps.second'), description: c.secondAt ? formatDateTime(c.secondAt) : '', done: !!c.secondAt }] : []),
        { title: t('mutualaid.steps.paid'), description: c.paidAt ? formatDateTime(c.paidAt) : '', done: !!c.paidAt },
      ]
    : [];
  return (
    <>
      <NavBar onBack={() => navigate('/mutualaid')} style={{ background: '#fff' }}>
        {t('mutualaid.myClaims')}
      </NavBar>
      {!c ? claim.error ? <ErrorNotice error={claim.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {c ? (
        <section className="nj-section" style={{ padding: 16 }} data-testid="mutualaid-claim">
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Tag color={STATUS_COLOR[c.status] ?? 'default'} data-testid="mutualaid-claim-status">
              {t(`mutualaid.status.${c.status}`)}
            </Tag>
            <strong>{t(`mutualaid.benefits.${c.benefit}`)}</strong>
          </div>
          <p className="nj-muted">{t('mutualaid.number', { number: c.number })}</p>
          {c.payoutFen !== null && c.status !== 'rejected' ? (
            <>
              <p style={{ margin: '8px 0 0' }}>{t('mutualaid.payout')}</p>
              <p style={{ fontSize: 26, fontWeight: 600, margin: 0 }} data-testid="mutualaid-claim-payout">
                {formatMoney(c.payoutFen)}
              </p>
              {c.ruleFen !== null && c.ruleFen !== c.payoutFen ? <p className="nj-muted">{t('mutualaid.rule', { rule: formatMoney(c.ruleFen), payout: formatMoney(c.payoutFen) })}</p> : null}
            </>
          ) : null}
          {c.rejectedReason ? <p style={{ fontSize: 16 }}>{t('mutualaid.reason', { reason: c.rejectedReason })}</p> : null}
          {c.paidAt ? <p>{t('mutualaid.paidBy', { method: t(`mutualaid.methods.${c.paymentMethod ?? 'transfer'}`), reference: c.paymentReference ?? '' })}</p> : null}
          <Steps direction="vertical" current={Math.max(0, steps.filter((s) => s.done).length - 1)}>
            {steps.map((s, i) => (
              <Steps.Step key={i} title={s.title} description={s.description} status={s.done ? 'finish' : c.status === 'rejected' ? 'error' : 'wait'} />
            ))}
          </Steps>
        </section>
      ) : null}
    </>
  );
}
