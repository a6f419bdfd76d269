import { sql } from 'kysely';
import { INDUSTRIES } from '../../packages/domain/src/sales/customer.schema.js';
import { roleHas } from '../../packages/domain/src/shared/permissions.js';
import type { Role } from '../../packages/domain/src/shared/roles.js';
import { deepPage, type BenchEnv, type LoadRequest, type LoadUser, type ModuleBench } from './types.js';

async function count(env: BenchEnv, table: 'customers' | 'leads' | 'proposals' | 'contracts'): Promise<number> {
  return Number((await env.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

async function first(env: BenchEnv, role: Role): Promise<number> {
  return (await env.db.selectFrom('users').select('id').where('role', '=', role).where('active', '=', 1).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
}

/** The industry with the most customers: the peer scenario's filter. */
async function busiestIndustry(env: BenchEnv): Promise<string> {
  const row = await env.db.selectFrom('customers').select(['industry', sql<number>`count(*)`.as('n')]).groupBy('industry').orderBy('n', 'desc').limit(1).executeTakeFirst();
  return row?.industry ?? INDUSTRIES[0];
}

/** A customer nobody the bench signs in as owns (so writes by sessions never collide with the mixed load's). */
async function bystanderCustomer(env: BenchEnv) {
  const rows = await env.db.selectFrom('customers').select(['id', 'version', 'owner_id']).orderBy('id', 'desc').limit(50).execute();
  const row = rows.find((r) => r.owner_id === null || !env.sessionUserIds.has(r.owner_id));
  if (!row) throw new Error('the dataset has no customers');
  return row;
}

async function recordOf(env: BenchEnv, table: 'leads' | 'proposals' | 'contracts', status: string): Promise<number> {
  const row = await env.db.selectFrom(table).select('id').where('status', '=', status).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) throw new Error(`the dataset has no ${table} in status ${status}`);
  return row.id;
}

const pick = <T>(rng: { pick: (xs: readonly T[]) => T }, xs: readonly T[], fallback: T): T => (xs.length ? rng.pick(xs) : fallback);

/**
 * Sales lists as the manager sees them (the whole department) on docs/design.md §10's 50,000 customers and
 * 200,000 leads; records, transitions, docs/design.md §10's peer scenario and the sales share of the mixed load.
 */
export const salesBench: ModuleBench = {
  module: 'sales',
  lists: [
    { name: 'customers: industry, sort -createdAt, p1', route: '/api/customers', as: 'manager', query: async () => ({ industry: 'it', sort: '-createdAt', page: '1', pageSize: '20' }) },
    { name: 'customers: sort -createdAt, deep page', route: '/api/customers', as: 'manager', query: async (env) => ({ sort: '-createdAt', page: String(deepPage(await count(env, 'customers'), 20)), pageSize: '20' }) },
    { name: 'customer pool, p1', route: '/api/customers/pool', as: 'specialist', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'leads: registered, p1', route: '/api/leads', as: 'manager', query: async () => ({ status: 'registered', page: '1', pageSize: '20' }) },
    { name: 'leads: deep page', route: '/api/leads', as: 'manager', query: async (env) => ({ page: String(deepPage(await count(env, 'leads'), 20)), pageSize: '20' }) },
    { name: 'proposals: in review, p1', route: '/api/proposals', as: 'manager', query: async () => ({ status: 'in_review', page: '1', pageSize: '20' }) },
    { name: 'proposals: deep page', route: '/api/proposals', as: 'manager', query: async (env) => ({ page: String(deepPage(await count(env, 'proposals'), 20)), pageSize: '20' }) },
    { name: 'contracts: active, p1', route: '/api/contracts', as: 'manager', query: async () => ({ status: 'active', page: '1', pageSize: '20' }) },
    { name: 'contracts: deep page', route: '/api/contracts', as: 'manager', query: async (env) => ({ page: String(deepPage(await count(env, 'contracts'), 20)), pageSize: '20' }) },
    { name: 'my work (manager)', route: '/api/my-work', as: 'manager', query: async () => ({}) },
  ],
  records: [
    { name: 'customer by id (with contacts)', route: '/api/customers/:id', as: 'manager', path: async (env) => `/api/customers/${(await bystanderCustomer(env)).id}` },
    { name: 'lead by id', route: '/api/leads/:id', as: 'manager', path: async (env) => `/api/leads/${await recordOf(env, 'leads', 'converted')}` },
    { name: 'proposal by id', route: '/api/proposals/:id', as: 'manager', path: async (env) => `/api/proposals/${await recordOf(env, 'proposals', 'accepted')}` },
    { name: 'contract by id', route: '/api/contracts/:id', as: 'manager', path: async (env) => `/api/contracts/${await recordOf(env, 'contracts', 'active')}` },
  ],
  writes: [
    {
      // Marketing sees none of the sellers' customers: it names the company, which is matched to the existing customer.
      name: 'POST lead (existing customer, by name)',
      route: 'POST /api/leads',
      as: 'marketing',
      expect: 201,
      next: async (env, i) => {
        const { id } = await bystanderCustomer(env);
        const c = await env.db.selectFrom('customers').select(['name', 'uscc', 'industry', 'region']).where('id', '=', id).executeTakeFirstOrThrow();
        const newCustomer = { name: c.name, industry: c.industry as (typeof INDUSTRIES)[number], region: c.region, ...(c.uscc ? { uscc: c.uscc } : {}) };
        return { method: 'POST', path: '/api/leads', body: { title: `压测线索 ${env.runId}-${i}`, channel: 'marketing_campaign', newCustomer, needs: '希望了解数据平台建设方案。', expectedValueFen: 50_000_000, urgency: 'normal' } };
      },
    },
    {
      // Runs after the POSTs above: each request evaluates the newest lead still awaiting evaluation.
      name: 'lead evaluate (accept | reject)',
      route: 'POST /api/leads/:id/actions/evaluate',
      as: 'manager',
      expect: 200,
      next: async (env, i) => ({
        method: 'POST',
        path: `/api/leads/${await recordOf(env, 'leads', 'registered')}/actions/evaluate`,
        body: i % 3 === 2 ? { decision: 'reject', reason: '不在公司业务范围内' } : { decision: 'accept' },
      }),
    },
    {
      name: 'PATCH customer (note)',
      route: 'PATCH /api/customers/:id',
      as: 'manager',
      expect: 200,
      next: async (env, i) => {
        const c = await bystanderCustomer(env);
        return { method: 'PATCH', path: `/api/customers/${c.id}`, body: { version: c.version, note: `压测回访记录 ${env.runId}-${i}` } };
      },
    },
  ],
  peer: {
    name: 'customers?industry=…&sort=-createdAt (with total)',
    as: 'manager',
    list: async (env) => `/api/customers?industry=${await busiestIndustry(env)}&sort=-createdAt&page=1&pageSize=20`,
    record: async (env) => `/api/customers/${(await bystanderCustomer(env)).id}`,
  },
  load: async (env) => {
    const owned = new Map<number, { id: number; version: number }[]>();
    for (const r of await env.db.selectFrom('customers').select(['id', 'version', 'owner_id']).where('owner_id', 'is not', null).execute()) {
      owned.set(r.owner_id!, [...(owned.get(r.owner_id!) ?? []), { id: r.id, version: r.version }]);
    }
    const pooled = (await env.db.selectFrom('customers').select('id').where('owner_id', 'is', null).orderBy('id', 'desc').limit(2000).execute()).map((r) => r.id);
    const recent = (await env.db.selectFrom('customers').select('id').orderBy('id', 'desc').limit(5000).execute()).map((r) => r.id);
    const manager = await first(env, 'manager');
    const can = (u: LoadUser, permission: Parameters<typeof roleHas>[1]) => roleHas(u.role as Role, permission);
    const all = (u: LoadUser) => u.role === 'manager' || u.role === 'leader';
    /** A customer the user may see: their own, one from the pool, or (manager, leader) any. */
    const visibleCustomer = (u: LoadUser, rng: Parameters<LoadRequest['build']>[1]) => (all(u) ? pick(rng, recent, 1) : owned.get(u.userId)?.length && rng.chance(0.7) ? rng.pick(owned.get(u.userId)!).id : pick(rng, pooled, pick(rng, recent, 1)));
    const leadsList = (rng: Parameters<LoadRequest['build']>[1]) => `/api/leads?${rng.chance(0.5) ? `status=${rng.pick(['registered', 'assigned', 'analyzed'])}&` : ''}page=1&pageSize=20`;
    const fallbackRead = '/api/notifications/unread-count';
    return [
      {
        name: 'customers by industry',
        kind: 'read',
        weight: 3,
        build: (u, rng) => ({ method: 'GET', path: can(u, 'customer.read') ? `/api/customers?industry=${rng.pick(INDUSTRIES)}&sort=-createdAt&page=1&pageSize=20` : can(u, 'lead.read') ? leadsList(rng) : fallbackRead }),
      },
      { name: 'customer by id', kind: 'read', weight: 3, build: (u, rng) => ({ method: 'GET', path: can(u, 'customer.read') ? `/api/customers/${visibleCustomer(u, rng)}` : fallbackRead }) },
      { name: 'leads list', kind: 'read', weight: 2, build: (u, rng) => ({ method: 'GET', path: can(u, 'lead.read') ? leadsList(rng) : fallbackRead }) },
      {
        // Each user edits a customer they own (the runner carries the version each answer gives); others register a lead.
        name: 'PATCH my customer | register a lead',
        kind: 'write',
        weight: 2,
        build: (u, rng) => {
          const mine = owned.get(u.userId);
          const c = mine?.length ? rng.pick(mine) : null;
          if (c && can(u, 'customer.update')) return { method: 'PATCH', path: `/api/customers/${c.id}`, body: { version: c.version, note: `回访记录（${u.userId}）` } };
          return { method: 'POST', path: '/api/leads', body: { title: `客户来电咨询（${u.userId}）`, channel: 'other', customerId: visibleCustomer(u, rng), needs: '客户来电咨询系统升级方案。', urgency: 'normal' } };
        },
      },
      { name: 'leads awaiting the manager', kind: 'read', weight: 1, build: (u) => ({ method: 'GET', path: u.userId === manager ? '/api/leads?status=registered&page=1&pageSize=20' : '/api/my-work' }) },
    ];
  },
};
