import { Button, NavBar, Result } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function ComingSoonPage({ titleKey, textKey }: { titleKey: string; textKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <NavBar backIcon={false} style={{ background: '#fff' }}>
        {t(titleKey)}
      </NavBar>
      <Result status="waiting" title={t('soon.title')} description={t(textKey)} style={{ margin: 12, borderRadius: 12 }} />
      <div style={{ padding: '0 24px' }}>
        <Button block size="large" onClick={() => navigate('/')}>
          {t('soon.home')}
        </Button>
      </div>
    </>
  );
}
