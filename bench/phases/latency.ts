import type { Kysely } from 'kysely';
import { ALL_ROUTES } from '../../apps/server/src/modules.js';
import type { AnyRoute } from '../../apps/server/src/platform/http/route.js';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { parseInput } from '../../apps/server/src/platform/http/validate.js';
import type { HttpClient, Session } from '../lib/http.js';
import { sessionHeaders, login } from '../lib/http.js';
import { replay, type SqlRecorder } from '../lib/sql-capture.js';
import { timeRepeated, type Summary } from '../lib/stats.js';
import { toPath, type BenchEnv, type ModuleBench, type Query, type SqlContext } from '../scenarios/types.js';

export type Iterations = { n: number; warmup: number; writes: number; logins: number; verifies: number };

export type ListResult = { name: string; path: string; total: number; api: Summary; sql: Summary; ratio: number; statements: string[] };
export type SkippedList = { name: string; route: string; skipped: string };
export type TimedResult = { name: string; path: string; api: Summary };

type Ctx = { http: HttpClient; env: BenchEnv; sessions: Map<string, Session>; recorder: SqlRecorder; it: Iterations; sqlContext: (s: Session) => Promise<SqlContext> };

async function expectOk(ctx: Ctx, method: string, path: string, session: Session, body?: unknown, status = 200) {
  const res = await ctx.http.request(method, path, body, sessionHeaders(session, method !== 'GET'));
  if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status} (expected ${status}): ${res.body.slice(0, 300)}`);
  return res;
}

function sessionFor(ctx: Ctx, role: string): Session {
  const s = ctx.sessions.get(role);
  if (!s) throw new Error(`no session for role ${role}`);
  return s;
}

/** Each list: the API request timed end to end, then the statements it runs, bound and bare, on a direct connection. */
/** Runs the route's own handler in-process, as the server would for this user, on the bench's connection. */
function viaHandler(routeUrl: string, params: Record<string, string>) {
  const route = ALL_ROUTES.find((r) => r.method === 'GET' && r.url === routeUrl);
  if (!route) throw new Error(`no GET route ${routeUrl}`);
  return async (db: Kysely<DB>, query: Query, as: SqlContext) => {
    const parse = (schema: AnyRoute['query'], value: unknown) => (schema ? parseInput(schema, value, 'zh-CN') : value);
    const handlerCtx = { body: undefined, query: parse(route.query, query), params: parse(route.params, params), actor: as.meta.actor, meta: as.meta, locale: as.meta.locale, deps: { ...as.deps, db }, db, req: undefined, reply: undefined };
    return route.handler(handlerCtx as unknown as Parameters<AnyRoute['handler']>[0]);
  };
}

export async function measureLists(ctx: Ctx, modules: readonly ModuleBench[]): Promise<{ lists: ListResult[]; skipped: SkippedList[] }> {
  const out: ListResult[] = [];
  const skipped: SkippedList[] = [];
  for (const scenario of modules.flatMap((m) => m.lists)) {
    const query = await scenario.query(ctx.env);
    const found = scenario.params ? await scenario.params(ctx.env) : {};
    if (!found) {
      skipped.push({ name: scenario.name, route: scenario.route, skipped: 'the dataset has no record for its path parameters' });
      continue;
    }
    const params = found;
    const path = toPath(scenario.route.replace(/:([A-Za-z]+)/g, (_, k: string) => encodeURIComponent(params[k] ?? '')), query);
    const session = sessionFor(ctx, scenario.as);
    const sqlOf = scenario.sql ?? viaHandler(scenario.route, params);
    const first = JSON.parse((await expectOk(ctx, 'GET', path, session)).body) as { total?: number; items?: unknown[] };
    const api = await timeRepeated(ctx.it.n, ctx.it.warmup, async () => undefined, async () => void (await expectOk(ctx, 'GET', path, session)));
    const as = await ctx.sqlContext(session);
    const statements = await ctx.recorder.record(() => sqlOf(ctx.env.db, query, as));
    const sql = await timeRepeated(ctx.it.n, ctx.it.warmup, async () => undefined, () => replay(ctx.env.db, statements));
    out.push({ name: scenario.name, path, total: first.total ?? first.items?.length ?? 0, api, sql, ratio: api.median / sql.median, statements: statements.map((s) => s.sql) });
  }
  return { lists: out, skipped };
}

export async function measureRecords(ctx: Ctx, modules: readonly ModuleBench[]): Promise<TimedResult[]> {
  const out: TimedResult[] = [];
  for (const scenario of modules.flatMap((m) => m.records)) {
    const path = await scenario.path(ctx.env);
    const session = sessionFor(ctx, scenario.as);
    const api = await timeRepeated(ctx.it.n, ctx.it.warmup, async () => undefined, async () => void (await expectOk(ctx, 'GET', path, session)));
    out.push({ name: scenario.name, path, api });
  }
  return out;
}

export async function measureWrites(ctx: Ctx, modules: readonly ModuleBench[]): Promise<TimedResult[]> {
  const out: TimedResult[] = [];
  for (const scenario of modules.flatMap((m) => m.writes)) {
    const session = sessionFor(ctx, scenario.as);
    const api = await timeRepeated(ctx.it.writes, 2, (i) => scenario.next(ctx.env, i), async (req) => void (await expectOk(ctx, req.method, req.path, session, req.body, scenario.expect)));
    out.push({ name: scenario.name, path: scenario.route, api });
  }
  return out;
}

export async function measureLogin(ctx: Ctx, username: string, password: string): Promise<TimedResult> {
  const api = await timeRepeated(ctx.it.logins, 2, async () => undefined, async () => void (await login(ctx.http, username, password)));
  return { name: `login (${username}, argon2id verify)`, path: 'POST /api/auth/login', api };
}

export async function measureVerify(ctx: Ctx): Promise<TimedResult & { checked: number }> {
  const admin = sessionFor(ctx, 'admin');
  let checked = 0;
  const api = await timeRepeated(ctx.it.verifies, 1, async () => undefined, async () => {
    const report = JSON.parse((await expectOk(ctx, 'GET', '/api/audit-log/verify', admin)).body) as { ok: boolean; checked: number; brokenAt: number | null };
    if (!report.ok) throw new Error(`audit chain broken at #${report.brokenAt}`);
    checked = report.checked;
  });
  return { name: 'audit chain verify', path: 'GET /api/audit-log/verify', api, checked };
}
