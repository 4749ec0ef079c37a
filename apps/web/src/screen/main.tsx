import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './screen.css';
import './district/district.css';
import { initI18n } from '../shared/i18n';
import { FundScreen } from './fund/FundScreen';
import './fund/fund-screen.css';
import { fundScreenEn, fundScreenZh } from './fund/locales';
import { screenEn, screenZh } from './locales';
import { DistrictScreen } from './district/DistrictScreen';
import { RoadshowScreen } from './roadshow/RoadshowScreen';
import { roadshowEn, roadshowZh } from './roadshow/locales';
import { marketTermsEn, marketTermsZh } from '../shared/market-locales';
import { TournamentScreen } from './tournament/TournamentScreen';
import { tournamentScreenEn, tournamentScreenZh } from './tournament/locales';

initI18n({
  zh: { ...screenZh, ...fundScreenZh, ...roadshowZh, ...tournamentScreenZh, marketTerms: marketTermsZh },
  en: { ...screenEn, ...fundScreenEn, ...roadshowEn, ...tournamentScreenEn, marketTerms: marketTermsEn },
});

// One face, several screens: /screen is the union's figures, /screen/fund the charity fund,
// /screen/roadshow/:season the competition's roadshow, /screen/tournament/:id a tournament (赛事).
const path = window.location.pathname.replace(/\/+$/, '');
const Screen = path === '/screen/fund' ? FundScreen : path.startsWith('/screen/roadshow/') ? RoadshowScreen : path.startsWith('/screen/tournament/') ? TournamentScreen : DistrictScreen;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Screen />
    </StrictMode>,
  );
}
