import { TabBar } from 'antd-mobile';
import { BagIcon, HomeIcon, PinIcon, UserIcon } from './icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from './MobileApp';
import { useUnreadCount } from './pages/messages/use-unread';

const TABS = [
  { key: '/', titleKey: 'tabs.home', icon: <HomeIcon /> },
  { key: '/stations', titleKey: 'tabs.stations', icon: <PinIcon /> },
  { key: '/services', titleKey: 'tabs.services', icon: <BagIcon /> },
  { key: '/me', titleKey: 'tabs.me', icon: <UserIcon /> },
] as const;

export function TabsLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  // The tab a page belongs to; none on a page outside them (a not-found link), rather than 首页.
  // The fund's and the marketplace's pages are opened from the 服务 hub, so they light its tab.
  const underServices = ['/fund', '/market', '/judge', '/vote', '/me/orders'].some((p) => location.pathname.startsWith(p));
  const active = location.pathname === '/' ? '/' : underServices ? '/services' : (TABS.find((tab) => tab.key !== '/' && location.pathname.startsWith(tab.key))?.key ?? null);
  return (
    <div className="nj-page">
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
      <nav className="nj-tabbar" aria-label={t('tabs.label')}>
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea={false}>
          {TABS.map((tab) => (
            <TabBar.Item key={tab.key} icon={tab.icon} title={t(tab.titleKey)} badge={tab.key === '/me' && unread ? (unread > 99 ? '99+' : unread) : undefined} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
