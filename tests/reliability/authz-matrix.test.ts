import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../apps/server/src/modules.js';
import type { AnyRoute } from '../../apps/server/src/platform/http/route.js';
import { PERMISSIONS, roleHas } from '../../packages/domain/src/shared/permissions.js';
import { ROLES, type Role } from '../../packages/domain/src/shared/roles.js';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type Client, type Reply, type TestApp } from '@support/test-app.js';
import { setupFixtures } from './fixtures/index.js';
import { uploadPdf } from './fixtures/uploads.js';
import { fillPath, hasParams, paramsOf, routeKey, type RouteFixture } from './fixtures/types.js';
import { namesField, referenceFields, withReference } from '@support/schema-walk.js';
import { referenceRuleFor, type ReferenceRule } from './reference-rules.js';

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

  // Runs before the role sweep below, while every transition's fixed record is still in its starting state.
  /** An id no table reaches in the tests: the answer every out-of-scope reference must equal. */
  const ABSENT_ID = 2_000_000_000;
  const unreadable = new Map<string, number | null>();

  /** The newest record of the rule's table that `who` may not read (its GET answers 403 or 404). */
  async function unreadableId(rule: Extract<ReferenceRule, { scope: 'record' }>, who: string): Promise<number | undefined> {
    const key = `${rule.table} ${who}`;
    if (!unreadable.has(key)) {
      const rows = (await t.database.db.selectFrom(rule.table as 'customers').select('id').orderBy('id', 'desc').limit(200).execute()) as { id: number }[];
      let found: number | null = null;
      for (const { id } of rows) {
        const res = await (await clientOf(who)).get(fillPath(rule.read, { id }));
        if (res.status === 404 || res.status === 403) {
          found = id;
          break;
        }
      }
      unreadable.set(key, found);
    }
    return unreadable.get(key) ?? undefined;
  }

  /** What a refusal says, with the id it was about blanked out. */
  const refusal = (res: Reply, id: number) =>
    JSON.stringify({ status: res.status, code: res.body?.error?.code, fields: res.body?.error?.fields }).replaceAll(String(id), '#');

  it('a reference to a record the caller may not see is refused exactly as one that does not exist', async () => {
    const roles = new Map<string, Role>();
    for (const who of DEMO_USERS) roles.set(who, (await t.database.db.selectFrom('users').select('role').where('username', '=', who).executeTakeFirstOrThrow()).role as Role);
    // Unlinked uploads of two users: every other caller must not be able to take them.
    for (const who of ['finance', 'hr']) await uploadPdf(await clientOf(who), '他人的附件.pdf');
    const wrong: string[] = [];
    for (const route of ALL_ROUTES) {
      if (route.method === 'GET' || !route.body || route.raw || route.access === 'public') continue;
      const key = routeKey(route);
      const fixture = fixtures[key];
      for (const path of referenceFields(route.body)) {
        const field = `${key} ${path.join('.')}`;
        const rule = referenceRuleFor(key, path);
        if (!rule) {
          wrong.push(`${field}: not classified; say how it is checked in tests/reliability/reference-rules.ts`);
          continue;
        }
        if (rule.scope === 'directory') continue;
        if (!fixture?.body || !hasParams(route, fixture)) {
          wrong.push(`${field}: the route needs a fixture with a body`);
          continue;
        }
        let tried = 0;
        for (const who of DEMO_USERS) {
          const access = route.access;
          if (access !== 'authenticated' && !roleHas(roles.get(who)!, access.permission)) continue;
          if (fixture.scopedTo && !fixture.scopedTo.includes(who)) continue;
          const params = await paramsOf(fixture, who, ++calls);
          const foreign = rule.scope === 'record' ? await unreadableId(rule, who) : await rule.foreign(t.database.db, params);
          if (foreign === undefined) continue;
          const body = await fixture.body(++calls, who);
          const outOfScope = withReference(body, path, foreign);
          const absent = withReference(body, path, ABSENT_ID);
          if (!outOfScope || !absent) continue;
          const client = await clientOf(who);
          const url = fillPath(route.url, params);
          const a = await client.request(route.method, url, absent);
          const b = await client.request(route.method, url, outOfScope);
          // Refused whatever it names (the caller may not make this change to this record): equal answers suffice.
          if (a.status === 403) {
            if (refusal(a, ABSENT_ID) !== refusal(b, foreign)) wrong.push(`${field} as ${who}: ${refusal(b, foreign)} out of scope, ${refusal(a, ABSENT_ID)} absent`);
            continue;
          }
          tried++;
          if (a.status !== 404 && !(a.status === 400 && namesField(a.body?.error?.fields, path))) {
            wrong.push(`${field} as ${who}: an id that does not exist answered ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
          } else if (refusal(a, ABSENT_ID) !== refusal(b, foreign)) {
            wrong.push(`${field} as ${who}: record #${foreign} out of scope answered ${refusal(b, foreign)}, one that does not exist ${refusal(a, ABSENT_ID)}`);
          }
        }
        if (tried === 0) wrong.push(`${field}: no caller could try a record out of their scope (the fixture body lacks the field's row, or no such record exists)`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

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
