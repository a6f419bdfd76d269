import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { TestApp } from '@support/test-app.js';
import { createPlatformTestApp, metaOf } from '@support/platform-test-app.js';
import type { RequestMeta } from '../../platform/context.js';
import { runJobOnce } from '../../platform/scheduler/scheduler.js';
import { ALL_JOBS } from '../../modules.js';
import { remindOverdueApprovals } from '../../platform/approvals/approval.jobs.js';
import { decideApproval, getApproval, listMyPendingApprovals, startApproval, withdrawApproval, type StartApprovalInput } from '../../platform/approvals/approvals.js';

describeEngines('approvals', (engine) => {
  let t: TestApp;
  const clock = { now: new Date('2026-05-11T02:00:00Z') };
  let u: Record<string, number>;
  let nextId = 100;
  beforeAll(async () => {
    t = await createPlatformTestApp(engine, { now: () => clock.now });
    u = {};
    for (const name of ['manager', 'deputy', 'pm', 'specialist', 'specialist2', 'hr', 'leader', 'finance']) u[name] = await t.userId(name);
  });
  afterAll(() => t.close());

  const tx = <T>(fn: (trx: Parameters<typeof startApproval>[0]) => Promise<T>) => t.database.db.transaction().execute(fn);
  const start = async (by: string, input: Omit<StartApprovalInput, 'entity' | 'entityId' | 'title'> & { entityId?: number; title?: string }) => {
    const meta = await metaOf(t, by);
    return tx((trx) => startApproval(trx, t.deps, meta, { entity: 'testdoc', entityId: input.entityId ?? ++nextId, title: input.title ?? '华东方案评审', ...input }));
  };
  const decideAs = (meta: RequestMeta, entityId: number, decision: 'approve' | 'return', comment?: string) =>
    tx((trx) => decideApproval(trx, t.deps, meta, { entity: 'testdoc', entityId, decision, comment }));
  const decide = async (by: string, entityId: number, decision: 'approve' | 'return', comment?: string) => decideAs(await metaOf(t, by), entityId, decision, comment);
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: { status: number; code: string; fields?: Record<string, string> }) => e);
  const inbox = async (user: string, kind: string) =>
    (await t.database.db.selectFrom('notifications').select(['params_json', 'link']).where('user_id', '=', u[user]!).where('kind', '=', kind).orderBy('id').execute()).map((n) => ({ ...JSON.parse(n.params_json), link: n.link }));

  it("'any' step: one approval finishes it; copied users and approvers are told; the slower approver gets 409", async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!, u.deputy!], mode: 'any' }], ccUserIds: [u.hr!], amountFen: 12_000_000 });
    expect(a).toMatchObject({ status: 'pending', currentStep: 1, stepCount: 1, pendingApproverIds: [u.manager, u.deputy], ccUserIds: [u.hr], amountFen: 12_000_000, createdByName: '刘洋' });
    expect(a.steps.map((s) => [s.stepNo, s.mode, s.approverName, s.decision])).toEqual([[1, 'any', '李明', null], [1, 'any', '张华', null]]);
    expect(await inbox('manager', 'approval.pending')).toEqual([{ title: '华东方案评审', actor: '刘洋', link: `/approvals/${a.id}` }]);
    expect(await inbox('hr', 'approval.cc')).toHaveLength(1);
    expect((await listMyPendingApprovals(t.database.db, u.deputy!)).map((x) => x.id)).toContain(a.id);

    const res = await decide('deputy', a.entityId, 'approve', '同意');
    expect(res.outcome).toBe('approved');
    expect(res.approval).toMatchObject({ status: 'approved', currentStep: null, pendingApproverIds: [], decidedAt: clock.now.toISOString() });
    expect(res.approval.stepStates).toEqual([{ stepNo: 1, mode: 'any', state: 'approved' }]);
    expect(await failure(decide('manager', a.entityId, 'approve'))).toMatchObject({ status: 409 });
    expect(await inbox('specialist', 'approval.decided')).toEqual([{ title: '华东方案评审', actor: '张华', result: 'i18n:approval.result.approved', link: `/approvals/${a.id}` }]);
    expect((await listMyPendingApprovals(t.database.db, u.manager!)).map((x) => x.id)).not.toContain(a.id);
  });

  it("'all' step: waits for every approver", async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!, u.deputy!], mode: 'all' }] });
    const first = await decide('manager', a.entityId, 'approve');
    expect(first.outcome).toBe('pending');
    expect(first.approval).toMatchObject({ status: 'pending', currentStep: 1, pendingApproverIds: [u.deputy] });
    expect(await failure(decide('manager', a.entityId, 'approve'))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await decide('deputy', a.entityId, 'approve')).outcome).toBe('approved');
  });

  it('two steps route in order: the second approver is asked only after the first step, and not before', async () => {
    const a = await start('pm', { steps: [{ approverIds: [u.manager!], mode: 'any' }, { approverIds: [u.leader!], mode: 'any' }], amountFen: 60_000_000 });
    expect(await failure(decide('leader', a.entityId, 'approve'))).toMatchObject({ status: 403 });
    expect(await inbox('leader', 'approval.pending')).toEqual([]);
    const first = await decide('manager', a.entityId, 'approve');
    expect(first).toMatchObject({ outcome: 'pending', approval: { currentStep: 2, pendingApproverIds: [u.leader] } });
    expect(first.approval.stepStates.map((s) => s.state)).toEqual(['approved', 'pending']);
    expect(await inbox('leader', 'approval.pending')).toEqual([{ title: '华东方案评审', actor: '陈静', link: `/approvals/${a.id}` }]);
    expect((await decide('leader', a.entityId, 'approve')).outcome).toBe('approved');
  });

  it('return needs a comment, ends the approval, and the record may be submitted again', async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!], mode: 'any' }, { approverIds: [u.leader!], mode: 'any' }] });
    const noComment = await failure(decide('manager', a.entityId, 'return', '  '));
    expect(noComment).toMatchObject({ status: 400, fields: { comment: 'field.required' } });
    expect(await failure(decide('specialist2', a.entityId, 'return', '不行'))).toMatchObject({ status: 403 });
    const res = await decide('manager', a.entityId, 'return', '预算依据不足');
    expect(res.outcome).toBe('returned');
    expect(res.approval.steps[0]).toMatchObject({ decision: 'returned', comment: '预算依据不足' });
    expect(res.approval.stepStates.map((s) => s.state)).toEqual(['returned', 'waiting']);
    expect((await inbox('specialist', 'approval.decided')).at(-1)).toMatchObject({ result: 'i18n:approval.result.returned', actor: '李明' });
    const again = await start('specialist', { entityId: a.entityId, steps: [{ approverIds: [u.manager!], mode: 'any' }] });
    expect(again.id).not.toBe(a.id);
    expect((await getApproval(t.database.db, 'testdoc', a.entityId))?.id).toBe(again.id);
    expect(await failure(start('specialist', { entityId: a.entityId, steps: [{ approverIds: [u.manager!], mode: 'any' }] }))).toMatchObject({ status: 409, code: 'APPROVAL_PENDING' });
  });

  it('checks its input: approvers must exist and be active', async () => {
    const bad = await failure(start('specialist', { steps: [{ approverIds: [u.manager!, 999_999], mode: 'any' }], ccUserIds: [888_888] }));
    expect(bad).toMatchObject({ status: 400, fields: { 'steps.0.approverIds.1': 'field.notExists', 'ccUserIds.0': 'field.notExists' } });
    const empty = await failure(start('specialist', { steps: [] }));
    expect(empty).toMatchObject({ status: 400 });
    expect(Object.keys((empty as { fields: object }).fields)).toEqual(['steps']);
    expect(await getApproval(t.database.db, 'testdoc', 999_999)).toBeNull();
  });

  it('transfer, remind (at most hourly), approve: each on the timeline in order and in the audit log', async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!], mode: 'all' }], ccUserIds: [u.hr!] });
    const submitter = await t.as('specialist');
    const manager = await t.as('manager');
    const url = `/api/approvals/${a.id}/actions`;

    expect((await submitter.post(`${url}/transfer`, { toUserId: u.deputy })).status).toBe(403);
    expect((await (await t.as('specialist2')).post(`${url}/transfer`, { toUserId: u.deputy })).status).toBe(404);
    expect((await manager.post(`${url}/transfer`, {})).body.error.fields).toEqual({ toUserId: '必填' });
    expect((await manager.post(`${url}/transfer`, { toUserId: u.manager })).body.error.fields).toEqual({ toUserId: '不能转交给本人或本步骤已有的审批人' });
    expect((await manager.post(`${url}/transfer`, { toUserId: 999_999 })).body.error.fields).toEqual({ toUserId: '所选记录不存在' });
    const huge = await manager.post(`${url}/transfer`, { toUserId: 2 ** 31, comment: 'a\u0000b' });
    expect(huge.status).toBe(400);
    expect(Object.keys(huge.body.error.fields).sort()).toEqual(['comment', 'toUserId']);
    const moved = await manager.post(`${url}/transfer`, { toUserId: u.deputy, comment: '出差中，请张华代审' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ pendingApproverIds: [u.deputy], policies: { decide: false, transfer: false, remind: false } });
    expect(await inbox('deputy', 'approval.transferred')).toEqual([{ title: '华东方案评审', actor: '李明', link: `/approvals/${a.id}` }]);
    expect(await failure(decide('manager', a.entityId, 'approve'))).toMatchObject({ status: 403 });

    expect((await manager.post(`${url}/remind`)).status).toBe(403);
    const reminded = await submitter.post(`${url}/remind`);
    expect(reminded.status).toBe(200);
    expect(await inbox('deputy', 'approval.remind')).toEqual([{ title: '华东方案评审', actor: '刘洋', link: `/approvals/${a.id}` }]);
    const tooSoon = await submitter.post(`${url}/remind`);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.code).toBe('RATE_LIMITED');
    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    expect((await (await t.as('specialist')).post(`${url}/remind`)).status).toBe(200);
    expect(await inbox('deputy', 'approval.remind')).toHaveLength(2);

    expect((await decide('deputy', a.entityId, 'approve', '同意')).outcome).toBe('approved');
    const view = await (await t.as('hr')).get(`/api/approvals/${a.id}`);
    expect(view.status).toBe(200);
    expect(view.body.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'cc', 'transferred', 'reminded', 'reminded', 'approved']);
    expect(view.body.events[2]).toMatchObject({ actorName: '李明', targetUserName: '张华', comment: '出差中，请张华代审', stepNo: 1 });
    expect(view.body.steps.map((s: { approverName: string; decision: string }) => [s.approverName, s.decision])).toEqual([['李明', 'transferred'], ['张华', 'approved']]);
    expect((await (await t.as('specialist')).post(`${url}/remind`)).status).toBe(409);

    const audit = await (await t.as('admin')).get(`/api/audit-log?entity=approval&entityId=${a.id}&sort=id`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['start', 'transfer', 'remind', 'remind', 'approve']);
    expect(audit.body.items[4]).toMatchObject({ actorName: '张华', after: { status: 'approved', comment: '同意' } });
  });

  it('concurrent decisions by two approvers of an any step: one wins, the other gets 409', async () => {
    for (const steps of [[{ approverIds: [u.manager!, u.deputy!], mode: 'any' as const }], [{ approverIds: [u.manager!, u.deputy!], mode: 'any' as const }, { approverIds: [u.leader!], mode: 'any' as const }]]) {
      const a = await start('specialist', { steps });
      const [m, d] = [await metaOf(t, 'manager'), await metaOf(t, 'deputy')];
      const results = await Promise.allSettled([decideAs(m, a.entityId, 'approve'), decideAs(d, a.entityId, 'approve')]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toMatchObject({ status: 409 });
      const after = (await getApproval(t.database.db, 'testdoc', a.entityId))!;
      expect(after.steps.filter((s) => s.decision === 'approved')).toHaveLength(1);
      expect(after.events.filter((e) => e.kind === 'approved')).toHaveLength(1);
      expect(after.version).toBe(2);
    }
  });

  it('a decision that read the approval before another committed is refused by the version check', async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!, u.deputy!], mode: 'any' }] });
    const [m, d] = [await metaOf(t, 'manager'), await metaOf(t, 'deputy')];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The manager's transaction decides and holds its commit; the deputy's reads the old version meanwhile.
    const first = tx(async (trx) => {
      const r = await decideApproval(trx, t.deps, m, { entity: 'testdoc', entityId: a.entityId, decision: 'approve' });
      await gate;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const second = failure(decideAs(d, a.entityId, 'approve'));
    await new Promise((r) => setTimeout(r, 300));
    release();
    expect((await first).outcome).toBe('approved');
    // PostgreSQL: the deputy's update waited for the lock, then found the version gone. SQLite runs one writer at a time.
    expect(await second).toMatchObject({ status: 409, code: engine === 'postgres' ? 'VERSION_CONFLICT' : 'INVALID_TRANSITION' });
  });

  it('lists my approvals: awaiting me, submitted by me, copied to me; others see nothing', async () => {
    const a = await start('specialist2', { steps: [{ approverIds: [u.pm!], mode: 'any' }], ccUserIds: [u.finance!], title: '华南方案' });
    const pm = await t.as('pm');
    const pending = await pm.get('/api/approvals');
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect(pending.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(pending.body.items[0]).toMatchObject({ title: '华南方案', entity: 'testdoc', createdByName: '赵敏', stepStartedAt: clock.now.toISOString() });
    const mine = await (await t.as('specialist2')).get('/api/approvals?mine=submitted&status=pending');
    expect(mine.body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect((await (await t.as('finance')).get('/api/approvals?mine=cc')).body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect((await (await t.as('finance')).get('/api/approvals')).body.total).toBe(0);
    const detail = await pm.get(`/api/approvals/${a.id}`);
    expect(detail.body.policies).toEqual({ decide: true, transfer: true, remind: false });
    expect((await (await t.as('specialist2')).get(`/api/approvals/${a.id}`)).body.policies).toEqual({ decide: false, transfer: false, remind: true });
    // `actions`, the shape every record answers, says the same.
    expect(detail.body.actions).toEqual(['decide', 'transfer']);
    expect((await (await t.as('specialist2')).get(`/api/approvals/${a.id}`)).body.actions).toEqual(['remind']);
    for (const user of ['specialist', 'manager', 'admin']) expect((await (await t.as(user)).get(`/api/approvals/${a.id}`)).status).toBe(404);
    const bad = await pm.get('/api/approvals?mine=everyone&status=done');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['mine', 'status']);
    expect((await pm.get('/api/approvals/abc')).status).toBe(400);
    expect((await t.anonymous().get('/api/approvals')).status).toBe(401);
  });

  it('a daily job reminds the approvers of approvals waiting more than 24 hours, once per run', async () => {
    const job = ALL_JOBS.find((j) => j.name === 'remind-overdue-approvals');
    expect(job?.pattern).toBe('7 9 * * *');
    await t.database.db.updateTable('approvals').set({ status: 'withdrawn' }).where('status', '=', 'pending').execute();
    const a = await start('specialist', { steps: [{ approverIds: [u.finance!], mode: 'any' }], title: '差旅报销' });
    const at = (hours: number) => new Date(clock.now.getTime() + hours * 3600_000);
    expect(await remindOverdueApprovals(t.deps, at(23))).toBe(0);
    expect(await runJobOnce(t.deps, job!, at(25))).toBe(true);
    expect(await runJobOnce(t.deps, job!, at(25))).toBe(false);
    expect(await inbox('finance', 'approval.remind')).toEqual([{ title: '差旅报销', actor: 'i18n:notify.system', link: `/approvals/${a.id}` }]);
    const n = await (await t.as('finance')).get('/api/notifications?unread=true');
    expect(n.body.items[0].title).toBe('系统催办：「差旅报销」仍待您审批');
    const view = (await getApproval(t.database.db, 'testdoc', a.entityId))!;
    expect(view.events.at(-1)).toMatchObject({ kind: 'reminded', actorId: null, actorName: null });
    expect(await remindOverdueApprovals(t.deps, at(49))).toBe(1);
    expect(await inbox('finance', 'approval.remind')).toHaveLength(2);
  });

  it('the submitter may withdraw; nobody decides a withdrawn approval', async () => {
    const a = await start('specialist', { steps: [{ approverIds: [u.manager!], mode: 'any' }] });
    const other = await metaOf(t, 'manager');
    expect(await failure(tx((trx) => withdrawApproval(trx, t.deps, other, { entity: 'testdoc', entityId: a.entityId })))).toMatchObject({ status: 403 });
    const meta = await metaOf(t, 'specialist');
    const w = await tx((trx) => withdrawApproval(trx, t.deps, meta, { entity: 'testdoc', entityId: a.entityId, comment: '需补充材料' }));
    expect(w).toMatchObject({ status: 'withdrawn', pendingApproverIds: [] });
    expect(w.events.at(-1)).toMatchObject({ kind: 'withdrawn', comment: '需补充材料' });
    expect(await failure(decide('manager', a.entityId, 'approve'))).toMatchObject({ status: 409 });
  });
});
