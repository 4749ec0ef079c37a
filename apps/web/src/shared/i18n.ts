import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commonEn, commonZh } from './locales';

export type Language = 'zh-CN' | 'en';
export const languages: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'niangjia.language';

type Tree = { [key: string]: string | Tree };

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // Private mode or a locked-down WebView: fall back to Chinese.
  }
  return 'zh-CN';
}

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    out[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return out;
}

/** Start i18next with the shared strings plus one face's own strings (zh-CN default, en second). */
export function initI18n(face: { zh: Tree; en: Tree }): typeof i18next {
  const lng = readStoredLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    resources: {
      'zh-CN': { translation: merge(commonZh, face.zh) },
      en: { translation: merge(commonEn, face.en) },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

export async function changeLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  document.documentElement.lang = lng;
  await i18next.changeLanguage(lng);
}

export function translate(key: string, options?: Record<string, unknown>): string {
  return i18next.isInitialized ? i18next.t(key, options ?? {}) : key;
}
