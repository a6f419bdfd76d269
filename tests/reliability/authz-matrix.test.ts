import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../apps/server/src/routes.js';
import type { AnyRoute } from '../../apps/server/src/platform/http/route.js';
import { PERMISSIONS, roleHas } from '../../packages/domain/src/shared/permissions.js';
import { ROLES, type Role } from '../../packages/domain/src/shared/roles.js';
import { describeEngines } from '../support/engines.js';
import { createTestApp, type Client, type Reply, type TestApp } from '../support/test-app.js';
import { setupFixtures } from './fixtures/index.js';
import { fillPath, hasParams, paramsOf, routeKey, type RouteFixture } from './fixtures/types.js';

const DEMO_USERS = ['admin', 'manager', 'deputy', 'pm', 'specialist', 'specialist2', 'hr', 'leader', 'marketing', 'finance'] as const;

describe('route declarations', () => {
  it('every route declares its access, and every permission it names is in the registry', () => {
    const wrong = ALL_ROUTES.filter((r) => {
      const access: unknown = r.access;
      if (access === 'public' || access === 'authenticated') return false;
      const permission = (access as { permission?: unknown } | undefined)?.permission;
      return typeof permission !== 'string' || !(permission in PERMISSIONS);
    });
    expect(wrong.map(routeKey)).toEqual([]);
  });

  it('the registry grants permissions only to known roles', () => {
    for (const [permission, granted] of Object.entries(PERMISSIONS)) {
      expect(permission).toMatch(/^[a-z][a-zA-Z-]*\.[a-z][a-zA-Z-]*$/);
      if (granted !== 'all') for (const role of granted) expect(ROLES).toContain(role);
    }
  });

  it('no two routes share a method and url', () => {
    const keys = ALL_ROUTES.map(routeKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

/** 'scoped': the role may call the route, but the fixture's record is someone else's (403 or 404 allowed). */
type Expectation = 401 | 403 | 'allowed' | 'scoped';

function expectation(route: AnyRoute, role: Role | null, who: string, fixture: RouteFixture | undefined): Expectation {
  if (route.access === 'public') return 'allowed';
  if (!role) return 401;
  if (route.access !== 'authenticated' && !roleHas(role, route.access.permission)) return 403;
  return fixture?.scopedTo && !fixture.scopedTo.includes(who) ? 'scoped' : 'allowed';
}

function mismatch(expected: Expectation, res: Reply): boolean {
  if (res.status >= 500) return true;
  if (expected === 'allowed') return res.status === 401 || res.status === 403;
  if (expected === 'scoped') return res.status === 401;
  return res.status !== expected;
}

describeEngines('authorization matrix: every route × every demo role and anonymous', (engine) => {
  let t: TestApp;
  let fixtures: Record<string, RouteFixture>;
  const clients = new Map<string, Client>();
  let calls = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    fixtures = await setupFixtures(t);
  });
  afterAll(() => t?.close());

  /** A signed-in client for the demo user; signs in again when a route (login, logout) ended the session. */
  async function clientOf(who: string): Promise<Client> {
    if (who === 'anonymous') return t.anonymous();
    const existing = clients.get(who);
    if (existing && (await existing.get('/api/auth/me')).status === 200) return existing;
    const fresh = await t.as(who);
    clients.set(who, fresh);
    return fresh;
  }

  async function call(route: AnyRoute, client: Client, who: string): Promise<Reply> {
    const fixture = fixtures[routeKey(route)];
    const path = fillPath(route.url, await paramsOf(fixture, who, ++calls));
    if (route.method === 'GET') return client.get(path);
    const body = fixture?.body ? await fixture.body(calls, who) : {};
    return client.request(route.method, path, body);
  }

  it('has a real record for the path parameters of every route', () => {
    const missing = ALL_ROUTES.filter((r) => !hasParams(r, fixtures[routeKey(r)])).map(routeKey);
    expect(missing, 'add them to tests/reliability/fixtures/<module>.ts').toEqual([]);
  });

  for (const who of [...DEMO_USERS, 'anonymous']) {
    it(`${who}: 401 without a session, 403 without the permission, otherwise neither — and never 5xx`, async () => {
      const role = who === 'anonymous' ? null : ((await t.database.db.selectFrom('users').select('role').where('username', '=', who).executeTakeFirstOrThrow()).role as Role);
      const wrong: string[] = [];
      // Routes without a record for their parameters are reported once, by the test above.
      for (const route of ALL_ROUTES.filter((r) => hasParams(r, fixtures[routeKey(r)]))) {
        const expected = expectation(route, role, who, fixtures[routeKey(route)]);
        const res = await call(route, await clientOf(who), who);
        if (mismatch(expected, res)) wrong.push(`${routeKey(route)}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
