import type { Insertable } from 'kysely';
import type { DB } from '../../apps/server/src/platform/db/schema.js';
import type { ObjectiveMap } from '../../apps/server/src/modules/appraisal/objective.compute.js';
import type { AppraisalSettings } from '../../apps/server/src/modules/appraisal/settings.load.js';
import type { FeedbackForm, SelfForm, SupervisorForm } from '../../apps/server/src/modules/appraisal/appraisals.presenter.js';
import { toX100 } from '../../apps/server/src/modules/appraisal/scores.js';
import type { TemplateContent } from '../../packages/domain/src/appraisal/template.schema.js';
import { gradeOf, meanScore, mixFinalScore, scoreTemplate } from '../../packages/domain/src/appraisal/scoring.rules.js';
import { satisfactionScore } from '../../packages/domain/src/appraisal/objective.rules.js';
import { CUSTOMER_REVIEW_ITEMS } from '../../packages/domain/src/appraisal/review.schema.js';
import { bonusAmountFen, consecutiveBelowStandard, previousMonths } from '../../packages/domain/src/appraisal/results.rules.js';
import { addDays } from '../../packages/domain/src/appraisal/period.rules.js';
import { notificationTitleKey } from '../../packages/domain/src/notify/notify.render.js';
import { personName } from '../lib/chinese.js';
import type { Random } from '../lib/random.js';
import type { AuditEvent } from './types.js';
import { DAY, clampScore, iso, ipOf, normal, phrase, type Emp } from './appraisal-people.js';

export type AppraisalRows = {
  cycles: Insertable<DB['appraisal_cycles']>[];
  appraisals: Insertable<DB['appraisals']>[];
  peers: Insertable<DB['peer_reviews']>[];
  links: Insertable<DB['customer_review_links']>[];
  reviews: Insertable<DB['customer_reviews']>[];
  results: Insertable<DB['appraisal_results']>[];
  notes: Insertable<DB['notifications']>[];
};

export function emptyRows(): AppraisalRows {
  return { cycles: [], appraisals: [], peers: [], links: [], reviews: [], results: [], notes: [] };
}

export type Ids = { appraisal: number; peer: number; link: number; review: number; result: number };

export type CycleSpec = {
  id: number;
  type: 'monthly' | 'annual';
  period: string;
  templateId: number;
  template: TemplateContent;
  /** Opening time; the day is the cycle's `opened_on`. */
  openedMs: number;
  /** HR when opened by hand; null when the scheduler opened it. */
  opener: Emp | null;
  rootIds: number[];
  employees: Emp[];
  byId: Map<number, Emp>;
  /** Active HR staff at a time (the first one runs the cycle). */
  hrAt: (ms: number) => Emp[];
  settings: AppraisalSettings;
  /** Objective items per employee as the supervisor's submission computes them. */
  objectives: Map<number, ObjectiveMap>;
  nowMs: number;
  /** Earlier monthly grades per employee and period (for position-adjustment flags); updated here. */
  history: Map<number, Map<string, string>>;
  customers: { id: number; name: string }[];
  /** Share of the result lines already decided (1 for old cycles). */
  decidedShare: number;
};

type Sink = { rows: AppraisalRows; ids: Ids; audit: AuditEvent[]; rng: Random };

const actor = (e: Emp) => ({ id: e.id, name: e.name });
const typeParam = (type: string) => `i18n:appraisal.type.${type}`;
const needsComment = (score: number, rule: { below: number; above: number }) => score < rule.below || score > rule.above;

function note(sink: Sink, userId: number, kind: string, params: Record<string, string>, entity: string, entityId: number, link: string, atMs: number, nowMs: number) {
  const readAt = atMs + sink.rng.int(5, 72 * 60) * 60_000;
  sink.rows.notes.push({
    user_id: userId,
    kind,
    title_key: notificationTitleKey(kind),
    params_json: JSON.stringify(params),
    entity,
    entity_id: String(entityId),
    link,
    read_at: readAt < nowMs && sink.rng.chance(0.92) ? iso(readAt) : null,
    created_at: iso(atMs),
  });
}

/** Scores of one form: objective items keep the computed score (mostly), the rest scatter around the employee's level. */
function fillItems(rng: Random, template: TemplateContent, objective: ObjectiveMap, level: number, rule: { below: number; above: number }, evaluator: boolean) {
  const items: Record<string, { score: number; comment: string | null; computedScore: number | null; overrideReason: string | null }> = {};
  for (const item of template.dimensions.flatMap((d) => d.items)) {
    const computed = objective[item.key]?.score ?? null;
    let score: number;
    let overrideReason: string | null = null;
    if (computed !== null && rng.chance(evaluator ? 0.92 : 0.7)) score = computed;
    else {
      score = Math.round(clampScore((computed ?? level) + normal(rng) * (computed === null ? 6 : 8)));
      if (computed !== null && Math.abs(score - computed) <= 0.001) score = computed;
      else if (computed !== null && evaluator) overrideReason = phrase(rng, 'override');
    }
    const judged = computed === null || Math.abs(score - computed) > 0.001;
    const comment = judged && needsComment(score, rule) ? phrase(rng, score < rule.below ? 'low' : 'high') : rng.chance(0.1) ? phrase(rng, 'summary') : null;
    items[item.key] = { score, comment, computedScore: computed, overrideReason };
  }
  const scored = scoreTemplate(template.dimensions, Object.fromEntries(Object.entries(items).map(([k, v]) => [k, v.score])));
  if (!scored.ok) throw new Error(`template items missing: ${scored.missing.join(', ')}`);
  return { items, dimensions: scored.dimensions, total: scored.total };
}

/**
 * One cycle as the server leaves it once HR has closed it: every appraisal through self-assessment,
 * the supervisor's evaluation, (annual) peer and customer reviews, the feedback conversation,
 * acknowledgement, the odd calibration, finalization with its result lines; audit and inbox alike.
 */
export function buildCycle(spec: CycleSpec, sink: Sink): void {
  const { rng } = sink;
  const { settings, template } = spec;
  const annual = spec.type === 'annual';
  const rule = settings['appraisal.commentRequired'];
  const stepDays = settings['appraisal.stepDays'];
  const openedOn = new Date(spec.openedMs).toISOString().slice(0, 10);
  const due = { self: addDays(openedOn, stepDays.self), supervisor: '', reviews: null as string | null, feedback: '' };
  due.supervisor = addDays(due.self, stepDays.supervisor);
  if (annual) due.reviews = addDays(due.supervisor, stepDays.reviews);
  due.feedback = addDays(due.reviews ?? due.supervisor, stepDays.feedback);
  // Offsets in days from opening; squeezed when "now" leaves less room than the setting's steps.
  const selfOff = stepDays.self;
  const supOff = selfOff + stepDays.supervisor;
  const revOff = annual ? supOff + stepDays.reviews : supOff;
  const fbOff = revOff + stepDays.feedback;
  const s = Math.min(1, (spec.nowMs - 3 * 3600_000 - spec.openedMs) / ((fbOff + 3) * DAY));
  const at = (days: number) => spec.openedMs + days * s * DAY;
  const openedAt = iso(spec.openedMs);
  const hr = spec.hrAt(spec.openedMs);
  const hrLead = hr[0]!;
  const otherHr = (e: Emp) => (e.id === hrLead.id ? (hr[1] ?? hrLead) : hrLead);
  const period = spec.period;
  const typeLabel = typeParam(spec.type);
  const mix = settings[annual ? 'appraisal.raterMix.annual' : 'appraisal.raterMix.monthly'];
  const bands = settings['appraisal.gradeBands'];
  const peerCount = settings['appraisal.peerCount'];

  const cycleAudit = { type: spec.type, period, templateId: spec.templateId, appraisals: spec.employees.length, dueDates: due, departmentIds: spec.rootIds };
  sink.audit.push({ at: openedAt, actor: spec.opener ? actor(spec.opener) : null, ip: spec.opener ? ipOf(spec.opener.id) : null, action: 'create', entity: 'appraisal_cycle', entityId: spec.id, after: cycleAudit });

  type Pending = { row: Insertable<DB['appraisals']>; emp: Emp; ackMs: number; version: number; grade: string; finalX100: number };
  const pending: Pending[] = [];
  const byDept = new Map<number | null, Emp[]>();
  for (const e of spec.employees) byDept.set(e.departmentId, [...(byDept.get(e.departmentId) ?? []), e]);

  for (const emp of spec.employees) {
    const id = ++sink.ids.appraisal;
    const link = `/appraisal/appraisals/${id}`;
    const objective = spec.objectives.get(emp.id) ?? {};
    const level = emp.perf + normal(rng) * 4;
    note(sink, emp.id, 'appraisal.opened', { period, type: typeLabel, due: due.self }, 'appraisal_cycle', spec.id, '/appraisal/mine', spec.openedMs, spec.nowMs);

    // Self-assessment: mostly on time, a few late.
    const selfMs = rng.chance(0.92) ? at(selfOff * (0.05 + rng.next() * 0.9)) : at(selfOff + rng.next() * 1.5);
    const self = fillItems(rng, template, objective, Math.min(100, level + 4), rule, false);
    const selfForm: SelfForm = { items: Object.fromEntries(Object.entries(self.items).map(([k, v]) => [k, { score: v.score, comment: v.comment }])), summary: phrase(rng, 'summary'), dimensions: self.dimensions, total: self.total };
    sink.audit.push({ at: iso(selfMs), actor: actor(emp), ip: ipOf(emp.id), action: 'transition:submit-self', entity: 'appraisal', entityId: id, before: { status: 'self_assessment' }, after: { status: 'supervisor_review', selfScore: self.total } });
    const supervisor = emp.supervisorId === null ? null : spec.byId.get(emp.supervisorId)!;
    const evaluatorIds = supervisor ? [supervisor.id] : hr.map((h) => h.id);
    for (const uid of evaluatorIds) if (uid !== emp.id) note(sink, uid, 'appraisal.awaiting_supervisor', { actor: emp.name, period, type: typeLabel }, 'appraisal', id, link, selfMs, spec.nowMs);

    // The supervisor's evaluation (HR when none is recorded or they have left).
    const supMs = Math.max(selfMs + 0.1 * s * DAY, at(selfOff + rng.next() * stepDays.supervisor));
    const evaluator = supervisor && (supervisor.leftMs === null || supervisor.leftMs > supMs) ? supervisor : otherHr(emp);
    for (const v of Object.values(objective)) v.computedAt = iso(supMs);
    const evalForm = fillItems(rng, template, objective, level, rule, true);
    const supForm: SupervisorForm = { items: evalForm.items, comment: phrase(rng, 'supervisor'), dimensions: evalForm.dimensions, total: evalForm.total };
    const overrides = Object.entries(supForm.items).filter(([, v]) => v.overrideReason).map(([k, v]) => ({ item: k, computed: v.computedScore, score: v.score, reason: v.overrideReason }));
    let version = 3;
    const row: Insertable<DB['appraisals']> = {
      id,
      cycle_id: spec.id,
      employee_id: emp.id,
      supervisor_id: emp.supervisorId,
      template_id: spec.templateId,
      status: 'finalized',
      department_id: emp.departmentId,
      position_title: emp.positionTitle,
      customer_facing: emp.customerFacing,
      objective_json: JSON.stringify(objective),
      self_json: JSON.stringify(selfForm),
      self_score_x100: toX100(self.total),
      self_submitted_at: iso(selfMs),
      supervisor_json: JSON.stringify(supForm),
      total_score_x100: toX100(supForm.total),
      supervisor_submitted_at: iso(supMs),
      supervisor_submitted_by: evaluator.id,
      peer_score_x100: null,
      customer_score_x100: null,
      rater_weights_json: null,
      computed_final_x100: null,
      final_score_x100: null,
      grade: null,
      feedback_json: null,
      feedback_at: null,
      feedback_by: null,
      acknowledged_at: null,
      disputed: 0,
      employee_comment: null,
      calibration_reason: null,
      calibrated_at: null,
      calibrated_by: null,
      finalized_at: null,
      finalized_by: null,
      step_due: null,
      version: 1,
      created_at: openedAt,
      created_by: spec.opener?.id ?? null,
      updated_at: openedAt,
    };

    let reviewsEndMs = supMs;
    if (!annual) {
      const final = mixFinalScore(mix, { supervisor: supForm.total, peer: null, customer: null })!;
      const grade = gradeOf(final.score, bands);
      Object.assign(row, { computed_final_x100: toX100(final.score), final_score_x100: toX100(final.score), grade, rater_weights_json: JSON.stringify(final.weights) });
      sink.audit.push({ at: iso(supMs), actor: actor(evaluator), ip: ipOf(evaluator.id), action: 'transition:submit-supervisor', entity: 'appraisal', entityId: id, before: { status: 'supervisor_review' }, after: { status: 'feedback', totalScore: supForm.total, finalScore: final.score, grade, overrides } });
    } else {
      // Peers chosen with the evaluation; customer links sent while it was open.
      const colleagues = (byDept.get(emp.departmentId) ?? []).filter((c) => c.id !== emp.id && c.id !== emp.supervisorId);
      const pool = colleagues.length >= peerCount.min ? colleagues : spec.employees.filter((c) => c.id !== emp.id && c.id !== emp.supervisorId);
      const n = Math.min(pool.length, rng.int(peerCount.min, Math.min(peerCount.max, 4)));
      const chosen = new Set<Emp>();
      while (chosen.size < n) chosen.add(rng.pick(pool));
      const revEnd = at(revOff);
      const peerRows = [...chosen].map((p) => {
        const submitted = rng.chance(0.9);
        const tw = Math.round(clampScore(level + normal(rng) * 6));
        const cm = Math.round(clampScore(level + normal(rng) * 6));
        const t = supMs + (0.05 + rng.next() * 0.9) * (revEnd - supMs);
        const comment = needsComment(tw, rule) || needsComment(cm, rule) ? phrase(rng, tw < rule.below ? 'low' : 'high') : rng.chance(0.3) ? phrase(rng, 'strengths') : null;
        return { peer: p, id: ++sink.ids.peer, submitted, tw, cm, t, comment };
      });
      sink.audit.push({ at: iso(supMs), actor: actor(evaluator), ip: ipOf(evaluator.id), action: 'select-peers', entity: 'peer_review', entityId: id, after: { appraisalId: id, reviewers: peerRows.map((p) => p.peer.name), released: 0 } });
      sink.audit.push({ at: iso(supMs), actor: actor(evaluator), ip: ipOf(evaluator.id), action: 'transition:submit-supervisor', entity: 'appraisal', entityId: id, before: { status: 'supervisor_review' }, after: { status: 'peer_review', totalScore: supForm.total, overrides } });
      for (const p of peerRows) note(sink, p.peer.id, 'appraisal.peer_requested', { employee: emp.name, period, due: due.reviews! }, 'peer_review', p.id, `/appraisal/peer-reviews/${p.id}`, supMs, spec.nowMs);
      const links = emp.customerFacing
        ? Array.from({ length: rng.int(1, 2) }, () => {
            const created = selfMs + rng.next() * (supMs - selfMs);
            const used = rng.chance(0.85);
            const customer = spec.customers.length ? rng.pick(spec.customers) : null;
            const ratings = Object.fromEntries(CUSTOMER_REVIEW_ITEMS.map((k) => [k, Math.max(1, Math.min(5, Math.round(level / 20 + normal(rng) * 0.6)))]));
            const t = Math.max(created, supMs) + (0.05 + rng.next() * 0.9) * (revEnd - Math.max(created, supMs));
            return { id: ++sink.ids.link, created, used, customer, reviewer: `${personName(rng).name}（${customer ? '客户联系人' : '客户代表'}）`, ratings, t };
          })
        : [];
      const allIn = peerRows.every((p) => p.submitted) && links.every((l) => l.used);
      const auto = allIn && (!emp.customerFacing || links.some((l) => l.used));
      reviewsEndMs = auto ? Math.max(...peerRows.map((p) => p.t), ...links.map((l) => l.t)) : revEnd + rng.next() * 0.5 * s * DAY;
      for (const p of peerRows) {
        sink.rows.peers.push({
          id: p.id,
          appraisal_id: id,
          reviewer_id: p.peer.id,
          status: p.submitted ? 'submitted' : 'void',
          teamwork_x100: p.submitted ? toX100(p.tw) : null,
          communication_x100: p.submitted ? toX100(p.cm) : null,
          score_x100: p.submitted ? toX100(meanScore([p.tw, p.cm])) : null,
          comment: p.submitted ? p.comment : null,
          requested_by: evaluator.id,
          created_at: iso(supMs),
          submitted_at: p.submitted ? iso(p.t) : null,
        });
        if (p.submitted) sink.audit.push({ at: iso(p.t), actor: actor(p.peer), ip: ipOf(p.peer.id), action: 'transition:submit', entity: 'peer_review', entityId: p.id, before: { status: 'pending' }, after: { status: 'submitted', appraisalId: id, score: meanScore([p.tw, p.cm]) } });
      }
      const customerScores: number[] = [];
      for (const l of links) {
        const expiresAt = new Date(Math.floor(l.created / 1000) * 1000 + settings['appraisal.customerLinkDays'] * DAY).toISOString();
        sink.rows.links.push({ id: l.id, appraisal_id: id, reviewer_name: l.reviewer, customer_id: l.customer?.id ?? null, expires_at: expiresAt, used_at: l.used ? iso(l.t) : null, voided_at: l.used ? null : iso(reviewsEndMs), created_by: evaluator.id, created_at: iso(l.created) });
        sink.audit.push({ at: iso(l.created), actor: actor(evaluator), ip: ipOf(evaluator.id), action: 'customer-link', entity: 'appraisal', entityId: id, after: { linkId: l.id, reviewerName: l.reviewer, customerId: l.customer?.id ?? null, expiresAt } });
        if (!l.used) continue;
        const score = satisfactionScore(CUSTOMER_REVIEW_ITEMS.map((k) => l.ratings[k]!))!;
        customerScores.push(score);
        sink.rows.reviews.push({ id: ++sink.ids.review, link_id: l.id, appraisal_id: id, reviewer_name: l.reviewer, ratings_json: JSON.stringify(l.ratings), score_x100: toX100(score), comment: rng.chance(0.5) ? phrase(rng, 'strengths') : '', submitted_at: iso(l.t), ip: `116.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}` });
        sink.audit.push({ at: iso(l.t), actor: null, ip: null, action: 'customer-review', entity: 'appraisal', entityId: id, after: { linkId: l.id, reviewerName: l.reviewer, score } });
      }
      const peerScores = peerRows.filter((p) => p.submitted).map((p) => meanScore([p.tw, p.cm])!);
      const peer = meanScore(peerScores);
      const customer = meanScore(customerScores);
      const final = mixFinalScore(mix, { supervisor: supForm.total, peer, customer })!;
      const grade = gradeOf(final.score, bands);
      Object.assign(row, { peer_score_x100: toX100(peer), customer_score_x100: toX100(customer), computed_final_x100: toX100(final.score), final_score_x100: toX100(final.score), grade, rater_weights_json: JSON.stringify(final.weights) });
      const released = peerRows.filter((p) => !p.submitted).length + links.filter((l) => !l.used).length;
      const closer = auto ? null : evaluator;
      sink.audit.push({
        at: iso(reviewsEndMs),
        actor: closer ? actor(closer) : null,
        ip: closer ? ipOf(closer.id) : null,
        action: 'transition:close-reviews',
        entity: 'appraisal',
        entityId: id,
        before: { status: 'peer_review' },
        after: { status: 'feedback', peerScore: peer, customerScore: customer, finalScore: final.score, weights: final.weights, grade, reason: auto ? null : '评价期已到，未返回的评价不再等待', released },
      });
      if (emp.supervisorId !== null) note(sink, emp.supervisorId, 'appraisal.awaiting_feedback', { employee: emp.name, period, type: typeLabel }, 'appraisal', id, link, reviewsEndMs, spec.nowMs);
      version++;
    }

    // Feedback conversation, then the employee's acknowledgement (or dispute).
    const fbMs = Math.max(reviewsEndMs + 0.1 * s * DAY, at(revOff + rng.next() * stepDays.feedback * 0.8));
    const feedback: FeedbackForm = {
      meetingDate: new Date(fbMs).toISOString().slice(0, 10),
      strengths: phrase(rng, 'strengths'),
      problems: phrase(rng, 'problems'),
      improvementPlan: phrase(rng, 'plans'),
      nextYearGoals: annual ? phrase(rng, 'goals') : null,
      developmentPlan: annual ? phrase(rng, 'development') : null,
    };
    version++;
    sink.audit.push({ at: iso(fbMs), actor: actor(evaluator), ip: ipOf(evaluator.id), action: 'transition:submit-feedback', entity: 'appraisal', entityId: id, before: { feedbackRecorded: false }, after: feedback });
    note(sink, emp.id, 'appraisal.feedback_recorded', { actor: evaluator.name, period, type: typeLabel }, 'appraisal', id, link, fbMs, spec.nowMs);
    const ackMs = fbMs + (0.02 + rng.next() * 0.5) * s * DAY;
    const disputed = rng.chance(0.02);
    const comment = disputed ? phrase(rng, 'dispute') : rng.chance(0.1) ? '已确认，感谢指导' : null;
    version++;
    sink.audit.push({ at: iso(ackMs), actor: actor(emp), ip: ipOf(emp.id), action: disputed ? 'transition:dispute' : 'transition:acknowledge', entity: 'appraisal', entityId: id, before: { status: 'feedback' }, after: { status: 'calibration', comment } });
    if (disputed) for (const h of hr) note(sink, h.id, 'appraisal.disputed', { employee: emp.name, period, type: typeLabel, comment: comment! }, 'appraisal', id, link, ackMs, spec.nowMs);
    Object.assign(row, { feedback_json: JSON.stringify(feedback), feedback_at: iso(fbMs), feedback_by: evaluator.id, acknowledged_at: iso(ackMs), disputed: disputed ? 1 : 0, employee_comment: comment });
    pending.push({ row, emp, ackMs, version, grade: row.grade!, finalX100: row.final_score_x100! });
  }

  // HR calibrates a few, then finalizes the lot and closes the cycle.
  const finalizeMs = Math.max(...pending.map((p) => p.ackMs), at(fbOff)) + 0.3 * s * DAY;
  for (const p of pending) {
    if (rng.chance(0.03) || p.row.disputed === 1) {
      const calMs = p.ackMs + rng.next() * (finalizeMs - p.ackMs) * 0.9;
      const calibrator = otherHr(p.emp);
      const before = { finalScore: p.finalX100 / 100, grade: p.grade };
      const finalScore = Math.round(clampScore(p.finalX100 / 100 + (rng.chance(0.5) ? 1 : -1) * rng.int(1, 5)) * 100) / 100;
      const grade = gradeOf(finalScore, bands);
      const reason = phrase(rng, 'calibrate');
      p.finalX100 = toX100(finalScore);
      p.grade = grade;
      p.version++;
      Object.assign(p.row, { final_score_x100: p.finalX100, grade, calibration_reason: reason, calibrated_at: iso(calMs), calibrated_by: calibrator.id });
      sink.audit.push({ at: iso(calMs), actor: actor(calibrator), ip: ipOf(calibrator.id), action: 'transition:calibrate', entity: 'appraisal', entityId: p.row.id!, before, after: { finalScore, grade, reason } });
    }
  }
  for (const p of pending) {
    const finalizer = otherHr(p.emp);
    const ms = finalizer.id === hrLead.id ? finalizeMs : finalizeMs + 600_000;
    p.version++;
    Object.assign(p.row, { finalized_at: iso(ms), finalized_by: finalizer.id, version: p.version, updated_at: iso(ms) });
    sink.rows.appraisals.push(p.row);
    sink.audit.push({ at: iso(ms), actor: actor(finalizer), ip: ipOf(finalizer.id), action: 'transition:finalize', entity: 'appraisal', entityId: p.row.id!, before: { status: 'calibration' }, after: { status: 'finalized', finalScore: p.finalX100 / 100, grade: p.grade } });
    note(sink, p.emp.id, 'appraisal.finalized', { period, type: typeLabel, grade: p.grade, score: (p.finalX100 / 100).toFixed(2) }, 'appraisal', p.row.id!, `/appraisal/appraisals/${p.row.id}`, ms, spec.nowMs);
    results(spec, sink, p.row.id!, p.emp, p.grade, p.finalX100, ms, finalizer);
  }
  const closeMs = finalizeMs + 0.05 * s * DAY;
  sink.audit.push({ at: iso(closeMs), actor: actor(hrLead), ip: ipOf(hrLead.id), action: 'transition:close', entity: 'appraisal_cycle', entityId: spec.id, before: { status: 'open' }, after: { status: 'closed' } });
  sink.rows.cycles.push({
    id: spec.id,
    type: spec.type,
    period,
    name: annual ? `${period} 年度绩效考核` : '',
    status: 'closed',
    template_id: spec.templateId,
    period_start: annual ? `${period}-01-01` : `${period}-01`,
    period_end: annual ? `${period}-12-31` : new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).toISOString().slice(0, 10),
    opened_on: openedOn,
    self_due: due.self,
    supervisor_due: due.supervisor,
    reviews_due: due.reviews,
    feedback_due: due.feedback,
    department_ids_json: JSON.stringify(spec.rootIds),
    closed_at: iso(closeMs),
    closed_by: hrLead.id,
    version: 2,
    created_at: openedAt,
    created_by: spec.opener?.id ?? null,
    updated_at: iso(closeMs),
  });
}

/** [4.5] the result lines a finalization creates, and HR's later decision on most of them. */
function results(spec: CycleSpec, sink: Sink, appraisalId: number, emp: Emp, grade: string, finalX100: number, atMs: number, finalizer: Emp) {
  const { rng } = sink;
  const { settings } = spec;
  const type = spec.type;
  const common = { cycle_id: spec.id, appraisal_id: appraisalId, employee_id: emp.id, grade, final_score_x100: finalX100, decision: 'pending', note: '', decided_by: null, decided_at: null, version: 1, created_at: iso(atMs), created_by: finalizer.id, updated_at: iso(atMs) };
  const base = settings['appraisal.bonusBaseFen'][type];
  const coefficient = settings['appraisal.bonusCoefficients'][grade];
  const lines: Insertable<DB['appraisal_results']>[] = [
    { ...common, kind: 'bonus', base_fen: base, coefficient_x10000: coefficient === undefined ? null : Math.round(coefficient * 10_000), amount_fen: coefficient === undefined ? null : bonusAmountFen(base, coefficient), basis_json: '[]' },
  ];
  const below = settings['appraisal.belowStandardGrades'];
  const n = settings['appraisal.positionAdjustment.consecutiveBelow'];
  if (type === 'monthly') {
    const mine = spec.history.get(emp.id) ?? new Map<string, string>();
    spec.history.set(emp.id, mine.set(spec.period, grade));
    if (below.includes(grade)) {
      const months = previousMonths(spec.period, n - 1);
      const chain = [...months.map((m) => ({ period: m, grade: mine.get(m) ?? null })), { period: spec.period, grade }];
      if (consecutiveBelowStandard(chain.map((c) => c.grade), below, n)) lines.push({ ...common, kind: 'position_adjustment', base_fen: null, coefficient_x10000: null, amount_fen: null, basis_json: JSON.stringify(chain) });
    }
  }
  if (type === 'annual' && settings['appraisal.promotionGrades'].includes(grade)) {
    lines.push({ ...common, kind: 'promotion', base_fen: null, coefficient_x10000: null, amount_fen: null, basis_json: JSON.stringify([{ period: spec.period, grade }]) });
  }
  for (const line of lines) {
    line.id = ++sink.ids.result;
    const decidedMs = atMs + rng.int(1, 6) * DAY + rng.int(0, 8 * 3600) * 1000;
    if (decidedMs < spec.nowMs - 3600_000 && rng.chance(spec.decidedShare)) {
      const hr = spec.hrAt(decidedMs)[0] ?? finalizer;
      const declined = line.kind === 'bonus' ? rng.chance(0.01) : rng.chance(0.3);
      const decision = declined ? 'declined' : 'accepted';
      const text = line.kind === 'bonus' ? (declined ? '试用期内不发放绩效奖金' : '') : line.kind === 'promotion' ? (declined ? '名额有限，列入下一批' : '列入年度晋升名单') : declined ? '已制定改进计划，暂不调整' : '安排岗位调整面谈';
      Object.assign(line, { decision, note: text, decided_by: hr.id, decided_at: iso(decidedMs), version: 2, updated_at: iso(decidedMs) });
      sink.audit.push({ at: iso(decidedMs), actor: actor(hr), ip: ipOf(hr.id), action: 'transition:decide', entity: 'appraisal_result', entityId: line.id, before: { decision: 'pending', note: '' }, after: { decision, note: text } });
    }
    sink.rows.results.push(line);
  }
}
