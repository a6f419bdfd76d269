import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { MODULES } from '../modules';
import { canSee, resolveKey, type Access } from '../module-types';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function groupKey(moduleId: string): string {
  return `group:${moduleId}`;
}

/** The side menu: each module's visible pages, in a group when the module has one. */
export function buildMenuItems(access: Access, t: TFunction): MenuItem[] {
  const items: MenuItem[] = [];
  for (const module of MODULES) {
    const pages = module.pages
      .filter((page) => page.menu && canSee(page, access))
      .sort((a, b) => (a.menu?.order ?? 0) - (b.menu?.order ?? 0))
      .map((page) => ({ key: page.path, icon: page.icon, label: t(resolveKey(page.title, access)) }));
    if (pages.length === 0) continue;
    if (module.group) {
      items.push({ key: groupKey(module.id), icon: module.group.icon, label: t(module.group.labelKey), children: pages });
    } else {
      items.push(...pages);
    }
  }
  return items;
}
