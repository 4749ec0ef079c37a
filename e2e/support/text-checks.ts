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
  { name: '"fund" in Chinese', pattern: new RegExp(`${CJK}\\s*fund|fund\\s*${CJK}`, 'gi') },
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
