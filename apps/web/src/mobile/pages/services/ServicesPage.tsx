import { NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

type Entry = { key: string; title: string; text: string; icon: string; to?: string; href?: string };

/** 服务 (/m/services): what the union offers here now; entries appear as their modules arrive (no dead ends). */
export function ServicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const entries: Entry[] = [
    { key: 'legal', title: t('legal.services.legal'), text: t('legal.services.legalText'), icon: '⚖️', to: '/legal' },
    { key: 'hotline', title: t('legal.services.hotline'), text: t('legal.services.hotlineText'), icon: '☎️', href: 'tel:12351' },
  ];
  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }}>
        {t('legal.services.title')}
      </NavBar>
      <ul style={{ listStyle: 'none', margin: 0, padding: '4px 0' }}>
        {entries.map((e) => (
          <li key={e.key} className="nj-section" style={{ margin: '8px 12px' }}>
            {e.href ? (
              <a href={e.href} style={{ display: 'flex', gap: 14, alignItems: 'center', padding: 16, color: 'inherit', textDecoration: 'none', minHeight: 44 }}>
                <span style={{ fontSize: 28 }} aria-hidden>
                  {e.icon}
                </span>
                <span>
                  <strong style={{ fontSize: 17, display: 'block' }}>{e.title}</strong>
                  <span className="nj-muted">{e.text}</span>
                </span>
              </a>
            ) : (
              <button type="button" onClick={() => navigate(e.to!)} data-testid={`service-${e.key}`} style={{ display: 'flex', gap: 14, alignItems: 'center', padding: 16, width: '100%', background: 'none', border: 0, font: 'inherit', color: 'inherit', textAlign: 'left', cursor: 'pointer', minHeight: 44 }}>
                <span style={{ fontSize: 28 }} aria-hidden>
                  {e.icon}
                </span>
                <span>
                  <strong style={{ fontSize: 17, display: 'block' }}>{e.title}</strong>
                  <span className="nj-muted">{e.text}</span>
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
