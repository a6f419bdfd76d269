import { checkDecider } from '@domain/approvals/approval.rules.js';
import type { Updateable } from 'kysely';
import type { ApprovalTable } from '../db/schema.js';
import { forbidden, invalidTransition, notFound, versionConflict } from '../http/errors.js';
import type { RequestMeta } from '../context.js';
import type { Executor } from '../db/executor.js';
import { findLatestApproval, loadSlots, type ApprovalRow, type SlotRow } from './approvals.repo.js';

type Ref = { entity: string; entityId: number };

/** The record's approval, which the actor must be awaited on now (403 if never, 409 if too late). */
export async function requireDecider(db: Executor, meta: RequestMeta, ref: Ref): Promise<{ row: ApprovalRow; slots: SlotRow[] }> {
  const row = await findLatestApproval(db, ref.entity, ref.entityId);
  if (!row) throw invalidTransition();
  const slots = await loadSlots(db, row.id);
  const check = checkDecider(slots, row.status, meta.actor.id);
  if (check === 'not_approver') throw forbidden();
  if (check !== 'ok') throw invalidTransition();
  return { row, slots };
}

/** The record's pending approval, which the actor must have submitted. */
export async function requireSubmitter(db: Executor, meta: RequestMeta, ref: Ref): Promise<ApprovalRow> {
  const row = await findLatestApproval(db, ref.entity, ref.entityId);
  if (!row) throw notFound();
  if (row.created_by !== meta.actor.id) throw forbidden();
  if (row.status !== 'pending') throw invalidTransition();
  return row;
}

/**
 * Moves the approval to its next version, only if nobody else did since it was read: of two
 * concurrent decisions one updates, the other finds the version gone and gets 409.
 */
export async function claimVersion(db: Executor, row: ApprovalRow, set: Updateable<ApprovalTable>): Promise<void> {
  const res = await db
    .updateTable('approvals')
    .set({ ...set, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
}
