import { sql } from 'kysely';
import { deepPage, type BenchEnv, type ModuleBench } from './types.js';

async function count(env: BenchEnv, table: 'customers' | 'leads'): Promise<number> {
  return Number((await env.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * Sales lists as the manager sees them (the whole department). The dataset has no sales part
 * yet: until bench/dataset/sales.ts generates DESIGN §10's 50,000 customers and 200,000 leads,
 * these measure the query plans on empty tables.
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
    { name: 'contracts: active, p1', route: '/api/contracts', as: 'manager', query: async () => ({ status: 'active', page: '1', pageSize: '20' }) },
    { name: 'my work (manager)', route: '/api/my-work', as: 'manager', query: async () => ({}) },
  ],
  records: [],
  writes: [],
};
