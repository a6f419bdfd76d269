import type { CustomerLinkCreate, CustomerReviewSubmit } from '@domain/appraisal/review.schema.js';
import { CUSTOMER_REVIEW_ITEMS } from '@domain/appraisal/review.schema.js';
import { satisfactionScore } from '@domain/appraisal/objective.rules.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { nowIso, type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { salesModule } from '../sales/index.js';
import { loadForAction } from './appraisal-actions.js';
import { advanceWhenReviewsDone } from './appraisal-reviews.service.js';
import { linkSecret, linkToken, verifyLinkToken } from './customer-links.js';
import { toX100 } from './scores.js';

const ACCEPTING = new Set(['self_assessment', 'supervisor_review', 'peer_review']);

/**
 * 《年度績效考核客戶評價表》 for a customer-facing employee: a signed link that expires, sent
 * by the supervisor (or HR) to a contact of the customer; the token is answered only now.
 */
export function createCustomerLink(deps: Deps, db: Executor, meta: RequestMeta, id: number, input: CustomerLinkCreate) {
  return inTransaction(db, async (trx) => {
    const l = await loadForAction(trx, meta, id, 'customer-link');
    // Only a customer the sender may see; any other id answers as one that does not exist.
    if (input.customerId !== undefined && !(await salesModule.queries.customerVisibleTo(trx, input.customerId, meta.actor))) {
      throw invalid({ customerId: 'field.notExists' });
    }
    const at = nowIso(deps);
    const days = input.expiresInDays ?? l.settings['appraisal.customerLinkDays'];
    // Whole seconds, so the expiry in the token and in the database are the same instant.
    const expiresAt = new Date(Math.floor(deps.now().getTime() / 1000) * 1000 + days * 86_400_000).toISOString();
    const { id: linkId } = await trx
      .insertInto('customer_review_links')
      .values({ appraisal_id: id, reviewer_name: input.reviewerName, customer_id: input.customerId ?? null, expires_at: expiresAt, used_at: null, voided_at: null, created_by: meta.actor.id, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = linkToken(await linkSecret(trx, at), linkId, expiresAt);
    await writeAudit(trx, deps.engine, meta, { action: 'customer-link', entity: 'appraisal', entityId: id, after: { linkId, reviewerName: input.reviewerName, customerId: input.customerId ?? null, expiresAt } }, at);
    return { id: linkId, path: `/review/${token}`, token, expiresAt };
  });
}

const refused = (status: number, code: 'LINK_INVALID' | 'LINK_EXPIRED' | 'LINK_USED') => new AppError(status, code);

/** A link is good only if signed with our key, not expired, not used, not withdrawn, and its appraisal still collects reviews. */
async function openLink(db: Executor, token: string, now: Date) {
  const ok = verifyLinkToken(await linkSecret(db, now.toISOString()), token);
  if (!ok) throw refused(404, 'LINK_INVALID');
  const link = await db
    .selectFrom('customer_review_links as l')
    .innerJoin('appraisals as a', 'a.id', 'l.appraisal_id')
    .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('users as e', 'e.id', 'a.employee_id')
    .select(['l.id', 'l.appraisal_id', 'l.reviewer_name', 'l.expires_at', 'l.used_at', 'l.voided_at', 'a.status', 'a.position_title', 'c.period', 'c.status as cycle_status', 'e.name as employee_name', salesModule.queries.customerNameOf('l.customer_id').as('customer_name')])
    .where('l.id', '=', ok.linkId)
    .executeTakeFirst();
  if (!link || Math.floor(Date.parse(link.expires_at) / 1000) !== ok.expiresEpoch) throw refused(404, 'LINK_INVALID');
  if (link.used_at) throw refused(410, 'LINK_USED');
  if (link.expires_at <= now.toISOString() || link.voided_at || !ACCEPTING.has(link.status) || link.cycle_status !== 'open') throw refused(410, 'LINK_EXPIRED');
  return link;
}

export async function customerForm(deps: Deps, db: Executor, token: string) {
  const link = await openLink(db, token, deps.now());
  return {
    employeeName: link.employee_name,
    positionTitle: link.position_title,
    reviewerName: link.reviewer_name,
    customerName: link.customer_name,
    period: link.period,
    expiresAt: link.expires_at,
    items: [...CUSTOMER_REVIEW_ITEMS],
  };
}

/** One submission per link: the first one to mark the link used wins; the link is dead afterwards. */
export function submitCustomerReview(deps: Deps, db: Executor, token: string, input: CustomerReviewSubmit, ip: string | null) {
  return inTransaction(db, async (trx) => {
    const link = await openLink(trx, token, deps.now());
    const at = nowIso(deps);
    const used = await trx.updateTable('customer_review_links').set({ used_at: at }).where('id', '=', link.id).where('used_at', 'is', null).where('voided_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw refused(410, 'LINK_USED');
    const score = satisfactionScore(CUSTOMER_REVIEW_ITEMS.map((k) => input.ratings[k]))!;
    const reviewerName = input.reviewerName?.trim() || link.reviewer_name;
    await trx
      .insertInto('customer_reviews')
      .values({ link_id: link.id, appraisal_id: link.appraisal_id, reviewer_name: reviewerName, ratings_json: JSON.stringify(input.ratings), score_x100: toX100(score), comment: input.comment?.trim() ?? '', submitted_at: at, ip })
      .execute();
    await writeAudit(trx, deps.engine, null, { action: 'customer-review', entity: 'appraisal', entityId: link.appraisal_id, after: { linkId: link.id, reviewerName, score } }, at);
    await advanceWhenReviewsDone(trx, deps, link.appraisal_id, at);
    return { ok: true as const };
  });
}
