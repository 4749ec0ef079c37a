import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../shared/i18n';

/** One tap switches 中文 ⇄ English; the choice is remembered on this phone. */
export function LanguageToggle({ light = false }: { light?: boolean }) {
  const { i18n } = useTranslation();
  const isEn = i18n.language === 'en';
  return (
    <button
      type="button"
      onClick={() => void changeLanguage(isEn ? 'zh-CN' : 'en')}
      style={{
        minHeight: 44,
        minWidth: 44,
        padding: '0 12px',
        borderRadius: 22,
        border: `1px solid ${light ? 'rgba(255,255,255,.6)' : '#ddd'}`,
        background: 'transparent',
        color: light ? '#fff' : '#333',
        font: 'inherit',
        fontSize: 14,
        flex: 'none',
      }}
      lang={isEn ? 'zh-CN' : 'en'}
    >
      {isEn ? '中文' : 'EN'}
    </button>
  );
}
