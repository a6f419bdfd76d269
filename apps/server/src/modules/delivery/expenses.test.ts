import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { auditActions, closeByWriteOff, deliveryApp, runningProject, TODAY, upload, type DeliveryKit } from '@support/delivery-kit.js';

describeEngines('delivery: expenses — PM, manager, finance; over budget; rejections; concurrency', (engine) => {
  let k: DeliveryKit;
  let id: number;
  let travel: { id: number; amountFen: number };
  let labour: { id: number; amountFen: number };
  const claim = async (who: 'specialist' | 'specialist2' | 'pm', amountFen: number, over: Record<string, unknown> = {}) => {
    const c = k.a[who];
    return c.post(`/api/projects/${id}/expenses`, { budgetLineId: travel.id, category: 'travel', amountFen, expenseDate: '2027-01-18', description: '上海客户现场调研差旅', attachmentIds: [await upload(c)], ...over });
  };
  beforeAll(async () => {
    k = await deliveryApp(engine);
    ({ id } = await runningProject(k));
    [labour, travel] = (await k.a.pm.get(`/api/projects/${id}`)).body.budgetLines;
  });
  afterAll(() => k.close());

  it('a member claims with a receipt; the PM approves, then the manager; finance pays; everyone is told', async () => {
    const { a, t } = k;
    const c = await claim('specialist', 300_000);
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ status: 'submitted', awaiting: 'pm', claimantName: '刘洋', budgetLineItem: '差旅', overBudget: false, receipts: [{ name: '票据.pdf' }] });
    expect(c.body.code).toMatch(/^BX2027-\d{5}$/);
    expect((await a.pm.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'approval.pending')).toBe(true);
    const path = `/api/expenses/${c.body.id}`;
    expect((await a.pm.get(path)).body.actions).toEqual(['approve', 'reject']);
    expect((await a.pm.get('/api/expenses?mine=todo&pageSize=200')).body.items.map((e: { id: number }) => e.id)).toContain(c.body.id);
    expect((await a.manager.get('/api/expenses?mine=todo&pageSize=200')).body.items.map((e: { id: number }) => e.id)).not.toContain(c.body.id);
    expect((await a.manager.post(`${path}/actions/approve`, {})).status).toBe(403);
    expect((await a.finance.post(`${path}/actions/pay`, {})).status).toBe(409);
    expect((await a.specialist.post(`${path}/actions/approve`, {})).status).toBe(403);

    const pmOk = await a.pm.post(`${path}/actions/approve`, { comment: '属实' });
    expect(pmOk.body).toMatchObject({ status: 'pm_approved', awaiting: 'manager' });
    expect((await a.pm.post(`${path}/actions/approve`, {})).status).toBe(409);
    expect((await a.specialist2.post(`${path}/actions/approve`, {})).status).toBe(403);
    const managerOk = await a.manager.post(`${path}/actions/approve`, {});
    expect(managerOk.body).toMatchObject({ status: 'approved', awaiting: 'finance', actions: [] });
    expect((await a.finance.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'expense.awaiting_payment')).toBe(true);
    const todo = (await a.finance.get('/api/expenses?mine=todo&pageSize=200')).body.items.map((e: { id: number }) => e.id);
    expect(todo).toContain(c.body.id);
    expect((await a.manager.post(`${path}/actions/pay`, {})).status).toBe(403);
    expect((await a.finance.post(`${path}/actions/pay`, { paidOn: '2027-02-01' })).body.error.fields.paidOn).toBe('日期不能晚于今天');
    const paid = await a.finance.post(`${path}/actions/pay`, { paidOn: TODAY });
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: TODAY, paidByName: '吴芳', awaiting: null });
    expect((await a.finance.post(`${path}/actions/pay`, {})).status).toBe(409);
    expect((await a.specialist.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'expense.paid')).toBe(true);
    const detail = (await a.finance.get(path)).body;
    expect(detail.approval.steps.map((s: { approverName: string; decision: string }) => [s.approverName, s.decision])).toEqual([
      ['陈静', 'approved'],
      ['李明', 'approved'],
    ]);
    expect((await a.finance.get(`/api/attachments/${detail.receipts[0].id}`)).status).toBe(200);
    expect(await auditActions(t, 'expense', c.body.id)).toEqual(['transition:pay', 'transition:approve', 'transition:pm-approve', 'create']);
    const line = (await a.pm.get(`/api/projects/${id}`)).body.budgetLines.find((l: { id: number }) => l.id === travel.id);
    expect(line).toMatchObject({ spentFen: 300_000, committedFen: 0, level: 'ok' });
  });

  it('bad claims: future date, another project’s budget line, no receipt, not a member, a closed project', async () => {
    const { a } = k;
    expect((await claim('specialist', 100, { expenseDate: '2027-01-21' })).body.error.fields.expenseDate).toBe('日期不能晚于今天');
    const other = await runningProject(k);
    const foreignLine = (await a.pm.get(`/api/projects/${other.id}`)).body.budgetLines[0].id;
    const foreign = await claim('specialist', 100, { budgetLineId: foreignLine });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields.budgetLineId).toBe('不属于本项目');
    expect((await claim('specialist', 100, { attachmentIds: [] })).body.error.fields.attachmentIds).toBeDefined();
    expect((await claim('specialist', 0)).body.error.fields.amountFen).toBeDefined();
    expect((await a.deputy.post(`/api/projects/${id}/expenses`, { budgetLineId: travel.id, category: 'travel', amountFen: 100, expenseDate: TODAY, description: 'x', attachmentIds: [await upload(a.deputy)] })).status).toBe(403);
    expect((await a.finance.post(`/api/projects/${id}/expenses`, {})).status).toBe(403);

    await closeByWriteOff(k, other.id);
    const closedLine = (await a.pm.get(`/api/projects/${other.id}`)).body.budgetLines[0].id;
    const late = await a.specialist.post(`/api/projects/${other.id}/expenses`, { budgetLineId: closedLine, category: 'meals', amountFen: 100, expenseDate: TODAY, description: '补报', attachmentIds: [await upload(a.specialist)] });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'PROJECT_CLOSED', fields: { projectId: '项目已结项，不能再报销' } });
  });

  it('a claim that takes the line past its budget warns, then needs the manager’s explicit over-budget approval', async () => {
    const { a } = k;
    const c = await claim('specialist2', travel.amountFen - 300_000 + 50_000);
    expect(c.body).toMatchObject({ overBudget: true, line: { level: 'over' } });
    const line = (await a.pm.get(`/api/projects/${id}`)).body.budgetLines.find((l: { id: number }) => l.id === travel.id);
    expect(line).toMatchObject({ level: 'over', usedFen: travel.amountFen + 50_000 });
    await a.pm.post(`/api/expenses/${c.body.id}/actions/approve`, {});
    const unconfirmed = await a.manager.post(`/api/expenses/${c.body.id}/actions/approve`, {});
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error).toMatchObject({ code: 'OVER_BUDGET', fields: { confirmOverBudget: '本次报销将使「差旅」超出预算 500.00 元，请勾选“同意超预算”后再批准' } });
    expect((await a.manager.get(`/api/expenses/${c.body.id}`)).body.status).toBe('pm_approved');
    const confirmed = await a.manager.post(`/api/expenses/${c.body.id}/actions/approve`, { confirmOverBudget: true, comment: '客户临时增加现场，同意超支' });
    expect(confirmed.body).toMatchObject({ status: 'approved', overBudget: true, overBudgetApprovedByName: '李明' });
    const project = (await a.pm.get(`/api/projects/${id}`)).body;
    expect(project.cost.overrunPct).toBe(2.5);
    expect(project.healthDetail.factors.map((f: { factor: string }) => f.factor)).toContain('cost');

    // The warning threshold: a line at ≥ 90% of its budget warns before it is over.
    const nearly = await a.specialist.post(`/api/projects/${id}/expenses`, { budgetLineId: labour.id, category: 'outsourcing', amountFen: Math.round(labour.amountFen * 0.9), expenseDate: TODAY, description: '外包顾问人天', attachmentIds: [await upload(a.specialist)] });
    expect(nearly.body).toMatchObject({ overBudget: false, line: { level: 'warning', usagePct: 90 } });
  });

  it('every step can reject with a reason; the PM’s own claim goes straight to the manager', async () => {
    const { a } = k;
    const first = await claim('specialist', 1_000);
    expect((await a.pm.post(`/api/expenses/${first.body.id}/actions/reject`, {})).body.error.fields.reason).toBeDefined();
    const byPm = await a.pm.post(`/api/expenses/${first.body.id}/actions/reject`, { reason: '票据抬头不符' });
    expect(byPm.body).toMatchObject({ status: 'rejected', rejectReason: '票据抬头不符', rejectedByName: '陈静' });
    expect((await a.pm.post(`/api/expenses/${first.body.id}/actions/approve`, {})).status).toBe(409);

    const second = await claim('specialist', 2_000);
    await a.pm.post(`/api/expenses/${second.body.id}/actions/approve`, {});
    expect((await a.manager.post(`/api/expenses/${second.body.id}/actions/reject`, { reason: '与合同无关' })).body.status).toBe('rejected');

    const third = await claim('specialist', 3_000);
    await a.pm.post(`/api/expenses/${third.body.id}/actions/approve`, {});
    await a.manager.post(`/api/expenses/${third.body.id}/actions/approve`, { confirmOverBudget: true });
    expect((await a.pm.post(`/api/expenses/${third.body.id}/actions/reject`, { reason: 'x' })).status).toBe(409);
    expect((await a.specialist2.post(`/api/expenses/${third.body.id}/actions/reject`, { reason: 'x' })).status).toBe(403);
    const byFinance = await a.finance.post(`/api/expenses/${third.body.id}/actions/reject`, { reason: '发票已跨年，无法入账' });
    expect(byFinance.body).toMatchObject({ status: 'rejected', rejectedByName: '吴芳' });
    expect((await a.specialist.get('/api/notifications')).body.items.some((n: { kind: string; title: string }) => n.kind === 'expense.rejected' && n.title.includes('发票已跨年'))).toBe(true);

    const own = await claim('pm', 4_000);
    expect(own.body).toMatchObject({ status: 'submitted', awaiting: 'manager' });
    expect((await a.pm.post(`/api/expenses/${own.body.id}/actions/approve`, {})).status).toBe(403);
    expect((await a.manager.post(`/api/expenses/${own.body.id}/actions/approve`, { confirmOverBudget: true })).body.status).toBe('approved');

    const mine = (await a.specialist.get(`/api/expenses?mine=claimed&status=rejected&projectId=${id}`)).body;
    expect(mine.items.map((e: { rejectReason: string }) => e.rejectReason).sort()).toEqual(['与合同无关', '发票已跨年，无法入账', '票据抬头不符'].sort());
  });

  it('concurrent approvals of one claim: one wins, the other gets 409', async () => {
    const { a } = k;
    const c = await claim('specialist', 5_000);
    const pmBoth = await Promise.all([a.pm.post(`/api/expenses/${c.body.id}/actions/approve`, {}), a.pm.post(`/api/expenses/${c.body.id}/actions/approve`, {})]);
    expect(pmBoth.map((r) => r.status).sort()).toEqual([200, 409]);
    const managerBoth = await Promise.all([
      a.manager.post(`/api/expenses/${c.body.id}/actions/approve`, { confirmOverBudget: true }),
      a.manager.post(`/api/expenses/${c.body.id}/actions/reject`, { reason: '重复' }),
    ]);
    expect(managerBoth.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = (await a.manager.get(`/api/expenses/${c.body.id}`)).body;
    expect(['approved', 'rejected']).toContain(final.status);
    expect(final.approval.status).toBe(final.status === 'approved' ? 'approved' : 'returned');
  });
});
