import { sql } from 'kysely';
import { roleHas } from '../../packages/domain/src/shared/permissions.js';
import type { Role } from '../../packages/domain/src/shared/roles.js';
import { deepPage, type BenchEnv, type ListScenario, type LoadUser, type ModuleBench } from './types.js';

async function count(env: BenchEnv, table: 'projects' | 'project_expenses'): Promise<number> {
  return Number((await env.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** The open project with the most tasks: the longest lists under one project. */
async function busiestProject(env: BenchEnv): Promise<number> {
  const row = await env.db
    .selectFrom('project_tasks as t')
    .innerJoin('projects as j', 'j.id', 't.project_id')
    .select(['t.project_id', sql<number>`count(*)`.as('n')])
    .where('j.status', 'in', ['executing', 'settlement', 'customer_acceptance', 'internal_acceptance'])
    .groupBy('t.project_id')
    .orderBy('n', 'desc')
    .orderBy('t.project_id')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error('the dataset has no open project with tasks');
  return row.project_id;
}

/** The bench's PM session (the first active pm) and an open project they lead or work on. */
async function pmProject(env: BenchEnv) {
  const pm = await env.db.selectFrom('users').select('id').where('role', '=', 'pm').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const row = await env.db
    .selectFrom('projects as j')
    .select('j.id')
    .where('j.status', 'in', ['executing', 'internal_acceptance', 'customer_acceptance', 'settlement'])
    .where((eb) => eb.or([eb('j.pm_id', '=', pm.id), eb.exists(eb.selectFrom('project_members as m').select('m.id').whereRef('m.project_id', '=', 'j.id').where('m.user_id', '=', pm.id).where('m.active', '=', 1))]))
    .orderBy('j.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error('the bench pm is on no open project');
  return { pmId: pm.id, projectId: row.id };
}

/** An open project no bench session leads, with its version (for PATCH). */
async function bystanderProject(env: BenchEnv) {
  const rows = await env.db.selectFrom('projects').select(['id', 'version', 'name', 'pm_id']).where('status', '=', 'executing').orderBy('id', 'desc').limit(30).execute();
  const row = rows.find((r) => !env.sessionUserIds.has(r.pm_id));
  if (!row) throw new Error('the dataset has no executing project');
  return row;
}

const nested = ['members', 'milestones', 'tasks', 'progress-reports', 'issues', 'change-requests', 'expenses', 'acceptances', 'invoices', 'payments', 'documents'];

/** Delivery on docs/design.md §10's 20,000 projects: lists (and those under the busiest project), records, writes, mixed load. */
export const deliveryBench: ModuleBench = {
  module: 'delivery',
  lists: [
    { name: 'projects, p1', route: '/api/projects', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'projects: deep page', route: '/api/projects', as: 'manager', query: async (env) => ({ page: String(deepPage(await count(env, 'projects'), 20)), pageSize: '20' }) },
    { name: 'projects: executing, red, sort -budgetUsage', route: '/api/projects', as: 'manager', query: async () => ({ status: 'executing', health: 'red', sort: '-budgetUsage', page: '1', pageSize: '20' }) },
    { name: 'expenses, p1', route: '/api/expenses', as: 'manager', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'expenses: deep page', route: '/api/expenses', as: 'manager', query: async (env) => ({ page: String(deepPage(await count(env, 'project_expenses'), 20)), pageSize: '20' }) },
    { name: 'lessons learned', route: '/api/lessons', as: 'manager', query: async () => ({}) },
    { name: 'lessons: search 数据迁移', route: '/api/lessons', as: 'manager', query: async () => ({ q: '数据迁移', page: '1', pageSize: '20' }) },
    ...nested.map((list): ListScenario => ({ name: `project ${list}`, route: `/api/projects/:id/${list}`, as: 'manager', params: async (env) => ({ id: String(await busiestProject(env)) }), query: async () => ({}) })),
  ],
  records: [
    { name: 'project by id (figures)', route: '/api/projects/:id', as: 'manager', path: async (env) => `/api/projects/${await busiestProject(env)}` },
  ],
  writes: [
    {
      name: 'POST project issue (PM)',
      route: 'POST /api/projects/:id/issues',
      as: 'pm',
      expect: 201,
      next: async (env, i) => {
        const { projectId } = await pmProject(env);
        return { method: 'POST', path: `/api/projects/${projectId}/issues`, body: { title: `压测问题 ${env.runId}-${i}`, description: '测试环境响应变慢，需排查。', severity: 'low' } };
      },
    },
    {
      // Runs after the POSTs above: each escalates the newest open issue of the PM's project.
      name: 'issue escalate (PM)',
      route: 'POST /api/projects/:id/issues/:issueId/actions/escalate',
      as: 'pm',
      expect: 200,
      next: async (env) => {
        const { projectId } = await pmProject(env);
        const issue = await env.db.selectFrom('project_issues').select('id').where('project_id', '=', projectId).where('status', '=', 'open').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
        return { method: 'POST', path: `/api/projects/${projectId}/issues/${issue.id}/actions/escalate`, body: { reason: '影响客户验收，需经理决策' } };
      },
    },
    {
      name: 'PATCH project (name)',
      route: 'PATCH /api/projects/:id',
      as: 'manager',
      expect: 200,
      next: async (env, i) => {
        const p = await bystanderProject(env);
        return { method: 'PATCH', path: `/api/projects/${p.id}`, body: { version: p.version, name: `${p.name.replace(/（.*）$/, '')}（${i % 2 ? '一期' : '二期'}）` } };
      },
    },
  ],
  load: async (env) => {
    const mine = new Map<number, number[]>();
    const add = (user: number, project: number) => mine.set(user, [...(mine.get(user) ?? []), project]);
    for (const r of await env.db.selectFrom('projects').select(['id', 'pm_id']).execute()) add(r.pm_id, r.id);
    for (const r of await env.db.selectFrom('project_members').select(['project_id', 'user_id']).where('active', '=', 1).execute()) add(r.user_id, r.project_id);
    const recent = (await env.db.selectFrom('projects').select('id').orderBy('id', 'desc').limit(3000).execute()).map((r) => r.id);
    const all = (u: LoadUser) => ['manager', 'leader', 'finance'].includes(u.role);
    const reads = (u: LoadUser) => roleHas(u.role as Role, 'project.read');
    return [
      { name: 'projects list', kind: 'read', weight: 2, build: (u, rng) => ({ method: 'GET', path: reads(u) ? `/api/projects?${rng.chance(0.5) ? 'status=executing&' : ''}page=1&pageSize=20` : '/api/notifications?page=1&pageSize=20' }) },
      {
        name: 'project by id',
        kind: 'read',
        weight: 2,
        build: (u, rng) => {
          const own = mine.get(u.userId);
          if (own?.length) return { method: 'GET', path: `/api/projects/${rng.pick(own)}` };
          if (all(u) && recent.length) return { method: 'GET', path: `/api/projects/${rng.pick(recent)}` };
          return { method: 'GET', path: reads(u) ? '/api/projects?mine=true&page=1&pageSize=20' : '/api/auth/me' };
        },
      },
    ];
  },
};
