import type { z } from 'zod';
import type { SubmitFeedback, SubmitSelf, SubmitSupervisor, acknowledgeSchema, disputeSchema } from '@domain/appraisal/appraisal.schema.js';
import { gradeOf, mixFinalScore } from '@domain/appraisal/scoring.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { invalid, invalidTransition } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { linkAttachments } from '../../platform/files/attachments.js';
import { getAppraisalDetail } from './appraisals.read.js';
import { checkItems, evaluatorIds, guardedUpdate, loadForAction, recomputeObjectives, typeParam } from './appraisal-actions.js';
import { applyPeerSelection, notifyPendingPeers } from './appraisal-reviews.service.js';
import type { FeedbackForm, SelfForm, SupervisorForm } from './appraisals.presenter.js';
import { toX100 } from './scores.js';

/** 《月度/年度績效考核自評表》 [4.4]: the employee scores every item and explains; the supervisor is told. */
export function submitSelf(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: SubmitSelf) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'submit-self');
    const at = nowIso(deps);
    const objective = await recomputeObjectives(deps, trx, l, at);
    const scored = checkItems(meta, l.template, input.items, l.settings['appraisal.commentRequired'], objective, false);
    if (input.attachmentIds?.length) await linkAttachments(trx, { ids: input.attachmentIds, entity: 'appraisal', entityId: id, actor: meta.actor });
    const form: SelfForm = {
      items: Object.fromEntries(Object.entries(input.items).map(([k, v]) => [k, { score: v.score, comment: v.comment?.trim() || null }])),
      summary: input.summary,
      dimensions: scored.dimensions,
      total: scored.total,
    };
    await guardedUpdate(
      trx,
      l.row,
      { status: l.to, self_json: JSON.stringify(form), self_score_x100: toX100(scored.total), self_submitted_at: at, objective_json: JSON.stringify(objective), step_due: l.row.supervisor_due },
      at,
    );
    await writeAudit(trx, deps.engine, meta, { action: 'transition:submit-self', entity: 'appraisal', entityId: id, before: { status: l.row.status }, after: { status: l.to, selfScore: scored.total } }, at);
    await notify(trx, deps, {
      userIds: await evaluatorIds(trx, l.row),
      kind: 'appraisal.awaiting_supervisor',
      params: { actor: meta.actor.name, period: l.row.period, type: typeParam(l.type) },
      entity: 'appraisal',
      entityId: id,
      link: `/appraisal/appraisals/${id}`,
    });
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

/**
 * 《…績效考核評價表》: the supervisor scores every item; objective items keep their computed
 * score unless overridden with a written reason. Monthly: the final score follows at once
 * (supervisor 100 % by default). Annual: the peers chosen here and the customers review next.
 */
export function submitSupervisor(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: SubmitSupervisor) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'submit-supervisor');
    const at = nowIso(deps);
    const objective = await recomputeObjectives(deps, trx, l, at);
    const scored = checkItems(meta, l.template, input.items, l.settings['appraisal.commentRequired'], objective, true);
    if (l.type === 'monthly' && input.peerReviewerIds?.length) throw invalid({ peerReviewerIds: 'field.unknown' });
    const form: SupervisorForm = {
      items: Object.fromEntries(
        Object.entries(input.items).map(([k, v]) => {
          const computed = objective[k]?.score ?? null;
          const overridden = computed !== null && Math.abs(v.score - computed) > 0.001;
          return [k, { score: v.score, comment: v.comment?.trim() || null, computedScore: computed, overrideReason: overridden ? v.overrideReason!.trim() : null }];
        }),
      ),
      comment: input.comment,
      dimensions: scored.dimensions,
      total: scored.total,
    };
    const values: Record<string, unknown> = {
      status: l.to,
      supervisor_json: JSON.stringify(form),
      total_score_x100: toX100(scored.total),
      supervisor_submitted_at: at,
      supervisor_submitted_by: meta.actor.id,
      objective_json: JSON.stringify(objective),
    };
    let after: Record<string, unknown> = { status: l.to, totalScore: scored.total };
    if (l.type === 'annual') {
      await applyPeerSelection(trx, deps, meta, l, input.peerReviewerIds, at);
      values.step_due = l.row.reviews_due;
    } else {
      const final = mixFinalScore(l.settings['appraisal.raterMix.monthly'], { supervisor: scored.total, peer: null, customer: null })!;
      const grade = gradeOf(final.score, l.settings['appraisal.gradeBands']);
      Object.assign(values, { computed_final_x100: toX100(final.score), final_score_x100: toX100(final.score), grade, rater_weights_json: JSON.stringify(final.weights), step_due: l.row.feedback_due });
      after = { ...after, finalScore: final.score, grade };
    }
    const overrides = Object.entries(form.items).filter(([, v]) => v.overrideReason).map(([k, v]) => ({ item: k, computed: v.computedScore, score: v.score, reason: v.overrideReason }));
    await guardedUpdate(trx, l.row, values, at);
    await writeAudit(trx, deps.engine, meta, { action: 'transition:submit-supervisor', entity: 'appraisal', entityId: id, before: { status: l.row.status }, after: { ...after, overrides } }, at);
    if (l.type === 'annual') await notifyPendingPeers(trx, deps, l.row, id);
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

/** The feedback conversation record [4.4]; may be corrected until the employee acknowledges it. */
export function submitFeedback(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: SubmitFeedback) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'submit-feedback');
    if (l.type === 'annual') {
      const fields: Record<string, string> = {};
      if (!input.nextYearGoals?.trim()) fields.nextYearGoals = 'field.annualFeedback';
      if (!input.developmentPlan?.trim()) fields.developmentPlan = 'field.annualFeedback';
      if (Object.keys(fields).length) throw invalid(fields);
    }
    const at = nowIso(deps);
    const form: FeedbackForm = {
      meetingDate: input.meetingDate,
      strengths: input.strengths,
      problems: input.problems,
      improvementPlan: input.improvementPlan,
      nextYearGoals: input.nextYearGoals?.trim() || null,
      developmentPlan: input.developmentPlan?.trim() || null,
    };
    await guardedUpdate(trx, l.row, { feedback_json: JSON.stringify(form), feedback_at: at, feedback_by: meta.actor.id }, at);
    await writeAudit(trx, deps.engine, meta, { action: 'transition:submit-feedback', entity: 'appraisal', entityId: id, before: { feedbackRecorded: l.row.feedback_at !== null }, after: form }, at);
    await notify(trx, deps, {
      userIds: [l.row.employee_id],
      kind: 'appraisal.feedback_recorded',
      params: { actor: meta.actor.name, period: l.row.period, type: typeParam(l.type) },
      entity: 'appraisal',
      entityId: id,
      link: `/appraisal/appraisals/${id}`,
    });
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

/** The employee confirms the feedback record, or disputes the result with a comment that goes to HR. */
export function acknowledgeOrDispute(
  deps: Deps,
  db: Executor,
  meta: RequestMeta,
  id: number,
  action: 'acknowledge' | 'dispute',
  input: z.infer<typeof acknowledgeSchema> | z.infer<typeof disputeSchema>,
) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, action);
    // Nothing to acknowledge until the supervisor has recorded the conversation.
    if (l.row.feedback_at === null) throw invalidTransition({ from: l.row.status, action });
    const at = nowIso(deps);
    const comment = input.comment?.trim() || null;
    await guardedUpdate(trx, l.row, { status: l.to, acknowledged_at: at, disputed: action === 'dispute' ? 1 : 0, employee_comment: comment, step_due: null }, at);
    await writeAudit(trx, deps.engine, meta, { action: `transition:${action}`, entity: 'appraisal', entityId: id, before: { status: l.row.status }, after: { status: l.to, comment } }, at);
    if (action === 'dispute') {
      const hr = await trx.selectFrom('users').select('id').where('role', '=', 'hr').where('active', '=', 1).execute();
      await notify(trx, deps, {
        userIds: hr.map((u) => u.id),
        kind: 'appraisal.disputed',
        params: { employee: l.row.employee_name, period: l.row.period, type: typeParam(l.type), comment: comment ?? '' },
        entity: 'appraisal',
        entityId: id,
        link: `/appraisal/appraisals/${id}`,
      });
    }
    return getAppraisalDetail(deps, trx, meta, id);
  });
}
