import type { Consultation, MyMembership, MyMonitoringPoint } from '@niangjia/contracts';
import { Badge, Button, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useSession } from '../../shared/session';
import { useRequest } from '../../shared/use-request';
import { CalendarIcon, CardIcon, FlagIcon, LockIcon, MedalIcon, ScaleIcon, UserIcon } from '../icons';
import { useWorkerOffers } from './shell/use-worker-offers';
import { LanguageToggle } from './LanguageToggle';
import { useUnreadCount } from './messages/use-unread';

export function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, signOut } = useSession();
  const mine = useRequest((signal) => api.get<MyMembership>('/members/me', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  const membership = mine.data?.membership;
  const legal = useRequest((signal) => api.get<Consultation[]>('/rights/my/consultations', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  const points = useRequest((signal) => api.get<MyMonitoringPoint[]>('/rights/my/monitoring-points', undefined, { signal, skipAuthRedirect: true }), [me?.user.id], !!me);
  const unreadAnswers = legal.data?.filter((c) => c.hasUnread).length ?? 0;
  const offers = useWorkerOffers();
  const unread = useUnreadCount();

  if (!me) {
    return (
      <>
        <NavBar backIcon={false} style={{ background: '#fff' }} right={<LanguageToggle />}>
          {t('tabs.me')}
        </NavBar>
        <section className="nj-section" style={{ padding: '32px 20px', textAlign: 'center' }}>
          <div style={{ color: '#c8102e', marginBottom: 12 }}>
            <UserIcon size={48} />
          </div>
          <h2 style={{ fontSize: 20, margin: '0 0 8px' }}>{t('me.signedOutTitle')}</h2>
          <p className="nj-muted" style={{ margin: '0 0 20px' }}>{t('me.signedOutText')}</p>
          <Button color="primary" size="large" block onClick={() => navigate(`/login?next=${encodeURIComponent('/m/me')}`)}>
            {t('me.signIn')}
          </Button>
        </section>
      </>
    );
  }

  const confirmSignOut = async () => {
    const ok = await Dialog.confirm({ content: t('me.signOutConfirm'), confirmText: t('actions.signOut'), cancelText: t('actions.cancel') });
    if (!ok) return;
    await signOut();
    Toast.show({ content: t('me.signedOut') });
    void navigate('/');
  };

  return (
    <>
      <header className="nj-hero" style={{ paddingBottom: 24 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 14 }}>
          <div style={{ width: 56, height: 56, borderRadius: 28, background: 'rgba(255,255,255,.2)', display: 'flex', alignItems: 'center', justifyContent: 'center', flex: 'none' }}>
            <UserIcon size={32} />
          </div>
          <div style={{ minWidth: 0, flex: 1 }}>
            <h1 style={{ fontSize: 20 }} data-testid="me-name">{me.user.displayName}</h1>
            <p data-testid="me-phone">{me.user.phoneMasked ?? t('me.noPhone')}</p>
          </div>
          <LanguageToggle light />
        </div>
      </header>
      <List className="nj-section" mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<BellIcon />} onClick={() => navigate('/me/messages')} extra={unread ? <Badge content={unread > 99 ? '99+' : unread} data-testid="me-unread" /> : undefined} data-testid="me-messages">
          {t('messages.entry')}
        </List.Item>
        <List.Item prefix={<CardIcon />} onClick={() => navigate('/me/card')} extra={membership?.status === 'active' ? membership.memberNumber : undefined}>
          {t('me.card')}
        </List.Item>
        <List.Item
          prefix={<FlagIcon />}
          onClick={() => navigate(membership ? '/me/membership' : '/join')}
          extra={
            membership ? (
              <Tag color={membership.status === 'active' ? 'success' : membership.status === 'rejected' ? 'danger' : membership.status === 'applied' ? 'primary' : 'default'} fill="outline" style={{ fontSize: 13 }} data-testid="me-membership-status">
                {t(`members.status.${membership.status}`)}
              </Tag>
            ) : mine.data ? (
              <span style={{ color: 'var(--adm-color-primary)' }}>{t('membership.apply')}</span>
            ) : undefined
          }
        >
          {t('me.membership')}
        </List.Item>
        {offers.hasBreakfastCard && (
          <List.Item prefix={<BreakfastIcon />} onClick={() => navigate('/me/breakfast-card')} data-testid="me-breakfast-card">
            {t('breakfast.entry')}
          </List.Item>
        )}
        <List.Item prefix={<MedalIcon />} onClick={() => navigate('/me/honours')} data-testid="me-honours">
          {t('myHonours.entry')}
        </List.Item>
        <List.Item prefix={<FlagIcon />} onClick={() => navigate('/me/feedback')} data-testid="me-feedback">{t('myFeedback.title')}</List.Item>
        <List.Item prefix={<ScaleIcon />} onClick={() => navigate('/me/legal')} extra={unreadAnswers ? <Badge content={t('legal.newAnswer')} /> : undefined} data-testid="me-legal">{t('legal.mine')}</List.Item>
        {points.data && points.data.length > 0 && (
          <List.Item prefix={<CalendarIcon />} onClick={() => navigate('/monitoring')} extra={points.data.some((p) => !p.isDueSubmitted) ? <Badge content="1" /> : undefined} data-testid="me-monitoring">
            {t('legal.monitoring.title')}
          </List.Item>
        )}
      </List>
      <List mode="card" style={{ margin: 12 }}>
        <List.Item prefix={<LockIcon />} onClick={() => navigate('/me/sessions')}>{t('sessions.title')}</List.Item>
        <List.Item prefix={<LockIcon />} onClick={() => navigate('/privacy')}>{t('privacy.title')}</List.Item>
      </List>
      <div style={{ padding: '8px 12px 24px' }}>
        <Button block size="large" onClick={() => void confirmSignOut()}>
          {t('actions.signOut')}
        </Button>
      </div>
    </>
  );
}

function BellIcon() {
  return (
    <svg width={24} height={24} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

function BreakfastIcon() {
  return (
    <svg width={24} height={24} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} aria-hidden="true">
      <path d="M4 11h14a0 0 0 0 1 0 0v1a7 7 0 0 1-14 0v-1z" />
      <path d="M18 12h1.5a2 2 0 0 1 0 4H17" />
      <path d="M8 4c0 1.5 1 1.5 1 3M12 4c0 1.5 1 1.5 1 3" />
    </svg>
  );
}
