import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { Client, createTestApp, type TestApp } from '@support/test-app.js';

describeEngines('auth', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('logs in, answers /me with a CSRF token, and logs out', async () => {
    const c = await t.as('manager');
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'manager', role: 'manager', name: '李明' });
    expect(me.body.csrfToken).toBe(c.csrf);
    expect(String(c.cookie)).toMatch(/^yy_session=/);
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const a = await t.anonymous().post('/api/auth/login', { username: 'manager', password: 'wrong-pass-1' });
    const b = await t.anonymous().post('/api/auth/login', { username: 'nobody', password: 'wrong-pass-1' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.error).toEqual(b.body.error);
    expect(a.headers['set-cookie']).toBeUndefined();
  });

  it('sets an HttpOnly SameSite cookie and rotates the session on login', async () => {
    const c = await t.as('pm');
    const first = c.cookie;
    const again = await c.login('pm', 'Demo#2026');
    expect(again.status).toBe(200);
    const raw = String(again.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(c.cookie).not.toBe(first);
    const stale = new Client(t.app);
    stale.cookie = first;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses cookie writes without the CSRF header, but not Bearer writes', async () => {
    const c = await t.as('admin');
    const res = await c.request('POST', '/api/departments', { name: '测试部' }, { 'x-csrf-token': 'nope' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
    const token = await c.post('/api/api-tokens', { name: 'ci', userId: await t.userId('admin') });
    expect(token.status).toBe(201);
    const bearer = new Client(t.app);
    const created = await bearer.request('POST', '/api/departments', { name: '令牌部' }, { authorization: `Bearer ${token.body.token}` });
    expect(created.status).toBe(201);
  });

  it('rate-limits 10 failed logins a minute from one address with 429', async () => {
    const c = new Client(t.app, '10.9.9.9');
    for (let i = 0; i < 10; i++) expect((await c.post('/api/auth/login', { username: 'manager', password: 'bad-pass-9' })).status).toBe(401);
    const blocked = await c.post('/api/auth/login', { username: 'manager', password: 'Demo#2026' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect((await new Client(t.app, '10.9.9.10').post('/api/auth/login', { username: 'manager', password: 'Demo#2026' })).status).toBe(200);
  });

  it('answers field errors in the request language', async () => {
    const zh = await t.anonymous().post('/api/auth/login', { username: 1 }, { 'accept-language': 'zh-CN' });
    const tw = await t.anonymous().post('/api/auth/login', { username: 1 }, { 'accept-language': 'zh-TW,zh;q=0.9' });
    const en = await t.anonymous().post('/api/auth/login', { username: 1 }, { 'accept-language': 'en-US' });
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: '必填' } });
    expect(tw.body.error.message).toContain('資料');
    expect(en.body.error.fields.password).toBe('Required');
  });

  it('never answers 500 to malformed JSON, unknown fields or over-long strings', async () => {
    const c = await t.as('admin');
    const bad = await c.request('POST', '/api/departments', '{"name": ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    const unknown = await c.post('/api/departments', { name: 'x', hacker: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.hacker).toBeDefined();
    const long = await c.post('/api/departments', { name: 'x'.repeat(1000) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields.name).toBeDefined();
    const deep = await c.request('POST', '/api/departments', '['.repeat(5000) + ']'.repeat(5000), { 'content-type': 'application/json' });
    expect(deep.status).toBe(400);
  });

  it('changes the password: the old one stops working, other sessions end', async () => {
    const first = await t.as('finance');
    const second = await t.as('finance');
    const weak = await first.post('/api/auth/change-password', { currentPassword: 'Demo#2026', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.newPassword).toBeDefined();
    const wrong = await first.post('/api/auth/change-password', { currentPassword: 'nope', newPassword: 'NewPass#2027' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeDefined();
    const ok = await first.post('/api/auth/change-password', { currentPassword: 'Demo#2026', newPassword: 'NewPass#2027' });
    expect(ok.status).toBe(200);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    t.deps.sessions.cache.deleteUser(ok.body.user.id);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'finance', password: 'Demo#2026' })).status).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { username: 'finance', password: 'NewPass#2027' })).status).toBe(200);
  });

  it('holds a user on a temporary password to the account routes until it is changed', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/users', { username: 'temp-pass', name: '临时密码', role: 'specialist' });
    const c = new Client(t.app, '10.7.7.7');
    expect((await c.login('temp-pass', created.body.temporaryPassword)).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/auth/change-password', { currentPassword: created.body.temporaryPassword, newPassword: 'MyOwn#2026' })).status).toBe(200);
    expect((await c.get('/api/users')).status).toBe(200);
  });
});
