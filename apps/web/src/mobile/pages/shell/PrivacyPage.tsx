import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { privacyPolicyEn, privacyPolicyZh } from './privacy-text';

/** 隐私政策 (/m/privacy): what the platform collects and why, as plain text in the page's language. */
export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const policy = i18n.language === 'en' ? privacyPolicyEn : privacyPolicyZh;
  return (
    <div style={{ minHeight: '100vh', background: '#fff' }}>
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}>{t('privacy.title')}</NavBar>
      <article className="nj-policy" data-testid="privacy-policy">
        <h1>{t('privacy.title')}</h1>
        <p className="nj-muted">{policy.updated}</p>
        <p>{policy.intro}</p>
        {policy.sections.map((section) => (
          <section key={section.title}>
            <h2>{section.title}</h2>
            {section.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </section>
        ))}
      </article>
    </div>
  );
}
