import { useEffect, useState } from 'react';
import { Drawer, Layout } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../shared/hooks/useIsMobile';
import { useAccess } from '../../shared/hooks/useAccess';
import { findPage } from '../modules';
import { resolveKey } from '../module-types';
import { AppBreadcrumb } from './AppBreadcrumb';
import { Brand } from './Brand';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

const COLLAPSED_KEY = 'yunying.menuCollapsed';

/** Side menu (a drawer under 768 px), header with language and user menu, breadcrumbs, the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const access = useAccess();
  const isMobile = useIsMobile();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  useEffect(() => setDrawerOpen(false), [pathname, isMobile]);

  const entry = findPage(pathname);
  const pageTitle = entry ? t(resolveKey(entry.page.title, access)) : null;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - ${t('app.brandFull')}` : t('app.brandFull');
  }, [pageTitle, t]);

  const toggleCollapsed = () => {
    setCollapsed((value) => {
      localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      return !value;
    });
  };

  return (
    <Layout className="app-shell" hasSider={!isMobile}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={264}
          closable={false}
          className="menu-drawer"
          data-testid="menu-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand />
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        // The track paints the menu colour down the whole page; the sider inside stays in view.
        <div className="app-sider-track">
          <Layout.Sider width={220} collapsedWidth={64} collapsed={collapsed} trigger={null} className="app-sider">
            <Brand collapsed={collapsed} />
            <SideMenu collapsed={collapsed} />
          </Layout.Sider>
        </div>
      )}
      <Layout className="app-main">
        <HeaderBar isMobile={isMobile} collapsed={collapsed} onToggleCollapsed={toggleCollapsed} onOpenDrawer={() => setDrawerOpen(true)} />
        <Layout.Content className="app-content">
          <AppBreadcrumb />
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
    </Layout>
  );
}
