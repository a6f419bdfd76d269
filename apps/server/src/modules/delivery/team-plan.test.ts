import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import { auditActions, deliveryApp, runningProject, signedProject, TODAY, type DeliveryKit } from '@support/delivery-kit.js';

describeEngines('delivery: team, scope, plan, progress, issues, change requests', (engine) => {
  let k: DeliveryKit;
  let id: number;
  let otherId: number;
  beforeAll(async () => {
    k = await deliveryApp(engine);
    ({ id } = await runningProject(k));
    ({ id: otherId } = await signedProject(k));
  });
  afterAll(() => k.close());

  it('the PM forms the team; members see the project in “my projects”; team changes are audited', async () => {
    const { a, t } = k;
    const team = await a.pm.get(`/api/projects/${id}/members`);
    expect(team.body.items.map((m: { userName: string; projectRole: string }) => [m.userName, m.projectRole])).toEqual([
      ['刘洋', '实施顾问'],
      ['赵敏', '业务分析师'],
    ]);
    const mine = (await a.specialist2.get('/api/projects?mine=true&pageSize=100')).body.items.map((p: { id: number; myRole: string }) => [p.id, p.myRole]);
    expect(mine).toContainEqual([id, 'member']);
    expect(mine.map(([pid]: [number]) => pid)).not.toContain(otherId);
    expect((await a.specialist2.get(`/api/projects/${id}`)).body.myRole).toBe('member');

    const again = await a.pm.post(`/api/projects/${id}/members`, { userId: await t.userId('specialist'), projectRole: '顾问' });
    expect(again.status).toBe(400);
    expect(again.body.error.fields.userId).toBe('已是项目成员');
    const outsider = await a.pm.post(`/api/projects/${id}/members`, { userId: await t.userId('finance'), projectRole: '顾问' });
    expect(outsider.body.error.fields.userId).toBe('须为业务部门在职员工');
    expect((await a.specialist.post(`/api/projects/${id}/members`, { userId: await t.userId('deputy'), projectRole: '顾问' })).status).toBe(403);

    const deputy = await a.pm.post(`/api/projects/${id}/members`, { userId: await t.userId('deputy'), projectRole: '质量顾问' });
    expect(deputy.status).toBe(201);
    const edited = await a.pm.patch(`/api/projects/${id}/members/${deputy.body.id}`, { version: deputy.body.version, responsibilities: '交付质量把关' });
    expect(edited.body.responsibilities).toBe('交付质量把关');
    const removed = await a.pm.request('DELETE', `/api/projects/${id}/members/${deputy.body.id}`);
    expect(removed.body).toMatchObject({ active: false, leftOn: TODAY });
    expect((await a.pm.get(`/api/projects/${id}/members?includeFormer=true`)).body.items).toHaveLength(3);
    expect(await auditActions(t, 'project', id)).toEqual(expect.arrayContaining(['add-member', 'update-member', 'remove-member', 'transition:start']));
  });

  it('scope: a member of project A cannot read project B (404); wrong roles get 403', async () => {
    const { a } = k;
    expect((await a.specialist2.get(`/api/projects/${otherId}`)).status).toBe(404);
    expect((await a.specialist2.get(`/api/projects/${otherId}/tasks`)).status).toBe(404);
    expect((await a.specialist2.get(`/api/projects/${otherId}/expenses`)).status).toBe(404);
    expect((await a.specialist2.get('/api/projects?pageSize=200')).body.items.map((p: { id: number }) => p.id)).not.toContain(otherId);
    expect((await a.hr.get(`/api/projects/${id}`)).status).toBe(403);
    expect((await a.finance.post(`/api/projects/${otherId}/actions/start`, {})).status).toBe(403);
    // 刘洋 leads project B but is only a member of A: he may not start or steer A.
    expect((await a.specialist.post(`/api/projects/${id}/actions/submit-internal-acceptance`, {})).status).toBe(403);
    expect((await a.specialist2.post(`/api/projects/${otherId}/actions/start`, {})).status).toBe(404);
    expect((await a.manager.get(`/api/projects/${otherId}`)).status).toBe(200);
    expect((await a.leader.get(`/api/projects/${otherId}`)).body.actions).toEqual([]);
  });

  it('plan: tasks with owners and dependencies; plan vs actual with days late and weighted % complete', async () => {
    const { a, t } = k;
    const project = (await a.pm.get(`/api/projects/${id}`)).body;
    const [m1, m2] = project.milestones;
    expect(m1).toMatchObject({ name: '现状调研', status: 'overdue', daysLate: 31 });
    const notMember = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: m1.id, name: '访谈', ownerId: await t.userId('finance'), plannedStart: '2026-12-01', plannedEnd: '2026-12-10' });
    expect(notMember.body.error.fields.ownerId).toBe('须为本项目的团队成员');
    const foreign = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: (await a.manager.get(`/api/projects/${otherId}`)).body.milestones[0].id, name: '访谈', ownerId: await t.userId('specialist'), plannedStart: '2026-12-01', plannedEnd: '2026-12-10' });
    expect(foreign.body.error.fields.milestoneId).toBe('不属于本项目');
    const backwards = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: m1.id, name: '访谈', ownerId: await t.userId('specialist'), plannedStart: '2026-12-10', plannedEnd: '2026-12-01' });
    expect(Object.keys(backwards.body.error.fields)).toEqual(['plannedEnd']);

    const interviews = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: m1.id, name: '高层访谈', ownerId: await t.userId('specialist'), plannedStart: '2026-12-01', plannedEnd: '2026-12-10', weight: 1 });
    const report = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: m1.id, name: '调研报告', ownerId: await t.userId('specialist'), plannedStart: '2026-12-11', plannedEnd: '2026-12-20', weight: 3, dependsOn: [interviews.body.id] });
    const pilot = await a.pm.post(`/api/projects/${id}/tasks`, { milestoneId: m2.id, name: '试点上线', ownerId: await t.userId('specialist2'), plannedStart: '2027-01-05', plannedEnd: '2027-03-31' });
    expect([interviews.status, report.status, pilot.status]).toEqual([201, 201, 201]);
    const loop = await a.pm.patch(`/api/projects/${id}/tasks/${interviews.body.id}`, { version: interviews.body.version, dependsOn: [report.body.id] });
    expect(loop.body.error.fields.dependsOn).toBe('任务依赖形成了循环');

    // The owner records actuals; a date after today is refused, nothing saved.
    const future = await a.specialist.patch(`/api/projects/${id}/tasks/${interviews.body.id}`, { version: interviews.body.version, actualStart: '2026-12-01', actualEnd: '2027-02-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.actualEnd).toBe('日期不能晚于今天');
    const done = await a.specialist.patch(`/api/projects/${id}/tasks/${interviews.body.id}`, { version: interviews.body.version, actualStart: '2026-12-01', actualEnd: '2026-12-12' });
    expect(done.body).toMatchObject({ status: 'done', progress: 100, daysLate: 2 });
    expect((await a.specialist.patch(`/api/projects/${id}/tasks/${report.body.id}`, { version: report.body.version, name: '改名' })).status).toBe(403);
    expect((await a.specialist2.patch(`/api/projects/${id}/tasks/${report.body.id}`, { version: report.body.version, progress: 10 })).status).toBe(403);

    const after = (await a.pm.get(`/api/projects/${id}`)).body;
    expect(after.milestones[0]).toMatchObject({ progress: 25, status: 'overdue' });
    expect(after.schedule.percentComplete).toBe(12.5); // milestone 1 at 25%, milestone 2 at 0%, equal weights
    expect(after.schedule.maxDaysLate).toBe(31);
    expect(after.health).toBe('red');
    expect(after.healthDetail.factors.map((f: { factor: string }) => f.factor)).toContain('schedule');
    const list = (await a.manager.get(`/api/projects?health=red&pageSize=200`)).body.items.map((p: { id: number }) => p.id);
    expect(list).toContain(id);
  });

  it('progress reports: % outside 0–100 refused; reports roll up into the plan; the PM sees who has not reported', async () => {
    const { a } = k;
    const tasks = (await a.specialist.get(`/api/projects/${id}/tasks?ownerId=${await k.t.userId('specialist')}`)).body.items;
    const report = tasks.find((x: { name: string }) => x.name === '调研报告');
    const status = await a.pm.get(`/api/projects/${id}/progress-reports/status`);
    expect(status.body).toMatchObject({ period: '2027-W03', periodStart: '2027-01-18', periodEnd: '2027-01-24' });
    expect(status.body.missing.map((m: { name: string }) => m.name)).toEqual(['刘洋', '赵敏']);

    const over = await a.specialist.post(`/api/projects/${id}/progress-reports`, { period: '2027-W03', tasks: [{ taskId: report.id, percent: 120 }], workDone: '完成报告初稿' });
    expect(over.status).toBe(400);
    expect(over.body.error.fields['tasks.0.percent']).toBeDefined();
    const negative = await a.specialist2.post(`/api/projects/${id}/progress-reports`, { period: '2027-W03', percentDone: -5, workDone: '准备' });
    expect(negative.body.error.fields.percentDone).toBeDefined();
    const ahead = await a.specialist.post(`/api/projects/${id}/progress-reports`, { period: '2027-W04', tasks: [{ taskId: report.id, percent: 50 }], workDone: '完成报告初稿' });
    expect(ahead.body.error.fields.period).toBe('该周期尚未开始');
    const notMine = await a.specialist2.post(`/api/projects/${id}/progress-reports`, { period: '2027-W03', tasks: [{ taskId: report.id, percent: 50 }], workDone: '协助' });
    expect(notMine.body.error.fields['tasks.0.taskId']).toBe('只能汇报分配给自己的任务');

    const filed = await a.specialist.post(`/api/projects/${id}/progress-reports`, { period: '2027-W03', tasks: [{ taskId: report.id, percent: 60 }], workDone: '完成报告初稿', nextSteps: '客户评审', problems: '部分数据缺失' });
    expect(filed.status).toBe(201);
    expect(filed.body.percentDone).toBe(60);
    const twice = await a.specialist.post(`/api/projects/${id}/progress-reports`, { period: '2027-W03', percentDone: 70, workDone: '再次' });
    expect(twice.status).toBe(409);
    const plan = (await a.pm.get(`/api/projects/${id}`)).body;
    expect(plan.milestones[0].progress).toBe(70); // (1×100 + 3×60) / 4
    expect((await a.pm.get(`/api/projects/${id}/progress-reports/status`)).body.missing.map((m: { name: string }) => m.name)).toEqual(['赵敏']);
    expect((await a.pm.get(`/api/projects/${id}/progress-reports?period=2027-W03`)).body.items[0]).toMatchObject({ userName: '刘洋', problems: '部分数据缺失', tasks: [{ taskName: '调研报告', percent: 60 }] });
  });

  it('issues: a major issue is escalated to the manager, who records the discussion and decides; it closes with a resolution', async () => {
    const { a, t } = k;
    const minor = await a.specialist2.post(`/api/projects/${id}/issues`, { title: '客户接口人请假', description: '影响访谈排期', severity: 'low' });
    expect(minor.body).toMatchObject({ status: 'open', actions: expect.arrayContaining(['escalate', 'close']) });
    const major = await a.specialist2.post(`/api/projects/${id}/issues`, { title: 'ERP 接口无法按期开放', description: '客户 IT 部门排期冲突，试点可能延误两周', severity: 'major' });
    expect(major.body).toMatchObject({ status: 'escalated', severity: 'major' });
    const inbox = await a.manager.get('/api/notifications');
    expect(inbox.body.items.some((n: { kind: string; title: string }) => n.kind === 'issue.escalated' && n.title.includes('ERP 接口无法按期开放'))).toBe(true);
    expect((await a.pm.get(`/api/projects/${id}`)).body.healthDetail.factors.map((f: { factor: string }) => f.factor)).toContain('issues');

    const path = `/api/projects/${id}/issues/${major.body.id}`;
    expect((await a.specialist2.post(`${path}/actions/close`, { resolution: '已解决' })).status).toBe(409);
    expect((await a.pm.post(`${path}/actions/decide`, { meetingDate: TODAY, participants: '李明、陈静', discussion: '讨论', decision: '决定' })).status).toBe(403);
    const tomorrow = await a.manager.post(`${path}/actions/decide`, { meetingDate: '2027-01-21', participants: '李明、陈静', discussion: '讨论', decision: '决定' });
    expect(tomorrow.body.error.fields.meetingDate).toBe('日期不能晚于今天');
    const decided = await a.manager.post(`${path}/actions/decide`, { meetingDate: TODAY, participants: '李明、陈静、赵敏、客户 IT 总监', discussion: '评估了手工导入与推迟试点两种方案', decision: '先以手工导入支撑试点，接口开放后切换' });
    expect(decided.body).toMatchObject({ status: 'decided', decidedByName: '李明', participants: '李明、陈静、赵敏、客户 IT 总监' });
    expect((await a.manager.post(`${path}/actions/decide`, { meetingDate: TODAY, participants: 'x', discussion: 'x', decision: 'x' })).status).toBe(409);
    expect((await a.specialist2.get('/api/notifications')).body.items.some((n: { kind: string }) => n.kind === 'issue.decided')).toBe(true);
    const closed = await a.specialist2.post(`${path}/actions/close`, { resolution: '手工导入已上线，接口延后至二期' });
    expect(closed.body).toMatchObject({ status: 'closed', resolution: '手工导入已上线，接口延后至二期' });

    const raised = await a.pm.patch(`/api/projects/${id}/issues/${minor.body.id}`, { version: minor.body.version, severity: 'major' });
    expect(raised.body.status).toBe('escalated');
    expect(await auditActions(t, 'project_issue', major.body.id)).toEqual(['transition:close', 'transition:decide', 'create']);
  });

  it('change requests: the manager approves and plan and budget change together, before and after kept', async () => {
    const { a } = k;
    const p = (await a.pm.get(`/api/projects/${id}`)).body;
    const [, m2] = p.milestones;
    const [labour, travel] = p.budgetLines;
    const bad = await a.pm.post(`/api/projects/${id}/change-requests`, { title: '增加接口', description: 'x', requestedBy: '陈建华', requestedOn: '2027-01-19', budgetChanges: [{ budgetLineId: 999999, amountFen: 1 }] });
    expect(bad.body.error.fields['budgetChanges.0.budgetLineId']).toBe('不属于本项目');
    const minor = await a.specialist2.post(`/api/projects/${id}/change-requests`, { title: '调整汇报格式', description: '客户希望周报改为双周报', requestedBy: '客户项目办', requestedOn: TODAY });
    expect(minor.status).toBe(201);
    const noComment = await a.manager.post(`/api/projects/${id}/change-requests/${minor.body.id}/actions/reject`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.fields.comment).toBeDefined();
    const rejected = await a.manager.post(`/api/projects/${id}/change-requests/${minor.body.id}/actions/reject`, { comment: '合同约定为周报，维持不变' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionComment: '合同约定为周报，维持不变', before: null, after: null });
    const change = await a.pm.post(`/api/projects/${id}/change-requests`, {
      title: '增加 ERP 数据对接',
      description: '客户要求试点期内完成与 ERP 的数据对接',
      requestedBy: '客户信息中心 陈建华',
      requestedOn: '2027-01-19',
      scopeImpact: '新增接口开发与联调',
      scheduleImpact: '试点顺延一个月',
      milestoneChanges: [{ milestoneId: m2.id, plannedEnd: '2027-04-30' }],
      budgetChanges: [{ budgetLineId: labour.id, amountFen: labour.amountFen + 5_000_000 }],
      newBudgetLines: [{ item: '接口开发外包', amountFen: 3_000_000 }],
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    expect(change.body).toMatchObject({ status: 'submitted', budgetImpactFen: 8_000_000, scheduleImpactDays: 30 });
    expect((await a.pm.post(`/api/projects/${id}/change-requests/${change.body.id}/actions/approve`, {})).status).toBe(403);
    const approved = await a.manager.post(`/api/projects/${id}/change-requests/${change.body.id}/actions/approve`, { comment: '同意，注意控制外包成本' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.before).toMatchObject({ endDate: '2027-03-31', budgetFen: 32_000_000 });
    expect(approved.body.after).toMatchObject({ endDate: '2027-04-30', budgetFen: 40_000_000 });
    const q = (await a.pm.get(`/api/projects/${id}`)).body;
    expect(q).toMatchObject({ endDate: '2027-04-30', budgetFen: 40_000_000 });
    expect(q.milestones[1].plannedEnd).toBe('2027-04-30');
    expect(q.budgetLines.map((l: { item: string; amountFen: number }) => [l.item, l.amountFen])).toEqual([
      ['咨询人天', 35_000_000],
      [travel.item, travel.amountFen],
      ['接口开发外包', 3_000_000],
    ]);
    expect((await a.manager.post(`/api/projects/${id}/change-requests/${change.body.id}/actions/approve`, {})).status).toBe(409);
    expect((await a.specialist2.get(`/api/change-requests/${change.body.id}`)).body).toMatchObject({ projectId: id, status: 'approved' });
    const foreign = await a.manager.post(`/api/projects/${otherId}/change-requests`, { title: '调整', description: '调整', requestedBy: '客户', requestedOn: TODAY });
    expect(foreign.status).toBe(403);
    expect((await a.manager.post(`/api/projects/${id}/change-requests/${change.body.id}/actions/reject`, { comment: '晚了' })).status).toBe(409);
    // After start the baseline moves only through change requests.
    const locked = await a.pm.patch(`/api/projects/${id}/milestones/${m2.id}`, { version: q.milestones[1].version, plannedEnd: '2027-05-31' });
    expect(locked.body.error.fields.plannedEnd).toBe('项目已开始执行，计划日期须通过变更申请调整');
  });

  it('portfolio: health distribution, overdue milestones, escalations and receivables ageing over the projects in scope', async () => {
    const { a } = k;
    const all = (await a.manager.get('/api/reports/delivery-portfolio')).body;
    const open = (await a.manager.get('/api/projects?status=planning,executing,internal_acceptance,customer_acceptance,settlement&pageSize=200')).body;
    expect(all.health.green + all.health.amber + all.health.red + all.health.unrated).toBe(open.total);
    expect(Object.values(all.byStatus as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(all.projectCount);
    expect(all.overdueMilestones).toContainEqual(expect.objectContaining({ projectId: id, name: '现状调研', daysLate: 31 }));
    expect(all.escalations.filter((e: { projectId: number }) => e.projectId === id).map((e: { status: string }) => e.status).sort()).toEqual(['escalated']);
    expect(all.atRisk.map((p: { id: number }) => p.id)).toContain(id);
    const ageing = Object.values(all.receivablesAgeing as Record<string, number>).reduce((x, y) => x + y, 0);
    expect(ageing).toBe(all.money.outstandingFen);
    const mine = (await a.pm.get('/api/reports/delivery-portfolio')).body;
    expect(mine.projectCount).toBeLessThan(all.projectCount);
    expect(mine.projectCount).toBe((await a.pm.get('/api/projects?pageSize=200')).body.total);
    expect(all.projectCount).toBe((await a.manager.get('/api/projects?pageSize=200')).body.total);
    expect((await a.specialist2.get('/api/reports/delivery-portfolio')).status).toBe(403);
  });
});
