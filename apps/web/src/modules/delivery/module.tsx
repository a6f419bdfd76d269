import { lazy } from 'react';
import { AuditOutlined, BookOutlined, DashboardOutlined, ProjectOutlined, ProjectFilled } from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';
import { registerApprovalEntity } from '../workbench';
import { expenseAction, decideChangeById } from './api';

// Expenses and customer change requests go through the shared approval component (docs/design.md §7).
registerApprovalEntity('expense', {
  labelKey: 'delivery.entities.expense',
  link: (id) => `/expenses?id=${id}`,
  decide: (id, decision, comment) => (decision === 'approve' ? expenseAction(id, 'approve', comment ? { comment } : {}) : expenseAction(id, 'reject', { reason: comment ?? '' })),
});
registerApprovalEntity('project_change', {
  labelKey: 'delivery.entities.projectChange',
  link: (id) => `/change-requests/${id}`,
  decide: (id, decision, comment) => decideChangeById(id, decision === 'approve' ? 'approve' : 'reject', comment),
});

/** Execution and delivery [3.2–3.3]: projects from signing to closing, expenses, the lessons knowledge base, the portfolio. */
export const deliveryModule: AppModule = {
  // Before sales (10): its read-only /projects pages yield to these.
  id: 'delivery',
  order: 9,
  group: { labelKey: 'delivery.menu.group', icon: <ProjectFilled /> },
  pages: [
    {
      path: '/projects',
      title: 'delivery.menu.projects',
      permission: 'project.read',
      component: lazy(() => import('./pages/ProjectsPage')),
      icon: <ProjectOutlined />,
      menu: { order: 1 },
      shortcut: 'delivery.shortcuts.projects',
    },
    { path: '/projects/:id', title: 'delivery.menu.projects', permission: 'project.read', component: lazy(() => import('./pages/ProjectDetailPage')) },
    { path: '/change-requests/:id', title: 'delivery.menu.projects', permission: 'project.read', component: lazy(() => import('./pages/ChangeRequestPage')) },
    {
      path: '/expenses',
      title: 'delivery.menu.expenses',
      permission: 'expense.read',
      component: lazy(() => import('./pages/ExpensesPage')),
      icon: <AuditOutlined />,
      menu: { order: 2 },
      shortcut: 'delivery.shortcuts.expenses',
    },
    {
      path: '/delivery/portfolio',
      title: 'delivery.menu.portfolio',
      permission: 'delivery-report.read',
      component: lazy(() => import('./pages/PortfolioPage')),
      icon: <DashboardOutlined />,
      menu: { order: 3 },
      shortcut: 'delivery.shortcuts.portfolio',
    },
    {
      path: '/lessons',
      title: 'delivery.menu.lessons',
      permission: 'lesson.read',
      component: lazy(() => import('./pages/LessonsPage')),
      icon: <BookOutlined />,
      menu: { order: 4 },
      shortcut: 'delivery.shortcuts.lessons',
    },
  ],
};
