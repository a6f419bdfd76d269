import { lazy } from 'react';
import { ApartmentOutlined, ClusterOutlined, KeyOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';

/** Organisation and access [2]: departments, people, roles, API tokens. */
export const orgModule: AppModule = {
  id: 'org',
  order: 20,
  group: { labelKey: 'menu.org', icon: <ClusterOutlined /> },
  pages: [
    {
      path: '/org/departments',
      title: 'menu.departments',
      permission: 'department.read',
      component: lazy(() => import('./pages/DepartmentsPage')),
      icon: <ApartmentOutlined />,
      menu: { order: 1 },
      shortcut: ({ can }) => (can('department.update') ? 'home.shortcuts.departmentsAdmin' : 'home.shortcuts.departments'),
    },
    {
      path: '/org/users',
      title: ({ can }) => (can('user.create') ? 'menu.users' : 'menu.directory'),
      permission: 'user.read',
      component: lazy(() => import('./pages/UsersPage')),
      icon: <TeamOutlined />,
      menu: { order: 2 },
      shortcut: ({ can }) => (can('user.create') ? 'home.shortcuts.usersAdmin' : 'home.shortcuts.users'),
    },
    {
      path: '/org/users/:id',
      title: 'users.employee.title',
      permission: 'user.read',
      component: lazy(() => import('./pages/EmployeePage')),
    },
    {
      path: '/org/roles',
      title: 'menu.roles',
      permission: 'role.read',
      component: lazy(() => import('./pages/RolesPage')),
      icon: <SafetyCertificateOutlined />,
      menu: { order: 3 },
      shortcut: 'home.shortcuts.roles',
    },
    {
      path: '/org/api-tokens',
      title: 'menu.tokens',
      permission: 'token.read',
      component: lazy(() => import('./pages/TokensPage')),
      icon: <KeyOutlined />,
      menu: { order: 4 },
      shortcut: 'home.shortcuts.tokens',
    },
  ],
};
