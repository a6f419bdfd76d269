import { useMemo, useState } from 'react';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../shared/hooks/useAccess';
import { MODULES, findPage } from '../modules';
import { buildMenuItems, groupKey } from './menu-items';

type Props = { collapsed?: boolean; onNavigate?: () => void };

export function SideMenu({ collapsed = false, onNavigate }: Props) {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = findPage(pathname);
  const items = useMemo(() => buildMenuItems(access, t), [access, t]);
  // Few groups: all start open so every entry is one click away.
  const [openKeys, setOpenKeys] = useState<string[]>(() => MODULES.filter((m) => m.group).map((m) => groupKey(m.id)));

  return (
    <Menu
      theme="dark"
      mode="inline"
      className="side-menu"
      data-testid="side-menu"
      items={items}
      selectedKeys={current ? [current.page.path] : []}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
