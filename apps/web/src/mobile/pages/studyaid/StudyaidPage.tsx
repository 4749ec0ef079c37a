import type { OpenStudyaid, StudyaidApplication } from '@niangjia/contracts';
import { STUDYAID_LEVELS, STUDYAID_RELATIONS } from '@niangjia/contracts';
import { Button, Dialog, Input, List, NavBar, Selector, Skeleton, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { PhotoList, usePhotoUploads } from '../../PhotoPicker';

const STATUS_COLOR: Record<string, string> = { approved: 'primary', disbursed: 'success', acknowledged: 'success', rejected: 'default' };

/**
 * 秋送助学 (/m/assistance/studyaid): the open autumn campaigns above the worker's union with the
 * amount per level, applying for one's own child with a photo of the admission letter, and the
 * status of the worker's applications (approval and payment are the campaign's).
 */
export function StudyaidPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useRequest((signal) => api.get<OpenStudyaid>('/assistance/studyaid/open', undefined, { signal }), []);
  const [applying, setApplying] = useState<string | null>(null);

  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('studyaid.title')}
      </NavBar>
      {open.error ? <ErrorNotice error={open.error} /> : null}
      {!open.data && !open.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {open.data && !open.data.items.length ? (
        <div style={{ padding: '16px 24px' }} data-testid="studyaid-none">
          <p className="nj-muted" style={{ fontSize: 16 }}>
            {t('studyaid.none')}
          </p>
          <p className="nj-muted">{t('studyaid.notMember')}</p>
          <Button size="small" onClick={() => navigate('/join')}>
            {t('studyaid.join')}
          </Button>
        </div>
      ) : null}
      {open.data?.items.map((c) => (
        <List key={c.id} mode="card" style={{ margin: 12 }} data-testid="studyaid-campaign" header={
            <span translate="no" style={{ fontSize: 16, fontWeight: 600 }}>
              {c.name}
            </span>
          }>
          <List.Item description={`${c.orgName} · ${t('studyaid.until', { day: formatDate(c.endsOn) })}`}>
            {t('studyaid.amounts', { u: formatMoney(c.amounts.undergraduate), j: formatMoney(c.amounts.junior_college), h: formatMoney(c.amounts.high_school) })}
          </List.Item>
          {applying === c.id ? (
            <List.Item>
              <ApplyForm
                campaignId={c.id}
                onDone={() => {
                  setApplying(null);
                  open.reload();
                }}
              />
            </List.Item>
          ) : (
            <List.Item>
              <Button block color="primary" onClick={() => setApplying(c.id)} data-testid="studyaid-apply">
                {t('studyaid.apply')}
              </Button>
            </List.Item>
          )}
        </List>
      ))}
      {open.data?.mine.length ? (
        <List mode="card" style={{ margin: 12 }} header={t('studyaid.mine')} data-testid="studyaid-mine">
          {open.data.mine.map((a) => (
            <Mine key={a.id} a={a} />
          ))}
        </List>
      ) : null}
    </>
  );
}

function Mine({ a }: { a: StudyaidApplication }) {
  const { t } = useTranslation();
  return (
    <List.Item
      description={
        <>
          <div>{`${a.school} · ${t(`studyaid.levels.${a.level}`)} · ${formatMoney(a.amountFen)}`}</div>
          <div className="nj-muted">{a.campaignName}</div>
          {a.placement ? <div>{t('studyaid.placement', { place: a.placement.place, from: a.placement.startsOn, to: a.placement.endsOn, hours: a.placement.hours })}</div> : null}
        </>
      }
      extra={
        <Tag color={STATUS_COLOR[a.nomination.status] ?? 'warning'} data-testid="studyaid-mine-status">
          {t(`studyaid.statuses.${a.nomination.status}`)}
        </Tag>
      }
    >
      <span data-testid="studyaid-mine-child">{a.childName}</span>
    </List.Item>
  );
}

function ApplyForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const uploads = usePhotoUploads({ documents: true });
  const [childName, setChildName] = useState('');
  const [childIdNumber, setChildId] = useState('');
  const [relation, setRelation] = useState<string[]>(['son']);
  const [level, setLevel] = useState<string[]>(['undergraduate']);
  const [school, setSchool] = useState('');
  const [admissionYear, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const line = { borderBottom: '1px solid #eee', padding: '8px 0', '--font-size': '16px' } as const;

  async function submit() {
    const [letterPhotoId] = uploads.photoIds;
    if (!childName.trim() || !childIdNumber.trim() || !school.trim() || !letterPhotoId) return void Toast.show(t('studyaid.needAll'));
    setBusy(true);
    try {
      await api.post(`/assistance/studyaid/campaigns/${campaignId}/apply`, { childName, childIdNumber, relation: relation[0], level: level[0], school, admissionYear: Number(admissionYear), letterPhotoId });
      Toast.show({ icon: 'success', content: t('studyaid.submitted') });
      onDone();
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="studyaid-form">
      <Input placeholder={t('studyaid.childName')} value={childName} onChange={setChildName} maxLength={30} style={line} data-testid="studyaid-child-name" />
      <Input placeholder={t('studyaid.childId')} value={childIdNumber} onChange={setChildId} maxLength={18} style={line} data-testid="studyaid-child-id" />
      <p className="nj-muted" style={{ margin: '8px 0 4px' }}>
        {t('studyaid.relation')}
      </p>
      <Selector columns={3} value={relation} onChange={(v) => v.length && setRelation(v)} options={STUDYAID_RELATIONS.map((r) => ({ value: r, label: t(`studyaid.relations.${r}`) }))} />
      <p className="nj-muted" style={{ margin: '8px 0 4px' }}>
        {t('studyaid.level')}
      </p>
      <Selector columns={3} value={level} onChange={(v) => v.length && setLevel(v)} options={STUDYAID_LEVELS.map((l) => ({ value: l, label: t(`studyaid.levels.${l}`) }))} data-testid="studyaid-level" />
      <Input placeholder={t('studyaid.school')} value={school} onChange={setSchool} maxLength={100} style={line} data-testid="studyaid-school" />
      <Input placeholder={t('studyaid.admissionYear')} type="number" inputMode="numeric" value={admissionYear} onChange={setYear} style={line} />
      <p className="nj-muted" style={{ margin: '8px 0 4px' }}>
        {t('studyaid.letter')}
      </p>
      <PhotoList uploads={uploads} max={1} addLabel={t('studyaid.addLetter')} uploadingLabel={t('studyaid.uploading')} testId="studyaid-letter" capture />
      <p className="nj-muted" style={{ fontSize: 13 }}>
        {t('studyaid.privacy')}
      </p>
      <Button block color="primary" size="large" loading={busy} disabled={uploads.isUploading} onClick={() => void submit()} style={{ marginTop: 8 }} data-testid="studyaid-submit">
        {t('studyaid.submit')}
      </Button>
    </div>
  );
}
