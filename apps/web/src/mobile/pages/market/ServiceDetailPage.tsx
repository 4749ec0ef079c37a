import type { LibraryDetail, Order } from '@niangjia/contracts';
import { Button, DatePicker, Form, Image, Input, List, NavBar, Popup, Radio, Rate, Result, Selector, Skeleton, Space, Swiper, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { MOBILE_BASENAME } from '../../MobileApp';
import { ErrorNotice } from '../ErrorNotice';
import { priceLine } from './ServicesPage';
import './market.css';

const PLACE_FOR: Record<string, 'position' | 'address' | 'online'> = { station: 'position', on_site: 'address', online: 'online' };
const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A library project on the phone, and booking it for oneself where the project allows it. */
export function ServiceDetailPage() {
  const { t } = useTranslation();
  const { projectId } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const detail = useRequest((signal) => api.get<LibraryDetail>(`/market/library/${projectId}`, undefined, { signal }), [projectId]);
  const [ordering, setOrdering] = useState(false);
  const [placed, setPlaced] = useState<Order | null>(null);
  const p = detail.data;
  const book = () => {
    if (!me) return void navigate(`/login?next=${encodeURIComponent(`${MOBILE_BASENAME}/market/${projectId}`)}`);
    setOrdering(true);
  };
  return (
    <>
      <NavBar onBack={() => navigate('/market')} style={{ background: '#fff' }}>
        {p?.title ?? ''}
      </NavBar>
      {detail.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={detail.error} />
        </div>
      ) : null}
      {!p && !detail.error ? (
        <section className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={6} animated />
        </section>
      ) : null}
      {placed && <Result status="success" title={t('detail.placed')} description={`${placed.number} · ${t('detail.pay', { payable: formatMoney(placed.payableFen), subsidy: formatMoney(placed.subsidyFen) })}`} className="nj-result" />}
      {p && (
        <>
          {p.photoIds.length > 0 && (
            <Swiper style={{ margin: 12, borderRadius: 12, overflow: 'hidden' }}>
              {p.photoIds.map((id) => (
                <Swiper.Item key={id}>
                  <Image src={`/api/v1/market/files/${id}`} height={200} fit="cover" />
                </Swiper.Item>
              ))}
            </Swiper>
          )}
          <List mode="card" style={{ margin: 12 }}>
            <List.Item extra={p.provider.name}>{t('detail.provider')}</List.Item>
            <List.Item extra={<strong style={{ color: '#c8102e' }}>{priceLine(t, p.priceFen, p.priceUnit)}</strong>}>{t('detail.price')}</List.Item>
            <List.Item extra={p.formats.map((f) => t(`marketTerms.format.${f}`)).join('、')}>{t('detail.format')}</List.Item>
            <List.Item extra={`${p.capacity}`}>{t('detail.capacity')}</List.Item>
            <List.Item extra={t('marketTerms.minutes', { n: p.durationMinutes })}>{t('detail.duration')}</List.Item>
            <List.Item description={p.targetGroups.map((g) => t(`marketTerms.group.${g}`)).join('、')}>{t('detail.groups')}</List.Item>
          </List>
          <section className="nj-section" style={{ padding: '4px 16px 16px' }}>
            <h2 className="nj-section-title" style={{ padding: '12px 0 4px' }}>
              {t('detail.about')}
            </h2>
            <p style={{ margin: 0, lineHeight: 1.7, whiteSpace: 'pre-wrap' }}>{p.description}</p>
          </section>
          {p.comments.length > 0 && (
            <List mode="card" header={t('detail.reviews')} style={{ margin: 12 }}>
              {p.comments.map((c, i) => (
                <List.Item key={i} description={c.union ?? ''}>
                  <Rate readOnly value={c.rating} style={{ '--star-size': '14px' }} />
                  <div>{c.comment}</div>
                </List.Item>
              ))}
            </List>
          )}
          <div style={{ padding: '4px 12px 24px' }}>
            {p.allowsSelfOrder ? (
              <Button block color="primary" size="large" onClick={book}>
                {t('detail.order')}
              </Button>
            ) : (
              <p className="nj-muted" style={{ textAlign: 'center' }}>
                {t('detail.notSelf')}
              </p>
            )}
          </div>
          {ordering && (
            <BookPopup
              item={p}
              onClose={() => setOrdering(false)}
              onPlaced={(o) => {
                setOrdering(false);
                setPlaced(o);
                Toast.show({ icon: 'success', content: t('detail.placed') });
              }}
            />
          )}
        </>
      )}
    </>
  );
}

function BookPopup({ item, onClose, onPlaced }: { item: LibraryDetail; onClose: () => void; onPlaced: (o: Order) => void }) {
  const { t } = useTranslation();
  const places = item.formats.map((f) => PLACE_FOR[f]!);
  const [placeKind, setPlaceKind] = useState(places[0]!);
  const [date, setDate] = useState(() => new Date(Date.now() + 3 * 86_400_000));
  const [pickingDate, setPickingDate] = useState(false);
  const [positionId, setPositionId] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const positions = useRequest((signal) => api.get<{ items: { id: string; name: string; address: string }[] }>(`/market/library/${item.id}/positions`, undefined, { signal }), [item.id], placeKind === 'position');
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onPlaced(await api.post<Order>('/market/me/orders', { projectId: item.id, versionId: item.versionId, serviceDate: day(date), placeKind, positionId: placeKind === 'position' ? (positionId[0] ?? null) : null, address: placeKind === 'address' ? address : null, note: note || null }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popup visible onMaskClick={onClose} bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '85vh', overflowY: 'auto' }}>
      <div style={{ padding: 16 }}>
        <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t('detail.orderTitle', { title: item.title })}</h2>
        {error ? <ErrorNotice error={error} /> : null}
        <Form layout="vertical">
          <Form.Item label={t('detail.date')} onClick={() => setPickingDate(true)}>
            <span style={{ fontSize: 17 }}>{day(date)}</span>
          </Form.Item>
          <Form.Item label={t('detail.place')}>
            <Radio.Group value={placeKind} onChange={(v) => setPlaceKind(v as typeof placeKind)}>
              <Space direction="vertical">
                {places.map((p) => (
                  <Radio key={p} value={p}>
                    {t(`marketTerms.place.${p}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {placeKind === 'position' && (
            <Form.Item label={t('detail.position')}>
              <Selector columns={1} value={positionId} onChange={setPositionId} options={(positions.data?.items ?? []).slice(0, 30).map((x) => ({ value: x.id, label: x.name, description: x.address }))} />
            </Form.Item>
          )}
          {placeKind === 'address' && (
            <Form.Item label={t('detail.address')}>
              <Input value={address} onChange={setAddress} maxLength={200} clearable />
            </Form.Item>
          )}
          <Form.Item label={t('detail.note')}>
            <Input value={note} onChange={setNote} maxLength={500} />
          </Form.Item>
        </Form>
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {t('detail.submit')}
        </Button>
      </div>
      <DatePicker visible={pickingDate} onClose={() => setPickingDate(false)} min={new Date()} max={new Date(Date.now() + 180 * 86_400_000)} value={date} onConfirm={(v) => setDate(v)} />
    </Popup>
  );
}
