import type { CanteenCertification, MyCanteen } from '@niangjia/contracts';
import { Button, Dialog, List, NavBar, Selector, Skeleton, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { PhotoList, usePhotoUploads } from '../../PhotoPicker';
import { ErrorNotice } from '../ErrorNotice';

const STATUS_COLOR: Record<string, string> = { pending: 'warning', approved: 'success', refused: 'default', expired: 'default' };

/**
 * 共享食堂 (/m/assistance/canteen): each canteen's prices by tier, the worker's certifications, and
 * applying for a tier that needs one, with photos of the documents.
 */
export function CanteenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<MyCanteen>('/assistance/canteen/mine', undefined, { signal }), []);
  const [tierId, setTierId] = useState<string | undefined>();
  const [ground, setGround] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const photos = usePhotoUploads({ documents: true });
  const [isSending, setSending] = useState(false);
  const tiers = (mine.data?.canteens ?? []).flatMap((c) => c.tiers.filter((x) => x.needsCertification).map((x) => ({ ...x, canteen: c.positionName })));
  const tier = tiers.find((x) => x.id === tierId);
  const statusOf = (c: CanteenCertification) => (c.isExpired ? 'expired' : c.status);

  async function submit() {
    if (!tierId) return Toast.show(t('canteen.needTier'));
    if (!ground) return Toast.show(t('canteen.needGround'));
    setSending(true);
    try {
      await api.post('/assistance/canteen/mine', { tierId, ground, note: note.trim(), photoIds: photos.photoIds });
      Toast.show({ icon: 'success', content: t('canteen.submitted') });
      setTierId(undefined);
      setGround(undefined);
      setNote('');
      photos.clear();
      mine.reload();
    } catch (error) {
      await Dialog.alert({ content: errorText(error), confirmText: 'OK' });
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('canteen.title')}
      </NavBar>
      {mine.error ? <ErrorNotice error={mine.error} /> : null}
      {!mine.data && !mine.error ? <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {mine.data && !mine.data.canteens.length ? (
        <div style={{ padding: '16px 24px' }} data-testid="canteen-none">
          <p>{t('canteen.notMember')}</p>
          <Button color="primary" onClick={() => navigate('/me/membership')}>
            {t('canteen.join')}
          </Button>
        </div>
      ) : null}
      {mine.data?.canteens.map((c) => (
        <List key={c.positionId} header={c.positionName} mode="card" style={{ margin: 12 }} data-testid="canteen-item">
          <List.Item>{t('canteen.normal', { price: formatMoney(c.normalPriceFen) })}</List.Item>
          {c.tiers.map((x) => (
            <List.Item key={x.id} extra={formatMoney(x.priceFen)} description={`${x.grounds.map((g) => t(`canteen.ground_.${g}`)).join('、')} · ${x.needsCertification ? t('canteen.needsCertification') : t('canteen.noCertification')}`}>
              {x.name}
            </List.Item>
          ))}
        </List>
      ))}
      {mine.data?.canteens.length ? <p className="nj-muted" style={{ margin: '0 24px' }}>{t('canteen.howTo')}</p> : null}
      {mine.data ? (
        <List header={t('canteen.mine')} mode="card" style={{ margin: 12 }} data-testid="canteen-mine">
          {mine.data.certifications.length ? (
            mine.data.certifications.map((c) => (
              <List.Item
                key={c.id}
                description={`${c.positionName} · ${t(`canteen.ground_.${c.ground}`)}${c.expiresOn ? ` · ${t('canteen.until', { day: c.expiresOn })}` : ''}${c.refusalReason ? ` · ${c.refusalReason}` : ''}`}
                extra={<Tag color={STATUS_COLOR[statusOf(c)]}>{t(`canteen.status.${statusOf(c)}`)}</Tag>}
                data-testid="canteen-mine-item"
              >
                {c.tierName}
              </List.Item>
            ))
          ) : (
            <List.Item>{t('canteen.noneMine')}</List.Item>
          )}
        </List>
      ) : null}
      {tiers.length ? (
        <section className="nj-section" style={{ padding: 16 }}>
          <h3 style={{ margin: '0 0 8px' }}>{t('canteen.apply')}</h3>
          <p className="nj-muted">{t('canteen.tier')}</p>
          <Selector
            columns={1}
            value={tierId ? [tierId] : []}
            onChange={(v) => (setTierId(v[0]), setGround(undefined))}
            options={tiers.map((x) => ({ value: x.id, label: `${x.canteen} · ${x.name} ${formatMoney(x.priceFen)}` }))}
            data-testid="canteen-tier"
          />
          {tier ? (
            <>
              <p className="nj-muted">{t('canteen.ground')}</p>
              <Selector columns={2} value={ground ? [ground] : []} onChange={(v) => setGround(v[0])} options={tier.grounds.map((g) => ({ value: g, label: t(`canteen.ground_.${g}`) }))} data-testid="canteen-ground" />
            </>
          ) : null}
          <p className="nj-muted">{t('canteen.note')}</p>
          <TextArea value={note} onChange={setNote} placeholder={t('canteen.notePlaceholder')} rows={2} maxLength={500} data-testid="canteen-note" />
          <p className="nj-muted">{t('canteen.documents')}</p>
          <PhotoList uploads={photos} max={9} addLabel={t('canteen.addPhoto')} uploadingLabel={t('canteen.uploading')} testId="canteen-photo" capture />
          <Button block color="primary" size="large" loading={isSending || photos.isUploading} onClick={() => void submit()} style={{ marginTop: 16 }} data-testid="canteen-submit">
            {t('canteen.submit')}
          </Button>
        </section>
      ) : null}
    </>
  );
}
