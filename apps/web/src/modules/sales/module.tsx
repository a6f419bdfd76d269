import { lazy } from 'react';
import {
  BarChartOutlined,
  ContactsOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FormOutlined,
  FunnelPlotOutlined,
  GlobalOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { AppModule } from '../../app/module-types';
import { registerApprovalEntity } from '../workbench';
import { proposalAction } from './api';

// Proposal review is the first user of the shared approval component (docs/design.md §7).
registerApprovalEntity('proposal', {
  labelKey: 'sales.entities.proposal',
  link: (id) => `/proposals/${id}`,
  Summary: lazy(() => import('./components/ProposalApprovalSummary')),
  decide: (id, decision, comment) => proposalAction(id, decision, comment ? { comment } : {}),
});

/** Business intake [3.1]: customers and the pool, leads, needs analysis, proposals, contracts, and the pipeline. */
export const salesModule: AppModule = {
  id: 'sales',
  order: 10,
  group: { labelKey: 'sales.menu.group', icon: <ShopOutlined /> },
  pages: [
    {
      path: '/leads/new',
      title: 'sales.menu.registerLead',
      permission: 'lead.create',
      component: lazy(() => import('./pages/LeadRegisterPage')),
      icon: <FormOutlined />,
      menu: { order: 1 },
      shortcut: 'sales.shortcuts.registerLead',
    },
    {
      path: '/leads/evaluation',
      title: 'sales.menu.evaluation',
      permission: 'lead.evaluate',
      component: lazy(() => import('./pages/LeadEvaluationPage')),
      icon: <SolutionOutlined />,
      menu: { order: 2 },
      shortcut: 'sales.shortcuts.evaluation',
    },
    {
      path: '/leads',
      title: 'sales.menu.leads',
      permission: 'lead.read',
      component: lazy(() => import('./pages/LeadsPage')),
      icon: <ProfileOutlined />,
      menu: { order: 3 },
      shortcut: 'sales.shortcuts.leads',
    },
    { path: '/leads/:id', title: 'sales.menu.leads', permission: 'lead.read', component: lazy(() => import('./pages/LeadDetailPage')) },
    {
      path: '/customers',
      title: 'sales.menu.customers',
      permission: 'customer.read',
      component: lazy(() => import('./pages/CustomersPage')),
      icon: <ContactsOutlined />,
      menu: { order: 4 },
      shortcut: 'sales.shortcuts.customers',
    },
    {
      path: '/customers/pool',
      title: 'sales.menu.pool',
      permission: 'customer.claim',
      component: lazy(() => import('./pages/CustomerPoolPage')),
      icon: <GlobalOutlined />,
      menu: { order: 5 },
      shortcut: 'sales.shortcuts.pool',
    },
    { path: '/customers/:id', title: 'sales.menu.customers', permission: 'customer.read', component: lazy(() => import('./pages/CustomerDetailPage')) },
    {
      path: '/proposals',
      title: 'sales.menu.proposals',
      permission: 'proposal.read',
      component: lazy(() => import('./pages/ProposalsPage')),
      icon: <FileTextOutlined />,
      menu: { order: 6 },
      shortcut: 'sales.shortcuts.proposals',
    },
    { path: '/proposals/new', title: 'sales.menu.proposals', permission: 'proposal.create', component: lazy(() => import('./pages/ProposalEditPage')) },
    { path: '/proposals/:id', title: 'sales.menu.proposals', permission: 'proposal.read', component: lazy(() => import('./pages/ProposalDetailPage')) },
    { path: '/proposals/:id/edit', title: 'sales.menu.proposals', permission: 'proposal.create', component: lazy(() => import('./pages/ProposalEditPage')) },
    {
      path: '/contracts',
      title: 'sales.menu.contracts',
      permission: 'contract.read',
      component: lazy(() => import('./pages/ContractsPage')),
      icon: <FileDoneOutlined />,
      menu: { order: 7 },
      shortcut: 'sales.shortcuts.contracts',
    },
    { path: '/contracts/new', title: 'sales.menu.contracts', permission: 'contract.create', component: lazy(() => import('./pages/ContractEditPage')) },
    { path: '/contracts/:id', title: 'sales.menu.contracts', permission: 'contract.read', component: lazy(() => import('./pages/ContractDetailPage')) },
    { path: '/contracts/:id/edit', title: 'sales.menu.contracts', permission: 'contract.create', component: lazy(() => import('./pages/ContractEditPage')) },
    {
      path: '/sales/kanban',
      title: 'sales.menu.kanban',
      permission: 'lead.read',
      roles: ['manager', 'deputy', 'pm', 'specialist', 'leader'],
      component: lazy(() => import('./pages/PipelineKanbanPage')),
      icon: <BarChartOutlined />,
      menu: { order: 8 },
      shortcut: 'sales.shortcuts.kanban',
    },
    {
      path: '/sales/funnel',
      title: 'sales.menu.funnel',
      permission: 'pipeline.read',
      component: lazy(() => import('./pages/FunnelPage')),
      icon: <FunnelPlotOutlined />,
      menu: { order: 9 },
      shortcut: 'sales.shortcuts.funnel',
    },
  ],
};
