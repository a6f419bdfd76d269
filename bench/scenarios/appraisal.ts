import { sql } from 'kysely';
import { sessionHeaders } from '../lib/http.js';
import { deepPage, type BenchEnv, type ModuleBench, type SpecialContext, type SpecialResult } from './types.js';

async function latestCycle(env: BenchEnv, type: 'monthly' | 'annual') {
  return env.db.selectFrom('appraisal_cycles').select(['id', 'period']).where('type', '=', type).where('status', '=', 'closed').orderBy('period', 'desc').limit(1).executeTakeFirstOrThrow();
}

async function countOf(env: BenchEnv, table: 'appraisals' | 'kpi_targets' | 'attendance_records' | 'appraisal_results', where: (q: any) => any): Promise<number> {
  const row = await where(env.db.selectFrom(table).select(sql<number>`count(*)`.as('n'))).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function latestMonth(env: BenchEnv, table: 'kpi_targets' | 'attendance_records'): Promise<string> {
  const col = table === 'kpi_targets' ? 'period' : 'month';
  const row = await env.db
    .selectFrom(table)
    .select(sql<string>`max(${sql.ref(col)})`.as('m'))
    .where(sql.ref(col), '<', new Date().toISOString().slice(0, 7))
    .executeTakeFirstOrThrow();
  return row.m;
}

/** An appraisal of the latest closed monthly cycle with the most evidence behind it (a manager's: department targets). */
async function richAppraisal(env: BenchEnv, type: 'monthly' | 'annual'): Promise<number> {
  const cycle = await latestCycle(env, type);
  const row = await env.db
    .selectFrom('appraisals')
    .select('id')
    .where('cycle_id', '=', cycle.id)
    .orderBy(sql`length(objective_json)`, 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months no monthly cycle uses yet: this month first, then the months before the oldest cycle (they have targets and attendance). */
async function unusedMonths(env: BenchEnv, n: number): Promise<string[]> {
  const used = new Set((await env.db.selectFrom('appraisal_cycles').select('period').where('type', '=', 'monthly').execute()).map((r) => r.period));
  const out: string[] = [];
  const thisMonth = new Date().toISOString().slice(0, 7);
  for (let k = 0; out.length < n && k < 600; k++) {
    const p = addMonths(thisMonth, -k);
    if (!used.has(p)) out.push(p);
  }
  return out;
}

/** HR opens a monthly cycle for the whole company: one appraisal per active employee, objective items computed in the same request. */
async function openAndScore(ctx: SpecialContext): Promise<SpecialResult> {
  const hr = ctx.session('hr');
  const roots = (await ctx.env.db.selectFrom('departments').select('id').where('parent_id', 'is', null).where('active', '=', 1).execute()).map((d) => d.id);
  const months = await unusedMonths(ctx.env, ctx.quick ? 2 : 5);
  const ms: number[] = [];
  let rows = 0;
  for (const period of months) {
    const t = performance.now();
    const res = await ctx.http.request('POST', '/api/appraisal-cycles', { type: 'monthly', period, departmentIds: roots, name: `bench ${ctx.env.runId}` }, sessionHeaders(hr, true));
    ms.push(performance.now() - t);
    if (res.status !== 201) throw new Error(`open ${period}: ${res.status} ${res.body.slice(0, 200)}`);
    const cycle = JSON.parse(res.body) as { counts: { total: number } };
    rows = cycle.counts.total;
  }
  return { ms, rows, note: `periods ${months.join(', ')}` };
}

async function report(ctx: SpecialContext, type: 'monthly' | 'annual'): Promise<SpecialResult> {
  const hr = ctx.session('hr');
  const cycle = await latestCycle(ctx.env, type);
  const path = `/api/reports/appraisals?cycleId=${cycle.id}`;
  const ms: number[] = [];
  let rows = 0;
  let bytes = 0;
  const runs = ctx.quick ? 5 : 20;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    const res = await ctx.http.request('GET', path, undefined, sessionHeaders(hr));
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.slice(0, 200)}`);
    if (i < 2) continue;
    ms.push(elapsed);
    rows = (JSON.parse(res.body) as { ranking: unknown[] }).ranking.length;
    bytes = Buffer.byteLength(res.body);
  }
  return { ms, rows, bytes, note: `cycle ${cycle.period}` };
}

/** Appraisal lists as HR and supervisors see them; the dataset holds 12 closed monthly cycles and last year's annual one. */
export const appraisalBench: ModuleBench = {
  module: 'appraisal',
  lists: [
    { name: 'appraisal templates', route: '/api/appraisal-templates', as: 'hr', query: async () => ({}) },
    { name: 'appraisal cycles: monthly, sort -period', route: '/api/appraisal-cycles', as: 'hr', query: async () => ({ type: 'monthly', sort: '-period', page: '1', pageSize: '20' }) },
    {
      name: 'appraisals: one cycle, sort -finalScore, p1',
      route: '/api/appraisals',
      as: 'hr',
      query: async (env) => ({ cycleId: String((await latestCycle(env, 'monthly')).id), sort: '-finalScore', page: '1', pageSize: '20' }),
    },
    {
      name: 'appraisals: one cycle, sort -finalScore, deep page',
      route: '/api/appraisals',
      as: 'hr',
      query: async (env) => {
        const { id } = await latestCycle(env, 'monthly');
        return { cycleId: String(id), sort: '-finalScore', page: String(deepPage(await countOf(env, 'appraisals', (q) => q.where('cycle_id', '=', id)), 20)), pageSize: '20' };
      },
    },
    { name: 'appraisals: all cycles, newest, p1', route: '/api/appraisals', as: 'hr', query: async () => ({ page: '1', pageSize: '20' }) },
    {
      name: 'appraisals: grade A, sort employeeName, deep page',
      route: '/api/appraisals',
      as: 'hr',
      query: async (env) => ({ grade: 'A', sort: 'employeeName', page: String(deepPage(await countOf(env, 'appraisals', (q) => q.where('grade', '=', 'A')), 20)), pageSize: '20' }),
    },
    { name: 'appraisals: my team (pm scope), p1', route: '/api/appraisals', as: 'pm', query: async () => ({ page: '1', pageSize: '20' }) },
    { name: 'appraisals: mine', route: '/api/appraisals', as: 'specialist', query: async () => ({ view: 'mine', page: '1', pageSize: '20' }) },
    { name: 'peer reviews (mine)', route: '/api/peer-reviews', as: 'specialist', query: async () => ({}) },
    { name: 'KPI targets: one month, p1', route: '/api/kpi-targets', as: 'hr', query: async (env) => ({ period: await latestMonth(env, 'kpi_targets'), page: '1', pageSize: '20' }) },
    {
      name: 'KPI targets: one month, deep page',
      route: '/api/kpi-targets',
      as: 'hr',
      query: async (env) => {
        const period = await latestMonth(env, 'kpi_targets');
        return { period, page: String(deepPage(await countOf(env, 'kpi_targets', (q) => q.where('period', '=', period)), 20)), pageSize: '20' };
      },
    },
    { name: 'attendance: one month, p1', route: '/api/attendance', as: 'hr', query: async (env) => ({ month: await latestMonth(env, 'attendance_records'), page: '1', pageSize: '20' }) },
    {
      name: 'attendance: one month, deep page',
      route: '/api/attendance',
      as: 'hr',
      query: async (env) => {
        const month = await latestMonth(env, 'attendance_records');
        return { month, page: String(deepPage(await countOf(env, 'attendance_records', (q) => q.where('month', '=', month)), 20)), pageSize: '20' };
      },
    },
    {
      name: 'appraisal results: bonus lines of a cycle, p1',
      route: '/api/appraisal-results',
      as: 'hr',
      query: async (env) => ({ cycleId: String((await latestCycle(env, 'monthly')).id), kind: 'bonus', page: '1', pageSize: '20' }),
    },
    {
      name: 'appraisal results: bonus lines of a cycle, deep page',
      route: '/api/appraisal-results',
      as: 'hr',
      query: async (env) => {
        const { id } = await latestCycle(env, 'monthly');
        const total = await countOf(env, 'appraisal_results', (q) => q.where('cycle_id', '=', id).where('kind', '=', 'bonus'));
        return { cycleId: String(id), kind: 'bonus', page: String(deepPage(total, 20)), pageSize: '20' };
      },
    },
  ],
  records: [
    { name: 'appraisal by id (monthly, most evidence)', route: '/api/appraisals/:id', as: 'hr', path: async (env) => `/api/appraisals/${await richAppraisal(env, 'monthly')}` },
    { name: 'appraisal by id (annual, peers and customers)', route: '/api/appraisals/:id', as: 'hr', path: async (env) => `/api/appraisals/${await richAppraisal(env, 'annual')}` },
    { name: 'appraisal cycle by id (counts)', route: '/api/appraisal-cycles/:id', as: 'hr', path: async (env) => `/api/appraisal-cycles/${(await latestCycle(env, 'monthly')).id}` },
  ],
  writes: [],
  special: [
    { name: 'HR annual report (last annual cycle)', target: '< 500', as: 'hr', limitMs: 500, run: (ctx) => report(ctx, 'annual') },
    { name: 'HR monthly report (last closed month)', target: '< 500', as: 'hr', limitMs: 500, run: (ctx) => report(ctx, 'monthly') },
    { name: 'open and score a monthly cycle (whole company)', target: '< 1000', as: 'hr', limitMs: 1000, run: openAndScore },
  ],
  load: async () => [{ name: 'my appraisals', kind: 'read', weight: 1, build: () => ({ method: 'GET', path: '/api/appraisals?view=mine&page=1&pageSize=20' }) }],
  exempt: [{ route: '/api/public/customer-reviews/:token', reason: 'one signed, expiring review form per token: never a long list' }],
};
