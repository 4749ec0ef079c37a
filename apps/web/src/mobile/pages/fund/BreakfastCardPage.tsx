import type { MyBreakfastCard } from '@niangjia/contracts';
import { Button, NavBar, Result, Skeleton, Tag } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import './fund.css';

// Fetch a fresh QR this long before the current one expires.
const QR_RENEW_EARLY_MS = 30_000;

/** 我的 → 我的早餐卡: card number, validity, today's breakfasts and the QR the shop's terminal scans. */
export function BreakfastCardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cards = useRequest((signal) => api.get<{ items: MyBreakfastCard[] }>('/me/breakfast-cards', undefined, { signal }), []);
  const { reload } = cards;

  // The QR text is short-lived: renew it before it expires while the page is open.
  const soonest = cards.data?.items.reduce<number | null>((min, c) => {
    const at = Date.parse(c.qrExpiresAt);
    return Number.isNaN(at) ? min : min === null ? at : Math.min(min, at);
  }, null);
  useEffect(() => {
    if (!soonest) return;
    const timer = setTimeout(reload, Math.max(5_000, soonest - Date.now() - QR_RENEW_EARLY_MS));
    return () => clearTimeout(timer);
  }, [soonest, reload]);

  const items = cards.data?.items ?? [];
  return (
    <>
      <NavBar onBack={() => navigate('/me')} style={{ background: '#fff' }}>
        {t('breakfast.title')}
      </NavBar>
      {cards.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={cards.error} />
          <Button block onClick={reload}>
            {t('actions.retry')}
          </Button>
        </div>
      ) : !cards.data ? (
        <section className="nj-card" aria-busy="true">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={5} animated />
        </section>
      ) : items.length === 0 ? (
        <Result status="info" title={t('breakfast.none')} description={t('breakfast.noneText')} className="nj-result" />
      ) : (
        items.map((card) => <BreakfastCardView key={card.number} card={card} />)
      )}
      <div style={{ padding: '0 12px 24px', display: 'grid', gap: 12 }}>
        {items.length > 0 && (
          <Button block size="large" loading={cards.loading} onClick={reload}>
            {t('breakfast.refresh')}
          </Button>
        )}
        <Button block fill="none" color="primary" onClick={() => navigate('/fund/accounts')}>
          {t('breakfast.accounts')}
        </Button>
      </div>
    </>
  );
}

function BreakfastCardView({ card }: { card: MyBreakfastCard }) {
  const { t } = useTranslation();
  const status = card.status === 'active' && card.isExpired ? 'expired' : card.status;
  const isUsable = status === 'active';
  const left = Math.max(0, card.today.allowed - card.today.used);
  return (
    <section className="nj-card nj-breakfast-card" data-testid="breakfast-card">
      <div className="nj-card-head">
        {t('breakfast.heading')} · {card.fundName}
      </div>
      <div className="nj-card-name" data-testid="breakfast-card-holder">
        {card.holderName}
      </div>
      <div className="nj-breakfast-number" data-testid="breakfast-card-number">
        {card.number}
      </div>
      <dl className="nj-card-fields">
        <div>
          <dt>{t('breakfast.checkCode')}</dt>
          <dd data-testid="breakfast-check-code">{card.checkCode}</dd>
        </div>
        <div>
          <dt>{t('breakfast.validUntil')}</dt>
          <dd>{card.validUntil}</dd>
        </div>
        <div>
          <dt>{t('breakfast.today')}</dt>
          <dd data-testid="breakfast-today">
            {card.today.used}/{card.today.allowed}
          </dd>
        </div>
        <div>
          <dt>&nbsp;</dt>
          <dd>
            <Tag color={isUsable ? 'success' : 'warning'} fill="solid" style={{ fontSize: 13 }}>
              {t(`breakfast.status.${status}`)}
            </Tag>
          </dd>
        </div>
      </dl>
      {isUsable ? (
        <>
          <div className="nj-breakfast-today">{left > 0 ? t('breakfast.todayLeft', { n: left }) : t('breakfast.todayUsed')}</div>
          <div className="nj-card-qr">
            <QrCanvas text={card.qr} label={t('breakfast.qrAlt')} />
          </div>
          <p className="nj-card-hint">{t('breakfast.qrHint')}</p>
          <p className="nj-card-hint" style={{ fontSize: 12, opacity: 0.8 }}>
            {t('breakfast.qrRefresh')}
          </p>
        </>
      ) : (
        <p className="nj-card-hint">{t('breakfast.unusable')}</p>
      )}
    </section>
  );
}

function QrCanvas({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) void QRCode.toCanvas(ref.current, text, { width: 220, margin: 1, errorCorrectionLevel: 'M' });
  }, [text]);
  return <canvas ref={ref} role="img" aria-label={label} data-testid="breakfast-qr" data-qr={text} width={220} height={220} />;
}
