import type { HardshipDetail } from '@niangjia/contracts';
import { HARDSHIP_CAUSES, HARDSHIP_CONSENT_LINES_EN, HARDSHIP_CONSENT_LINES_ZH, HARDSHIP_DOCUMENT_KINDS, HOUSEHOLD_RELATIONS } from '@niangjia/contracts/hardship-domain';
import { Button, Input, List, NavBar, Result, Selector, Skeleton, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { PhotoButton } from '../../PhotoPicker';
import { ErrorNotice } from '../ErrorNotice';
import { SignaturePad } from '../sign/SignaturePad';

const OPEN = ['draft', 'submitted', 'verifying', 'verified', 'notice', 'active'];
const STATUS_COLOR: Record<string, 'primary' | 'success' | 'warning' | 'default' | 'danger'> = {
  draft: 'default',
  submitted: 'warning',
  verifying: 'warning',
  verified: 'primary',
  notice: 'primary',
  active: 'success',
  rejected: 'danger',
  exited: 'default',
};

/**
 * /m/assistance/hardship — a member's own hardship file: apply with the causes, add the household
 * and documents, sign the consent (授权书) with a finger, submit, then follow it through the two
 * verifications and the public notice to 在档.
 */
export function HardshipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<{ items: HardshipDetail[] }>('/assistance/hardship/mine', undefined, { signal }), []);
  const current = mine.data?.items.find((f) => OPEN.includes(f.status));
  const earlier = mine.data?.items.filter((f) => f !== current) ?? [];
  return (
    <>
      <NavBar onBack={() => void navigate(-1)} style={{ background: '#fff' }}>
        {t('hardshipM.title')}
      </NavBar>
      <div style={{ padding: 12 }}>
        {mine.error ? <ErrorNotice error={mine.error} /> : null}
        {!mine.data ? (
          !mine.error && (
            <div className="nj-section" style={{ margin: 0, padding: 16 }}>
              <Skeleton.Paragraph lineCount={5} animated />
            </div>
          )
        ) : current ? (
          <FileView file={current} onChanged={mine.reload} />
        ) : (
          <ApplyForm onOpened={mine.reload} />
        )}
        {earlier.length ? (
          <List header={t('hardshipM.history')} mode="card" style={{ margin: '12px 0 0' }}>
            {earlier.map((f) => (
              <List.Item key={f.id} description={f.exitReason ?? ''} extra={<Tag color={STATUS_COLOR[f.status]}>{t(`hardshipM.status.${f.status}`)}</Tag>}>
                {f.number}
              </List.Item>
            ))}
          </List>
        ) : null}
      </div>
    </>
  );
}

function ApplyForm({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation();
  const [causes, setCauses] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [income, setIncome] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    if (!causes.length) {
      Toast.show({ content: t('hardshipM.required', { field: t('hardshipM.causes') }) });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/assistance/hardship/mine', { causes, ...(note.trim() ? { causeNote: note.trim() } : {}), ...(income !== '' ? { selfMonthlyIncomeFen: Math.round(Number(income) * 100) } : {}) });
      Toast.show({ content: t('hardshipM.opened') });
      onOpened();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="nj-section" style={{ margin: 0, padding: 16 }}>
      <p style={{ margin: '0 0 12px', fontSize: 15, lineHeight: 1.6 }}>{t('hardshipM.intro')}</p>
      <h3 style={{ margin: '0 0 8px' }}>{t('hardshipM.causes')}</h3>
      <Selector multiple columns={3} value={causes} onChange={setCauses} options={HARDSHIP_CAUSES.map((c) => ({ value: c, label: t(`hardshipM.cause.${c}`) }))} data-testid="hardship-causes" />
      <h3 style={{ margin: '12px 0 8px' }}>{t('hardshipM.causeNote')}</h3>
      <TextArea value={note} onChange={setNote} rows={3} maxLength={500} showCount data-testid="hardship-cause-note" />
      <h3 style={{ margin: '12px 0 8px' }}>{t('hardshipM.myIncome')}</h3>
      <Input placeholder={t('hardshipM.income')} type="number" inputMode="decimal" value={income} onChange={setIncome} data-testid="hardship-my-income" style={{ borderBottom: '1px solid #eee', padding: '8px 0' }} />
      {error ? <ErrorNotice error={error} /> : null}
      <Button block color="primary" size="large" loading={busy} onClick={() => void open()} style={{ marginTop: 12 }} data-testid="hardship-apply">
        {t('hardshipM.open')}
      </Button>
    </section>
  );
}

function FileView({ file, onChanged }: { file: HardshipDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<string[]>([]);
  const [idNumber, setIdNumber] = useState('');
  const [income, setIncome] = useState('');
  const [docKind, setDocKind] = useState<string[]>(['income_proof']);
  const isDraft = file.status === 'draft';
  const base = `/assistance/hardship/mine/${file.id}`;

  const run = async (call: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      if (done) Toast.show({ content: done });
      onChanged();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const addMember = async () => {
    if (!name.trim() || !relation[0] || income === '') {
      Toast.show({ content: t('hardshipM.required', { field: !name.trim() ? t('hardshipM.name') : !relation[0] ? t('hardshipM.relationLabel') : t('hardshipM.income') }) });
      return;
    }
    const ok = await run(() =>
      api.post(`${base}/household`, { name: name.trim(), relation: relation[0], ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}), monthlyIncomeFen: Math.round(Number(income) * 100), version: file.version }),
    );
    if (ok) {
      setName('');
      setRelation([]);
      setIdNumber('');
      setIncome('');
    }
  };
  const addDocument = async (picked: File) => {
    await run(async () => {
      const up = await api.sendFile<{ id: string }>('/documents', picked);
      await api.post(`${base}/documents`, { photoId: up.id, kind: docKind[0] ?? 'other', version: file.version });
    });
  };
  const step = ['draft'].includes(file.status) ? 0 : ['submitted', 'verifying', 'verified'].includes(file.status) ? 1 : file.status === 'notice' ? 2 : 3;

  return (
    <>
      <section className="nj-section" style={{ margin: 0, padding: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <strong data-testid="hardship-number">{t('hardshipM.number', { number: file.number })}</strong>
          <Tag color={STATUS_COLOR[file.status]} data-testid="hardship-status">
            {t(`hardshipM.status.${file.status}`)}
          </Tag>
        </div>
        <Steps current={step} style={{ padding: '12px 0 0' }}>
          <Steps.Step title={t('hardshipM.steps.fill')} />
          <Steps.Step title={t('hardshipM.steps.verify')} />
          <Steps.Step title={t('hardshipM.steps.notice')} />
          <Steps.Step title={t('hardshipM.steps.active')} />
        </Steps>
        <p className="nj-muted" style={{ margin: '8px 0 0' }}>
          {file.causes.map((c) => t(`hardshipM.cause.${c}`)).join('、')}
          {file.tier ? ` · ${t(`hardshipM.tier.${file.tier}`)}` : ''}
        </p>
        {isDraft && file.returnNote ? <p style={{ color: '#c8102e', margin: '8px 0 0' }}>{t('hardshipM.returned', { note: file.returnNote })}</p> : null}
        {file.status === 'submitted' || file.status === 'verifying' ? <p style={{ margin: '8px 0 0' }}>{t('hardshipM.submitted')}</p> : null}
        {file.noticeStartsOn && file.status === 'notice' ? <p style={{ margin: '8px 0 0' }}>{t('hardshipM.noticeDates', { from: formatDate(file.noticeStartsOn), to: formatDate(file.noticeEndsOn) })}</p> : null}
        {file.status === 'active' && file.nextReviewOn ? <p style={{ margin: '8px 0 0' }}>{t('hardshipM.nextReview', { date: formatDate(file.nextReviewOn) })}</p> : null}
      </section>

      <List header={t('hardshipM.household')} mode="card" style={{ margin: '12px 0 0' }}>
        {file.household.map((h) => (
          <List.Item
            key={h.id}
            description={`${t(`hardshipM.relation.${h.relation}`)}${h.idNumberMasked ? ` · ${h.idNumberMasked}` : ''}`}
            extra={
              isDraft && h.relation !== 'self' ? (
                <Button size="mini" fill="none" onClick={() => void run(() => api.post(`${base}/household/${h.id}/remove`, { version: file.version }))}>
                  {t('hardshipM.remove')}
                </Button>
              ) : (
                formatMoney(h.monthlyIncomeFen)
              )
            }
            data-testid="hardship-member"
          >
            {h.name}
          </List.Item>
        ))}
        <List.Item>
          <span data-testid="hardship-per-head">{t('hardshipM.perHead', { money: formatMoney(file.incomePerHeadFen) })}</span>
          {file.thresholdFen !== null ? <div className="nj-muted">{t('hardshipM.threshold', { money: formatMoney(file.thresholdFen) })}</div> : null}
        </List.Item>
      </List>

      {isDraft ? (
        <section className="nj-section" style={{ margin: '12px 0 0', padding: 16 }}>
          <h3 style={{ margin: '0 0 8px' }}>{t('hardshipM.addMember')}</h3>
          <Input placeholder={t('hardshipM.name')} value={name} onChange={setName} maxLength={40} data-testid="hardship-member-name" style={{ borderBottom: '1px solid #eee', padding: '8px 0' }} />
          <p className="nj-muted" style={{ margin: '8px 0 4px' }}>
            {t('hardshipM.relationLabel')}
          </p>
          <Selector columns={4} value={relation} onChange={setRelation} options={HOUSEHOLD_RELATIONS.filter((r) => r !== 'self').map((r) => ({ value: r, label: t(`hardshipM.relation.${r}`) }))} data-testid="hardship-member-relation" />
          <Input placeholder={t('hardshipM.idNumber')} value={idNumber} onChange={setIdNumber} maxLength={18} data-testid="hardship-member-id" style={{ borderBottom: '1px solid #eee', padding: '8px 0' }} />
          <Input placeholder={t('hardshipM.income')} type="number" inputMode="decimal" value={income} onChange={setIncome} data-testid="hardship-member-income" style={{ borderBottom: '1px solid #eee', padding: '8px 0' }} />
          <Button block loading={busy} onClick={() => void addMember()} style={{ marginTop: 12 }} data-testid="hardship-member-add">
            {t('hardshipM.add')}
          </Button>

          <h3 style={{ margin: '16px 0 8px' }}>{t('hardshipM.documents')}</h3>
          {file.documents.length ? (
            <p className="nj-muted" data-testid="hardship-doc-count">
              {file.documents.map((d) => t(`hardshipM.docKind.${d.kind}`)).join('、')}
            </p>
          ) : null}
          <Selector columns={3} value={docKind} onChange={(v) => v.length && setDocKind(v)} options={HARDSHIP_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`hardshipM.docKind.${k}`) }))} />
          <PhotoButton label={busy ? t('hardshipM.uploading') : t('hardshipM.addDocument')} onPick={(f) => void addDocument(f)} testId="hardship-doc" capture documents style={{ marginTop: 8 }} />
        </section>
      ) : null}

      <section className="nj-section" style={{ margin: '12px 0 0', padding: 16 }}>
        <h3 style={{ margin: '0 0 8px' }}>{t('hardshipM.consent')}</h3>
        {file.consent ? (
          <p data-testid="hardship-consent-signed">{t('hardshipM.consentSigned', { time: formatDateTime(file.consent.signedAt) })}</p>
        ) : (
          <>
            <p className="nj-muted" style={{ margin: '0 0 8px' }}>
              {t('hardshipM.consentIntro')}
            </p>
            <div data-testid="hardship-consent-text" style={{ fontSize: 15, lineHeight: 1.7, borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
              {(i18n.language === 'en' ? HARDSHIP_CONSENT_LINES_EN : HARDSHIP_CONSENT_LINES_ZH).map((line, i) => (
                <p key={i} style={{ margin: '0 0 6px' }}>
                  {line}
                </p>
              ))}
            </div>
          </>
        )}
      </section>
      {!file.consent && isDraft ? (
        <SignaturePad
          prompt={t('hardshipM.pad')}
          clearLabel={t('hardshipM.clear')}
          confirmLabel={t('hardshipM.confirmSign')}
          emptyMessage={t('hardshipM.emptySign')}
          busy={busy}
          error={null}
          onConfirm={(blob) => void run(() => api.sendFile(`${base}/consent`, blob))}
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {isDraft ? (
        <Button
          block
          color="primary"
          size="large"
          loading={busy}
          disabled={!file.consent}
          onClick={() => void run(() => api.post(`${base}/submit`, { version: file.version }), t('hardshipM.submitted'))}
          style={{ marginTop: 12 }}
          data-testid="hardship-submit"
        >
          {t('hardshipM.submit')}
        </Button>
      ) : null}
      {file.status === 'active' ? <Result status="success" title={t('hardshipM.status.active')} style={{ marginTop: 12, borderRadius: 12 }} /> : null}
    </>
  );
}
