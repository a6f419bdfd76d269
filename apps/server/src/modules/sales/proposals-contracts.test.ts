import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { createTestApp, type TestApp } from '@support/test-app.js';
import { acceptedProposal, actors, contractBody, leadTo, proposalContent, type Actors } from '@support/sales-flow.js';

describeEngines('proposals and contracts: lead → contract → project', (engine) => {
  let t: TestApp;
  let a: Actors;
  beforeAll(async () => {
    t = await createTestApp(engine);
    a = await actors(t);
  });
  afterAll(() => t.close());

  it('runs the whole chain with a return and a revision, keeping comments on the version they judged', async () => {
    const lead = await leadTo(t, a, 'analyzed');
    expect((await a.specialist2.post('/api/proposals', { leadId: lead.id, ...proposalContent })).status).toBe(400);
    const created = await a.specialist.post('/api/proposals', { leadId: lead.id, ...proposalContent });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', totalFen: 32_000_000, versionNo: 1, actions: expect.arrayContaining(['submit', 'edit']) });
    expect((await a.specialist.get(`/api/leads/${lead.id}`)).body.status).toBe('converted');
    const id = created.body.id;

    expect((await a.manager.post(`/api/proposals/${id}/actions/approve`)).status).toBe(409);
    expect((await a.specialist.post(`/api/proposals/${id}/actions/submit`)).body.status).toBe('in_review');
    expect((await a.specialist.post(`/api/proposals/${id}/actions/approve`)).status).toBe(403);
    const inbox = await a.manager.get('/api/my-work');
    expect(inbox.body.items.some((i: { kind: string; id: number }) => i.kind === 'review-proposal' && i.id === id)).toBe(true);

    const noComment = await a.manager.post(`/api/proposals/${id}/actions/return`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields.comment).toBeDefined();
    const returned = await a.manager.post(`/api/proposals/${id}/actions/return`, { comment: '预算偏高，请压缩差旅' });
    expect(returned.body.status).toBe('returned');
    const authorInbox = await a.specialist.get('/api/notifications');
    expect(authorInbox.body.items.some((n: { kind: string }) => n.kind === 'proposal.returned')).toBe(true);

    const revised = await a.specialist.patch(`/api/proposals/${id}`, { version: returned.body.version, budgetLines: [{ item: '咨询人天', amountFen: 30_000_000 }, { item: '差旅', amountFen: 1_000_000 }] });
    expect(revised.status).toBe(200);
    expect(revised.body.totalFen).toBe(31_000_000);
    const stale = await a.specialist.patch(`/api/proposals/${id}`, { version: returned.body.version, title: '旧版本' });
    expect(stale.status).toBe(409);
    expect((await a.specialist.post(`/api/proposals/${id}/actions/submit`)).body).toMatchObject({ status: 'in_review', versionNo: 2 });
    expect((await a.manager.post(`/api/proposals/${id}/actions/approve`, { comment: '同意' })).body.status).toBe('approved');

    const history = await a.specialist.get(`/api/proposals/${id}/history`);
    expect(history.body.versions.map((v: { versionNo: number; decision: string; comment: string }) => [v.versionNo, v.decision, v.comment])).toEqual([
      [2, 'approved', '同意'],
      [1, 'returned', '预算偏高，请压缩差旅'],
    ]);
    expect(history.body.versions[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'budgetLines.1', before: { item: '差旅', amountFen: 2_000_000 }, after: { item: '差旅', amountFen: 1_000_000 } },
        { field: 'totalFen', before: 32_000_000, after: 31_000_000 },
      ]),
    );

    expect((await a.specialist.post(`/api/proposals/${id}/actions/customer-accept`)).status).toBe(409);
    expect((await a.specialist.post(`/api/proposals/${id}/actions/send`)).body.status).toBe('sent');
    const round = await a.specialist.post(`/api/proposals/${id}/negotiations`, { date: '2026-11-20', participants: '客户采购部、刘洋', points: '付款节点', outcome: '同意 3/7 分期' });
    expect(round.status).toBe(201);
    expect(round.body.negotiations).toHaveLength(1);
    expect((await a.specialist.post(`/api/proposals/${id}/actions/customer-accept`)).body.status).toBe('accepted');

    const bad = await a.specialist.post('/api/contracts', { ...contractBody(id, 31_000_000), instalments: [{ name: '全款', amountFen: 30_000_000, dueDate: '2027-01-01' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.instalments).toBe('各期付款金额之和必须等于合同金额');
    const contract = await a.specialist.post('/api/contracts', contractBody(id, 31_000_000));
    expect(contract.status).toBe(201);
    expect(contract.body.number).toMatch(/^YY-\d{4}-\d{4}$/);
    expect(contract.body).toMatchObject({ status: 'draft', amountFen: 31_000_000, ownerName: '刘洋' });
    expect((await a.specialist.post('/api/contracts', contractBody(id, 31_000_000))).status).toBe(409);

    expect((await a.specialist.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2026-11-25' })).status).toBe(403);
    const signed = await a.manager.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2026-11-25' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'active', signedDate: '2026-11-25' });
    expect((await a.manager.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2026-11-25' })).status).toBe(409);

    const project = await a.specialist.get(`/api/projects/${signed.body.projectId}`);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ status: 'planning', pmName: '刘洋', budgetFen: 31_000_000, contractNumber: contract.body.number });
    expect(project.body.milestones.map((m: { name: string }) => m.name)).toEqual(['现状调研', '试点实施']);
    expect((await a.specialist2.get(`/api/projects/${signed.body.projectId}`)).status).toBe(404);

    const audit = await (await t.as('admin')).get(`/api/audit-log?entity=contract&entityId=${contract.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['transition:sign', 'create']);
  });

  it('routes a proposal above the amount in the settings to a leader after the manager', async () => {
    const lead = await leadTo(t, a, 'analyzed');
    const big = await a.specialist.post('/api/proposals', { leadId: lead.id, ...proposalContent, budgetLines: [{ item: '整体实施', amountFen: 80_000_000 }] });
    await a.specialist.post(`/api/proposals/${big.body.id}/actions/submit`);
    const afterManager = await a.manager.post(`/api/proposals/${big.body.id}/actions/approve`, {});
    expect(afterManager.body.status).toBe('in_review');
    expect((await a.manager.post(`/api/proposals/${big.body.id}/actions/approve`, {})).status).toBe(403);
    const afterLeader = await a.leader.post(`/api/proposals/${big.body.id}/actions/approve`, { comment: '同意，注意回款' });
    expect(afterLeader.body.status).toBe('approved');
  });

  it('declining needs a reason; contract input errors come with field paths; unique numbers', async () => {
    const lead = await leadTo(t, a, 'analyzed');
    const p = await a.specialist.post('/api/proposals', { leadId: lead.id, ...proposalContent });
    await a.specialist.post(`/api/proposals/${p.body.id}/actions/submit`);
    await a.manager.post(`/api/proposals/${p.body.id}/actions/approve`, {});
    await a.specialist.post(`/api/proposals/${p.body.id}/actions/send`);
    expect((await a.specialist.post(`/api/proposals/${p.body.id}/actions/customer-decline`, {})).status).toBe(400);
    const declined = await a.specialist.post(`/api/proposals/${p.body.id}/actions/customer-decline`, { reason: '预算冻结' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '预算冻结' });
    expect((await a.specialist.post('/api/contracts', contractBody(p.body.id))).status).toBe(400);

    const accepted = await acceptedProposal(t, a);
    const wrong = await a.specialist.post('/api/contracts', { ...contractBody(accepted.id), endDate: '2026-01-01', amountFen: 10.5 });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields)).toEqual(expect.arrayContaining(['amountFen']));
    const dated = await a.specialist.post('/api/contracts', { ...contractBody(accepted.id), endDate: '2026-01-01' });
    expect(dated.body.error.fields.endDate).toBeDefined();
    const manual = await a.specialist.post('/api/contracts', { ...contractBody(accepted.id), number: 'HT-CUSTOM-1' });
    expect(manual.body.number).toBe('HT-CUSTOM-1');
    const other = await acceptedProposal(t, a);
    const dup = await a.specialist.post('/api/contracts', { ...contractBody(other.id), number: 'HT-CUSTOM-1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.number).toBeDefined();
  });

  it('signing is atomic: a failure while creating the project leaves the contract a draft', async () => {
    const accepted = await acceptedProposal(t, a);
    const contract = await a.specialist.post('/api/contracts', contractBody(accepted.id));
    const year = new Date().getUTCFullYear();
    // Occupy the next project code so the project insert fails inside the signing transaction.
    const counter = await t.database.db.selectFrom('counters').select('value').where('name', '=', `PRJ-${year}`).executeTakeFirst();
    const next = Number(counter?.value ?? 0) + 1;
    const code = `PRJ${year}-${String(next).padStart(4, '0')}`;
    const someContract = await t.database.db.selectFrom('contracts').select(['id', 'customer_id']).where('project_id', 'is not', null).executeTakeFirst();
    expect(someContract).toBeDefined();
    await t.database.db.updateTable('projects').set({ code }).where('contract_id', '=', someContract!.id).execute();
    const res = await a.manager.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2026-11-25' });
    expect(res.status).toBe(409);
    const after = await a.manager.get(`/api/contracts/${contract.body.id}`);
    expect(after.body).toMatchObject({ status: 'draft', projectId: null });
    const projects = await t.database.db.selectFrom('projects').select('id').where('contract_id', '=', contract.body.id).execute();
    expect(projects).toHaveLength(0);
  });

  it('funnel counts leads by furthest stage with conversion rates', async () => {
    const res = await a.manager.get('/api/reports/pipeline');
    expect(res.status).toBe(200);
    const stage = (s: string) => res.body.stages.find((x: { stage: string }) => x.stage === s);
    expect(stage('registered').count).toBeGreaterThanOrEqual(stage('accepted').count);
    expect(stage('signed').count).toBeGreaterThanOrEqual(1);
    expect(stage('accepted').conversionFromPrevious).toBeGreaterThan(0);
    expect((await a.marketing.get('/api/reports/pipeline')).status).toBe(403);
  });
});
