import type { BenchEnv, ListScenario, ModuleBench } from './types.js';

/** A project to list under, or null while the dataset has no projects. */
async function busiestProject(env: BenchEnv): Promise<Record<string, string> | null> {
  const row = await env.db.selectFrom('projects').select('id').orderBy('id').limit(1).executeTakeFirst();
  return row ? { id: String(row.id) } : null;
}

const nested = ['members', 'milestones', 'tasks', 'progress-reports', 'issues', 'change-requests', 'expenses', 'acceptances', 'invoices', 'payments', 'documents'];

/**
 * Delivery lists. The dataset has no delivery part yet (DESIGN §10: 20,000 projects at L): until
 * bench/dataset/delivery.ts exists the lists under a project are skipped, and say so.
 */
export const deliveryBench: ModuleBench = {
  module: 'delivery',
  lists: [
    { name: 'projects, p1', route: '/api/projects', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'expenses, p1', route: '/api/expenses', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'lessons learned', route: '/api/lessons', as: 'manager', query: async () => ({}) },
    ...nested.map((list): ListScenario => ({ name: `project ${list}`, route: `/api/projects/:id/${list}`, as: 'manager', params: busiestProject, query: async () => ({}) })),
  ],
  records: [],
  writes: [],
};
