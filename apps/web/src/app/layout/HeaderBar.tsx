import { Button, Flex, Layout } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch';
import { UserMenu } from './UserMenu';
import { NotificationBell } from '../../modules/workbench/components/NotificationBell';

type Props = {
  isMobile: boolean;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  onOpenDrawer: () => void;
};

export function HeaderBar({ isMobile, collapsed, onToggleCollapsed, onOpenDrawer }: Props) {
  const { t } = useTranslation();
  return (
    <Layout.Header className="app-header">
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {isMobile ? (
          <>
            <Button type="text" icon={<MenuOutlined />} onClick={onOpenDrawer} aria-label={t('menu.openMenu')} data-testid="open-menu" />
            <span className="header-brand">{t('app.brandFull')}</span>
          </>
        ) : (
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={onToggleCollapsed}
            aria-label={collapsed ? t('menu.expand') : t('menu.collapse')}
          />
        )}
      </Flex>
      <Flex align="center" gap={isMobile ? 4 : 12}>
        <NotificationBell />
        <LanguageSwitch compact={isMobile} />
        <UserMenu compact={isMobile} />
      </Flex>
    </Layout.Header>
  );
}
