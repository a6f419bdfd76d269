import type { z } from 'zod';
import type { closeReviewsSchema } from '@domain/appraisal/appraisal.schema.js';
import { gradeOf, meanScore, mixFinalScore } from '@domain/appraisal/scoring.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { notify } from '../../platform/notify/notify.js';
import { getAppraisalDetail } from './appraisals.read.js';
import { guardedUpdate, loadForAction, typeParam, type Loaded } from './appraisal-actions.js';
import { appraisalSettings } from './settings.load.js';
import { fromX100, toX100 } from './scores.js';

/**
 * The supervisor's choice of peers [4.4.2]: new names are asked, pending ones no longer named
 * are released, submitted reviews stay. The result must hold the setting's number of peers
 * (default 2–5), none of them the employee or the supervisor.
 */
export async function applyPeerSelection(trx: Executor, deps: Deps, meta: RequestMeta, l: Loaded, wanted: number[] | undefined, at: string): Promise<void> {
  const existing = await trx.selectFrom('peer_reviews').select(['id', 'reviewer_id', 'status']).where('appraisal_id', '=', l.row.id).execute();
  const problems: Record<string, [string, Record<string, unknown>?]> = {};
  const ids = [...new Set(wanted ?? existing.filter((e) => e.status !== 'void').map((e) => e.reviewer_id))];
  if (wanted?.length) {
    const users = await trx.selectFrom('users').select(['id', 'active', 'role']).where('id', 'in', ids).execute();
    const ok = new Map(users.map((u) => [u.id, u.active === 1 && u.role !== 'admin']));
    wanted.forEach((id, i) => {
      if (id === l.row.employee_id || id === l.row.supervisor_id) problems[`peerReviewerIds.${i}`] = ['field.peerSelf'];
      else if (!ok.get(id)) problems[`peerReviewerIds.${i}`] = ['field.peerInactive'];
    });
  }
  const { min, max } = l.settings['appraisal.peerCount'];
  const submitted = new Set(existing.filter((e) => e.status === 'submitted').map((e) => e.reviewer_id));
  const count = new Set([...submitted, ...ids]).size;
  if (!Object.keys(problems).length && (count < min || count > max)) problems.peerReviewerIds = ['field.peerCount', { min, max }];
  if (Object.keys(problems).length) throw fieldErrors(400, 'VALIDATION_FAILED', (k, p) => translate(meta.locale, k, p), problems);
  if (!wanted) return;

  const byReviewer = new Map(existing.map((e) => [e.reviewer_id, e]));
  const added = ids.filter((id) => !byReviewer.has(id));
  const revived = ids.filter((id) => byReviewer.get(id)?.status === 'void').map((id) => byReviewer.get(id)!.id);
  const released = existing.filter((e) => e.status === 'pending' && !ids.includes(e.reviewer_id)).map((e) => e.id);
  if (added.length) await trx.insertInto('peer_reviews').values(added.map((reviewer_id) => ({ appraisal_id: l.row.id, reviewer_id, status: 'pending', requested_by: meta.actor.id, created_at: at }))).execute();
  if (revived.length) await trx.updateTable('peer_reviews').set({ status: 'pending', requested_by: meta.actor.id, created_at: at }).where('id', 'in', revived).execute();
  if (released.length) await trx.updateTable('peer_reviews').set({ status: 'void' }).where('id', 'in', released).where('status', '=', 'pending').execute();
  const names = await trx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  // Reviewers are recorded on the peer reviews; the appraisal's own log keeps no names (anonymity).
  await writeAudit(trx, deps.engine, meta, { action: 'select-peers', entity: 'peer_review', entityId: l.row.id, after: { appraisalId: l.row.id, reviewers: names.map((n) => n.name), released: released.length } }, at);
}

/** Peers are asked once the appraisal reaches the review step (and whenever one is added during it). */
export async function notifyPendingPeers(trx: Executor, deps: Deps, row: { employee_name: string; period: string; reviews_due: string | null }, appraisalId: number, only?: number[]) {
  const pending = await trx.selectFrom('peer_reviews').select(['id', 'reviewer_id']).where('appraisal_id', '=', appraisalId).where('status', '=', 'pending').execute();
  for (const p of pending.filter((x) => !only || only.includes(x.reviewer_id))) {
    await notify(trx, deps, {
      userIds: [p.reviewer_id],
      kind: 'appraisal.peer_requested',
      params: { employee: row.employee_name, period: row.period, due: row.reviews_due ?? '' },
      entity: 'peer_review',
      entityId: p.id,
      link: `/appraisal/peer-reviews/${p.id}`,
    });
  }
}

export function selectPeers(deps: Deps, db: Executor, meta: RequestMeta, id: number, peerReviewerIds: number[]) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'select-peers');
    const at = nowIso(deps);
    const before = await trx.selectFrom('peer_reviews').select('reviewer_id').where('appraisal_id', '=', id).where('status', '=', 'pending').execute();
    await applyPeerSelection(trx, deps, meta, l, peerReviewerIds, at);
    await guardedUpdate(trx, l.row, {}, at);
    if (l.row.status === 'peer_review') {
      const known = new Set(before.map((b) => b.reviewer_id));
      await notifyPendingPeers(trx, deps, l.row, id, peerReviewerIds.filter((r) => !known.has(r)));
      await advanceWhenReviewsDone(trx, deps, id, at);
    }
    return getAppraisalDetail(deps, trx, meta, id);
  });
}

/**
 * Ends the review round: peer and customer scores are averaged, the final score is the setting
 * mix renormalised over the raters present, the grade follows; the supervisor is asked to hold
 * the feedback conversation.
 */
export async function finishReviews(trx: Executor, deps: Deps, meta: RequestMeta | null, appraisalId: number, at: string, reason: string | null): Promise<void> {
  const row = await trx
    .selectFrom('appraisals as a')
    .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('users as e', 'e.id', 'a.employee_id')
    .select(['a.id', 'a.status', 'a.version', 'a.total_score_x100', 'a.supervisor_id', 'c.opened_on', 'c.period', 'c.type', 'c.feedback_due', 'e.name as employee_name'])
    .where('a.id', '=', appraisalId)
    .executeTakeFirstOrThrow();
  const voidedPeers = await trx.updateTable('peer_reviews').set({ status: 'void' }).where('appraisal_id', '=', appraisalId).where('status', '=', 'pending').executeTakeFirst();
  const voidedLinks = await trx.updateTable('customer_review_links').set({ voided_at: at }).where('appraisal_id', '=', appraisalId).where('used_at', 'is', null).where('voided_at', 'is', null).executeTakeFirst();
  const [peers, customers] = await Promise.all([
    trx.selectFrom('peer_reviews').select('score_x100').where('appraisal_id', '=', appraisalId).where('status', '=', 'submitted').execute(),
    trx.selectFrom('customer_reviews').select('score_x100').where('appraisal_id', '=', appraisalId).execute(),
  ]);
  const settings = await appraisalSettings(trx, row.opened_on);
  const peer = meanScore(peers.map((p) => fromX100(p.score_x100)!));
  const customer = meanScore(customers.map((c) => c.score_x100 / 100));
  const final = mixFinalScore(settings['appraisal.raterMix.annual'], { supervisor: fromX100(row.total_score_x100), peer, customer })!;
  const grade = gradeOf(final.score, settings['appraisal.gradeBands']);
  await guardedUpdate(
    trx,
    row,
    {
      status: 'feedback',
      peer_score_x100: toX100(peer),
      customer_score_x100: toX100(customer),
      computed_final_x100: toX100(final.score),
      final_score_x100: toX100(final.score),
      grade,
      rater_weights_json: JSON.stringify(final.weights),
      step_due: row.feedback_due,
    },
    at,
  );
  await writeAudit(
    trx,
    deps.engine,
    meta,
    {
      action: 'transition:close-reviews',
      entity: 'appraisal',
      entityId: appraisalId,
      before: { status: row.status },
      after: { status: 'feedback', peerScore: peer, customerScore: customer, finalScore: final.score, weights: final.weights, grade, reason, released: Number(voidedPeers.numUpdatedRows) + Number(voidedLinks.numUpdatedRows) },
    },
    at,
  );
  if (row.supervisor_id !== null) {
    await notify(trx, deps, {
      userIds: [row.supervisor_id],
      kind: 'appraisal.awaiting_feedback',
      params: { employee: row.employee_name, period: row.period, type: typeParam(row.type) },
      entity: 'appraisal',
      entityId: appraisalId,
      link: `/appraisal/appraisals/${appraisalId}`,
    });
  }
}

/**
 * The round ends by itself when nobody is still asked: every chosen peer has answered, no
 * customer link is outstanding, and a customer-facing employee has at least one customer review.
 */
export async function advanceWhenReviewsDone(trx: Executor, deps: Deps, appraisalId: number, at: string): Promise<boolean> {
  const a = await trx.selectFrom('appraisals').select(['status', 'customer_facing']).where('id', '=', appraisalId).executeTakeFirstOrThrow();
  if (a.status !== 'peer_review') return false;
  const [pendingPeers, openLinks, reviews] = await Promise.all([
    trx.selectFrom('peer_reviews').select('id').where('appraisal_id', '=', appraisalId).where('status', '=', 'pending').limit(1).execute(),
    trx.selectFrom('customer_review_links').select('id').where('appraisal_id', '=', appraisalId).where('used_at', 'is', null).where('voided_at', 'is', null).where('expires_at', '>', at).limit(1).execute(),
    trx.selectFrom('customer_reviews').select('id').where('appraisal_id', '=', appraisalId).limit(1).execute(),
  ]);
  if (pendingPeers.length || openLinks.length) return false;
  if (a.customer_facing === 1 && reviews.length === 0) return false;
  await finishReviews(trx, deps, null, appraisalId, at, null);
  return true;
}

/** The supervisor (or HR) ends the round early; reviews not returned by then are released. */
export function closeReviews(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: z.infer<typeof closeReviewsSchema>) {
  return inTransaction(db, async (trx) => {
    await loadForAction(trx, meta, id, 'close-reviews');
    await finishReviews(trx, deps, meta, id, nowIso(deps), input.reason?.trim() || null);
    return getAppraisalDetail(deps, trx, meta, id);
  });
}
