import { useEffect, useMemo, useState } from 'react';
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../shared/hooks/useAccess';
import { findPage } from '../modules';
import { buildMenuItems, groupKey } from './menu-items';

type Props = { collapsed?: boolean; onNavigate?: () => void };

export function SideMenu({ collapsed = false, onNavigate }: Props) {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = findPage(pathname);
  const currentGroup = current?.module.group ? groupKey(current.module.id) : null;
  const items = useMemo(() => buildMenuItems(access, t), [access, t]);
  // The group of the page in view opens; groups the user opened stay open.
  const [openKeys, setOpenKeys] = useState<string[]>(() => (currentGroup ? [currentGroup] : []));
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  return (
    <Menu
      theme="dark"
      mode="inline"
      className="side-menu"
      data-testid="side-menu"
      items={items}
      forceSubMenuRender
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
