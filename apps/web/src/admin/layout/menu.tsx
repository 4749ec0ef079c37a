import {
  BulbOutlined,
  CameraOutlined,
  SafetyOutlined,
  SoundOutlined,
  AccountBookOutlined,
  AppstoreOutlined,
  CalculatorOutlined,
  FileDoneOutlined,
  FlagOutlined,
  GiftOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ShoppingOutlined,
  SmileOutlined,
  TrophyOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ExceptionOutlined,
  FileProtectOutlined,
  NodeIndexOutlined,
  QuestionCircleOutlined,
  CheckSquareOutlined,
  CreditCardOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FundOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  MessageOutlined,
  MonitorOutlined,
  OrderedListOutlined,
  SettingOutlined,
  ShopOutlined,
  MedicineBoxOutlined,
  ReadOutlined,
  ExperimentOutlined,
  PieChartOutlined,
  CoffeeOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UnlockOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
  WarningOutlined,
  WifiOutlined,
  FormOutlined,
} from '@ant-design/icons';
import type { Me, Permission } from '@niangjia/contracts';
import type { ReactNode } from 'react';

/** `level: 'district'`: only for staff whose scope starts at a district or higher (the fund's custodian account is the district's own work). */
export type MenuLeaf = { path: string; labelKey: string; icon?: ReactNode; permission?: Permission; level?: 'district' };
export type MenuGroup = { key: string; labelKey: string; icon: ReactNode; items: MenuLeaf[] };
export type MenuEntry = MenuLeaf | MenuGroup;

/**
 * The console's left menu. A new module adds one group here, e.g.
 * `{ key: 'stations', labelKey: 'menu.stations', icon: <HomeOutlined />, items: [...] }`.
 */
export const MENU: MenuEntry[] = [
  // Every staff role reads orgs; a provider's account (portal only) has no dashboard.
  { path: '/', labelKey: 'menu.dashboard', icon: <DashboardOutlined />, permission: 'org.read' },
  {
    key: 'org-member',
    labelKey: 'menu.orgMember',
    icon: <TeamOutlined />,
    items: [
      { path: '/orgs', labelKey: 'menu.orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
      { path: '/members', labelKey: 'menu.members', icon: <IdcardOutlined />, permission: 'member.read' },
      { path: '/members/applications', labelKey: 'menu.memberApplications', icon: <SolutionOutlined />, permission: 'member.read' },
      { path: '/members/imports', labelKey: 'menu.memberImport', icon: <UploadOutlined />, permission: 'member.write' },
      { path: '/organizing', labelKey: 'organizing.menu', icon: <FlagOutlined />, permission: 'organizing.read' },
      { path: '/notices', labelKey: 'menu.notices', icon: <NotificationOutlined />, permission: 'notice.write' },
    ],
  },
  {
    key: 'positions',
    labelKey: 'menu.positionsGroup',
    icon: <HomeOutlined />,
    items: [
      { path: '/positions', labelKey: 'menu.positions', icon: <EnvironmentOutlined />, permission: 'position.read' },
      { path: '/positions/stars', labelKey: 'starsAdmin.menu.stars', icon: <StarOutlined />, permission: 'position.read' },
      { path: '/positions/feedback', labelKey: 'starsAdmin.menu.feedback', icon: <MessageOutlined />, permission: 'position.read' },
      { path: '/positions/rubric', labelKey: 'starsAdmin.menu.rubric', icon: <OrderedListOutlined />, permission: 'position.read' },
      { path: '/positions/coverage', labelKey: 'coverage.menu', icon: <AimOutlined />, permission: 'position.read' },
      { path: '/positions/shortfalls', labelKey: 'standards.shortfallMenu', icon: <WarningOutlined />, permission: 'position.read' },
      { path: '/positions/standards', labelKey: 'standards.menu', icon: <CheckSquareOutlined />, permission: 'position.read' },
    ],
  },
  {
    key: 'access',
    labelKey: 'access.menu.group',
    icon: <UnlockOutlined />,
    items: [
      { path: '/access', labelKey: 'access.menu.controllers', icon: <WifiOutlined />, permission: 'access.read' },
      { path: '/access/entries', labelKey: 'access.menu.entries', icon: <UnorderedListOutlined />, permission: 'access.read' },
      { path: '/access/alarms', labelKey: 'access.menu.alarms', icon: <AlertOutlined />, permission: 'access.read' },
    ],
  },
  {
    key: 'fund',
    labelKey: 'fundAdmin.menu.group',
    icon: <HeartOutlined />,
    items: [
      { path: '/fund/shops', labelKey: 'fundAdmin.menu.shops', icon: <ShopOutlined />, permission: 'fund.read' },
      { path: '/fund/terminals', labelKey: 'fundAdmin.menu.terminals', icon: <DesktopOutlined />, permission: 'fund.read' },
      { path: '/fund/cards', labelKey: 'fundAdmin.menu.cards', icon: <CreditCardOutlined />, permission: 'fund.read' },
      { path: '/fund/cards/imports', labelKey: 'fundAdmin.menu.cardImport', icon: <UploadOutlined />, permission: 'fund.write' },
      { path: '/fund/rules', labelKey: 'fundAdmin.menu.rules', icon: <SettingOutlined />, permission: 'fund.read' },
      { path: '/fund/custodian', labelKey: 'fundAdmin.menu.custodian', icon: <AccountBookOutlined />, permission: 'fund.read', level: 'district' },
      { path: '/fund/reports', labelKey: 'fundAdmin.menu.reports', icon: <BarChartOutlined />, permission: 'fund.read' },
    ],
  },
  {
    key: 'voice',
    labelKey: 'voiceAdmin.menuGroup',
    icon: <SoundOutlined />,
    items: [
      { path: '/voice', labelKey: 'voiceAdmin.menu', icon: <CameraOutlined />, permission: 'voice.read' },
      { path: '/voice/liaison', labelKey: 'liaisonAdmin.menu', icon: <TeamOutlined />, permission: 'voice.read' },
      { path: '/voice/suggestions', labelKey: 'suggestionAdmin.menu', icon: <BulbOutlined />, permission: 'voice.read' },
      { path: '/voice/surveys', labelKey: 'surveyAdmin.menu', icon: <FormOutlined />, permission: 'voice.read' },
    ],
  },
  {
    key: 'assistance',
    labelKey: 'hardship.menuGroup',
    icon: <GiftOutlined />,
    items: [
      { path: '/assistance/hardship', labelKey: 'hardship.menu', icon: <SolutionOutlined />, permission: 'assistance.read' },
      { path: '/assistance/mutualaid', labelKey: 'mutualaidAdmin.menu', icon: <SafetyOutlined />, permission: 'assistance.read' },
      { path: '/assistance/campaigns', labelKey: 'campaigns.menu', icon: <GiftOutlined />, permission: 'assistance.read' },
      { path: '/assistance/jobs', labelKey: 'springJobsAdmin.menu', icon: <ShopOutlined />, permission: 'assistance.read' },
      { path: '/assistance/health', labelKey: 'healthAdmin.menu', icon: <MedicineBoxOutlined />, permission: 'assistance.read' },
      { path: '/assistance/studyaid', labelKey: 'studyaidAdmin.menu', icon: <ReadOutlined />, permission: 'assistance.read' },
    ],
  },
  {
    key: 'honours',
    labelKey: 'honoursAdmin.menu.group',
    icon: <TrophyOutlined />,
    items: [
      { path: '/honours', labelKey: 'honoursAdmin.menu.honours', icon: <TrophyOutlined />, permission: 'honours.read' },
      { path: '/honours/studios', labelKey: 'honoursAdmin.menu.studios', icon: <ExperimentOutlined />, permission: 'honours.read' },
      { path: '/honours/volunteers', labelKey: 'volunteerAdmin.menu', icon: <HeartOutlined />, permission: 'honours.read' },
      { path: '/honours/figures', labelKey: 'honoursAdmin.menu.figures', icon: <PieChartOutlined />, permission: 'honours.read' },
      { path: '/honours/partners', labelKey: 'honoursAdmin.partners.menu', icon: <ApartmentOutlined />, permission: 'honours.read' },
      { path: '/assistance/canteen', labelKey: 'canteenAdmin.menu', icon: <CoffeeOutlined />, permission: 'assistance.read' },
    ],
  },
  {
    key: 'rights',
    labelKey: 'rights.menu.group',
    icon: <SafetyCertificateOutlined />,
    items: [
      { path: '/rights', labelKey: 'rights.menu.dashboard', icon: <FundOutlined />, permission: 'rights.read' },
      { path: '/rights/consultations', labelKey: 'rights.menu.consultations', icon: <QuestionCircleOutlined />, permission: 'rights.read' },
      { path: '/rights/cases', labelKey: 'rights.menu.cases', icon: <FileProtectOutlined />, permission: 'rights.read' },
      { path: '/rights/referrals', labelKey: 'rights.menu.referrals', icon: <NodeIndexOutlined />, permission: 'rights.manage' },
      { path: '/rights/monitoring', labelKey: 'rights.menu.monitoring', icon: <AimOutlined />, permission: 'rights.read' },
      { path: '/rights/warnings', labelKey: 'rights.menu.warnings', icon: <ExceptionOutlined />, permission: 'rights.read' },
      { path: '/rights/teams', labelKey: 'rights.menu.teams', icon: <TeamOutlined />, permission: 'rights.read' },
      { path: '/rights/ratings', labelKey: 'rights.menu.ratings', icon: <TrophyOutlined />, permission: 'rights.read' },
      { path: '/rights/settings', labelKey: 'rights.menu.settings', icon: <SettingOutlined />, permission: 'rights.read' },
    ],
  },
  {
    key: 'market',
    labelKey: 'market.menu.group',
    icon: <ShoppingOutlined />,
    items: [
      { path: '/market/library', labelKey: 'market.menu.library', icon: <AppstoreOutlined />, permission: 'market.order' },
      { path: '/market/orders', labelKey: 'market.menu.orders', icon: <FileDoneOutlined />, permission: 'market.read' },
      { path: '/market/seasons', labelKey: 'market.menu.seasons', icon: <TrophyOutlined />, permission: 'market.read' },
      { path: '/market/projects', labelKey: 'market.menu.projects', icon: <ProjectOutlined />, permission: 'market.read' },
      { path: '/market/providers', labelKey: 'market.menu.providers', icon: <SafetyCertificateOutlined />, permission: 'market.read' },
      { path: '/market/subsidies', labelKey: 'market.menu.subsidies', icon: <GiftOutlined />, permission: 'market.read' },
      { path: '/market/settlements', labelKey: 'market.menu.settlements', icon: <CalculatorOutlined />, permission: 'market.read' },
    ],
  },
  {
    key: 'activities',
    labelKey: 'menu.activities',
    icon: <SmileOutlined />,
    items: [
      { path: '/events', labelKey: 'eventsAdmin.menu', icon: <CalendarOutlined />, permission: 'event.read' },
      { path: '/events/tournaments', labelKey: 'tournamentAdmin.menu', icon: <TrophyOutlined />, permission: 'event.read' },
    ],
  },
  {
    key: 'portal',
    labelKey: 'market.menu.portal',
    icon: <ShopOutlined />,
    items: [
      { path: '/portal', labelKey: 'market.menu.portalHome', icon: <HomeOutlined />, permission: 'market.provider' },
      { path: '/portal/projects', labelKey: 'market.menu.portalProjects', icon: <ProjectOutlined />, permission: 'market.provider' },
      { path: '/portal/entries', labelKey: 'market.menu.portalEntries', icon: <TrophyOutlined />, permission: 'market.provider' },
      { path: '/portal/orders', labelKey: 'market.menu.portalOrders', icon: <FileDoneOutlined />, permission: 'market.provider' },
      { path: '/portal/settlements', labelKey: 'market.menu.portalSettlements', icon: <CalculatorOutlined />, permission: 'market.provider' },
    ],
  },
  {
    key: 'figures',
    labelKey: 'figures.group',
    icon: <FundOutlined />,
    items: [{ path: '/figures', labelKey: 'figures.menu', icon: <LineChartOutlined />, permission: 'figures.read' }],
  },
  {
    key: 'system',
    labelKey: 'menu.system',
    icon: <SettingOutlined />,
    items: [
      { path: '/users', labelKey: 'menu.users', icon: <UserOutlined />, permission: 'user.read' },
      { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/system/holidays', labelKey: 'rights.menu.holidays', icon: <CalendarOutlined />, permission: 'org.read' },
      { path: '/jobs', labelKey: 'menu.jobs', icon: <ScheduleOutlined />, permission: 'job.read' },
      { path: '/system', labelKey: 'system.menu', icon: <MonitorOutlined />, permission: 'system.read' },
    ],
  },
];

export const isGroup = (entry: MenuEntry): entry is MenuGroup => 'items' in entry;

/** Whether the signed-in user may use a menu entry: its permission, and its level where it has one. */
export function canUseMenuLeaf(leaf: MenuLeaf, me: Pick<Me, 'permissions' | 'scopeRoots' | 'grants'>): boolean {
  if (leaf.permission && !me.permissions.includes(leaf.permission)) return false;
  if (leaf.level === 'district') return me.grants.some((g) => g.role === 'platform_admin') || me.scopeRoots.some((o) => o.type === 'federation' || o.type === 'district');
  return true;
}

/**
 * The menu entry a path belongs to (longest matching prefix); none for a page outside the menu
 * (会话 from the user menu, a 404), so that 工作台 is not lit there.
 */
export function findSelected(pathname: string): { leaf: string | undefined; group: string | undefined } {
  let best: { leaf: string | undefined; group: string | undefined } = { leaf: undefined, group: undefined };
  let bestLength = 0;
  for (const entry of MENU) {
    const leaves: [MenuLeaf, string | undefined][] = isGroup(entry) ? entry.items.map((i) => [i, entry.key]) : [[entry, undefined]];
    for (const [leaf, group] of leaves) {
      const matches = leaf.path === '/' ? pathname === '/' : pathname === leaf.path || pathname.startsWith(`${leaf.path}/`);
      if (matches && leaf.path.length > bestLength) {
        best = { leaf: leaf.path, group };
        bestLength = leaf.path.length;
      }
    }
  }
  return best;
}
