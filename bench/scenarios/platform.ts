import { sql } from 'kysely';
import { approvalListQuery } from '../../packages/domain/src/approvals/approval.schema.js';
import { notificationListQuery } from '../../packages/domain/src/notify/notify.schema.js';
import { listMine } from '../../apps/server/src/modules/approvals/approvals.service.js';
import { listMyNotifications } from '../../apps/server/src/modules/notifications/notifications.service.js';
import { listPolicies } from '../../apps/server/src/modules/policies/policies.service.js';
import { deepPage, type BenchEnv, type ModuleBench } from './types.js';

/** The manager's inbox and approvals are the largest: they approve most submissions. */
async function managerCount(env: BenchEnv, table: 'notifications' | 'approvals'): Promise<number> {
  const manager = await env.db.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const q =
    table === 'notifications'
      ? env.db.selectFrom('notifications').select(sql<number>`count(*)`.as('n')).where('user_id', '=', manager.id)
      : env.db.selectFrom('approvals as a').select(sql<number>`count(*)`.as('n')).where('a.status', '=', 'pending').where((eb) => eb.exists(eb.selectFrom('approval_steps as p').select('p.id').whereRef('p.approval_id', '=', 'a.id').whereRef('p.step_no', '=', 'a.current_step').where('p.approver_id', '=', manager.id).where('p.decision', 'is', null)));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const platformBench: ModuleBench = {
  module: 'platform',
  lists: [
    { name: 'policies (all, values in force)', route: '/api/policies', as: 'manager', query: async () => ({}), sql: (db, _q, x) => listPolicies(x.deps, db, x.meta) },
    { name: 'notifications: my inbox, p1', route: '/api/notifications', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }), sql: (db, q, x) => listMyNotifications(db, x.meta, notificationListQuery.parse(q)) },
    {
      name: 'notifications: my inbox, deep page',
      route: '/api/notifications',
      as: 'manager',
      query: async (env) => ({ page: String(deepPage(await managerCount(env, 'notifications'), 20)), pageSize: '20' }),
      sql: (db, q, x) => listMyNotifications(db, x.meta, notificationListQuery.parse(q)),
    },
    { name: 'approvals: awaiting me, p1', route: '/api/approvals', as: 'manager', query: async () => ({ mine: 'pending', page: '1', pageSize: '20' }), sql: (db, q, x) => listMine(db, x.meta, approvalListQuery.parse(q)) },
    { name: 'approvals: copied to me, p1', route: '/api/approvals', as: 'hr', query: async () => ({ mine: 'cc', page: '1', pageSize: '20' }), sql: (db, q, x) => listMine(db, x.meta, approvalListQuery.parse(q)) },
  ],
  records: [],
  writes: [],
  load: async () => [
    { name: 'unread count', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications/unread-count' }) },
    { name: 'my inbox', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/notifications?page=1&pageSize=20' }) },
  ],
};
