import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { TestApp } from '@support/test-app.js';
import { appraisalTestApp, clockAt } from '@support/appraisal-kit.js';

const clock = clockAt('2031-05-27T02:00:00Z');

/** Who sees which appraisals: own only; a supervisor their reports' (the whole chain below); HR and leaders all. */
describeEngines('appraisal visibility', (engine) => {
  let t: TestApp;
  let cycleId: number;
  const idOf = new Map<string, number>();

  beforeAll(async () => {
    t = await appraisalTestApp(engine, clock);
    const hr = await t.as('hr');
    const res = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-05' });
    expect(res.status).toBe(201);
    cycleId = res.body.id;
    const all = await hr.get(`/api/appraisals?cycleId=${cycleId}&pageSize=50`);
    for (const a of all.body.items) idOf.set(a.employeeName, a.id);
  });
  afterAll(() => t.close());

  it.each([
    // 刘洋 specialist → 陈静 pm → 张华 deputy → 李明 manager; 赵敏 specialist2 → 张华.
    ['specialist', ['刘洋']],
    ['specialist2', ['赵敏']],
    ['pm', ['刘洋', '陈静']],
    ['deputy', ['刘洋', '张华', '赵敏', '陈静']],
    ['manager', ['刘洋', '张华', '李明', '赵敏', '陈静']],
    ['hr', ['刘洋', '张华', '李明', '赵敏', '陈静']],
    ['leader', ['刘洋', '张华', '李明', '赵敏', '陈静']],
    ['marketing', []],
  ])('%s sees %j', async (who, names) => {
    const res = await (await t.as(who)).get(`/api/appraisals?cycleId=${cycleId}&pageSize=50`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { employeeName: string }) => a.employeeName).sort()).toEqual([...names].sort());
  });

  it.each([
    ['specialist2', '刘洋', 404],
    ['specialist', '陈静', 404],
    ['marketing', '刘洋', 404],
    ['pm', '刘洋', 200],
    ['hr', '刘洋', 200],
    ['admin', '刘洋', 403],
  ])('%s opening the appraisal of %s → %s', async (who, name, status) => {
    expect((await (await t.as(who)).get(`/api/appraisals/${idOf.get(name)}`)).status).toBe(status);
  });

  it('lists my own and the ones I evaluate', async () => {
    const pm = await t.as('pm');
    const mine = await pm.get('/api/appraisals?view=mine');
    expect(mine.body.items.map((a: { employeeName: string }) => a.employeeName)).toEqual(['陈静']);
    const todo = await pm.get('/api/appraisals?view=to-evaluate');
    // Nothing to evaluate until the self-assessment is in.
    expect(todo.body.items).toEqual([]);
  });

  it('offers each person only the actions they may take', async () => {
    const own = await (await t.as('specialist')).get(`/api/appraisals/${idOf.get('刘洋')}`);
    expect(own.body.actions).toEqual(['submit-self']);
    const sup = await (await t.as('pm')).get(`/api/appraisals/${idOf.get('刘洋')}`);
    expect(sup.body.actions).toEqual([]);
    const hr = await (await t.as('hr')).get(`/api/appraisals/${idOf.get('刘洋')}`);
    expect(hr.body.actions).toEqual([]);
  });

  it('keeps cycles, templates, targets and reports to the roles that run them', async () => {
    const specialist = await t.as('specialist');
    for (const url of ['/api/appraisal-cycles', '/api/appraisal-templates', '/api/kpi-targets', '/api/attendance', `/api/reports/appraisals?cycleId=${cycleId}`, '/api/appraisal-results']) {
      expect((await specialist.get(url)).status, url).toBe(403);
    }
    const manager = await t.as('manager');
    expect((await manager.get('/api/appraisal-cycles')).status).toBe(200);
    expect((await manager.post('/api/appraisal-templates', {})).status).toBe(403);
    expect((await manager.get(`/api/appraisal-cycles/${cycleId}`)).body.counts.total).toBe(5);
    // The deputy's cycle counts cover their own reach only.
    expect((await (await t.as('deputy')).get(`/api/appraisal-cycles/${cycleId}`)).body.counts.total).toBe(4);
  });
});
