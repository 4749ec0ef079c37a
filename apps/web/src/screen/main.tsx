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

initI18n({
  zh: { ...screenZh, ...fundScreenZh, ...roadshowZh, marketTerms: marketTermsZh },
  en: { ...screenEn, ...fundScreenEn, ...roadshowEn, marketTerms: marketTermsEn },
});

// One face, several screens: /screen is the union's figures, /screen/fund the charity fund,
// /screen/roadshow/:season the competition's roadshow.
const path = window.location.pathname.replace(/\/+$/, '');
const Screen = path === '/screen/fund' ? FundScreen : path.startsWith('/screen/roadshow/') ? RoadshowScreen : DistrictScreen;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Screen />
    </StrictMode>,
  );
}
