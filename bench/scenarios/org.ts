import { sql } from 'kysely';
import { mobile } from '../lib/chinese.js';
import { BENCH_PASSWORD } from '../dataset/types.js';
import { deepPage, type BenchEnv, type ModuleBench } from './types.js';

async function count(env: BenchEnv, role: string): Promise<number> {
  const row = await env.db.selectFrom('users').select(sql<number>`count(*)`.as('n')).where('role', '=', role).where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A user no session of the bench belongs to, of the given role. */
async function bystander(env: BenchEnv, role: string, offset = 0) {
  const rows = await env.db.selectFrom('users').select(['id', 'version', 'active']).where('role', '=', role).orderBy('id', 'desc').limit(20).execute();
  const free = rows.filter((r) => !env.sessionUserIds.has(r.id));
  const row = free[offset % free.length];
  if (!row) throw new Error(`no ${role} user outside the bench sessions`);
  return row;
}

async function departmentByCode(env: BenchEnv, code: string) {
  return env.db.selectFrom('departments').select(['id', 'version']).where('code', '=', code).executeTakeFirstOrThrow();
}

export const orgBench: ModuleBench = {
  module: 'org',
  lists: [
    {
      name: 'users: role+active, sort -hireDate, p1',
      route: '/api/users',
      as: 'manager',
      query: async () => ({ role: 'specialist', active: 'true', sort: '-hireDate', page: '1', pageSize: '20' }),
    },
    {
      name: 'users: role+active, sort -hireDate, deep page',
      route: '/api/users',
      as: 'manager',
      query: async (env) => ({ role: 'specialist', active: 'true', sort: '-hireDate', page: String(deepPage(await count(env, 'specialist'), 20)), pageSize: '20' }),
    },
    {
      name: 'users: search q=王, sort name, p1',
      route: '/api/users',
      as: 'hr',
      query: async () => ({ q: '王', sort: 'name', page: '1', pageSize: '20' }),
    },
    {
      name: 'departments: active, whole tree',
      route: '/api/departments',
      as: 'specialist',
      query: async () => ({ active: 'true' }),
    },
    {
      name: 'api tokens (all)',
      route: '/api/api-tokens',
      as: 'admin',
      query: async () => ({}),
    },
  ],
  records: [
    { name: 'user by id', route: '/api/users/:id', as: 'specialist', path: async (env) => `/api/users/${(await bystander(env, 'specialist')).id}` },
    { name: 'department by id', route: '/api/departments/:id', as: 'specialist', path: async (env) => `/api/departments/${(await departmentByCode(env, 'BIZ-1')).id}` },
  ],
  writes: [
    {
      name: 'PATCH user (title)',
      route: 'PATCH /api/users/:id',
      as: 'admin',
      expect: 200,
      next: async (env, i) => {
        const u = await bystander(env, 'specialist');
        return { method: 'PATCH', path: `/api/users/${u.id}`, body: { version: u.version, positionTitle: i % 2 ? '业务专员' : '高级业务专员' } };
      },
    },
    {
      name: 'user deactivate ⇄ activate',
      route: 'POST /api/users/:id/actions/(de)activate',
      as: 'hr',
      expect: 200,
      next: async (env) => {
        const u = await bystander(env, 'specialist', 1);
        return { method: 'POST', path: `/api/users/${u.id}/actions/${u.active === 1 ? 'deactivate' : 'activate'}`, body: { version: u.version } };
      },
    },
    {
      name: 'POST department',
      route: 'POST /api/departments',
      as: 'admin',
      expect: 201,
      next: async (env, i) => ({
        method: 'POST',
        path: '/api/departments',
        body: { name: `压测临时组-${env.runId}-${i}`, code: `T${env.runId}-${i}`, kind: 'business', parentId: (await departmentByCode(env, 'BIZ')).id, description: '压测创建' },
      }),
    },
    {
      name: 'PATCH department',
      route: 'PATCH /api/departments/:id',
      as: 'admin',
      expect: 200,
      next: async (env, i) => {
        const d = await departmentByCode(env, 'BIZ-2');
        return { method: 'PATCH', path: `/api/departments/${d.id}`, body: { version: d.version, description: `华南区域客户开拓与项目交付（第 ${i} 次修订）` } };
      },
    },
    {
      name: 'POST user (argon2 hash)',
      route: 'POST /api/users',
      as: 'hr',
      expect: 201,
      next: async (env, i) => ({
        method: 'POST',
        path: '/api/users',
        body: { username: `bench${env.runId}${i}`, name: `压测员工${i}`, role: 'specialist', password: BENCH_PASSWORD, departmentId: (await departmentByCode(env, 'BIZ-1')).id },
      }),
    },
  ],
  load: async (env) => {
    const ids = (await env.db.selectFrom('users').select('id').where('active', '=', 1).execute()).map((r) => r.id);
    const surnames = ['王', '李', '张', '刘', '陈', '杨'];
    return [
      { name: 'my department colleagues', kind: 'read', weight: 3, build: (u) => ({ method: 'GET', path: `/api/users?${u.departmentId ? `departmentId=${u.departmentId}&` : ''}active=true&sort=name&page=1&pageSize=20` }) },
      { name: 'directory search', kind: 'read', weight: 1, build: (_u, rng) => ({ method: 'GET', path: `/api/users?q=${encodeURIComponent(rng.pick(surnames))}&page=1&pageSize=20` }) },
      { name: 'user by id', kind: 'read', weight: 2, build: (_u, rng) => ({ method: 'GET', path: `/api/users/${rng.pick(ids)}` }) },
      { name: 'department tree', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/departments?active=true' }) },
      { name: 'me', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/auth/me' }) },
      { name: 'edit my profile', kind: 'write', weight: 1, build: (_u, rng) => ({ method: 'PATCH', path: '/api/auth/me', body: { phone: mobile(rng) } }) },
    ];
  },
};
