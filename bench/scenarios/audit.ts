import { sql } from 'kysely';
import { deepPage, type BenchEnv, type ModuleBench } from './types.js';

async function countWhere(env: BenchEnv, entity: string, action: string): Promise<number> {
  const row = await env.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).where('entity', '=', entity).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function busiestActor(env: BenchEnv): Promise<number> {
  const row = await env.db.selectFrom('audit_log').select(['actor_id', sql<number>`count(*)`.as('n')]).where('actor_id', 'is not', null).groupBy('actor_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.actor_id!;
}

export const auditBench: ModuleBench = {
  module: 'audit',
  lists: [
    { name: 'audit-log: newest, p1', route: '/api/audit-log', as: 'leader', query: async () => ({ page: '1', pageSize: '50' }) },
    {
      name: 'audit-log: user logins, deep page',
      route: '/api/audit-log',
      as: 'leader',
      query: async (env) => ({ entity: 'user', action: 'login', page: String(deepPage(await countWhere(env, 'user', 'login'), 50)), pageSize: '50' }),
    },
    { name: 'audit-log: one actor, p1', route: '/api/audit-log', as: 'admin', query: async (env) => ({ actorId: String(await busiestActor(env)), page: '1', pageSize: '50' }) },
  ],
  records: [],
  writes: [],
};
