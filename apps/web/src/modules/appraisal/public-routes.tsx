import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { PageLoading } from '../../shared/components/PageLoading';
import { RouteErrorPage } from '../../app/pages/RouteErrorPage';

const CustomerReviewPage = lazy(() => import('./pages/CustomerReviewPage'));

/** Pages without an account: the customer review form a signed link opens. */
export const publicAppraisalRoutes: RouteObject[] = [
  {
    path: '/review/:token',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <CustomerReviewPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
];
