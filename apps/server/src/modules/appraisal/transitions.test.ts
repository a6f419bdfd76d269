import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { Client, TestApp } from '@support/test-app.js';
import { appraisalOf, appraisalTestApp, clockAt, fillItems, lastAudit } from '@support/appraisal-kit.js';

const clock = clockAt('2031-11-26T02:00:00Z');

type Step = [label: string, who: string, action: string, body: () => unknown, status: number, audit?: string];

/**
 * Every transition the same way: the right person 200 (and an audit entry), the wrong role or
 * person 403, out of scope 404, the wrong state 409, bad input 400 — in the order a cycle runs.
 */
describeEngines('appraisal transitions, one by one', (engine) => {
  let t: TestApp;
  let hr: Client;
  const clients = new Map<string, Client>();
  const as = async (who: string) => {
    if (!clients.has(who)) clients.set(who, await t.as(who));
    return clients.get(who)!;
  };
  const dept = async (code: string) => (await t.database.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await appraisalTestApp(engine, clock);
    hr = await as('hr');
  });
  afterAll(() => t.close());

  describe('monthly (赵敏, evaluated by 张华)', () => {
    let cycleId: number;
    let id: number;
    let d: Awaited<ReturnType<typeof appraisalOf>>;
    beforeAll(async () => {
      const res = await hr.post('/api/appraisal-cycles', { type: 'monthly', period: '2031-11', departmentIds: [await dept('BIZ-2')] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.counts.total).toBe(1);
      cycleId = res.body.id;
      d = await appraisalOf(t, hr, cycleId, 'specialist2');
      id = d.id;
    });

    const feedback = { meetingDate: '2031-11-28', strengths: '客户开拓积极', problems: '需求分析不够深入', improvementPlan: '使用访谈提纲' };
    const steps: Step[] = [
      ['acknowledge before any feedback', 'specialist2', 'acknowledge', () => ({}), 409],
      ['feedback before the evaluation', 'deputy', 'submit-feedback', () => feedback, 409],
      ['self-assessment from outside the scope', 'specialist', 'submit-self', () => ({ items: fillItems(d, 80), summary: 'x' }), 404],
      ['self-assessment by the supervisor', 'deputy', 'submit-self', () => ({ items: fillItems(d, 80), summary: 'x' }), 403],
      ['self-assessment with a score of 120', 'specialist2', 'submit-self', () => ({ items: fillItems(d, 80, false, { learning: { score: 120 } }), summary: 'x' }), 400],
      ['self-assessment', 'specialist2', 'submit-self', () => ({ items: fillItems(d, 80), summary: '华南新客户开拓' }), 200, 'transition:submit-self'],
      ['evaluation by the employee', 'specialist2', 'submit-supervisor', () => ({ items: fillItems(d, 78, true), comment: 'x' }), 403],
      ['evaluation by someone who cannot see it', 'pm', 'submit-supervisor', () => ({ items: fillItems(d, 78, true), comment: 'x' }), 404],
      ['peers in a monthly cycle', 'deputy', 'select-peers', () => ({ peerReviewerIds: [1, 2] }), 409],
      ['closing reviews in a monthly cycle', 'deputy', 'close-reviews', () => ({}), 409],
      ['evaluation without a comment', 'deputy', 'submit-supervisor', () => ({ items: fillItems(d, 78, true), comment: '' }), 400],
      ['evaluation', 'deputy', 'submit-supervisor', () => ({ items: fillItems(d, 78, true), comment: '整体达标' }), 200, 'transition:submit-supervisor'],
      ['evaluation twice', 'deputy', 'submit-supervisor', () => ({ items: fillItems(d, 78, true), comment: '整体达标' }), 409],
      ['feedback by the employee', 'specialist2', 'submit-feedback', () => feedback, 403],
      ['feedback without problems', 'deputy', 'submit-feedback', () => ({ ...feedback, problems: '' }), 400],
      ['feedback', 'deputy', 'submit-feedback', () => feedback, 200, 'transition:submit-feedback'],
      ['acknowledgement by the supervisor', 'deputy', 'acknowledge', () => ({}), 403],
      ['dispute without a comment', 'specialist2', 'dispute', () => ({ comment: '' }), 400],
      ['acknowledgement', 'specialist2', 'acknowledge', () => ({}), 200, 'transition:acknowledge'],
      ['finalizing by the manager', 'manager', 'finalize', () => ({}), 403],
      ['calibration without a reason', 'hr', 'calibrate', () => ({ finalScore: 80 }), 400],
      ['calibration', 'hr', 'calibrate', () => ({ finalScore: 79.5, reason: '与同组校准' }), 200, 'transition:calibrate'],
      ['finalizing', 'hr', 'finalize', () => ({}), 200, 'transition:finalize'],
      ['feedback after finalizing', 'deputy', 'submit-feedback', () => feedback, 409],
    ];
    it.each(steps)('%s → %i', async (_, who, action, body, status, audit) => {
      const res = await (await as(who)).post(`/api/appraisals/${id}/actions/${action}`, body());
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (status === 400) expect(Object.keys(res.body.error.fields ?? {}).length).toBeGreaterThan(0);
      if (audit) expect((await lastAudit(t, 'appraisal', id))?.action).toBe(audit);
    });

    it('closes the cycle for HR only, and nothing moves afterwards', async () => {
      expect((await (await as('manager')).post(`/api/appraisal-cycles/${cycleId}/actions/close`, {})).status).toBe(403);
      const closed = await hr.post(`/api/appraisal-cycles/${cycleId}/actions/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', completionRate: 100, actions: [] });
      expect(await lastAudit(t, 'appraisal_cycle', cycleId)).toMatchObject({ action: 'transition:close' });
      expect((await hr.post(`/api/appraisal-cycles/${cycleId}/actions/close`, {})).status).toBe(409);
      expect((await hr.post(`/api/appraisals/${id}/actions/calibrate`, { finalScore: 60, reason: 'x' })).status).toBe(409);
    });
  });

  describe('annual review round (刘洋, evaluated by 陈静)', () => {
    let id: number;
    beforeAll(async () => {
      const res = await hr.post('/api/appraisal-cycles', { type: 'annual', period: '2031', departmentIds: [await dept('BIZ-1')] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const d = await appraisalOf(t, hr, res.body.id, 'specialist');
      id = d.id;
      expect((await (await as('specialist')).post(`/api/appraisals/${id}/actions/submit-self`, { items: fillItems(d, 85), summary: '全年表现' })).status).toBe(200);
      const sup = await (await as('pm')).post(`/api/appraisals/${id}/actions/submit-supervisor`, { items: fillItems(d, 82, true), comment: '良好', peerReviewerIds: [await t.userId('specialist2'), await t.userId('marketing')] });
      expect(sup.status, JSON.stringify(sup.body)).toBe(200);
    });

    it.each([
      ['the employee', 'specialist', () => Promise.all([t.userId('specialist2'), t.userId('finance')]), 403],
      ['someone who cannot see it', 'specialist2', () => Promise.all([t.userId('deputy'), t.userId('finance')]), 404],
      ['one peer only', 'pm', () => Promise.all([t.userId('finance')]), 400],
    ] as const)('refuses a peer change by %s', async (_, who, ids, status) => {
      expect((await (await as(who)).post(`/api/appraisals/${id}/actions/select-peers`, { peerReviewerIds: await ids() })).status).toBe(status);
    });

    it('swaps a pending peer; the released one loses the form', async () => {
      const res = await (await as('pm')).post(`/api/appraisals/${id}/actions/select-peers`, { peerReviewerIds: [await t.userId('specialist2'), await t.userId('finance')] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.peerReviews.map((p: { reviewerName: string }) => p.reviewerName).sort()).toEqual(['吴芳', '赵敏'].sort());
      expect((await lastAudit(t, 'peer_review', id))?.action).toBe('select-peers');
      expect((await (await as('marketing')).get('/api/peer-reviews')).body.items).toEqual([]);
      expect((await (await as('finance')).get('/api/peer-reviews')).body.items).toHaveLength(1);
    });

    it('ends the round on the supervisor’s word; the mix falls back to the supervisor alone', async () => {
      expect((await (await as('specialist')).post(`/api/appraisals/${id}/actions/close-reviews`, {})).status).toBe(403);
      const res = await (await as('pm')).post(`/api/appraisals/${id}/actions/close-reviews`, { reason: '同事评价未按期提交' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'feedback', peerScore: null, customerScore: null, raterWeights: { supervisor: 100, peer: 0, customer: 0 } });
      expect(res.body.finalScore).toBe(res.body.totalScore);
      expect(JSON.parse((await lastAudit(t, 'appraisal', id))!.after_json!)).toMatchObject({ reason: '同事评价未按期提交', released: 2 });
    });

    it('refuses review actions once the round is over', async () => {
      const pm = await as('pm');
      expect((await pm.post(`/api/appraisals/${id}/actions/select-peers`, { peerReviewerIds: [await t.userId('finance'), await t.userId('marketing')] })).status).toBe(409);
      expect((await pm.post(`/api/appraisals/${id}/customer-links`, { reviewerName: '林晓' })).status).toBe(409);
      expect((await pm.post(`/api/appraisals/${id}/actions/close-reviews`, {})).status).toBe(409);
      expect((await (await as('finance')).get('/api/peer-reviews')).body.items).toEqual([]);
    });
  });
});
