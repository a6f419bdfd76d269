import { Suspense, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context';
import { canSee, type ModulePage } from './module-types';
import { useAccess } from '../shared/hooks/useAccess';
import { PageLoading } from '../shared/components/PageLoading';
import { LoadError } from '../shared/components/LoadError';
import { ForcedPasswordPage } from '../modules/org/pages/ForcedPasswordPage';

/** Signed-in users only; a user holding a temporary password must replace it first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <PageLoading fullScreen />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  if (state.status === 'anonymous') {
    const redirect = `${location.pathname}${location.search}`;
    const query = redirect === '/' ? '' : `?redirect=${encodeURIComponent(redirect)}`;
    return <Navigate to={`/login${query}`} replace state={{ expired: state.expired }} />;
  }
  if (state.user.mustChangePassword) return <ForcedPasswordPage />;
  return children;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenBody')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Renders a module page when the user may see it. */
export function PageGate({ page }: { page: ModulePage }) {
  const access = useAccess();
  if (!canSee(page, access)) return <Forbidden />;
  const Page = page.component;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
