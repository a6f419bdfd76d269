import { sql } from 'kysely';
import type { PeerReviewDto, PeerReviewSubmit } from '@domain/appraisal/review.schema.js';
import { commentsMissing, meanScore } from '@domain/appraisal/scoring.rules.js';
import { translate } from '@domain/i18n/messages.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { fieldErrors, invalidTransition, notFound } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { appraisalSettings } from './settings.load.js';
import { advanceWhenReviewsDone } from './appraisal-reviews.service.js';
import { fromX100, toX100 } from './scores.js';

function peerSelect(db: Executor) {
  return db
    .selectFrom('peer_reviews as p')
    .innerJoin('appraisals as a', 'a.id', 'p.appraisal_id')
    .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('users as e', 'e.id', 'a.employee_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .select([
      'p.id',
      'p.appraisal_id',
      'p.status',
      'p.teamwork_x100',
      'p.communication_x100',
      'p.score_x100',
      'p.comment',
      'p.submitted_at',
      'p.created_at',
      'a.employee_id',
      'a.position_title',
      'a.status as appraisal_status',
      'c.type',
      'c.period',
      'c.status as cycle_status',
      'c.reviews_due',
      'c.opened_on',
      'e.name as employee_name',
      'd.name as department_name',
    ]);
}
type PeerRow = Awaited<ReturnType<ReturnType<typeof peerSelect>['executeTakeFirstOrThrow']>>;

/** A peer may answer while the appraisal is in its review step and the cycle is open. */
function canSubmit(r: PeerRow): boolean {
  return r.status === 'pending' && r.appraisal_status === 'peer_review' && r.cycle_status === 'open';
}

function present(r: PeerRow): PeerReviewDto {
  return {
    id: r.id,
    appraisalId: r.appraisal_id,
    cycleType: r.type as PeerReviewDto['cycleType'],
    period: r.period,
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    positionTitle: r.position_title,
    departmentName: r.department_name,
    status: r.status as PeerReviewDto['status'],
    teamwork: fromX100(r.teamwork_x100),
    communication: fromX100(r.communication_x100),
    score: fromX100(r.score_x100),
    comment: r.comment,
    dueDate: r.reviews_due,
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    actions: canSubmit(r) ? ['submit'] : [],
  };
}

/** My own review forms: a reviewer sees nothing else of the colleague's appraisal. */
export async function listMyPeerReviews(db: Executor, meta: Pick<RequestMeta, 'actor'>, q: { page: number; pageSize: number; status?: string }) {
  const build = () => {
    let b = peerSelect(db).where('p.reviewer_id', '=', meta.actor.id).where('p.status', '!=', 'void');
    if (q.status) b = b.where('p.status', '=', q.status);
    return b;
  };
  const [items, count] = await Promise.all([
    build().orderBy('p.status', 'asc').orderBy('p.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    build().clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirst(),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function findMine(db: Executor, meta: Pick<RequestMeta, 'actor'>, id: number) {
  const row = await peerSelect(db).where('p.id', '=', id).where('p.reviewer_id', '=', meta.actor.id).where('p.status', '!=', 'void').executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function getMyPeerReview(db: Executor, meta: Pick<RequestMeta, 'actor'>, id: number) {
  return present(await findMine(db, meta, id));
}

/** 《年度績效考核同事評價表》: teamwork and communication, 0–100, a comment where the settings ask. */
export function submitPeerReview(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: PeerReviewSubmit) {
  return inTransaction(db, async (trx) => {
    const row = await findMine(trx, meta, id);
    if (!canSubmit(row)) throw invalidTransition({ from: row.status, action: 'submit' });
    const rule = (await appraisalSettings(trx, row.opened_on))['appraisal.commentRequired'];
    if (commentsMissing({ teamwork: { score: input.teamwork, comment: input.comment }, communication: { score: input.communication, comment: input.comment } }, rule).length) {
      throw fieldErrors(400, 'VALIDATION_FAILED', (k, p) => translate(meta.locale, k, p), { comment: ['field.commentForScore', { below: rule.below, above: rule.above }] });
    }
    const at = nowIso(deps);
    const score = meanScore([input.teamwork, input.communication])!;
    const res = await trx
      .updateTable('peer_reviews')
      .set({ status: 'submitted', teamwork_x100: toX100(input.teamwork), communication_x100: toX100(input.communication), score_x100: toX100(score), comment: input.comment?.trim() || null, submitted_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw invalidTransition();
    await writeAudit(trx, deps.engine, meta, { action: 'transition:submit', entity: 'peer_review', entityId: id, before: { status: 'pending' }, after: { status: 'submitted', appraisalId: row.appraisal_id, score } }, at);
    await advanceWhenReviewsDone(trx, deps, row.appraisal_id, at);
    return present(await findMine(trx, meta, id));
  });
}
