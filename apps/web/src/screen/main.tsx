import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './screen.css';
import { initI18n } from '../shared/i18n';
import { screenEn, screenZh } from './locales';
import { ScreenApp } from './ScreenApp';

initI18n({ zh: screenZh, en: screenEn });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ScreenApp />
    </StrictMode>,
  );
}
