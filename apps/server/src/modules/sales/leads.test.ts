import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type TestApp } from '@support/test-app.js';
import { actors, leadTo, needsAnalysis, type Actors } from '@support/sales-flow.js';

describeEngines('leads', (engine) => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await actors(t);
  });
  afterAll(() => t.close());

  it('registers a lead for a new customer, tells the manager, audits it', async () => {
    const lead = await leadTo(t, a, 'registered');
    expect(lead).toMatchObject({ status: 'registered', registeredByName: '周杰', registeredDepartmentName: '市场部', customerRegion: '华东', expectedValueFen: 30_000_000 });
    expect(lead.code).toMatch(/^L\d{4}-\d{5}$/);
    const inbox = await a.manager.get('/api/notifications?unread=true');
    expect(inbox.body.items.some((n: { kind: string; entityId: unknown }) => n.kind === 'lead.awaiting_evaluation' && String(n.entityId) === String(lead.id))).toBe(true);
    const queue = await a.manager.get('/api/leads?status=registered');
    expect(queue.body.items.map((l: { id: number }) => l.id)).toContain(lead.id);
    expect(queue.body.items.find((l: { id: number }) => l.id === lead.id).actions).toEqual(['accept', 'reject']);
    const audit = await (await t.as('admin')).get(`/api/audit-log?entity=lead&entityId=${lead.id}`);
    expect(audit.body.items[0].action).toBe('create');
  });

  it('evaluate: manager 200, specialist 403, reject needs a reason (400), wrong state 409', async () => {
    const lead = await leadTo(t, a, 'registered');
    expect((await a.specialist.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'accept' })).status).toBe(403);
    const noReason = await a.manager.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'reject' }, { 'accept-language': 'en-US' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBe('A reason is required');
    const rejected = await a.manager.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'reject', reason: '不在业务范围' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', evaluationReason: '不在业务范围' });
    const again = await a.manager.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'accept' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const audit = await (await t.as('admin')).get(`/api/audit-log?entity=lead&entityId=${lead.id}&action=transition:evaluate`);
    expect(audit.body.items[0].after).toMatchObject({ status: 'rejected' });
  });

  it('two managers evaluating at once: one 200, one 409', async () => {
    const lead = await leadTo(t, a, 'registered');
    const second = await t.as('manager');
    const results = await Promise.all([
      a.manager.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'accept' }),
      second.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'reject', reason: '重复' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('assign: only to an active pm or specialist; the assignee is told and owns the new customer', async () => {
    const lead = await leadTo(t, a, 'accepted');
    const toHr = await a.manager.post(`/api/leads/${lead.id}/actions/assign`, { assigneeId: await t.userId('hr') });
    expect(toHr.status).toBe(400);
    expect(toHr.body.error.fields.assigneeId).toBe('只能指派给项目经理或业务专员');
    const unknown = await a.manager.post(`/api/leads/${lead.id}/actions/assign`, { assigneeId: 99999 });
    expect(unknown.status).toBe(400);
    const ok = await a.manager.post(`/api/leads/${lead.id}/actions/assign`, { assigneeId: await t.userId('specialist') });
    expect(ok.body).toMatchObject({ status: 'assigned', assigneeName: '刘洋' });
    const customer = await a.specialist.get(`/api/customers/${lead.customerId}`);
    expect(customer.body.ownerName).toBe('刘洋');
    const inbox = await a.specialist.get('/api/notifications');
    expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'lead.assigned')).toBe(true);
    expect((await a.marketing.post(`/api/leads/${lead.id}/actions/assign`, { assigneeId: await t.userId('pm') })).status).toBe(403);
  });

  it('scope: a specialist cannot see another specialist’s lead (404); the registrant can', async () => {
    const lead = await leadTo(t, a, 'assigned', 'specialist2');
    expect((await a.specialist.get(`/api/leads/${lead.id}`)).status).toBe(404);
    expect((await a.specialist.post(`/api/leads/${lead.id}/actions/evaluate`, { decision: 'accept' })).status).toBe(403);
    expect((await a.specialist.request('PUT', `/api/leads/${lead.id}/needs-analysis`, needsAnalysis)).status).toBe(404);
    const list = await a.specialist.get('/api/leads?pageSize=200');
    expect(list.body.items.map((l: { id: number }) => l.id)).not.toContain(lead.id);
    expect((await a.specialist2.get(`/api/leads/${lead.id}`)).status).toBe(200);
    expect((await a.marketing.get(`/api/leads/${lead.id}`)).status).toBe(200);
    expect((await (await t.as('deputy')).get(`/api/leads/${lead.id}`)).status).toBe(200);
  });

  it('needs analysis: versions kept, lead analyzed; bad input 400', async () => {
    const lead = await leadTo(t, a, 'assigned');
    const bad = await a.specialist.request('PUT', `/api/leads/${lead.id}/needs-analysis`, { ...needsAnalysis, requirements: [], budgetMinFen: 5, budgetMaxFen: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['budgetMaxFen', 'requirements']);
    const v1 = await a.specialist.request('PUT', `/api/leads/${lead.id}/needs-analysis`, needsAnalysis);
    expect(v1.body.lead.status).toBe('analyzed');
    const v2 = await a.specialist.request('PUT', `/api/leads/${lead.id}/needs-analysis`, { ...needsAnalysis, timeline: '2027 年 1 月启动' });
    expect(v2.body.current.versionNo).toBe(2);
    expect(v2.body.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    const registered = await leadTo(t, a, 'registered');
    expect((await a.manager.request('PUT', `/api/leads/${registered.id}/needs-analysis`, needsAnalysis)).status).toBe(409);
  });

  it('refuses bad registrations with field errors and saves nothing', async () => {
    const before = (await a.manager.get('/api/leads')).body.total;
    const both = await a.marketing.post('/api/leads', { title: 'x', channel: 'website', customerId: 1, newCustomer: { name: 'y', industry: 'it', region: '华南' }, needs: 'n' });
    expect(both.status).toBe(400);
    expect(both.body.error.fields.customerId).toBeDefined();
    const money = await a.marketing.post('/api/leads', { title: 'x', channel: 'website', newCustomer: { name: 'y', industry: 'it', region: '华南', uscc: '91350100M000100Y44' }, needs: 'n', expectedValueFen: -5 });
    expect(money.status).toBe(400);
    expect(Object.keys(money.body.error.fields).sort()).toEqual(['expectedValueFen', 'newCustomer.uscc']);
    expect((await a.manager.get('/api/leads')).body.total).toBe(before);
  });

  it('a lead for a customer someone else owns: by id refused as unknown; by name attached without granting access', async () => {
    const s2 = await t.as('specialist2');
    const owned = (await a.specialist.post('/api/customers', { name: '他人负责客户有限公司', industry: 'it', region: '华东' })).body;
    expect((await s2.get(`/api/customers/${owned.id}`)).status).toBe(404);
    const body = { title: '外部线索', channel: 'website', needs: '需求' };
    const byId = await s2.post('/api/leads', { ...body, customerId: owned.id });
    const unknown = await s2.post('/api/leads', { ...body, customerId: 2_000_000_000 });
    expect(byId.status).toBe(400);
    expect(byId.body).toEqual(unknown.body);
    const byName = await s2.post('/api/leads', { ...body, newCustomer: { name: '他人负责客户有限公司', industry: 'retail', region: '华南' } });
    expect(byName.status).toBe(201);
    expect(byName.body.customerId).toBe(owned.id);
    // Registering granted nothing: the customer stays out of reach, the lead waits for the manager, who sees the owner.
    expect((await s2.get(`/api/customers/${owned.id}`)).status).toBe(404);
    expect((await s2.get(`/api/leads/${byName.body.id}`)).status).toBe(200);
    expect((await a.manager.get(`/api/customers/${owned.id}`)).body.ownerName).toBeTruthy();
    expect((await t.database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', '他人负责客户有限公司').executeTakeFirstOrThrow()).n).toBe(1);
  });
});
