import type { PublicPartner } from '@niangjia/contracts';
import { NavBar, Skeleton, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';

/** 合作伙伴 (/m/partners): the 1+N alliance of the worker's district union — who they are, what they offer, the stations they co-built. Read only. */
export function PartnersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useRequest((signal) => api.get<PublicPartner[]>('/honours/partners/mine', undefined, { signal }), []);
  return (
    <>
      <NavBar onBack={() => navigate('/services')} style={{ background: '#fff' }}>
        {t('partners.title')}
      </NavBar>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      {!list.data ? (
        <div className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      ) : list.data.length === 0 ? (
        <div className="nj-section nj-muted" style={{ padding: 24, textAlign: 'center' }}>
          {t('partners.none')}
        </div>
      ) : (
        <>
          <p className="nj-muted" style={{ margin: '12px 16px 0', fontSize: 14 }}>
            {t('partners.intro')}
          </p>
          {list.data.map((p) => (
            <div className="nj-section" key={p.id} style={{ padding: '12px 16px' }} data-testid="partner">
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <strong style={{ fontSize: 16, wordBreak: 'break-all' }}>{p.name}</strong>
                <Tag color="primary" fill="outline">
                  {t(`partners.kind.${p.kind}`)}
                </Tag>
              </div>
              {p.services ? <p className="nj-muted" style={{ margin: '6px 0 0', wordBreak: 'break-all' }}>{p.services}</p> : null}
              {p.stations.length > 0 ? <p className="nj-muted" style={{ margin: '4px 0 0', fontSize: 13 }}>{t('partners.stations', { names: p.stations.join('、') })}</p> : null}
            </div>
          ))}
        </>
      )}
    </>
  );
}
