import { lazy } from 'react';
import { AuditOutlined, CarryOutOutlined, DesktopOutlined, NotificationOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';

/** The personal workbench: what waits for me, my approvals, my notifications (docs/design.md §7). */
export const workbenchModule: AppModule = {
  id: 'workbench',
  order: 5,
  group: { labelKey: 'workbench.menu.group', icon: <DesktopOutlined /> },
  pages: [
    {
      path: '/my-work',
      title: 'workbench.menu.myWork',
      component: lazy(() => import('./pages/MyWorkPage')),
      icon: <CarryOutOutlined />,
      menu: { order: 1 },
      shortcut: 'workbench.shortcuts.myWork',
    },
    {
      path: '/approvals',
      title: 'workbench.menu.approvals',
      permission: 'approval.read',
      component: lazy(() => import('./pages/ApprovalsPage')),
      icon: <AuditOutlined />,
      menu: { order: 2 },
      shortcut: 'workbench.shortcuts.approvals',
    },
    { path: '/approvals/:id', title: 'workbench.menu.approvals', permission: 'approval.read', component: lazy(() => import('./pages/ApprovalDetailPage')) },
    {
      path: '/notifications',
      title: 'workbench.menu.notifications',
      permission: 'notification.read',
      component: lazy(() => import('./pages/NotificationsPage')),
      icon: <NotificationOutlined />,
      menu: { order: 3 },
      shortcut: 'workbench.shortcuts.notifications',
    },
  ],
};
