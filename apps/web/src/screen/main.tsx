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

initI18n({
  zh: { ...screenZh, ...fundScreenZh },
  en: { ...screenEn, ...fundScreenEn },
});

// One face, several screens: /screen is the union's figures, /screen/fund the charity fund.
const path = window.location.pathname.replace(/\/+$/, '');
const Screen = path === '/screen/fund' ? FundScreen : DistrictScreen;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Screen />
    </StrictMode>,
  );
}
