import crypto from 'node:crypto';
import Fastify, { errorCodes } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../apps/server/src/platform/http/error-handler.js';
import { hasMessage } from '../../packages/domain/src/i18n/messages.js';
import { multipartBody } from '@support/multipart-body.js';
import { describeEngines } from '@support/engines.js';
import { Client, createTestApp, DEMO_PASSWORD, type TestApp } from '@support/test-app.js';

/**
 * The defects an outside hostile-input probe found (issue #17), each as the request that showed it.
 * The classes they stand for are covered where the class lives: reference fields in the
 * authorization matrix, date bounds in input-bounds.test.ts, framework errors below.
 */
describeEngines('hostile-input probe findings', (engine) => {
  let t: TestApp;
  let clock = Date.now();
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date(clock) });
  });
  afterAll(() => t?.close());

  it('concurrent wrong passwords cannot pass the limit: 15 attempts 5 at a time give 10 × 401 and 5 × 429 with Retry-After', async () => {
    const c = new Client(t.app, '10.7.0.1');
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let batch = 0; batch < 3; batch++) {
      const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => c.post('/api/auth/login', { username: 'pm', password: `Wrong#${batch}${i}x` })));
      for (const r of replies) {
        statuses.push(r.status);
        if (r.status === 429) retryAfter = r.headers['retry-after'];
      }
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // The right password from that address waits too; the account's owner elsewhere does not.
    expect((await c.post('/api/auth/login', { username: 'pm', password: DEMO_PASSWORD })).status).toBe(429);
    expect((await new Client(t.app, '10.7.0.2').post('/api/auth/login', { username: 'pm', password: DEMO_PASSWORD })).status).toBe(200);
    clock += 61_000;
  });

  it('one account guessed from many addresses is stopped; other accounts and addresses are not', async () => {
    for (let i = 0; i < 30; i++) {
      expect((await new Client(t.app, `10.8.${i}.1`).post('/api/auth/login', { username: 'deputy', password: `Wrong#${i}x` })).status).toBe(401);
    }
    const next = await new Client(t.app, '10.8.99.1').post('/api/auth/login', { username: 'deputy', password: DEMO_PASSWORD });
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(60);
    expect((await new Client(t.app, '10.8.99.1').post('/api/auth/login', { username: 'hr', password: DEMO_PASSWORD })).status).toBe(200);
    clock += 15 * 60_000 + 1_000;
    expect((await new Client(t.app, '10.8.99.2').post('/api/auth/login', { username: 'deputy', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('one address spraying many accounts is stopped after 50 failures; a colleague behind another address is not', async () => {
    const c = new Client(t.app, '10.9.0.1');
    for (let i = 0; i < 50; i++) expect((await c.post('/api/auth/login', { username: `nobody${i}`, password: `Wrong#${i}x` })).status).toBe(401);
    const blocked = await c.post('/api/auth/login', { username: 'leader', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect((await new Client(t.app, '10.9.0.2').post('/api/auth/login', { username: 'leader', password: DEMO_PASSWORD })).status).toBe(200);
    clock += 15 * 60_000 + 1_000;
  });

  it('an expense dated 0000-01-01 is refused with a field error', async () => {
    const pm = await t.as('pm');
    const project = (await pm.get('/api/projects?pageSize=1')).body.items[0];
    const res = await pm.post(`/api/projects/${project.id}/expenses`, { budgetLineId: 1, category: 'travel', amountFen: 100, expenseDate: '0000-01-01', description: '年份为零' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.expenseDate).toBe('日期须在 2000-01-01 至 2099-12-31 之间');
  });

  it('an Idempotency-Key reused with another body or route answers 422 IDEMPOTENCY_KEY_REUSED; the same request replays', async () => {
    const manager = await t.as('manager');
    const key = crypto.randomUUID();
    const first = await manager.post('/api/customers', { name: '幂等测试客户有限公司', industry: 'it', region: '华东' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const same = await manager.post('/api/customers', { region: '华东', industry: 'it', name: '幂等测试客户有限公司' }, { 'idempotency-key': key });
    expect(same.status).toBe(201);
    expect(same.headers['idempotent-replay']).toBe('true');
    expect(same.body.id).toBe(first.body.id);
    const other = await manager.post('/api/customers', { name: '另一家客户有限公司', industry: 'it', region: '华东' }, { 'idempotency-key': key, 'accept-language': 'en-US' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.error.message).toMatch(/different request/);
    const elsewhere = await manager.post('/api/departments', { name: '幂等部门' }, { 'idempotency-key': key });
    expect(elsewhere.status).toBe(403);
    const admin = await t.as('admin');
    await admin.post('/api/departments', { name: '幂等部门' }, { 'idempotency-key': key });
    expect((await admin.post('/api/departments', { name: '幂等部门二' }, { 'idempotency-key': key })).status).toBe(422);
    const named = await t.database.db.selectFrom('customers').select('id').where('name', 'in', ['幂等测试客户有限公司', '另一家客户有限公司']).execute();
    expect(named).toHaveLength(1);
  });

  it('a path parameter of 400 characters answers the API error shape without echoing it', async () => {
    const manager = await t.as('manager');
    const long = 'x'.repeat(400);
    const res = await manager.get(`/api/customers/${long}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), fields: { _: expect.any(String) } } });
    expect(res.raw.body).not.toContain('xxxx');
    const badUrl = await manager.get('/api/customers/%E0%A4%A');
    expect(badUrl.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('two file parts in one upload answer 400 with a field error, not 413', async () => {
    const pm = await t.as('pm');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(200), Buffer.from('\n%%EOF\n')]);
    const { body, headers } = multipartBody([
      { name: 'file', filename: 'a.pdf', content: pdf, type: 'application/pdf' },
      { name: 'file', filename: 'b.pdf', content: pdf, type: 'application/pdf' },
    ]);
    const res = await pm.request('POST', '/api/attachments', body, headers);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toBe('每次只能上传一个文件');
  });

  it('logout with the session cookie needs the CSRF token like every other write', async () => {
    const c = await t.as('specialist');
    const forged = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CSRF');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('framework errors in the API shape', () => {
  const MARKER = 'ECHO<script>MARKER';

  /** Every error class Fastify and @fastify/multipart can raise, each thrown from a route through our handler. */
  it('every Fastify and multipart error code answers {error:{code,message}} with a known code and no input echoed', async () => {
    const probe = await createTestApp('sqlite', { demo: false });
    const multipartErrors = (probe.app as unknown as { multipartErrors: Record<string, new (...args: string[]) => Error> }).multipartErrors;
    await probe.close();
    const classes = [...Object.values(errorCodes), ...Object.values(multipartErrors)] as unknown as (new (...args: string[]) => Error & { code: string })[];
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.get('/api/throw/:n', async (req) => {
      throw new classes[Number((req.params as { n: string }).n)]!(MARKER, MARKER, MARKER);
    });
    const wrong: string[] = [];
    for (let n = 0; n < classes.length; n++) {
      const res = await app.inject({ method: 'GET', url: `/api/throw/${n}` });
      const body = res.json() as { error?: { code?: string; message?: string; fields?: unknown } };
      const code = new classes[n]!(MARKER).code;
      const keys = Object.keys(body.error ?? {}).filter((k) => k !== 'fields');
      if (res.body.includes('MARKER')) wrong.push(`${code}: echoes input`);
      if (keys.join() !== 'code,message' || !hasMessage(body.error!.code!)) wrong.push(`${code}: ${res.body}`);
      if (res.statusCode < 400) wrong.push(`${code}: status ${res.statusCode}`);
    }
    await app.close();
    expect(classes.length).toBeGreaterThan(90);
    expect(wrong).toEqual([]);
  });
});
