import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type TestApp } from '@support/test-app.js';

describeEngines('users', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('lists users with search, filters, sort and paging in the envelope', async () => {
    const c = await t.as('manager');
    const all = await c.get('/api/users?pageSize=5&sort=username');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 10, page: 1, pageSize: 5 });
    expect(all.body.items.map((u: { username: string }) => u.username)).toEqual(['admin', 'deputy', 'finance', 'hr', 'leader']);
    const page2 = await c.get('/api/users?pageSize=5&page=2&sort=username');
    expect(page2.body.items).toHaveLength(5);
    const specialists = await c.get('/api/users?role=specialist');
    expect(specialists.body.total).toBe(2);
    const search = await c.get(`/api/users?q=${encodeURIComponent('刘')}`);
    expect(search.body.items.map((u: { username: string }) => u.username)).toEqual(['specialist']);
    const bad = await c.get('/api/users?pageSize=9999');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.pageSize).toBeDefined();
  });

  it('creates a user (admin 201, others 403), refuses duplicates, and the new user signs in', async () => {
    const admin = await t.as('admin');
    const manager = await t.as('manager');
    const body = { username: 'newbie', name: '新同事', role: 'specialist', departmentId: 3, supervisorId: await t.userId('pm'), customerFacing: true };
    expect((await manager.post('/api/users', body)).status).toBe(403);
    const created = await admin.post('/api/users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'newbie', version: 1, active: true, mustChangePassword: true, departmentName: '业务一组（华东）' });
    expect(created.body.temporaryPassword).toMatch(/.{8,}/);
    const dup = await admin.post('/api/users', body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.username).toBeDefined();
    const login = await t.anonymous().post('/api/auth/login', { username: 'newbie', password: created.body.temporaryPassword });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const audit = await admin.get(`/api/audit-log?entity=user&entityId=${created.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('create');
  });

  it('rejects bad input with field errors and unknown references', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/users', { username: 'a b', name: '', role: 'boss', departmentId: 999, email: 'x' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'name', 'role', 'username']);
    const ref = await admin.post('/api/users', { username: 'ghost', name: '幽灵', role: 'pm', departmentId: 999 });
    expect(ref.status).toBe(400);
    expect(ref.body.error.fields.departmentId).toBe('所选记录不存在');
  });

  it('edits with optimistic locking: a stale version is 409 VERSION_CONFLICT', async () => {
    const admin = await t.as('admin');
    const id = await t.userId('specialist2');
    const current = (await admin.get(`/api/users/${id}`)).body;
    const first = await admin.patch(`/api/users/${id}`, { version: current.version, positionTitle: '高级业务专员' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(current.version + 1);
    const stale = await admin.patch(`/api/users/${id}`, { version: current.version, positionTitle: '又改了' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`/api/users/${id}`)).body.positionTitle).toBe('高级业务专员');
    const audit = await admin.get(`/api/audit-log?entity=user&entityId=${id}&action=update`);
    expect(audit.body.items[0].before.positionTitle).toBe('业务专员');
    expect(audit.body.items[0].after.positionTitle).toBe('高级业务专员');
  });

  it('refuses a supervisor loop', async () => {
    const admin = await t.as('admin');
    const managerId = await t.userId('manager');
    const current = (await admin.get(`/api/users/${managerId}`)).body;
    const res = await admin.patch(`/api/users/${managerId}`, { version: current.version, supervisorId: await t.userId('specialist') });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.supervisorId).toBeDefined();
  });

  it('deactivates a user: sign-in refused, live sessions end; reactivates', async () => {
    const admin = await t.as('admin');
    const marketing = await t.as('marketing');
    const id = await t.userId('marketing');
    const v = (await admin.get(`/api/users/${id}`)).body.version;
    const off = await admin.post(`/api/users/${id}/actions/deactivate`, { version: v });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await marketing.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'marketing', password: 'Demo#2026' })).status).toBe(401);
    const on = await admin.post(`/api/users/${id}/actions/activate`, { version: off.body.version });
    expect(on.status).toBe(200);
    expect((await t.anonymous().post('/api/auth/login', { username: 'marketing', password: 'Demo#2026' })).status).toBe(200);
  });

  it('resets a password: temporary password works once, must change', async () => {
    const hr = await t.as('hr');
    const id = await t.userId('deputy');
    const v = (await hr.get(`/api/users/${id}`)).body.version;
    const res = await hr.post(`/api/users/${id}/actions/reset-password`, { version: v });
    expect(res.status).toBe(200);
    const temp = res.body.temporaryPassword as string;
    const login = await t.anonymous().post('/api/auth/login', { username: 'deputy', password: temp });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await t.anonymous().post('/api/auth/login', { username: 'deputy', password: 'Demo#2026' })).status).toBe(401);
  });

  it('creates once per Idempotency-Key', async () => {
    const admin = await t.as('admin');
    const body = { username: 'idem', name: '幂等', role: 'specialist' };
    const a = await admin.post('/api/users', body, { 'idempotency-key': 'key-1' });
    const b = await admin.post('/api/users', body, { 'idempotency-key': 'key-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers['idempotent-replay']).toBe('true');
    const [x, y] = await Promise.all([
      admin.post('/api/departments', { name: '并发部' }, { 'idempotency-key': 'key-2' }),
      admin.post('/api/departments', { name: '并发部' }, { 'idempotency-key': 'key-2' }),
    ]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.body.id).toBe(y.body.id);
    const count = await admin.get(`/api/departments?q=${encodeURIComponent('并发部')}`);
    expect(count.body.total).toBe(1);
  });

  it('answers 404 for a missing user and 400 for a non-numeric id', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/users/99999')).status).toBe(404);
    expect((await admin.get('/api/users/abc')).status).toBe(400);
  });
});
