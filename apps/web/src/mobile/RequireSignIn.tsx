import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../shared/session';
import { MOBILE_BASENAME, PageLoading } from './MobileApp';
import { ErrorNotice } from './pages/ErrorNotice';

/** Pages that need a signed-in worker: signed out → phone-code sign-in, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status, error } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading />;
  if (status === 'error') {
    return (
      <div style={{ padding: 12 }}>
        <ErrorNotice error={error} />
      </div>
    );
  }
  if (status === 'signedOut') {
    const next = encodeURIComponent(MOBILE_BASENAME + location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
