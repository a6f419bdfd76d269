import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEngines } from '@support/engines.js';
import { Client, DEMO_PASSWORD, createTestApp, type TestApp } from '@support/test-app.js';

describeEngines('security', (engine) => {
  let t: TestApp;
  let clock = Date.now();

  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date(clock) });
  });
  afterAll(() => t?.close());

  const count = async (table: 'departments' | 'audit_log') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

  it('session fixation: a cookie planted before login is never the session after it', async () => {
    const victim = new Client(t.app, '10.1.0.1');
    victim.cookie = 'yy_session=attacker-chosen-value';
    await victim.login('manager', DEMO_PASSWORD);
    expect(victim.cookie).toMatch(/^yy_session=/);
    expect(victim.cookie).not.toBe('yy_session=attacker-chosen-value');

    // The attacker's own valid session planted in the victim's browser is dropped, not upgraded.
    const attacker = await t.as('specialist');
    const planted = attacker.cookie;
    const browser = new Client(t.app, '10.1.0.2');
    browser.cookie = planted;
    const res = await browser.login('manager', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(browser.cookie).not.toBe(planted);
    const replay = new Client(t.app, '10.1.0.3');
    replay.cookie = planted;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
    expect((await browser.get('/api/auth/me')).body.user.username).toBe('manager');
  });

  it('the session cookie is HttpOnly, SameSite and scoped to the site', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'pm', password: DEMO_PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('CSRF: cookie writes need this session’s token; a missing, wrong or foreign token is 403 and writes nothing', async () => {
    const admin = await t.as('admin');
    const other = await t.as('hr');
    const before = await count('departments');
    const bare = new Client(t.app, '10.1.0.4');
    bare.cookie = admin.cookie;
    expect((await bare.post('/api/departments', { name: '无令牌' })).body.error.code).toBe('CSRF');
    for (const token of ['', 'nope', other.csrf!]) {
      const res = await admin.request('POST', '/api/departments', { name: '错令牌' }, { 'x-csrf-token': token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
    }
    const id = await t.userId('specialist2');
    const patch = await bare.patch(`/api/users/${id}`, { version: 1, positionTitle: '被伪造' });
    expect(patch.status).toBe(403);
    expect(await count('departments')).toBe(before);
    expect((await admin.post('/api/departments', { name: '带令牌' })).status).toBe(201);
  });

  it('login rate limit: 10 failures a minute on one account from one address, then 429 even for the right password', async () => {
    const ip = '10.1.9.9';
    const c = new Client(t.app, ip);
    for (let i = 0; i < 10; i++) expect((await c.post('/api/auth/login', { username: 'manager', password: `Wrong#${i}x` })).status).toBe(401);
    // Other names from the same address are not this account's guesses.
    expect((await c.post('/api/auth/login', { username: 'ghost', password: 'Wrong#1x' })).status).toBe(401);
    const blocked = await c.post('/api/auth/login', { username: 'manager', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect((await new Client(t.app, '10.1.9.10').post('/api/auth/login', { username: 'manager', password: DEMO_PASSWORD })).status).toBe(200);
    clock += 61_000;
    expect((await c.post('/api/auth/login', { username: 'manager', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('security headers on answers, errors and refusals', async () => {
    for (const res of [await t.anonymous().get('/api/health'), await t.anonymous().get('/api/no-such-route'), await t.anonymous().get('/api/users')]) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['x-frame-options'])).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(res.headers['referrer-policy']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('password policy: at least 8 characters with letters and digits, argon2id at rest', async () => {
    const admin = await t.as('admin');
    for (const [i, password] of ['short1', 'abcdefgh', '12345678', `${'a'.repeat(128)}1`].entries()) {
      const res = await admin.post('/api/users', { username: `weak${i}`, name: '弱密码', role: 'pm', password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.fields.password).toBeDefined();
    }
    const ok = await admin.post('/api/users', { username: 'strong', name: '强密码', role: 'pm', password: 'Str0ng-enough' });
    expect(ok.status).toBe(201);
    const row = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'strong').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('Str0ng-enough');
    const reset = await admin.post(`/api/users/${ok.body.id}/actions/reset-password`, { version: ok.body.version, password: 'weakweak' });
    expect(reset.status).toBe(400);
    const self = new Client(t.app, '10.1.0.7');
    await self.login('strong', 'Str0ng-enough');
    expect((await self.post('/api/auth/change-password', { currentPassword: 'Str0ng-enough', newPassword: '1234' })).status).toBe(400);
  });

  it('the audit log never holds a password, a hash or a token secret', async () => {
    const admin = await t.as('admin');
    const token = await admin.post('/api/api-tokens', { name: '审计检查', userId: await t.userId('admin') });
    const rows = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    const text = rows.map((r) => `${r.before_json ?? ''}${r.after_json ?? ''}`).join('\n');
    for (const secret of ['$argon2', 'password_hash', 'passwordHash', 'Str0ng-enough', DEMO_PASSWORD, token.body.token]) expect(text).not.toContain(secret);
  });

  it('the audit chain verifies after a burst of concurrent writes, and names the entry tampered with in SQL', async () => {
    const admin = await t.as('admin');
    const hr = await t.as('hr');
    const id = await t.userId('finance');
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => admin.post('/api/departments', { name: `并发部门${i}` })),
      ...Array.from({ length: 10 }, () => hr.patch('/api/auth/me', { phone: '13900000000' })),
      ...Array.from({ length: 5 }, async () => hr.patch(`/api/users/${id}`, { version: (await hr.get(`/api/users/${id}`)).body.version, positionTitle: '财务主管' })),
    ]);
    const ok = await admin.get('/api/audit-log/verify');
    expect(ok.body).toMatchObject({ ok: true, brokenAt: null, checked: await count('audit_log') });

    const ids = (await t.database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
    const edited = ids[Math.floor(ids.length / 2)]!;
    const { after_json } = await t.database.db.selectFrom('audit_log').select('after_json').where('id', '=', edited).executeTakeFirstOrThrow();
    await t.database.db.updateTable('audit_log').set({ after_json: '{"name":"篡改"}' }).where('id', '=', edited).execute();
    expect((await admin.get('/api/audit-log/verify')).body).toMatchObject({ ok: false, brokenAt: edited });
    await t.database.db.updateTable('audit_log').set({ after_json }).where('id', '=', edited).execute();
    expect((await admin.get('/api/audit-log/verify')).body.ok).toBe(true);

    const removed = ids[Math.floor(ids.length / 3)]!;
    await t.database.db.deleteFrom('audit_log').where('id', '=', removed).execute();
    const next = ids[ids.indexOf(removed) + 1]!;
    expect((await admin.get('/api/audit-log/verify')).body).toMatchObject({ ok: false, brokenAt: next, reason: expect.stringContaining('removed') });
  });
});
