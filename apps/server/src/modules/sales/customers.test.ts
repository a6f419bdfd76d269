import { afterAll, beforeAll, expect, it } from 'vitest';
import { withUsccCheck } from '@domain/sales/uscc.rules.js';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type TestApp } from '@support/test-app.js';
import { returnIdleCustomersToPool } from './customers.service.js';

describeEngines('customers and the shared pool', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('creates with contacts; refuses duplicates by name (normalised) or credit code, and bad codes', async () => {
    const c = await t.as('specialist');
    const uscc = withUsccCheck('91310000MA1FL1234');
    const created = await c.post('/api/customers', { name: '上海星辰科技有限公司', uscc, industry: 'it', region: '华东', contacts: [{ name: '陈总', phone: '13900000000', isPrimary: true }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerName: '刘洋', inPool: false, contacts: [{ name: '陈总', isPrimary: true }] });
    const sameName = await c.post('/api/customers', { name: ' 上海星辰科技（有限公司） ', industry: 'it', region: '华东' });
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.fields.name).toContain('上海星辰科技有限公司');
    const sameCode = await c.post('/api/customers', { name: '别名公司', uscc, industry: 'it', region: '华东' });
    expect(sameCode.status).toBe(409);
    const badCode = await c.post('/api/customers', { name: '新公司', uscc: '91310000MA1FL12340', industry: 'it', region: '华东' }, { 'accept-language': 'zh-TW' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.fields.uscc).toContain('統一社會信用代碼');
  });

  it('lists with search, filters and paging; scope hides others’ customers (404)', async () => {
    const s2 = await t.as('specialist2');
    const mine = await s2.post('/api/customers', { name: '广州海风贸易有限公司', industry: 'retail', region: '华南' });
    const s1 = await t.as('specialist');
    expect((await s1.get(`/api/customers/${mine.body.id}`)).status).toBe(404);
    const manager = await t.as('manager');
    const search = await manager.get(`/api/customers?q=${encodeURIComponent('海风')}&industry=retail&sort=-createdAt&page=1&pageSize=20`);
    expect(search.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect((await manager.get(`/api/customers/${mine.body.id}`)).body.related).toMatchObject({ leads: [], proposals: [], contracts: [], projects: [] });
    expect((await (await t.as('hr')).get('/api/customers')).status).toBe(403);
  });

  it('returns idle customers to the pool; claiming respects the cap', async () => {
    const s1 = await t.as('specialist');
    const owned = await s1.post('/api/customers', { name: '杭州沉睡客户有限公司', industry: 'energy', region: '华东' });
    await t.database.db.updateTable('customers').set({ last_activity_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', owned.body.id).execute();
    const moved = await returnIdleCustomersToPool(t.deps, new Date());
    expect(moved).toBeGreaterThanOrEqual(1);
    const pool = await s1.get('/api/customers/pool');
    expect(pool.body.items.map((c: { id: number }) => c.id)).toContain(owned.body.id);
    const inbox = await s1.get('/api/notifications');
    expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'customer.returned_to_pool')).toBe(true);

    const admin = await t.as('admin');
    const pmId = await t.userId('pm');
    const held = await t.database.db.selectFrom('customers').select('id').where('owner_id', '=', pmId).execute();
    const cap = held.length + 1;
    const policy = await admin.post('/api/policies/sales.pool.maxProtectedCustomers/versions', { value: cap, effectiveFrom: new Date().toISOString().slice(0, 10), note: '测试上限' });
    expect(policy.status).toBe(201);
    const pm = await t.as('pm');
    const first = await pm.post(`/api/customers/${owned.body.id}/actions/claim`);
    expect(first.status).toBe(200);
    expect(first.body.ownerName).toBe('陈静');
    expect((await pm.post(`/api/customers/${owned.body.id}/actions/claim`)).status).toBe(400);
    const another = await s1.post('/api/customers', { name: '苏州公海二号有限公司', industry: 'energy', region: '华东' });
    expect((await s1.post(`/api/customers/${another.body.id}/actions/release`)).status).toBe(200);
    const capped = await pm.post(`/api/customers/${another.body.id}/actions/claim`);
    expect(capped.status).toBe(409);
    expect(capped.body.error.fields.id).toContain(String(cap));
  });

  it('edits with version checks and audit; marketing cannot reassign owners', async () => {
    const s1 = await t.as('specialist');
    const created = await s1.post('/api/customers', { name: '南京可编辑有限公司', industry: 'media', region: '华东' });
    const ok = await s1.patch(`/api/customers/${created.body.id}`, { version: 1, address: '南京市鼓楼区' });
    expect(ok.body.version).toBe(2);
    expect((await s1.patch(`/api/customers/${created.body.id}`, { version: 1, address: 'x' })).status).toBe(409);
    expect((await s1.patch(`/api/customers/${created.body.id}`, { version: 2, ownerId: await t.userId('pm') })).status).toBe(403);
  });
});
