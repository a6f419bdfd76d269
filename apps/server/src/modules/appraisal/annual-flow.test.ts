import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '@support/engines.js';
import type { Client, TestApp } from '@support/test-app.js';
import { appraisalOf, appraisalTestApp, clockAt, fillItems, lastAudit } from '@support/appraisal-kit.js';
import { multipartBody } from '@support/multipart-body.js';

const clock = clockAt('2031-01-06T02:00:00Z');

describeEngines('annual appraisal with peer and customer reviews', (engine) => {
  let t: TestApp;
  let hr: Client;
  let pm: Client;
  let specialist: Client;
  let cycleId: number;
  let id: number;
  let peerReviewIds: number[] = [];
  let evidenceId = 0;

  beforeAll(async () => {
    t = await appraisalTestApp(engine, clock);
    hr = await t.as('hr');
    pm = await t.as('pm');
    specialist = await t.as('specialist');
    const res = await hr.post('/api/appraisal-cycles', { type: 'annual', period: '2030' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cycleId = res.body.id;
    expect(res.body.dueDates.reviews).not.toBeNull();
    const d = await appraisalOf(t, hr, cycleId, 'specialist');
    id = d.id;
    // The annual self-assessment carries evidence files.
    const { body, headers } = multipartBody([{ name: 'file', filename: '客户表扬信.pdf', content: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 1), Buffer.from('\n%%EOF\n')]), type: 'application/pdf' }]);
    const upload = await specialist.request('POST', '/api/attachments', body, headers);
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    evidenceId = upload.body.id;
    const self = await specialist.post(`/api/appraisals/${id}/actions/submit-self`, { items: fillItems(d, 88), summary: '全年签约三单，客户满意度提升', attachmentIds: [evidenceId] });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    expect(self.body.self.attachments.map((a: { name: string }) => a.name)).toEqual(['客户表扬信.pdf']);
  });
  afterAll(() => t.close());

  describe('the supervisor picks 2–5 peers', () => {
    it.each([
      ['none picked', undefined, 'peerReviewerIds'],
      ['only one', ['specialist2'], 'peerReviewerIds'],
      ['the employee themself', ['specialist', 'specialist2'], 'peerReviewerIds.0'],
      ['the supervisor', ['pm', 'specialist2'], 'peerReviewerIds.0'],
      ['six', ['specialist2', 'deputy', 'manager', 'marketing', 'finance', 'leader'], 'peerReviewerIds'],
    ] as const)('refuses %s', async (_, names, field) => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const peerReviewerIds = names ? await Promise.all(names.map((n) => t.userId(n))) : undefined;
      const res = await pm.post(`/api/appraisals/${id}/actions/submit-supervisor`, { items: fillItems(d, 80, true), comment: '年度表现良好', peerReviewerIds });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
      expect((await pm.get(`/api/appraisals/${id}`)).body.status).toBe('supervisor_review');
    });

    it('moves to the review round and asks the peers', async () => {
      const d = await appraisalOf(t, hr, cycleId, 'specialist');
      const peers = [await t.userId('specialist2'), await t.userId('marketing')];
      const res = await pm.post(`/api/appraisals/${id}/actions/submit-supervisor`, { items: fillItems(d, 80, true), comment: '年度表现良好', peerReviewerIds: peers });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'peer_review', totalScore: 80, finalScore: null });
      expect(res.body.peerReviews.map((p: { status: string }) => p.status)).toEqual(['pending', 'pending']);
      expect(res.body.actions).toEqual(expect.arrayContaining(['select-peers', 'customer-link', 'close-reviews']));
      const inbox = await (await t.as('marketing')).get('/api/notifications');
      expect(inbox.body.items.some((n: { kind: string }) => n.kind === 'appraisal.peer_requested')).toBe(true);
    });
  });

  describe('peers see only their own review form', () => {
    it('lets the supervisor, not a colleague, open the evidence files', async () => {
      expect((await pm.get(`/api/attachments/${evidenceId}`)).status).toBe(200);
      expect((await (await t.as('specialist2')).get(`/api/attachments/${evidenceId}`)).status).toBe(404);
    });

    it('lists the form for the peer, not the appraisal', async () => {
      const peer = await t.as('specialist2');
      const mine = await peer.get('/api/peer-reviews');
      expect(mine.status).toBe(200);
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0]).toMatchObject({ employeeName: '刘洋', status: 'pending', actions: ['submit'] });
      expect(Object.keys(mine.body.items[0])).not.toContain('totalScore');
      peerReviewIds = [mine.body.items[0].id];
      expect((await peer.get(`/api/appraisals/${id}`)).status).toBe(404);
      // Someone else's form is not there for them.
      const other = await (await t.as('marketing')).get('/api/peer-reviews');
      peerReviewIds.push(other.body.items[0].id);
      expect((await peer.get(`/api/peer-reviews/${peerReviewIds[1]}`)).status).toBe(404);
      expect((await peer.post(`/api/peer-reviews/${peerReviewIds[1]}/actions/submit`, { teamwork: 80, communication: 80 })).status).toBe(404);
    });

    it('takes a peer review once, with a comment for extreme scores', async () => {
      const peer = await t.as('specialist2');
      const low = await peer.post(`/api/peer-reviews/${peerReviewIds[0]}/actions/submit`, { teamwork: 50, communication: 80 });
      expect(low.status).toBe(400);
      expect(low.body.error.fields.comment).toBeDefined();
      expect((await peer.post(`/api/peer-reviews/${peerReviewIds[0]}/actions/submit`, { teamwork: 120, communication: 80 })).status).toBe(400);
      const ok = await peer.post(`/api/peer-reviews/${peerReviewIds[0]}/actions/submit`, { teamwork: 92, communication: 88, comment: '配合积极' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'submitted', score: 90, actions: [] });
      expect((await peer.post(`/api/peer-reviews/${peerReviewIds[0]}/actions/submit`, { teamwork: 92, communication: 88 })).status).toBe(409);
      expect(await lastAudit(t, 'peer_review', peerReviewIds[0]!)).toMatchObject({ action: 'transition:submit' });
    });
  });

  describe('customer review link', () => {
    let token = '';

    it('is made by the supervisor for customer-facing staff only', async () => {
      expect((await specialist.post(`/api/appraisals/${id}/customer-links`, { reviewerName: '陈建华' })).status).toBe(403);
      expect((await pm.post(`/api/appraisals/${id}/customer-links`, { reviewerName: '' })).status).toBe(400);
      const res = await pm.post(`/api/appraisals/${id}/customer-links`, { reviewerName: '陈建华（浦江精密）' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.path).toBe(`/review/${res.body.token}`);
      token = res.body.token;
    });

    it('opens the one-page form without an account', async () => {
      const res = await t.anonymous().get(`/api/public/customer-reviews/${token}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ employeeName: '刘洋', reviewerName: '陈建华（浦江精密）', period: '2030', items: ['serviceQuality', 'responsiveness', 'professionalism', 'overall'] });
    });

    it('refuses a tampered signature, expiry or id', async () => {
      const [idPart, exp, sig] = token.split('.') as [string, string, string];
      const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
      for (const bad of [`${idPart}.${exp}.${flip(sig)}`, `${idPart}.${Number(exp) + 86400}.${sig}`, `${Number(idPart) + 1}.${exp}.${sig}`, 'garbage-token-value']) {
        const res = await t.anonymous().get(`/api/public/customer-reviews/${bad}`);
        expect([400, 404], bad).toContain(res.status);
        const post = await t.anonymous().post(`/api/public/customer-reviews/${bad}`, { ratings: { serviceQuality: 5, responsiveness: 5, professionalism: 5, overall: 5 } });
        expect([400, 404]).toContain(post.status);
      }
      const tampered = await t.anonymous().get(`/api/public/customer-reviews/${idPart}.${exp}.${flip(sig)}`);
      expect(tampered.body.error.code).toBe('LINK_INVALID');
    });

    it('takes one submission; the link is dead afterwards', async () => {
      const bad = await t.anonymous().post(`/api/public/customer-reviews/${token}`, { ratings: { serviceQuality: 6, responsiveness: 5, professionalism: 5, overall: 5 } });
      expect(bad.status).toBe(400);
      const ok = await t.anonymous().post(`/api/public/customer-reviews/${token}`, { ratings: { serviceQuality: 5, responsiveness: 4, professionalism: 4, overall: 5 }, comment: '响应及时，方案专业' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const again = await t.anonymous().post(`/api/public/customer-reviews/${token}`, { ratings: { serviceQuality: 1, responsiveness: 1, professionalism: 1, overall: 1 } });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('LINK_USED');
      expect((await t.anonymous().get(`/api/public/customer-reviews/${token}`)).status).toBe(410);
    });

    it('expires', async () => {
      const res = await pm.post(`/api/appraisals/${id}/customer-links`, { reviewerName: '林晓', expiresInDays: 1 });
      expect(res.status).toBe(201);
      clock.advanceDays(2);
      // Sessions idle for two days end too: sign in again.
      [hr, pm, specialist] = [await t.as('hr'), await t.as('pm'), await t.as('specialist')];
      const late = await t.anonymous().get(`/api/public/customer-reviews/${res.body.token}`);
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('LINK_EXPIRED');
      const post = await t.anonymous().post(`/api/public/customer-reviews/${res.body.token}`, { ratings: { serviceQuality: 3, responsiveness: 3, professionalism: 3, overall: 3 } });
      expect(post.body.error.code).toBe('LINK_EXPIRED');
    });
  });

  describe('after the reviews', () => {
    it('ends the round by itself when the last peer answers, mixing 70 / 15 / 15', async () => {
      const res = await (await t.as('marketing')).post(`/api/peer-reviews/${peerReviewIds[1]}/actions/submit`, { teamwork: 80, communication: 84 });
      expect(res.status).toBe(200);
      const d = await pm.get(`/api/appraisals/${id}`);
      expect(d.body.status).toBe('feedback');
      // peers (90 + 82) ÷ 2 = 86; customer (5 + 4 + 4 + 5) ÷ 4 × 20 = 90; 0.7 × 80 + 0.15 × 86 + 0.15 × 90 = 82.4
      expect(d.body).toMatchObject({ totalScore: 80, peerScore: 86, customerScore: 90, finalScore: 82.4, grade: 'A' });
      expect(d.body.raterWeights).toEqual({ supervisor: 70, peer: 15, customer: 15 });
      expect(d.body.customerReviews.map((c: { status: string }) => c.status)).toEqual(['submitted', 'expired']);
    });

    it('keeps peers anonymous to the employee (setting) but not to the supervisor', async () => {
      const own = await specialist.get(`/api/appraisals/${id}`);
      expect(own.body.peerReviews.map((p: { reviewerName: string | null }) => p.reviewerName)).toEqual([null, null]);
      expect(own.body.peerReviews.map((p: { score: number }) => p.score)).toEqual([90, 82]);
      const sup = await pm.get(`/api/appraisals/${id}`);
      expect(sup.body.peerReviews.map((p: { reviewerName: string }) => p.reviewerName).sort()).toEqual(['周杰', '赵敏'].sort());
      const timeline = JSON.stringify(own.body.timeline);
      expect(timeline).not.toContain('赵敏');
      expect(timeline).not.toContain('周杰');
    });

    it('needs next year’s goals and a development plan in the annual feedback', async () => {
      const base = { meetingDate: '2031-01-08', strengths: '客户关系稳固', problems: '回款跟进偏慢', improvementPlan: '每周跟进应收' };
      const bad = await pm.post(`/api/appraisals/${id}/actions/submit-feedback`, base);
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.error.fields).sort()).toEqual(['developmentPlan', 'nextYearGoals']);
      const ok = await pm.post(`/api/appraisals/${id}/actions/submit-feedback`, { ...base, nextYearGoals: '签约额 500 万', developmentPlan: '参加项目管理培训' });
      expect(ok.status).toBe(200);
    });

    it('lets the employee dispute; the comment goes to HR', async () => {
      expect((await specialist.post(`/api/appraisals/${id}/actions/dispute`, { comment: '' })).status).toBe(400);
      const res = await specialist.post(`/api/appraisals/${id}/actions/dispute`, { comment: '客户评价未计入第二位客户' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'calibration', disputed: true });
      const inbox = await hr.get('/api/notifications');
      const note = inbox.body.items.find((n: { kind: string }) => n.kind === 'appraisal.disputed');
      expect(note.title).toContain('客户评价未计入第二位客户');
    });

    it('finalizes the annual result; an excellent one becomes a promotion candidate', async () => {
      const cal = await hr.post(`/api/appraisals/${id}/actions/calibrate`, { finalScore: 91, reason: '年度重点客户突破' });
      expect(cal.status).toBe(200);
      const fin = await hr.post(`/api/appraisal-cycles/${cycleId}/actions/finalize-all`, {});
      expect(fin.body).toEqual({ finalized: 1 });
      const results = await hr.get(`/api/appraisal-results?cycleId=${cycleId}`);
      const kinds = results.body.items.map((r: { kind: string }) => r.kind).sort();
      expect(kinds).toEqual(['bonus', 'promotion']);
      const bonus = results.body.items.find((r: { kind: string }) => r.kind === 'bonus');
      expect(bonus).toMatchObject({ baseFen: 2_000_000, coefficient: 1.5, amountFen: 3_000_000 });
      const promo = results.body.items.find((r: { kind: string }) => r.kind === 'promotion');
      expect((await specialist.post(`/api/appraisal-results/${promo.id}/actions/decide`, { decision: 'accepted' })).status).toBe(403);
      expect((await hr.post(`/api/appraisal-results/${promo.id}/actions/decide`, { decision: 'declined' })).status).toBe(400);
      const decided = await (await t.as('manager')).post(`/api/appraisal-results/${promo.id}/actions/decide`, { decision: 'accepted', note: '晋升为高级业务专员' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ decision: 'accepted', decidedByName: '李明' });
      expect(await lastAudit(t, 'appraisal_result', promo.id)).toMatchObject({ action: 'transition:decide' });
      const edited = await hr.patch(`/api/appraisal-results/${bonus.id}`, { version: bonus.version, baseFen: 3_000_000 });
      expect(edited.body).toMatchObject({ baseFen: 3_000_000, amountFen: 4_500_000 });
      expect((await hr.patch(`/api/appraisal-results/${bonus.id}`, { version: bonus.version, baseFen: 1 })).status).toBe(409);
    });
  });
});
