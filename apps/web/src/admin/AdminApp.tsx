import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthenticatedHandler } from '../shared/api';
import { SessionProvider, useSession } from '../shared/session';
import { LoginPage } from './auth/LoginPage';
import { AdminLayout } from './layout/AdminLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { ScopeProvider } from './layout/scope';
import { SessionErrorPage } from './layout/SessionErrorPage';

export const ADMIN_BASENAME = '/admin';

const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const OrgsPage = lazy(() => import('./features/orgs/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const UsersPage = lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const MembersPage = lazy(() => import('./features/members/MembersPage').then((m) => ({ default: m.MembersPage })));
const ImportPage = lazy(() => import('./features/members/ImportPage').then((m) => ({ default: m.ImportPage })));
const PositionImportPage = lazy(() => import('./features/positions/PositionImportPage').then((m) => ({ default: m.PositionImportPage })));
const PositionsPage = lazy(() => import('./features/positions/PositionsPage').then((m) => ({ default: m.PositionsPage })));
const StarsPage = lazy(() => import('./features/stars/StarsPage').then((m) => ({ default: m.StarsPage })));
const RubricPage = lazy(() => import('./features/stars/RubricPage').then((m) => ({ default: m.RubricPage })));
const FeedbackPage = lazy(() => import('./features/stars/FeedbackPage').then((m) => ({ default: m.FeedbackPage })));
const CoveragePage = lazy(() => import('./features/positions/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const StandardsPage = lazy(() => import('./features/positions/StandardsPage').then((m) => ({ default: m.StandardsPage })));
const ShortfallsPage = lazy(() => import('./features/positions/ShortfallsPage').then((m) => ({ default: m.ShortfallsPage })));
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const AccessControllersPage = lazy(() => import('./features/access/ControllersPage').then((m) => ({ default: m.ControllersPage })));
const StationAccessPage = lazy(() => import('./features/access/StationAccessPage').then((m) => ({ default: m.StationAccessPage })));
const EntriesPage = lazy(() => import('./features/access/EntriesPage').then((m) => ({ default: m.EntriesPage })));
const AlarmsPage = lazy(() => import('./features/access/AlarmsPage').then((m) => ({ default: m.AlarmsPage })));
const FundShopsPage = lazy(() => import('./features/fund/ShopsPage').then((m) => ({ default: m.ShopsPage })));
const FundTerminalsPage = lazy(() => import('./features/fund/TerminalsPage').then((m) => ({ default: m.TerminalsPage })));
const FundCardsPage = lazy(() => import('./features/fund/CardsPage').then((m) => ({ default: m.CardsPage })));
const FundCardImportPage = lazy(() => import('./features/fund/CardImportPage').then((m) => ({ default: m.CardImportPage })));
const FundRulesPage = lazy(() => import('./features/fund/RulesPage').then((m) => ({ default: m.RulesPage })));
const FundCustodianPage = lazy(() => import('./features/fund/CustodianPage').then((m) => ({ default: m.CustodianPage })));
const FundReportsPage = lazy(() => import('./features/fund/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const HardshipPage = lazy(() => import('./features/assistance/HardshipPage').then((m) => ({ default: m.HardshipPage })));
const VoicePage = lazy(() => import('./features/voice/VoicePage').then((m) => ({ default: m.VoicePage })));
const LiaisonPage = lazy(() => import('./features/voice/LiaisonPage').then((m) => ({ default: m.LiaisonPage })));
const SuggestionsPage = lazy(() => import('./features/voice/SuggestionsPage').then((m) => ({ default: m.SuggestionsPage })));
const SurveysPage = lazy(() => import('./features/voice/SurveysPage').then((m) => ({ default: m.SurveysPage })));
const OrganizingPage = lazy(() => import('./features/organizing/OrganizingPage').then((m) => ({ default: m.OrganizingPage })));
const TournamentsAdminPage = lazy(() => import('./features/events/tournament/TournamentsPage').then((m) => ({ default: m.TournamentsPage })));
const CampaignsPage = lazy(() => import('./features/assistance/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const SpringJobsPage = lazy(() => import('./features/springjobs/SpringJobsPage').then((m) => ({ default: m.SpringJobsPage })));
const StudyaidAdminPage = lazy(() => import('./features/studyaid/StudyaidAdminPage').then((m) => ({ default: m.StudyaidAdminPage })));
const HealthAdminPage = lazy(() => import('./features/health/HealthAdminPage').then((m) => ({ default: m.HealthAdminPage })));
const HonoursPage = lazy(() => import('./features/honours/HonoursPage').then((m) => ({ default: m.HonoursPage })));
const StudiosPage = lazy(() => import('./features/honours/StudiosPage').then((m) => ({ default: m.StudiosPage })));
const VolunteersPage = lazy(() => import('./features/honours/VolunteersPage').then((m) => ({ default: m.VolunteersPage })));
const PartnersPage = lazy(() => import('./features/honours/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const HonoursFiguresPage = lazy(() => import('./features/honours/HonoursFiguresPage').then((m) => ({ default: m.HonoursFiguresPage })));
const CanteenAdminPage = lazy(() => import('./features/canteen/CanteenAdminPage').then((m) => ({ default: m.CanteenAdminPage })));
const MutualaidPage = lazy(() => import('./features/mutualaid/MutualaidPage').then((m) => ({ default: m.MutualaidPage })));
const EventsAdminPage = lazy(() => import('./features/events/EventsPage').then((m) => ({ default: m.EventsPage })));
const RightsDashboardPage = lazy(() => import('./features/rights/RightsDashboardPage').then((m) => ({ default: m.RightsDashboardPage })));
const ConsultationsPage = lazy(() => import('./features/rights/ConsultationsPage').then((m) => ({ default: m.ConsultationsPage })));
const CasesPage = lazy(() => import('./features/rights/CasesPage').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() => import('./features/rights/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })));
const ReferralsPage = lazy(() => import('./features/rights/ReferralsPage').then((m) => ({ default: m.ReferralsPage })));
const MonitoringPage = lazy(() => import('./features/rights/MonitoringPage').then((m) => ({ default: m.MonitoringPage })));
const WarningsPage = lazy(() => import('./features/rights/WarningsPage').then((m) => ({ default: m.WarningsPage })));
const TeamsPage = lazy(() => import('./features/rights/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const RatingsPage = lazy(() => import('./features/rights/RatingsPage').then((m) => ({ default: m.RatingsPage })));
const RightsSettingsPage = lazy(() => import('./features/rights/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HolidaysPage = lazy(() => import('./features/rights/HolidaysPage').then((m) => ({ default: m.HolidaysPage })));
const MarketProvidersPage = lazy(() => import('./features/market/ProvidersPage').then((m) => ({ default: m.ProvidersPage })));
const MarketProjectsPage = lazy(() => import('./features/market/ProjectsPage').then((m) => ({ default: m.ProjectsPage })));
const MarketSeasonsPage = lazy(() => import('./features/market/SeasonsPage').then((m) => ({ default: m.SeasonsPage })));
const MarketSeasonPage = lazy(() => import('./features/market/SeasonPage').then((m) => ({ default: m.SeasonPage })));
const MarketLibraryPage = lazy(() => import('./features/market/LibraryPage').then((m) => ({ default: m.LibraryPage })));
const MarketOrdersPage = lazy(() => import('./features/market/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const MarketSubsidiesPage = lazy(() => import('./features/market/SubsidiesPage').then((m) => ({ default: m.SubsidiesPage })));
const MarketSettlementsPage = lazy(() => import('./features/market/SettlementsPage').then((m) => ({ default: m.SettlementsPage })));
const PortalHomePage = lazy(() => import('./features/market/portal/PortalHomePage').then((m) => ({ default: m.PortalHomePage })));
const PortalProjectsPage = lazy(() => import('./features/market/portal/MyProjectsPage').then((m) => ({ default: m.MyProjectsPage })));
const PortalEntriesPage = lazy(() => import('./features/market/portal/MyEntriesPage').then((m) => ({ default: m.MyEntriesPage })));
const PortalOrdersPage = lazy(() => import('./features/market/portal/MyOrdersPage').then((m) => ({ default: m.MyOrdersPage })));
const RegisterPage = lazy(() => import('./features/market/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const NotificationsPage = lazy(() => import('./features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const NoticesPage = lazy(() => import('./features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const JobsPage = lazy(() => import('./features/jobs/JobsPage').then((m) => ({ default: m.JobsPage })));
const FiguresPage = lazy(() => import('./features/figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));
const SystemPage = lazy(() => import('./features/system/SystemPage').then((m) => ({ default: m.SystemPage })));
const SessionsPage = lazy(() => import('./auth/SessionsPage').then((m) => ({ default: m.SessionsPage })));

const theme = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#c8102e',
    borderRadius: 6,
    fontFamily: 'var(--nj-font)',
  },
};

export function AdminApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
      <AntdApp>
        <BrowserRouter basename={ADMIN_BASENAME}>
          <SessionProvider>
            <AdminRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntdApp>
    </ConfigProvider>
  );
}

function AdminRoutes() {
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    // A 401 from any call means the session ended: back to sign-in, then back here.
    setUnauthenticatedHandler(() => {
      if (window.location.pathname.startsWith(`${ADMIN_BASENAME}/login`)) return;
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      void navigate(`/login?next=${next}`, { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate]);

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') return <SessionErrorPage />;
  if (location.pathname === '/login') return <LoginPage />;
  // Providers register themselves (phone code, then the organisation); no console account needed first.
  if (location.pathname === '/register')
    return (
      <Lazy>
        <RegisterPage />
      </Lazy>
    );
  if (status === 'signedOut') {
    const next = encodeURIComponent(ADMIN_BASENAME + location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return (
    <ScopeProvider>
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path="figures" element={<Lazy><FiguresPage /></Lazy>} />
          <Route path="system" element={<Lazy><SystemPage /></Lazy>} />
          <Route path="orgs" element={<Lazy><OrgsPage /></Lazy>} />
          <Route path="orgs/:orgId" element={<Lazy><OrgsPage /></Lazy>} />
          <Route path="users" element={<Lazy><UsersPage /></Lazy>} />
          <Route path="users/:userId" element={<Lazy><UsersPage /></Lazy>} />
          <Route path="members" element={<Lazy><MembersPage mode="all" /></Lazy>} />
          <Route path="members/applications" element={<Lazy><MembersPage key="applications" mode="applications" /></Lazy>} />
          <Route path="members/applications/:memberId" element={<Lazy><MembersPage key="applications" mode="applications" /></Lazy>} />
          <Route path="members/imports" element={<Lazy><ImportPage /></Lazy>} />
          <Route path="members/:memberId" element={<Lazy><MembersPage mode="all" /></Lazy>} />
          <Route path="positions" element={<Lazy><PositionsPage /></Lazy>} />
          <Route path="positions/imports" element={<Lazy><PositionImportPage /></Lazy>} />
          <Route path="positions/stars" element={<Lazy><StarsPage /></Lazy>} />
          <Route path="positions/rubric" element={<Lazy><RubricPage /></Lazy>} />
          <Route path="positions/feedback" element={<Lazy><FeedbackPage /></Lazy>} />
          <Route path="positions/:positionId" element={<Lazy><PositionsPage /></Lazy>} />
          <Route path="positions/coverage" element={<Lazy><CoveragePage /></Lazy>} />
          <Route path="positions/standards" element={<Lazy><StandardsPage /></Lazy>} />
          <Route path="positions/shortfalls" element={<Lazy><ShortfallsPage /></Lazy>} />
          <Route path="access" element={<Lazy><AccessControllersPage /></Lazy>} />
          <Route path="access/stations/:positionId" element={<Lazy><StationAccessPage /></Lazy>} />
          <Route path="access/entries" element={<Lazy><EntriesPage /></Lazy>} />
          <Route path="access/alarms" element={<Lazy><AlarmsPage /></Lazy>} />
          <Route path="fund/shops" element={<Lazy><FundShopsPage /></Lazy>} />
          <Route path="fund/shops/:shopId" element={<Lazy><FundShopsPage /></Lazy>} />
          <Route path="fund/terminals" element={<Lazy><FundTerminalsPage /></Lazy>} />
          <Route path="fund/cards" element={<Lazy><FundCardsPage /></Lazy>} />
          <Route path="fund/cards/imports" element={<Lazy><FundCardImportPage /></Lazy>} />
          <Route path="fund/cards/:cardId" element={<Lazy><FundCardsPage /></Lazy>} />
          <Route path="fund/rules" element={<Lazy><FundRulesPage /></Lazy>} />
          <Route path="fund/custodian" element={<Lazy><FundCustodianPage /></Lazy>} />
          <Route path="fund/reports" element={<Lazy><FundReportsPage /></Lazy>} />
          <Route path="organizing" element={<Lazy><OrganizingPage /></Lazy>} />
          <Route path="voice" element={<Lazy><VoicePage /></Lazy>} />
          <Route path="voice/liaison" element={<Lazy><LiaisonPage /></Lazy>} />
          <Route path="voice/suggestions" element={<Lazy><SuggestionsPage /></Lazy>} />
          <Route path="voice/surveys" element={<Lazy><SurveysPage /></Lazy>} />
          <Route path="assistance/mutualaid" element={<Lazy><MutualaidPage /></Lazy>} />
          <Route path="assistance/jobs" element={<Lazy><SpringJobsPage /></Lazy>} />
          <Route path="assistance/health" element={<Lazy><HealthAdminPage /></Lazy>} />
          <Route path="assistance/studyaid" element={<Lazy><StudyaidAdminPage /></Lazy>} />
          <Route path="honours" element={<Lazy><HonoursPage /></Lazy>} />
          <Route path="honours/studios" element={<Lazy><StudiosPage /></Lazy>} />
          <Route path="honours/figures" element={<Lazy><HonoursFiguresPage /></Lazy>} />
          <Route path="honours/volunteers" element={<Lazy><VolunteersPage /></Lazy>} />
          <Route path="honours/partners" element={<Lazy><PartnersPage /></Lazy>} />
          <Route path="assistance/canteen" element={<Lazy><CanteenAdminPage /></Lazy>} />
          <Route path="assistance/hardship" element={<Lazy><HardshipPage /></Lazy>} />
          <Route path="assistance/campaigns" element={<Lazy><CampaignsPage /></Lazy>} />
          <Route path="events" element={<Lazy><EventsAdminPage /></Lazy>} />
          <Route path="events/tournaments" element={<Lazy><TournamentsAdminPage /></Lazy>} />
          <Route path="events/tournaments/:tournamentId" element={<Lazy><TournamentsAdminPage /></Lazy>} />
          <Route path="events/:eventId" element={<Lazy><EventsAdminPage /></Lazy>} />
          <Route path="rights" element={<Lazy><RightsDashboardPage /></Lazy>} />
          <Route path="rights/consultations" element={<Lazy><ConsultationsPage /></Lazy>} />
          <Route path="rights/cases" element={<Lazy><CasesPage /></Lazy>} />
          <Route path="rights/cases/:caseId" element={<Lazy><CaseDetailPage /></Lazy>} />
          <Route path="rights/referrals" element={<Lazy><ReferralsPage /></Lazy>} />
          <Route path="rights/monitoring" element={<Lazy><MonitoringPage /></Lazy>} />
          <Route path="rights/warnings" element={<Lazy><WarningsPage /></Lazy>} />
          <Route path="rights/settings" element={<Lazy><RightsSettingsPage /></Lazy>} />
          <Route path="rights/teams" element={<Lazy><TeamsPage /></Lazy>} />
          <Route path="rights/ratings" element={<Lazy><RatingsPage /></Lazy>} />
          <Route path="system/holidays" element={<Lazy><HolidaysPage /></Lazy>} />
          <Route path="market/providers" element={<Lazy><MarketProvidersPage /></Lazy>} />
          <Route path="market/providers/:providerId" element={<Lazy><MarketProvidersPage /></Lazy>} />
          <Route path="market/projects" element={<Lazy><MarketProjectsPage /></Lazy>} />
          <Route path="market/projects/:projectId" element={<Lazy><MarketProjectsPage /></Lazy>} />
          <Route path="market/seasons" element={<Lazy><MarketSeasonsPage /></Lazy>} />
          <Route path="market/seasons/:seasonId" element={<Lazy><MarketSeasonPage /></Lazy>} />
          <Route path="market/library" element={<Lazy><MarketLibraryPage /></Lazy>} />
          <Route path="market/orders" element={<Lazy><MarketOrdersPage /></Lazy>} />
          <Route path="market/orders/:orderId" element={<Lazy><MarketOrdersPage /></Lazy>} />
          <Route path="market/subsidies" element={<Lazy><MarketSubsidiesPage /></Lazy>} />
          <Route path="market/settlements" element={<Lazy><MarketSettlementsPage /></Lazy>} />
          <Route path="portal" element={<Lazy><PortalHomePage /></Lazy>} />
          <Route path="portal/projects" element={<Lazy><PortalProjectsPage /></Lazy>} />
          <Route path="portal/entries" element={<Lazy><PortalEntriesPage /></Lazy>} />
          <Route path="portal/orders" element={<Lazy><PortalOrdersPage /></Lazy>} />
          <Route path="portal/settlements" element={<Lazy><MarketSettlementsPage mine /></Lazy>} />
          <Route path="audit" element={<Lazy><AuditPage /></Lazy>} />
          <Route path="sessions" element={<Lazy><SessionsPage /></Lazy>} />
          <Route path="notifications" element={<Lazy><NotificationsPage /></Lazy>} />
          <Route path="notices" element={<Lazy><NoticesPage /></Lazy>} />
          <Route path="jobs" element={<Lazy><JobsPage /></Lazy>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ScopeProvider>
  );
}

/** Staff land on the dashboard; a provider's account (no staff role) on its portal. */
function HomeRoute() {
  const { me } = useSession();
  if (me && !me.isStaff && me.permissions.includes('market.provider')) return <Navigate to="/portal" replace />;
  return (
    <Lazy>
      <DashboardPage />
    </Lazy>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240 }}>
      <Spin size="large" />
    </div>
  );
}
