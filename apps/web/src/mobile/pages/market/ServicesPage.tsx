import type { LibraryItem, Page } from '@niangjia/contracts';
import { projectCategories } from '@niangjia/contracts/market-domain';
import { Button, CapsuleTabs, NavBar, NoticeBar, Skeleton, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatMoney } from '../../../shared/format';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { ErrorNotice } from '../ErrorNotice';
import { LanguageToggle } from '../LanguageToggle';
import './market.css';

const COLOR: Record<string, string> = { skills: '#1d6fd6', culture: '#c8102e', sports: '#389e0d', team_building: '#d46b08', health: '#08979c', other: '#722ed1' };

export const priceLine = (t: (k: string, o?: Record<string, unknown>) => string, fen: number, unit: string) => (fen === 0 ? t('marketTerms.free') : `${formatMoney(fen)} ${t(`marketTerms.unit.${unit}`)}`);

/** 服务 tab: the project library on the phone, by category; shortcuts for judges and representatives. */
export function ServicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  // `?category=skills` (a survey's "这是你们要的" follow-up) opens that category.
  const [search] = useSearchParams();
  const [category, setCategory] = useState(() => search.get('category') ?? 'all');
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<LibraryItem[]>([]);
  const list = useRequest((signal) => api.get<Page<LibraryItem>>('/market/library', { category: category === 'all' || category === 'self' ? undefined : category, isSelfOrder: category === 'self' ? 'true' : undefined, page, pageSize: 10 }, { signal }), [category, page]);
  useEffect(() => {
    if (list.data) setItems((prev) => (page === 1 ? list.data!.items : [...prev, ...list.data!.items]));
  }, [list.data, page]);
  const voting = useRequest((signal) => api.get<{ items: unknown[] }>('/market/voting', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], Boolean(me));
  const isJudge = me?.permissions.includes('market.judge');

  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }} right={<LanguageToggle />}>
        {t('marketServices.title')}
      </NavBar>
      {isJudge && (
        <NoticeBar color="alert" content={t('marketServices.judgeText')} extra={<a onClick={() => navigate('/judge')}>{t('marketServices.judge')}</a>} />
      )}
      {voting.data && voting.data.items.length > 0 && (
        <NoticeBar color="info" content={t('marketServices.voteText')} extra={<a onClick={() => navigate('/vote')}>{t('marketServices.vote')}</a>} />
      )}
      <p className="nj-muted" style={{ margin: '12px 16px 0', fontSize: 14 }}>
        {t('marketServices.intro')}
      </p>
      <CapsuleTabs
        activeKey={category}
        onChange={(k) => {
          setCategory(k);
          setPage(1);
        }}
      >
        <CapsuleTabs.Tab key="all" title={t('marketServices.all')} />
        <CapsuleTabs.Tab key="self" title={t('marketServices.selfOnly')} />
        {projectCategories.map((c) => (
          <CapsuleTabs.Tab key={c} title={t(`marketTerms.category.${c}`)} />
        ))}
      </CapsuleTabs>
      {list.error ? (
        <div style={{ padding: '0 12px' }}>
          <ErrorNotice error={list.error} />
        </div>
      ) : null}
      {!list.data && list.loading ? (
        <section className="nj-section" style={{ padding: 16 }}>
          <Skeleton.Paragraph lineCount={6} animated />
        </section>
      ) : null}
      {list.data && items.length === 0 ? <p className="nj-muted" style={{ textAlign: 'center', padding: 32 }}>{t('marketServices.empty')}</p> : null}
      {items.map((p) => (
        <button key={p.id} type="button" className="nj-section nj-service" onClick={() => navigate(`/market/${p.id}`)} data-testid="service-card">
          {p.photoId ? <img src={`/api/v1/market/files/${p.photoId}`} alt="" className="nj-service-img" /> : <div className="nj-service-img" style={{ background: COLOR[p.category] }}>{t(`marketTerms.category.${p.category}`)}</div>}
          <div className="nj-service-body">
            <div className="nj-service-title">{p.title}</div>
            <div className="nj-service-provider">{p.provider.name}</div>
            <div className="nj-service-price">{priceLine(t, p.priceFen, p.priceUnit)}</div>
            <div className="nj-service-tags">
              {p.award && (
                <Tag color="danger" fill="outline">
                  {t('marketServices.award', { year: p.award.year, prize: t(`marketTerms.prize.${p.award.prize}`) })}
                </Tag>
              )}
              {p.allowsSelfOrder && (
                <Tag color="success" fill="outline">
                  {t('marketServices.selfOnly')}
                </Tag>
              )}
            </div>
            <div className="nj-service-rating">{p.ratingAverage !== null ? `★ ${t('marketServices.rating', { rating: p.ratingAverage, n: p.ratingCount })}` : t('marketServices.noRating')}</div>
          </div>
        </button>
      ))}
      {list.data && items.length < list.data.total && (
        <div style={{ padding: '0 12px 16px' }}>
          <Button block loading={list.loading} onClick={() => setPage((n) => n + 1)}>
            {t('marketServices.more')}
          </Button>
        </div>
      )}
    </>
  );
}
