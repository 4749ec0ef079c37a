import type { Page } from 'playwright-core';

/**
 * Words for people (UX.md, issue 10 point 8): the text a page shows, in either language, holds no
 * untranslated i18n key or error code, no {placeholder} left unfilled, no Chinese in ASCII
 * quotes, no "fund" inside Chinese, no API version. Returns the problems found, in words.
 *
 * `scope` is the part of the page to read (the console's content and menu, the phone's page).
 */
export async function findTextProblems(page: Page, scope = 'body'): Promise<string[]> {
  // Text marked translate="no" (a login name such as gyq.admin, a code someone typed) is data, not words.
  const text = await page.evaluate((selector) => {
    let all = [...document.querySelectorAll<HTMLElement>(selector)].map((el) => el.innerText).join('\n');
    for (const raw of document.querySelectorAll<HTMLElement>('[translate="no"]')) if (raw.innerText) all = all.split(raw.innerText).join(' ');
    return all;
  }, scope);
  return checkText(text);
}

const CJK = '[\\u3400-\\u9fff]';
const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'placeholder braces', pattern: /\{\{?\s*[A-Za-z_]\w*\s*\}?\}/g },
  // An i18next key (members.status.applied) or an audit action (org.create) shown as such; file
  // names, hosts and numbers (1.5, report.xlsx, niangjia.example) are not keys.
  { name: 'untranslated key', pattern: /(?<![\w./@-])[a-z][a-zA-Z]{2,}(?:\.[a-z][a-zA-Z_]{1,}){1,3}(?![\w./@-])/g },
  { name: 'error code', pattern: /(?<![\w-])[A-Z]{2,}(?:_[A-Z0-9]+){1,}(?![\w-])/g },
  { name: 'ASCII-quoted Chinese', pattern: new RegExp(`"[^"\\n]{0,40}${CJK}[^"\\n]{0,40}"`, 'g') },
  // Within a line: a menu's last Chinese word and an English heading below it are not one phrase.
  { name: '"fund" in Chinese', pattern: new RegExp(`${CJK}[ \\t]*fund|fund[ \\t]*${CJK}`, 'gi') },
  { name: 'API version', pattern: /(?<![\w/])v1(?![\w.])/g },
];
const NOT_KEYS = /\.(xlsx|xls|csv|pdf|png|jpg|svg|zip|json|txt|com|cn|org|net|example|local|gov)$/i;

export function checkText(text: string): string[] {
  const problems = new Set<string>();
  for (const { name, pattern } of RULES) {
    for (const match of text.matchAll(pattern)) {
      if (name === 'untranslated key' && NOT_KEYS.test(match[0])) continue;
      problems.add(`${name}: “${match[0]}”`);
    }
  }
  return [...problems];
}

/**
 * In English, the words the interface itself owns — menu items, tab labels, column titles, buttons,
 * form labels, page and card titles — hold no Chinese: a string left out of the English locale, or
 * written into a component, shows here. Names people typed (an org, a person) are data and may be
 * Chinese; they are kept out by reading only the interface's own elements, and by leaving out text
 * marked translate="no".
 */
export async function findChineseChrome(page: Page, scope = '#root'): Promise<string[]> {
  return page.evaluate(
    ({ selector, pattern }) => {
      const cjk = new RegExp(pattern);
      const chrome = [
        '.admin-sider .ant-menu-title-content',
        '.ant-tabs-tab-btn',
        '.ant-table-thead th',
        '.ant-btn',
        '.ant-form-item-label label',
        '.ant-card-head-title',
        '.ant-page-header-heading-title',
        '.ant-descriptions-item-label',
        '.ant-empty-description',
        '.adm-tab-bar-item-title',
        '.adm-nav-bar-title',
        '.adm-list-header',
        '.adm-form-item-label',
        '.adm-button',
      ].join(',');
      const found = new Set<string>();
      for (const root of document.querySelectorAll<HTMLElement>(selector)) {
        for (const el of root.querySelectorAll<HTMLElement>(chrome)) {
          if (el.closest('[translate="no"]') || el.offsetParent === null) continue;
          // Only the element's own words: a name inside it is marked as data (translate="no").
          // English words around a name ("Members of unions in 江北区总工会") are a translated string
          // with data in it; Chinese with no English at all is a string the English locale lacks.
          const own = el.cloneNode(true) as HTMLElement;
          for (const data of own.querySelectorAll('[translate="no"]')) data.remove();
          const text = (own.textContent ?? '').trim();
          if (text && cjk.test(text) && !/[A-Za-z]{2,}/.test(text)) found.add(text.slice(0, 40));
        }
      }
      return [...found].slice(0, 20);
    },
    { selector: scope, pattern: CJK },
  );
}
