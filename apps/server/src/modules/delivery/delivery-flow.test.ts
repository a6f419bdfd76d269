import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { auditActions, closeByWriteOff, deliveryApp, runningProject, signedProject, TODAY, upload, type DeliveryKit } from '@support/delivery-kit.js';

describeEngines('delivery: contract → project → acceptance (with rework) → settlement → closed', (engine) => {
  let k: DeliveryKit;
  beforeAll(async () => {
    k = await deliveryApp(engine);
  });
  afterAll(() => k.close());

  it('runs the whole chain, refusing each step out of turn', async () => {
    const { a, t } = k;
    const { id, contractId } = await runningProject(k);
    const base = `/api/projects/${id}`;
    expect((await a.pm.post(`${base}/actions/start`, {})).status).toBe(409);
    expect((await a.pm.post(`${base}/actions/close`, {})).status).toBe(409);
    expect((await a.pm.post(`${base}/actions/submit-customer-acceptance`, {})).status).toBe(409);

    // [3.3.1] internal acceptance: a checklist from the deliverables and the setting's quality items.
    const internal = await a.pm.post(`${base}/actions/submit-internal-acceptance`, {});
    expect(internal.body.status).toBe('internal_acceptance');
    const rounds = (await a.pm.get(`${base}/acceptances`)).body.items;
    expect(rounds[0]).toMatchObject({ kind: 'internal', round: 1, status: 'open' });
    const items = rounds[0].items as { id: number; name: string; source: string }[];
    expect(items.map((i) => [i.source, i.name]).slice(0, 2)).toEqual([
      ['deliverable', '调研报告'],
      ['deliverable', '试点验收报告'],
    ]);
    expect(items.filter((i) => i.source === 'quality')).toHaveLength(3);
    const check = (result: string, only?: number) => ({ items: items.filter((_, n) => only === undefined || n === only).map((i) => ({ id: i.id, result, note: result === 'fail' ? '数据口径不一致' : '' })) });
    const added = await a.pm.post(`${base}/acceptances/${rounds[0].id}/items`, { name: '源代码与配置已移交', standard: '移交清单签字' });
    expect(added.body.items).toHaveLength(items.length + 1);
    const addedItem = added.body.items.at(-1);

    const pending = await a.pm.post(`${base}/actions/submit-customer-acceptance`, {});
    expect(pending.status).toBe(409);
    expect(pending.body.error.code).toBe('ACCEPTANCE_NOT_PASSED');
    expect(Object.keys(pending.body.error.fields)).toHaveLength(items.length + 1);
    await a.specialist.request('PUT', `${base}/acceptances/${rounds[0].id}/items`, { items: [...check('pass').items, { id: addedItem.id, result: 'pass', note: '' }] });
    const failed = await a.specialist.request('PUT', `${base}/acceptances/${rounds[0].id}/items`, check('fail', 0));
    expect(failed.body.items[0]).toMatchObject({ result: 'fail', checkedByName: '刘洋' });
    const blocked = await a.pm.post(`${base}/actions/submit-customer-acceptance`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.fields).toEqual({ 'items.1': '「调研报告」未通过' });

    // Rework from internal acceptance: the failed round keeps its items; rework tasks appear in the plan.
    const reworkBad = await a.pm.post(`${base}/actions/rework`, { reason: '', items: [] });
    expect(Object.keys(reworkBad.body.error.fields).sort()).toEqual(['items', 'reason']);
    const rework = await a.pm.post(`${base}/actions/rework`, { reason: '调研报告数据口径与客户财务不一致', items: ['统一调研报告数据口径'], dueDate: '2027-01-27' });
    expect(rework.body.status).toBe('executing');
    expect(rework.body.milestones.at(-1)).toMatchObject({ name: '内部验收返工（第 1 轮）', plannedEnd: '2027-01-27', taskCount: 1 });
    expect((await a.specialist2.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'project.rework')).toBe(true);

    await a.pm.post(`${base}/actions/submit-internal-acceptance`, {});
    const round2 = (await a.pm.get(`${base}/acceptances`)).body.items[0];
    expect(round2).toMatchObject({ round: 2, status: 'open' });
    await a.pm.request('PUT', `${base}/acceptances/${round2.id}/items`, { items: round2.items.map((i: { id: number }) => ({ id: i.id, result: 'pass', note: '复核通过' })) });
    const toCustomer = await a.pm.post(`${base}/actions/submit-customer-acceptance`, {});
    expect(toCustomer.status, JSON.stringify(toCustomer.body)).toBe(200);
    expect(toCustomer.body.status).toBe('customer_acceptance');
    expect((await a.pm.request('PUT', `${base}/acceptances/${round2.id}/items`, { items: [{ id: round2.items[0].id, result: 'fail', note: '' }] })).status).toBe(409);

    // [3.3.2] the customer rejects with rework items: back to executing.
    const customerNo = await a.pm.post(`${base}/actions/rework`, { reason: '客户要求补充培训材料', items: ['补充最终用户培训手册', '增加一场管理层汇报'] });
    expect(customerNo.body.status).toBe('executing');
    const afterNo = (await a.pm.get(`${base}/acceptances`)).body.items;
    expect(afterNo[0]).toMatchObject({ kind: 'customer', status: 'rejected', reworkItems: ['补充最终用户培训手册', '增加一场管理层汇报'], reworkReason: '客户要求补充培训材料' });
    await a.pm.post(`${base}/actions/submit-internal-acceptance`, {});
    const round3 = (await a.pm.get(`${base}/acceptances`)).body.items[0];
    await a.pm.request('PUT', `${base}/acceptances/${round3.id}/items`, { items: round3.items.map((i: { id: number }) => ({ id: i.id, result: 'pass', note: '' })) });
    await a.pm.post(`${base}/actions/submit-customer-acceptance`, {});

    // Sign-off needs the signed document; a future date is refused.
    const signedDoc = await upload(a.pm, '验收确认书（盖章）.pdf');
    expect((await a.pm.post(`${base}/actions/settle`, { acceptedDate: '2027-01-21', signer: '陈建华', attachmentIds: [signedDoc] })).body.error.fields.acceptedDate).toBe('日期不能晚于今天');
    expect((await a.pm.post(`${base}/actions/settle`, { acceptedDate: TODAY, signer: '陈建华', attachmentIds: [] })).status).toBe(400);
    expect((await a.specialist.post(`${base}/actions/settle`, { acceptedDate: TODAY, signer: '陈建华', attachmentIds: [signedDoc] })).status).toBe(403);
    const settled = await a.pm.post(`${base}/actions/settle`, { acceptedDate: TODAY, signer: '陈建华', note: '同意验收', attachmentIds: [signedDoc] });
    expect(settled.status, JSON.stringify(settled.body)).toBe(200);
    expect(settled.body.status).toBe('settlement');
    expect((await a.pm.get(`${base}/acceptances`)).body.items[0]).toMatchObject({ kind: 'customer', status: 'accepted', signer: '陈建华', acceptedDate: TODAY, documents: [{ id: signedDoc }] });
    expect((await a.specialist2.get(`/api/attachments/${signedDoc}`)).status).toBe(200);
    expect((await a.marketing.get(`/api/attachments/${signedDoc}`)).status).toBe(404);

    // [3.3.3] invoices against instalments, payments never above what is outstanding.
    const contract = (await a.manager.get(`/api/contracts/${contractId}`)).body;
    const [first, last] = contract.instalments;
    expect((await a.specialist2.post(`${base}/invoices`, { instalmentId: first.id, number: 'FP-0001', amountFen: 1, issuedDate: TODAY })).status).toBe(403);
    const tooMuch = await a.finance.post(`${base}/invoices`, { instalmentId: first.id, number: 'FP-0001', amountFen: first.amountFen + 1, issuedDate: '2026-12-10' });
    expect(tooMuch.body.error.fields.amountFen).toBe(`开票金额不能超过该期款项未开票金额 ${(first.amountFen / 100).toFixed(2)} 元`);
    const inv1 = await a.finance.post(`${base}/invoices`, { instalmentId: first.id, number: 'FP-0001', amountFen: first.amountFen, issuedDate: '2026-12-10' });
    expect(inv1.body).toMatchObject({ dueDate: '2027-01-09', outstandingFen: first.amountFen, overdueDays: 11 });
    expect((await a.pm.post(`${base}/invoices`, { instalmentId: last.id, number: 'FP-0001', amountFen: 100, issuedDate: TODAY })).status).toBe(409);
    const inv2 = await a.pm.post(`${base}/invoices`, { instalmentId: last.id, number: 'FP-0002', amountFen: last.amountFen, issuedDate: TODAY });
    expect(inv2.status).toBe(201);
    expect((await a.pm.post(`${base}/payments`, { invoiceId: inv1.body.id, amountFen: 100, receivedDate: TODAY })).status).toBe(403);
    const over = await a.finance.post(`${base}/payments`, { invoiceId: inv1.body.id, amountFen: first.amountFen + 1, receivedDate: TODAY });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.amountFen).toContain('不能超过该发票未收金额');
    expect((await a.finance.post(`${base}/payments`, { invoiceId: inv1.body.id, amountFen: 100, receivedDate: '2027-02-01' })).body.error.fields.receivedDate).toBe('日期不能晚于今天');
    const part = await a.finance.post(`${base}/payments`, { invoiceId: inv1.body.id, amountFen: first.amountFen - 1_000_000, receivedDate: '2027-01-15' });
    expect(part.status).toBe(201);
    const money = (await a.pm.get(`${base}/settlement`)).body;
    expect(money.receivables).toMatchObject({ contractFen: 32_000_000, invoicedFen: 32_000_000, receivedFen: first.amountFen - 1_000_000, outstandingFen: last.amountFen + 1_000_000, overdueFen: 1_000_000, settled: false });
    expect(money.ageing).toEqual({ current: last.amountFen, d1_30: 1_000_000, d31_60: 0, d61_90: 0, d90_plus: 0 });
    expect(money.instalments.map((i: { invoicedFen: number }) => i.invoicedFen)).toEqual([first.amountFen, last.amountFen]);

    // Closing: settled, a retrospective, every required document — each refusal names what is missing.
    const unsettled = await a.pm.post(`${base}/actions/close`, {});
    expect(unsettled.status).toBe(409);
    expect(unsettled.body.error).toMatchObject({ code: 'PROJECT_NOT_SETTLED', fields: { writeOffReason: `尚有 ${((last.amountFen + 1_000_000) / 100).toFixed(2)} 元未收回；如需核销请由部门经理填写核销原因` } });
    expect((await a.pm.post(`${base}/actions/close`, { writeOffReason: '客户破产' })).status).toBe(403);
    await a.finance.post(`${base}/payments`, { invoiceId: inv1.body.id, amountFen: 1_000_000, receivedDate: TODAY });
    await a.finance.post(`${base}/payments`, { invoiceId: inv2.body.id, amountFen: last.amountFen, receivedDate: TODAY });
    const noRetro = await a.pm.post(`${base}/actions/close`, {});
    expect(noRetro.body.error.code).toBe('RETROSPECTIVE_MISSING');

    const retro = { wentWell: '需求调研扎实，客户高层参与度高', wentWrong: '接口排期依赖客户 IT，导致试点延误', lessons: '涉及客户系统对接的项目，应在合同中明确接口开放时间和责任', reusableAssets: '调研访谈提纲、流程诊断模板' };
    expect((await a.specialist.request('PUT', `${base}/retrospective`, retro)).status).toBe(403);
    const saved = await a.pm.request('PUT', `${base}/retrospective`, retro);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await a.pm.request('PUT', `${base}/retrospective`, retro)).status).toBe(409);
    const revised = await a.pm.request('PUT', `${base}/retrospective`, { ...retro, version: saved.body.version, reusableAssets: '调研访谈提纲、流程诊断模板、接口对接检查表' });
    expect(revised.body.version).toBe(saved.body.version + 1);

    const noDocs = await a.pm.post(`${base}/actions/close`, {});
    expect(noDocs.body.error).toMatchObject({ code: 'DOCUMENTS_MISSING', fields: { documents: '缺少：合同文件、项目计划、项目报告、交付成果' } });
    const detail = (await a.pm.get(`${base}`)).body;
    expect(detail.documents.filter((d: { present: boolean }) => d.present).map((d: { category: string }) => d.category)).toEqual(['acceptance']);
    for (const [category, title] of [['contract', '服务合同（双方盖章）'], ['plan', '项目实施计划'], ['report', '项目周报汇编'], ['deliverable', '调研报告终稿']] as const) {
      const doc = await a.specialist.post(`${base}/documents`, { category, title, attachmentId: await upload(a.specialist, `${title}.pdf`) });
      expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    }
    const plan = (await a.pm.get(`${base}/documents?category=plan`)).body.items[0];
    const v2 = await a.pm.post(`${base}/documents/${plan.id}/versions`, { attachmentId: await upload(a.pm, '项目实施计划 v2.pdf'), note: '按变更调整' });
    expect(v2.body).toMatchObject({ currentVersion: 2, versions: [{ versionNo: 2, note: '按变更调整' }, { versionNo: 1 }] });
    const someoneElses = await upload(a.specialist, 'x.pdf');
    expect((await a.pm.post(`${base}/documents/${plan.id}/versions`, { attachmentId: someoneElses })).body.error.fields['attachmentId.0']).toBeDefined();

    const closed = await a.pm.post(`${base}/actions/close`, { actualEnd: TODAY });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', actualEnd: TODAY, writeOffFen: 0, actions: [], can: { manage: false, claimExpense: false } });
    expect(closed.body.receivables.settled).toBe(true);
    expect((await a.pm.post(`${base}/members`, { userId: await t.userId('deputy'), projectRole: '顾问' })).body.error.code).toBe('PROJECT_CLOSED');
    expect(await auditActions(t, 'project', id)).toEqual(
      expect.arrayContaining(['transition:close', 'transition:settle', 'transition:submit-customer-acceptance', 'transition:rework', 'transition:submit-internal-acceptance', 'check-acceptance', 'transition:start', 'add-member']),
    );

    // [3.3.4] the knowledge base: any 2+ character substring, Chinese included.
    for (const q of ['接口', '排期', '接口开放时间', '诊断模板', 'IT，导致']) {
      const hits = (await a.specialist2.get(`/api/lessons?q=${encodeURIComponent(q)}`)).body;
      expect(hits.items.map((h: { projectId: number }) => h.projectId), q).toContain(id);
    }
    const hit = (await a.specialist2.get(`/api/lessons?q=${encodeURIComponent('开放时间')}`)).body.items[0];
    expect(hit.snippets).toEqual([{ field: 'lessons', text: expect.stringContaining('开放时间') }]);
    expect((await a.specialist2.get(`/api/lessons?q=${encodeURIComponent('区块链')}`)).body.total).toBe(0);
    expect((await a.specialist2.get('/api/lessons?q=x')).status).toBe(400);
    expect((await a.finance.get('/api/lessons')).status).toBe(403);
  });

  it('the manager closes an unsettled project by writing off the rest with a reason', async () => {
    const { a } = k;
    const { id } = await runningProject(k);
    const closed = await closeByWriteOff(k, id);
    expect(closed).toMatchObject({ status: 'closed', writeOffFen: 32_000_000, writeOffReason: '客户经营困难，经公司领导批准核销尾款', receivables: { settled: true } });
    expect((await a.pm.post(`/api/projects/${id}/actions/close`, {})).status).toBe(409);
  });

  it('concurrent transitions of one project: one wins, the other gets 409', async () => {
    const { a } = k;
    const { id } = await signedProject(k);
    const both = await Promise.all([a.specialist.post(`/api/projects/${id}/actions/start`, {}), a.manager.post(`/api/projects/${id}/actions/start`, {})]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
