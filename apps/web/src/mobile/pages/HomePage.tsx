import { Grid } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../shared/session';
import { BagIcon, CalendarIcon, CardIcon, FlagIcon, HeartIcon, PinIcon, ScaleIcon, StoreIcon } from '../icons';
import { useWorkerOffers } from './shell/use-worker-offers';
import { LanguageToggle } from './LanguageToggle';
import { NoticesArea } from './notices/NoticesArea';

type Entry = { key: string; to: string; icon: React.ReactNode; color: string; fg: string };

// Only what is there: a tile never opens a "coming soon" page (assistance adds
// its tile when it exists). Warm hues around the union red.
const ENTRIES: Entry[] = [
  { key: 'join', to: '/join', icon: <FlagIcon />, color: '#fff0f0', fg: '#c8102e' },
  { key: 'stations', to: '/stations', icon: <PinIcon />, color: '#e6f7f5', fg: '#08797c' },
  { key: 'market', to: '/market', icon: <StoreIcon />, color: '#f0f5ff', fg: '#2f54eb' },
  { key: 'events', to: '/events', icon: <CalendarIcon />, color: '#fffbe6', fg: '#ad6800' },
  { key: 'legal', to: '/legal', icon: <ScaleIcon />, color: '#f6ffed', fg: '#389e0d' },
  { key: 'card', to: '/me/card', icon: <CardIcon />, color: '#f9f0ff', fg: '#722ed1' },
];
const BREAKFAST: Entry = { key: 'breakfast', to: '/me/breakfast-card', icon: <CalendarIcon />, color: '#fff7e6', fg: '#d4380d' };
const ACCOUNTS: Entry = { key: 'accounts', to: '/fund/accounts', icon: <HeartIcon />, color: '#fff0f6', fg: '#c41d7f' };
const SERVICES: Entry = { key: 'services', to: '/services', icon: <BagIcon />, color: '#fff3e8', fg: '#ad4e00' };

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const offers = useWorkerOffers();
  const entries = [...ENTRIES, ...(offers.hasBreakfastCard ? [BREAKFAST] : []), ...(offers.hasFund ? [ACCOUNTS] : []), SERVICES];
  return (
    <>
      <header className="nj-hero">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 12 }}>
          <h1>{me ? t('home.helloName', { name: me.user.displayName }) : t('home.hello')}</h1>
          <LanguageToggle light />
        </div>
        <p>{t('home.welcome')}</p>
      </header>
      <section className="nj-section" aria-label={t('home.entries')}>
        <Grid columns={4} gap={0}>
          {entries.map((e) => (
            <Grid.Item key={e.key}>
              <button type="button" className="nj-entry" onClick={() => navigate(e.to)} data-testid={`home-entry-${e.key}`}>
                <span className="nj-entry-icon" style={{ background: e.color, color: e.fg }}>
                  {e.icon}
                </span>
                <span>{t(`home.entry.${e.key}`)}</span>
              </button>
            </Grid.Item>
          ))}
        </Grid>
      </section>
      <NoticesArea />
      <section className="nj-section" style={{ padding: '16px 18px' }}>
        <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{t('home.aboutTitle')}</h2>
        <p className="nj-muted" style={{ margin: 0 }}>{t('home.about')}</p>
      </section>
    </>
  );
}
