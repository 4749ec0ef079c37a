import type { Nomination } from '@niangjia/contracts';
import { Button, List, NavBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { SignaturePad } from '../sign/SignaturePad';

const COLOR: Record<string, string> = { approved: 'default', disbursed: 'warning', acknowledged: 'success' };

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/** 我的帮扶 (/m/assistance/benefits): what the union gave me; a disbursed benefit is confirmed here, with a signature if I like. */
export function BenefitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useRequest((signal) => api.get<{ items: Nomination[] }>('/assistance/campaigns/mine', undefined, { signal }), []);
  const [signing, setSigning] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function acknowledge(n: Nomination, png?: Blob) {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/assistance/campaigns/mine/${n.id}/acknowledge`, { version: n.version, ...(png ? { signaturePng: await base64Of(png) } : {}) });
      Toast.show({ content: t('benefitsM.done') });
      setSigning(null);
      mine.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const items = mine.data?.items ?? [];
  const waiting = items.filter((n) => n.status === 'disbursed');
  const rest = items.filter((n) => n.status !== 'disbursed');
  const line = (n: Nomination) => `${n.benefitName}${n.quantity ? ` ${n.quantity}${n.unit ?? ''}` : ''}`;
  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('benefitsM.title')}
      </NavBar>
      {!mine.data ? mine.error ? <ErrorNotice error={mine.error} /> : <Skeleton.Paragraph lineCount={5} animated style={{ margin: 12 }} /> : null}
      {mine.data && !items.length ? (
        <p className="nj-muted" style={{ padding: 24, fontSize: 16 }} data-testid="benefits-empty">
          {t('benefitsM.empty')}
        </p>
      ) : null}
      {waiting.length ? (
        <List header={t('benefitsM.toSign')} mode="card" style={{ margin: 12 }}>
          {waiting.map((n) => (
            <List.Item key={n.id} data-testid="benefit-to-sign" description={`${n.campaignName} · ${n.disburseMethod ? t(`benefitsM.methods.${n.disburseMethod}`) : ''} · ${n.disbursedAt ? formatDateTime(n.disbursedAt) : ''}`}>
              <div style={{ fontSize: 17, fontWeight: 600 }}>{line(n)}</div>
              <div className="nj-muted">{t('benefitsM.value', { value: formatMoney(n.valueFen) })}</div>
              {signing === n.id ? (
                <SignaturePad prompt={t('benefitsM.pad')} clearLabel={t('benefitsM.clear')} confirmLabel={t('benefitsM.confirmSign')} emptyMessage={t('benefitsM.emptySign')} busy={busy} error={null} onConfirm={(png) => void acknowledge(n, png)} />
              ) : (
                <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
                  <Button color="primary" size="large" style={{ flex: 1 }} loading={busy} onClick={() => void acknowledge(n)} data-testid="benefit-confirm">
                    {t('benefitsM.confirm')}
                  </Button>
                  <Button size="large" style={{ flex: 1 }} onClick={() => setSigning(n.id)} data-testid="benefit-sign">
                    {t('benefitsM.signToo')}
                  </Button>
                </div>
              )}
            </List.Item>
          ))}
        </List>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {rest.length ? (
        <List header={t('benefitsM.history')} mode="card" style={{ margin: 12 }}>
          {rest.map((n) => (
            <List.Item
              key={n.id}
              description={`${n.campaignName}${n.acknowledgedAt ? ` · ${formatDateTime(n.acknowledgedAt)}` : ''}`}
              extra={
                <>
                  <Tag color={COLOR[n.status] ?? 'default'}>{t(`benefitsM.status.${n.status as 'approved' | 'disbursed' | 'acknowledged'}`)}</Tag>
                  {n.hasSignature ? <Tag style={{ marginLeft: 4 }}>{t('benefitsM.signed')}</Tag> : null}
                </>
              }
              data-testid="benefit-done"
            >
              {line(n)} · {formatMoney(n.valueFen)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
