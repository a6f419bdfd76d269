import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';

/** The tamper-evident audit log [1]: who did what, when, before and after. */
export const auditModule: AppModule = {
  id: 'audit',
  order: 90,
  pages: [
    {
      path: '/audit-log',
      title: 'menu.audit',
      permission: 'audit.read',
      component: lazy(() => import('./pages/AuditLogPage')),
      icon: <AuditOutlined />,
      menu: { order: 1 },
      shortcut: 'home.shortcuts.audit',
    },
  ],
};
