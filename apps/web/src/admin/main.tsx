import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './admin.css';
import { initI18n } from '../shared/i18n';
import { AdminApp } from './AdminApp';
import { adminZh } from './locales';
import { adminEn } from './locales-en';

initI18n({ zh: adminZh, en: adminEn });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AdminApp />
    </StrictMode>,
  );
}
