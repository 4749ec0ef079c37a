import type { MemberCard } from '@niangjia/contracts';
import { Button, NavBar, Result, Skeleton } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { MOBILE_BASENAME } from '../../MobileApp';
import { ErrorNotice } from '../ErrorNotice';

/** The page a scanner opens: the signed token only, nothing personal. */
export const verifyUrlOf = (token: string) => `${window.location.origin}${MOBILE_BASENAME}/verify?token=${encodeURIComponent(token)}`;

/** 我的 → 会员卡: name, union, member number, joined date and the QR of the card's verify URL. */
export function CardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const card = useRequest((signal) => api.get<MemberCard>('/members/me/card', undefined, { signal }), []);
  const notMember = card.error instanceof ApiError && card.error.code === 'NOT_A_MEMBER';
  useFreshCard(card.data, card.reload);

  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('card.title')}
      </NavBar>
      {notMember ? (
        <>
          <Result status="info" title={(card.error as ApiError).title} description={t('card.notMember')} className="nj-result" />
          <div style={{ padding: '0 12px' }}>
            <Button block color="primary" size="large" onClick={() => navigate('/me/membership')}>{t('card.toStatus')}</Button>
          </div>
        </>
      ) : card.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={card.error} />
          <Button block onClick={card.reload}>{t('actions.retry')}</Button>
        </div>
      ) : !card.data ? (
        <section className="nj-card" aria-busy="true">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={5} animated />
        </section>
      ) : (
        <>
          <section className="nj-card" data-testid="member-card">
            <div className="nj-card-head">{t('card.heading')}</div>
            <div className="nj-card-name" data-testid="card-name">{card.data.name}</div>
            <div className="nj-card-union">{card.data.union.name}</div>
            <dl className="nj-card-fields">
              <div>
                <dt>{t('card.memberNumber')}</dt>
                <dd data-testid="card-member-number">{card.data.memberNumber}</dd>
              </div>
              <div>
                <dt>{t('card.joinedAt')}</dt>
                <dd>{formatDate(card.data.joinedAt)}</dd>
              </div>
            </dl>
            <div className="nj-card-qr">
              <QrCanvas text={verifyUrlOf(card.data.token)} label={t('card.qrAlt')} />
            </div>
            <p className="nj-card-hint">{t('card.qrHint')}</p>
          </section>
          <div style={{ padding: '0 12px 24px' }}>
            <Button block size="large" loading={card.loading} onClick={card.reload}>{t('card.refresh')}</Button>
          </div>
        </>
      )}
    </>
  );
}

/**
 * The QR proves membership for 10 minutes only (a screenshot must not pass for the card): fetch a
 * new one halfway through its life, and at once when the page comes back into view.
 */
function useFreshCard(card: MemberCard | undefined, reload: () => void) {
  useEffect(() => {
    if (!card) return;
    const life = Date.parse(card.expiresAt) - Date.parse(card.issuedAt);
    const timer = window.setTimeout(reload, Math.max(30_000, life / 2));
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() > Date.parse(card.issuedAt) + life / 2) reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [card, reload]);
}

function QrCanvas({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, text, { width: 220, margin: 1, errorCorrectionLevel: 'M' });
  }, [text]);
  return <canvas ref={ref} role="img" aria-label={label} data-testid="card-qr" data-verify-url={text} width={220} height={220} />;
}
