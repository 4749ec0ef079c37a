import type { MyMembership, MyMonitoringPoint } from '@niangjia/contracts';
import { List, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useSession } from '../../../shared/session';
import { useRequest } from '../../../shared/use-request';
import { BagIcon, BulbIcon, CalendarIcon, CardIcon, FlagIcon, HeartIcon, PinIcon, ScaleIcon, StoreIcon } from '../../icons';
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
  // Only informants of a 劳动关系监测点 have a quarterly form to fill.
  const points = useRequest((signal) => api.get<MyMonitoringPoint[]>('/rights/my/monitoring-points', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
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
      <List header={t('springJobs.title')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<BagIcon />} description={t('springJobs.serviceText')} onClick={() => navigate('/jobs')} data-testid="service-jobs">
          {t('springJobs.service')}
        </List.Item>
      </List>
      <List header={t('health.title')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<HeartIcon />} description={t('health.serviceText')} onClick={() => navigate('/assistance/health')} data-testid="service-health">
          {t('health.service')}
        </List.Item>
      </List>
      <List header={t('studyaid.title')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<HeartIcon />} description={t('studyaid.serviceText')} onClick={() => navigate('/assistance/studyaid')} data-testid="service-studyaid">
          {t('studyaid.service')}
        </List.Item>
      </List>
      <List header={t('volunteer.title')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<HeartIcon />} description={t('volunteer.serviceText')} onClick={() => navigate('/volunteer')} data-testid="service-volunteer">
          {t('volunteer.service')}
        </List.Item>
      </List>
      <List header={t('canteen.title')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<HeartIcon />} description={t('canteen.serviceText')} onClick={() => navigate('/assistance/canteen')} data-testid="service-canteen">
          {t('canteen.service')}
        </List.Item>
      </List>
      {me && (
        <List header={t('partners.title')} mode="card" style={{ margin: 12 }}>
          <List.Item prefix={<StoreIcon />} description={t('partners.serviceText')} onClick={() => navigate('/partners')} data-testid="service-partners">
            {t('partners.service')}
          </List.Item>
        </List>
      )}
      {me && (
        <List header={t('mutualaid.title')} mode="card" style={{ margin: 12 }}>
          <List.Item prefix={<HeartIcon />} description={t('mutualaid.serviceText')} onClick={() => navigate('/mutualaid')} data-testid="service-mutualaid">
            {t('mutualaid.service')}
          </List.Item>
        </List>
      )}
      <List header={t('voice.group')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<PinIcon />} description={t('voice.serviceText')} onClick={() => navigate('/voice')} data-testid="service-voice">
          {t('voice.service')}
        </List.Item>
        {me && (
          <List.Item prefix={<FlagIcon />} onClick={() => navigate('/voice/mine')} data-testid="service-voice-mine">
            {t('voice.mine')}
          </List.Item>
        )}
        {isMember && (
          <List.Item prefix={<BulbIcon />} description={t('suggestM.serviceText')} onClick={() => navigate('/suggestions')} data-testid="service-suggestions">
            {t('suggestM.service')}
          </List.Item>
        )}
        {me && (
          <List.Item prefix={<FlagIcon />} description={t('surveyM.serviceText')} onClick={() => navigate('/surveys')} data-testid="service-surveys">
            {t('surveyM.service')}
          </List.Item>
        )}
        <List.Item prefix={<PinIcon />} description={t('voice.mapServiceText')} onClick={() => navigate('/voice/map')} data-testid="service-voice-map">
          {t('voice.mapService')}
        </List.Item>
      </List>
      <List header={t('hardshipM.group')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<HeartIcon />} description={t('hardshipM.serviceText')} onClick={() => navigate('/assistance/hardship')} data-testid="service-hardship">
          {t('hardshipM.service')}
        </List.Item>
        {me && (
          <List.Item prefix={<HeartIcon />} description={t('benefitsM.serviceText')} onClick={() => navigate('/assistance/benefits')} data-testid="service-benefits">
            {t('benefitsM.service')}
          </List.Item>
        )}
      </List>
      <List header={t('legal.services.group')} mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<ScaleIcon />} description={t('legal.services.legalText')} onClick={() => navigate('/legal')} data-testid="service-legal">
          {t('legal.services.legal')}
        </List.Item>
        {me && (
          <List.Item prefix={<FlagIcon />} description={t('legal.services.mineText')} onClick={() => navigate('/me/legal')} data-testid="service-my-legal">
            {t('legal.mine')}
          </List.Item>
        )}
        <List.Item prefix={<PhoneIcon />} description={t('legal.services.hotlineText')} onClick={() => window.location.assign('tel:12351')} data-testid="service-hotline">
          {t('legal.services.hotline')}
        </List.Item>
        {points.data && points.data.length > 0 && (
          <List.Item prefix={<CalendarIcon />} description={t('legal.services.monitoringText')} onClick={() => navigate('/monitoring')} data-testid="service-monitoring">
            {t('legal.services.monitoring')}
          </List.Item>
        )}
      </List>
    </>
  );
}

function PhoneIcon() {
  return (
    <svg width={24} height={24} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
      <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2z" />
    </svg>
  );
}
