import { sql } from 'kysely';
import { deepPage, type BenchEnv, type ModuleBench } from './types.js';

/** The manager's inbox is the largest: the manager approves most submissions. */
async function managerInbox(env: BenchEnv): Promise<number> {
  const manager = await env.db.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirstOrThrow();
  return Number((await env.db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).where('user_id', '=', manager.id).executeTakeFirstOrThrow()).n);
}

export const platformBench: ModuleBench = {
  module: 'platform',
  lists: [
    { name: 'policies (all, values in force)', route: '/api/policies', as: 'manager', query: async () => ({}) },
    { name: 'notifications: my inbox, p1', route: '/api/notifications', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    {
      name: 'notifications: my inbox, deep page',
      route: '/api/notifications',
      as: 'manager',
      query: async (env) => ({ page: String(deepPage(await managerInbox(env), 20)), pageSize: '20' }),
    },
    { name: 'approvals: awaiting me, p1', route: '/api/approvals', as: 'manager', query: async () => ({ mine: 'pending', page: '1', pageSize: '20' }) },
    { name: 'approvals: copied to me, p1', route: '/api/approvals', as: 'hr', query: async () => ({ mine: 'cc', page: '1', pageSize: '20' }) },
  ],
  records: [],
  writes: [],
  load: async () => [
    { name: 'unread count', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications/unread-count' }) },
    { name: 'my inbox', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications?page=1&pageSize=20' }) },
  ],
};
