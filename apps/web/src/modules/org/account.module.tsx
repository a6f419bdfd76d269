import { lazy } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';

/** The signed-in user's own account: profile and password (reached from the user menu). */
export const accountModule: AppModule = {
  id: 'account',
  order: 95,
  pages: [
    {
      path: '/profile',
      title: 'menu.profile',
      icon: <UserOutlined />,
      permission: 'profile.read',
      component: lazy(() => import('./pages/ProfilePage')),
      shortcut: 'home.shortcuts.profile',
    },
    {
      path: '/change-password',
      title: 'menu.changePassword',
      icon: <LockOutlined />,
      permission: 'profile.update',
      component: lazy(() => import('./pages/ChangePasswordPage')),
    },
  ],
};
