import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from '../shared/session';

const PublicPositionPage = lazy(() =>
  import('./PublicPositionPage').then((m) => ({
    default: m.PublicPositionPage,
  })),
);
const SignPage = lazy(() => import('./SignPage').then((m) => ({ default: m.SignPage })));

/**
 * The signage face (/p): a position's public page (/p/:code, what the QR code at the door opens)
 * and its printable A4 sign (/p/:code/sign). No sign-in needed; rating and reporting ask for one.
 */
export function SignageApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <BrowserRouter basename="/p">
        <SessionProvider>
          <Suspense
            fallback={
              <div
                style={{
                  display: 'flex',
                  justifyContent: 'center',
                  padding: 48,
                  fontSize: 24,
                  color: '#c8102e',
                }}
              >
                <DotLoading color="currentColor" />
              </div>
            }
          >
            <Routes>
              <Route path=":code" element={<PublicPositionPage />} />
              <Route path=":code/sign" element={<SignPage />} />
              <Route path="*" element={<p style={{ padding: 24 }}>{i18n.language === 'en' ? 'Scan the code on a station’s sign.' : '请扫描驿站门牌上的二维码。'}</p>} />
            </Routes>
          </Suspense>
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}
