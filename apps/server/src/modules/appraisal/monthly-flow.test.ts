import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { Client, TestApp } from '@support/test-app.js';
import { acceptedProposal, actors, contractBody } from '@support/sales-flow.js';
import { appraisalOf, appraisalTestApp, clockAt, fillItems, lastAudit } from '@support/appraisal-kit.js';

// A Thursday near the end of March 2031.
const clock = clockAt('2031-03-27T02:00:00Z');

describeEngines('monthly appraisal through the API', (engine) => {
  let t: TestApp;
  let hr: Client;
  let pm: Client;
  let specialist: Client;
  let cycleId: number;
  let appraisalId: number;

  beforeAll(async () => {
    t = await appraisalTestApp(engine, clock);
    hr = await t.as('hr');
    pm = await t.as('pm');
    specialist = await t.as('specialist');
    // Objective data for March: a signed contract of ¥320,000 against a ¥400,000 target, two late arrivals.
    const a = await actors(t);
    const proposal = await acceptedProposal(t, a);
    const contract = await a.specialist.post('/api/contracts', contractBody(proposal.id, 32_000_000));
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect((await a.manager.post(`/api/contracts/${contract.body.id}/actions/sign`, { signedDate: '2031-03-10' })).status).toBe(200);
    const manager = await t.as('manager');
    const kpi = await manager.request('PUT', '/api/kpi-targets', { rows: [{ userId: await t.userId('specialist'), period: '2031-03', salesTargetFen: 40_000_000 }] });
    expect(kpi.status, JSON.stringify(kpi.body)).toBe(200);
    const att = await hr.request('PUT', '/api/attendance', {
      rows: [
        { userId: await t.userId('specialist'), month: '2031-03', lateCount: 2, absentDays: 0, leaveDays: 1 },
        { userId: await t.userId('specialist2'), month: '2031-03', lateCount: 0, absentDays: 0, leaveDays: 0 },
      ],
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
  });
  afterAll(() => t.close());

  describe('opening a cycle', () => {
    it.each([
      ['a specialist', 'specialist', { type: 'monthly', period: '2031-03' }, 403],
      ['a manager', 'manager', { type: 'monthly', period: '2031-03' }, 403],
      ['HR with a bad period', 'hr', { type: 'monthly', period: '2031-13' }, 400],
      ['HR with a year for a monthly cycle', 'hr', { type: 'monthly', period: '2031' }, 400],
    ])('refuses %s', async (_, who, body, status) => {
      const res = await (await t.as(who)).post('/api/appraisal-cycles', body);
      expect(res.status).toBe(status);
      if (status === 400) expect(res.body.error.fields.period).toBeDefined();
    });

    it('opens one appraisal per active employee of the business department, with objective items computed', async () => {
      const res = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-03' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      cycleId = res.body.id;
      expect(res.body).toMatchObject({ type: 'monthly', period: '2031-03', status: 'open', templateVersionNo: 1, openedOn: '2031-03-27' });
      expect(res.body.counts.total).toBe(5);
      expect(res.body.counts.byStatus.self_assessment).toBe(5);
      expect(res.body.dueDates).toEqual({ self: '2031-03-30', supervisor: '2031-04-03', reviews: null, feedback: '2031-04-07' });
      expect(await lastAudit(t, 'appraisal_cycle', cycleId)).toMatchObject({ action: 'create' });

      const mine = await appraisalOf(t, hr, cycleId, 'specialist');
      appraisalId = mine.id;
      const objective = mine.objective as Record<string, { score: number | null; actual: number | null; target: number | null; noDataReason: string | null; evidence: { kind: string }[] }>;
      // 320,000 of 400,000 = 80 %.
      expect(objective.sales).toMatchObject({ score: 80, actual: 32_000_000, target: 40_000_000, noDataReason: null });
      expect(objective.sales!.evidence.map((e) => e.kind).sort()).toEqual(['contract', 'kpiTarget']);
      // Two late arrivals at −5, one leave day free.
      expect(objective.discipline).toMatchObject({ score: 90, noDataReason: null });
      // No profit target and no ratings: "no data", not a number.
      expect(objective.profit).toMatchObject({ score: null, noDataReason: 'appraisal.noData.noTarget' });
      expect(objective.customerSatisfaction).toMatchObject({ score: null, noDataReason: 'appraisal.noData.noRatings' });
    });

    it('refuses a second cycle for the same month', async () => {
      const res = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-03' });
      expect(res.status).toBe(409);
      expect(res.body.error.fields.period).toBeDefined();
    });
  });

  describe('steps', () => {
    it('lets the supervisor evaluate only after the self-assessment (409)', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const res = await pm.post(`/api/appraisals/${appraisalId}/actions/submit-supervisor`, { items: fillItems(d, 80, true), comment: '表现稳定' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVALID_TRANSITION');
    });

    it('refuses a self-assessment with bad input and saves nothing', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const missing = fillItems(d, 80);
      delete missing.learning;
      const cases: [Record<string, unknown>, string][] = [
        [{ items: missing, summary: '本月完成两个项目' }, 'items.learning.score'],
        [{ items: fillItems(d, 80, false, { knowledge: { score: 101 } }), summary: 'x' }, 'items.knowledge.score'],
        [{ items: fillItems(d, 80, false, { knowledge: { score: 55 } }), summary: 'x' }, 'items.knowledge.comment'],
        [{ items: fillItems(d, 80, false, { initiative: { score: 97 } }), summary: 'x' }, 'items.initiative.comment'],
        [{ items: { ...fillItems(d, 80), bogus: { score: 80 } }, summary: 'x' }, 'items.bogus'],
        [{ items: fillItems(d, 80), summary: '' }, 'summary'],
      ];
      for (const [body, field] of cases) {
        const res = await specialist.post(`/api/appraisals/${appraisalId}/actions/submit-self`, body);
        expect(res.status, field).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(res.body.error.fields), JSON.stringify(res.body.error.fields)).toContain(field);
      }
      const after = await specialist.get(`/api/appraisals/${appraisalId}`);
      expect(after.body).toMatchObject({ status: 'self_assessment', selfScore: null, self: null });
    });

    it('translates the comment rule with its thresholds', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const res = await specialist.post(`/api/appraisals/${appraisalId}/actions/submit-self`, { items: fillItems(d, 80, false, { knowledge: { score: 40 } }), summary: 'x' }, { 'accept-language': 'en-US' });
      expect(res.body.error.fields['items.knowledge.comment']).toBe('A score below 60 or above 95 needs a comment');
    });

    it('takes the self-assessment from the employee only: supervisor 403, colleague 404', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const body = { items: fillItems(d, 85, false, { knowledge: { score: 96, comment: '通过高级认证' } }), summary: '签约一单，客户回款及时' };
      expect((await pm.post(`/api/appraisals/${appraisalId}/actions/submit-self`, body)).status).toBe(403);
      expect((await (await t.as('specialist2')).post(`/api/appraisals/${appraisalId}/actions/submit-self`, body)).status).toBe(404);
      const res = await specialist.post(`/api/appraisals/${appraisalId}/actions/submit-self`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe('supervisor_review');
      // ability (96 + 3 × 85) ÷ 4 = 87.75; total 0.6 × 85 + 0.3 × 87.75 + 0.1 × 85 = 85.825 → 85.83.
      expect(res.body.selfScore).toBe(85.83);
      // The self score is shown; no supervisor score exists yet.
      expect(res.body.totalScore).toBeNull();
      expect(await lastAudit(t, 'appraisal', appraisalId)).toMatchObject({ action: 'transition:submit-self' });
      expect((await specialist.post(`/api/appraisals/${appraisalId}/actions/submit-self`, body)).status).toBe(409);
      const inbox = await pm.get('/api/notifications');
      expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'appraisal.awaiting_supervisor')).toBe(true);
    });

    it('lets only the recorded supervisor evaluate, and an objective score change needs a reason', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const deputy = await t.as('deputy');
      expect((await deputy.post(`/api/appraisals/${appraisalId}/actions/submit-supervisor`, { items: fillItems(d, 80, true), comment: 'x' })).status).toBe(403);
      const changed = fillItems(d, 80, true, { sales: { score: 90 } });
      const refused = await pm.post(`/api/appraisals/${appraisalId}/actions/submit-supervisor`, { items: changed, comment: '良好' });
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.body.error.fields)).toEqual(['items.sales.overrideReason']);
      const res = await pm.post(`/api/appraisals/${appraisalId}/actions/submit-supervisor`, {
        items: fillItems(d, 80, true, { sales: { score: 90, overrideReason: '3 月另有一单已中标待签' } }),
        comment: '良好，继续保持',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe('feedback');
      // Monthly: the final score is the supervisor's total (mix 100 / 0 / 0); the self score stays beside it.
      expect(res.body.finalScore).toBe(res.body.totalScore);
      expect(res.body.raterWeights).toEqual({ supervisor: 100, peer: 0, customer: 0 });
      expect(res.body.grade).toBe('A');
      expect(res.body.supervisor.items.sales).toMatchObject({ score: 90, computedScore: 80, overrideReason: '3 月另有一单已中标待签' });
      expect(res.body.supervisor.items.knowledge).toMatchObject({ score: 80, computedScore: null, overrideReason: null });
      expect(res.body.selfScore).toBe(85.83);
      const audit = await lastAudit(t, 'appraisal', appraisalId);
      expect(JSON.parse(audit!.after_json!).overrides).toEqual([{ item: 'sales', computed: 80, score: 90, reason: '3 月另有一单已中标待签' }]);
    });

    it('computes the total exactly: weighted means per dimension, two decimals', async () => {
      const d = await pm.get(`/api/appraisals/${appraisalId}`);
      // results: sales 90 (25), profit 80 (15), share 80 (10), quality/schedule/cost 80 (30), satisfaction 80 (20) → 82.5
      // ability 80; attitude: discipline 90 (25) + 80 × 75 → 82.5; total 0.6×82.5 + 0.3×80 + 0.1×82.5 = 81.75
      expect(d.body.supervisor.dimensions).toEqual([
        { key: 'results', weight: 60, score: 82.5 },
        { key: 'ability', weight: 30, score: 80 },
        { key: 'attitude', weight: 10, score: 82.5 },
      ]);
      expect(d.body.totalScore).toBe(81.75);
    });

    it('asks for the feedback record before the employee can acknowledge (409)', async () => {
      expect((await specialist.post(`/api/appraisals/${appraisalId}/actions/acknowledge`, {})).status).toBe(409);
      const bad = await pm.post(`/api/appraisals/${appraisalId}/actions/submit-feedback`, { meetingDate: '2031-03-31', strengths: '', problems: 'x', improvementPlan: 'y' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.strengths).toBeDefined();
      expect((await specialist.post(`/api/appraisals/${appraisalId}/actions/submit-feedback`, { meetingDate: '2031-03-31', strengths: 'a', problems: 'b', improvementPlan: 'c' })).status).toBe(403);
      const res = await pm.post(`/api/appraisals/${appraisalId}/actions/submit-feedback`, { meetingDate: '2031-03-31', strengths: '客户沟通主动', problems: '方案文档偶有疏漏', improvementPlan: '提交前请项目经理复核' });
      expect(res.status).toBe(200);
      expect(res.body.feedback).toMatchObject({ strengths: '客户沟通主动', meetingDate: '2031-03-31' });
      const seen = await specialist.get(`/api/appraisals/${appraisalId}`);
      expect(seen.body.actions).toEqual(expect.arrayContaining(['acknowledge', 'dispute']));
      const ack = await specialist.post(`/api/appraisals/${appraisalId}/actions/acknowledge`, { comment: '认可' });
      expect(ack.status).toBe(200);
      expect(ack.body.status).toBe('calibration');
      expect(ack.body.acknowledgement).toMatchObject({ disputed: false, comment: '认可' });
    });

    it('lets HR calibrate with a reason and finalize; others 403; the result is locked', async () => {
      expect((await pm.post(`/api/appraisals/${appraisalId}/actions/calibrate`, { finalScore: 90, reason: 'x' })).status).toBe(403);
      expect((await hr.post(`/api/appraisals/${appraisalId}/actions/calibrate`, { finalScore: 90 })).status).toBe(400);
      const cal = await hr.post(`/api/appraisals/${appraisalId}/actions/calibrate`, { finalScore: 90.5, reason: '部门整体校准：重点项目贡献' });
      expect(cal.status).toBe(200);
      expect(cal.body).toMatchObject({ finalScore: 90.5, computedFinalScore: 81.75, grade: 'S' });
      const view = await hr.get(`/api/appraisal-cycles/${cycleId}/calibration`);
      expect(view.body.before.find((g: { grade: string }) => g.grade === 'A').count).toBe(1);
      expect(view.body.after.find((g: { grade: string }) => g.grade === 'S').count).toBe(1);
      expect(view.body.adjusted).toEqual([expect.objectContaining({ gradeBefore: 'A', grade: 'S', reason: '部门整体校准：重点项目贡献' })]);

      expect((await pm.post(`/api/appraisals/${appraisalId}/actions/finalize`, {})).status).toBe(403);
      const fin = await hr.post(`/api/appraisals/${appraisalId}/actions/finalize`, {});
      expect(fin.status).toBe(200);
      expect(fin.body.status).toBe('finalized');
      expect(fin.body.actions).toEqual([]);
      expect((await hr.post(`/api/appraisals/${appraisalId}/actions/finalize`, {})).status).toBe(409);
      expect((await hr.post(`/api/appraisals/${appraisalId}/actions/calibrate`, { finalScore: 70, reason: 'x' })).status).toBe(409);
      expect((await pm.post(`/api/appraisals/${appraisalId}/actions/submit-feedback`, { meetingDate: '2031-03-31', strengths: 'a', problems: 'b', improvementPlan: 'c' })).status).toBe(409);

      const results = await hr.get(`/api/appraisal-results?cycleId=${cycleId}`);
      expect(results.body.items).toEqual([expect.objectContaining({ kind: 'bonus', grade: 'S', baseFen: 200_000, coefficient: 1.5, amountFen: 300_000, decision: 'pending' })]);
    });
  });

  it('asks no comment for an objective item kept at its computed score, but does for a judged one', async () => {
    const d = await appraisalOf(t, hr, cycleId, 'specialist2');
    expect(d.objective.discipline!.score).toBe(100);
    const c = await t.as('specialist2');
    const res = await c.post(`/api/appraisals/${d.id}/actions/submit-self`, { items: fillItems(d, 75, true, { knowledge: { score: 97 } }), summary: '完成华南区域拜访' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['items.knowledge.comment']);
    const changed = await c.post(`/api/appraisals/${d.id}/actions/submit-self`, { items: fillItems(d, 75, true, { discipline: { score: 99 } }), summary: '完成华南区域拜访' });
    expect(Object.keys(changed.body.error.fields)).toEqual(['items.discipline.comment']);
  });

  it('lets two concurrent transitions of one appraisal give one 200 and one 409', async () => {
    const d = await appraisalOf(t, hr, cycleId, 'specialist2');
    const c = await t.as('specialist2');
    const body = { items: fillItems(d, 75), summary: '完成华南区域拜访' };
    const [a, b] = await Promise.all([c.post(`/api/appraisals/${d.id}/actions/submit-self`, body), c.post(`/api/appraisals/${d.id}/actions/submit-self`, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('will not close a cycle with appraisals still open, then reports on it', async () => {
    const close = await hr.post(`/api/appraisal-cycles/${cycleId}/actions/close`, {});
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('CYCLE_INCOMPLETE');
    const report = await hr.get(`/api/reports/appraisals?cycleId=${cycleId}`);
    expect(report.status).toBe(200);
    expect(report.body.completion).toEqual({ total: 5, finalized: 1, rate: 20 });
    expect(report.body.ranking[0]).toMatchObject({ rank: 1, employeeName: '刘洋', finalScore: 90.5, grade: 'S' });
    // Nobody else has a final score yet: no rank rather than a tie for second.
    expect(report.body.ranking.slice(1).map((r: { rank: number | null }) => r.rank)).toEqual([null, null, null, null]);
    expect(report.body.gradeDistribution.find((g: { grade: string }) => g.grade === 'S').count).toBe(1);
    expect(report.body.trend.periods).toEqual(['2031-03']);
    const xlsx = await hr.get(`/api/reports/appraisals/export?cycleId=${cycleId}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await specialist.get(`/api/reports/appraisals?cycleId=${cycleId}`)).status).toBe(403);
  });
});
