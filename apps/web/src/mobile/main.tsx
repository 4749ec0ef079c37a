import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './mobile.css';
import { initI18n } from '../shared/i18n';
import { MobileApp } from './MobileApp';
import { mobileEn, mobileZh } from './locales';

initI18n({ zh: mobileZh, en: mobileEn });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MobileApp />
    </StrictMode>,
  );
}
