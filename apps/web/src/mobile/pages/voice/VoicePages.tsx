import type { MyReport, VoiceCategory } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Selector, Skeleton, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { LazyMap, locateOnce, useMapLayers, type MapPoint } from '../../../shared/map';
import { useRequest } from '../../../shared/use-request';
import { PhotoList, usePhotoUploads } from '../../PhotoPicker';
import { ErrorNotice } from '../ErrorNotice';

type Nearby = { id: string; number: string; distanceMetres: number; meTooCount: number };
type PublicReports = { items: { categoryKey: string; status: 'open' | 'resolved'; lng: number; lat: number; createdOn: string; resolvedOn: string | null }[]; categories: VoiceCategory[] };

const STATUS_COLOR: Record<string, 'primary' | 'success' | 'warning' | 'default' | 'danger'> = {
  new: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  closed: 'default',
  merged: 'default',
};

/** The category's name in the page's language (categories are data: both names come from the server). */
function useCategoryName() {
  const { i18n } = useTranslation();
  return (c: VoiceCategory | undefined, key: string) => (c ? (i18n.language === 'en' ? c.nameEn : c.nameZh) : key);
}

/** 随手拍: category, place (the phone's location or a tapped point), text and photos; nearby open reports of the same kind are offered first. */
export function ReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useCategoryName();
  const layers = useMapLayers();
  const categories = useRequest((signal) => api.get<{ items: VoiceCategory[] }>('/voice/categories', undefined, { signal }), []);
  const [categoryKey, setCategoryKey] = useState<string>();
  const [pin, setPin] = useState<{ lng: number; lat: number } | null>(null);
  const [where, setWhere] = useState<string>('');
  const [text, setText] = useState('');
  const photos = usePhotoUploads();
  const { photoIds } = photos;
  const [isSending, setBusy] = useState(false);
  const isBusy = isSending || photos.isUploading;
  const [nearby, setNearby] = useState<Nearby[] | null>(null);

  const locate = async () => {
    setWhere(t('voice.locating'));
    // The W3C location is WGS-84; the server converts a GCJ-02 point (a WeChat or AMap reading) itself.
    const got = await locateOnce();
    if (got.ok) {
      setPin({ lng: got.lng, lat: got.lat });
      setWhere(t('voice.located'));
    } else setWhere(t('voice.locateFailed'));
  };
  const check = () => {
    if (!categoryKey) return t('voice.needCategory');
    if (!pin) return t('voice.needPlace');
    if (text.trim().length < 2) return t('voice.needText');
    return null;
  };
  const fileIt = async () => {
    setBusy(true);
    try {
      const made = await api.post<MyReport>('/voice/reports', { categoryKey, description: text.trim(), location: { ...pin, crs: 'wgs84' }, photoIds });
      Toast.show({ icon: 'success', content: t('voice.submitted', { org: made.orgName }) });
      void navigate('/voice/mine');
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  };
  const next = async () => {
    const problem = check();
    if (problem) return void Toast.show({ content: problem });
    setBusy(true);
    try {
      const found = await api.get<{ items: Nearby[] }>('/voice/reports/nearby', { categoryKey: categoryKey!, lng: pin!.lng, lat: pin!.lat, crs: 'wgs84' });
      if (found.items.length) setNearby(found.items);
      else await fileIt();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    } finally {
      setBusy(false);
    }
  };
  const meToo = async (id: string) => {
    try {
      await api.post(`/voice/reports/${id}/me-too`);
      Toast.show({ icon: 'success', content: t('voice.meTooDone') });
      void navigate('/voice/mine');
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };

  return (
    <>
      <NavBar
        onBack={() => navigate('/services')}
        right={
          <a onClick={() => navigate('/voice/mine')} data-testid="voice-mine-link">
            {t('voice.mine')}
          </a>
        }
        style={{ background: '#fff' }}
      >
        {t('voice.title')}
      </NavBar>
      {nearby ? (
        <section className="nj-section" style={{ padding: 16 }} data-testid="voice-nearby">
          <h2 style={{ fontSize: 18, margin: '0 0 4px' }}>{t('voice.nearbyTitle')}</h2>
          <p className="nj-muted" style={{ marginTop: 0 }}>
            {t('voice.nearbyHint')}
          </p>
          <List>
            {nearby.map((r) => (
              <List.Item
                key={r.id}
                extra={
                  <Button size="small" color="primary" onClick={() => void meToo(r.id)} data-testid="voice-me-too">
                    {t('voice.meToo')}
                  </Button>
                }
              >
                {t('voice.nearbyItem', { number: r.number, m: r.distanceMetres, count: r.meTooCount })}
              </List.Item>
            ))}
          </List>
          <Button block size="large" style={{ marginTop: 12 }} loading={isBusy} onClick={() => void fileIt()} data-testid="voice-file-anyway">
            {t('voice.fileAnyway')}
          </Button>
        </section>
      ) : (
        <div style={{ padding: '0 12px 24px', display: 'grid', gap: 12 }}>
          <section className="nj-section" style={{ margin: 0, padding: 16 }}>
            <h3 style={{ margin: '0 0 8px' }}>{t('voice.category')}</h3>
            {!categories.data ? (
              categories.error ? (
                <ErrorNotice error={categories.error} />
              ) : (
                <Skeleton.Paragraph lineCount={2} animated />
              )
            ) : (
              <Selector
                className="nj-selector"
                columns={2}
                value={categoryKey ? [categoryKey] : []}
                onChange={(v) => setCategoryKey(v[0])}
                options={categories.data.items.map((c) => ({ value: c.key, label: nameOf(c, c.key), description: t('voice.limit', { hours: c.limitHours }) }))}
                data-testid="voice-category"
              />
            )}
          </section>
          <section className="nj-section" style={{ margin: 0, padding: 16 }}>
            <h3 style={{ margin: '0 0 8px' }}>{t('voice.where')}</h3>
            <Button block onClick={() => void locate()} data-testid="voice-locate">
              {t('voice.locate')}
            </Button>
            <p className="nj-muted" data-testid="voice-where">
              {where || t('voice.tapHint')}
            </p>
            <LazyMap
              layers={layers.data}
              pin={pin}
              onMapClick={(lng, lat) => (setPin({ lng, lat }), setWhere(t('voice.located')))}
              focus={pin ? { points: [pin], maxZoom: 16 } : null}
              height={240}
              testId="voice-map"
            />
          </section>
          <section className="nj-section" style={{ margin: 0, padding: 16 }}>
            <h3 style={{ margin: '0 0 8px' }}>{t('voice.description')}</h3>
            <TextArea value={text} onChange={setText} placeholder={t('voice.descriptionPlaceholder')} rows={4} maxLength={1000} showCount data-testid="voice-text" />
            <h3 style={{ margin: '12px 0 8px' }}>{t('voice.photos')}</h3>
            <PhotoList uploads={photos} max={3} addLabel={t('voice.addPhoto')} uploadingLabel={t('voice.uploading')} testId="voice-photo" capture />
          </section>
          <Button block color="primary" size="large" loading={isBusy} onClick={() => void next()} data-testid="voice-next">
            {t('voice.next')}
          </Button>
        </div>
      )}
    </>
  );
}

/** 我的随手拍: reports filed or joined, their status and history; a resolved one asks its reporter to confirm. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useCategoryName();
  const categories = useRequest((signal) => api.get<{ items: VoiceCategory[] }>('/voice/categories', undefined, { signal }), []);
  const mine = useRequest((signal) => api.get<{ items: MyReport[] }>('/voice/reports/mine', undefined, { signal }), []);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [reopening, setReopening] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      Toast.show({ icon: 'success', content: done });
      setReopening(null);
      mine.reload();
    } catch (e) {
      await Dialog.alert({ content: errorText(e), confirmText: 'OK' });
    }
  };
  const category = (key: string) =>
    nameOf(
      categories.data?.items.find((c) => c.key === key),
      key,
    );
  return (
    <>
      <NavBar onBack={() => navigate('/voice')} style={{ background: '#fff' }}>
        {t('voice.mine')}
      </NavBar>
      {!mine.data ? mine.error ? <ErrorNotice error={mine.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {mine.data && !mine.data.items.length ? (
        <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>
          {t('voice.mineEmpty')}
        </p>
      ) : null}
      {mine.data?.items.map((r) => (
        <section key={r.id} className="nj-section" style={{ padding: 16 }} data-testid="voice-my-report">
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Tag color={STATUS_COLOR[r.status] ?? 'default'} data-testid="voice-my-status">
              {t(`voice.status.${r.status}`)}
            </Tag>
            <strong>{category(r.categoryKey)}</strong>
            <span className="nj-muted">{r.number}</span>
            <Tag fill="outline">{r.isMine ? t('voice.mineTag') : t('voice.joinedTag')}</Tag>
          </div>
          {r.description ? <p style={{ whiteSpace: 'pre-wrap', fontSize: 16 }}>{r.description}</p> : null}
          <p className="nj-muted">
            {t('voice.orgLabel')}：{r.orgName}
          </p>
          <Steps direction="vertical" current={r.history.length - 1}>
            {r.history.map((h, i) => (
              <Steps.Step
                key={i}
                title={`${t(`voice.events.${h.kind}`)} · ${formatDateTime(h.at)}`}
                description={[h.actorName, h.toOrgName && h.kind !== 'created' ? `→ ${h.toOrgName}` : null, h.note].filter(Boolean).join(' · ')}
              />
            ))}
          </Steps>
          {r.isMine && r.status === 'resolved' ? (
            <div style={{ display: 'grid', gap: 8 }} data-testid="voice-confirm-box">
              <p style={{ fontSize: 16, margin: 0 }}>{t('voice.askConfirm')}</p>
              <Button block color="primary" size="large" onClick={() => void act(() => api.post(`/voice/reports/${r.id}/confirm`), t('voice.confirmed'))} data-testid="voice-confirm">
                {t('voice.confirmFixed')}
              </Button>
              {reopening === r.id ? (
                <>
                  <TextArea value={notes[r.id] ?? ''} onChange={(v) => setNotes((n) => ({ ...n, [r.id]: v }))} placeholder={t('voice.notFixedNote')} rows={3} data-testid="voice-reopen-note" />
                  <Button
                    block
                    size="large"
                    disabled={!(notes[r.id] ?? '').trim()}
                    onClick={() => void act(() => api.post(`/voice/reports/${r.id}/reopen`, { note: (notes[r.id] ?? '').trim() }), t('voice.reopened'))}
                    data-testid="voice-reopen-send"
                  >
                    {t('voice.notFixedSend')}
                  </Button>
                </>
              ) : (
                <Button block size="large" onClick={() => setReopening(r.id)} data-testid="voice-not-fixed">
                  {t('voice.notFixed')}
                </Button>
              )}
            </div>
          ) : null}
        </section>
      ))}
    </>
  );
}

/** 随手拍地图 (public): open and resolved reports as dots; a dot's tooltip names only category, status and dates. */
export function VoiceMapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useCategoryName();
  const layers = useMapLayers();
  const reports = useRequest((signal) => api.get<PublicReports>('/public/voice/reports', undefined, { signal }), []);
  const items = reports.data?.items ?? [];
  const points: MapPoint[] = items.map((r, i) => {
    const c = reports.data?.categories.find((x) => x.key === r.categoryKey);
    const dates = r.resolvedOn ? `${formatDate(r.createdOn)} → ${formatDate(r.resolvedOn)}` : formatDate(r.createdOn);
    return {
      id: String(i),
      lng: r.lng,
      lat: r.lat,
      color: r.status === 'open' ? '#d4380d' : '#389e0d',
      filled: r.status === 'open',
      title: `${nameOf(c, r.categoryKey)} · ${t(r.status === 'open' ? 'voice.mapLegendOpen' : 'voice.mapLegendResolved')} · ${dates}`,
    };
  });
  const open = items.filter((r) => r.status === 'open').length;
  return (
    <>
      <NavBar onBack={() => navigate('/services')} right={<a onClick={() => navigate('/voice')}>{t('voice.newReport')}</a>} style={{ background: '#fff' }}>
        {t('voice.mapTitle')}
      </NavBar>
      <p className="nj-muted" style={{ margin: '12px 16px' }}>
        {t('voice.mapIntro')}
      </p>
      <div style={{ display: 'flex', gap: 8, margin: '0 16px 8px' }} data-testid="voice-map-counts">
        <Tag color="danger">{t('voice.mapOpen', { n: open })}</Tag>
        <Tag color="success">{t('voice.mapResolved', { n: items.length - open })}</Tag>
      </div>
      {reports.error ? <ErrorNotice error={reports.error} /> : null}
      <div style={{ margin: '0 12px 24px' }}>
        <LazyMap layers={layers.data} points={points} cluster height="65vh" testId="voice-public-map" />
      </div>
    </>
  );
}
