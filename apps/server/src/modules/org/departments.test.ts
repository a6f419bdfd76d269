import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type TestApp } from '@support/test-app.js';

describeEngines('departments, roles, tokens, audit', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('lists the demo tree with member counts and managers', async () => {
    const c = await t.as('specialist');
    const res = await c.get('/api/departments');
    expect(res.status).toBe(200);
    const biz = res.body.items.find((d: { code: string }) => d.code === 'BIZ');
    expect(biz).toMatchObject({ name: '业务部', kind: 'business', managerName: '李明', memberCount: 2 });
    const child = res.body.items.find((d: { code: string }) => d.code === 'BIZ-1');
    expect(child.parentId).toBe(biz.id);
  });

  it('creates, moves and refuses a cycle; only admin may write', async () => {
    const admin = await t.as('admin');
    expect((await (await t.as('hr')).post('/api/departments', { name: 'X' })).status).toBe(403);
    const parent = await admin.post('/api/departments', { name: '创新中心', code: 'INNO', kind: 'business' });
    expect(parent.status).toBe(201);
    const child = await admin.post('/api/departments', { name: '创新一组', parentId: parent.body.id });
    expect(child.status).toBe(201);
    const cycle = await admin.patch(`/api/departments/${parent.body.id}`, { version: parent.body.version, parentId: child.body.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields.parentId).toBeDefined();
    const dupCode = await admin.post('/api/departments', { name: '重复', code: 'INNO' });
    expect(dupCode.status).toBe(409);
    const busy = await admin.patch(`/api/departments/${parent.body.id}`, { version: parent.body.version, active: false });
    expect(busy.status).toBe(400);
    const leaf = await admin.patch(`/api/departments/${child.body.id}`, { version: child.body.version, active: false });
    expect(leaf.status).toBe(200);
    expect(leaf.body.active).toBe(false);
  });

  it('shows roles with permissions and counts', async () => {
    const res = await (await t.as('leader')).get('/api/roles');
    expect(res.status).toBe(200);
    const admin = res.body.roles.find((r: { role: string }) => r.role === 'admin');
    expect(admin.permissions).toContain('user.create');
    expect(res.body.roles.find((r: { role: string }) => r.role === 'specialist').userCount).toBe(2);
  });

  it('issues and revokes API tokens; a revoked token stops working at once', async () => {
    const admin = await t.as('admin');
    const issued = await admin.post('/api/api-tokens', { name: '集成', userId: await t.userId('leader') });
    expect(issued.status).toBe(201);
    const bearer = { authorization: `Bearer ${issued.body.token}` };
    const me = await t.anonymous().get('/api/auth/me', bearer);
    expect(me.body.user.username).toBe('leader');
    const list = await admin.get('/api/api-tokens');
    expect(JSON.stringify(list.body)).not.toContain(issued.body.token);
    expect((await admin.post(`/api/api-tokens/${issued.body.id}/actions/revoke`)).status).toBe(200);
    expect((await t.anonymous().get('/api/auth/me', bearer)).status).toBe(401);
    expect((await (await t.as('manager')).get('/api/api-tokens')).status).toBe(403);
  });

  it('lets admin and leader read the audit log, others 403; the chain verifies', async () => {
    expect((await (await t.as('manager')).get('/api/audit-log')).status).toBe(403);
    const leader = await t.as('leader');
    const list = await leader.get('/api/audit-log?pageSize=5');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(5);
    expect(list.body.items[0].id).toBeGreaterThan(list.body.items[1].id);
    const verify = await (await t.as('admin')).get('/api/audit-log/verify');
    expect(verify.body).toMatchObject({ ok: true, brokenAt: null });
    const xlsx = await leader.get('/api/audit-log/export?entity=user');
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('serves health and the OpenAPI document generated from the schemas, to signed-in users by default', async () => {
    const health = await t.anonymous().get('/api/health');
    expect(health.body).toEqual({ status: 'ok', db: engine });
    expect((await t.anonymous().get('/api/openapi.json')).status).toBe(401);
    expect((await t.anonymous().get('/api/docs/json')).status).toBe(401);
    const reader = await t.as('specialist');
    const doc = await reader.get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/users'].post.requestBody.content['application/json'].schema.properties.username).toBeDefined();
    expect((await t.anonymous().get('/api/nope')).status).toBe(404);
    // Swagger UI reads the same generated document (built on first request, not at start).
    const ui = await reader.get('/api/docs/json');
    expect(ui.status).toBe(200);
    expect(Object.keys(ui.body.paths)).toEqual(Object.keys(doc.body.paths));
    expect(Object.keys(ui.body.paths).length).toBeGreaterThan(100);
  });

  it('YUNYING_API_DOCS=public publishes the description; off hides it from everyone', async () => {
    for (const [apiDocs, anonymous, signedIn] of [['public', 200, 200], ['off', 404, 404]] as const) {
      const other = await createTestApp(engine, { demo: false, config: { apiDocs } });
      expect((await other.anonymous().get('/api/openapi.json')).status).toBe(anonymous);
      expect((await (await other.as('admin')).get('/api/docs/json')).status).toBe(signedIn);
      await other.close();
    }
  });
});
