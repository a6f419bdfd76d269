import { sql } from 'kysely';
import { fetchCounted } from '../lib/fetch.js';
import { sampleRss } from '../lib/rss.js';
import { deepPage, type BenchEnv, type ModuleBench, type SpecialContext, type SpecialResult } from './types.js';

async function countWhere(env: BenchEnv, entity: string, action: string): Promise<number> {
  const row = await env.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).where('entity', '=', entity).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function busiestActor(env: BenchEnv): Promise<number> {
  const row = await env.db.selectFrom('audit_log').select(['actor_id', sql<number>`count(*)`.as('n')]).where('actor_id', 'is not', null).groupBy('actor_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
  return row.actor_id!;
}

/** docs/design.md §10's export size: the newest 100,000 entries (whole days), or all of them when there are fewer. */
const EXPORT_ROWS = 100_000;

async function exportWindow(env: BenchEnv): Promise<{ from: string | null; rows: number }> {
  const count = async (from: string | null) => {
    let q = env.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n'));
    if (from) q = q.where('at', '>=', `${from}T00:00:00.000Z`);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const total = await count(null);
  if (total <= EXPORT_ROWS) return { from: null, rows: total };
  const nth = await env.db.selectFrom('audit_log').select('at').orderBy('id', 'desc').offset(EXPORT_ROWS - 1).limit(1).executeTakeFirstOrThrow();
  const from = nth.at.slice(0, 10);
  return { from, rows: await count(from) };
}

/** docs/design.md §10: a ≥ 100,000-row audit log as a streamed .xlsx, timed to the last byte, with the server's peak RSS meanwhile. */
async function exportAll(ctx: SpecialContext): Promise<SpecialResult> {
  const admin = ctx.session('admin');
  const { from, rows } = await exportWindow(ctx.env);
  const path = from ? `/api/audit-log/export?from=${from}` : '/api/audit-log/export';
  const ms: number[] = [];
  let peak = 0;
  let bytes = 0;
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
    const rss = sampleRss(ctx.pid, 50);
    const res = await fetchCounted(ctx.port, path, { cookie: admin.cookie });
    peak = Math.max(peak, rss.stop());
    if (res.status !== 200 || !String(res.headers['content-type']).includes('spreadsheetml')) throw new Error(`export answered ${res.status} ${res.headers['content-type']}`);
    ms.push(res.ms);
    bytes = res.bytes;
  }
  return { ms, peakRssMb: peak, rows, bytes, note: from ? `from ${from}` : 'all entries' };
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
  special: [{ name: 'audit log .xlsx export, streamed (≥ 100,000 rows at L)', target: '< 10000 at 100k rows, peak RSS < 300 MB', as: 'admin', limitMs: 10_000, limitRssMb: 300, run: exportAll }],
};
