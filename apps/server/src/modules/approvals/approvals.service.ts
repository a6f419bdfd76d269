import { approvalActions } from '@domain/approvals/approval.access.js';
import { invalidTransition, notFound } from '../../platform/http/errors.js';
import { type Deps, type RequestMeta } from '../../platform/context.js';
import { inTransaction, type Executor } from '../../platform/db/executor.js';
import { findApprovalById, isParticipant } from '../../platform/approvals/approvals.repo.js';
import { getApprovalById, remindApproval, transferApproval } from '../../platform/approvals/approvals.js';

/** One approval, for its participants only (others 404), with what the reader may do. */
export async function readApproval(db: Executor, meta: RequestMeta, id: number, now: Date) {
  const found = await getApprovalById(db, id);
  if (!found || !(await isParticipant(db, found.row, meta.actor.id))) throw notFound();
  const { row, slots, dto } = found;
  const actions = approvalActions(meta.actor, { status: row.status, createdBy: row.created_by, lastRemindedAt: row.last_reminded_at, slots }, now);
  return { ...dto, actions, policies: { decide: actions.includes('decide'), transfer: actions.includes('transfer'), remind: actions.includes('remind') } };
}

async function refOf(db: Executor, meta: RequestMeta, id: number) {
  const row = await findApprovalById(db, id);
  if (!row || !(await isParticipant(db, row, meta.actor.id))) throw notFound();
  // Only a pending approval can be acted on, and a pending one is always its record's latest.
  if (row.status !== 'pending') throw invalidTransition();
  return { entity: row.entity, entityId: row.entity_id };
}

export function transferById(deps: Deps, db: Executor, meta: RequestMeta, id: number, body: { toUserId: number; comment?: string }) {
  return inTransaction(db, async (trx) => {
    await transferApproval(trx, deps, meta, { ...(await refOf(trx, meta, id)), ...body });
    return readApproval(trx, meta, id, deps.now());
  });
}

export function remindById(deps: Deps, db: Executor, meta: RequestMeta, id: number) {
  return inTransaction(db, async (trx) => {
    await remindApproval(trx, deps, meta, await refOf(trx, meta, id));
    return readApproval(trx, meta, id, deps.now());
  });
}
