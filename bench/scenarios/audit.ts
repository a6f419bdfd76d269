import { sql, type Kysely } from 'kysely';
import { auditListQuery } from '../../packages/domain/src/audit/audit.schema.js';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { deepPage, type BenchEnv, type ModuleBench, type Query } from './types.js';

/**
 * The audit list query as apps/server/src/modules/audit/audit.routes.ts builds it (the route keeps
 * its query inline; keep the two in step until it moves into an exported repository function).
 */
function auditList(db: Kysely<DB>, query: Query) {
  const f = auditListQuery.parse(query);
  const filtered = () => {
    let q = db.selectFrom('audit_log');
    if (f.entity) q = q.where('entity', '=', f.entity);
    if (f.entityId) q = q.where('entity_id', '=', f.entityId);
    if (f.actorId) q = q.where('actor_id', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
    if (f.to) q = q.where('at', '<=', `${f.to}T23:59:59.999Z`);
    if (f.q) q = q.where((eb) => eb.or([eb('actor_name', '=', f.q!), eb('entity_id', '=', f.q!), eb('action', '=', f.q!)]));
    return q;
  };
  return Promise.all([
    filtered().selectAll().orderBy('id', f.sort === 'id' ? 'asc' : 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    filtered().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
}

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
    { name: 'audit-log: newest, p1', route: '/api/audit-log', as: 'leader', query: async () => ({ page: '1', pageSize: '50' }), sql: auditList },
    {
      name: 'audit-log: user logins, deep page',
      route: '/api/audit-log',
      as: 'leader',
      query: async (env) => ({ entity: 'user', action: 'login', page: String(deepPage(await countWhere(env, 'user', 'login'), 50)), pageSize: '50' }),
      sql: auditList,
    },
    { name: 'audit-log: one actor, p1', route: '/api/audit-log', as: 'admin', query: async (env) => ({ actorId: String(await busiestActor(env)), page: '1', pageSize: '50' }), sql: auditList },
  ],
  records: [],
  writes: [],
};
