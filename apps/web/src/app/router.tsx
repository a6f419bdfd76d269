import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { PAGES } from './modules';
import { PageGate, RequireAuth } from './route-guards';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { LoginPage } from '../modules/org/pages/LoginPage';
import { publicAppraisalRoutes } from '../modules/appraisal/public-routes';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  ...publicAppraisalRoutes,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      ...PAGES.map(({ page }) => ({ path: page.path, element: <PageGate page={page} />, errorElement: <RouteErrorPage /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
