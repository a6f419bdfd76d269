import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { ProConfigProvider } from '@ant-design/pro-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from './auth-context';
import { componentLocale } from './antd-locale';
import { currentLocale } from './i18n';
import { queryClient } from './query-client';
import { router } from './router';
import { themeFor } from './theme';

export function App() {
  useTranslation(); // re-render on language change
  const locale = currentLocale();
  const { antd, pro } = useMemo(() => componentLocale(locale), [locale]);
  const theme = useMemo(() => themeFor(locale), [locale]);
  return (
    <ConfigProvider locale={antd} theme={theme}>
      <ProConfigProvider intl={pro}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <AuthProvider>
              <RouterProvider router={router} />
            </AuthProvider>
          </QueryClientProvider>
        </AntApp>
      </ProConfigProvider>
    </ConfigProvider>
  );
}
