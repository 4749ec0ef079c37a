import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { setUnauthenticatedHandler } from '../shared/api';
import { SessionProvider } from '../shared/session';
import { RequireSignIn } from './RequireSignIn';
import { TabsLayout } from './TabsLayout';

export const MOBILE_BASENAME = '/m';

const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const ServicesPage = lazy(() => import('./pages/shell/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const NotFoundPage = lazy(() => import('./pages/shell/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const PrivacyPage = lazy(() => import('./pages/shell/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const StationsPage = lazy(() => import('./pages/stations/StationsPage').then((m) => ({ default: m.StationsPage })));
const MePage = lazy(() => import('./pages/MePage').then((m) => ({ default: m.MePage })));
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const SessionsPage = lazy(() => import('./pages/SessionsPage').then((m) => ({ default: m.SessionsPage })));
const JoinPage = lazy(() => import('./pages/members/JoinPage').then((m) => ({ default: m.JoinPage })));
const MembershipPage = lazy(() => import('./pages/members/MembershipPage').then((m) => ({ default: m.MembershipPage })));
const CardPage = lazy(() => import('./pages/members/CardPage').then((m) => ({ default: m.CardPage })));
const MyFeedbackPage = lazy(() => import('./pages/feedback/MyFeedbackPage').then((m) => ({ default: m.MyFeedbackPage })));
const DoorPage = lazy(() => import('./pages/door/DoorPage').then((m) => ({ default: m.DoorPage })));
const BreakfastCardPage = lazy(() => import('./pages/fund/BreakfastCardPage').then((m) => ({ default: m.BreakfastCardPage })));
const FundAccountsPage = lazy(() => import('./pages/fund/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AskPage = lazy(() => import('./pages/legal/AskPage').then((m) => ({ default: m.AskPage })));
const MyLegalPage = lazy(() => import('./pages/legal/MyLegalPage').then((m) => ({ default: m.MyLegalPage })));
const LegalDetailPage = lazy(() => import('./pages/legal/MyLegalPage').then((m) => ({ default: m.LegalDetailPage })));
const SignPage = lazy(() => import('./pages/legal/SignPage').then((m) => ({ default: m.SignPage })));
const MonitoringFormPage = lazy(() => import('./pages/legal/MonitoringFormPage').then((m) => ({ default: m.MonitoringFormPage })));
const MarketPage = lazy(() => import('./pages/market/ServicesPage').then((m) => ({ default: m.ServicesPage })));
const ServiceDetailPage = lazy(() => import('./pages/market/ServiceDetailPage').then((m) => ({ default: m.ServiceDetailPage })));
const EventsPage = lazy(() => import('./pages/events/EventsPages').then((m) => ({ default: m.EventsPage })));
const EventDetailPage = lazy(() => import('./pages/events/EventsPages').then((m) => ({ default: m.EventDetailPage })));
const MyEventsPage = lazy(() => import('./pages/events/EventsPages').then((m) => ({ default: m.MyEventsPage })));
const CheckinPage = lazy(() => import('./pages/events/CheckinPage').then((m) => ({ default: m.CheckinPage })));
const TournamentResultsPage = lazy(() => import('./pages/events/TournamentResultsPage').then((m) => ({ default: m.TournamentResultsPage })));
const MatchmakingPage = lazy(() => import('./pages/events/MatchmakingPage').then((m) => ({ default: m.MatchmakingPage })));
const ContestJudgePage = lazy(() => import('./pages/events/ContestJudgePage').then((m) => ({ default: m.ContestJudgePage })));
const SelfCheckinPage = lazy(() => import('./pages/events/CheckinPage').then((m) => ({ default: m.SelfCheckinPage })));
const MyServiceOrdersPage = lazy(() => import('./pages/market/MyOrdersPage').then((m) => ({ default: m.MyOrdersPage })));
const JudgeHomePage = lazy(() => import('./pages/market/JudgePages').then((m) => ({ default: m.JudgeHomePage })));
const JudgeEntryPage = lazy(() => import('./pages/market/JudgePages').then((m) => ({ default: m.JudgeEntryPage })));
const VoteHomePage = lazy(() => import('./pages/market/VotePages').then((m) => ({ default: m.VoteHomePage })));
const VotePage = lazy(() => import('./pages/market/VotePages').then((m) => ({ default: m.VotePage })));
const AttendPage = lazy(() => import('./pages/market/VotePages').then((m) => ({ default: m.AttendPage })));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage').then((m) => ({ default: m.MessagesPage })));
const NoticesPage = lazy(() => import('./pages/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const NoticeDetailPage = lazy(() => import('./pages/notices/NoticeDetailPage').then((m) => ({ default: m.NoticeDetailPage })));
const VoiceReportPage = lazy(() => import('./pages/voice/VoicePages').then((m) => ({ default: m.ReportPage })));
const MyVoiceReportsPage = lazy(() => import('./pages/voice/VoicePages').then((m) => ({ default: m.MyReportsPage })));
const VoiceMapPage = lazy(() => import('./pages/voice/VoicePages').then((m) => ({ default: m.VoiceMapPage })));
const MyMutualaidPage = lazy(() => import('./pages/mutualaid/MutualaidPages').then((m) => ({ default: m.MyMutualaidPage })));
const NewMutualaidClaimPage = lazy(() => import('./pages/mutualaid/MutualaidPages').then((m) => ({ default: m.NewMutualaidClaimPage })));
const SpringJobsPage = lazy(() => import('./pages/springjobs/SpringJobsPages').then((m) => ({ default: m.SpringJobsPage })));
const SpringJobPage = lazy(() => import('./pages/springjobs/SpringJobsPages').then((m) => ({ default: m.SpringJobPage })));
const MySpringJobsPage = lazy(() => import('./pages/springjobs/SpringJobsPages').then((m) => ({ default: m.MySpringJobsPage })));
const SuggestionsPage = lazy(() => import('./pages/suggestions/SuggestionsPage').then((m) => ({ default: m.SuggestionsPage })));
const SurveysPage = lazy(() => import('./pages/surveys/SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('./pages/surveys/SurveysPage').then((m) => ({ default: m.SurveyPage })));
const StudyaidPage = lazy(() => import('./pages/studyaid/StudyaidPage').then((m) => ({ default: m.StudyaidPage })));
const MyHonoursPage = lazy(() => import('./pages/honours/MyHonoursPage').then((m) => ({ default: m.MyHonoursPage })));
const VolunteerPage = lazy(() => import('./pages/volunteer/VolunteerPage').then((m) => ({ default: m.VolunteerPage })));
const HealthPage = lazy(() => import('./pages/health/HealthPage').then((m) => ({ default: m.HealthPage })));
const PartnersPage = lazy(() => import('./pages/partners/PartnersPage').then((m) => ({ default: m.PartnersPage })));
const CanteenPage = lazy(() => import('./pages/canteen/CanteenPage').then((m) => ({ default: m.CanteenPage })));
const MutualaidClaimPage = lazy(() => import('./pages/mutualaid/MutualaidPages').then((m) => ({ default: m.MutualaidClaimPage })));
const BenefitsPage = lazy(() => import('./pages/assistance/BenefitsPage').then((m) => ({ default: m.BenefitsPage })));
const HardshipPage = lazy(() => import('./pages/assistance/HardshipPage').then((m) => ({ default: m.HardshipPage })));
const VerifyPage = lazy(() => import('./pages/members/VerifyPage').then((m) => ({ default: m.VerifyPage })));

export function MobileApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <BrowserRouter basename={MOBILE_BASENAME}>
        <SessionProvider>
          <UnauthenticatedRedirect />
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="login" element={<LoginPage />} />
              <Route path="privacy" element={<PrivacyPage />} />
              <Route path="verify" element={<VerifyPage />} />
              <Route path="door/:deviceId" element={<DoorPage />} />
              <Route path="sign/:token" element={<SignPage />} />
              <Route path="market/attend/:orderId" element={<RequireSignIn><AttendPage /></RequireSignIn>} />
              <Route path="checkin/:eventId" element={<RequireSignIn><CheckinPage /></RequireSignIn>} />
              <Route path="tournament/:tournamentId" element={<RequireSignIn><TournamentResultsPage /></RequireSignIn>} />
              <Route path="vote/:sessionId" element={<RequireSignIn><VotePage /></RequireSignIn>} />
              <Route element={<TabsLayout />}>
                <Route index element={<HomePage />} />
                <Route path="stations" element={<StationsPage />} />
                <Route path="services" element={<ServicesPage />} />
                <Route path="legal" element={<AskPage />} />
                <Route path="me/legal" element={<RequireSignIn><MyLegalPage /></RequireSignIn>} />
                <Route path="me/legal/:id" element={<RequireSignIn><LegalDetailPage /></RequireSignIn>} />
                <Route path="monitoring" element={<RequireSignIn><MonitoringFormPage /></RequireSignIn>} />
                <Route path="events" element={<RequireSignIn><EventsPage /></RequireSignIn>} />
                <Route path="events/mine" element={<RequireSignIn><MyEventsPage /></RequireSignIn>} />
                <Route path="events/checkin" element={<RequireSignIn><SelfCheckinPage /></RequireSignIn>} />
                <Route path="matchmaking/:eventId" element={<RequireSignIn><MatchmakingPage /></RequireSignIn>} />
                <Route path="contest-judging" element={<RequireSignIn><ContestJudgePage /></RequireSignIn>} />
                <Route path="events/:id" element={<RequireSignIn><EventDetailPage /></RequireSignIn>} />
                <Route path="market" element={<MarketPage />} />
                <Route path="market/:projectId" element={<ServiceDetailPage />} />
                <Route path="judge" element={<RequireSignIn><JudgeHomePage /></RequireSignIn>} />
                <Route path="judge/:entryId" element={<RequireSignIn><JudgeEntryPage /></RequireSignIn>} />
                <Route path="vote" element={<RequireSignIn><VoteHomePage /></RequireSignIn>} />
                <Route path="me/orders" element={<RequireSignIn><MyServiceOrdersPage /></RequireSignIn>} />
                <Route path="me" element={<MePage />} />
                <Route path="me/sessions" element={<SessionsPage />} />
                <Route path="join" element={<RequireSignIn><JoinPage /></RequireSignIn>} />
                <Route path="me/membership" element={<RequireSignIn><MembershipPage /></RequireSignIn>} />
                <Route path="me/card" element={<RequireSignIn><CardPage /></RequireSignIn>} />
                <Route path="me/honours" element={<RequireSignIn><MyHonoursPage /></RequireSignIn>} />
                <Route path="me/feedback" element={<RequireSignIn><MyFeedbackPage /></RequireSignIn>} />
                <Route path="me/breakfast-card" element={<RequireSignIn><BreakfastCardPage /></RequireSignIn>} />
                <Route path="fund/accounts" element={<FundAccountsPage />} />
                <Route path="me/messages" element={<RequireSignIn><MessagesPage /></RequireSignIn>} />
                <Route path="mutualaid" element={<RequireSignIn><MyMutualaidPage /></RequireSignIn>} />
                <Route path="mutualaid/new" element={<RequireSignIn><NewMutualaidClaimPage /></RequireSignIn>} />
                <Route path="mutualaid/claims/:id" element={<RequireSignIn><MutualaidClaimPage /></RequireSignIn>} />
                <Route path="jobs" element={<RequireSignIn><SpringJobsPage /></RequireSignIn>} />
                <Route path="jobs/mine" element={<RequireSignIn><MySpringJobsPage /></RequireSignIn>} />
                <Route path="jobs/:id" element={<RequireSignIn><SpringJobPage /></RequireSignIn>} />
                <Route path="voice" element={<RequireSignIn><VoiceReportPage /></RequireSignIn>} />
                <Route path="voice/mine" element={<RequireSignIn><MyVoiceReportsPage /></RequireSignIn>} />
                <Route path="voice/map" element={<VoiceMapPage />} />
                <Route path="suggestions" element={<RequireSignIn><SuggestionsPage /></RequireSignIn>} />
                <Route path="surveys" element={<RequireSignIn><SurveysPage /></RequireSignIn>} />
                <Route path="surveys/:id" element={<RequireSignIn><SurveyPage /></RequireSignIn>} />
                <Route path="assistance/hardship" element={<RequireSignIn><HardshipPage /></RequireSignIn>} />
                <Route path="assistance/benefits" element={<RequireSignIn><BenefitsPage /></RequireSignIn>} />
                <Route path="assistance/health" element={<RequireSignIn><HealthPage /></RequireSignIn>} />
                <Route path="volunteer" element={<RequireSignIn><VolunteerPage /></RequireSignIn>} />
                <Route path="assistance/studyaid" element={<RequireSignIn><StudyaidPage /></RequireSignIn>} />
                <Route path="assistance/canteen" element={<RequireSignIn><CanteenPage /></RequireSignIn>} />
                <Route path="partners" element={<RequireSignIn><PartnersPage /></RequireSignIn>} />
                <Route path="notices" element={<NoticesPage />} />
                <Route path="notices/:id" element={<NoticeDetailPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}

function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (window.location.pathname.startsWith(`${MOBILE_BASENAME}/login`)) return;
      void navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate]);
  return null;
}

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48, fontSize: 24, color: 'var(--adm-color-primary)' }}>
      <DotLoading color="currentColor" />
    </div>
  );
}
