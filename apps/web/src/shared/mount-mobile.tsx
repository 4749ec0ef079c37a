import { unstableSetRender } from 'antd-mobile';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Mounts an antd-mobile face (worker pages, signage) into #root. antd-mobile's imperative
 * Toast/Dialog render with the React 18 API by default, which React 19 no longer has ("p is not a
 * function" when a toast closes); they get a createRoot-based renderer first.
 */
export function mountMobileFace(app: ReactNode): void {
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
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
