import { Button, NavBar, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** A link with nothing behind it: says so, and offers the way home (no "coming soon" dead end). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ background: '#fff' }}>
        {t('notFound.title')}
      </NavBar>
      <Result status="warning" title={t('notFound.title')} description={t('notFound.detail')} className="nj-result" data-testid="not-found" />
      <div style={{ padding: '0 24px' }}>
        <Button block color="primary" size="large" onClick={() => navigate('/')}>
          {t('notFound.home')}
        </Button>
      </div>
    </>
  );
}
