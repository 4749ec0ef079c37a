import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '../shared/base.css';
import '../mobile/mobile.css';
import './signage.css';
import { initI18n } from '../shared/i18n';
import { SignageApp } from './SignageApp';
import { signageEn, signageZh } from './locales';

initI18n({ zh: signageZh, en: signageEn });

// Same renderer fix as the worker pages: antd-mobile's Toast with React 19.
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
      <SignageApp />
    </StrictMode>,
  );
}
