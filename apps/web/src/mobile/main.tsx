import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../shared/base.css';
import './mobile.css';
import { initI18n } from '../shared/i18n';
import { MobileApp } from './MobileApp';
import { mobileEn, mobileZh } from './locales';
import { fundStatementEn, fundStatementZh } from '../shared/fund/locales';
import { fundMobileEn, fundMobileZh } from './pages/fund/locales';

initI18n({ zh: { ...mobileZh, ...fundMobileZh, ...fundStatementZh }, en: { ...mobileEn, ...fundMobileEn, ...fundStatementEn } });

// antd-mobile's imperative Toast/Dialog render with the React 18 API by default, which React 19 no
// longer has ("p is not a function" when a toast closes); give them a createRoot-based renderer.
const roots = new WeakMap<Element | DocumentFragment, Root>();
unstableSetRender((node, container) => {
  const root = roots.get(container) ?? createRoot(container);
  roots.set(container, root);
  root.render(node);
  return () =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        root.unmount();
        roots.delete(container);
        resolve();
      }, 0);
    });
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MobileApp />
    </StrictMode>,
  );
}
