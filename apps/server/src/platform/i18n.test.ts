import { describe, expect, it } from 'vitest';
import { pickLang, t } from './i18n';

describe('language of errors', () => {
  it('defaults to zh-CN and honours English when asked', () => {
    expect(pickLang(undefined)).toBe('zh-CN');
    expect(pickLang('en-US,en;q=0.9')).toBe('en');
    expect(pickLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLang('fr-FR, en;q=0.5')).toBe('en');
    expect(pickLang('en;q=0.3, zh;q=0.8')).toBe('zh-CN');
    expect(pickLang('de')).toBe('zh-CN');
  });

  it('fills parameters', () => {
    expect(t('zh-CN', 'RATE_LIMITED_DETAIL', { seconds: 30 })).toBe('请在 30 秒后再试');
    expect(t('en', 'RATE_LIMITED_DETAIL', { seconds: 30 })).toBe('Try again in 30 seconds');
  });
});
