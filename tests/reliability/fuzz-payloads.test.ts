import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../apps/server/src/modules.js';
import { describeEngines } from '@support/engines.js';
import { rowCounts } from '@support/row-counts.js';
import { Client, createTestApp, type TestApp } from '@support/test-app.js';
import { setupFixtures } from './fixtures/index.js';
import { fillPath, paramsOf, routeKey, type RouteFixture } from './fixtures/types.js';
import { INJECTIONS } from './fuzz-values.js';

const WRITES = ALL_ROUTES.filter((r) => (r.method === 'POST' || r.method === 'PATCH' || r.method === 'PUT') && !r.raw);
const BROKEN_JSON = ['{', '{"name": ', '[', 'nul', '{"a":1}}', "{'a':1}", '{"a":1,}', '{"a":01}', '\u0000', '{"a":"\u0001"}x', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'];
const OTHER_TYPES: [string, string][] = [
  ['text/plain', '{"name":"纯文本"}'],
  ['application/xml', '<department><name>XML</name></department>'],
  ['application/x-www-form-urlencoded', 'name=%E8%A1%A8%E5%8D%95'],
  ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--zzz--\r\n'],
  ['application/octet-stream', '\u0000\u0001\u0002'],
  ['image/png', '\u0089PNG'],
];

describeEngines('hostile payloads', (engine) => {
  let t: TestApp;
  let fixtures: Record<string, RouteFixture>;
  let admin: Client;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    fixtures = await setupFixtures(t);
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  it('malformed JSON and prototype pollution attempts answer 400 on every write route', async () => {
    const wrong: string[] = [];
    for (const route of WRITES) {
      const path = fillPath(route.url, await paramsOf(fixtures[routeKey(route)], 'admin', ++n), '1');
      for (const text of BROKEN_JSON) {
        const res = await admin.request(route.method, path, text, { 'content-type': 'application/json' });
        if (res.status !== 400) wrong.push(`${routeKey(route)} ${JSON.stringify(text)} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('other content types are refused with a 4xx and create nothing', async () => {
    const before = await rowCounts(t.database);
    for (const [type, text] of OTHER_TYPES) {
      const res = await admin.request('POST', '/api/departments', text, { 'content-type': type });
      expect(res.status, type).toBeGreaterThanOrEqual(400);
      expect(res.status, type).toBeLessThan(500);
    }
    const none = await admin.request('POST', '/api/departments', '{"name":"无类型"}', {});
    expect(none.status).toBeLessThan(500);
    if (none.status >= 400) expect(await rowCounts(t.database)).toEqual(before);
  });

  it('bodies over 1 MiB answer 413 PAYLOAD_TOO_LARGE on every write route', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    for (const route of WRITES) {
      const res = await admin.request(route.method, fillPath(route.url, await paramsOf(fixtures[routeKey(route)], 'admin', ++n), '1'), huge, { 'content-type': 'application/json' });
      expect(res.status, routeKey(route)).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('SQL and HTML injection strings are stored inert and answered byte for byte', async () => {
    const users = (await rowCounts(t.database)).users;
    for (const [i, s] of INJECTIONS.entries()) {
      const created = await admin.post('/api/departments', { name: s, description: s, code: `INJ-${i}` });
      expect(created.status, s).toBe(201);
      expect(created.headers['content-type']).toMatch(/^application\/json/);
      const read = await admin.get(`/api/departments/${created.body.id}`);
      expect([read.body.name, read.body.description]).toEqual([s, s]);
      const row = await t.database.db.selectFrom('departments').select(['name', 'description']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
      expect([row.name, row.description]).toEqual([s, s]);
      const found = await admin.get(`/api/departments?q=${encodeURIComponent(s)}`);
      expect(found.body.items.map((d: { id: number }) => d.id)).toContain(created.body.id);
      const audit = await admin.get(`/api/audit-log?entity=department&entityId=${created.body.id}`);
      expect(audit.body.items[0].after.name).toBe(s);
    }
    expect((await rowCounts(t.database)).users).toBe(users);
    const login = await new Client(t.app, '10.55.0.1').post('/api/auth/login', { username: "admin' --", password: "' or '1'='1" });
    expect(login.status).toBe(401);
  });

  it('any well-formed text round-trips unchanged through an edit', async () => {
    const { id } = await paramsOf(fixtures['PATCH /api/departments/:id'], 'admin', 0);
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }).filter((s) => s.trim() === s && s.length > 0 && !s.includes('\u0000'));
    await fc.assert(
      fc.asyncProperty(text, text, async (name, description) => {
        const { version } = (await admin.get(`/api/departments/${id}`)).body;
        const res = await admin.patch(`/api/departments/${id}`, { version, name, description });
        expect(res.status).toBe(200);
        expect([res.body.name, res.body.description]).toEqual([name, description]);
        const again = await admin.get(`/api/departments/${id}`);
        expect([again.body.name, again.body.description]).toEqual([name, description]);
      }),
      { numRuns: 40 },
    );
  });
});
