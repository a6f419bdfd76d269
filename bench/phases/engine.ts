import pino from 'pino';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../apps/server/src/config.js';
import { SessionStore, actorFromRow } from '../../apps/server/src/platform/auth/sessions.js';
import { MODULE_REGISTRY } from '../../apps/server/src/modules.js';
import { createDeps, type Deps } from '../../apps/server/src/platform/context.js';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import { startServer, type ServerProcess } from '@support/server-process.js';
import { BENCH_PASSWORD } from '../dataset/types.js';
import { HttpClient, login, type Session } from '../lib/http.js';
import { memoryOf } from '../lib/rss.js';
import { SqlRecorder } from '../lib/sql-capture.js';
import type { DatasetTarget } from '../lib/target.js';
import type { BenchEnv, LoadUser, ModuleBench, SqlContext } from '../scenarios/types.js';
import { measureLists, measureLogin, measureRecords, measureVerify, measureWrites, type Iterations } from './latency.js';
import { mixedRun, peerRun } from './load.js';
import { measureSpecials } from './special.js';

export type EngineOptions = { quick: boolean; duration: number; mixedUsers: number; rate: number; log: (line: string) => void };

async function usernameOf(db: Kysely<DB>, role: string): Promise<string> {
  if (role === 'admin') return 'admin';
  const row = await db.selectFrom('users').select('username').where('role', '=', role).where('active', '=', 1).where('must_change_password', '=', 0).orderBy('id').limit(1).executeTakeFirst();
  if (!row) throw new Error(`the dataset has no active ${role}`);
  return row.username;
}

async function coldStarts(target: DatasetTarget, runs: number): Promise<{ runs: number[]; server: ServerProcess }> {
  const times: number[] = [];
  for (let i = 0; ; i++) {
    const server = await startServer({ env: target.serverEnv() });
    times.push(server.readyMs);
    if (i === runs - 1) return { runs: times, server };
    await server.stop();
  }
}

async function loginAll(http: HttpClient, db: Kysely<DB>, count: number): Promise<{ session: Session; user: LoadUser }[]> {
  const rows = await db.selectFrom('users').select(['id', 'username', 'role', 'department_id']).where('active', '=', 1).where('role', '<>', 'admin').where('must_change_password', '=', 0).orderBy('id').limit(count).execute();
  const out: { session: Session; user: LoadUser }[] = [];
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, (_, k) => rows[(i + k) % rows.length]!);
    const sessions = await Promise.all(batch.map((r) => login(http, r.username, BENCH_PASSWORD)));
    sessions.forEach((session, k) => out.push({ session, user: { userId: batch[k]!.id, role: batch[k]!.role, departmentId: batch[k]!.department_id } }));
  }
  return out;
}

/** Every measurement on one engine, against a fresh server process on the generated dataset. */
export async function benchEngine(target: DatasetTarget, modules: readonly ModuleBench[], o: EngineOptions) {
  const recorder = new SqlRecorder();
  const database = target.openForBench(recorder.log);
  for (const s of modules.flatMap((m) => m.special ?? [])) await s.prepare?.();
  const it: Iterations = o.quick ? { n: 30, warmup: 5, writes: 10, logins: 5, verifies: 2 } : { n: 200, warmup: 20, writes: 50, logins: 20, verifies: 5 };
  o.log(`  cold start × ${o.quick ? 1 : 3}`);
  const { runs, server } = await coldStarts(target, o.quick ? 1 : 3);
  const http = new HttpClient(server.port);
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const idle = memoryOf(server.pid);
    const roles = new Set(modules.flatMap((m) => [...m.lists, ...m.records, ...m.writes, ...(m.peer ? [m.peer] : [])].map((s) => s.as)));
    for (const s of modules.flatMap((m) => m.special ?? [])) if (s.as) roles.add(s.as);
    roles.add('admin');
    const sessions = new Map<string, Session>();
    for (const role of roles) sessions.set(role, await login(http, await usernameOf(database.db, role), BENCH_PASSWORD));
    const env: BenchEnv = { db: database.db, engine: target.engine, size: target.size, runId: Date.now().toString(36), sessionUserIds: new Set([...sessions.values()].map((s) => s.userId)) };
    const deps = createDeps({ database, config: loadConfig({}, { scheduler: false }), log: pino({ level: 'silent' }), modules: MODULE_REGISTRY, now: () => new Date() });
    const sqlContext = async (s: Session): Promise<SqlContext> => {
      const row = await database.db.selectFrom('users').selectAll().where('id', '=', s.userId).executeTakeFirstOrThrow();
      return { deps, meta: { actor: actorFromRow(row, 'session'), ip: '127.0.0.1', locale: 'zh-CN' } };
    };
    const ctx = { http, env, sessions, recorder, it, sqlContext };
    o.log('  lists (API and bare SQL)');
    const { lists, skipped } = await measureLists(ctx, modules);
    for (const x of skipped) o.log(`  skipped list ${x.name}: ${x.skipped}`);
    o.log('  records, writes, login, audit verify');
    const records = await measureRecords(ctx, modules);
    const writes = await measureWrites(ctx, modules);
    const special = await measureSpecials({ http, port: server.port, pid: server.pid, env, quick: o.quick, sessions }, modules, o.log);
    const loginResult = await measureLogin(ctx, sessions.get('specialist')?.username ?? (await usernameOf(database.db, 'specialist')), BENCH_PASSWORD);
    const verify = await measureVerify(ctx);
    const peer = [];
    for (const m of modules) {
      if (!m.peer) continue;
      const session = sessions.get(m.peer.as)!;
      o.log(`  peer: ${m.peer.name} (10 connections, ${o.duration} s each)`);
      peer.push(await peerRun(server.port, server.pid, `list ${m.peer.name}`, await m.peer.list(env), session, o.duration));
      peer.push(await peerRun(server.port, server.pid, 'record by id', await m.peer.record(env), session, o.duration));
    }
    o.log(`  mixed load: signing in ${o.mixedUsers} users`);
    const users = await loginAll(http, database.db, o.mixedUsers);
    o.log(`  mixed load: ${o.mixedUsers} connections paced at ${o.rate} req/s, ${o.duration} s`);
    const mixed = await mixedRun(server.port, server.pid, env, modules, users, o.duration, o.rate);
    o.log(`  mixed load: ${o.mixedUsers} connections unpaced (saturation), ${o.duration} s`);
    const saturation = await mixedRun(server.port, server.pid, env, modules, users, o.duration);
    for (const [label, run] of [['paced', mixed], ['unpaced', saturation]] as const) {
      o.log(`  mixed load ${label}, by request (count · p50/p99 ms · status codes):`);
      for (const x of run.perRequest) o.log(`    ${x.name}: ${x.count} · ${x.p50}/${x.p99} · ${Object.entries(x.statusCodes).map(([k, v]) => `${k}×${v}`).join(' ')}`);
    }
    o.log('  audit chain after the load');
    const verifyAfterLoad = await measureVerify({ ...ctx, it: { ...it, verifies: 1 } }).then(
      (v) => ({ ok: true, checked: v.checked, error: null as string | null }),
      (err: Error) => ({ ok: false, checked: 0, error: err.message }),
    );
    const end = memoryOf(server.pid);
    return { engine: target.engine, dataset: target.label, coldStartMs: runs, idleRssMb: idle.rssMb, peakRssMb: end.peakMb, lists, skippedLists: skipped, records, writes, special, login: loginResult, verify, peer, mixed, saturation, verifyAfterLoad };
  } finally {
    http.close();
    await server.stop();
    await database.close();
  }
}

export type EngineResult = Awaited<ReturnType<typeof benchEngine>>;
