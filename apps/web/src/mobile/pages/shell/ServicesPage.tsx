import type { MyMembership } from '@niangjia/contracts';
import { List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { BagIcon, CalendarIcon, CardIcon, FlagIcon, HeartIcon, PinIcon, StoreIcon } from '../../icons';
import { LanguageToggle } from '../LanguageToggle';
import { useWorkerOffers } from './use-worker-offers';

/**
 * The 服务 tab: every service the platform offers this worker today, grouped, each a tap away.
 * Parts not built yet are not listed (no dead ends); new modules add their own group.
 */
export function ServicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const offers = useWorkerOffers();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  const membership = mine.data?.membership;
  const isMember = membership?.status === 'active' || membership?.status === 'suspended';
  const item = (key: string, to: string, icon: React.ReactNode) => (
    <List.Item key={key} prefix={icon} description={t(`services.${key}Text`)} onClick={() => navigate(to)} data-testid={`service-${key}`}>
      {t(`services.${key}`)}
    </List.Item>
  );
  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }} right={<LanguageToggle />}>
        {t('services.title')}
      </NavBar>
      <p className="nj-muted" style={{ margin: '12px 16px 0' }}>{t('services.intro')}</p>
      <List header={t('services.union')} mode="card" style={{ margin: 12 }}>
        {!isMember && !membership && item('join', '/join', <FlagIcon />)}
        {membership && !isMember && item('membership', '/me/membership', <FlagIcon />)}
        {item('card', '/me/card', <CardIcon />)}
      </List>
      <List header={t('services.care')} mode="card" style={{ margin: 12 }}>
        {item('stations', '/stations', <PinIcon />)}
        {offers.hasBreakfastCard && item('breakfast', '/me/breakfast-card', <CalendarIcon />)}
        {offers.hasFund && item('accounts', '/fund/accounts', <HeartIcon />)}
        {me && item('feedback', '/me/feedback', <FlagIcon />)}
      </List>
      <List header={t('services.marketGroup')} mode="card" style={{ margin: 12 }}>
        {item('market', '/market', <StoreIcon />)}
        {me && item('orders', '/me/orders', <BagIcon />)}
      </List>
    </>
  );
}
