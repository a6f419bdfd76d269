import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/server/src/config.js';
import { openPostgres, type Database } from '../../apps/server/src/platform/db/database.js';
import { createDeps, type Deps } from '../../apps/server/src/platform/context.js';
import { runJobOnce, type Job } from '../../apps/server/src/platform/scheduler/scheduler.js';
import { ALL_JOBS, MODULE_REGISTRY } from '../../apps/server/src/modules.js';
import { createSchema, dropSchema, urlWithSchema } from '@support/pg-schema.js';
import { startServer, type ServerProcess } from '@support/server-process.js';
import { DEMO_PASSWORD } from '@support/test-app.js';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: the multi-instance tests need PostgreSQL');

type Answer = { status: number; body: any; cookie: string | null };

async function call(server: ServerProcess, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}${url}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie') };
}

/** A second instance's view of the database: its own pool and instance id, as another process has. */
function instanceDeps(database: Database, instanceId: string): Deps {
  const deps = createDeps({ database, config: loadConfig({}, { instanceId }), log: pino({ level: 'silent' }), modules: MODULE_REGISTRY, now: () => new Date() });
  return deps;
}

describe.skipIf(!pgUrl)('two server instances on one PostgreSQL database', () => {
  let schema: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    schema = await createSchema(pgUrl!, 'mi');
    const env = { DATABASE_URL: urlWithSchema(pgUrl!, schema), YUNYING_ADMIN_PASSWORD: 'Multi#2026', YUNYING_DEMO: '1' };
    a = await startServer({ env: { ...env, YUNYING_INSTANCE_ID: 'A' } });
    b = await startServer({ env: { ...env, YUNYING_INSTANCE_ID: 'B' } });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (schema) await dropSchema(pgUrl!, schema);
  });

  it('a session made on instance A works on instance B, CSRF token included', async () => {
    const login = await call(a, 'POST', '/api/auth/login', { username: 'admin', password: 'Multi#2026' });
    expect(login.status).toBe(200);
    const cookie = login.cookie!.split(';')[0]!;
    const me = await call(b, 'GET', '/api/auth/me', undefined, { cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('admin');
    const write = await call(b, 'POST', '/api/departments', { name: '跨实例部门' }, { cookie, 'x-csrf-token': login.body.csrfToken });
    expect(write.status).toBe(201);
  });

  it('the same edit with the same version sent to both at once: exactly one 200 and one 409 VERSION_CONFLICT', async () => {
    const login = await call(a, 'POST', '/api/auth/login', { username: 'hr', password: DEMO_PASSWORD });
    const headers = { cookie: login.cookie!.split(';')[0]!, 'x-csrf-token': login.body.csrfToken };
    const id = (await call(a, 'GET', '/api/users?q=specialist2', undefined, headers)).body.items[0].id;
    for (let round = 0; round < 5; round++) {
      const { version } = (await call(a, 'GET', `/api/users/${id}`, undefined, headers)).body;
      const answers = await Promise.all([a, b].map((server, i) => call(server, 'PATCH', `/api/users/${id}`, { version, positionTitle: `第${round}轮-${i}` }, headers)));
      expect(answers.map((x) => x.status).sort()).toEqual([200, 409]);
      expect(answers.find((x) => x.status === 409)!.body.error.code).toBe('VERSION_CONFLICT');
      const winner = answers.find((x) => x.status === 200)!.body;
      expect((await call(b, 'GET', `/api/users/${id}`, undefined, headers)).body).toMatchObject({ version: version + 1, positionTitle: winner.positionTitle });
    }
  });

  it('a scheduled job slot runs once when both instances claim it', async () => {
    const one = openPostgres(urlWithSchema(pgUrl!, schema), { max: 4 });
    const two = openPostgres(urlWithSchema(pgUrl!, schema), { max: 4 });
    try {
      const depsA = instanceDeps(one, 'A');
      const depsB = instanceDeps(two, 'B');
      const runs: string[] = [];
      const job: Job = { name: 'multi-instance-probe', pattern: '* * * * *', run: async (deps, at) => void runs.push(`${deps.config.instanceId}@${at.toISOString()}`) };
      const slots = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2030, 0, 1, 0, i)));
      const claimed = await Promise.all(slots.flatMap((slot) => [runJobOnce(depsA, job, slot), runJobOnce(depsB, job, slot)]));
      for (let i = 0; i < slots.length; i++) expect([claimed[2 * i], claimed[2 * i + 1]].filter(Boolean)).toHaveLength(1);
      expect(runs).toHaveLength(slots.length);
      const rows = await one.db.selectFrom('job_runs').select(['slot', 'holder']).where('name', '=', job.name).execute();
      expect(new Set(rows.map((r) => r.slot)).size).toBe(slots.length);

      const purge = ALL_JOBS.find((j) => j.name === 'purge-expired-sessions')!;
      const slot = new Date(Date.UTC(2030, 5, 1, 3, 17));
      expect((await Promise.all([runJobOnce(depsA, purge, slot), runJobOnce(depsB, purge, slot)])).filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe('SQLite serves one instance', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yy-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a second server on the same data folder exits non-zero with a clear message; after a crash the lock is taken over', { timeout: 180_000 }, async () => {
    const env = { YUNYING_DATA_DIR: dir, YUNYING_ADMIN_PASSWORD: 'Lock#2026' };
    const first = await startServer({ env });
    try {
      const second = await startServer({ env, noWait: true });
      const exit = await second.exited;
      expect(exit.code).not.toBe(0);
      expect(exit.code).not.toBeNull();
      expect(second.output()).toContain(`Another Yunying instance (pid ${first.pid}) is already using`);
      expect(second.output()).toContain('SQLite serves one instance only');
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.stop('SIGKILL');
    }
    const third = await startServer({ env });
    expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
    await third.stop();
  });
});
