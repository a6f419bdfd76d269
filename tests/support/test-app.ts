import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig, type Config } from '../../apps/server/src/config.js';
import { openPostgres, openSqlite, type Database, type Engine } from '../../apps/server/src/platform/db/database.js';
import { ensureAdministrator, prepareDatabase } from '../../apps/server/src/bootstrap.js';
import { seedDemo, DEMO_PASSWORD } from '../../apps/server/src/demo.js';
import type { ServerModule } from '../../apps/server/src/platform/module.js';
import type { Deps } from '../../apps/server/src/platform/context.js';

export { DEMO_PASSWORD };
export const ADMIN_PASSWORD = 'Admin#2026';

/** A fresh, migrated database: an in-memory SQLite file or a private PostgreSQL schema. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'sqlite') {
    const database = openSqlite(':memory:');
    await prepareDatabase(database);
    return database;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openPostgres(url, { schema, max: 5 });
  await prepareDatabase(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export type Reply = { status: number; body: any; headers: LightMyRequestResponse['headers']; raw: LightMyRequestResponse };

export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private readonly app: FastifyInstance, private readonly remoteAddress = '127.0.0.1', private readonly defaults: Record<string, string> = {}) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const all: Record<string, string> = { ...this.defaults, ...headers };
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrf && method !== 'GET') all['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: all,
      remoteAddress: this.remoteAddress,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    let parsed: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body, headers);
  }

  async login(username: string, password: string): Promise<Reply> {
    const res = await this.post('/api/auth/login', { username, password });
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (res.status === 200 && first) {
      this.cookie = first.split(';')[0]!;
      this.csrf = res.body.csrfToken;
    }
    return res;
  }
}

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  config: Config;
  /** A client signed in as a demo user (or admin). */
  as: (username: string) => Promise<Client>;
  anonymous: () => Client;
  userId: (username: string) => Promise<number>;
  close: () => Promise<void>;
};

export async function createTestApp(engine: Engine, options: { demo?: boolean; now?: () => Date; config?: Partial<Config>; modules?: readonly ServerModule[] } = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({ YUNYING_ADMIN_PASSWORD: ADMIN_PASSWORD } as NodeJS.ProcessEnv, { webDist: '/nonexistent', scheduler: false, ...options.config });
  await ensureAdministrator(database, config);
  if (options.demo !== false) await seedDemo(database);
  const { app, deps } = await buildApp({ config, database, now: options.now, logger: false, modules: options.modules });
  await app.ready();
  let ipCounter = 0;
  return {
    app,
    deps,
    database,
    config,
    async as(username: string) {
      // Each signed-in client comes from its own address so login rate limits stay per test.
      const client = new Client(app, `10.0.0.${++ipCounter}`);
      const res = await client.login(username, username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    anonymous: () => new Client(app),
    async userId(username: string) {
      const row = await database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
