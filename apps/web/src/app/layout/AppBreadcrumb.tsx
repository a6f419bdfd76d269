import type { ReactNode } from 'react';
import { Breadcrumb } from 'antd';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../shared/hooks/useAccess';
import { findPage } from '../modules';
import { resolveKey } from '../module-types';

/** Home / module group / page, from the module registry. */
export function AppBreadcrumb() {
  const { t } = useTranslation();
  const access = useAccess();
  const { pathname } = useLocation();
  const entry = findPage(pathname);
  const items: { title: ReactNode }[] = [{ title: pathname === '/' ? t('menu.home') : <Link to="/">{t('menu.home')}</Link> }];
  if (entry && entry.page.path !== '/') {
    if (entry.module.group) items.push({ title: t(entry.module.group.labelKey) });
    items.push({ title: t(resolveKey(entry.page.title, access)) });
  }
  return <Breadcrumb className="app-breadcrumb" items={items} />;
}
