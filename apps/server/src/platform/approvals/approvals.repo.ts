import type { ApprovalSlot, SlotDecision, ApprovalMode } from '@domain/approvals/approval.rules.js';
import type { Executor } from '../db/executor.js';

export function approvalSelect(db: Executor) {
  return db
    .selectFrom('approvals as a')
    .leftJoin('users as c', 'c.id', 'a.created_by')
    .selectAll('a')
    .select((eb) => [
      'c.name as created_by_name',
      eb.selectFrom('approval_steps as s').whereRef('s.approval_id', '=', 'a.id').select((e) => e.fn.max('s.step_no').as('n')).as('step_count'),
    ]);
}

export type ApprovalRow = Awaited<ReturnType<ReturnType<typeof approvalSelect>['executeTakeFirstOrThrow']>>;

/** The latest approval of a record (an earlier one may have been returned or withdrawn). */
export function findLatestApproval(db: Executor, entity: string, entityId: number): Promise<ApprovalRow | undefined> {
  return approvalSelect(db).where('a.entity', '=', entity).where('a.entity_id', '=', entityId).orderBy('a.id', 'desc').limit(1).executeTakeFirst();
}

export function findApprovalById(db: Executor, id: number): Promise<ApprovalRow | undefined> {
  return approvalSelect(db).where('a.id', '=', id).executeTakeFirst();
}

export type SlotRow = ApprovalSlot & { id: number; approverName: string; comment: string | null; decidedAt: string | null };

export async function loadSlots(db: Executor, approvalId: number): Promise<SlotRow[]> {
  const rows = await db
    .selectFrom('approval_steps as s')
    .innerJoin('users as u', 'u.id', 's.approver_id')
    .select(['s.id', 's.step_no', 's.mode', 's.approver_id', 's.decision', 's.comment', 's.decided_at', 'u.name'])
    .where('s.approval_id', '=', approvalId)
    .orderBy('s.step_no')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    stepNo: r.step_no,
    mode: r.mode as ApprovalMode,
    approverId: r.approver_id,
    approverName: r.name,
    decision: r.decision as SlotDecision | null,
    comment: r.comment,
    decidedAt: r.decided_at,
  }));
}

export function loadEvents(db: Executor, approvalId: number) {
  return db
    .selectFrom('approval_events as e')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .leftJoin('users as t', 't.id', 'e.target_user_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.step_no', 'e.actor_id', 'e.target_user_id', 'e.comment', 'a.name as actor_name', 't.name as target_name'])
    .where('e.approval_id', '=', approvalId)
    .orderBy('e.id')
    .execute();
}

export type EventRow = Awaited<ReturnType<typeof loadEvents>>[number];

export type NewEvent = { kind: string; actorId: number | null; stepNo?: number | null; comment?: string | null; targetUserId?: number | null };

export async function addEvents(db: Executor, approvalId: number, at: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('approval_events')
    .values(events.map((e) => ({ approval_id: approvalId, at, kind: e.kind, actor_id: e.actorId, step_no: e.stepNo ?? null, comment: e.comment ?? null, target_user_id: e.targetUserId ?? null })))
    .execute();
}

/** Is the user part of the approval: submitter, approver (past or present), or copied? */
export async function isParticipant(db: Executor, approval: ApprovalRow, userId: number): Promise<boolean> {
  if (approval.created_by === userId) return true;
  const slot = await db.selectFrom('approval_steps').select('id').where('approval_id', '=', approval.id).where('approver_id', '=', userId).limit(1).executeTakeFirst();
  if (slot) return true;
  const cc = await db.selectFrom('approval_events').select('id').where('approval_id', '=', approval.id).where('target_user_id', '=', userId).limit(1).executeTakeFirst();
  return !!cc;
}
